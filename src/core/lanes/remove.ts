/**
 * remove_lane: take down one lane, only when that loses nothing (see teardown.ts). `force` is
 * for a human at the CLI (`lanes remove --force`), never a tool argument; even then the commits and
 * uncommitted changes are kept under refs/lanes/backup/<task>/<timestamp>.
 */
import { act } from '../hints/actions.js';
import { LanesError } from '../../errors.js';
import type { Project } from '../project/project.js';
import { readPlan } from '../plan/tasks.js';
import { assertAuthority, readOwners } from '../claims/liveness.js';
import { assertOwner } from '../claims/owner.js';
import { assertTaskId, LANES_DOC } from './model.js';
import { recoverOrphans } from './recover.js';
import { assessLane, planTeardown, refusal, teardownLane, type TeardownResult } from './teardown.js';

export interface RemoveInput {
  task_id: string;
  /**
   * Human-only (CLI flag): remove even with uncommitted or unlanded work, after backing it up, and
   * even when another live owner holds the lane.
   */
  force?: boolean;
  /** Who asks. Given, a lane of an unfinished task that another live owner holds is refused. */
  actor?: string;
  /** Say what would happen (the same checks and refusals), change nothing. */
  dryRun?: boolean;
}

export interface RemoveResult extends TeardownResult {
  task_id: string;
  path: string;
  branch: string;
  /** Why removing lost nothing: no-commits | ancestor | landed_as | no-branch, or "forced". */
  landed_by: string;
}

export async function removeLane(project: Project, input: RemoveInput): Promise<RemoveResult> {
  const task = assertTaskId(input.task_id);
  // A dry run changes nothing, so it does not roll crashed operations back either.
  if (!input.dryRun) await recoverOrphans(project);
  const doc = (await project.store.read(LANES_DOC)).data;
  const lane = Object.hasOwn(doc, task) ? doc[task] : undefined;
  if (!lane) {
    throw new LanesError('NOT_FOUND', `There is no lane for task "${task}".`, {
      hint: `${act('list_lanes')} shows the lanes (and any foreign worktrees, which Lanes does not remove).`,
    });
  }
  if (lane.state === 'starting') {
    throw new LanesError('CONFLICT', `The lane of ${task} is still being started by ${lane.owner}.`, {
      hint: `Wait for ${act('start_lane', { task_id: task })} to finish (or fail), then try again.`,
    });
  }
  const [{ tasks }, owners] = await Promise.all([readPlan(project.store), readOwners(project.store)]);
  const state = Object.hasOwn(tasks, task) ? tasks[task] : undefined;
  // A landed task's lane belongs to nobody any more; until then it is its owner's to remove.
  if (input.actor !== undefined && state?.status !== 'done') {
    assertAuthority(owners, {
      actor: assertOwner(input.actor),
      holder: lane.owner,
      what: `The lane of task "${task}"`,
      task,
      ...(input.force ? { force: true } : {}),
    });
  }
  const a = await assessLane(project, lane, state);
  const refused = refusal(lane, a);
  if (refused && !input.force) throw refused;
  const r = input.dryRun
    ? planTeardown(lane, a, { force: input.force === true })
    : await teardownLane(project, lane, a, { force: input.force === true });
  return { task_id: task, path: lane.path, branch: lane.branch, landed_by: refused ? 'forced' : (a.landedBy ?? 'no-commits'), ...r };
}
