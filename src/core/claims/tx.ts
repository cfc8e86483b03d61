/**
 * Claim logic inside a caller's transaction: pure functions of the claims doc (plus pid probes), so
 * start_task can claim a task's files in the same commit that marks the task started.
 */
import { hostName } from '../../state/pid.js';
import { act } from '../hints/actions.js';
import { LanesError } from '../../errors.js';
import { intersectNormalized, isPlainScope, normalizeScope } from '../plan/globs.js';
import type { DocTx } from '../../state/define.js';
import {
  CLAIMS_DOC,
  CLAIM_MODES,
  LIMITS,
  type ClaimConflict,
  type ClaimMode,
  type ClaimRecord,
  type ClaimRequest,
  type ClaimsDoc,
  type Reclaimed,
} from './model.js';
import {
  DEFAULT_TTL_SECONDS,
  assertText,
  assertTtl,
  describeOwner,
  describeUntil,
  expiryFrom,
  goneReason,
  identityOf,
  withIdentity,
  type GoneReason,
  type OwnerIdentity,
} from './owner.js';

export interface ParsedClaim {
  id: OwnerIdentity;
  patterns: string[];
  mode: ClaimMode;
  ttl: number;
  reason?: string;
  /** Patterns that name a file (ClaimRequest.file_paths). */
  files?: Set<string>;
}

/** Validates a request; throws INVALID_INPUT naming the first bad field. Cheap: scopes are cached. */
export function parseClaimRequest(req: ClaimRequest): ParsedClaim {
  const id = identityOf(req);
  if (!Array.isArray(req.paths) || req.paths.length === 0) {
    throw new LanesError('INVALID_INPUT', 'A claim needs at least one path.', {
      hint: 'Pass repo-relative files or globs, e.g. ["src/api/**"].',
    });
  }
  if (req.paths.length > LIMITS.maxPaths) {
    throw new LanesError('INVALID_INPUT', `A claim may name at most ${LIMITS.maxPaths} paths (got ${req.paths.length}).`, {
      hint: 'Claim a directory or a glob ("src/api/**") instead of many single files.',
    });
  }
  const patterns = [...new Set(req.paths.map((p) => normalizeScope(p)))];
  const mode = req.mode ?? 'exclusive';
  if (!(CLAIM_MODES as readonly string[]).includes(mode)) {
    throw new LanesError('INVALID_INPUT', `Unknown claim mode ${JSON.stringify(mode)}.`, {
      hint: 'Use "exclusive" (default) or "shared".',
    });
  }
  const parsed: ParsedClaim = { id, patterns, mode, ttl: assertTtl(req.ttl_seconds ?? DEFAULT_TTL_SECONDS) };
  const files = (req.file_paths ?? []).map((f) => normalizeScope(f)).filter((f) => isPlainScope(f) && patterns.includes(f));
  if (files.length) parsed.files = new Set(files);
  if (req.reason !== undefined) parsed.reason = assertText(req.reason, 'reason', LIMITS.maxReason);
  return parsed;
}

/** The claims doc of a transaction, with records that do not look like claims dropped. */
export function claimsOf(tx: DocTx): ClaimsDoc {
  const doc = tx.get(CLAIMS_DOC);
  if (!Array.isArray(doc.claims)) doc.claims = [];
  else if (doc.claims.some((c) => !sane(c))) doc.claims = doc.claims.filter(sane);
  return doc;
}

export function sane(c: unknown): c is ClaimRecord {
  const r = c as ClaimRecord;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.owner === 'string' &&
    typeof r.pattern === 'string' &&
    (r.mode === 'exclusive' || r.mode === 'shared') &&
    typeof r.expires_at === 'string' &&
    typeof r.host === 'string'
  );
}

/**
 * Removes claims whose lease expired or whose process died (on this host); returns them grouped by
 * owner for the `claims.reclaimed` event. `keep` exempts one owner's expired claims (a renewal).
 */
export function reclaimDoc(doc: ClaimsDoc, now = Date.now(), keep?: string): Reclaimed[] {
  const alive = new Map<number, boolean>();
  const gone = new Map<string, Reclaimed>();
  doc.claims = doc.claims.filter((c) => {
    let why: GoneReason | undefined = goneReason(c, now, alive);
    if (why === 'expired' && c.owner === keep) why = undefined;
    if (!why) return true;
    const key = `${c.owner}\0${why}\0${c.pid ?? ''}`;
    let g = gone.get(key);
    if (!g) {
      g = { owner: c.owner, reason: why, paths: [] };
      if (c.pid !== undefined) g.pid = c.pid;
      if (c.task !== undefined) g.task = c.task;
      gone.set(key, g);
    }
    g.paths.push(c.pattern);
    return false;
  });
  return [...gone.values()];
}

export function needsReclaim(doc: ClaimsDoc, now = Date.now()): boolean {
  const alive = new Map<number, boolean>();
  return Array.isArray(doc.claims) && doc.claims.some((c) => sane(c) && goneReason(c, now, alive) !== undefined);
}

// Intersection of two normalized patterns; the automaton search is cheap but the same pairs recur.
// Keyed by the pair and whether each side names a file, in nested maps (no key string per lookup).
const pairCache = new Map<string, Map<string, { intersects: boolean; witness?: string }>>();
let cachedPairs = 0;
function intersect(a: string, b: string, aFile = false, bFile = false): { intersects: boolean; witness?: string } {
  const ka = aFile ? `\0${a}` : a;
  const kb = bFile ? `\0${b}` : b;
  let row = pairCache.get(ka);
  let r = row?.get(kb);
  if (!r) {
    if (cachedPairs > 50_000) {
      pairCache.clear();
      cachedPairs = 0;
      row = undefined;
    }
    const files = aFile || bFile ? new Set([...(aFile ? [a] : []), ...(bFile ? [b] : [])]) : undefined;
    r = intersectNormalized(a, b, files);
    if (!row) pairCache.set(ka, (row = new Map()));
    row.set(kb, r);
    cachedPairs++;
  }
  return r;
}

/** Exclusive excludes everything; shared coexists with shared. A holder never conflicts with itself. */
export function conflictsFor(
  claims: readonly ClaimRecord[],
  owner: string,
  patterns: readonly string[],
  mode: ClaimMode,
  files?: ReadonlySet<string>,
): ClaimConflict[] {
  const out: ClaimConflict[] = [];
  for (const c of claims) {
    if (c.owner === owner || (mode === 'shared' && c.mode === 'shared')) continue;
    for (const p of patterns) {
      const hit = intersect(p, c.pattern, files?.has(p) === true, c.file === true);
      if (!hit.intersects) continue;
      const conflict: ClaimConflict = { pattern: p, held: c.pattern, mode: c.mode, owner: c.owner, expires_at: c.expires_at };
      if (c.host !== undefined && c.host !== hostName()) conflict.host = c.host;
      if (c.task !== undefined) conflict.task = c.task;
      if (hit.witness !== undefined) conflict.witness = hit.witness;
      out.push(conflict);
    }
  }
  return out;
}

/** "src/a.ts is held by task api-2 until 12:03 (in 14 min); pick other files or wait" */
export function conflictError(conflicts: ClaimConflict[], mode: ClaimMode, now = Date.now()): LanesError {
  const shown = conflicts.slice(0, 6).map((c) => {
    const who = describeOwner(c);
    const how = c.mode === 'shared' ? ' (shared)' : '';
    if (c.pattern === c.held) return `${c.pattern} is held by ${who}${how} until ${describeUntil(c.expires_at, now)}`;
    const both = c.witness ? `; both cover ${c.witness}` : '';
    return `${c.pattern} overlaps ${c.held}, held by ${who}${how} until ${describeUntil(c.expires_at, now)}${both}`;
  });
  const more = conflicts.length > shown.length ? `; and ${conflicts.length - shown.length} more` : '';
  const latest = conflicts.reduce((a, c) => (c.expires_at > a ? c.expires_at : a), '');
  const holders = [...new Set(conflicts.map((c) => describeOwner(c)))];
  const allShared = mode === 'exclusive' && conflicts.every((c) => c.mode === 'shared');
  return new LanesError('CONFLICT', `Could not claim: ${shown.join('; ')}${more}. Nothing was claimed.`, {
    hint:
      `Pick other files or wait (the last of these leases ends at ${describeUntil(latest, now)}), or ask ${holders.join(', ')} to release them (${act('release_files')}).` +
      (allShared ? ' These are shared claims: claim with mode "shared" if you only need to read them.' : ''),
    details: { conflicts },
  });
}

/**
 * The all-or-nothing claim inside a caller's transaction. Reclaims dead and expired claims first,
 * refuses (CONFLICT, naming every holder) if any pattern meets another owner's claim in a way the
 * modes forbid, else adds or updates the owner's records and renews all of the owner's claims.
 * Returns the records of the requested patterns. `out.reclaimed` collects what was reclaimed, for
 * the caller to log after commit (logReclaimed).
 */
export function claimInTx(tx: DocTx, req: ClaimRequest, out?: { reclaimed: Reclaimed[] }, now = Date.now()): ClaimRecord[] {
  const p = parseClaimRequest(req);
  const doc = claimsOf(tx);
  const reclaimed = reclaimDoc(doc, now);
  out?.reclaimed.push(...reclaimed);
  const conflicts = conflictsFor(doc.claims, p.id.owner, p.patterns, p.mode, p.files);
  if (conflicts.length) throw conflictError(conflicts, p.mode, now);
  const at = new Date(now).toISOString();
  const expires = expiryFrom(now, p.ttl);
  const mine = new Map<string, ClaimRecord>();
  for (const c of doc.claims) {
    if (c.owner !== p.id.owner) continue;
    // A live owner claiming again renews everything it holds.
    const renewed = expiryFrom(now, Math.max(1, c.ttl_seconds || p.ttl));
    if (renewed > c.expires_at) c.expires_at = renewed;
    mine.set(c.pattern, c);
  }
  const result: ClaimRecord[] = [];
  for (const pattern of p.patterns) {
    const old = mine.get(pattern);
    const rec: ClaimRecord = withIdentity(
      {
        pattern,
        mode: p.mode,
        claimed_at: old?.claimed_at ?? at,
        expires_at: old && old.expires_at > expires ? old.expires_at : expires,
        ttl_seconds: p.ttl,
      },
      p.id,
    );
    const reason = p.reason ?? old?.reason;
    if (reason !== undefined) rec.reason = reason;
    if (p.files?.has(pattern)) rec.file = true;
    if (old) doc.claims[doc.claims.indexOf(old)] = rec;
    else doc.claims.push(rec);
    result.push(rec);
  }
  return result.map((r) => ({ ...r }));
}

/**
 * The owner's records if it already holds every requested pattern in this mode, as this identity,
 * with every one of its leases fresh (renewed within the last minute, or half the ttl): claiming
 * again would change nothing worth a write. Undefined otherwise.
 */
export function alreadyHeld(claims: readonly ClaimRecord[], p: ParsedClaim, now = Date.now()): ClaimRecord[] | undefined {
  const mine = claims.filter((c) => c.owner === p.id.owner);
  const fresh = (c: ClaimRecord) => {
    const ttl = Math.max(c.ttl_seconds, p.ttl);
    return Date.parse(c.expires_at) >= now + ttl * 1000 - Math.min(60, ttl / 2) * 1000;
  };
  if (!mine.every(fresh)) return undefined;
  const out: ClaimRecord[] = [];
  for (const pattern of p.patterns) {
    const c = mine.find((x) => x.pattern === pattern);
    if (!c || c.mode !== p.mode || c.ttl_seconds !== p.ttl || (p.reason !== undefined && c.reason !== p.reason)) return undefined;
    if ((c.file === true) !== (p.files?.has(pattern) === true)) return undefined;
    if (c.pid !== p.id.pid || c.host !== p.id.host || c.session !== p.id.session || c.task !== p.id.task) return undefined;
    out.push({ ...c });
  }
  return out;
}

/** Drops every claim of `owner`; returns how many. */
export function releaseOwnerInTx(tx: DocTx, owner: string): number {
  const doc = claimsOf(tx);
  const before = doc.claims.length;
  doc.claims = doc.claims.filter((c) => c.owner !== owner);
  return before - doc.claims.length;
}

/** Drops the named patterns (normalized) of `owner`; returns which were held and which were not. */
export function releasePatternsInTx(tx: DocTx, owner: string, patterns: readonly string[]): { released: string[]; not_held: string[] } {
  const doc = claimsOf(tx);
  const want = new Set(patterns);
  const released = new Set<string>();
  doc.claims = doc.claims.filter((c) => {
    if (c.owner !== owner || !want.has(c.pattern)) return true;
    released.add(c.pattern);
    return false;
  });
  return { released: [...released], not_held: patterns.filter((p) => !released.has(p)) };
}

/** Extends the lease of every claim of `owner` to now + ttl (its own ttl unless given). */
export function renewInTx(tx: DocTx, owner: string, ttlSeconds?: number, now = Date.now()): { renewed: number; reclaimed: Reclaimed[] } {
  const doc = claimsOf(tx);
  const reclaimed = reclaimDoc(doc, now, owner);
  let renewed = 0;
  for (const c of doc.claims) {
    if (c.owner !== owner) continue;
    const ttl = ttlSeconds ?? c.ttl_seconds;
    const next = expiryFrom(now, ttl);
    if (ttlSeconds !== undefined) c.ttl_seconds = ttlSeconds;
    if (next > c.expires_at) c.expires_at = next;
    renewed++;
  }
  return { renewed, reclaimed };
}
