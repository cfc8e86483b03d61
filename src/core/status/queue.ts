/** The merge queue's brief for the status report: the processor, waiting and recent entries. */
import type { Project } from '../project/project.js';
import { mergeStatus, type EntryView } from '../merge/index.js';
import { defined, shorten } from './brief.js';

export type MergeEntryBrief = Pick<EntryView, 'id' | 'task' | 'kind' | 'state' | 'queued_at' | 'attempts'> &
  Partial<Pick<EntryView, 'position' | 'started_at' | 'finished_at' | 'waited_ms' | 'last_error' | 'landed_as' | 'waiting_for'>> & {
    conflicts?: number;
  };

export interface MergeSummary {
  processor: { running: boolean; pid?: number; since?: string };
  queue: MergeEntryBrief[];
  recent: MergeEntryBrief[];
  recent_failure_rate: number;
}

/** What the report shows when the queue cannot be read. */
export function emptyMergeSummary(): MergeSummary {
  return { processor: { running: false }, queue: [], recent: [], recent_failure_rate: 0 };
}

export async function readMerge(project: Project, recent: number): Promise<MergeSummary> {
  const m = await mergeStatus(project, { recent });
  const brief = (e: EntryView): MergeEntryBrief => {
    const {
      id,
      task,
      kind,
      state,
      queued_at,
      attempts,
      position,
      started_at,
      finished_at,
      waited_ms,
      last_error,
      landed_as,
      waiting_for,
      conflicts,
    } = e;
    const b: MergeEntryBrief = { id, task, kind, state, queued_at, attempts };
    Object.assign(b, defined({ position, started_at, finished_at, waited_ms, landed_as, waiting_for }));
    if (last_error) b.last_error = shorten(last_error, 300);
    if (conflicts?.length) b.conflicts = conflicts.length;
    return b;
  };
  const p = m.processor;
  return {
    processor: p.running ? (defined({ running: true, pid: p.pid, since: p.since }) as MergeSummary['processor']) : { running: false },
    queue: m.queue.map(brief),
    recent: m.recent.map(brief),
    recent_failure_rate: m.recent_failure_rate,
  };
}
