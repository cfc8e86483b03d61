/**
 * What a run reports while it runs. The live display, the line-per-event output and `--json` are
 * all renderings of this one stream (src/render/run/), so a machine sees exactly what a human
 * sees. Every event carries `at` (ISO time).
 */
import type { Usage } from './model.js';
import type { AttemptOutcome } from './model.js';
import type { RunReport } from './report.js';

export type RunEvent = { at: string } & (
  | { type: 'run.started'; run_id: string; resumed: boolean; parallelism: number; agent: string; tasks: number; target: string }
  | { type: 'task.starting'; task: string }
  | { type: 'task.started'; task: string; branch: string; path: string; ms: number }
  | { type: 'agent.started'; task: string; attempt: number; pid?: number; log?: string }
  | { type: 'agent.activity'; task: string; text: string }
  | {
      type: 'agent.exited';
      task: string;
      attempt: number;
      exit_code: number | null;
      signal: string | null;
      ms: number;
      outcome: AttemptOutcome;
      reason?: string;
      usage?: Usage;
    }
  | { type: 'task.queued'; task: string; entry: string; conflicts: string[] }
  | { type: 'merge.progress'; text: string }
  | { type: 'task.landed'; task: string; commit: string }
  | { type: 'task.merge_failed'; task: string; reason: string }
  | { type: 'task.retry'; task: string; attempt: number; reason: string }
  | { type: 'task.blocked'; task: string; reason: string }
  | { type: 'resources.waiting'; reason: string }
  | { type: 'resources.ok' }
  /** Admissions paused on a usage or rate limit (`until`: ISO); also sent when a later limit extends it. */
  | { type: 'run.paused'; reason: string; until: string; task?: string; text?: string }
  | { type: 'run.resumed'; reason: string }
  | { type: 'run.warning'; text: string }
  | { type: 'run.stopping'; by: string; agents: string[] }
  | { type: 'run.finished'; report: RunReport }
);

export type RunEventType = RunEvent['type'];
/** An event before its time stamp is added. */
export type RunEventInput = RunEvent extends infer E ? (E extends { at: string } ? Omit<E, 'at'> : never) : never;
