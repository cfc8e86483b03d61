import { z } from 'zod';
import { openProject } from '../../core/project/project.js';
import { mcpActor } from '../../core/lanes/model.js';
import { startLane } from '../../core/lanes/start.js';
import { defineTool } from '../tool.js';
import { ActorOwner, Slug } from '../schemas.js';

export const startLaneTool = defineTool({
  name: 'start_lane',
  title: 'Start a task in its own lane',
  description:
    'Starts a planned task in its own lane: atomically claims the task (another owner gets "already started by ..."), creates ' +
    'branch lanes/<task_id> and a locked worktree at .claude/worktrees/<task_id> from a recorded base commit (the target branch ' +
    'unless `base` is given), copies the gitignored files named in .worktreeinclude (e.g. .env), runs the configured setup ' +
    "commands, then claims the task's file scope. Returns the worktree path (work and commit only there), the branch, the base " +
    'commit and the claimed paths. Calling it again as the same owner (also from a new session or server process) returns the ' +
    'existing lane, marked resumed. A lane whose owner is gone is taken over with update_task (takeover: true). If any step fails nothing ' +
    'is left behind and the error says why (a failing setup command includes its output). Pick tasks with next_tasks first; ' +
    'see lanes with list_lanes.',
  kind: 'write',
  idempotent: true,
  input: z
    .object({
      task_id: Slug.describe('Id of a planned task (next_tasks lists the ready ones)'),
      base: z.string().min(1).max(255).optional().describe('Branch, tag or commit to start from; default: the target branch'),
      owner: ActorOwner,
    })
    .strict(),
  output: z.object({
    task_id: z.string(),
    owner: z.string(),
    path: z.string().describe("The lane's worktree: do all work for the task here"),
    branch: z.string(),
    base: z.string().describe('Commit the lane starts from'),
    base_ref: z.string(),
    target: z.string().describe('Branch the work lands on'),
    claims: z.array(z.string()).describe('File scope claimed for the task'),
    included: z.array(z.string()).describe('Files copied by .worktreeinclude'),
    include_skipped: z.array(z.object({ path: z.string(), reason: z.string() })),
    setup: z.array(z.object({ name: z.string(), ms: z.number() })),
    existing: z.boolean().describe("True when this owner's lane already existed"),
    resumed: z.boolean().describe('True when the owner got its existing lane back'),
  }),
  async handle(input, ctx) {
    const project = await openProject(ctx.cwd, await ctx.repo());
    const me = input.owner !== undefined ? { owner: input.owner } : mcpActor();
    return startLane(project, { task_id: input.task_id, ...me, ...(input.base !== undefined ? { base: input.base } : {}) });
  },
  render: (o) =>
    `${o.resumed ? 'Resumed your lane' : 'Lane ready'} for ${o.task_id}: ${o.path} on ${o.branch} from ${o.base.slice(0, 12)} (${o.base_ref}).` +
    (o.claims.length ? ` Claimed: ${o.claims.join(', ')}.` : '') +
    (o.included.length ? ` Copied: ${o.included.join(', ')}.` : '') +
    (o.setup.length ? ` Setup: ${o.setup.map((s) => `${s.name} (${s.ms} ms)`).join(', ')}.` : '') +
    ` Work and commit in ${o.path}; land with queue_merge.`,
});
