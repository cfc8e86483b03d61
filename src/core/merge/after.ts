/**
 * What follows a landing or a failure, in the state: entries finished, tasks moved (done with
 * "landed as <commit>", or back to in_progress with the conflict or gate output for their owner),
 * claims released; then, outside the state lock, every other lane in flight re-checked against the
 * new target (a new conflict is recorded on its task once) and the lane removed when configured.
 */
import { errorMessage, isLanesError } from '../../errors.js';
import { refsUnder } from '../../git/head.js';
import { log } from '../../util/log.js';
import { releaseOwnerInTx } from '../claims/tx.js';
import type { Project } from '../project/project.js';
import { taskOwner } from '../lanes/model.js';
import { removeLane } from '../lanes/remove.js';
import { setStatus, TASKS_DOC, type TaskStatus } from '../plan/tasks.js';
import type { DocTx } from '../../state/define.js';
import { mergeCheckMany } from '../../git/merge.js';
import { NOTICES_DOC } from './notices.js';
import {
  capText,
  MERGE_DOC,
  msSince,
  nowIso,
  recordOutcome,
  trimHistory,
  type EntryFailure,
  type MergeEntry,
  type MergeQueueDoc,
} from './model.js';

export function queueIn(tx: DocTx): MergeQueueDoc {
  return tx.get(MERGE_DOC);
}

/** Moves a task without the checks of update_task (the queue, not an agent, decides here). */
export function moveTask(tx: DocTx, task: string, status: TaskStatus | undefined, note: string): void {
  const t = tx.get(TASKS_DOC)[task];
  if (!t) return; // a lane without a plan entry: nothing to record
  setStatus(t, status ?? t.status, { note: capText(note) });
}

export interface Landed {
  entry: string;
  commit: string;
  base: string;
}

/**
 * The state half of a landing, idempotent (crash recovery may run it twice): entries landed, tasks
 * done (dependents become ready) with landed_as, claims released. Returns the entries it moved.
 */
export function markLandedInTx(
  tx: DocTx,
  landed: readonly Landed[],
  target: string,
  extra: { unchecked: boolean; gates_ms?: number; land_ms?: number },
): MergeEntry[] {
  const doc = queueIn(tx);
  const tasks = tx.get(TASKS_DOC);
  const moved: MergeEntry[] = [];
  for (const l of landed) {
    const e = doc.entries.find((x) => x.id === l.entry);
    if (!e || e.state === 'landed') continue;
    e.state = 'landed';
    e.landed_as = l.commit;
    e.landed_from = l.base;
    e.finished_at = nowIso();
    if (extra.unchecked) e.unchecked = true;
    delete e.last_error;
    delete e.cancel_requested;
    e.timings = {
      ...e.timings,
      ...(extra.gates_ms !== undefined ? { gates_ms: extra.gates_ms } : {}),
      ...(extra.land_ms !== undefined ? { land_ms: extra.land_ms } : {}),
    };
    const total = msSince(e.started_at);
    if (total !== undefined) e.timings.total_ms = total;
    recordOutcome(doc, true);
    moved.push(e);
    const t = tasks[e.task];
    if (e.kind === 'revert') {
      if (t) {
        delete t.landed_as;
        delete t.owner;
        setStatus(t, 'planned', {
          note: capText(
            `Landing ${e.revert_of?.landed_as.slice(0, 12) ?? ''} was reverted on ${target} by ${l.commit.slice(0, 12)}; the task is open again.`,
          ),
        });
      }
    } else {
      if (t) {
        t.landed_as = l.commit;
        setStatus(t, 'done', {
          note: `landed as ${l.commit} on ${target}${extra.unchecked ? ' (no gates configured: nothing was checked)' : ''}`,
        });
      }
      releaseOwnerInTx(tx, taskOwner(e.task));
      delete doc.lane_conflicts[e.task];
    }
  }
  trimHistory(doc);
  return moved;
}

/** Marks an entry failed and sends its task back to its owner with the reason. */
export function markFailedInTx(
  tx: DocTx,
  entryId: string,
  message: string,
  failure: EntryFailure,
  opts: { gated?: boolean } = {},
): MergeEntry | undefined {
  const doc = queueIn(tx);
  const e = doc.entries.find((x) => x.id === entryId);
  if (!e || e.state === 'landed' || e.state === 'failed' || e.state === 'cancelled') return undefined;
  e.state = 'failed';
  e.finished_at = nowIso();
  e.last_error = capText(message, 8000);
  e.failure = failure;
  delete e.cancel_requested;
  if (opts.gated) recordOutcome(doc, false);
  const tasks = tx.get(TASKS_DOC);
  const t = tasks[e.task];
  if (t) {
    if (e.kind === 'revert') setStatus(t, t.status, { note: capText(`The revert of ${e.task} did not land: ${message}`) });
    else if (t.status !== 'done') setStatus(t, 'in_progress', { note: capText(`merge failed: ${message}`) });
  }
  trimHistory(doc);
  return e;
}

/**
 * Holds an entry for a human (it would weaken the target's gates): it keeps its place, and the
 * task's owner is told why and what a human must do.
 */
export function holdInTx(tx: DocTx, entryId: string, reason: string): void {
  const e = queueIn(tx).entries.find((x) => x.id === entryId);
  if (!e || !['integrating', 'gating', 'landing'].includes(e.state)) return;
  if (e.cancel_requested) {
    e.state = 'cancelled';
    e.finished_at = nowIso();
    delete e.cancel_requested;
    return;
  }
  e.state = 'held';
  e.held_reason = reason;
  e.last_error = `held for a human: ${reason}. A human approves it with \`lanes merge approve ${e.task}\`.`;
  moveTask(
    tx,
    e.task,
    undefined,
    `merge held: ${reason}. It lands once a human runs \`lanes merge approve ${e.task}\`; or revert the change to the gates, commit, cancel and queue again.`,
  );
}

/** Puts entries a processor let go of back in the queue, keeping their place. */
export function requeueInTx(tx: DocTx, ids: readonly string[], why?: string): void {
  const doc = queueIn(tx);
  for (const id of ids) {
    const e = doc.entries.find((x) => x.id === id);
    if (!e || !['integrating', 'gating', 'landing'].includes(e.state)) continue;
    if (e.cancel_requested) {
      e.state = 'cancelled';
      e.finished_at = nowIso();
      delete e.cancel_requested;
      continue;
    }
    e.state = 'queued';
    if (why) e.last_error = why;
  }
}

export interface LaneConflict {
  task: string;
  files: string[];
}

/**
 * Re-checks every lane in flight (branches lanes/*, tasks not done) against the new target in one
 * `merge-tree --stdin`; records each new conflict on the lane's task and on its queue entry.
 */
export async function recheckInFlight(
  project: Project,
  target: string,
  targetSha: string,
  landedTasks: readonly string[],
): Promise<LaneConflict[]> {
  const landedTask = landedTasks.join(', ');
  const root = project.repo.mainRoot;
  const lanes = await refsUnder(root, 'refs/heads/lanes/');
  const tasks = (await project.store.read(TASKS_DOC)).data;
  const queue = (await project.store.read(MERGE_DOC)).data;
  const lanesInFlight = lanes
    .map(({ name, sha }): [string, string] => [name, sha])
    .filter(([task]) => !landedTasks.includes(task) && tasks[task]?.status !== 'done');
  if (!lanesInFlight.length) return [];
  const results = await mergeCheckMany(
    root,
    lanesInFlight.map(([, sha]) => [targetSha, sha]),
  );
  const found: LaneConflict[] = [];
  const fresh: LaneConflict[] = [];
  lanesInFlight.forEach(([task], i) => {
    const files = results[i] ?? [];
    if (!files.length) return;
    found.push({ task, files });
    const prev = queue.lane_conflicts[task];
    if (!prev || prev.files.join('\0') !== files.join('\0')) fresh.push({ task, files });
  });
  const cleared = Object.keys(queue.lane_conflicts).filter((t) => !found.some((f) => f.task === t));
  if (fresh.length || cleared.length) {
    await project.store.transact(async (tx) => {
      const doc = queueIn(tx);
      const notices = tx.get(NOTICES_DOC);
      for (const t of cleared) delete doc.lane_conflicts[t];
      for (const c of fresh) {
        doc.lane_conflicts[c.task] = { target: targetSha, files: c.files };
        // One notice per lane and landing, for the next hook in that lane to hand to its agent.
        notices[c.task] = { id: targetSha, target, landed: [...landedTasks], files: c.files, at: nowIso() };
        const note = `After ${landedTask} landed, this lane conflicts with ${target} in: ${c.files.join(', ')}. Merge ${target} into the lane and resolve them before queueing (again).`;
        const t = tx.get(TASKS_DOC)[c.task];
        if (t && t.status !== 'done') setStatus(t, t.status, { note: capText(note) });
        const e = doc.entries.find((x) => x.task === c.task && x.state === 'queued');
        if (e) e.conflicts = [...(e.conflicts ?? []).filter((x) => x.with !== 'target'), { with: 'target', files: c.files }];
      }
      // A notice outlives its conflict only until the conflict is resolved or its lane lands.
      for (const t of Object.keys(notices)) if (!Object.hasOwn(doc.lane_conflicts, t)) delete notices[t];
    });
    for (const c of fresh)
      await project.store.appendEvent('merge.conflict', { task: c.task, with: target, files: c.files, after: landedTask });
  }
  return fresh;
}

/** recheckInFlight, but a failure is a warning: it never undoes or blocks a landing. */
export async function recheckSafely(
  project: Project,
  target: string,
  targetSha: string,
  landedTasks: readonly string[],
): Promise<{ warnings: string[]; conflicts: LaneConflict[] }> {
  try {
    return { warnings: [], conflicts: await recheckInFlight(project, target, targetSha, landedTasks) };
  } catch (e) {
    return { warnings: [`could not re-check the lanes in flight: ${errorMessage(e)}`], conflicts: [] };
  }
}

/** Removes the landed lanes (when configured); a lane that cannot go is reported, not fatal. */
export async function removeLandedLanes(project: Project, landed: readonly MergeEntry[]): Promise<string[]> {
  const warnings: string[] = [];
  for (const e of landed) {
    if (e.kind !== 'land') continue;
    const w = await removeLandedLane(project, e.task);
    if (w) warnings.push(w);
  }
  return warnings;
}

/**
 * Everything after the state half of a landing, best effort (a failure here never undoes the
 * landing; it is reported): lanes in flight re-checked, landed lanes removed when configured.
 */
export async function cleanupAfterLanding(
  project: Project,
  target: string,
  targetSha: string,
  landed: readonly MergeEntry[],
  removeLanes: boolean,
): Promise<{ warnings: string[]; conflicts: LaneConflict[] }> {
  const r = await recheckSafely(
    project,
    target,
    targetSha,
    landed.map((e) => e.task),
  );
  if (removeLanes) r.warnings.push(...(await removeLandedLanes(project, landed)));
  return r;
}

/**
 * Removes a landed lane through the lanes module (which proves it landed and removes it without
 * force). A lane it refuses to remove, or one that does not exist, is reported, not fatal.
 */
export async function removeLandedLane(project: Project, task: string): Promise<string | undefined> {
  try {
    await removeLane(project, { task_id: task });
    return undefined;
  } catch (e) {
    if (isLanesError(e, 'NOT_FOUND')) return undefined;
    const msg = `the lane of ${task} was kept: ${errorMessage(e)}`;
    log.warn(msg);
    return msg;
  }
}
