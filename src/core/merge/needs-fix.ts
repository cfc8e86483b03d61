/**
 * A lane that needs its owner: the merge queue sent it back (a red gate, a conflict with the
 * target, an integration error) and it has not been queued again, or a landing since made it
 * conflict with the target. `lanes status`, `lanes list`, the dashboard and the tools show such a
 * lane in a state of its own, first in their lists, with the reason in a few words; the full
 * output stays in the queue entry (merge_status) and the task's note.
 *
 * Derived on every read from the queue doc and the tasks (nothing extra is stored), so it can never
 * disagree with them: it ends as soon as the task is queued again or lands.
 */
import type { NoticesDoc } from './notices.js';
import { isAncestor } from '../../git/refs.js';
import { isActive, type MergeEntry, type MergeQueueDoc } from './model.js';
import type { TasksDoc } from '../plan/tasks.js';

export interface NeedsFix {
  /** gate: a gate failed on it; conflict: it conflicts with the target; error: integration failed. */
  kind: 'gate' | 'conflict' | 'error';
  /** A few words: "gate test failed, 55 failing", "conflicts with main in src/a.ts". */
  reason: string;
  /** The failed queue entry (absent for a conflict found after another lane landed). */
  entry?: string;
  /** When it was sent back. */
  since?: string;
  /** A conflict a landing caused: when a hook told the lane's agent (absent: not yet, it hears at its next edit). */
  told_at?: string;
}

const MAX_FILES = 3;

/**
 * Lanes that need a fix, by task. `tips` (task → lane tip) lets a conflict found after another
 * landing end once the lane has merged that target commit; without a tip it is kept.
 */
export async function needsFixByTask(
  root: string,
  target: string,
  queue: MergeQueueDoc,
  tasks: TasksDoc,
  tips: ReadonlyMap<string, string>,
  notices?: NoticesDoc,
): Promise<Map<string, NeedsFix>> {
  const out = new Map<string, NeedsFix>();
  const latest = new Map<string, MergeEntry>();
  const active = new Set<string>();
  for (const e of queue.entries) {
    if (e.kind !== 'land' || typeof e.task !== 'string') continue;
    if (isActive(e)) active.add(e.task);
    const prev = latest.get(e.task);
    if (!prev || e.seq > prev.seq) latest.set(e.task, e);
  }
  const done = (task: string) => Object.hasOwn(tasks, task) && tasks[task]?.status === 'done';
  for (const [task, e] of latest) {
    if (e.state !== 'failed' || active.has(task) || done(task)) continue;
    const nf: NeedsFix = { ...describeFailure(e), entry: e.id };
    if (e.finished_at) nf.since = e.finished_at;
    out.set(task, nf);
  }
  const recorded = Object.entries(queue.lane_conflicts).filter(
    ([task, c]) => !out.has(task) && !done(task) && c && Array.isArray(c.files) && c.files.length,
  );
  await Promise.all(
    recorded.map(async ([task, c]) => {
      const tip = tips.get(task);
      // The lane merged the target it conflicted with: the owner has resolved it.
      if (tip && c.target && (await isAncestor(root, c.target, tip).catch(() => false))) return;
      const told = notices && Object.hasOwn(notices, task) ? notices[task]?.delivered_at : undefined;
      out.set(task, { kind: 'conflict', reason: conflictReason(target, c.files), ...(told ? { told_at: told } : {}) });
    }),
  );
  return out;
}

function describeFailure(e: MergeEntry): Pick<NeedsFix, 'kind' | 'reason'> {
  const f = e.failure;
  if (f?.kind === 'conflict') return { kind: 'conflict', reason: conflictReason(e.target, f.files ?? []) };
  if (f?.kind === 'gate') {
    const run = e.gates?.find((g) => !g.ok && g.name === f.gate) ?? e.gates?.find((g) => !g.ok);
    const how = run?.timed_out ? 'timed out' : run?.signal ? `was killed (${run.signal})` : 'failed';
    const n = failingCount(f.output_tail ?? '');
    return { kind: 'gate', reason: `gate ${f.gate ?? run?.name ?? '?'} ${how}${n ? `, ${n} failing` : ''}` };
  }
  const first = (e.last_error ?? '').split('\n')[0]!.trim();
  return { kind: 'error', reason: first ? clip(first, 160) : 'the merge failed' };
}

function conflictReason(target: string, files: readonly string[]): string {
  const shown = files.slice(0, MAX_FILES).join(', ');
  const more = files.length > MAX_FILES ? ` and ${files.length - MAX_FILES} more` : '';
  return `conflicts with ${target}${shown ? ` in ${shown}${more}` : ''}`;
}

/**
 * The failing-test count a test runner printed in its summary ("Tests  55 failed | 3 passed",
 * "55 failing", "55 failed, 3 passed"): the last such figure in the output tail, where runners put
 * their summary. Undefined when there is none.
 */
export function failingCount(tail: string): number | undefined {
  let n: number | undefined;
  for (const m of tail.matchAll(/\b(\d{1,7})\s+(?:tests?\s+)?(?:failed|failing|failures?)\b/gi)) n = Number(m[1]);
  return n && n > 0 ? n : undefined;
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/**
 * Whether a needs-fix belongs to a lane made at `createdAt`: a lane started again after the
 * failure (removed, then started anew) is new work, not the one sent back.
 */
export function appliesTo(nf: NeedsFix | undefined, createdAt: string | undefined): nf is NeedsFix {
  if (!nf) return false;
  const made = createdAt ? Date.parse(createdAt) : Number.NaN;
  const since = nf.since ? Date.parse(nf.since) : Number.NaN;
  return !(made > since);
}

/** Lanes that need a fix first, the rest in their order. */
export function needsFixFirst<T extends { needs_fix?: NeedsFix }>(list: T[]): T[] {
  return [...list.filter((l) => l.needs_fix), ...list.filter((l) => !l.needs_fix)];
}
