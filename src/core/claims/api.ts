/**
 * File claims against the shared state: the runtime enforcement of task scopes. Every operation
 * that takes the state lock reclaims dead and expired claims on the way (and logs each reclaim);
 * reads stay lock-free unless there is something to reclaim.
 */
import { editProcessLeases } from './detach.js';
import type { StateStore } from '../../state/index.js';
import { PORTS_DOC, logPortsReclaimed, renewPortsInTx, type PortsReclaimed } from './ports.js';
import { failpoint } from '../../util/failpoint.js';
import { normalizeScope, scopesIntersect } from '../plan/globs.js';
import { CLAIMS_DOC, type ClaimRecord, type ClaimRequest, type ClaimsFilter, type Reclaimed } from './model.js';
import { assertOwner, assertTtl } from './owner.js';
import { renewOwner } from './liveness.js';
import { submitWrite } from './service.js';
import { answerOf, type ClaimWrite, type Released, type ReleaseAuthority } from './writes.js';
import { alreadyHeld, claimsOf, conflictError, conflictsFor, needsReclaim, parseClaimRequest, reclaimDoc, renewInTx, sane } from './tx.js';

/** One `claims.reclaimed` event per owner and reason (the event's own `pid` is the reclaimer's). */
export async function logReclaimed(store: StateStore, reclaimed: readonly Reclaimed[]): Promise<void> {
  for (const { pid, ...r } of reclaimed)
    await store.appendEvent('claims.reclaimed', { ...r, ...(pid !== undefined ? { holder_pid: pid } : {}) });
}

/**
 * Claims `req.paths` for `req.owner`, all or nothing; throws LanesError CONFLICT naming each holder.
 * Reclaims are committed even when the claim is refused, so a dead holder is cleaned up once.
 *
 * Two answers need no lock: a refusal when a lock-free read already shows a live conflicting
 * holder (the read is a committed state, so refusing is as if the request came at that moment),
 * and a repeat of a claim the owner already holds with fresh leases (a hook may re-claim before
 * every edit). Only a snapshot with nothing to reclaim is trusted this way.
 */
export async function claimFiles(store: StateStore, req: ClaimRequest): Promise<ClaimRecord[]> {
  const p = parseClaimRequest(req); // bad input fails before the lock
  const snap = (await store.read(CLAIMS_DOC)).data;
  const now = Date.now();
  if (Array.isArray(snap.claims) && snap.claims.every(sane) && !needsReclaim(snap, now)) {
    const conflicts = conflictsFor(snap.claims, p.id.owner, p.patterns, p.mode);
    // Across machines the snapshot is this clone's last view: only the remote's state may refuse.
    if (conflicts.length && !store.shared) throw conflictError(conflicts, p.mode, now);
    const held = alreadyHeld(snap.claims, p, now);
    if (held) return held;
  }
  const answer = await submitWrite(store, { op: 'claim', req }, logReclaimed);
  await failpoint('claims.after-commit');
  const claims = answerOf<ClaimRecord[]>(answer);
  await store.appendEvent('claims.claimed', { owner: req.owner, mode: claims[0]?.mode, paths: claims.map((c) => c.pattern) });
  return claims;
}

export type { ReleaseAuthority } from './writes.js';

/** Releases the owner's claims on `paths` (exact patterns, normalized), or all of them. */
export async function releaseFiles(
  store: StateStore,
  owner: string,
  paths?: string[],
  auth?: ReleaseAuthority,
): Promise<{ released: string[]; not_held: string[] }> {
  assertOwner(owner);
  if (auth) assertOwner(auth.actor);
  const patterns = paths === undefined ? undefined : [...new Set(paths.map((p) => normalizeScope(p)))];
  const write: ClaimWrite = { op: 'release', owner, ...(patterns ? { patterns } : {}), ...(auth ? { auth } : {}) };
  const answer = await submitWrite(store, write, logReclaimed);
  await failpoint('claims.release.after-commit');
  const r = answerOf<Released>(answer);
  if (r.released.length)
    await store.appendEvent('claims.released', {
      owner,
      paths: r.released,
      ...(auth && auth.actor !== owner ? { by: auth.actor } : {}),
      ...(auth?.force ? { forced: true } : {}),
    });
  return r;
}

/** Live claims, optionally of one owner and/or intersecting one path or glob. */
export async function listClaims(store: StateStore, filter: ClaimsFilter = {}): Promise<ClaimRecord[]> {
  if (filter.owner !== undefined) assertOwner(filter.owner);
  const q = filter.path === undefined ? undefined : normalizeScope(filter.path);
  const cur = await store.read(CLAIMS_DOC);
  let claims = Array.isArray(cur.data.claims) ? cur.data.claims : [];
  if (needsReclaim(cur.data)) {
    const out: Reclaimed[] = [];
    claims = await store.transact(async (tx) => {
      const doc = claimsOf(tx);
      out.push(...reclaimDoc(doc));
      return doc.claims.map((c) => ({ ...c }));
    });
    await logReclaimed(store, out);
  }
  return claims
    .filter(
      (c) => (filter.owner === undefined || c.owner === filter.owner) && (q === undefined || scopesIntersect(q, c.pattern).intersects),
    )
    .sort((a, b) => (a.owner === b.owner ? (a.pattern < b.pattern ? -1 : 1) : a.owner < b.owner ? -1 : 1));
}

export interface Renewal {
  claims: number;
  ports: number;
  /** False when every lease was fresh enough that nothing was written. */
  wrote: boolean;
}

/**
 * A live owner's heartbeat: extends every claim and port lease of `owner` to now + ttl (each
 * record's own ttl unless given). Cheap for hooks: two lock-free reads, and no write at all when
 * the owner holds nothing or renewed within the last minute (or half its ttl, if shorter).
 */
export async function renewClaims(store: StateStore, owner: string, ttlSeconds?: number): Promise<Renewal> {
  assertOwner(owner);
  if (ttlSeconds !== undefined) assertTtl(ttlSeconds);
  const now = Date.now();
  const [c, p] = await Promise.all([store.read(CLAIMS_DOC), store.read(PORTS_DOC)]);
  const myClaims = (Array.isArray(c.data.claims) ? c.data.claims : []).filter((x) => x.owner === owner);
  const myPorts = (Array.isArray(p.data.leases) ? p.data.leases : []).filter((x) => x.owner === owner);
  // The owner's own lease (if it registered one) is part of the same heartbeat.
  await renewOwner(store, owner);
  const stale = [...myClaims, ...myPorts].some((x) => {
    const ttl = ttlSeconds ?? x.ttl_seconds;
    const slackMs = Math.min(60, ttl / 2) * 1000;
    return Date.parse(x.expires_at) < now + ttl * 1000 - slackMs;
  });
  if (!stale) return { claims: myClaims.length, ports: myPorts.length, wrote: false };
  const gone: { claims: Reclaimed[]; ports: PortsReclaimed[] } = { claims: [], ports: [] };
  const r = await store.transact(async (tx) => {
    const cl = renewInTx(tx, owner, ttlSeconds);
    gone.claims.push(...cl.reclaimed);
    // Only touch the ports doc when there is a lease to renew: keeps the common commit single-doc.
    if (myPorts.length === 0) return { claims: cl.renewed, ports: 0, wrote: true };
    const po = renewPortsInTx(tx, owner, ttlSeconds);
    gone.ports.push(...po.reclaimed);
    return { claims: cl.renewed, ports: po.renewed, wrote: true };
  });
  await logReclaimed(store, gone.claims);
  await logPortsReclaimed(store, gone.ports);
  return r;
}

/**
 * Drops every claim and port lease recorded with this pid on this host: what a shutting-down
 * process (the MCP server on SIGTERM or stdin end) calls for its own leases.
 */
export function releaseProcess(store: StateStore, pid: number = process.pid): Promise<{ claims: number; ports: number }> {
  return editProcessLeases(store, pid, 'claims.process-released', (list, ours) => {
    const kept = list.filter((x) => !ours(x));
    return [kept, list.length - kept.length];
  });
}
