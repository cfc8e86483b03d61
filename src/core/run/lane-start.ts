/**
 * Getting a task into a lane: a new lane (start_task), or one an earlier run left behind, taken
 * over once that run is gone. A start that fails is tried again with a back-off (2 s, 4 s...),
 * then the task is blocked; a task someone else started meanwhile is left to them.
 */
import fs from 'node:fs';
import { errorMessage, isLanesError } from '../../errors.js';
import { ownerLiveness, readOwners } from '../claims/liveness.js';
import { startLane } from '../lanes/start.js';
import { takeTask } from '../lanes/take.js';
import { LANES_DOC } from '../lanes/model.js';
import { activeEntry, MERGE_DOC, type MergeEntry } from '../merge/model.js';
import type { PlannedTask } from '../plan/plan.js';
import { readPlan } from '../plan/tasks.js';
import { launch } from './attempt.js';
import { firstLine, type RunContext } from './context.js';
import { INTERRUPTED_NOTE, nowIso, type RunTask } from './model.js';
import { block } from './outcome.js';

/** Starts of one task before it is blocked. */
export const START_TRIES = 3;

export async function startTask(ctx: RunContext, task: PlannedTask): Promise<void> {
  const rt = ctx.runTask(task.id);
  rt.state = 'starting';
  delete rt.reason;
  ctx.emit({ type: 'task.starting', task: task.id });
  ctx.save();
  const t0 = performance.now();
  try {
    const adopted = await adoptLane(ctx, task.id);
    const lane = adopted ?? (await startLane(ctx.project, { task_id: task.id, owner: ctx.run.owner }));
    rt.start_ms = (rt.start_ms ?? 0) + Math.round(performance.now() - t0);
    rt.branch = lane.branch;
    rt.path = lane.path;
    rt.started_at ??= nowIso();
    ctx.startFailures.delete(task.id);
    ctx.emit({ type: 'task.started', task: task.id, branch: lane.branch, path: lane.path, ms: rt.start_ms });
  } catch (e) {
    ctx.starting.delete(task.id);
    await startFailed(ctx, rt, e);
    return;
  }
  ctx.starting.delete(task.id);
  if (ctx.stopping) {
    rt.state = 'interrupted';
    ctx.save();
    return;
  }
  await launch(ctx, rt);
}

/**
 * A lane an earlier run left for this task (it was blocked, then set back to planned by a human,
 * or that run ended mid-task): continue in it rather than fail on "lane exists". Only lanes
 * owned by a run that is gone, never a person's; taking it over claims its scope again. Our own
 * lane comes back from startLane itself.
 */
async function adoptLane(ctx: RunContext, id: string): Promise<{ branch: string; path: string } | undefined> {
  const doc = (await ctx.project.store.read(LANES_DOC)).data;
  const rec = Object.hasOwn(doc, id) ? doc[id] : undefined;
  if (!rec || !rec.owner.startsWith('run:') || rec.owner === ctx.run.owner || rec.state !== 'ready' || !fs.existsSync(rec.path))
    return undefined;
  const r = await takeTask(ctx.project, { task_id: id, owner: ctx.run.owner, pid: process.pid });
  ctx.emit({ type: 'run.warning', text: `${id}: continuing in the lane ${rec.owner} left (${r.because})` });
  return { branch: rec.branch, path: rec.path };
}

/**
 * Tasks an earlier run left in progress in their lanes (it crashed, or ended with them there):
 * once that run's lease is gone they are this run's to continue, in the same lane.
 */
export async function adoptOrphans(ctx: RunContext): Promise<void> {
  const { store } = ctx.project;
  const [owners, lanesDoc, queue] = await Promise.all([readOwners(store), store.read(LANES_DOC), store.read(MERGE_DOC)]);
  for (const t of ctx.plan.tasks) {
    const st = Object.hasOwn(ctx.tasks, t.id) ? ctx.tasks[t.id] : undefined;
    if (st?.status !== 'in_progress' || !st.owner?.startsWith('run:') || st.owner === ctx.run.owner || ctx.run.tasks[t.id]) continue;
    const lane = Object.hasOwn(lanesDoc.data, t.id) ? lanesDoc.data[t.id] : undefined;
    const entry = activeEntry(queue.data, t.id);
    if (entry) {
      await adoptQueued(ctx, t.id, st.owner, entry, owners, lane);
      continue;
    }
    if (!lane) {
      await adoptFromAnotherMachine(ctx, t.id, st.owner, owners);
      continue;
    }
    if (lane.owner !== st.owner || lane.state !== 'ready' || ownerLiveness(owners, st.owner).live) continue;
    try {
      const r = await takeTask(ctx.project, { task_id: t.id, owner: ctx.run.owner, pid: process.pid });
      ctx.run.tasks[t.id] = {
        id: t.id,
        state: 'interrupted',
        attempts: [],
        path: lane.path,
        branch: lane.branch,
        reason: INTERRUPTED_NOTE,
      };
      ctx.emit({ type: 'run.warning', text: `${t.id}: continuing in the lane ${st.owner} left (${r.because})` });
    } catch (e) {
      ctx.emit({ type: 'run.warning', text: `could not continue ${t.id} from ${st.owner}: ${firstLine(errorMessage(e))}` });
    }
  }
  ctx.save();
}

async function startFailed(ctx: RunContext, rt: RunTask, e: unknown): Promise<void> {
  const msg = errorMessage(e);
  // Across machines this clone's view may be older than the refusal: look at the remote's.
  if (isLanesError(e, 'CONFLICT') && ctx.project.store.shared) await ctx.project.store.refresh().catch(() => undefined);
  const st = (await readPlan(ctx.project.store)).tasks[rt.id];
  if (isLanesError(e, 'CONFLICT') && st?.status === 'in_progress' && st.owner !== ctx.run.owner) {
    // Someone else took it between our read and the claim: theirs now.
    ctx.foreign.add(rt.id);
    delete ctx.run.tasks[rt.id];
    ctx.emit({ type: 'run.warning', text: `${rt.id} was started by ${st.owner} meanwhile; leaving it to them` });
    ctx.save();
    return;
  }
  const f = ctx.startFailures.get(rt.id) ?? { n: 0, until: 0 };
  if (isLanesError(e, 'OFFLINE')) {
    // The remote does not answer (across machines): not the task's fault, so not one of its tries.
    f.until = Date.now() + 3000;
    ctx.startFailures.set(rt.id, f);
    rt.state = 'pending';
    rt.reason = `waiting for the remote: ${firstLine(msg)}`;
    ctx.emit({ type: 'run.warning', text: `${rt.id} waits for the remote to answer` });
    ctx.save();
    return;
  }
  f.n++;
  f.until = Date.now() + 1000 * 2 ** f.n;
  ctx.startFailures.set(rt.id, f);
  rt.state = 'pending';
  rt.reason = `could not start: ${msg}`;
  if (f.n >= START_TRIES) {
    await block(ctx, rt, `could not start after ${f.n} tries: ${msg}`);
    return;
  }
  ctx.emit({ type: 'run.warning', text: `${rt.id} could not start (try ${f.n} of ${START_TRIES}): ${firstLine(msg)}` });
  ctx.save();
}

/** A takeover that did not happen. The remote not answering is not news: the next look tries again. */
function adoptionFailed(ctx: RunContext, id: string, from: string, e: unknown): void {
  if (isLanesError(e, 'OFFLINE')) return;
  ctx.emit({ type: 'run.warning', text: `could not take ${id} over from ${from}: ${firstLine(errorMessage(e))}` });
}

/**
 * A gone run's task whose work is already in the merge queue: finished work, so it is not done
 * again. This run takes the task over as queued and sees its entry land (its merge driver runs
 * the queue; across machines, whoever runs it). Held entries wait for a human, not for a run.
 */
async function adoptQueued(
  ctx: RunContext,
  id: string,
  from: string,
  entry: MergeEntry,
  owners: Awaited<ReturnType<typeof readOwners>>,
  lane: { path: string; branch: string } | undefined,
): Promise<void> {
  if (entry.state === 'held' || ownerLiveness(owners, from).live) return;
  try {
    const r = await takeTask(ctx.project, { task_id: id, owner: ctx.run.owner, pid: process.pid });
    ctx.run.tasks[id] = {
      id,
      state: 'queued',
      attempts: [],
      ...(lane ? { path: lane.path, branch: lane.branch } : {}),
      merge: { entry: entry.id, queued_at: entry.queued_at },
    };
    ctx.emit({ type: 'run.warning', text: `${id}: taken over from ${from} (${r.because}) with its work queued (${entry.id}); landing it` });
    ctx.save();
    ctx.merges.kick();
  } catch (e) {
    adoptionFailed(ctx, id, from, e);
  }
}

/**
 * Across machines (shared state on a remote): a task whose run died on another machine has no
 * lane here. Once that run's lease has ended (as this machine judges it), take the task over and
 * start a lane for it, which continues from the work the other machine pushed.
 */
async function adoptFromAnotherMachine(
  ctx: RunContext,
  id: string,
  from: string,
  owners: Awaited<ReturnType<typeof readOwners>>,
): Promise<void> {
  if (!ctx.project.store.shared || ownerLiveness(owners, from).live) return;
  try {
    const r = await takeTask(ctx.project, { task_id: id, owner: ctx.run.owner, pid: process.pid });
    const lane = await startLane(ctx.project, { task_id: id, owner: ctx.run.owner });
    ctx.run.tasks[id] = { id, state: 'interrupted', attempts: [], path: lane.path, branch: lane.branch, reason: INTERRUPTED_NOTE };
    ctx.emit({ type: 'run.warning', text: `${id}: taken over from ${from} (${r.because}), continuing from the work it pushed` });
    ctx.save();
  } catch (e) {
    adoptionFailed(ctx, id, from, e);
  }
}
