import { z } from 'zod';
import { openProject } from '../../core/project/project.js';
import { readPlan, requirePlan } from '../../core/plan/tasks.js';
import { readyTasks } from '../../core/plan/ready.js';
import { defineTool } from '../tool.js';
import { PlannedTaskOut } from '../schemas.js';

export const nextTasksTool = defineTool({
  name: 'next_tasks',
  title: 'Tasks ready to start',
  description:
    'Lists tasks that can start now: planned, all dependencies done, not conflicting with any task in progress or with each ' +
    "other, up to the free slots (the plan's parallelism minus tasks in progress, or `limit`). Critical-path tasks first. " +
    'Read-only; start one with start_lane (or claim it with update_task).',
  kind: 'read',
  input: z.object({ limit: z.number().int().min(1).max(256).optional().describe('Most tasks to return (default: free slots)') }).strict(),
  output: z.object({
    ready: z.array(PlannedTaskOut.extend({ priority_hours: z.number() })),
    in_progress: z.array(z.string()),
    free_slots: z.number(),
  }),
  async handle(input, ctx) {
    const project = await openProject(ctx.cwd, await ctx.repo());
    const { plan, tasks } = await readPlan(project.store);
    const p = requirePlan(plan);
    const inProgress = p.tasks.filter((t) => tasks[t.id]?.status === 'in_progress').map((t) => t.id);
    const free = Math.max(0, p.parallelism - inProgress.length);
    const ready = readyTasks(p, tasks, input.limit ?? free);
    return { ready: ready.map((r) => ({ ...r.task, priority_hours: r.priority_hours })), in_progress: inProgress, free_slots: free };
  },
  render: (o) =>
    o.ready.length
      ? `Ready (${o.ready.length}, ${o.free_slots} free slots): ${o.ready.map((t) => `${t.id} (${t.title})`).join(', ')}`
      : `Nothing ready now (${o.in_progress.length} in progress, ${o.free_slots} free slots).`,
});
