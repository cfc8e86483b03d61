/**
 * The claims owner an MCP caller in Claude Code session `sid` gets by default (mcpOwner): the
 * session's leases are the ones recorded under it, or with `session: sid`.
 */
import { mcpOwner } from '../../core/lanes/model.js';
import { leaseOf, type OwnersDoc } from '../../core/claims/liveness.js';
import { readDoc } from './where.js';

export function sessionOwner(sid: string): string {
  return mcpOwner({ CLAUDE_SESSION_ID: sid, CLAUDE_CODE_SESSION_ID: sid } as NodeJS.ProcessEnv);
}

/**
 * Whether the session's owner lease (if it has one) wants a heartbeat: live, and renewed longer
 * ago than min(60 s, ttl / 2). A lock-free read, so the common edit writes nothing.
 */
export function ownerLeaseStale(stateDir: string, sid: string | undefined, now: number): boolean {
  if (!sid) return false;
  const l = leaseOf(readDoc<OwnersDoc>(stateDir, 'owners'), sessionOwner(sid));
  if (!l || typeof l.ttl_seconds !== 'number') return false;
  const t = Date.parse(l.expires_at);
  return t > now && t < now + l.ttl_seconds * 1000 - Math.min(60, l.ttl_seconds / 2) * 1000;
}
