/**
 * Lease identity shared by file claims and port leases: who holds something, and whether that
 * holder is gone. A holder is gone when its lease expired, or when it recorded a pid on this host
 * and that process no longer exists. Holders without a pid (task-scope claims made by start_task,
 * which outlive the process that made them) go only when their lease expires.
 */
import { leaseEnd } from '../../state/seen.js';
import { LanesError } from '../../errors.js';
import { hostName, pidAlive } from '../../state/pid.js';
import { assertSlug } from '../../util/slug.js';

export interface OwnerIdentity {
  /** "task:api", "session:<id>", an agent name... */
  owner: string;
  task?: string;
  session?: string;
  /** The process whose death ends the lease (on `host`). */
  pid?: number;
  host: string;
}

/** What a caller may say about itself; `host` defaults to this machine. */
export interface OwnerInput {
  owner: string;
  task?: string;
  session?: string;
  pid?: number;
  host?: string;
}

export interface Leased extends OwnerIdentity {
  expires_at: string;
  ttl_seconds: number;
}

export const DEFAULT_TTL_SECONDS = 1800;
export const MAX_TTL_SECONDS = 7 * 86_400;

// Owners appear in messages, events and CLI arguments: printable, no spaces, no path separators.
export const OWNER_RE = /^[A-Za-z0-9][A-Za-z0-9._:@+-]{0,127}$/;
const OWNER_RULE = 'letters, digits and . _ : @ + -, starting with a letter or digit, at most 128 characters (e.g. "task:api-auth")';
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f\x7f]/;

/**
 * The one owner rule, used by every tool and command that takes an owner (the MCP schema wraps
 * this function). A control character gets its own message: it is the likely attack, and "use
 * letters and digits" alone would not say what was wrong.
 */
/** A piece of an owner name made from outside text (a user, a host, a session id): kept to the owner rule. */
export function ownerPart(s: string): string {
  return (
    s
      .replace(/[^A-Za-z0-9._+-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'x'
  );
}

export function assertOwner(owner: unknown): string {
  if (typeof owner === 'string' && OWNER_RE.test(owner)) return owner;
  const shown = typeof owner === 'string' ? JSON.stringify(owner.slice(0, 80)) : String(owner);
  if (typeof owner === 'string' && CONTROL.test(owner)) {
    throw new LanesError('INVALID_INPUT', `Invalid owner ${shown}: it contains a control character.`, { hint: `Use ${OWNER_RULE}.` });
  }
  throw new LanesError('INVALID_INPUT', `Invalid owner ${shown}.`, { hint: `Use ${OWNER_RULE}.` });
}

/** The owner rule as a message, for schemas that check it themselves. */
export const OWNER_RULE_TEXT = OWNER_RULE;

export function assertTtl(ttl: unknown): number {
  if (Number.isSafeInteger(ttl) && (ttl as number) >= 1 && (ttl as number) <= MAX_TTL_SECONDS) return ttl as number;
  throw new LanesError('INVALID_INPUT', `Invalid ttl_seconds ${String(ttl)}.`, {
    hint: `Use a whole number of seconds from 1 to ${MAX_TTL_SECONDS} (7 days).`,
  });
}

/** A short free-text field (reason, session id): bounded, no control characters. */
/** Longest session id a record keeps. */
export const SESSION_MAX = 200;

/** A short free-text field: 1 to `max` characters, no control characters. */
export function isText(v: unknown, max: number): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= max && !CONTROL.test(v);
}

export function assertText(v: unknown, what: string, max: number): string {
  if (isText(v, max)) return v;
  throw new LanesError('INVALID_INPUT', `Invalid ${what}.`, { hint: `Use 1 to ${max} characters without control characters.` });
}

export function identityOf(input: OwnerInput): OwnerIdentity {
  const id: OwnerIdentity = {
    owner: assertOwner(input.owner),
    host: input.host === undefined ? hostName() : assertText(input.host, 'host', 255),
  };
  if (input.task !== undefined) id.task = assertSlug(input.task);
  if (input.session !== undefined) id.session = assertText(input.session, 'session', SESSION_MAX);
  if (input.pid !== undefined) {
    if (!Number.isSafeInteger(input.pid) || input.pid <= 0) {
      throw new LanesError('INVALID_INPUT', `Invalid pid ${String(input.pid)}.`, {
        hint: 'Give the positive pid of the live process that holds the lease, or none.',
      });
    }
    id.pid = input.pid;
  }
  return id;
}

/** Copies the identity fields (only those present) onto a record. */
export function withIdentity<T extends object>(rec: T, id: OwnerIdentity): T & OwnerIdentity {
  const out = { ...rec, owner: id.owner, host: id.host } as T & OwnerIdentity;
  if (id.task !== undefined) out.task = id.task;
  if (id.session !== undefined) out.session = id.session;
  if (id.pid !== undefined) out.pid = id.pid;
  return out;
}

export type GoneReason = 'expired' | 'dead-pid';

/**
 * Why a lease no longer holds, or undefined while it does. `alive` caches pid probes for one pass
 * (a claims doc names the same pid many times).
 */
export function goneReason(l: Leased, now: number, alive: Map<number, boolean> = new Map()): GoneReason | undefined {
  // `!(t > now)` also treats an unreadable expiry as expired, so a damaged record cannot pin files forever.
  if (!(leaseEnd(l, now) > now)) return 'expired';
  if (l.pid !== undefined && l.host === hostName()) {
    let a = alive.get(l.pid);
    if (a === undefined) alive.set(l.pid, (a = pidAlive(l.pid)));
    if (!a) return 'dead-pid';
  }
  return undefined;
}

export function expiryFrom(now: number, ttlSeconds: number): string {
  return new Date(now + ttlSeconds * 1000).toISOString();
}

/** "task api-2" reads better than "task:api-2"; anything else is shown as recorded. */
export function describeOwner(id: Pick<OwnerIdentity, 'owner' | 'task'> & { host?: string }): string {
  // Another machine's holder (shared state on a remote) is named with its machine.
  const on = typeof id.host === 'string' && id.host !== hostName() ? ` on ${id.host}` : '';
  if (id.task && (id.owner === `task:${id.task}` || id.owner === id.task)) return `task ${id.task}${on}`;
  return (id.task ? `${id.owner} (task ${id.task})` : id.owner) + on;
}

/** "12:03 (in 14 min)": local wall-clock time plus how long that is from now. */
export function describeUntil(iso: string, now = Date.now()): string {
  const t = Date.parse(iso);
  const d = new Date(t);
  const hhmm = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  const s = Math.max(0, Math.round((t - now) / 1000));
  const rel = s < 90 ? `${s} s` : s < 5400 ? `${Math.round(s / 60)} min` : `${Math.round(s / 360) / 10} h`;
  return `${hhmm} (in ${rel})`;
}
