/**
 * `lanes merge run --dry-run`: what the processor would take and in which order, changing
 * nothing — no queue lock, no recovery, no state write, no integration worktree. Each entry the
 * processor would take is checked against the target as it is now (merge-tree, which touches no
 * index, worktree or ref); later batches land on a moved target, so this is the first step's view.
 */
import { refSha } from '../../git/refs.js';
import { mergeCheck } from '../../git/merge.js';
import { LanesError } from '../../errors.js';
import type { Project } from '../project/project.js';
import { readPlan } from '../plan/tasks.js';
import { effectiveBatchSize, MERGE_DOC, PROCESSING, queueOf } from './model.js';
import { pickBatch } from './order.js';
import { configForTip, readTargetTip } from './target.js';

export interface MergeDryRun {
  dry_run: true;
  target: string;
  target_sha: string;
  /** Entries a crashed processor left mid-way: a real run settles them first. */
  interrupted: Array<{ task: string; entry: string; state: string }>;
  /** In processing order (batches of `batch_size`), checked against the target's tip now. */
  would_process: Array<{ task: string; entry: string; kind: string; tip: string; batch: number; conflicts: string[]; lane_moved: boolean }>;
  waiting: Array<{ task: string; entry: string; on: string[] }>;
  gates: string[];
  batch_size: number;
}

export async function planMergeQueue(project: Project): Promise<MergeDryRun> {
  const root = project.repo.mainRoot;
  const target = (await project.config()).target;
  const tip = await readTargetTip(project.repo, target);
  if (!tip)
    throw new LanesError('NOT_FOUND', `The target branch ${target} does not exist.`, {
      hint: 'Create it (or fix "target" in .lanes/config.json), then run the queue again.',
    });
  const [{ plan, tasks }, q] = await Promise.all([readPlan(project.store), project.store.read(MERGE_DOC)]);
  const doc = queueOf(q.data);
  const cfg = await configForTip(project.repo, tip, target);
  const size = effectiveBatchSize(cfg.merge.batch_size, doc.recent);
  // Every entry that could go once those ahead of it land: the real run takes them `size` at a time.
  const { batch, waiting } = pickBatch(doc, plan, tasks, Number.MAX_SAFE_INTEGER);
  const would_process: MergeDryRun['would_process'] = [];
  for (const [i, e] of batch.entries()) {
    const check = await mergeCheck(root, tip.sha, e.tip);
    const now = await refSha(root, e.ref);
    would_process.push({
      task: e.task,
      entry: e.id,
      kind: e.kind,
      tip: e.tip,
      batch: Math.floor(i / size) + 1,
      conflicts: check.clean ? [] : check.files,
      lane_moved: now !== undefined && now !== e.tip,
    });
  }
  return {
    dry_run: true,
    target,
    target_sha: tip.sha,
    interrupted: doc.entries.filter((e) => PROCESSING.includes(e.state)).map((e) => ({ task: e.task, entry: e.id, state: e.state })),
    would_process,
    waiting: waiting.map((w) => ({ task: w.entry.task, entry: w.entry.id, on: w.on })),
    gates: cfg.gates.map((g) => g.name),
    batch_size: size,
  };
}
