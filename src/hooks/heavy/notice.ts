/**
 * Claiming a lane's "main moved" notice: under the state lock, so that of two hooks racing in the
 * same lane (a session and its subagent, two sessions) exactly one delivers it. Loaded with a
 * dynamic import: only an edit that finds a notice pending pays for the lock library.
 *
 * At most once: the notice is marked delivered before the hook prints it, so a hook killed in
 * between loses it (the conflict itself stays recorded: SessionStart, status and the merge queue
 * still report it) rather than repeating it forever.
 */
import { claimNoticeIn, NOTICES_DOC, type LaneNotice } from '../../core/merge/notices.js';
import { StateStore } from '../../state/store.js';

export async function claimNotice(stateDir: string, task: string, id: string): Promise<LaneNotice | undefined> {
  const store = await StateStore.open(stateDir);
  return store.transact(async (tx) => {
    const n = claimNoticeIn(tx.get(NOTICES_DOC), task, id, new Date().toISOString());
    return n ? { ...n } : undefined;
  });
}
