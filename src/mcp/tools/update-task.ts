import { z } from 'zod';
import { openProject } from '../../core/project/project.js';
import { mcpActor } from '../../core/lanes/model.js';
import { takeTask } from '../../core/lanes/take.js';
import { readPlan, TASK_STATUSES, updateTask } from '../../core/plan/tasks.js';
import { LanesError } from '../../errors.js';
import { defineTool } from '../tool.js';
import { ActorOwner, Slug, TaskStateOut, taskStateOut } from '../schemas.js';
import { acceptOldArgs } from './renamed.js';

export const updateTaskTool = defineTool({
  name: 'update_task',
  title: "Change a task's status",
  description:
    "Sets a task's status (planned | in_progress | done | blocked | failed) with an optional note. Setting in_progress claims " +
    'the task atomically for `owner` (default: you): if another owner holds it you get "already started by ..." and nothing ' +
    'changes. A task another live owner holds cannot be changed at all (the error names the owner and when its lease ends). ' +
    'takeover: true takes over a task whose owner is gone (lease expired): it keeps the lane, its commits and notes, and moves ' +
    "the task's claims to you. A task cannot start before its dependencies are done. start_lane does this for you when it " +
    'creates the lane.',
  kind: 'write',
  idempotent: true,
  input: acceptOldArgs(
    'update_task',
    z
      .object({
        task_id: Slug.describe('Task id'),
        status: z.enum(TASK_STATUSES).describe('New status (in_progress with takeover)'),
        owner: ActorOwner,
        note: z.string().max(4000).optional().describe('Why (shown to the next owner)'),
        expect_status: z.enum(TASK_STATUSES).optional().describe('Only change it if it is currently in this status'),
        takeover: z.boolean().optional().describe('Take over the task of an owner whose lease has expired (keeps its lane and commits)'),
      })
      .strict(),
  ),
  output: z.object({
    task: TaskStateOut,
    taken_over: z
      .object({
        from: z.string(),
        because: z.string(),
        path: z.string().optional(),
        branch: z.string().optional(),
        claims: z.array(z.string()),
      })
      .optional()
      .describe('Set when takeover moved the task to you: from whom, why that owner counted as gone, the kept lane'),
  }),
  async handle(input, ctx) {
    const project = await openProject(ctx.cwd, await ctx.repo());
    const me = input.owner !== undefined ? { owner: input.owner } : mcpActor();
    if (input.takeover) {
      if (input.status !== 'in_progress') {
        throw new LanesError('INVALID_INPUT', `takeover moves a task to in_progress, not ${input.status}.`, {
          hint: 'Pass status "in_progress" with takeover: true.',
        });
      }
      const r = await takeTask(project, { task_id: input.task_id, ...me });
      const t = (await readPlan(project.store)).tasks[input.task_id]!;
      const { from, because, path, branch, claims } = r;
      return { task: taskStateOut(t), taken_over: { from, because, path, branch, claims } };
    }
    const ttl = (await project.config()).claims.default_ttl_seconds;
    const t = await updateTask(project.store, {
      id: input.task_id,
      status: input.status,
      ...(input.status === 'in_progress' ? { owner: me.owner } : input.owner !== undefined ? { owner: input.owner } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
      ...(input.expect_status !== undefined ? { expect_status: input.expect_status } : {}),
      actor: me.owner,
      actor_ttl_seconds: ttl,
      ...('pid' in me && me.pid !== undefined ? { actor_pid: me.pid } : {}),
    });
    return { task: taskStateOut(t) };
  },
  render: (o) =>
    o.taken_over
      ? `${o.task.id} is now yours (${o.task.owner}), taken over from ${o.taken_over.from} (${o.taken_over.because})` +
        (o.taken_over.path ? `; its lane is ${o.taken_over.path} on ${o.taken_over.branch}` : '') +
        '.'
      : `${o.task.id} is now ${o.task.status}${o.task.owner ? ` (owner ${o.task.owner})` : ''}.`,
});
