/**
 * Waiting for a lock in arrival order. With a randomized retry back-off the lock went to whoever
 * happened to retry first after a release, so under contention one waiter could be passed over
 * hundreds of times (measured: p99 about 250 ms with 8 processes, 750 ms with 16, while a claim
 * held the lock for about 1.3 ms). Here each waiter drops a ticket file next to the lock and
 * watches its own ticket (inotify on Linux); whoever releases the lock touches the earliest live
 * ticket, which wakes that one waiter and no other. Watching the whole directory instead woke every
 * waiter on every file written there (temp files, renames, owner notes): about 15 wake-ups per
 * waiter per claim, which doubled the time a claim held the lock on 2 cores.
 *
 * The queue only decides who *tries*: exclusion is still the lock directory's mkdir, and the stale
 * rule still decides when a silent holder is taken over, so nothing here can make two holders or
 * keep a crashed holder's lock. A ticket whose process died is ignored and removed; a waiter that
 * is not first still tries once the first has not moved for PATIENCE_MS (a stalled or foreign
 * first waiter delays the others by that much at most), and without a working fs.watch every
 * waiter polls on a short jittered schedule. Every wait is bounded by the caller's deadline.
 */
import fs from 'node:fs';
import path from 'node:path';
import { hostName, pidAlive } from './pid.js';
import { randomHex, sha256Hex } from './random.js';

// The first waiter's safety net for a missed wake-up (a releaser of an older version rings no one)
// and how often it looks at a crashed holder's lock, which no one announces.
const HEAD_POLL_MS = 10;
// Without fs.watch nobody is woken: poll with a short jittered back-off instead.
const POLL_MIN_MS = 1;
const POLL_MAX_MS = 10;
const PATIENCE_MS = 100;
const BARGE_MS = 5;
// A ticket from another host cannot be checked by pid; one this old is a waiter that is gone.
const FOREIGN_TICKET_MS = 120_000;
// A pid's liveness is looked up at most this often per process (every waiter reads every ticket).
const ALIVE_CACHE_MS = 500;

const TICKET_RE = /^\.([a-z0-9-]+)\.wait\.(\d{20})\.(\d+)\.([0-9a-f]{8})\.([0-9a-f]{6})$/;

let hostTagCache: string | undefined;
function hostTag(): string {
  hostTagCache ??= sha256Hex(hostName()).slice(0, 8);
  return hostTagCache;
}

const aliveCache = new Map<number, { alive: boolean; at: number }>();
function aliveCached(pid: number, now: number): boolean {
  if (pid === process.pid) return true;
  const c = aliveCache.get(pid);
  if (c && now - c.at < ALIVE_CACHE_MS) return c.alive;
  const alive = pidAlive(pid);
  if (aliveCache.size > 1000) aliveCache.clear();
  aliveCache.set(pid, { alive, at: now });
  return alive;
}

/** Names matching the ticket pattern (exported for the tests and the state directory's sweep). */
export function isTicketName(name: string): boolean {
  return TICKET_RE.test(name);
}

export class LockQueue {
  private ticket: string | undefined;
  private watcher: fs.FSWatcher | undefined;
  private watching = false;
  private woken: (() => void) | undefined;
  private signalled = false;
  private pollMs = POLL_MIN_MS;
  private readonly prefix: string;

  constructor(
    private readonly dir: string,
    private readonly name: string,
    private readonly staleMs: number,
  ) {
    this.prefix = ticketPrefix(name);
  }

  get joined(): boolean {
    return this.ticket !== undefined;
  }

  /**
   * True when this waiter may try the lock now: no earlier live ticket is queued; or, before
   * joining, the first waiter has queued for less than BARGE_MS (a process that is running may take
   * a free lock rather than wait for a sleeping one to be scheduled, but never overtakes a waiter for
   * long); or the first waiter has not moved for PATIENCE_MS (stalled, or on another host).
   */
  mayTry(): boolean {
    const now = Date.now();
    const head = earliestLive(this.dir, this.prefix, now, this.ticket);
    this.first = head === undefined;
    if (head === undefined) return true;
    if (!this.joined) return waitedMs(head) < BARGE_MS;
    // The first waiter is to blame only while the lock is there for the taking.
    const free = this.takeable(now);
    if (head !== this.head || !free) {
      this.head = head;
      this.headSince = free ? now : undefined;
      return false;
    }
    this.headSince ??= now;
    return now - this.headSince >= PATIENCE_MS;
  }

  /** After mayTry(): whether no live ticket came before ours. */
  first = false;
  private head: string | undefined;
  private headSince: number | undefined;

  /** The lock directory is gone, or silent past stale (the first waiter should have broken it). */
  private takeable(now: number): boolean {
    try {
      return fs.statSync(path.join(this.dir, `${this.name}.lock`)).mtimeMs < now - this.staleMs;
    } catch {
      return true;
    }
  }

  /** Queues a ticket and starts watching; the caller looks once more before its first wait. */
  join(): void {
    if (this.ticket) return;
    const stamp = String(process.hrtime.bigint()).padStart(20, '0');
    const name = `${this.prefix}${stamp}.${process.pid}.${hostTag()}.${randomHex(3)}`;
    fs.writeFileSync(path.join(this.dir, name), '', { flag: 'wx', mode: 0o600 });
    this.ticket = name;
    try {
      this.watcher = fs.watch(path.join(this.dir, name), { persistent: false }, () => this.wake());
      this.watcher.on('error', () => this.unwatch());
      this.watching = true;
    } catch {
      this.watching = false; // no inotify watches left, or a file system without events: poll
    }
  }

  /** Waits for a releaser to ring our ticket (or a timer), never past `until` (epoch ms). */
  async wait(until: number, first: boolean): Promise<void> {
    const left = until - Date.now();
    if (left <= 0) return;
    let ms: number;
    if (this.watching) ms = first ? HEAD_POLL_MS : PATIENCE_MS;
    else {
      ms = this.pollMs * (1 + Math.random());
      this.pollMs = Math.min(POLL_MAX_MS, this.pollMs * 1.5);
    }
    if (this.signalled) {
      this.signalled = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const t = setTimeout(done, Math.min(left, ms));
      function done(): void {
        clearTimeout(t);
        resolve();
      }
      this.woken = done;
    });
    this.woken = undefined;
    this.signalled = false;
  }

  leave(): void {
    this.unwatch();
    if (this.ticket) {
      try {
        fs.unlinkSync(path.join(this.dir, this.ticket));
      } catch {
        // already gone (swept by someone who thought us dead, or the directory went)
      }
      this.ticket = undefined;
    }
  }

  private wake(): void {
    if (this.woken) this.woken();
    else this.signalled = true;
  }

  private unwatch(): void {
    this.watcher?.close();
    this.watcher = undefined;
    this.watching = false;
  }
}

/** How long the ticket's waiter has queued (a ticket from another host: as if forever). */
function waitedMs(ticket: string): number {
  const m = TICKET_RE.exec(ticket);
  if (!m || m[4] !== hostTag()) return Infinity;
  return Number(process.hrtime.bigint() - BigInt(m[2]!)) / 1e6;
}

function ticketPrefix(name: string): string {
  return `.${name}.wait.`;
}

/**
 * The earliest live ticket queued for the lock (before `before`, when given), removing the tickets
 * of waiters that died in the queue on the way.
 */
function earliestLive(dir: string, prefix: string, now: number, before?: string): string | undefined {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return undefined;
  }
  // Same prefix and a fixed-width stamp: names sort by arrival.
  const queued = names.filter((n) => n.startsWith(prefix) && (before === undefined || n < before)).sort();
  for (const n of queued) {
    const m = TICKET_RE.exec(n);
    if (m && live(dir, n, Number(m[3]), m[4]!, now)) return n;
  }
  return undefined;
}

function live(dir: string, name: string, pid: number, host: string, now: number): boolean {
  const file = path.join(dir, name);
  if (host !== hostTag()) {
    try {
      return now - fs.lstatSync(file).mtimeMs < FOREIGN_TICKET_MS;
    } catch {
      return false;
    }
  }
  if (aliveCached(pid, now)) return true;
  try {
    fs.unlinkSync(file); // a waiter that died in the queue
  } catch {
    // someone else removed it
  }
  return false;
}

/**
 * Called by a releaser after the lock directory is gone: wakes the earliest live waiter by touching
 * its ticket. Best effort: a waiter not woken finds the lock free on its own timer.
 */
export function ringNext(dir: string, name: string): void {
  const next = earliestLive(dir, ticketPrefix(name), Date.now());
  if (next === undefined) return;
  try {
    const t = new Date();
    fs.utimesSync(path.join(dir, next), t, t);
  } catch {
    // it left the queue meanwhile
  }
}
