/**
 * The task-state rules of a run: what an agent's exit means (finished, limited, failed,
 * interrupted), when a task is queued for merge, retried or blocked, and what a landing or a
 * merge sent back does to it. A blocked task says why, releases its claims and keeps its lane.
 */
import { errorMessage, isLanesError } from '../../errors.js';
import { failpoint } from '../../util/failpoint.js';
import { releaseFiles } from '../claims/api.js';
import { taskOwner } from '../lanes/model.js';
import { queueMerge, type MergeEntry } from '../merge/index.js';
import { readPlan, updateTask } from '../plan/tasks.js';
import { firstLine, type RunContext } from './context.js';
import { checkLane, verdict, type LaneCheck } from './finish.js';
import { countedAttempts, INTERRUPTED_NOTE, LIMITED_NOTE, nowIso, type RunAttempt, type RunMerge, type RunTask } from './model.js';
import { limitOf, MAX_LIMITED_IN_A_ROW, type AttemptOutput } from './pause.js';
import type { AgentExit } from './spawn.js';

export async function agentExited(
  ctx: RunContext,
  rt: RunTask,
  attempt: RunAttempt,
  counted: number,
  exit: AgentExit,
  output: AttemptOutput,
): Promise<void> {
  ctx.agents.delete(rt.id);
  attempt.ended_at = nowIso();
  attempt.ms = exit.ms;
  attempt.exit_code = exit.exitCode;
  attempt.signal = exit.signal;
  delete attempt.pgid;
  const usage = ctx.pauses.account(rt, attempt, output);
  if (ctx.ended.has(rt.id)) {
    attempt.outcome = 'interrupted';
    attempt.reason = `ended by lanes run (${ctx.stopBy})`;
    rt.state = 'interrupted';
    rt.reason = INTERRUPTED_NOTE;
    ctx.emit({
      type: 'agent.exited',
      task: rt.id,
      attempt: counted,
      exit_code: exit.exitCode,
      signal: exit.signal,
      ms: exit.ms,
      outcome: 'interrupted',
      reason: attempt.reason,
    });
    ctx.save();
    return;
  }
  // An agent that failed on a usage or rate limit pauses the run now, before the lane check
  // below yields to the loop, which would otherwise admit another agent into the same limit.
  const failedOnLimit = exit.exitCode !== 0 && exit.exitCode !== null ? limitOf(rt, exit, output) : undefined;
  if (failedOnLimit) ctx.pauses.hit(failedOnLimit, rt.id);
  // Its slot is free: the loop admits the next task now, beside this lane's check and queueing,
  // instead of at its next poll (up to pollMs later, for every agent that exits).
  ctx.wake();
  await failpoint('run.handoff');
  let lane: LaneCheck | undefined;
  try {
    lane = await checkLane(ctx.project.repo, rt.path!, rt.id, ctx.cfg.target);
  } catch (e) {
    attempt.reason = `could not check the lane: ${errorMessage(e)}`;
  }
  const v = verdict(exit, lane);
  // An attempt that did not finish because the agent hit a usage or rate limit is not the
  // task's failure: not counted, the lane kept, and the whole run waits for the reset.
  const limit = v.outcome !== 'finished' ? limitOf(rt, exit, output) : undefined;
  if (limit) {
    v.outcome = 'limited';
    v.reason = `stopped by a ${limit.reason}: ${limit.text}`;
  } else {
    ctx.pauses.ok();
    if (output.limits.limit && v.outcome !== 'finished')
      v.reason = `${v.reason ?? 'it failed'} (after ${MAX_LIMITED_IN_A_ROW} usage or rate limits in a row this one counts; check agent.limit_patterns)`;
  }
  attempt.outcome = v.outcome;
  if (v.reason) attempt.reason = v.reason;
  ctx.emit({
    type: 'agent.exited',
    task: rt.id,
    attempt: counted,
    exit_code: exit.exitCode,
    signal: exit.signal,
    ms: exit.ms,
    outcome: v.outcome,
    ...(v.reason ? { reason: v.reason } : {}),
    ...(usage ? { usage } : {}),
  });
  if (limit) {
    if (!failedOnLimit) ctx.pauses.hit(limit, rt.id);
    rt.state = 'retry';
    rt.reason = LIMITED_NOTE;
    void ctx.save(true);
    return;
  }
  if (v.outcome === 'finished') await queueIt(ctx, rt, attempt, lane?.tip);
  else await retryOrBlock(ctx, rt, v.reason ?? 'the attempt did not finish');
}

/** How long a run waits for a remote that does not answer before it gives up on what needs it. */
export const REMOTE_WAIT_MS = 10 * 60_000;

/**
 * Queue a finished lane. Across machines the remote may not answer for a while: the work is
 * committed in the lane, so the queueing is tried again (up to REMOTE_WAIT_MS) instead of
 * running the agent again or blocking the task.
 */
async function queueWhenReachable(
  ctx: RunContext,
  rt: RunTask,
  checkedTip: string | undefined,
): Promise<Awaited<ReturnType<typeof queueMerge>>> {
  const deadline = Date.now() + REMOTE_WAIT_MS;
  for (let i = 0; ; i++) {
    try {
      return await queueMerge(ctx.project, {
        task_id: rt.id,
        requested_by: ctx.run.owner,
        ...(checkedTip ? { checked_tip: checkedTip } : {}),
      });
    } catch (e) {
      if (!isLanesError(e, 'OFFLINE') || ctx.stopping || Date.now() > deadline) throw e;
      if (i === 0) ctx.emit({ type: 'run.warning', text: `${rt.id}: the remote does not answer; queueing again when it does` });
      await new Promise((r) => setTimeout(r, Math.min(15_000, 1000 * 2 ** i)));
    }
  }
}

async function queueIt(ctx: RunContext, rt: RunTask, attempt: RunAttempt, checkedTip: string | undefined): Promise<void> {
  try {
    const q = await queueWhenReachable(ctx, rt, checkedTip);
    if (attempt.ended_at) rt.handoff_ms = (rt.handoff_ms ?? 0) + Math.max(0, Date.now() - Date.parse(attempt.ended_at));
    rt.state = 'queued';
    rt.merge = { entry: q.entry.id, queued_at: nowIso() };
    delete rt.reason;
    ctx.emit({ type: 'task.queued', task: rt.id, entry: q.entry.id, conflicts: q.conflicts.map((c) => c.with) });
    ctx.save();
    ctx.merges.kick();
  } catch (e) {
    // Across machines an earlier try may have gone through with its answer lost, and another
    // machine's processor landed it meanwhile: then the refusal ("already done") is the news.
    const done = isLanesError(e, 'CONFLICT') ? await landedAs(ctx, rt.id) : undefined;
    if (done) {
      landed(ctx, rt, undefined, done.landed_as);
      ctx.save();
      ctx.wake();
      return;
    }
    attempt.outcome = 'failed';
    attempt.reason = `could not be queued for merge: ${errorMessage(e)}`;
    await retryOrBlock(ctx, rt, attempt.reason);
  }
}

/** The task's state when it is done (landed), read fresh from the remote across machines. */
async function landedAs(ctx: RunContext, id: string): Promise<{ landed_as?: string } | undefined> {
  try {
    if (ctx.project.store.shared) await ctx.project.store.refresh();
    const st = (await readPlan(ctx.project.store)).tasks[id];
    return st?.status === 'done' ? { ...(st.landed_as ? { landed_as: st.landed_as } : {}) } : undefined;
  } catch {
    return undefined;
  }
}

/** The span the queue worked on the entry (its batch's start to its end), for the run's merge work. */
function addSpan(m: RunMerge, e: MergeEntry | undefined): void {
  const total = e?.timings?.total_ms;
  const end = e?.finished_at;
  if (total === undefined || !end || !Number.isFinite(Date.parse(end))) return;
  const start = new Date(Date.parse(end) - total).toISOString();
  (m.spans ??= []).push([start, end]);
}

export function landed(ctx: RunContext, rt: RunTask, e: MergeEntry | undefined, commit: string | undefined): void {
  rt.state = 'landed';
  rt.landed_at = e?.finished_at ?? nowIso();
  const m = (rt.merge ??= {});
  m.result = 'landed';
  const sha = e?.landed_as ?? commit;
  if (sha) m.landed_as = sha;
  if (e?.timings?.total_ms !== undefined) m.ms = e.timings.total_ms;
  if (e?.timings?.gates_ms !== undefined) m.gates_ms = e.timings.gates_ms;
  addSpan(m, e);
  delete rt.reason;
  ctx.emit({ type: 'task.landed', task: rt.id, commit: sha ?? '' });
  ctx.save();
}

export async function sentBack(ctx: RunContext, rt: RunTask, reason: string, e?: MergeEntry): Promise<void> {
  const m = (rt.merge ??= {});
  m.result = e?.state === 'cancelled' ? 'cancelled' : 'failed';
  m.error = reason;
  if (e?.timings?.total_ms !== undefined) m.ms = (m.ms ?? 0) + e.timings.total_ms;
  addSpan(m, e);
  const last = rt.attempts[rt.attempts.length - 1];
  if (last) {
    last.outcome = 'merge-failed';
    last.reason = reason;
  }
  ctx.emit({ type: 'task.merge_failed', task: rt.id, reason });
  await retryOrBlock(ctx, rt, reason);
}

async function retryOrBlock(ctx: RunContext, rt: RunTask, reason: string): Promise<void> {
  const used = countedAttempts(rt);
  if (used < 1 + ctx.run.retries) {
    rt.state = 'retry';
    rt.reason = reason;
    ctx.emit({ type: 'task.retry', task: rt.id, attempt: used + 1, reason });
    ctx.save();
    return;
  }
  await block(ctx, rt, `gave up after ${used} attempt${used === 1 ? '' : 's'}: ${reason}`);
}

/** Blocked: the task says why, its claims go (so conflicting tasks can run), its lane and commits stay. */
export async function block(ctx: RunContext, rt: RunTask, reason: string): Promise<void> {
  rt.state = 'blocked';
  rt.reason = reason;
  ctx.emit({ type: 'task.blocked', task: rt.id, reason });
  ctx.save();
  try {
    await updateTask(ctx.project.store, {
      id: rt.id,
      status: 'blocked',
      owner: ctx.run.owner,
      note: capNote(`lanes run ${ctx.run.id}: ${reason}`),
    });
    await releaseFiles(ctx.project.store, taskOwner(rt.id));
  } catch (e) {
    ctx.emit({ type: 'run.warning', text: `could not record ${rt.id} as blocked: ${errorMessage(e)}` });
  }
}

export function mergeError(ctx: RunContext, message: string, failures: number, offlineMs: number | undefined): void {
  // The remote away for a while (across machines) is waited for, as queueing waits for it.
  const waiting = offlineMs !== undefined && offlineMs < REMOTE_WAIT_MS;
  if (!waiting || failures === 1 || failures % 5 === 0) {
    const wait = waiting ? '; waiting for the remote to answer' : '';
    ctx.emit({ type: 'run.warning', text: `the merge queue could not run (${failures}x${wait}): ${firstLine(message)}` });
  }
  if (waiting || failures < 3) return;
  // Queued entries stay queued (`lanes merge run` lands them once the cause is fixed), but this
  // run cannot wait for them forever.
  for (const rt of ctx.tasksIn('queued')) {
    rt.state = 'blocked';
    rt.reason = `queued, but the merge queue could not run: ${message}`;
    ctx.emit({ type: 'task.blocked', task: rt.id, reason: rt.reason });
  }
  ctx.save();
  ctx.wake();
}

function capNote(s: string): string {
  return s.length > 2000 ? `${s.slice(0, 1997)}...` : s;
}
