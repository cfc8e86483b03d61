/**
 * Detaching a process from its leases: the claims and port leases a process recorded with its pid
 * lose the pid and stand on their lease alone. A process that ends abnormally (its client's pipe
 * broke, its transport failed) calls this instead of releasing: its owner may still be working and
 * reconnect, so the files stay held until the lease runs out rather than being reclaimed the moment
 * the pid is gone.
 */
import { hostName } from '../../state/pid.js';
import type { StateStore } from '../../state/index.js';
import { PORTS_DOC } from './ports.js';
import { CLAIMS_DOC } from './model.js';
import { claimsOf } from './tx.js';

type Leased = { pid?: number; host: string };
/** Changes the records `ours` picks in a list; returns the new list and how many it changed. */
type Edit = <T extends Leased>(list: T[], ours: (x: Leased) => boolean) => [T[], number];

/**
 * Applies `edit` to the claims and port leases this process recorded with its pid on this host, in
 * one transaction (none at all when it holds nothing, the common case at shutdown), and logs `event`.
 */
export async function editProcessLeases(
  store: StateStore,
  pid: number,
  event: string,
  edit: Edit,
): Promise<{ claims: number; ports: number }> {
  const host = hostName();
  const ours = (x: Leased) => x.pid === pid && x.host === host;
  const [c, p] = await Promise.all([store.read(CLAIMS_DOC), store.read(PORTS_DOC)]);
  const hasClaims = Array.isArray(c.data.claims) && c.data.claims.some(ours);
  const hasPorts = Array.isArray(p.data.leases) && p.data.leases.some(ours);
  if (!hasClaims && !hasPorts) return { claims: 0, ports: 0 };
  const r = await store.transact(async (tx) => {
    let claims = 0;
    let ports = 0;
    if (hasClaims) {
      const doc = claimsOf(tx);
      [doc.claims, claims] = edit(doc.claims, ours);
    }
    if (hasPorts) {
      const doc = tx.get(PORTS_DOC);
      [doc.leases, ports] = edit(doc.leases, ours);
    }
    return { claims, ports };
  });
  await store.appendEvent(event, { pid, ...r });
  return r;
}

export function detachProcess(store: StateStore, pid: number = process.pid): Promise<{ claims: number; ports: number }> {
  return editProcessLeases(store, pid, 'claims.process-detached', (list, ours) => {
    let n = 0;
    for (const x of list) {
      if (!ours(x)) continue;
      delete x.pid;
      n++;
    }
    return [list, n];
  });
}
