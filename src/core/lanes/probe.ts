/**
 * Looking at a lane on disk without changing it: is git still filling it, did its checkout ever
 * finish, which processes run inside it, how much disk it takes.
 */
import fs from 'node:fs';
import path from 'node:path';
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
