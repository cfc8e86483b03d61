/**
 * Which entries go next: first in, first out, except that a task never lands before the tasks it
 * depends on. An entry whose dependencies are not done (nor earlier in the same batch) is skipped
 * for now, and goes first as soon as they land: entries keep their place (`seq`) across retries,
 * deferrals and target moves, so nothing is overtaken twice and nothing starves.
 */
import type { StoredPlan, TasksDoc } from '../plan/tasks.js';
import type { MergeEntry, MergeQueueDoc } from './model.js';

export interface Waiting {
  entry: MergeEntry;
  /** Dependencies that are neither done nor ahead of it in this batch. */
  on: string[];
}

export function dependenciesOf(plan: StoredPlan | null, task: string): string[] {
  return plan?.tasks.find((t) => t.id === task)?.depends_on ?? [];
}

export function pickBatch(
  doc: MergeQueueDoc,
  plan: StoredPlan | null,
  tasks: TasksDoc,
  max: number,
): { batch: MergeEntry[]; waiting: Waiting[] } {
  const queued = doc.entries.filter((e) => e.state === 'queued' && !e.cancel_requested).sort((a, b) => a.seq - b.seq);
  const batch: MergeEntry[] = [];
  const waiting: Waiting[] = [];
  const ahead = new Set<string>();
  for (const e of queued) {
    // A revert undoes a landing; its task's dependencies were satisfied when it landed.
    const deps = e.kind === 'revert' ? [] : dependenciesOf(plan, e.task);
    const on = deps.filter((d) => tasks[d]?.status !== 'done' && !ahead.has(d));
    if (on.length) {
      waiting.push({ entry: e, on });
      continue;
    }
    if (batch.length < max) {
      batch.push(e);
      ahead.add(e.task);
    }
  }
  return { batch, waiting };
}

/** 1-based positions of the active entries in processing order. */
export function positions(doc: MergeQueueDoc): Map<string, number> {
  const out = new Map<string, number>();
  const order = doc.entries
    .filter((e) => e.state !== 'landed' && e.state !== 'failed' && e.state !== 'cancelled')
    .sort((a, b) => a.seq - b.seq);
  order.forEach((e, i) => out.set(e.id, i + 1));
  return out;
}
