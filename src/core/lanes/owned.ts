/**
 * A lane and its owner: the owner's own lane handed back (a second start, a new MCP server, a
 * resumed session), and the refusal another owner gets, saying whether the owner is live.
 */
import { act } from '../hints/actions.js';
import { LanesError } from '../../errors.js';
import { logReclaimed } from '../claims/api.js';
import { describeLiveness, ownerLiveness, touchOwnerInTx, type OwnersDoc } from '../claims/liveness.js';
import type { Reclaimed } from '../claims/model.js';
import { claimInTx } from '../claims/tx.js';
import type { Project } from '../project/project.js';
import { applyTaskUpdate, TASKS_DOC } from '../plan/tasks.js';
import { LANES_DOC, taskOwner, type LaneRecord, type LanesDoc, type StartResult } from './model.js';

export function mine(doc: LanesDoc, task: string, token: string): LaneRecord {
  const rec = doc[task];
  if (rec?.token !== token) {
    throw new LanesError('CONFLICT', `The lane record of ${task} was changed by another process while starting.`, {
      hint: `Look at ${act('list_lanes')}, then start the task again if needed.`,
    });
  }
  return rec;
}

/**
 * The owner's own lane, handed back: its lease renewed, the task in progress again under it (a
 * runner's block may have set it aside) and its file scope claimed again if that was released.
 */
export async function resumeLane(
  project: Project,
  rec: LaneRecord,
  files: string[],
  o: { owner: string; ttl: number; pid?: number | undefined },
): Promise<StartResult> {
  const { store } = project;
  const out = { reclaimed: [] as Reclaimed[] };
  const claims = await store.transact(async (tx) => {
    const cur = mine(tx.get(LANES_DOC), rec.task, rec.token);
    const t = tx.get(TASKS_DOC)[rec.task];
    if (t?.status !== 'in_progress' || t.owner !== o.owner)
      applyTaskUpdate(tx, { id: rec.task, status: 'in_progress', owner: o.owner, note: `resumed in lane ${rec.branch}` });
    touchOwnerInTx(tx, { owner: o.owner, ttl_seconds: o.ttl, ...(o.pid !== undefined ? { pid: o.pid } : {}) });
    if (files.length) {
      cur.claims = claimInTx(
        tx,
        {
          owner: taskOwner(rec.task),
          task: rec.task,
          paths: files,
          mode: 'exclusive',
          ttl_seconds: o.ttl,
          reason: `scope of task ${rec.task}`,
        },
        out,
      ).map((c) => c.pattern);
    }
    return cur.claims ?? [];
  });
  await logReclaimed(store, out.reclaimed);
  await store.appendEvent('lane.resumed', { task: rec.task, owner: o.owner, path: rec.path });
  return { ...resultOf(rec, true), claims };
}

export function resultOf(rec: LaneRecord, existing: boolean): StartResult {
  return {
    task_id: rec.task,
    owner: rec.owner,
    path: rec.path,
    branch: rec.branch,
    base: rec.base,
    base_ref: rec.base_ref,
    target: rec.target,
    claims: rec.claims ?? [],
    included: rec.included ?? [],
    include_skipped: [],
    setup: [],
    existing,
    resumed: existing,
  };
}

export function laneExists(rec: LaneRecord, owners: OwnersDoc): LanesError {
  if (rec.state === 'starting') {
    return new LanesError('CONFLICT', `Task "${rec.task}" is already started by ${rec.owner} (its lane is still being set up).`, {
      hint: `Pick another task with ${act('next_tasks')}, or wait and look at ${act('list_lanes')}.`,
    });
  }
  if (rec.state === 'broken') {
    return new LanesError('CONFLICT', `Task "${rec.task}" has a broken lane at ${rec.path}: ${rec.problem ?? 'unknown problem'}.`, {
      hint: `Inspect it, then remove it (\`lanes remove ${rec.task}\`, or --force to keep a backup ref of its work) and start again.`,
    });
  }
  const l = ownerLiveness(owners, rec.owner);
  return new LanesError('CONFLICT', `Task "${rec.task}" is already started by ${describeLiveness(l)} (lane ${rec.path}).`, {
    hint: l.live
      ? `Pick another task with ${act('next_tasks')}, or ask that owner to release it. The same owner starting it again gets the lane back (set LANES_OWNER, or pass owner).`
      : `Its owner is gone: take it over with ${act('take_task', { task_id: rec.task })}, which keeps the lane, its commits and its notes.`,
    details: { holder: rec.owner, live: l.live, ...(l.expires_at ? { expires_at: l.expires_at } : {}) },
  });
}
