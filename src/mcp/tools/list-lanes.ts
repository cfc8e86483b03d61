import { z } from 'zod';
import { openProject } from '../../core/project/project.js';
import { listLanes } from '../../core/lanes/list.js';
import { TASK_STATUSES } from '../../core/plan/tasks.js';
import { defineTool } from '../tool.js';

export const NeedsFixOut = z
  .object({
    kind: z
      .enum(['gate', 'conflict', 'error'])
      .describe('gate: a gate failed; conflict: conflicts with the target; error: integration failed'),
    reason: z.string().describe('A few words, e.g. "gate test failed, 55 failing"; merge_status has the full output'),
    entry: z.string().optional().describe('The failed merge queue entry'),
    since: z.string().optional(),
    told_at: z
      .string()
      .optional()
      .describe("A conflict a landing caused: when the lane's agent was told (at its next edit after the landing)"),
  })
  .strict()
  .describe('The merge queue sent this lane back (or a landing made it conflict): fix it, commit, and queue_merge again');

export const LaneOut = z.object({
  task_id: z.string().optional(),
  kind: z.enum(['lane', 'foreign']).describe('foreign: a git worktree in the lanes directory with no lane record'),
  state: z.enum(['starting', 'ready', 'broken']).optional(),
  owner: z.string().optional(),
  task_status: z.enum(TASK_STATUSES).optional(),
  path: z.string(),
  branch: z.string().optional(),
  base: z.string().optional(),
  base_behind_target: z.number().optional().describe('Commits on the target since the base'),
  head: z.string().optional(),
  missing: z.boolean().describe('The worktree directory is gone'),
  locked: z.string().optional(),
  prunable: z.string().optional(),
  dirty: z.array(z.string()).describe('Uncommitted files, "XY path" (at most 50)'),
  dirty_count: z.number(),
  untracked_count: z.number(),
  ahead: z.number().optional().describe('Commits on the lane not on the target'),
  behind: z.number().optional().describe('Commits on the target not on the lane'),
  last_activity: z.string().optional(),
  needs_fix: NeedsFixOut.optional(),
  problem: z.string().optional(),
});

export const listLanesTool = defineTool({
  name: 'list_lanes',
  title: 'List lanes (task worktrees)',
  description:
    'Lists every lane: task, owner, worktree path, branch, base commit and how far the target has moved since, uncommitted ' +
    'files, commits ahead of / behind the target, last activity, and whether the directory is missing. Git worktrees in the ' +
    'lanes directory that Lanes did not make are listed as kind "foreign". Lanes the merge queue sent back (a red gate, a conflict) ' +
    'come first, with needs_fix { kind, reason }. Read-only (takes no git locks). Remove a finished ' +
    'lane with remove_lane, or all finished lanes with cleanup_lanes.',
  kind: 'read',
  input: z.object({}).strict(),
  output: z.object({ target: z.string(), target_sha: z.string().optional(), lanes: z.array(LaneOut) }),
  async handle(_input, ctx) {
    return listLanes(await openProject(ctx.cwd, await ctx.repo()), { recover: false });
  },
  render: (o) => {
    if (!o.lanes.length) return `No lanes (target ${o.target}).`;
    const rows = o.lanes.map((l) => {
      const state = l.needs_fix ? `needs fix: ${l.needs_fix.reason}` : l.state;
      const what = l.kind === 'foreign' ? 'foreign worktree' : `${l.task_id} [${state}] ${l.owner ?? ''}`.trim();
      const facts = [
        l.missing ? 'DIRECTORY MISSING' : undefined,
        l.dirty_count ? `${l.dirty_count} uncommitted` : undefined,
        l.ahead !== undefined ? `+${l.ahead}/-${l.behind ?? 0} vs ${o.target}` : undefined,
        l.problem,
      ].filter(Boolean);
      return `- ${what}: ${l.path}${facts.length ? ` (${facts.join(', ')})` : ''}`;
    });
    return `Lanes (target ${o.target}):\n${rows.join('\n')}`;
  },
});
