import { z } from 'zod';
import { openLanes } from '../../core/context.js';
import { TASK_STATUSES, updateTask } from '../../core/tasks.js';
import { defineTool } from '../tool.js';
import { Slug, TaskStateOut, taskStateOut } from '../schemas.js';

export const updateTaskTool = defineTool({
  name: 'update_task',
  title: 'Change a task\'s status',
  description:
    'Sets a task\'s status (planned | in_progress | done | blocked | failed) with an optional note. Setting in_progress with an ' +
    'owner claims the task atomically: if another owner holds it you get "already started by ..." and nothing changes. ' +
    'A task cannot start before its dependencies are done. start_task does this for you when it creates the lane.',
  kind: 'write',
  idempotent: true,
  input: z
    .object({
      id: Slug.describe('Task id'),
      status: z.enum(TASK_STATUSES).describe('New status'),
      owner: z.string().min(1).max(200).optional().describe('Who works on it (session or agent name), for in_progress'),
      note: z.string().max(4000).optional().describe('Why (shown to the next owner)'),
      expect_status: z.enum(TASK_STATUSES).optional().describe('Only change it if it is currently in this status'),
    })
    .strict(),
  output: z.object({ task: TaskStateOut }),
  async handle(input, ctx) {
    const lanes = await openLanes(ctx.cwd, await ctx.repo());
    return { task: taskStateOut(await updateTask(lanes.store, input)) };
  },
  render: (o) => `${o.task.id} is now ${o.task.status}${o.task.owner ? ` (owner ${o.task.owner})` : ''}.`,
});
