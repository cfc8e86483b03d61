import { z } from 'zod';
import { openLanes } from '../../core/context.js';
import { removeLane } from '../../core/lanes/remove.js';
import { defineTool } from '../tool.js';
import { ActorOwner, Slug } from '../schemas.js';
import { mcpOwner } from '../../core/lanes/model.js';

export const removeWorktreeTool = defineTool({
  name: 'remove_worktree',
  title: 'Remove a finished lane',
  description:
    'Removes a task\'s lane (worktree and branch lanes/<task_id>) only when that loses nothing: no uncommitted files and every ' +
    'commit landed on the target (or no commits at all). Otherwise it refuses and lists the uncommitted files or the unlanded ' +
    'commits (short sha + subject): commit and queue_merge them, or leave the lane. There is no force option here; only a ' +
    'human can force a removal from the CLI. Releases the task\'s file claims and ports; a task still in progress goes back ' +
    'to planned. The lane of an unfinished task that another live owner holds is refused (naming the owner and when its ' +
    'lease ends). cleanup_worktrees does this for every finished lane.',
  kind: 'destructive',
  input: z.object({ task_id: Slug.describe('Task whose lane to remove'), owner: ActorOwner }).strict(),
  output: z.object({
    task_id: z.string(),
    path: z.string(),
    branch: z.string(),
    landed_by: z.string().describe('Why nothing was lost: no-commits | ancestor | landed_as | no-branch'),
    removed_worktree: z.boolean(),
    deleted_branch: z.boolean(),
    backup_refs: z.array(z.string()).describe('Refs keeping original commits (e.g. of a squash-landed lane)'),
    released_claims: z.number(),
    released_ports: z.array(z.number()),
    task_status: z.string().optional(),
    branch_kept: z.string().optional(),
  }),
  async handle(input, ctx) {
    // Never a force flag here: forcing is a human's choice at the CLI (RELIABILITY.md rule 1).
    return removeLane(await openLanes(ctx.cwd, await ctx.repo()), { task_id: input.task_id, actor: input.owner ?? mcpOwner() });
  },
  render: (o) =>
    `Removed the lane of ${o.task_id} (${o.path})${o.deleted_branch ? ` and branch ${o.branch}` : ''}` +
    `${o.branch_kept ? `; ${o.branch_kept}` : ''}. Released ${o.released_claims} claim(s).`,
});
