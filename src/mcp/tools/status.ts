import { z } from 'zod';
import { openProject } from '../../core/project/project.js';
import { ENTRY_STATES } from '../../core/merge/index.js';
import { status } from '../../core/status/status.js';
import { TASK_STATUSES } from '../../core/plan/tasks.js';
import { renderStatus } from '../../render/status.js';
import { defineTool } from '../tool.js';
import { ResourcesOut } from '../schemas.js';
import { NeedsFixOut } from './list-lanes.js';

const TaskStatusOut = z.enum(TASK_STATUSES);

const TaskBriefOut = z
  .object({
    id: z.string(),
    title: z.string(),
    status: TaskStatusOut,
    wave: z.number(),
    depends_on: z.array(z.string()),
    estimate: z.number(),
    owner: z.string().optional(),
    note: z.string().optional(),
    started_at: z.string().optional(),
    finished_at: z.string().optional(),
    landed_as: z.string().optional(),
  })
  .strict();

const LaneOut = z
  .object({
    kind: z.enum(['lane', 'foreign']),
    task_id: z.string().optional(),
    state: z.enum(['starting', 'ready', 'broken']).optional(),
    task_status: TaskStatusOut.optional(),
    owner: z.string().optional(),
    branch: z.string().optional(),
    path: z.string(),
    missing: z.boolean(),
    dirty_count: z.number(),
    untracked_count: z.number(),
    ahead: z.number().optional(),
    behind: z.number().optional(),
    created_at: z.string().optional(),
    age_s: z.number().optional(),
    last_activity: z.string().optional(),
    needs_fix: NeedsFixOut.optional(),
    problem: z.string().optional(),
  })
  .strict();

const EntryBriefOut = z
  .object({
    id: z.string(),
    task: z.string(),
    kind: z.enum(['land', 'revert']),
    state: z.enum(ENTRY_STATES),
    queued_at: z.string(),
    attempts: z.number(),
    position: z.number().optional(),
    started_at: z.string().optional(),
    finished_at: z.string().optional(),
    waited_ms: z.number().optional(),
    last_error: z.string().optional(),
    landed_as: z.string().optional(),
    waiting_for: z.array(z.string()).optional(),
    conflicts: z.number().optional().describe('How many likely conflicts were found'),
  })
  .strict();

/** The full status report; the dashboard's JSON endpoint serves the same shape. */
export const StatusOut = z
  .object({
    repo: z.string(),
    generated_at: z.string(),
    took_ms: z.number(),
    target: z.string(),
    target_sha: z.string().optional(),
    plan: z
      .object({
        tasks: z.number(),
        by_status: z
          .object(Object.fromEntries(TASK_STATUSES.map((s) => [s, z.number()])) as Record<(typeof TASK_STATUSES)[number], z.ZodNumber>)
          .strict(),
        progress: z.number(),
        waves: z.array(z.object({ wave: z.number(), done: z.number(), tasks: z.array(TaskBriefOut) }).strict()),
        conflicts: z.array(z.object({ a: z.string(), b: z.string(), files: z.array(z.string()) }).strict()),
        critical_path: z.array(z.string()),
        parallelism: z.number(),
        speedup: z.number(),
      })
      .strict()
      .nullable(),
    lanes: z.array(LaneOut),
    claims: z.array(
      z
        .object({
          owner: z.string(),
          pattern: z.string(),
          mode: z.enum(['exclusive', 'shared']),
          task: z.string().optional(),
          pid: z.number().optional(),
          expires_at: z.string(),
        })
        .strict(),
    ),
    merge: z
      .object({
        processor: z.object({ running: z.boolean(), pid: z.number().optional(), since: z.string().optional() }).strict(),
        queue: z.array(EntryBriefOut),
        recent: z.array(EntryBriefOut),
        recent_failure_rate: z.number(),
      })
      .strict(),
    run: z
      .object({
        id: z.string().optional(),
        state: z.string(),
        started_at: z.string().optional(),
        finished_at: z.string().optional(),
        parallelism: z.number().optional(),
        agent: z.string().optional(),
        tasks: z.record(z.string(), z.number()),
        items: z.array(
          z
            .object({
              task: z.string(),
              state: z.string(),
              attempts: z.number(),
              since: z.string().optional(),
              reason: z.string().optional(),
            })
            .strict(),
        ),
        paused: z.object({ reason: z.string(), until: z.string(), task: z.string().optional(), text: z.string() }).strict().optional(),
        cost: z
          .object({
            input_tokens: z.number(),
            output_tokens: z.number(),
            cache_read_tokens: z.number(),
            cache_creation_tokens: z.number(),
            cost_usd: z.number().optional(),
            reported_cost_usd: z.number().optional(),
            unpriced: z.array(z.string()).optional(),
            text: z.string(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .nullable(),
    resources: ResourcesOut.extend({
      disk_path: z.string(),
      sources: z.object({ cpus: z.string(), load: z.string(), memory: z.string(), disk: z.string() }).strict(),
      took_ms: z.number(),
    }).strict(),
    recent_events: z.array(z.object({ ts: z.string(), type: z.string(), task: z.string().optional(), text: z.string() }).strict()),
    problems: z.array(z.string()),
  })
  .strict();

export const statusTool = defineTool({
  name: 'status',
  title: 'Lanes status at a glance',
  description:
    'Everything at a glance: plan progress by wave (each task with state, owner, dependencies), lanes (task, state, uncommitted ' +
    'files, commits ahead/behind the target, age, last activity; lanes the merge queue sent back come first with needs_fix ' +
    '{ kind, reason }), live file claims, the merge queue, the current `lanes run`, ' +
    'resources (CPU, memory, disk) and recent events. Read-only and cheap: takes no locks, git runs with GIT_OPTIONAL_LOCKS=0. ' +
    "Use get_plan for full task details, list_lanes for a lane's dirty files, merge_status for queue details.",
  kind: 'read',
  input: z
    .object({
      events: z.number().int().min(0).max(200).optional().describe('How many recent events (default 10)'),
      recent_merges: z.number().int().min(0).max(50).optional().describe('How many finished merge entries (default 5)'),
    })
    .strict(),
  output: StatusOut,
  async handle(input, ctx) {
    const project = await openProject(ctx.cwd, await ctx.repo());
    return status(project, {
      ...(input.events !== undefined ? { events: input.events } : {}),
      ...(input.recent_merges !== undefined ? { recentMerges: input.recent_merges } : {}),
    });
  },
  render: (o) => renderStatus(o as never, { color: false }),
});
