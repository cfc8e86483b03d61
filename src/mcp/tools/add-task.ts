import { z } from 'zod';
import { openProject } from '../../core/project/project.js';
import { addTask } from '../../core/plan/tasks.js';
import { defineTool } from '../tool.js';
import { PlannedTaskOut, Slug } from '../schemas.js';
import { acceptOldArgs } from './renamed.js';

export const addTaskTool = defineTool({
  name: 'add_task',
  title: 'Add a task to the plan',
  description:
    'Adds a task discovered while working to the stored plan. The whole plan is re-checked (dependencies, cycles, file-scope ' +
    "conflicts, waves). Returns the task and its wave. Fails if task_id exists; use update_task to change a task's status.",
  kind: 'write',
  input: acceptOldArgs(
    'add_task',
    z
      .object({
        task_id: Slug.describe('New task id'),
        title: z.string().min(1).max(200).describe('Short title'),
        description: z.string().max(20_000).optional().describe('What to do'),
        depends_on: z.array(Slug).max(100).optional().describe('Ids of tasks that must land first'),
        files: z.array(z.string().min(1).max(512)).max(200).optional().describe('File scope: paths or globs'),
        estimate: z.number().positive().max(1000).optional().describe('Hours (default 1)'),
        parallel_ok: z.boolean().optional().describe('false: run alone'),
      })
      .strict(),
  ),
  output: z.object({ task: PlannedTaskOut, wave: z.number(), conflicts_with: z.array(z.string()) }),
  async handle(input, ctx) {
    const project = await openProject(ctx.cwd, await ctx.repo());
    const { task_id, ...rest } = input;
    const { plan, task } = await addTask(project.store, { id: task_id, ...rest });
    const wave = plan.waves.findIndex((w) => w.includes(task.id)) + 1;
    const conflicts_with = plan.conflicts.flatMap((c) => (c.a === task.id ? [c.b] : c.b === task.id ? [c.a] : []));
    return { task, wave, conflicts_with };
  },
  render: (o) => `Added ${o.task.id} in wave ${o.wave}${o.conflicts_with.length ? `; conflicts with ${o.conflicts_with.join(', ')}` : ''}.`,
});
