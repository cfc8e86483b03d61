/**
 * Detaching a process from its leases: the claims and port leases a process recorded with its pid
 * lose the pid and stand on their lease alone. A process that ends abnormally (its client's pipe
 * broke, its transport failed) calls this instead of releasing: its owner may still be working and
 * reconnect, so the files stay held until the lease runs out rather than being reclaimed the moment
 * the pid is gone.
 */
import { hostName } from '../../state/pid.js';
import type { StateStore } from '../../state/index.js';
import { PORTS_DOC, emptyPorts, portsOf, type PortsDoc } from './ports.js';
import { CLAIMS_DOC, emptyClaims, type ClaimsDoc } from './model.js';
import { claimsOf } from './tx.js';

export async function detachProcess(store: StateStore, pid: number = process.pid): Promise<{ claims: number; ports: number }> {
  const host = hostName();
  const ours = (x: { pid?: number; host: string }) => x.pid === pid && x.host === host;
  const [c, p] = await Promise.all([store.read<ClaimsDoc>(CLAIMS_DOC, emptyClaims), store.read<PortsDoc>(PORTS_DOC, emptyPorts)]);
  const hasClaims = Array.isArray(c.data.claims) && c.data.claims.some(ours);
  const hasPorts = Array.isArray(p.data.leases) && p.data.leases.some(ours);
  if (!hasClaims && !hasPorts) return { claims: 0, ports: 0 };
  const r = await store.transact(async (tx) => {
    let claims = 0;
    let ports = 0;
    if (hasClaims) {
      for (const x of claimsOf(tx).claims) {
        if (!ours(x)) continue;
        delete x.pid;
        claims++;
      }
    }
    if (hasPorts) {
      for (const x of portsOf(tx).leases) {
        if (!ours(x)) continue;
        delete x.pid;
        ports++;
      }
    }
    return { claims, ports };
  });
  await store.appendEvent('claims.process-detached', { pid, ...r });
  return r;
}
