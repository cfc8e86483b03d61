import { z } from 'zod';
import { openLanes } from '../../core/context.js';
import { status } from '../../core/status.js';
import { renderStatus } from '../../render/status.js';
import { defineTool } from '../tool.js';
import { ResourcesOut } from '../schemas.js';

const TaskBrief = z.object({ id: z.string(), status: z.string(), owner: z.string().optional() });

export const statusTool = defineTool({
  name: 'status',
  title: 'Lanes status at a glance',
  description:
    'Everything at a glance: plan progress by wave, tasks by state (with owners), resources (CPU, memory, disk) and recent ' +
    'events. Read-only and cheap; takes no git locks. Use get_plan for full task details.',
  kind: 'read',
  input: z.object({ events: z.number().int().min(0).max(200).optional().describe('How many recent events (default 10)') }).strict(),
  output: z.object({
    repo: z.string(),
    plan: z
      .object({
        tasks: z.number(),
        by_status: z.record(z.string(), z.number()),
        waves: z.array(z.object({ wave: z.number(), tasks: z.array(TaskBrief) })),
        parallelism: z.number(),
        speedup: z.number(),
      })
      .nullable(),
    resources: ResourcesOut,
    recent_events: z.array(z.object({ ts: z.string(), type: z.string() }).passthrough()),
  }),
  async handle(input, ctx) {
    const lanes = await openLanes(ctx.cwd, await ctx.repo());
    return status(lanes, input.events === undefined ? {} : { events: input.events });
  },
  render: (o) => renderStatus(o as never),
});
