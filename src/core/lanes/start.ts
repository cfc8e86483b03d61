/**
 * start_lane: a lane (branch `lanes/<task>` + worktree `<main>/.claude/worktrees/<task>`) for one
 * planned task, in one journaled operation (docs/safety.md rule 10):
 *
 *   claim      the task (atomic: a second caller gets "already started by ...") + lane record
 *   worktree   `git worktree add --lock --no-track --no-checkout` under the 'git' lock, then the
 *              checkout outside it (it touches only the new worktree), with parallel checkout
 *   setup      .worktreeinclude copies, then the configured setup commands
 *   scope      the task's file scope claimed for owner task:<id>
 *   ready      the lane record says ready; only now is the path handed out
 *
 * Every input is checked before the first side effect. A failure rolls back in-process; a crash is
 * rolled back by the next lanes command (recover.ts).
 */
import { fetchWork } from '../remote/work.js';
import { act } from '../hints/actions.js';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { LanesError, errorMessage } from '../../errors.js';
import { resolveCommit, revInputProblem } from '../../git/refs.js';
import { addWorktree, adminDirFor, checkoutSettings, checkoutWorktree, type CheckoutSettings } from '../../git/worktree.js';
import { branchTipFiles } from '../../git/head-files.js';
import { filesAt } from '../../git/tree.js';
import { failpoint } from '../../util/failpoint.js';
import { isPlainScope } from '../plan/globs.js';
import { assertOwner } from '../claims/owner.js';
import { claimInTx } from '../claims/tx.js';
import { OWNERS_DOC, readOwners, touchOwnerInTx } from '../claims/liveness.js';
import type { Project } from '../project/project.js';
import { applyTaskUpdate, readPlan, requirePlan, requireTask, TASKS_DOC } from '../plan/tasks.js';
import { ensureExcluded, withGitLock } from './gitlock.js';
import { copyIncluded } from './include.js';
import {
  assertTaskId,
  LANES_DOC,
  laneBranch,
  lockReason,
  START_OP,
  taskOwner,
  type LaneRecord,
  type StartData,
  type StartResult,
} from './model.js';
import { lanePathFor, lanesDir } from './paths.js';
import { recoverBeforeStart, rollbackStart, type RollbackReport } from './recover.js';
import { excludeWhatSetupMade, runSetup } from './setup.js';
import { laneExists, mine, resultOf, resumeLane } from './owned.js';
import { assertBranchFree, noBase, preflightScope, withRollback } from './start-checks.js';

export interface StartInput {
  task_id: string;
  /** A revision to start from; default the target branch. */
  base?: string;
  /** Who works on the task (session:<id>, cli:<user>@<host>, run:<id>, an agent name). */
  owner: string;
  /** The owner's liveness when it is bound to one process (only an identity without a stable name). */
  pid?: number;
}

export async function startLane(project: Project, input: StartInput): Promise<StartResult> {
  const task = assertTaskId(input.task_id);
  const owner = assertOwner(input.owner);
  if (input.base !== undefined) {
    const problem = revInputProblem(input.base);
    if (problem)
      throw new LanesError('INVALID_INPUT', `Invalid base ${JSON.stringify(input.base.slice(0, 80))}: it ${problem}.`, {
        hint: 'Pass a branch name, tag or commit id, or leave base out to start from the target branch.',
      });
  }
  await recoverBeforeStart(project, task);
  const { repo, store } = project;
  const cfg = await project.config();

  // --- every check before the first side effect -------------------------------------------------
  const { plan } = await readPlan(store);
  const def = requireTask(requirePlan(plan), task);
  const lanesNow = (await store.read(LANES_DOC)).data;
  const existing = Object.hasOwn(lanesNow, task) ? lanesNow[task] : undefined;
  const ttl = cfg.claims.default_ttl_seconds;
  if (existing) {
    if (existing.state === 'ready' && existing.owner === owner && fs.existsSync(existing.path))
      return resumeLane(project, existing, def.files, { owner, ttl, pid: input.pid });
    throw laneExists(existing, await readOwners(store));
  }
  const baseRef = input.base ?? cfg.target;
  const dir = lanesDir(repo, cfg.worktrees.dir);
  const path = lanePathFor(dir, task);
  // A slug always makes a valid branch name (git check-ref-format agrees; see the tests), so no
  // extra git call here. Independent reads run together: each git call is a process spawn.
  const branch = laneBranch(task);
  // A plain branch (the target, usually) is read from the files git keeps; anything else asks git.
  const [base, , checkout] = await Promise.all([
    branchTipFiles(repo.commonDir, baseRef) ?? resolveCommit(repo.mainRoot, baseRef),
    assertBranchFree(project, task),
    checkoutSettings(repo.mainRoot, repo.commonDir),
  ]);
  if (!base) throw await noBase(project, baseRef, input.base !== undefined);
  // Across machines: a task taken over from a machine that went away continues from the work it
  // pushed (refs/lanes/work/<task>); the lane's base stays the target commit it branches from.
  const from = (input.base === undefined && (await fetchWork(project, task).catch(() => undefined))) || base;
  // git's record of a worktree is its admin dir whose gitdir file names the path.
  if (adminDirFor(repo.commonDir, path)) {
    throw new LanesError('CONFLICT', `git already has a worktree registered at ${path} (its directory is missing or empty).`, {
      hint: `Run ${act('cleanup_lanes')} to clear stale lanes, then start the task again.`,
    });
  }
  // Plain scope paths that name a file at this lane's base claim that file alone.
  const filePaths = [...(await filesAt(repo.mainRoot, base, def.files.filter(isPlainScope)))];
  if (def.files.length) await preflightScope(project, task, def.files, ttl, filePaths);

  // --- the journaled operation -------------------------------------------------------------------
  const token = crypto.randomUUID();
  const data: StartData & Record<string, unknown> = { task, owner, token, path, branch, base, base_ref: baseRef, target: cfg.target };
  const entry = await store.journal.begin(START_OP, data);
  const fail = async (e: unknown): Promise<never> => {
    let report: RollbackReport | undefined;
    try {
      report = await rollbackStart(project, entry.record.data as unknown as StartData, entry.record.step);
    } catch (re) {
      report = { task, op: START_OP, outcome: 'failed', removed_worktree: false, deleted_branch: false, error: errorMessage(re) };
    }
    if (report.outcome !== 'failed') await entry.done();
    // Left for the next start (or any lanes command) to roll back again, this process included.
    else entry.abandon();
    throw withRollback(e, report);
  };

  // The begin record is the intent for the claim (rollback of either is the same token-guarded
  // state revert), which saves a journal write.
  try {
    await store.transact(async (tx) => {
      const doc = tx.get(LANES_DOC);
      const before = tx.get(TASKS_DOC)[task];
      const resumed = before?.status === 'in_progress' && before.owner === owner;
      // The task claim first: another owner gets its "already started by ..." message.
      applyTaskUpdate(tx, { id: task, status: 'in_progress', owner, note: `lane ${branch}` });
      const other = Object.hasOwn(doc, task) ? doc[task] : undefined;
      if (other) throw laneExists(other, tx.get(OWNERS_DOC));
      touchOwnerInTx(tx, { owner, ttl_seconds: ttl, ...(input.pid !== undefined ? { pid: input.pid } : {}) });
      const rec: LaneRecord = {
        task,
        owner,
        branch,
        path,
        base,
        base_ref: baseRef,
        target: cfg.target,
        state: 'starting',
        token,
        created_at: new Date().toISOString(),
      };
      if (resumed) rec.resumed = true;
      doc[task] = rec;
    });
  } catch (e) {
    return fail(e);
  }

  try {
    await failpoint('lanes.start.after-claim');
    await entry.step('worktree');
    await withGitLock(repo, `start_lane ${task}`, async () => {
      ensureExcluded(repo, cfg.worktrees.dir);
      // Re-checked under the lock: the directory may have been swapped for a symlink meanwhile.
      if (lanesDir(repo, cfg.worktrees.dir, { create: true }) !== dir) {
        throw new LanesError('UNSAFE', `The lanes directory changed while starting ${task}.`, {
          hint: 'Check what replaced it, then start the task again.',
        });
      }
      lanePathFor(dir, task);
      await assertBranchFree(project, task);
      await addWorktree(repo.mainRoot, { path, branch, commit: from, lockReason: lockReason(task), noCheckout: true });
    });
    await failpoint('lanes.start.before-checkout');
    await checkoutWorktree(path, from, await whileOthersStart(project, task, checkout));
    await failpoint('lanes.start.after-worktree');

    // Rolling back from 'worktree' and from 'setup' is the same until a setup command runs (its
    // process group is recorded with the step): without setup commands the step is not written.
    if (cfg.setup.length) await entry.step('setup');
    const inc = await copyIncluded(repo.mainRoot, path, cfg.worktrees.include_file);
    let fired = false;
    const during = async () => {
      if (fired) return;
      fired = true;
      await failpoint('lanes.start.during-setup');
    };
    const setup = await runSetup(cfg.setup, path, {
      env: { LANES_TASK: task, LANES_WORKTREE: path, LANES_MAIN_ROOT: repo.mainRoot, LANES_BASE: base },
      // Recorded so a recovery can stop a command a crashed start left running.
      onSpawn: async (name, pid) => {
        await entry.step('setup', { setup_pgid: pid, setup_name: name });
        await during();
      },
    });
    await during();
    if (cfg.setup.length) await excludeWhatSetupMade(repo, path, inc.copied);

    await entry.step('scope');
    const claims = await store.transact(async (tx) => {
      const rec = mine(tx.get(LANES_DOC), task, token);
      const held = def.files.length
        ? claimInTx(tx, {
            owner: taskOwner(task),
            task,
            paths: def.files,
            file_paths: filePaths,
            mode: 'exclusive',
            ttl_seconds: ttl,
            reason: `scope of task ${task}`,
          }).map((c) => c.pattern)
        : [];
      rec.claims = held;
      rec.included = inc.copied;
      return held;
    });
    await failpoint('lanes.start.before-ready');

    await entry.step('ready');
    const ready = await store.transact(async (tx) => {
      const rec = mine(tx.get(LANES_DOC), task, token);
      rec.state = 'ready';
      rec.ready_at = new Date().toISOString();
      return { ...rec };
    });
    await entry.done();
    await store.appendEvent('lane.started', { task, owner, branch, base, path, claims: claims.length, included: inc.copied.length });
    return {
      ...resultOf(ready, false),
      claims,
      include_skipped: inc.skipped,
      setup: setup.map((s) => ({ name: s.name, ms: s.ms })),
    };
  } catch (e) {
    return fail(e);
  }
}

/**
 * Parallel checkout (`checkout.workers=0`) costs about a third more CPU than a serial one (its
 * worker processes and their pipes, measured at 2,000 files): it pays while the machine has cores
 * to spare, not while other lanes start and check out at the same time. Either way the checkout is
 * the same; a user's own checkout.workers is never overridden (then there are no extra arguments).
 */
async function whileOthersStart(project: Project, task: string, settings: CheckoutSettings): Promise<CheckoutSettings> {
  if (settings.configArgs.length === 0) return settings;
  const lanes = (await project.store.read(LANES_DOC)).data;
  const others = Object.values(lanes).some((l) => l.task !== task && l.state === 'starting');
  return others ? { ...settings, configArgs: [] } : settings;
}
