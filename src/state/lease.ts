/**
 * The lease behind a held lock (docs/safety.md rule 11). proper-lockfile keeps a lock alive by
 * refreshing its directory's mtime; another process takes it over once the mtime is older than
 * `stale`. A holder whose event loop stalled can therefore lose the lock while still running, so
 * before every write it proves, synchronously, that the directory still carries the mtime it set
 * and that enough of the lease is left to finish a rename.
 */
import fs from 'node:fs';
import { LanesError } from '../errors.js';
import { log } from '../util/log.js';
import { randomHex } from './random.js';

// proper-lockfile clamps `stale` to >= 2000 ms, so no process can judge our lock stale sooner than
// 2 s after its mtime: that is our lease, whatever staleMs we were given ourselves.
export const MIN_STALE_MS = 2000;
// A write must start with at least this much lease left (it only has to cover a rename).
const LEASE_MARGIN_MS = 250;

/** What a lock's holder can ask of it: lost or not, and a proof before each write. */
export interface HeldLock {
  readonly compromised: boolean;
  /** Throws LanesError STALE_WRITE unless the lock is provably still ours for a while longer. */
  assertHeld(): void;
}

export class Lease implements HeldLock {
  compromised = false;
  holding = false;
  released = false;
  /** mtime (ms) we last gave the lock directory, and the one an in-flight refresh is setting. */
  mtime = 0;
  pendingMtime: number | undefined;
  readonly token = randomHex(8);

  constructor(
    readonly name: string,
    readonly lockPath: string,
    readonly ownerPath: string,
  ) {}

  markCompromised(why: string): void {
    if (this.compromised || this.released) return;
    this.compromised = true;
    log.warn(`lost the "${this.name}" lock (${this.lockPath}): ${why}; writes under it will be refused`);
  }

  /**
   * Synchronous ownership check: the lock directory still carries an mtime we gave it (the last
   * one, or one a refresh in flight has just set). Returns that mtime, or undefined when lost.
   */
  stillOurs(): number | undefined {
    if (this.compromised) return undefined;
    let m: number;
    try {
      m = fs.statSync(this.lockPath).mtime.getTime();
    } catch {
      this.markCompromised('its lock directory is gone');
      return undefined;
    }
    if (m !== this.mtime && m !== this.pendingMtime) {
      this.markCompromised('another process took it over (our event loop stalled past stale?)');
      return undefined;
    }
    return m;
  }

  assertHeld(): void {
    if (this.released) throw new LanesError('INTERNAL', `The "${this.name}" lock was used after release.`);
    const mtime = this.stillOurs();
    if (mtime === undefined) {
      throw new LanesError('STALE_WRITE', `Refused to write: the "${this.name}" lock was lost to another process.`, {
        hint: 'Nothing was written. Another Lanes process has changed the state since; run the command again.',
        details: { lock: this.name },
      });
    }
    const left = mtime + MIN_STALE_MS - Date.now();
    if (left < LEASE_MARGIN_MS) {
      throw new LanesError(
        'STALE_WRITE',
        `Refused to write: the "${this.name}" lock was not refreshed in time (event loop stalled ${-left + MIN_STALE_MS} ms).`,
        {
          hint: 'Nothing was written. Another process may take the lock over at any moment; run the command again.',
          details: { lock: this.name },
        },
      );
    }
  }

  /**
   * The fs proper-lockfile uses: records the mtimes it sets; never removes a lost lock. Its calls
   * run synchronously (the callback before returning): each is one small syscall, and through
   * libuv's thread pool every one cost an event-loop round trip, about 1 ms per lock and release
   * together, all of it while holding the lock or keeping a waiter from it.
   */
  fs(): object {
    const skipRemove = () => this.holding && this.stillOurs() === undefined;
    const call = <T>(cb: (err: Error | null, v?: T) => void, f: () => T) => {
      let v: T;
      try {
        v = f();
      } catch (e) {
        cb(e as Error);
        return;
      }
      cb(null, v);
    };
    return {
      mkdir: (p: string, cb: (err: Error | null) => void) => call(cb, () => void fs.mkdirSync(p)),
      stat: (p: string, cb: (err: Error | null, st?: fs.Stats) => void) => call(cb, () => fs.statSync(p)),
      realpath: (p: string, cb: (err: Error | null, r?: string) => void) => call(cb, () => fs.realpathSync(p)),
      utimes: (p: string, a: Date, m: Date, cb: (err: Error | null) => void) => {
        this.pendingMtime = m.getTime();
        call(
          (err) => {
            if (!err) this.mtime = m.getTime();
            this.pendingMtime = undefined;
            cb(err);
          },
          () => fs.utimesSync(p, a, m),
        );
      },
      // Releasing (or exiting) after losing the lock must not delete the new holder's directory:
      // proper-lockfile's unlock removes it without checking whose it is.
      rmdir: (p: string, cb: (err: Error | null) => void) => call(cb, () => (skipRemove() ? undefined : fs.rmdirSync(p))),
      rmdirSync: (p: string) => (skipRemove() ? undefined : fs.rmdirSync(p)),
    };
  }
}
