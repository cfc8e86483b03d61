/**
 * Cross-process locks on `<stateDir>/<name>.lock` with proper-lockfile, set up the way
 * docs/safety.md rule 11 asks: an onCompromised handler (the default throws from a timer and kills
 * the process), retries with a short backoff looped under our own deadline (the default is 0 retries;
 * docs/performance.md: a plain retry count gives p99 ≈ 1 s), and fencing so a holder whose event loop
 * stalled past `stale` cannot write after someone else took the lock over.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { LanesError } from '../errors.js';
import { failpoint } from '../util/failpoint.js';
import { log } from '../util/log.js';
import { assertSlug } from '../util/slug.js';
import { rmQuiet, writeFileAtomic } from './atomic.js';
import { Lease, MIN_STALE_MS, type HeldLock } from './lease.js';
import { hostName, pidAlive } from './pid.js';
import { LockQueue, ringNext } from './queue.js';

// Forwarded from callers' own optional settings, so an absent value may arrive as `undefined`.
export interface LockOptions {
  /** A holder silent this long is presumed dead and taken over. Default 5000, min 2000. */
  staleMs?: number | undefined;
  /** Give up with BUSY after waiting this long. Default 30000; must exceed staleMs. */
  deadlineMs?: number | undefined;
  /** Shown to whoever finds the lock busy ("merge queue", "start_task api-auth"). */
  purpose?: string | undefined;
}

export interface LockOwner {
  pid: number;
  host: string;
  since: string;
  purpose?: string;
}

// Refresh every second (proper-lockfile's floor), so acquirers using any stale >= 2 s agree with us.
const REFRESH_MS = 1000;

const held = new AsyncLocalStorage<ReadonlySet<string>>();

interface OwnerNote extends LockOwner {
  token: string;
}

export function lockPathFor(stateDir: string, name: string): string {
  return path.join(stateDir, `${name}.lock`);
}

/** True when the current async context runs inside withLock(stateDir, name). */
export function holdsLock(stateDir: string, name: string): boolean {
  return held.getStore()?.has(lockPathFor(path.resolve(stateDir), name)) ?? false;
}

/** Who holds (or last held) a lock, from `<name>.owner.json`; undefined when unknown. */
export function lockOwner(stateDir: string, name: string): LockOwner | undefined {
  try {
    const o = JSON.parse(fs.readFileSync(path.join(stateDir, `${name}.owner.json`), 'utf8')) as Partial<OwnerNote>;
    if (typeof o.pid !== 'number') return undefined;
    const owner: LockOwner = { pid: o.pid, host: String(o.host), since: String(o.since) };
    if (typeof o.purpose === 'string') owner.purpose = o.purpose;
    return owner;
  } catch {
    return undefined;
  }
}

type Acquired = { release(): Promise<void>; held: HeldLock };

async function acquire(stateDir: string, name: string, opts: LockOptions, wait: boolean): Promise<Acquired | undefined> {
  assertSlug(name, 'lock name');
  const dir = path.resolve(stateDir);
  const stale = Math.max(opts.staleMs ?? 5000, MIN_STALE_MS);
  const deadlineMs = opts.deadlineMs ?? 30_000;
  if (!(deadlineMs > stale)) {
    throw new LanesError('INVALID_INPUT', `Lock deadline ${deadlineMs} ms must be longer than stale ${stale} ms.`, {
      hint: 'Otherwise a crashed holder could never be taken over before giving up (docs/safety.md rule 11).',
    });
  }
  const lease = new Lease(name, lockPathFor(dir, name), path.join(dir, `${name}.owner.json`));
  if (held.getStore()?.has(lease.lockPath)) {
    throw new LanesError('INTERNAL', `Re-entrant take of the "${name}" lock would wait for itself.`);
  }
  const end = Date.now() + deadlineMs;
  const queue = wait ? new LockQueue(dir, name, stale) : undefined;
  let release: () => Promise<void>;
  try {
    for (;;) {
      if (!queue || queue.mayTry()) {
        const got = await attempt(dir, name, lease, stale);
        if (got) {
          release = got;
          break;
        }
        if (!queue) return undefined;
      }
      if (Date.now() >= end) throw busy(dir, name, deadlineMs, stale);
      // Join, then look once more before the first wait: a release between our last look and the
      // watch starting would otherwise wake nobody.
      if (!queue.joined) queue.join();
      else await queue.wait(end, queue.first);
    }
  } finally {
    queue?.leave();
  }
  lease.holding = true;
  try {
    lease.mtime = fs.statSync(lease.lockPath).mtime.getTime();
    noteTakeover(dir, name);
    const note: OwnerNote = { pid: process.pid, host: hostName(), since: new Date().toISOString(), token: lease.token };
    if (opts.purpose) note.purpose = opts.purpose;
    // Advisory only, so no fsync; still renamed so a reader never sees half a note.
    writeFileAtomic(lease.ownerPath, `${JSON.stringify(note)}\n`, 0o600, { durable: false });
  } catch (e) {
    await release().catch(() => {});
    throw e;
  }
  await failpoint('lock.held');
  return { held: lease, release: () => releaseLease(lease, release) };
}

/** One try at the lock directory (a holder silent past `stale` is taken over); undefined when held. */
async function attempt(dir: string, name: string, lease: Lease, stale: number): Promise<(() => Promise<void>) | undefined> {
  try {
    return await lockfile.lock(path.join(dir, name), {
      stale,
      update: REFRESH_MS,
      realpath: false,
      lockfilePath: lease.lockPath,
      fs: lease.fs(),
      // Waiting is ours (LockQueue): proper-lockfile's own retries sleep on a random back-off.
      retries: 0,
      // Never throw here: this runs from a timer and would kill the process (rule 10).
      onCompromised: (err) => lease.markCompromised(err.message),
    });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOCKED') return undefined;
    throw new LanesError('INTERNAL', `Could not take the "${name}" lock in ${dir}: ${(e as Error).message}`, { cause: e });
  }
}

function noteTakeover(dir: string, name: string): void {
  const prev = lockOwner(dir, name);
  if (!prev) return;
  const dead = prev.host === hostName() && !pidAlive(prev.pid);
  const msg = `took over the "${name}" lock last held by pid ${prev.pid} on ${prev.host} since ${prev.since}`;
  if (dead) log.warn(`${msg} (that process died holding it)`);
  else log.debug(msg);
}

async function releaseLease(lease: Lease, release: () => Promise<void>): Promise<void> {
  if (lease.released) return;
  if (lease.stillOurs() !== undefined) {
    try {
      const o = JSON.parse(fs.readFileSync(lease.ownerPath, 'utf8')) as Partial<OwnerNote>;
      if (o.token === lease.token) rmQuiet(lease.ownerPath);
    } catch {
      // no note: nothing to remove
    }
  }
  try {
    await release();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ERELEASED') log.warn(`releasing the "${lease.name}" lock failed`, String(e));
  }
  lease.released = true;
  ringNext(path.dirname(lease.lockPath), lease.name);
}

function busy(dir: string, name: string, waitedMs: number, stale: number): LanesError {
  const o = lockOwner(dir, name);
  const who = o ? `pid ${o.pid} on ${o.host} since ${o.since}${o.purpose ? ` (${o.purpose})` : ''}` : 'an unknown process';
  return new LanesError(
    'BUSY',
    `The "${name}" lock in ${dir} is busy: held by ${who}; gave up after ${Math.round(waitedMs / 100) / 10} s.`,
    {
      hint: `Another Lanes process is changing shared state; retry shortly. A holder that died is taken over automatically after ${stale / 1000} s.`,
      details: { lock: name, holder: o },
    },
  );
}

/** Runs `fn` holding the lock; waits up to the deadline (then BUSY), releases on every path. */
export async function withLock<R>(stateDir: string, name: string, fn: (lock: HeldLock) => Promise<R>, opts: LockOptions = {}): Promise<R> {
  const got = (await acquire(stateDir, name, opts, true)) as Acquired;
  const lease = got.held as Lease;
  const inner = new Set(held.getStore() ?? []).add(lease.lockPath);
  try {
    return await held.run(inner, () => fn(lease));
  } finally {
    await got.release();
  }
}

/** One attempt (a holder silent for longer than stale is still taken over); when busy, says who holds it. */
export async function tryLock(
  stateDir: string,
  name: string,
  opts: LockOptions = {},
): Promise<Acquired | { holder: LockOwner | undefined }> {
  const got = await acquire(stateDir, name, opts, false);
  return got ?? { holder: lockOwner(path.resolve(stateDir), name) };
}
