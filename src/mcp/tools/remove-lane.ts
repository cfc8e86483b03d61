import { z } from 'zod';
import { openProject } from '../../core/project/project.js';
import { removeLane } from '../../core/lanes/remove.js';
import { defineTool } from '../tool.js';
import { ActorOwner, Slug } from '../schemas.js';
import { mcpOwner } from '../../core/lanes/model.js';

export const removeLaneTool = defineTool({
  name: 'remove_lane',
  title: 'Remove a finished lane',
  description:
    "Removes a task's lane (worktree and branch lanes/<task_id>) only when that loses nothing: no uncommitted files, no " +
    'ignored files other than caches and untouched .worktreeinclude copies, no git operation in progress, and every commit ' +
    "the branch or the worktree's HEAD (detached or not) reaches landed on the target or kept by another ref. Otherwise it " +
    'refuses and lists them (files, commits as short sha + subject): commit and queue_merge them, or leave the lane. Commits ' +
    'only a reflog still reaches (after a reset) are kept under backup refs and named in notes. There is no force option here; only a ' +
    "human can force a removal from the CLI. Releases the task's file claims and ports; a task still in progress goes back " +
    'to planned. The lane of an unfinished task that another live owner holds is refused (naming the owner and when its ' +
    'lease ends). cleanup_lanes does this for every finished lane.',
  kind: 'destructive',
  input: z.object({ task_id: Slug.describe('Task whose lane to remove'), owner: ActorOwner }).strict(),
  output: z.object({
    task_id: z.string(),
    path: z.string(),
    branch: z.string(),
    landed_by: z.string().describe('Why nothing was lost: no-commits | ancestor | landed_as | no-branch'),
    removed_worktree: z.boolean(),
    deleted_branch: z.boolean(),
    backup_refs: z.array(z.string()).describe('Refs keeping commits: the originals of a squash-landed lane, reflog-only commits'),
    notes: z.array(z.string()).describe('What was kept and why, one sentence each'),
    released_claims: z.number(),
    released_ports: z.array(z.number()),
    task_status: z.string().optional(),
    branch_kept: z.string().optional(),
  }),
  async handle(input, ctx) {
    // Never a force flag here: forcing is a human's choice at the CLI (docs/safety.md rule 1).
    return removeLane(await openProject(ctx.cwd, await ctx.repo()), { task_id: input.task_id, actor: input.owner ?? mcpOwner() });
  },
  render: (o) =>
    `Removed the lane of ${o.task_id} (${o.path})${o.deleted_branch ? ` and branch ${o.branch}` : ''}` +
    `${o.branch_kept ? `; ${o.branch_kept}` : ''}. Released ${o.released_claims} claim(s).` +
    o.notes.map((n) => `\nKept: ${n}.`).join(''),
});
