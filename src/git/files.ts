/**
 * What git knows about the files of a working tree: tracked files, ignored and untracked ones,
 * line counts of changes. Every query is read-only (GIT_OPTIONAL_LOCKS=0, docs/safety.md rule 7),
 * so polling never collides with an agent's commit.
 */
import { git } from './exec.js';

/** Every path in the index of the worktree at `top` (`git ls-files --cached`), repository-relative. */
export async function trackedFiles(top: string): Promise<string[]> {
  const out = (await git(top, ['ls-files', '-z', '--cached'], { readOnly: true })).stdout;
  return out.split('\0').filter(Boolean);
}

/**
 * Untracked files that the patterns in `patternFile` match, read as if they were ignore rules
 * (`ls-files --others --ignored --exclude-from`).
 */
export async function untrackedMatching(cwd: string, patternFile: string): Promise<string[]> {
  return (await git(cwd, ['ls-files', '-z', '--others', '--ignored', `--exclude-from=${patternFile}`], { readOnly: true })).stdout
    .split('\0')
    .filter(Boolean);
}

/** The paths among `paths` that the repository's own ignore rules ignore (`check-ignore --stdin`). */
export async function ignoredAmong(cwd: string, paths: string[]): Promise<string[]> {
  return (await git(cwd, ['check-ignore', '-z', '--stdin'], { readOnly: true, input: `${paths.join('\0')}\0`, okCodes: [1] })).stdout
    .split('\0')
    .filter(Boolean);
}

/** Whether git ignores the one path `rel`; false too when git cannot tell. */
export async function isIgnored(cwd: string, rel: string): Promise<boolean> {
  const r = await git(cwd, ['check-ignore', '-q', '--', rel], { readOnly: true, okCodes: [1, 128] });
  return r.exitCode === 0;
}

/**
 * What ignore patterns match in a worktree (`status --ignored=matching`): a directory ignored as a
 * whole is one `dir/` entry, so a big node_modules costs one line, not a walk.
 */
export async function ignoredMatching(worktree: string): Promise<string[]> {
  const out = (
    await git(worktree, ['status', '--porcelain=v1', '-z', '--ignored=matching', '--untracked-files=normal'], { readOnly: true })
  ).stdout;
  return out
    .split('\0')
    .filter((e) => e.startsWith('!! '))
    .map((e) => e.slice(3));
}

/** Every ignored untracked file under the directory `rel` (taken literally), one by one. */
export async function ignoredFilesUnder(worktree: string, rel: string): Promise<string[]> {
  return (
    await git(worktree, ['ls-files', '-z', '--others', '--ignored', '--exclude-standard', '--', rel], {
      readOnly: true,
      env: { GIT_LITERAL_PATHSPECS: '1' },
    })
  ).stdout
    .split('\0')
    .filter(Boolean);
}

/**
 * `git status --porcelain -z` records ("XY path") of the paths `pathspec` names, untracked files
 * one by one, renames as a delete and an add. Undefined when git cannot read the worktree.
 */
export async function statusRecords(worktree: string, pathspec: string[]): Promise<string[] | undefined> {
  const r = await git(worktree, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames', '--', ...pathspec], {
    readOnly: true,
    okCodes: [128],
  });
  return r.exitCode === 0 ? r.stdout.split('\0').filter((rec) => rec.length >= 4) : undefined;
}

/** Whether anything (a change, an untracked file) is to commit at the paths `pathspec` names. */
export async function hasChanges(worktree: string, pathspec: string[]): Promise<boolean> {
  const st = await git(worktree, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', ...pathspec], { readOnly: true });
  return st.stdout !== '';
}

export interface NumstatEntry {
  path: string;
  /** Undefined for a binary file. */
  added?: number;
  deleted?: number;
}

/**
 * Lines added and deleted per file between `base` and the working tree, for the paths `pathspec`
 * names (no renames, no external diff drivers). Undefined when git cannot diff (a missing base).
 * With `mergeBaseOf`, `base` is a commit and the diff is from the merge base of it and HEAD
 * (`git diff --merge-base`: one process where `merge-base` then `diff` took two in a row);
 * undefined also when there is no single merge base (none, or several).
 */
export async function diffNumstat(
  worktree: string,
  base: string,
  pathspec: string[],
  opts: { mergeBaseOf?: boolean } = {},
): Promise<NumstatEntry[] | undefined> {
  const from = opts.mergeBaseOf ? ['--merge-base', base] : [base];
  const r = await git(worktree, ['diff', '--numstat', '-z', '--no-renames', '--no-ext-diff', '--no-textconv', ...from, '--', ...pathspec], {
    readOnly: true,
    okCodes: [128],
  });
  if (r.exitCode !== 0) return undefined;
  const out: NumstatEntry[] = [];
  // -z --numstat: "<added>\t<deleted>\t<path>\0"
  for (const rec of r.stdout.split('\0')) {
    const m = /^(\d+|-)\t(\d+|-)\t(.+)$/s.exec(rec);
    if (!m) continue;
    const e: NumstatEntry = { path: m[3]! };
    if (m[1] !== '-') {
      e.added = Number(m[1]);
      e.deleted = Number(m[2]);
    }
    out.push(e);
  }
  return out;
}

/**
 * The index entries (`ls-files -s -z`: mode, blob, stage and path) of the files the pathspecs
 * name, as git prints them: text to hash, so it changes exactly when one of those files does.
 */
export async function indexListing(worktree: string, pathspecs: string[]): Promise<string> {
  return (await git(worktree, ['ls-files', '-s', '-z', '--', ...pathspecs], { readOnly: true })).stdout.trim();
}

/**
 * Everything untracked in a worktree, ignored files included, a directory with nothing tracked
 * as one `dir/` entry (`ls-files --others --directory`).
 */
export async function untrackedEntries(worktree: string): Promise<string[]> {
  return (await git(worktree, ['ls-files', '--others', '--directory', '-z'], { readOnly: true })).stdout.trim().split('\0').filter(Boolean);
}
