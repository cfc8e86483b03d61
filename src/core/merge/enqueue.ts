/**
 * queue_merge: puts a finished lane in the queue. Refuses, saying what to do, a lane with
 * uncommitted work, with no commits, or with a rebase/merge in progress; checks it at once with
 * `git merge-tree --write-tree` against the target and against every other lane queued or in
 * progress, and reports the likely conflicts. Idempotent: queuing a task twice gives one entry.
 */
import { ensureWork, pushWork } from '../remote/work.js';
import { presentCommits } from '../../git/refs.js';
import { act } from '../hints/actions.js';
import { LanesError } from '../../errors.js';
import { failpoint } from '../../util/failpoint.js';
import { refsUnder } from '../../git/head.js';
import { countCommits } from '../../git/log.js';
import { statusPorcelain } from '../../git/refs.js';
import { branchTip } from '../../git/head-files.js';
import { listWorktrees } from '../../git/worktree.js';
import { assertSlug } from '../../util/slug.js';
import type { Project } from '../project/project.js';
import { describeDirty } from '../lanes/teardown.js';
import { LANES_DOC, laneBranch, laneRef } from '../lanes/model.js';
import { readPlan, TASKS_DOC, type StoredPlan, type TasksDoc } from '../plan/tasks.js';
import { queueIn } from './after.js';
import { assertMergeTreeGit, mergeCheckMany, operationInProgress } from '../../git/merge.js';
import { activeEntry, MERGE_DOC, nowIso, type ConflictReport, type MergeEntry, type MergeQueueDoc, type Strategy } from './model.js';
import { dependenciesOf, positions } from './order.js';
import { entryView, type EntryView } from './status.js';
import { configForTip, readTargetTip } from './target.js';

export interface QueueInput {
  task_id: string;
  strategy?: Strategy;
  requested_by?: string;
  /**
   * The lane's tip its caller has just found clean, with no merge or rebase in progress (the
   * runner's finish check, after its agent exited): that check is not done twice.
   */
  checked_tip?: string;
}

export interface QueueResult {
  entry: EntryView;
  position: number;
  /** True when the task was already queued: nothing new was added. */
  already_queued: boolean;
  conflicts: ConflictReport[];
  /** Dependencies that must land first. */
  waiting_for: string[];
  warnings: string[];
}

export async function queueMerge(project: Project, input: QueueInput): Promise<QueueResult> {
  const task = assertSlug(input.task_id);
  const { repo, store } = project;
  const root = repo.mainRoot;
  const [, cfg] = await Promise.all([assertMergeTreeGit(root), project.config()]);
  const target = cfg.target;
  const ref = laneRef(task);
  // The target's tip with its committed config's blob (one cat-file), and the lane's tip.
  const [targetTip, tip] = await Promise.all([readTargetTip(repo, target), branchTip(root, repo.commonDir, laneBranch(task))]);
  if (!targetTip) {
    throw new LanesError('NOT_FOUND', `The target branch ${target} does not exist.`, {
      hint: 'Create it (or set "target" in .lanes/config.json), then queue again.',
    });
  }
  const targetSha = targetTip.sha;
  if (!tip) {
    throw new LanesError('NOT_FOUND', `Task ${task} has no lane (no branch lanes/${task}).`, {
      hint: `Start the task with ${act('start_lane', { task_id: task })}, commit the work in its lane, then queue it.`,
    });
  }
  const { plan, tasks } = await readPlan(store);
  const state = tasks[task];
  if (state?.status === 'done') throw alreadyDone(task, state.landed_as);
  const current = (await store.read(MERGE_DOC)).data;
  const existing = activeEntry(current, task);
  if (existing?.state === 'held') {
    return result(current, existing, true, existing.conflicts ?? [], plan, tasks, [
      `It is held for a human: ${existing.held_reason ?? 'it changes the gates'}. \`lanes merge approve ${task}\` lets it land; \`lanes merge cancel ${task}\` takes it out so a new commit can be queued.`,
    ]);
  }
  if (existing && existing.state !== 'queued')
    return result(current, existing, true, existing.conflicts ?? [], plan, tasks, [
      'It is being processed right now; its queued commit is what lands.',
    ]);

  // The reads that decide are independent of each other: they run together. The lane's own
  // check is skipped only for the exact tip its caller has just found clean.
  const [, ahead, strategy, conflicts] = await Promise.all([
    input.checked_tip === tip ? undefined : assertLaneReady(project, task, ref),
    countCommits(root, [tip, `^${targetSha}`]),
    input.strategy ?? configForTip(repo, targetTip, target).then((c) => c.merge.strategy),
    checkConflicts(project, task, tip, targetSha, current, tasks),
  ]);
  if (ahead === 0) {
    throw new LanesError('INVALID_INPUT', `The lane of ${task} has no commits that are not already on ${target}.`, {
      hint: 'Commit the work in the lane first (git commit), then queue it.',
    });
  }
  // Across machines, the processor may run elsewhere: the queued commit must be on the remote first.
  await pushWork(project, task, tip);
  await failpoint('merge.queue-before-write');

  const out = await store.transact(async (tx) => {
    const doc = queueIn(tx);
    // Landed since the read above (by this entry's processor, or on another machine): never twice.
    const now = tx.get(TASKS_DOC)[task];
    if (now?.status === 'done') throw alreadyDone(task, now.landed_as);
    const again = activeEntry(doc, task);
    if (again) {
      if (again.state === 'queued') {
        again.tip = tip;
        if (input.strategy) again.strategy = input.strategy;
        again.conflicts = conflicts;
      }
      return { entry: { ...again }, already: true, doc };
    }
    doc.seq += 1;
    const entry: MergeEntry = {
      id: `m${doc.seq}`,
      seq: doc.seq,
      task,
      kind: 'land',
      ref,
      tip,
      strategy,
      target,
      state: 'queued',
      queued_at: nowIso(),
      attempts: 0,
      conflicts,
      ...(input.requested_by ? { requested_by: input.requested_by } : {}),
    };
    doc.entries.push(entry);
    return { entry: { ...entry }, already: false, doc: structuredClone(doc) };
  });
  if (!out.already) await store.appendEvent('merge.queued', { task, entry: out.entry.id, tip, strategy, conflicts: conflicts.length });
  return result(out.doc, out.entry, out.already, conflicts, plan, tasks, []);
}

function alreadyDone(task: string, landedAs: string | undefined): LanesError {
  return new LanesError('CONFLICT', `Task ${task} is already done${landedAs ? ` (landed as ${landedAs.slice(0, 12)})` : ''}.`, {
    hint: `Nothing to land. Add a follow-up task with ${act('add_task')} for further work.`,
  });
}

function result(
  doc: MergeQueueDoc,
  entry: MergeEntry,
  already: boolean,
  conflicts: ConflictReport[],
  plan: StoredPlan | null,
  tasks: TasksDoc,
  warnings: string[],
): QueueResult {
  const waiting = dependenciesOf(plan, entry.task).filter((d) => tasks[d]?.status !== 'done');
  const w = [...warnings];
  if (conflicts.some((c) => c.with === 'target'))
    w.push(
      `It conflicts with ${entry.target} as it is now: merge ${entry.target} into the lane and resolve the conflicts, or it will fail when processed.`,
    );
  const position = positions(doc).get(entry.id) ?? 0;
  return {
    entry: entryView(entry, { position, waiting_for: waiting }),
    position,
    already_queued: already,
    conflicts,
    waiting_for: waiting,
    warnings: w,
  };
}

/** The lane's worktree (if it has one) must hold no uncommitted work and no operation in progress. */
async function assertLaneReady(project: Project, task: string, ref: string): Promise<void> {
  // By branch, or by the lane's recorded path: during a rebase the lane's HEAD is detached.
  const recorded = (await project.store.read(LANES_DOC)).data[task]?.path;
  const wt = (await listWorktrees(project.repo.mainRoot)).find((w) => w.branch === ref || (recorded !== undefined && w.path === recorded));
  if (!wt) return;
  const [op, dirty] = await Promise.all([operationInProgress(wt.path, project.repo.commonDir), statusPorcelain(wt.path)]);
  if (op) {
    throw new LanesError('UNSAFE', `The lane of ${task} (${wt.path}) has ${op} in progress.`, {
      hint: 'Finish it (e.g. git rebase --continue, git merge --continue) or abort it in the lane, commit, then queue again.',
      details: { path: wt.path, operation: op },
    });
  }
  if (dirty.length) {
    throw new LanesError('UNSAFE', `The lane of ${task} (${wt.path}) has uncommitted work:\n${describeDirty(dirty)}`, {
      hint: 'Commit it (or discard what should not land), then queue again. Only committed work lands.',
      details: { path: wt.path, files: dirty.map((d) => d.path) },
    });
  }
}

/** Conflicts with the target and with every other lane queued or in progress, in one git call. */
async function checkConflicts(
  project: Project,
  task: string,
  tip: string,
  targetSha: string,
  doc: MergeQueueDoc,
  tasks: TasksDoc,
): Promise<ConflictReport[]> {
  const root = project.repo.mainRoot;
  const others = new Map<string, string>();
  for (const e of doc.entries)
    if (e.task !== task && e.kind === 'land' && ['queued', 'integrating', 'gating', 'landing'].includes(e.state)) others.set(e.task, e.tip);
  for (const { name: t, sha } of await refsUnder(root, 'refs/heads/lanes/'))
    if (t && t !== task && !others.has(t) && tasks[t]?.status === 'in_progress') others.set(t, sha);
  if (project.store.shared) {
    // Lanes of other machines: fetch their work; one that cannot be had is left out of the check.
    await ensureWork(
      project,
      [...others].map(([t, sha]) => ({ task: t, tip: sha })),
    );
    const have = new Set(await presentCommits(root, [...others.values()]));
    for (const [t, sha] of others) if (!have.has(sha)) others.delete(t);
  }
  const names = ['target', ...others.keys()];
  const pairs: Array<[string, string]> = [[targetSha, tip], ...[...others.values()].map((sha): [string, string] => [sha, tip])];
  const files = await mergeCheckMany(root, pairs);
  return names.flatMap((name, i) => (files[i]?.length ? [{ with: name, files: files[i]! }] : []));
}
