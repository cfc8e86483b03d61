import type { LaneConflict } from './after.js';

/** What one processor run did, batch after batch. */
export interface BatchReport {
  landed: Array<{ task: string; entry: string; commit: string; unchecked: boolean }>;
  /** Entries that would weaken the target's gates: they wait for `lanes merge approve`. */
  held: Array<{ task: string; entry: string; reason: string }>;
  failed: Array<{ task: string; entry: string; kind: 'conflict' | 'gate' | 'error'; message: string; files?: string[]; gate?: string }>;
  requeued: string[];
  cancelled: string[];
  gate_runs: number;
  warnings: string[];
  conflicts: LaneConflict[];
}

export type BatchOutcome = 'done' | 'moved' | 'cancelled';

export function newReport(): BatchReport {
  return { landed: [], held: [], failed: [], requeued: [], cancelled: [], gate_runs: 0, warnings: [], conflicts: [] };
}
