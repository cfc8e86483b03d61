/**
 * What the merge queue did with the run's queued tasks, read from the state: landed, sent back,
 * cancelled, held for a human, or still waiting (then the merge driver is asked to look again).
 */
import { MERGE_DOC, type MergeEntry } from '../merge/index.js';
import { queueOf } from '../merge/model.js';
import { readPlan } from '../plan/tasks.js';
import type { RunContext } from './context.js';
import type { RunTask } from './model.js';
import { block, landed, sentBack } from './outcome.js';

/** Reads the state and settles queued tasks: landed, sent back by the queue, or cancelled. */
export async function refresh(ctx: RunContext, poll = true): Promise<void> {
  const [{ plan, tasks }, q] = await Promise.all([readPlan(ctx.project.store), ctx.project.store.read(MERGE_DOC)]);
  if (plan) ctx.plan = plan;
  ctx.tasks = tasks;
  ctx.queue = queueOf(q.data);
  let waiting = false;
  for (const rt of ctx.tasksIn('queued')) {
    const st = tasks[rt.id];
    const e = entryOf(ctx, rt);
    if (st?.status === 'done') landed(ctx, rt, e, st.landed_as);
    else if (e?.state === 'failed') await sentBack(ctx, rt, `The merge queue sent it back: ${e.last_error ?? 'it failed'}`, e);
    else if (e?.state === 'cancelled') await block(ctx, rt, 'its merge entry was cancelled');
    // A landing that weakens the gates waits for a human, not for this run.
    else if (e?.state === 'held')
      await block(
        ctx,
        rt,
        `its merge is held for a human (${e.held_reason ?? 'it changes the gates'}): \`lanes merge approve ${rt.id}\`, then \`lanes merge run\``,
      );
    else if (!e) await sentBack(ctx, rt, 'its merge entry disappeared from the queue');
    else waiting = true;
  }
  if (waiting && poll) ctx.merges.poll();
}

function entryOf(ctx: RunContext, rt: RunTask): MergeEntry | undefined {
  const id = rt.merge?.entry;
  return (
    (id && ctx.queue.entries.find((e) => e.id === id)) ||
    [...ctx.queue.entries].reverse().find((e) => e.task === rt.id && e.kind === 'land')
  );
}
