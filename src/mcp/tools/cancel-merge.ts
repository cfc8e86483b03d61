import { z } from 'zod';
import { openProject } from '../../core/project/project.js';
import { cancelMerge } from '../../core/merge/index.js';
import { defineTool } from '../tool.js';
import { Slug } from '../schemas.js';
import { EntryOut } from './merge-status.js';

export const cancelMergeTool = defineTool({
  name: 'cancel_merge',
  title: 'Take a lane out of the merge queue',
  description:
    "Cancels a task's entry in the merge queue. A queued entry is cancelled at once; one being processed is dropped by the processor " +
    'before it lands (pending: true). Does not touch the lane or the task. A landing that already happened is undone with ' +
    '`lanes merge revert <task>` instead.',
  kind: 'write',
  idempotent: true,
  input: z.object({ task_id: Slug.describe('Task whose queue entry to cancel') }).strict(),
  output: z.object({ entry: EntryOut, cancelled: z.boolean(), pending: z.boolean() }),
  async handle(input, ctx) {
    const project = await openProject(ctx.cwd, await ctx.repo());
    return cancelMerge(project, input.task_id);
  },
  render: (o) =>
    o.cancelled
      ? `Cancelled ${o.entry.task} (entry ${o.entry.id}); it will not land.`
      : `${o.entry.task} (entry ${o.entry.id}) is being processed; the processor drops it before landing.`,
});
