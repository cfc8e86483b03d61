import { z } from 'zod';
import { openProject } from '../../core/project/project.js';
import { mcpOwner } from '../../core/lanes/model.js';
import { queueMerge, STRATEGIES } from '../../core/merge/index.js';
import { renderQueued } from '../../render/merge.js';
import { defineTool } from '../tool.js';
import { Slug } from '../schemas.js';
import { ConflictReportOut, EntryOut } from './merge-status.js';

export const queueMergeTool = defineTool({
  name: 'queue_merge',
  title: 'Queue a finished lane for landing',
  description:
    "Puts a task's lane (branch lanes/<task>) in the merge queue; its committed tip is what lands. Refuses a lane with uncommitted " +
    'work, with no commits, or with a rebase/merge in progress, saying what to do. Checks at once for conflicts with the target and ' +
    'with every other queued or in-progress lane and returns them (conflicts). Idempotent: queuing twice gives one entry. Nothing ' +
    'lands until process_merge_queue runs; merge_status shows the queue.',
  kind: 'write',
  idempotent: true,
  input: z
    .object({
      task_id: Slug.describe('Task whose lane should land'),
      strategy: z.enum(STRATEGIES).optional().describe('merge (default from config) | squash (one commit) | rebase (replay the commits)'),
    })
    .strict(),
  output: z.object({
    entry: EntryOut,
    position: z.number(),
    already_queued: z.boolean(),
    conflicts: z.array(ConflictReportOut),
    waiting_for: z.array(z.string()),
    warnings: z.array(z.string()),
  }),
  async handle(input, ctx) {
    const project = await openProject(ctx.cwd, await ctx.repo());
    return queueMerge(project, {
      task_id: input.task_id,
      ...(input.strategy ? { strategy: input.strategy } : {}),
      requested_by: mcpOwner(),
    });
  },
  render: (o) => renderQueued(o),
});
