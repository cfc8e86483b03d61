/**
 * Process groups: the one place Lanes starts a program in a group of its own and reaps that group
 * (docs/safety.md rule 8: killing only the child leaves grandchildren running). A program is
 * started with `detached` (setsid), so its pid is also its group id, and every group started here
 * is recorded until it is released; if this process exits first, an exit handler SIGKILLs every
 * group still recorded. A SIGKILL of this process cannot be caught, so callers that must survive it
 * record the group id elsewhere and kill it on recovery, or mark their processes with an
 * environment variable and find them with `killGroupsMarked`.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { childProcess } from './child-process.js';

/** Signals a whole process group; a group that is already gone is fine. */
export function killProcessGroup(pgid: number, signal: NodeJS.Signals = 'SIGKILL'): boolean {
  if (!Number.isSafeInteger(pgid) || pgid <= 1) return false;
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // ESRCH: nothing left in the group
  }
}

/** Recorded groups, by what started them ('command' for gates and setup, 'agent' for run agents). */
const live = new Map<number, string>();
let exitHook = false;

/** Records a group this process started, so it is killed if this process exits first. */
export function trackGroup(pgid: number, kind: string): void {
  live.set(pgid, kind);
  if (!exitHook) {
    exitHook = true;
    process.once('exit', () => {
      for (const g of live.keys()) killProcessGroup(g, 'SIGKILL');
    });
  }
}

/**
 * Ends a group's life here: SIGKILLs whatever is still running in it (what a command left behind:
 * a dev server, a watcher) unless `kill` is false, and forgets it.
 */
export function releaseGroup(pgid: number, kill = true): void {
  if (kill) killProcessGroup(pgid, 'SIGKILL');
  live.delete(pgid);
}

/** The recorded groups of one kind (for tests and diagnostics). */
export function trackedGroups(kind: string): number[] {
  return [...live].filter(([, k]) => k === kind).map(([g]) => g);
}

export interface SpawnGroupOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Recorded under this kind (see trackedGroups). */
  kind: string;
}

/**
 * Starts argv without a shell in a new process group, stdin closed and stdout and stderr piped
 * (never inherited: stdout belongs to the protocol), and records the group. The caller releases it
 * (`releaseGroup`) once the program exited. A program that cannot be started has no pid and is
 * not recorded; its child emits 'error'.
 */
export function spawnGroup(file: string, args: readonly string[], opts: SpawnGroupOptions): ChildProcess {
  const child = childProcess().spawn(file, args, { cwd: opts.cwd, env: opts.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid !== undefined) trackGroup(child.pid, opts.kind);
  return child;
}

/**
 * Asks a group to end: SIGTERM now, SIGKILL after `graceMs` unless `exited` settles first.
 * Resolves with what `exited` resolves to.
 */
export async function stopGroup<T>(pgid: number, exited: Promise<T>, graceMs: number): Promise<T> {
  killProcessGroup(pgid, 'SIGTERM');
  const timer = setTimeout(() => killProcessGroup(pgid, 'SIGKILL'), graceMs);
  timer.unref();
  try {
    return await exited;
  } finally {
    clearTimeout(timer);
  }
}

/** The process group of a process (field 5 of /proc/<pid>/stat), on Linux; undefined elsewhere or when it is gone. */
export function processGroupOf(pid: number | 'self'): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const pg = Number(fields[2]);
    return Number.isSafeInteger(pg) ? pg : undefined;
  } catch {
    return undefined;
  }
}

/**
 * SIGKILLs the whole group of every process whose environment holds `entry` (`NAME=value`), never
 * this process's own group: on Linux these are found in /proc whether or not anyone recorded their
 * groups, and a recycled pid is never mistaken for one (it lacks the mark). Elsewhere nothing is
 * killed. Returns the number of groups ended.
 */
export function killGroupsMarked(entry: string): number {
  if (process.platform !== 'linux' || !fs.existsSync('/proc/self/stat')) return 0;
  const own = processGroupOf('self');
  const groups = new Set<number>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    let environ: string;
    try {
      environ = fs.readFileSync(`/proc/${name}/environ`, 'latin1');
    } catch {
      continue; // gone, or not ours to read
    }
    if (!environ.split('\0').includes(entry)) continue;
    const pg = processGroupOf(Number(name));
    if (pg !== undefined && pg > 1 && pg !== own) groups.add(pg);
  }
  for (const g of groups) killProcessGroup(g, 'SIGKILL');
  return groups.size;
}
