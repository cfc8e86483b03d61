/**
 * Looking at a lane on disk without changing it: is git still filling it, did its checkout ever
 * finish, which processes run inside it, how much disk it takes, which ignored files removing it
 * would delete.
 */
import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { ignoredFilesUnder, ignoredMatching } from '../../git/files.js';
import { adminDirFor } from '../../git/worktree.js';
import { isInside } from './paths.js';

/** The working directory of a process (Linux /proc), or undefined when unknown. */
export function procCwd(pid: number): string | undefined {
  try {
    return fs.readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return undefined;
  }
}

/** Whether /proc can tell us about processes at all (Linux). */
export function haveProc(): boolean {
  return fs.existsSync('/proc/self/cwd');
}

/** Pids of processes whose working directory is inside `dir` (Linux only; [] elsewhere). */
export function processesIn(dir: string): number[] {
  if (!haveProc()) return [];
  const out: number[] = [];
  let names: string[];
  try {
    names = fs.readdirSync('/proc');
  } catch {
    return [];
  }
  for (const n of names) {
    if (!/^\d+$/.test(n)) continue;
    const pid = Number(n);
    if (pid === process.pid) continue;
    const cwd = procCwd(pid);
    if (cwd && isInside(dir, cwd.replace(/ \(deleted\)$/, ''))) out.push(pid);
  }
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface CheckoutState {
  /** git's admin dir for this worktree, if registered. */
  admin?: string;
  /** The checkout finished: the worktree's index was written. */
  complete: boolean;
}

/**
 * Waits (up to `maxMs`) for a git process still filling the worktree: `worktree add` runs its
 * checkout as a child process that survives a SIGKILL of our process. A leftover index.lock with
 * nobody working inside the directory is stale (git itself was killed).
 */
export async function settleCheckout(commonDir: string, worktree: string, maxMs = 30_000): Promise<CheckoutState> {
  const admin = adminDirFor(commonDir, worktree);
  if (!admin) return { complete: false };
  const lock = path.join(admin, 'index.lock');
  const end = Date.now() + maxMs;
  while (fs.existsSync(lock) && Date.now() < end) {
    if (haveProc() && processesIn(worktree).length === 0) break; // stale: nobody is writing it
    await sleep(50);
  }
  return { admin, complete: fs.existsSync(path.join(admin, 'index')) && !fs.existsSync(lock) };
}

/** Bytes a directory tree takes on disk (allocated blocks; symlinks not followed). */
export async function diskUsage(dir: string): Promise<number> {
  let total = 0;
  const walk = async (d: string): Promise<void> => {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(d, { withFileTypes: true });
    } catch {
      return;
    }
    await Promise.all(
      entries.map(async (e) => {
        const p = path.join(d, e.name);
        try {
          const st = await fs.promises.lstat(p);
          total += st.blocks !== undefined ? st.blocks * 512 : st.size;
          if (e.isDirectory()) await walk(p);
        } catch {
          // vanished
        }
      }),
    );
  };
  await walk(dir);
  return total;
}

export interface IgnoredAtRisk {
  /** Ignored paths `git worktree remove` would delete that are neither disposable nor untouched copies (a whole directory as `dir/`). */
  paths: string[];
}

/**
 * A matcher for `worktrees.disposable_ignored`: a pattern without "/" matches any one path
 * component (`node_modules` anywhere, `*.pyc`), a pattern with "/" a leading part of the path
 * (`tmp/cache` covers `tmp/cache/x`).
 */
export function disposableMatcher(patterns: readonly string[]): (rel: string) => boolean {
  const anyPart = patterns.filter((p) => !p.replace(/\/$/, '').includes('/')).map((p) => p.replace(/\/$/, ''));
  const rooted = patterns.filter((p) => p.replace(/\/$/, '').includes('/')).map((p) => p.replace(/^\//, '').replace(/\/$/, ''));
  const part = anyPart.length ? picomatch(anyPart, { dot: true }) : () => false;
  const lead = rooted.length ? picomatch(rooted, { dot: true }) : () => false;
  return (rel) => {
    const parts = rel.replace(/\/$/, '').split('/');
    for (let i = 0; i < parts.length; i++) {
      if (part(parts[i]!)) return true;
      if (lead(parts.slice(0, i + 1).join('/'))) return true;
    }
    return false;
  };
}

/** Whether the lane's copy of an included file is still what was copied: same bytes as the main checkout's, or not touched since the lane was ready. */
const MTIME_SLACK_MS = 1000;

function untouchedCopy(lane: string, mainRoot: string, rel: string, readyAt: string | undefined): boolean {
  const mine = path.join(lane, rel);
  const theirs = path.join(mainRoot, rel);
  try {
    const a = fs.lstatSync(mine);
    // Unchanged since the lane was ready: a shortcut only for files clearly older than that. File
    // times come from a coarse clock that can lag Date.now() by milliseconds, so an edit made just
    // after the lane was ready could look older; near that moment, the contents decide.
    if (readyAt && a.mtimeMs < Date.parse(readyAt) - MTIME_SLACK_MS) return true;
    const b = fs.lstatSync(theirs);
    if (a.isSymbolicLink() || b.isSymbolicLink())
      return a.isSymbolicLink() && b.isSymbolicLink() && fs.readlinkSync(mine) === fs.readlinkSync(theirs);
    if (!a.isFile() || !b.isFile() || a.size !== b.size) return false;
    return fs.readFileSync(mine).equals(fs.readFileSync(theirs));
  } catch {
    return false;
  }
}

/**
 * The ignored files in a lane that plain `git worktree remove` would delete and that would be
 * lost: everything git ignores there, minus paths matching the disposable globs and minus
 * `.worktreeinclude` copies nobody changed. Read-only. Each entry is what an ignore pattern
 * matched (`--ignored=matching`): a directory ignored as a whole is one `dir/` entry, so a big
 * node_modules costs one line, not a walk, and a cache inside an otherwise ignored-only directory
 * is still seen as the cache it is. A `dir/` entry is opened up only when an included copy lives
 * inside it.
 */
export async function ignoredAtRisk(
  lane: string,
  mainRoot: string,
  o: { disposable: readonly string[]; included?: readonly string[]; readyAt?: string },
): Promise<IgnoredAtRisk> {
  const disposable = disposableMatcher(o.disposable);
  const included = new Set(o.included ?? []);
  const entries = await ignoredMatching(lane);
  const paths: string[] = [];
  const judge = (rel: string) => {
    if (disposable(rel)) return;
    if (included.has(rel) && untouchedCopy(lane, mainRoot, rel, o.readyAt)) return;
    paths.push(rel);
  };
  for (const rel of entries) {
    if (rel.endsWith('/') && !disposable(rel) && [...included].some((i) => i.startsWith(rel))) {
      for (const f of await ignoredFilesUnder(lane, rel)) judge(f);
      continue;
    }
    judge(rel);
  }
  return { paths: paths.sort() };
}
