/**
 * Which repository the MCP server works on. `--repo` wins; otherwise the first of the client's
 * roots that is a git repository (asked after initialization and again on roots/list_changed);
 * otherwise the directory the server was started in. Clients that start servers outside the
 * project (most generic MCP clients) need one of the first two.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LanesError, isLanesError } from '../errors.js';
import { resolveRepo, type Repo } from '../git/repo.js';
import { log } from '../util/log.js';

export interface RepoSelection {
  /** The directory tools work in. */
  readonly cwd: string;
  repo(): Promise<Repo>;
  /** Every repository a tool has used this session (its leases are released or kept at the end). */
  used(): Repo[];
  /** Re-read the client's roots (after initialization, on roots/list_changed). */
  refreshRoots(listRoots: () => Promise<{ roots: Array<{ uri: string }> }>): Promise<void>;
}

export function selectRepo(opts: { repo?: string; cwd: string }): RepoSelection {
  const fixed = opts.repo !== undefined ? path.resolve(opts.cwd, opts.repo) : undefined;
  let dir = fixed ?? opts.cwd;
  let rootsSeen: string[] = [];
  let pending: Promise<void> = Promise.resolve();
  let repoPromise: Promise<Repo> | undefined;
  const used = new Map<string, Repo>();

  const explain = (e: unknown): unknown => {
    if (!isLanesError(e, 'NOT_A_REPO')) return e;
    const roots = rootsSeen.length ? ` None of the client's roots is a git repository (${rootsSeen.join(', ')}).` : '';
    return new LanesError('NOT_A_REPO', `No git repository for the Lanes server: ${e.message}${roots}`, {
      hint: fixed
        ? 'Point --repo at a git repository: lanes mcp --repo <dir>.'
        : "Start the server with `lanes mcp --repo <dir>` (in the client's MCP config), start it inside the repository, or have the client offer the repository as a root.",
      cause: e,
    });
  };

  return {
    get cwd() {
      return dir;
    },
    async repo() {
      await pending;
      // A failure is not cached: the user may `git init` and retry.
      repoPromise ??= resolveRepo(dir).then(
        (r) => {
          used.set(r.stateDir, r);
          return r;
        },
        (e) => {
          repoPromise = undefined;
          throw explain(e);
        },
      );
      return repoPromise;
    },
    used: () => [...used.values()],
    refreshRoots(listRoots) {
      if (fixed) return Promise.resolve();
      pending = (async () => {
        let roots: Array<{ uri: string }> = [];
        try {
          roots = (await listRoots()).roots;
        } catch (e) {
          log.warn("could not list the client's roots; using the server's directory", String(e));
        }
        const dirs = roots.flatMap((r) => {
          try {
            return r.uri.startsWith('file:') ? [fileURLToPath(r.uri)] : [];
          } catch {
            return [];
          }
        });
        rootsSeen = dirs;
        let chosen = opts.cwd;
        for (const d of dirs) {
          try {
            await resolveRepo(d);
            chosen = d;
            break;
          } catch {
            // not a repository: try the next root
          }
        }
        if (chosen !== dir) log.debug(`mcp server: working on ${chosen}`);
        dir = chosen;
        repoPromise = undefined;
      })();
      return pending;
    },
  };
}
