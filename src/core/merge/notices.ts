/**
 * "Main moved under you": when a landing makes a lane in flight conflict with the target, the
 * agent working in that lane should learn it at once, not when its own merge is refused. The
 * re-check after each landing records one notice per lane and landing in the `notices` state
 * document; the next PreToolUse hook in that lane claims it (under the state lock, so exactly one
 * hook delivers it) and hands its text to the model as additional context.
 *
 * This module is read by the PreToolUse hook, which runs before every edit: it imports nothing at
 * run time but the hint markers and the text escaping (no zod, no lock library, no git).
 */
import { act } from '../hints/actions.js';
import { safeText } from '../../util/escape.js';
import { defineDoc } from '../../state/define.js';

export interface LaneNotice {
  /** Which landing this is about: the target commit the lane was checked against. */
  id: string;
  /** The target branch. */
  target: string;
  /** The task(s) whose landing moved the target. */
  landed: string[];
  /** Files in which the lane now conflicts with the target. */
  files: string[];
  /** When the conflict was found. */
  at: string;
  /** When a hook handed it to an agent; a delivered notice is never delivered again. */
  delivered_at?: string;
}

/** Keyed by task id (a null-prototype map, like every state map keyed by slugs). */
export type NoticesDoc = Record<string, LaneNotice>;

export const emptyNotices = (): NoticesDoc => Object.create(null) as NoticesDoc;

export const NOTICES_DOC = defineDoc<NoticesDoc>({ name: 'notices', empty: emptyNotices });

const MAX_FILES = 10;

/** The notice waiting for a task's lane, if one is recorded and not yet delivered. */
export function pendingNotice(doc: NoticesDoc | undefined, task: string): LaneNotice | undefined {
  if (!doc || typeof doc !== 'object' || !Object.hasOwn(doc, task)) return undefined;
  const n = doc[task];
  if (!n || typeof n !== 'object' || typeof n.id !== 'string' || n.delivered_at) return undefined;
  return Array.isArray(n.files) && n.files.length ? n : undefined;
}

/**
 * Marks the task's notice `id` delivered, inside a state transaction. True only for the one
 * caller that changed it: a second hook (another session in the lane, a retry) gets false.
 */
export function claimNoticeIn(doc: NoticesDoc, task: string, id: string, now: string): LaneNotice | undefined {
  const n = pendingNotice(doc, task);
  if (!n || n.id !== id) return undefined;
  n.delivered_at = now;
  return n;
}

/** The context note an agent in the lane of `task` gets: what landed, where it conflicts, what to do. */
export function noticeText(task: string, n: LaneNotice): string {
  const target = safeText(n.target);
  const landed = n.landed.map((t) => safeText(t)).join(', ') || 'another task';
  const shown = n.files.slice(0, MAX_FILES).map((f) => safeText(f));
  const more = n.files.length > MAX_FILES ? ` and ${n.files.length - MAX_FILES} more` : '';
  return (
    `Lanes: ${target} moved under task ${safeText(task)}: ${landed} landed on ${target} (${safeText(n.id).slice(0, 12)}), ` +
    `and this lane now conflicts with ${target} in: ${shown.join(', ')}${more}. ` +
    `Resolve it now, while the change is fresh: commit your work, merge ${target} into the lane (\`git merge ${target}\` in the lane's worktree), ` +
    `resolve those files, run the tests and commit the merge; then carry on. ` +
    `Until then the merge queue would refuse this lane (${act('queue_merge', { task_id: task })} reports the conflict).`
  );
}
