import { z } from 'zod';
import { openProject } from '../../core/project/project.js';
import { readPlan, requirePlan } from '../../core/plan/tasks.js';
import { renderPlan } from '../../render/plan.js';
import { defineTool } from '../tool.js';
import { PlanOut, TaskStateOut, taskStateOut } from '../schemas.js';

export const getPlanTool = defineTool({
  name: 'get_plan',
  title: 'Show the stored plan',
  description:
    'Returns the stored plan (tasks, waves, conflicts, critical path, hours, speedup) and the current state of every task ' +
    '(planned, in_progress, done, blocked, failed; owner; note). Read-only. Use next_tasks for what can start now.',
  kind: 'read',
  input: z.object({}).strict(),
  output: z.object({ plan: PlanOut, tasks: z.array(TaskStateOut) }),
  async handle(_input, ctx) {
    const project = await openProject(ctx.cwd, await ctx.repo());
    const { plan, tasks } = await readPlan(project.store);
    const p = requirePlan(plan);
    return { plan: p, tasks: p.tasks.map((t) => taskStateOut(tasks[t.id] ?? { id: t.id, status: 'planned', updated_at: p.created_at })) };
  },
  render: (o) => renderPlan(o.plan, Object.fromEntries(o.tasks.map((t) => [t.id, { ...t, history: [] }]))),
});
