import { z } from 'zod';
import { openProject } from '../../core/project/project.js';
import { planWork } from '../../core/plan/planning.js';
import { renderPlanWork } from '../../render/plan.js';
import { defineTool } from '../tool.js';
import { LimitOut, PlanOut, ResourcesOut, Slug } from '../schemas.js';

const TaskIn = z
  .object({
    id: Slug.describe('Unique task id, a slug such as "api-auth"'),
    title: z.string().min(1).max(200).describe('Short title'),
    description: z.string().max(20_000).optional().describe('What to do; given to the agent working on it'),
    depends_on: z.array(Slug).max(100).optional().describe('Ids of tasks that must land first'),
    files: z
      .array(z.string().min(1).max(512))
      .max(200)
      .optional()
      .describe('File scope: repo-relative paths or globs (src/api/**, docs/*.md). A plain path also covers a directory.'),
    estimate: z.number().positive().max(1000).optional().describe('Hours of work (default 1)'),
    parallel_ok: z.boolean().optional().describe('false: run this task alone (default true)'),
  })
  .strict();

export const planWorkTool = defineTool({
  name: 'plan_work',
  title: 'Plan parallel work',
  description:
    'Turns tasks (id, title, depends_on, files, estimate) into a checked, stored plan: waves of tasks that can run together, ' +
    'conflicts (task pairs whose file scopes can overlap; never run together), the critical path, sequential vs parallel hours, ' +
    'speedup and a recommended parallelism from free CPU, memory and disk. Give `tasks` inline or `source`: a JSON/YAML tasks ' +
    'file or a ROADMAP.md (### PRIORITY N: title sections marked Planned). Replaces the stored plan; tasks keep their state. ' +
    'Then call next_tasks to see what can start.',
  kind: 'write',
  idempotent: true,
  input: z
    .object({
      tasks: z.array(TaskIn).max(10_000).optional().describe('The tasks, inline'),
      source: z.string().max(4096).optional().describe('Path (relative to the project) of a tasks file (.json/.yaml) or ROADMAP.md'),
      replace: z.boolean().optional().describe('Allow the new plan to drop tasks that are in progress (their lanes are kept)'),
    })
    .strict(),
  output: z.object({
    plan: PlanOut,
    recommended_parallelism: z.number(),
    parallelism_reason: z.string(),
    limits: z.array(LimitOut),
    resources: ResourcesOut,
    at_max_parallel: z.object({ parallelism: z.number(), parallel_hours: z.number(), speedup: z.number() }),
  }),
  async handle(input, ctx) {
    const project = await openProject(ctx.cwd, await ctx.repo());
    return planWork(project, input, ctx.cwd);
  },
  render: (o) => renderPlanWork(o),
});
