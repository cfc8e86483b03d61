import { z } from 'zod';
import { openProject } from '../../core/project/project.js';
import { ENTRY_STATES, mergeStatus, STRATEGIES } from '../../core/merge/index.js';
import { renderStatus } from '../../render/merge.js';
import { defineTool } from '../tool.js';
import { Slug } from '../schemas.js';

export const ConflictReportOut = z.object({ with: z.string(), files: z.array(z.string()) });

/** One queue entry as the merge tools return it (shared by the merge tools). */
export const EntryOut = z.object({
  id: z.string(),
  task: z.string(),
  kind: z.enum(['land', 'revert']),
  state: z.enum(ENTRY_STATES),
  target: z.string(),
  position: z.number().optional(),
  strategy: z.enum(STRATEGIES),
  tip: z.string(),
  queued_at: z.string(),
  started_at: z.string().optional(),
  finished_at: z.string().optional(),
  waited_ms: z.number().optional(),
  timings: z.record(z.string(), z.number()).optional(),
  attempts: z.number(),
  last_error: z.string().optional(),
  landed_as: z.string().optional(),
  unchecked: z.boolean().optional(),
  conflicts: z.array(ConflictReportOut).optional(),
  waiting_for: z.array(z.string()).optional(),
  cancel_requested: z.boolean().optional(),
  held_reason: z.string().optional(),
  log: z.string().optional(),
});

export const mergeStatusTool = defineTool({
  name: 'merge_status',
  title: 'Merge queue status',
  description:
    'The merge queue: entries queued or being processed, in order, with state (queued | integrating | gating | landing | held: waits for a human to run `lanes merge approve`), position, ' +
    'time waited, likely conflicts and what each waits for; recent finished entries with landed_as or the last error; whether a ' +
    'processor is running. Read-only, takes no locks. Use queue_merge to add a lane, process_merge_queue to land.',
  kind: 'read',
  input: z
    .object({
      task_id: Slug.optional().describe('Only entries of this task'),
      recent: z.number().int().min(0).max(200).optional().describe('How many finished entries to include (default 10)'),
    })
    .strict(),
  output: z.object({
    target: z.string(),
    target_sha: z.string().optional(),
    processor: z.object({ running: z.boolean(), pid: z.number().optional(), host: z.string().optional(), since: z.string().optional() }),
    interrupted: z.boolean(),
    queue: z.array(EntryOut),
    recent: z.array(EntryOut),
    recent_failure_rate: z.number(),
  }),
  async handle(input, ctx) {
    const project = await openProject(ctx.cwd, await ctx.repo());
    return mergeStatus(project, {
      ...(input.task_id ? { task: input.task_id } : {}),
      ...(input.recent !== undefined ? { recent: input.recent } : {}),
    });
  },
  render: (o) => renderStatus(o),
});
