/**
 * Taking over a task whose owner is gone (its lease expired, or the process it registered as its
 * liveness ended): the lane, its commits and its session notes stay where they are; the task, the
 * lane record and the claims the old owner made for the task move to the new owner in one commit,
 * and an event says who took it from whom. A live owner's task is refused, naming the owner and
 * when its lease ends, unless a human forces it at the CLI.
 */
import { act } from '../hints/actions.js';
import fs from 'node:fs';
import { LanesError } from '../../errors.js';
import { claimInTx, claimsOf, conflictError, conflictsFor, parseClaimRequest, reclaimDoc } from '../claims/tx.js';
import { logReclaimed } from '../claims/api.js';
import { describeLiveness, ownerLiveness, OWNERS_DOC, touchOwnerInTx, type Liveness } from '../claims/liveness.js';
import type { Reclaimed } from '../claims/model.js';
import { assertOwner, expiryFrom } from '../claims/owner.js';
import type { Project } from '../project/project.js';
import { readPlan, requirePlan, requireTask, setStatus, TASKS_DOC } from '../plan/tasks.js';
import { assertTaskId, LANES_DOC, taskOwner } from './model.js';
import { recoverOrphans } from './recover.js';

export interface TakeInput {
  task_id: string;
  /** The new owner. */
  owner: string;
  /** The new owner's liveness, when it is bound to one process (the runner). */
  pid?: number;
  /** A human's choice at the CLI: take it even from a live owner. */
  force?: boolean;
}

export interface TakeResult {
  task_id: string;
  owner: string;
  /** The owner it was taken from. */
  from: string;
  /** Why the old owner counted as gone: expired | dead-pid | no-lease | forced; same-owner when it was already yours. */
  because: string;
  /** The lane that was kept, if the task has one. */
  path?: string;
  branch?: string;
  /** Claims now held for the task (its file scope under task:<id>, plus the old owner's own claims for it). */
  claims: string[];
  moved_claims: number;
}

export async function takeTask(project: Project, input: TakeInput): Promise<TakeResult> {
  const task = assertTaskId(input.task_id);
  const owner = assertOwner(input.owner);
  await recoverOrphans(project);
  const { store } = project;
  const cfg = await project.config();
  const ttl = cfg.claims.default_ttl_seconds;
  const def = requireTask(requirePlan((await readPlan(store)).plan), task);
  const reclaimed: Reclaimed[] = [];

  const r = await store.transact(async (tx) => {
    const tasks = tx.get(TASKS_DOC);
    const t = Object.hasOwn(tasks, task) ? tasks[task] : undefined;
    const doc = tx.get(LANES_DOC);
    const lane = Object.hasOwn(doc, task) ? doc[task] : undefined;
    if (t?.status === 'done') {
      throw new LanesError(
        'CONFLICT',
        `Task "${task}" is already done${t.landed_as ? ` (landed as ${t.landed_as})` : ''}; there is nothing to take over.`,
        {
          hint: `Add a follow-up task with ${act('add_task')} instead.`,
        },
      );
    }
    if (lane?.state === 'starting') {
      throw new LanesError('CONFLICT', `The lane of ${task} is still being started by ${lane.owner}.`, {
        hint: 'Wait for that start to finish or fail, then try again.',
      });
    }
    if (lane?.state === 'broken') {
      throw new LanesError('CONFLICT', `Task "${task}" has a broken lane at ${lane.path}: ${lane.problem ?? 'unknown problem'}.`, {
        hint: `Inspect it, then remove it (\`lanes remove ${task} --force\` keeps a backup ref of its work) and start the task again.`,
      });
    }
    if (lane && !fs.existsSync(lane.path)) {
      throw new LanesError('CONFLICT', `The lane of ${task} is recorded at ${lane.path}, but that directory is missing.`, {
        hint: `Run ${act('cleanup_lanes')} to clear it, then start the task.`,
      });
    }
    const from = lane?.owner ?? (t && t.status !== 'planned' ? t.owner : undefined);
    const owners = tx.get(OWNERS_DOC);
    let because: string;
    if (from === undefined) {
      throw new LanesError('CONFLICT', `Task "${task}" has no owner and no lane: there is nothing to take over.`, {
        hint: `Start it instead (${act('start_lane', { task_id: task })}).`,
      });
    }
    if (from === owner) because = 'same-owner';
    else {
      const l: Liveness = ownerLiveness(owners, from);
      if (l.live && !input.force) {
        throw new LanesError(
          'CONFLICT',
          `Task "${task}" belongs to ${describeLiveness(l)}; it is not taken over while its owner is live.`,
          {
            hint: `Ask ${from} to hand it over (${act('update_task', { task_id: task })} to planned), or wait until the lease ends and take it then. A human can take it anyway with \`lanes take ${task} --force\`.`,
            details: { holder: from, ...(l.expires_at ? { expires_at: l.expires_at } : {}) },
          },
        );
      }
      because = l.live ? 'forced' : l.why;
    }

    // The task's scope (owner task:<id>) stays with the task: taken again if a block released it.
    const claims = claimsOf(tx);
    reclaimed.push(...reclaimDoc(claims));
    const held: string[] = [];
    if (def.files.length) {
      const req = {
        owner: taskOwner(task),
        task,
        paths: def.files,
        mode: 'exclusive' as const,
        ttl_seconds: ttl,
        reason: `scope of task ${task}`,
      };
      const p = parseClaimRequest(req);
      const conflicts = conflictsFor(claims.claims, p.id.owner, p.patterns, p.mode);
      if (conflicts.length) throw conflictError(conflicts, p.mode);
      held.push(...claimInTx(tx, req).map((c) => c.pattern));
    }
    // The old owner's own claims made for this task move with it.
    let moved = 0;
    const now = Date.now();
    if (from !== owner) {
      for (const c of claims.claims) {
        if (c.owner !== from || c.task !== task) continue;
        c.owner = owner;
        delete c.pid;
        delete c.session;
        const next = expiryFrom(now, c.ttl_seconds || ttl);
        if (next > c.expires_at) c.expires_at = next;
        moved++;
        held.push(c.pattern);
      }
    }
    touchOwnerInTx(tx, { owner, ttl_seconds: ttl, ...(input.pid !== undefined ? { pid: input.pid } : {}) }, now);
    const state = (tasks[task] ??= { id: task, status: 'planned', updated_at: new Date(now).toISOString(), history: [] });
    const note = from !== owner ? `taken over from ${from} (${because})` : `resumed by ${owner}`;
    setStatus(state, 'in_progress', { owner, note });
    if (lane) lane.owner = owner;
    return { from, because, lane: lane ? { path: lane.path, branch: lane.branch } : undefined, claims: [...new Set(held)], moved };
  });
  await logReclaimed(store, reclaimed);
  if (r.from !== owner) {
    await store.appendEvent('task.taken_over', {
      task,
      from: r.from,
      to: owner,
      because: r.because,
      ...(input.force ? { forced: true } : {}),
      claims_moved: r.moved,
    });
  }
  return {
    task_id: task,
    owner,
    from: r.from,
    because: r.because,
    ...(r.lane ? { path: r.lane.path, branch: r.lane.branch } : {}),
    claims: r.claims,
    moved_claims: r.moved,
  };
}
