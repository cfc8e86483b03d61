/**
 * Leases that hold under clock skew, as pure functions. Machines' clocks disagree (by minutes on a
 * badly kept laptop), so no machine ever compares its clock with another's: a lease record carries
 * a heartbeat counter, and an observer judges expiry by its *own* clock, from the moment it first
 * saw the current heartbeat value. The holder's time is stored for people to read, never used to
 * decide. A lease is expired only after the observer has watched the same heartbeat for
 * ttl + grace; since it cannot have seen that heartbeat before it was written, the holder really
 * has been silent that long, whatever its clock says. Clock offsets are therefore harmless; the
 * grace period absorbs clocks that run at slightly different rates. Taking an expired lease over
 * is itself a compare-and-swap against the record that was judged expired (the store's lease on
 * the document), so a holder that beats in the meantime wins.
 */

export interface LeaseRecord {
  holder: string;
  machine: string;
  /** Bumped on every renewal and on every takeover, so a value never repeats for a key. */
  beat: number;
  /** The holder's clock at its last beat (ms): informational only. */
  holderTime: number;
  /** Silence after which observers may take the lease over. */
  ttlMs: number;
}

/** What an observer remembers about a key: which heartbeat it saw, and when, by its own clock. */
export interface Observation {
  holder: string;
  beat: number;
  firstSeenAt: number;
}

export type Judgement =
  | { state: 'free' }
  | { state: 'live'; record: LeaseRecord; expiresInMs: number }
  | { state: 'expired'; record: LeaseRecord; silentForMs: number };

export const DEFAULT_GRACE_MS = 5_000;

function sameBeat(record: LeaseRecord, obs: Observation | undefined): obs is Observation {
  return obs !== undefined && obs.holder === record.holder && obs.beat === record.beat;
}

/** The observation to keep after looking at `record` at `now` (observer's clock). */
export function observe(record: LeaseRecord | undefined, prev: Observation | undefined, now: number): Observation | undefined {
  if (!record) return undefined;
  if (sameBeat(record, prev)) return prev;
  return { holder: record.holder, beat: record.beat, firstSeenAt: now };
}

/**
 * Whether the lease is held. `obs` is what this observer saw before (from `observe`); a record
 * it has not seen at this heartbeat is live for at least a full ttl + grace from now.
 */
export function judge(record: LeaseRecord | undefined, obs: Observation | undefined, now: number, graceMs = DEFAULT_GRACE_MS): Judgement {
  if (!record) return { state: 'free' };
  const since = sameBeat(record, obs) ? obs.firstSeenAt : now;
  // A clock that stepped backwards makes the silence negative: that is "just seen", never expired.
  const silent = Math.max(0, now - since);
  const limit = record.ttlMs + graceMs;
  if (silent > limit) return { state: 'expired', record, silentForMs: silent };
  return { state: 'live', record, expiresInMs: limit - silent };
}

/** A new lease for `holder`, replacing `prev` (free or expired) if any. */
export function grant(holder: string, machine: string, ttlMs: number, now: number, prev?: LeaseRecord): LeaseRecord {
  return { holder, machine, beat: (prev?.beat ?? 0) + 1, holderTime: now, ttlMs };
}

/** The record after one more heartbeat. */
export function beat(record: LeaseRecord, now: number): LeaseRecord {
  return { ...record, beat: record.beat + 1, holderTime: now };
}

/**
 * Until when (holder's clock) the holder may act on its lease: no observer can judge it expired
 * sooner than ttl after the push of the last heartbeat *started* (observers see it only after it
 * landed), so the holder stops trusting it `marginMs` before that.
 */
export function holderValidUntil(lastBeatStartedAt: number, ttlMs: number, marginMs = Math.min(1000, ttlMs / 4)): number {
  return lastBeatStartedAt + ttlMs - marginMs;
}
