/**
 * Process liveness, for deciding whether a temp file, lock owner or journal record belongs to a
 * crashed process (docs/safety.md rules 9-10: sweep orphans, roll crashed operations forward/back).
 */
import fs from 'node:fs';
import os from 'node:os';

/**
 * True when a process with this pid exists on this host. `kill(pid, 0)` sends nothing: ESRCH means
 * gone, EPERM means it exists but belongs to another user (still alive). Pids <= 0 are refused up
 * front because kill(0) / kill(-n) would address whole process groups, not one process.
 * Pid reuse can make a dead owner look alive; callers treat "alive" as "leave it alone", which is
 * the safe direction.
 */
export function pidAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/**
 * A zombie has exited but was not reaped yet (in containers PID 1 often never reaps orphans), and
 * kill(pid, 0) still succeeds on it. On Linux, field 3 of /proc/<pid>/stat is its state: Z (or X)
 * means dead. Elsewhere we cannot tell and say alive.
 */
function isZombie(pid: number): boolean {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return false;
  }
  // The command name (field 2) is in parentheses and may contain spaces: read after the last ')'.
  const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  return state === 'Z' || state === 'X';
}

let host: string | undefined;

/**
 * The host name recorded next to every pid and lease: a pid only means something on its own host.
 * LANES_MACHINE names the machine instead (several sandboxes sharing one kernel, or tests standing
 * in for machines).
 */
export function hostName(): string {
  host ??= process.env.LANES_MACHINE || os.hostname();
  return host;
}
