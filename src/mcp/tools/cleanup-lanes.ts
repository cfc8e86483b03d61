import { z } from 'zod';
import { openProject } from '../../core/project/project.js';
import { cleanupLanes } from '../../core/lanes/cleanup.js';
import { defineTool } from '../tool.js';

export const cleanupLanesTool = defineTool({
  name: 'cleanup_lanes',
  title: 'Clean up finished lanes',
  description:
    'Removes every lane that is finished and loses nothing by going (clean, no ignored files but caches, commits landed, task ' +
    'not in progress) and every stale lane record whose directory is gone with nothing unlanded; reports each lane it keeps ' +
    'with the reason (uncommitted files, ignored files, unlanded commits incl. on a detached HEAD, a rebase in progress, task ' +
    'in progress, not a Lanes worktree) and the disk space freed. Commits only a reflog still reaches are kept under backup ' +
    'refs (backup_refs). Never prunes other worktrees. ' +
    'To remove one lane, use remove_lane.',
  kind: 'destructive',
  idempotent: true,
  input: z.object({}).strict(),
  output: z.object({
    removed: z.array(
      z.object({ task_id: z.string(), path: z.string(), reason: z.string(), freed_bytes: z.number(), backup_refs: z.array(z.string()) }),
    ),
    kept: z.array(z.object({ task_id: z.string().optional(), path: z.string(), reason: z.string() })),
    freed_bytes: z.number(),
    recovered: z.number().describe('Interrupted lanes operations rolled back or finished first'),
  }),
  async handle(_input, ctx) {
    return cleanupLanes(await openProject(ctx.cwd, await ctx.repo()));
  },
  render: (o) =>
    [
      `Removed ${o.removed.length} lane(s), freed ${(o.freed_bytes / 1048576).toFixed(1)} MiB.`,
      ...o.removed.map((r) => `- removed ${r.task_id}: ${r.reason}`),
      ...o.kept.map((k) => `- kept ${k.task_id ?? k.path}: ${k.reason.split('\n')[0]}`),
    ].join('\n'),
});
