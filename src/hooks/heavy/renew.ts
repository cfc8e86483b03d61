/**
 * The lane's heartbeat, taken from PreToolUse at most about once a minute (edit-check.ts decides
 * when): task-scope claims have no pid, so they would expire under an agent that keeps working.
 * Loaded with a dynamic import because it needs the state lock (proper-lockfile), which the
 * common edit never pays for.
 */
import { renewClaims } from '../../core/claims/api.js';
import { StateStore } from '../../state/store.js';

export async function renewLaneClaims(stateDir: string, task: string): Promise<{ claims: number; wrote: boolean }> {
  const store = await StateStore.open(stateDir);
  const r = await renewClaims(store, `task:${task}`);
  return { claims: r.claims, wrote: r.wrote };
}
