/**
 * Judging another machine's lease without trusting its clock. A lease record (any object with
 * `owner`, `host` and `expires_at`) written on this host is judged by its expiry as written: the
 * same clock wrote and reads it. One written on another machine is judged by this machine's clock
 * from the moment it first saw that exact record (holder and expiry): it ends `ttl + grace` after
 * that. An observer cannot see a renewal before it is written, so "expired" means the holder was
 * really silent for its whole ttl, however far apart the two clocks are; a skewed clock can delay
 * a takeover, never hasten one.
 *
 * What was seen is kept in a small file beside the state, so successive short-lived processes age
 * the same record. Losing an update (two processes writing at once) only makes a record look
 * newer, which again delays a takeover and never hastens one.
 */
import fs from 'node:fs';
import { writeFileAtomic } from './atomic.js';
import { hostName } from './pid.js';

/** Slack for the time a record takes to reach an observer and for clocks running at other rates. */
export const GRACE_MS = 5_000;

export interface LeaseLike {
  owner?: unknown;
  host?: unknown;
  expires_at?: unknown;
  ttl_seconds?: unknown;
  renewed_at?: unknown;
  leased_at?: unknown;
}

interface Book {
  file: string;
  seen: Map<string, number>;
  dirty: boolean;
}

let book: Book | undefined;

/** Start judging foreign leases by observation, with what earlier processes saw (`file`). */
export function loadBook(file: string): void {
  if (book?.file === file) return;
  let seen = new Map<string, number>();
  try {
    seen = new Map(JSON.parse(fs.readFileSync(file, 'utf8')) as Array<[string, number]>);
  } catch {
    // nothing seen yet (or a torn file): every record looks new, which only delays takeovers
  }
  book = { file, seen, dirty: false };
}

/** Forget the book (tests; a process leaving a remote-enabled repository). */
export function unloadBook(): void {
  book = undefined;
}

function isLease(v: unknown): v is LeaseLike & { owner: string; host: string; expires_at: string } {
  const r = v as LeaseLike;
  return typeof r.owner === 'string' && typeof r.host === 'string' && typeof r.expires_at === 'string';
}

const tokenOf = (r: { owner: string; host: string; expires_at: string }) => `${r.host}\u0000${r.owner}\u0000${r.expires_at}`;

function ttlMsOf(r: LeaseLike & { expires_at: string }): number {
  if (typeof r.ttl_seconds === 'number' && r.ttl_seconds > 0) return r.ttl_seconds * 1000;
  const from = typeof r.renewed_at === 'string' ? r.renewed_at : typeof r.leased_at === 'string' ? r.leased_at : undefined;
  const d = from ? Date.parse(r.expires_at) - Date.parse(from) : NaN;
  // Unknown length: the longest lease Lanes grants, so a damaged record is never taken early.
  return Number.isFinite(d) && d > 0 ? d : 7 * 86_400_000;
}

function firstSeen(token: string, now: number): number {
  const b = book!;
  let t = b.seen.get(token);
  if (t === undefined) {
    b.seen.set(token, (t = now));
    b.dirty = true;
  }
  return t;
}

/**
 * When a lease ends by this machine's clock (ms). Without a remote (one machine) and for this
 * host's own records, that is its written expiry.
 */
export function leaseEnd(r: LeaseLike & { expires_at: string }, now = Date.now()): number {
  const written = Date.parse(r.expires_at);
  if (!book || !isLease(r) || r.host === hostName()) return written;
  return firstSeen(tokenOf(r), now) + ttlMsOf(r) + GRACE_MS;
}

/** Walk a document and note every foreign lease record in it as seen now. */
export function observeLeases(value: unknown, now = Date.now()): void {
  if (!book) return;
  const walk = (v: unknown, depth: number): void => {
    if (v === null || typeof v !== 'object' || depth > 6) return;
    if (Array.isArray(v)) {
      for (const x of v) walk(x, depth + 1);
      return;
    }
    if (isLease(v) && v.host !== hostName()) firstSeen(tokenOf(v), now);
    for (const x of Object.values(v as Record<string, unknown>)) walk(x, depth + 1);
  };
  walk(value, 0);
}

/** Persist what was seen (after a transaction or a read of the remote). */
export function saveBook(keep?: (token: string) => boolean): void {
  const b = book;
  if (!b || !b.dirty) return;
  // Bounded: records not seen for a week are long expired or long renewed.
  const old = Date.now() - 7 * 86_400_000;
  for (const [k, t] of b.seen) if (t < old || (keep && !keep(k))) b.seen.delete(k);
  try {
    writeFileAtomic(b.file, JSON.stringify([...b.seen]) + '\n', 0o600, { durable: false });
    b.dirty = false;
  } catch {
    // advisory: a lost book only delays takeovers
  }
}
