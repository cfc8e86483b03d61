/**
 * merge_status (lock-free read), cancel_merge, and `lanes merge revert` (a revert commit that goes
 * through the same queue and gates as any landing).
 */
import { act } from '../hints/actions.js';
import { LanesError } from '../../errors.js';
import { isAncestor, refSha } from '../../git/refs.js';
import { lockOwner, own, pidAlive, hostName } from '../../state/index.js';
import { assertSlug } from '../../util/slug.js';
import type { Project } from '../project/project.js';
import { readPlan } from '../plan/tasks.js';
import { queueIn } from './after.js';
import { assertMergeTreeGit } from '../../git/merge.js';
import { activeEntry, MERGE_DOC, msSince, nowIso, PROCESSING, type MergeEntry } from './model.js';
import { dependenciesOf, positions } from './order.js';

export interface EntryView {
  id: string;
  task: string;
  kind: MergeEntry['kind'];
  state: MergeEntry['state'];
  target: string;
  /** 1-based place in the queue (active entries only). */
  position?: number;
  strategy: MergeEntry['strategy'];
  tip: string;
  queued_at: string;
  started_at?: string;
  finished_at?: string;
  /** How long it has waited (queued) or took (finished), in ms. */
  waited_ms?: number;
  timings?: MergeEntry['timings'];
  attempts: number;
  last_error?: string;
  landed_as?: string;
  unchecked?: boolean;
  conflicts?: MergeEntry['conflicts'];
  waiting_for?: string[];
  cancel_requested?: boolean;
  held_reason?: string;
  /** Id of the full log of its last gate run (`lanes merge log <task>`). */
  log?: string;
}

export interface MergeStatus {
  target: string;
  target_sha?: string;
  processor: { running: boolean; pid?: number; host?: string; since?: string };
  /** Entries are marked as being processed but no processor runs: one was interrupted. The next run recovers them. */
  interrupted: boolean;
  /** Queued and in-progress entries, in processing order. */
  queue: EntryView[];
  /** The most recent finished entries, newest first. */
  recent: EntryView[];
  /** Failure rate of recent gated entries (it sizes batches). */
  recent_failure_rate: number;
}

/** The view of an entry the tools and the CLI show. */
export function entryView(e: MergeEntry, opts: { position?: number | undefined; waiting_for?: string[] } = {}): EntryView {
  const v: EntryView = {
    id: e.id,
    task: e.task,
    kind: e.kind,
    state: e.state,
    target: e.target,
    strategy: e.strategy,
    tip: e.tip,
    queued_at: e.queued_at,
    attempts: e.attempts,
  };
  if (opts.position !== undefined) v.position = opts.position;
  if (e.started_at) v.started_at = e.started_at;
  if (e.finished_at) v.finished_at = e.finished_at;
  const waited = e.state === 'queued' ? msSince(e.queued_at) : e.timings?.wait_ms;
  if (waited !== undefined) v.waited_ms = waited;
  if (e.timings) v.timings = e.timings;
  if (e.last_error) v.last_error = e.last_error;
  if (e.landed_as) v.landed_as = e.landed_as;
  if (e.unchecked) v.unchecked = true;
  if (e.conflicts?.length) v.conflicts = e.conflicts;
  if (e.cancel_requested) v.cancel_requested = true;
  if (e.held_reason && e.state === 'held') v.held_reason = e.held_reason;
  if (e.failure?.log) v.log = e.failure.log;
  if (opts.waiting_for?.length) v.waiting_for = opts.waiting_for;
  return v;
}

export async function mergeStatus(project: Project, opts: { recent?: number; task?: string } = {}): Promise<MergeStatus> {
  const target = (await project.config()).target;
  const [q, { plan, tasks }, targetSha] = await Promise.all([
    project.store.read(MERGE_DOC),
    readPlan(project.store),
    refSha(project.repo.mainRoot, `refs/heads/${target}`),
  ]);
  const doc = q.data;
  const pos = positions(doc);
  const view = (e: MergeEntry): EntryView => {
    const on =
      e.state === 'queued' && e.kind === 'land' ? dependenciesOf(plan, e.task).filter((d) => own(tasks, d)?.status !== 'done') : [];
    return entryView(e, { position: pos.get(e.id), waiting_for: on });
  };
  const match = (e: MergeEntry) => opts.task === undefined || e.task === opts.task;
  const active = doc.entries.filter((e) => pos.has(e.id) && match(e)).sort((a, b) => a.seq - b.seq);
  const finished = doc.entries
    .filter((e) => !pos.has(e.id) && match(e))
    .sort((a, b) => b.seq - a.seq)
    .slice(0, opts.recent ?? 10);
  const owner = lockOwner(project.repo.stateDir, 'queue');
  const running = owner !== undefined && (owner.host !== hostName() || pidAlive(owner.pid));
  const fails = doc.recent.filter((ok) => !ok).length;
  return {
    target,
    ...(targetSha ? { target_sha: targetSha } : {}),
    processor: running ? { running, pid: owner.pid, host: owner.host, since: owner.since } : { running: false },
    interrupted: !running && active.some((e) => PROCESSING.includes(e.state)),
    queue: active.map(view),
    recent: finished.map(view),
    recent_failure_rate: doc.recent.length ? Math.round((fails / doc.recent.length) * 100) / 100 : 0,
  };
}

/**
 * Takes a task's entry out of the queue. A queued entry is cancelled at once; one a processor is
 * working on is marked, and the processor lets go of it before landing (a cancel never races a
 * landing into a half state: once landed, use revert).
 */
export async function cancelMerge(project: Project, taskId: string): Promise<{ entry: EntryView; cancelled: boolean; pending: boolean }> {
  const task = assertSlug(taskId);
  const out = await project.store.transact(async (tx) => {
    const doc = queueIn(tx);
    const e = activeEntry(doc, task);
    if (!e) {
      const last = doc.entries.filter((x) => x.task === task).sort((a, b) => b.seq - a.seq)[0];
      throw new LanesError(
        'NOT_FOUND',
        `Task ${task} has nothing in the merge queue${last ? ` (its last entry ${last.id} is ${last.state})` : ''}.`,
        {
          hint:
            last?.state === 'landed'
              ? `It already landed as ${last.landed_as?.slice(0, 12)}; to undo that, ${act('revert_landing', { task_id: task })}.`
              : `${act('merge_status')} lists the queue.`,
        },
      );
    }
    if (e.state === 'queued' || e.state === 'held') {
      e.state = 'cancelled';
      e.finished_at = nowIso();
      return { e: { ...e }, cancelled: true };
    }
    e.cancel_requested = true;
    return { e: { ...e }, cancelled: false };
  });
  await project.store.appendEvent('merge.cancel', { task, entry: out.e.id, immediate: out.cancelled });
  return {
    entry: entryView(out.e),
    cancelled: out.cancelled,
    pending: !out.cancelled,
  };
}

/**
 * Queues a revert of a task's landing. The revert commit is made on the current target when the
 * entry is processed, then gated and landed like any entry; when it lands the task is open again.
 */
export async function queueRevert(
  project: Project,
  taskId: string,
  opts: { requested_by?: string } = {},
): Promise<{ entry: EntryView; already_queued: boolean }> {
  const task = assertSlug(taskId);
  const root = project.repo.mainRoot;
  await assertMergeTreeGit(root);
  const target = (await project.config()).target;
  const targetSha = await refSha(root, `refs/heads/${target}`);
  const [{ tasks }, q] = await Promise.all([readPlan(project.store), project.store.read(MERGE_DOC)]);
  const doc = q.data;
  const landedEntry = doc.entries
    .filter((e) => e.task === task && e.kind === 'land' && e.state === 'landed')
    .sort((a, b) => b.seq - a.seq)[0];
  const landedAs = own(tasks, task)?.landed_as ?? landedEntry?.landed_as;
  if (!landedAs) {
    throw new LanesError('NOT_FOUND', `Task ${task} has no landing to revert.`, {
      hint: `${act('merge_status')} lists what landed; only a landed task can be reverted.`,
    });
  }
  if (!targetSha || !(await isAncestor(root, landedAs, targetSha))) {
    throw new LanesError('CONFLICT', `The landing of ${task} (${landedAs.slice(0, 12)}) is not on ${target}.`, {
      hint: 'It may already be reverted or the target was reset; nothing to undo.',
    });
  }
  const landedFrom = landedEntry?.landed_as === landedAs ? landedEntry.landed_from : undefined;
  if (landedFrom !== undefined && landedFrom === landedAs) {
    throw new LanesError('CONFLICT', `Task ${task} made no commit of its own when it landed: its changes were already on ${target}.`, {
      hint: 'There is no landing commit to revert; undo those changes with a new task instead.',
    });
  }
  const out = await project.store.transact(async (tx) => {
    const d = queueIn(tx);
    const again = activeEntry(d, task);
    if (again) {
      if (again.kind !== 'revert') {
        throw new LanesError('CONFLICT', `Task ${task} has an entry in the merge queue (${again.id}, ${again.state}).`, {
          hint: `Cancel it first (lanes merge cancel ${task}).`,
        });
      }
      return { e: { ...again }, already: true };
    }
    d.seq += 1;
    const e: MergeEntry = {
      id: `m${d.seq}`,
      seq: d.seq,
      task,
      kind: 'revert',
      ref: `refs/heads/${target}`,
      tip: landedAs,
      strategy: 'merge',
      target,
      state: 'queued',
      queued_at: nowIso(),
      attempts: 0,
      revert_of: { landed_as: landedAs, ...(landedFrom ? { landed_from: landedFrom } : {}) },
      ...(opts.requested_by ? { requested_by: opts.requested_by } : {}),
    };
    d.entries.push(e);
    return { e: { ...e }, already: false };
  });
  if (!out.already) await project.store.appendEvent('merge.revert_queued', { task, entry: out.e.id, landed_as: landedAs });
  return { entry: entryView(out.e), already_queued: out.already };
}
