/**
 * Owner leases: whether the actor that owns a task (a Claude Code session, a person at the CLI, a
 * `lanes run`, any MCP client) is still there. Identity is a stable name, never a pid: the same
 * owner coming back from a new shell or a new MCP server process is the same owner. Liveness is a
 * lease the owner renews (its tool calls, CLI commands, hooks, the runner's loop). A pid only
 * shortens the lease on this host, and only for an owner that registered it as its liveness (the
 * MCP server's own `session:<pid>` fallback, a runner); a stable name never dies with a process.
 *
 * Records written before leases existed have pid-shaped owners (`session:<pid>`,
 * `cli:<user>@<host>:<pid>`) and no lease: those are judged by their pid, as they were then.
 */
import { leaseEnd } from '../../state/seen.js';
import { act } from '../hints/actions.js';
import { LanesError } from '../../errors.js';
import { hostName, pidAlive } from '../../state/pid.js';
import type { StateStore } from '../../state/index.js';
import { defineDoc, type DocTx } from '../../state/define.js';
import { recordMap } from '../../state/records.js';
import { assertOwner, assertTtl, DEFAULT_TTL_SECONDS, describeUntil, expiryFrom, ownerPart } from './owner.js';

export interface OwnerLease {
  owner: string;
  host: string;
  /** The process whose end ends this owner (on `host`); only set by owners bound to one process. */
  pid?: number;
  renewed_at: string;
  expires_at: string;
  ttl_seconds: number;
}

export interface OwnersDoc {
  leases: Record<string, OwnerLease>;
}

export const emptyOwners = (): OwnersDoc => ({ leases: {} });

/** Tolerates a doc written by an older version (no lease map). */
function normalizeOwners(doc: OwnersDoc): OwnersDoc {
  if (typeof doc.leases !== 'object' || doc.leases === null || Array.isArray(doc.leases)) doc.leases = recordMap();
  return doc;
}

export const OWNERS_DOC = defineDoc<OwnersDoc>({ name: 'owners', empty: emptyOwners, normalize: normalizeOwners });

export type Liveness =
  | { live: true; owner: string; expires_at?: string; pid?: number }
  | { live: false; owner: string; why: 'expired' | 'dead-pid' | 'no-lease'; expires_at?: string };

export interface OwnerTouch {
  owner: string;
  /** Registers this process as the owner's liveness (its end ends the owner). */
  pid?: number;
  ttl_seconds?: number;
}

function saneLease(l: unknown): l is OwnerLease {
  const r = l as OwnerLease;
  return (
    typeof r === 'object' && r !== null && typeof r.owner === 'string' && typeof r.expires_at === 'string' && typeof r.host === 'string'
  );
}

/** The owner's lease, by own property only (an owner may be named "constructor"). */
export function leaseOf(doc: OwnersDoc | undefined, owner: string): OwnerLease | undefined {
  const leases = doc?.leases;
  if (typeof leases !== 'object' || leases === null || !Object.hasOwn(leases, owner)) return undefined;
  const l = leases[owner];
  return saneLease(l) ? l : undefined;
}

/** The pid a pre-lease owner name carried, if it was made on this host. */
function legacyPid(owner: string): number | undefined {
  let m = /^session:(\d{1,10})$/.exec(owner);
  if (m) return Number(m[1]);
  m = /^cli:[^@]*@([^:]*):(\d{1,10})$/.exec(owner);
  // The CLI wrote its host the way it writes every owner part (lanes/model.ts cliOwner).
  if (m && m[1] === ownerPart(hostName())) return Number(m[2]);
  return undefined;
}

export function ownerLiveness(doc: OwnersDoc | undefined, owner: string, now = Date.now()): Liveness {
  const l = leaseOf(doc, owner);
  if (!l) {
    const pid = legacyPid(owner);
    if (pid !== undefined && pidAlive(pid)) return { live: true, owner, pid };
    return { live: false, owner, why: pid !== undefined ? 'dead-pid' : 'no-lease' };
  }
  // `!(t > now)` also treats an unreadable expiry as expired: a damaged record cannot pin a task.
  if (!(leaseEnd(l, now) > now)) return { live: false, owner, why: 'expired', expires_at: l.expires_at };
  if (l.pid !== undefined && l.host === hostName() && !pidAlive(l.pid))
    return { live: false, owner, why: 'dead-pid', expires_at: l.expires_at };
  return { live: true, owner, expires_at: l.expires_at, ...(l.pid !== undefined ? { pid: l.pid } : {}) };
}

/** Records or renews the owner's lease inside a caller's transaction. */
export function touchOwnerInTx(tx: DocTx, t: OwnerTouch, now = Date.now()): OwnerLease {
  const owner = assertOwner(t.owner);
  const ttl = assertTtl(t.ttl_seconds ?? DEFAULT_TTL_SECONDS);
  const doc = tx.get(OWNERS_DOC);
  const lease: OwnerLease = {
    owner,
    host: hostName(),
    renewed_at: new Date(now).toISOString(),
    expires_at: expiryFrom(now, ttl),
    ttl_seconds: ttl,
  };
  // A touch that names no pid (an agent's tool call on behalf of its runner) keeps the one the
  // owner registered: the pid is the owner's, not the caller's.
  const before = leaseOf(doc, owner);
  const pid = t.pid ?? (before?.host === lease.host && Date.parse(before.expires_at) > now ? before.pid : undefined);
  if (pid !== undefined) lease.pid = pid;
  // Expired leases of others are dropped on the way, so the doc does not grow without bound.
  for (const k of Object.keys(doc.leases)) {
    const l = doc.leases[k];
    if (!saneLease(l) || Date.parse(l.expires_at) < now - 86_400_000) delete doc.leases[k];
  }
  doc.leases[owner] = lease;
  return { ...lease };
}

/** Would renewing change nothing worth a write (renewed within min(60 s, ttl / 2), same pid)? */
function fresh(l: OwnerLease | undefined, t: OwnerTouch, now: number): boolean {
  if (!l || (t.pid !== undefined && l.pid !== t.pid) || l.host !== hostName()) return false;
  const ttl = t.ttl_seconds ?? l.ttl_seconds;
  return Date.parse(l.expires_at) >= now + ttl * 1000 - Math.min(60, ttl / 2) * 1000;
}

/** The owner's heartbeat: cheap (one lock-free read, no write) when renewed within the last minute. */
export async function touchOwner(store: StateStore, t: OwnerTouch): Promise<void> {
  assertOwner(t.owner);
  const cur = (await store.read(OWNERS_DOC)).data;
  if (fresh(leaseOf(cur, t.owner), t, Date.now())) return;
  await store.transact(async (tx) => void touchOwnerInTx(tx, t));
}

/** Extends an existing lease (a hook's heartbeat never creates one); true when it wrote. */
export async function renewOwner(store: StateStore, owner: string): Promise<boolean> {
  const cur = leaseOf((await store.read(OWNERS_DOC)).data, owner);
  if (!cur || !(Date.parse(cur.expires_at) > Date.now())) return false;
  const t: OwnerTouch = { owner, ttl_seconds: cur.ttl_seconds, ...(cur.pid !== undefined ? { pid: cur.pid } : {}) };
  if (fresh(cur, t, Date.now())) return false;
  return store.transact(async (tx) => {
    const l = leaseOf(tx.get(OWNERS_DOC), owner);
    if (!l || !(Date.parse(l.expires_at) > Date.now())) return false;
    touchOwnerInTx(tx, t);
    return true;
  });
}

/** Ends the owner's lease (a clean end the owner itself asked for); true when there was one. */
export async function releaseOwner(store: StateStore, owner: string): Promise<boolean> {
  if (!leaseOf((await store.read(OWNERS_DOC)).data, owner)) return false;
  return store.transact(async (tx) => {
    const doc = tx.get(OWNERS_DOC);
    if (!Object.hasOwn(doc.leases, owner)) return false;
    delete doc.leases[owner];
    return true;
  });
}

export async function readOwners(store: StateStore): Promise<OwnersDoc> {
  return (await store.read(OWNERS_DOC)).data;
}

/** "session:abc, whose lease ends at 12:03 (in 14 min)" or "..., alive as pid 123 on this host". */
export function describeLiveness(l: Liveness, now = Date.now()): string {
  if (l.live)
    return l.expires_at
      ? `${l.owner}, whose lease ends at ${describeUntil(l.expires_at, now)}`
      : `${l.owner}, alive as pid ${l.pid} on this host`;
  if (l.why === 'expired') return `${l.owner}, whose lease ended at ${l.expires_at}`;
  if (l.why === 'dead-pid') return `${l.owner}, whose process has ended`;
  return `${l.owner}, which has no lease`;
}

/**
 * Refuses `actor` acting on something `holder` owns while the holder is live (another live owner's
 * task, lane or claims), naming the holder and when its lease ends. Not refused: the holder itself,
 * a holder that is gone, or a human's `force` at the CLI.
 */
export function assertAuthority(
  doc: OwnersDoc | undefined,
  a: { actor: string; holder: string | undefined; what: string; task?: string; force?: boolean },
  now = Date.now(),
): void {
  if (a.force || a.holder === undefined || a.holder === a.actor) return;
  const l = ownerLiveness(doc, a.holder, now);
  if (!l.live) return;
  const take = a.task ? `, or once its lease ends take the task over (${act('take_task', { task_id: a.task })})` : '';
  throw new LanesError('CONFLICT', `${a.what} belongs to ${describeLiveness(l, now)}; you are ${a.actor}. Nothing was changed.`, {
    hint: `Ask that owner to do it, work on something else${take}. A human can override this at the CLI with --force.`,
    details: { holder: a.holder, actor: a.actor, ...(l.expires_at ? { expires_at: l.expires_at } : {}) },
  });
}
