/**
 * Port leases: a lane's dev server needs a port no other lane uses. A lease is recorded in the state
 * doc `ports` and the port is free on the machine when leased (we bind it on 127.0.0.1 and ::1 and
 * let go). Each owner scans from a hash of its name, so the same owner tends to get the same port
 * across leases and owners rarely collide; the same owner asking again gets its leased port back.
 * Leases are reclaimed like file claims: lease expired, or the recorded pid died on this host.
 */
import crypto from 'node:crypto';
import { LanesError } from '../../errors.js';
import { portFree } from '../../system/port-probe.js';
import { defineDoc, type DocTx } from '../../state/define.js';
import {
  DEFAULT_TTL_SECONDS,
  assertOwner,
  assertTtl,
  expiryFrom,
  goneReason,
  identityOf,
  withIdentity,
  type GoneReason,
  type Leased,
  type OwnerInput,
} from './owner.js';
import type { StateStore } from '../../state/index.js';

export const DEFAULT_PORT_RANGE = { lo: 20000, hi: 29999 } as const;
/** Give up after this many busy candidates: a machine that busy has a problem worth reporting. */
const MAX_PROBES = 512;

export interface PortLease extends Leased {
  port: number;
  leased_at: string;
}

export interface PortsDoc {
  leases: PortLease[];
}

export const emptyPorts = (): PortsDoc => ({ leases: [] });

/** Tolerates docs written by older versions, and drops records that are not leases. */
function normalizePorts(doc: PortsDoc): PortsDoc {
  if (!Array.isArray(doc.leases)) doc.leases = [];
  doc.leases = doc.leases.filter((l) => typeof l === 'object' && l !== null && typeof l.owner === 'string' && Number.isInteger(l.port));
  return doc;
}

export const PORTS_DOC = defineDoc<PortsDoc>({ name: 'ports', empty: emptyPorts, normalize: normalizePorts });

export interface PortRequest extends OwnerInput {
  ttl_seconds?: number;
  range?: { lo: number; hi: number };
}

export interface PortsReclaimed {
  owner: string;
  reason: GoneReason;
  ports: number[];
  pid?: number;
}

/** Where an owner's scan starts: stable for a name, spread over the range. */
export function preferredPort(owner: string, range: { lo: number; hi: number } = DEFAULT_PORT_RANGE): number {
  const h = crypto.createHash('sha256').update(owner).digest().readUInt32BE(0);
  return range.lo + (h % (range.hi - range.lo + 1));
}

export function reclaimPortsDoc(doc: PortsDoc, now = Date.now(), keep?: string): PortsReclaimed[] {
  const alive = new Map<number, boolean>();
  const out: PortsReclaimed[] = [];
  doc.leases = doc.leases.filter((l) => {
    let why = goneReason(l, now, alive);
    if (why === 'expired' && l.owner === keep) why = undefined;
    if (!why) return true;
    out.push({ owner: l.owner, reason: why, ports: [l.port], ...(l.pid !== undefined ? { pid: l.pid } : {}) });
    return false;
  });
  return out;
}

export function needsPortReclaim(doc: PortsDoc, now = Date.now()): boolean {
  const alive = new Map<number, boolean>();
  return Array.isArray(doc.leases) && doc.leases.some((l) => goneReason(l, now, alive) !== undefined);
}

export async function logPortsReclaimed(store: StateStore, gone: PortsReclaimed[]): Promise<void> {
  for (const { pid, ...g } of gone) await store.appendEvent('ports.reclaimed', { ...g, ...(pid !== undefined ? { holder_pid: pid } : {}) });
}

function checkRange(r: { lo: number; hi: number }): { lo: number; hi: number } {
  if (!Number.isInteger(r.lo) || !Number.isInteger(r.hi) || r.lo < 1024 || r.hi > 65535 || r.lo > r.hi) {
    throw new LanesError('INVALID_INPUT', `Invalid port range ${r.lo}-${r.hi}.`, {
      hint: 'Use unprivileged ports: 1024 <= lo <= hi <= 65535.',
    });
  }
  return r;
}

/**
 * Leases a port to `owner`: its current lease (renewed) if it has one, else the first port from
 * its hash onwards that no live lease holds and that is free on the machine right now.
 */
export async function leasePort(store: StateStore, req: PortRequest): Promise<{ lease: PortLease; reused: boolean }> {
  const id = identityOf(req);
  const ttl = assertTtl(req.ttl_seconds ?? DEFAULT_TTL_SECONDS);
  const range = checkRange(req.range ?? DEFAULT_PORT_RANGE);
  const gone: PortsReclaimed[] = [];
  const out = await store.transact(async (tx) => {
    const now = Date.now();
    const doc = tx.get(PORTS_DOC);
    gone.push(...reclaimPortsDoc(doc, now));
    const mine = doc.leases.find((l) => l.owner === id.owner);
    if (mine) {
      const next = expiryFrom(now, ttl);
      if (next > mine.expires_at) mine.expires_at = next;
      mine.ttl_seconds = ttl;
      return { lease: { ...mine }, reused: true };
    }
    const taken = new Set(doc.leases.map((l) => l.port));
    const size = range.hi - range.lo + 1;
    const start = preferredPort(id.owner, range) - range.lo;
    let probes = 0;
    for (let i = 0; i < size && probes < MAX_PROBES; i++) {
      const port = range.lo + ((start + i) % size);
      if (taken.has(port)) continue;
      probes++;
      if (!(await portFree(port))) continue;
      const at = new Date(now).toISOString();
      const lease = withIdentity({ port, leased_at: at, expires_at: expiryFrom(now, ttl), ttl_seconds: ttl }, id) as PortLease;
      doc.leases.push(lease);
      return { lease: { ...lease }, reused: false };
    }
    throw new LanesError('BUSY', `No free port for ${id.owner} in ${range.lo}-${range.hi} (${probes} tried, ${taken.size} leased).`, {
      hint: 'Release ports of finished lanes (`lanes port <owner> --release`) or stop servers that hold ports in that range, then retry.',
    });
  });
  await logPortsReclaimed(store, gone);
  if (!out.reused) await store.appendEvent('ports.leased', { owner: id.owner, port: out.lease.port });
  return out;
}

export function releasePortsInTx(tx: DocTx, owner: string): number[] {
  const doc = tx.get(PORTS_DOC);
  const freed = doc.leases.filter((l) => l.owner === owner).map((l) => l.port);
  if (freed.length) doc.leases = doc.leases.filter((l) => l.owner !== owner);
  return freed;
}

/** Frees every port leased to `owner`; returns them. Cheap when there is nothing to free (no lock). */
export async function releasePorts(store: StateStore, owner: string): Promise<number[]> {
  assertOwner(owner);
  const cur = await store.read(PORTS_DOC);
  if (!Array.isArray(cur.data.leases) || !cur.data.leases.some((l) => l.owner === owner)) return [];
  const freed = await store.transact(async (tx) => releasePortsInTx(tx, owner));
  if (freed.length) await store.appendEvent('ports.released', { owner, ports: freed });
  return freed;
}

export function renewPortsInTx(
  tx: DocTx,
  owner: string,
  ttlSeconds?: number,
  now = Date.now(),
): { renewed: number; reclaimed: PortsReclaimed[] } {
  const doc = tx.get(PORTS_DOC);
  const reclaimed = reclaimPortsDoc(doc, now, owner);
  let renewed = 0;
  for (const l of doc.leases) {
    if (l.owner !== owner) continue;
    const next = expiryFrom(now, ttlSeconds ?? l.ttl_seconds);
    if (ttlSeconds !== undefined) l.ttl_seconds = ttlSeconds;
    if (next > l.expires_at) l.expires_at = next;
    renewed++;
  }
  return { renewed, reclaimed };
}

/** Live leases (gone ones are reclaimed first, and logged). */
export async function listPorts(store: StateStore): Promise<PortLease[]> {
  const cur = await store.read(PORTS_DOC);
  let leases = Array.isArray(cur.data.leases) ? cur.data.leases : [];
  if (needsPortReclaim(cur.data)) {
    const gone: PortsReclaimed[] = [];
    leases = await store.transact(async (tx) => {
      const doc = tx.get(PORTS_DOC);
      gone.push(...reclaimPortsDoc(doc));
      return doc.leases.map((l) => ({ ...l }));
    });
    await logPortsReclaimed(store, gone);
  }
  return [...leases].sort((a, b) => a.port - b.port);
}
