/**
 * Process liveness, for deciding whether a temp file, lock owner or journal record belongs to a
 * crashed process (RELIABILITY.md rules 8-9: sweep orphans, roll crashed operations forward/back).
 */
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
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

let host: string | undefined;

/** The host name recorded next to every pid: a pid only means something on its own host. */
export function hostName(): string {
  host ??= os.hostname();
  return host;
}
