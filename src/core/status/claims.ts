/** The claims' brief for the status report: live claims straight from the doc. */
import { hostName } from '../../state/pid.js';
import { CLAIMS_DOC, type ClaimMode } from '../claims/model.js';
import { goneReason } from '../claims/owner.js';
import type { Project } from '../project/project.js';

export interface ClaimStatus {
  owner: string;
  pattern: string;
  mode: ClaimMode;
  task?: string;
  pid?: number;
  /** The holder's machine, when it is another one (shared state on a remote). */
  machine?: string;
  expires_at: string;
}

/** Live claims straight from the doc: expired or dead-owner leases are left out, not reclaimed. */
export async function readClaims(project: Project): Promise<ClaimStatus[]> {
  const doc = (await project.store.read(CLAIMS_DOC)).data;
  const now = Date.now();
  const alive = new Map<number, boolean>();
  const here = hostName();
  return (Array.isArray(doc.claims) ? doc.claims : [])
    .filter((c) => c && typeof c.owner === 'string' && typeof c.pattern === 'string' && goneReason(c, now, alive) === undefined)
    .map((c) => {
      const s: ClaimStatus = { owner: c.owner, pattern: c.pattern, mode: c.mode, expires_at: c.expires_at };
      if (c.task) s.task = c.task;
      if (c.pid !== undefined) s.pid = c.pid;
      if (typeof c.host === 'string' && c.host !== here) s.machine = c.host;
      return s;
    })
    .sort((a, b) => a.owner.localeCompare(b.owner) || a.pattern.localeCompare(b.pattern));
}
