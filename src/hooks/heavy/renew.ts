/**
 * The lane's heartbeat, taken from PreToolUse at most about once a minute (core/claims/edit-policy.ts and
 * ownerLeaseStale decide when): task-scope claims have no pid, and a session owner's lease is
 * what says it still works on its task, so both would expire under an agent that keeps working.
 * Loaded with a dynamic import because it needs the state lock (proper-lockfile), which the
 * common edit never pays for.
 */
import { renewClaims } from '../../core/claims/api.js';
import { renewOwner } from '../../core/claims/liveness.js';
import { StateStore } from '../../state/store.js';
import { sessionOwner } from '../lib/owner.js';

export async function renewLaneClaims(stateDir: string, task: string, sid?: string): Promise<{ claims: number; wrote: boolean }> {
  const store = await StateStore.open(stateDir);
  const r = await renewClaims(store, `task:${task}`);
  const owner = sid ? await renewOwner(store, sessionOwner(sid)) : false;
  return { claims: r.claims, wrote: r.wrote || owner };
}
