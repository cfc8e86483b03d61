import { z } from 'zod';
import { openProject } from '../../core/project/project.js';
import { processMergeQueue } from '../../core/merge/index.js';
import { renderProcessed } from '../../render/merge.js';
import { defineTool } from '../tool.js';

export const processMergeQueueTool = defineTool({
  name: 'process_merge_queue',
  title: 'Land the queued lanes',
  description:
    'Works through the merge queue until nothing more can land: each entry (or batch) is integrated onto the current target in a ' +
    "private worktree, the target's configured gates run, and the target advances atomically. A conflict or gate failure never " +
    "reaches the target: that task goes back to in_progress with the conflicting files or the gate's summary and first failure " +
    "(the full log: `lanes merge log <task>`). A landing that weakens the target's gates is held until a human runs " +
    '`lanes merge approve <task>` (there is no tool for that). Returns what landed, held, ' +
    'failed and still waits. Only one processor runs at a time: a second call gets "busy, held by pid ...". Can take as long as the ' +
    'gates; merge_status shows progress.',
  kind: 'write',
  input: z
    .object({
      max_batches: z.number().int().min(1).max(1000).optional().describe('Stop after this many batches (default: until the queue is done)'),
    })
    .strict(),
  output: z.object({
    target: z.string(),
    batches: z.number(),
    gate_runs: z.number(),
    landed: z.array(z.object({ task: z.string(), entry: z.string(), commit: z.string(), unchecked: z.boolean() })),
    held: z.array(z.object({ task: z.string(), entry: z.string(), reason: z.string() })),
    failed: z.array(
      z.object({
        task: z.string(),
        entry: z.string(),
        kind: z.enum(['conflict', 'gate', 'error']),
        message: z.string(),
        files: z.array(z.string()).optional(),
        gate: z.string().optional(),
      }),
    ),
    requeued: z.array(z.string()),
    cancelled: z.array(z.string()),
    waiting: z.array(z.object({ task: z.string(), entry: z.string(), on: z.array(z.string()) })),
    conflicts: z.array(z.object({ task: z.string(), files: z.array(z.string()) })),
    recovered: z.array(
      z.object({
        journal: z.string(),
        step: z.string(),
        outcome: z.enum(['rolled-forward', 'retried', 'failed']),
        landed: z.array(z.string()),
        requeued: z.array(z.string()),
        error: z.string().optional(),
        warnings: z.array(z.string()).optional(),
      }),
    ),
    remaining: z.number(),
    warnings: z.array(z.string()),
  }),
  async handle(input, ctx) {
    const project = await openProject(ctx.cwd, await ctx.repo());
    return processMergeQueue(project, input.max_batches ? { maxBatches: input.max_batches } : {});
  },
  render: (o) => renderProcessed(o),
});
