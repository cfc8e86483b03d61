/**
 * The installed git's version, read once per process through simple-git (its parser handles the
 * vendor suffixes: "2.39.3 (Apple Git-146)", "2.41.0.windows.1"). `git merge-tree --write-tree`,
 * which the merge queue is built on, needs git >= 2.38.
 */

export interface GitVersion {
  major: number;
  minor: number;
  patch: number;
  installed: boolean;
  /** Why the version could not be read, when it could not. */
  error?: string;
}

export const MIN_GIT: readonly [number, number] = [2, 38];

let cached: Promise<GitVersion> | undefined;

export function gitVersion(): Promise<GitVersion> {
  // `git --version` takes no locks; no custom env (simple-git 4 guards what an env may carry).
  // Imported on first use: the MCP server and the hooks start without it (about 100 KB of code).
  cached ??= import('simple-git')
    .then(({ simpleGit }) => simpleGit().version())
    .then((v) => ({ major: v.major, minor: v.minor, patch: typeof v.patch === 'number' ? v.patch : 0, installed: v.installed }))
    .catch((e: unknown) => ({ major: 0, minor: 0, patch: 0, installed: false, error: e instanceof Error ? e.message : String(e) }));
  return cached;
}

export function atLeast(v: GitVersion, min: readonly [number, number] = MIN_GIT): boolean {
  return v.installed && (v.major > min[0] || (v.major === min[0] && v.minor >= min[1]));
}

export function showVersion(v: GitVersion): string {
  return v.installed ? `${v.major}.${v.minor}.${v.patch}` : 'not installed';
}
