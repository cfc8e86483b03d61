/**
 * Rolling back an unfinished start_lane, and finishing an interrupted removal (docs/safety.md rule
 * 9). `recoverOrphans` runs at the start of every lanes command: a start whose process died is
 * rolled back (a lane never reported ready holds no user work), a removal whose process died is
 * rolled forward. Whatever cannot be undone safely is kept, marked `broken`, and reported.
 */
import fs from 'node:fs';
import { errorMessage, LanesError } from '../../errors.js';
import { act } from '../hints/actions.js';
import { deleteRefCas, refSha, statusPorcelain } from '../../git/refs.js';
import { listWorktrees, lockWorktree, removeAdminEntry, removeWorktree, unlockWorktree } from '../../git/worktree.js';
import type { JournalRecord } from '../../state/index.js';
import { pidAlive } from '../../state/index.js';
import { log } from '../../util/log.js';
import { releaseOwnerInTx } from '../claims/tx.js';
import type { Project } from '../project/project.js';
import { setStatus, TASKS_DOC } from '../plan/tasks.js';
import { releasePortsInTx } from '../claims/ports.js';
import { withGitLock } from './gitlock.js';
import { LANES_DOC, laneRef, lockReason, REMOVE_OP, START_OP, taskOwner, type RemoveData, type StartData } from './model.js';
import { procCwd, settleCheckout } from './probe.js';
import { isInside } from './paths.js';
import { killProcessGroup } from '../../system/process-group.js';
import { dropLaneInTx } from './teardown.js';

/** Journal steps of a start, in order; 'begin' is the intent to claim. */
export const START_STEPS = ['begin', 'claim', 'worktree', 'setup', 'scope', 'ready'] as const;

export function reached(step: string, which: (typeof START_STEPS)[number]): boolean {
  return START_STEPS.indexOf(step as (typeof START_STEPS)[number]) >= START_STEPS.indexOf(which);
}

export interface RollbackReport {
  task: string;
  op: string;
  outcome: 'rolled_back' | 'finished' | 'kept' | 'nothing' | 'failed';
  removed_worktree: boolean;
  deleted_branch: boolean;
  /** Why something was kept (then the lane is marked broken). */
  kept?: string;
  error?: string;
  /** The error code of a failed recovery (OFFLINE: the remote holding shared state was away). */
  code?: string;
}

/**
 * Undoes an unfinished start: kills a setup command still running, removes the half-made worktree
 * (only if it holds nothing beyond what setup copied), deletes the branch by compare-and-swap
 * against the recorded base, releases claims, puts the task back and drops the lane record.
 * Never throws for what it finds; problems are reported and the lane is marked broken.
 */
export async function rollbackStart(project: Project, d: StartData, step: string): Promise<RollbackReport> {
  const { repo } = project;
  const rep: RollbackReport = { task: d.task, op: START_OP, outcome: 'rolled_back', removed_worktree: false, deleted_branch: false };
  const keep = (why: string) => {
    rep.kept = rep.kept ? `${rep.kept}; ${why}` : why;
  };
  const lane = (await project.store.read(LANES_DOC)).data[d.task];
  const ours = lane?.token === d.token;
  if (reached(step, 'worktree')) {
    try {
      await withGitLock(repo, `roll back start of ${d.task}`, async () => {
        if (d.setup_pgid) stopSetup(d.setup_pgid, d.path);
        const registered = (await listWorktrees(repo.mainRoot)).find((w) => w.path === d.path);
        const exists = fs.existsSync(d.path);
        let gone = !registered && !exists;
        if (registered && !exists) {
          gone = removeAdminEntry(repo.commonDir, d.path);
          rep.removed_worktree = gone;
        } else if (registered) {
          const co = await settleCheckout(repo.commonDir, d.path);
          if (!co.complete) {
            // The checkout never finished (no index was ever written), so no one was ever told about
            // this directory: it provably holds no work. Plain remove would refuse it (every file
            // looks deleted), so this is the one place Lanes forces, for exactly this entry.
            await unlockWorktree(repo.mainRoot, d.path);
            const r = await removeWorktree(repo.mainRoot, d.path, { force: true });
            if (!r.ok) {
              await lockWorktree(repo.mainRoot, d.path, lockReason(d.task));
              keep(`git refused to remove the unfinished checkout: ${r.reason}`);
            }
            gone = rep.removed_worktree = r.ok;
          } else {
            const work = await workIn(d.path, d.base);
            if (work) {
              keep(`${d.path} has changes beyond what setup copied (${work}); kept for you to inspect`);
            } else {
              await unlockWorktree(repo.mainRoot, d.path);
              const r = await removeWorktree(repo.mainRoot, d.path);
              if (!r.ok) {
                await lockWorktree(repo.mainRoot, d.path, lockReason(d.task));
                keep(`git refused to remove it: ${r.reason}`);
              }
              gone = rep.removed_worktree = r.ok;
            }
          }
        } else if (exists) {
          // Never registered (killed before git wrote its admin dir): only an empty directory is ours.
          try {
            fs.rmdirSync(d.path);
            gone = true;
          } catch {
            keep(`${d.path} exists, is not a git worktree and is not empty`);
          }
        }
        if (gone) {
          const tip = await refSha(repo.mainRoot, laneRef(d.task));
          if (tip === d.base) rep.deleted_branch = await deleteRefCas(repo.mainRoot, laneRef(d.task), d.base);
          else if (tip && ours) keep(`branch ${d.branch} moved to ${tip.slice(0, 12)} (not the recorded base); kept`);
        }
      });
    } catch (e) {
      keep(`rollback stopped: ${errorMessage(e)}`);
      rep.error = errorMessage(e);
    }
  }
  if (!ours) {
    // The claim never committed (or the record belongs to another start): state is not ours to touch.
    if (!rep.removed_worktree && !rep.deleted_branch && !rep.kept) rep.outcome = 'nothing';
    else if (rep.kept) rep.outcome = 'kept';
    return rep;
  }
  await project.store.transact(async (tx) => {
    const doc = tx.get(LANES_DOC);
    const rec = doc[d.task];
    if (rec?.token !== d.token) return;
    releaseOwnerInTx(tx, taskOwner(d.task));
    releasePortsInTx(tx, taskOwner(d.task));
    const t = tx.get(TASKS_DOC)[d.task];
    if (t && t.status === 'in_progress' && t.owner === d.owner && !rec.resumed) {
      delete t.owner;
      setStatus(t, 'planned', { note: rep.kept ? `start rolled back; lane kept: ${rep.kept}` : 'start rolled back' });
    }
    if (rep.kept) {
      rec.state = 'broken';
      rec.problem = rep.kept;
    } else {
      delete doc[d.task];
    }
  });
  if (rep.kept) rep.outcome = 'kept';
  await project.store.appendEvent('lane.rolled_back', { task: d.task, kept: rep.kept });
  return rep;
}

/** Describes work found in a never-handed-out lane, or undefined when there is none. */
async function workIn(worktree: string, base: string): Promise<string | undefined> {
  const head = await refSha(worktree, 'HEAD');
  if (head && head !== base) return `HEAD is at ${head.slice(0, 12)}, not the base`;
  const st = await statusPorcelain(worktree);
  if (st.length === 0) return undefined;
  const shown = st
    .slice(0, 5)
    .map((e) => `${e.code.trim()} ${e.path}`)
    .join(', ');
  return `${st.length} changed or untracked file${st.length === 1 ? '' : 's'}: ${shown}${st.length > 5 ? ', ...' : ''}`;
}

/** Kills a setup command left running by a crashed start, if it provably runs in that lane. */
function stopSetup(pgid: number, lane: string): void {
  if (!pidAlive(pgid)) return;
  const cwd = procCwd(pgid);
  // Without proof that the pid is still our command (pid reuse), leave it alone.
  if (!cwd || !isInside(lane, cwd.replace(/ \(deleted\)$/, ''))) return;
  killProcessGroup(pgid, 'SIGKILL');
}

/**
 * Finishes a removal whose process died. If the worktree is gone, the rest (branch by CAS against
 * the verified tip, claims, record) is done; if it is still there, the removal is abandoned and the
 * lane re-locked, so nothing is removed without the checks running again.
 */
export async function finishRemove(project: Project, d: RemoveData): Promise<RollbackReport> {
  const { repo } = project;
  const rep: RollbackReport = { task: d.task, op: REMOVE_OP, outcome: 'finished', removed_worktree: false, deleted_branch: false };
  const stillThere = await withGitLock(repo, `finish removal of ${d.task}`, async () => {
    const registered = (await listWorktrees(repo.mainRoot)).find((w) => w.path === d.path);
    if (fs.existsSync(d.path)) {
      if (registered) await lockWorktree(repo.mainRoot, d.path, lockReason(d.task));
      return true;
    }
    if (registered) rep.removed_worktree = removeAdminEntry(repo.commonDir, d.path);
    if (d.tip) rep.deleted_branch = await deleteRefCas(repo.mainRoot, laneRef(d.task), d.tip);
    return false;
  });
  if (stillThere) {
    rep.outcome = 'nothing';
    return rep;
  }
  await project.store.transact(async (tx) => {
    if (tx.get(LANES_DOC)[d.task]?.token !== d.token) return;
    dropLaneInTx(tx, d.task, d.token, 'lane removed (finished after a crash)');
  });
  return rep;
}

/**
 * Rolls back or forward every lanes operation whose process died. Cheap when there is none (one
 * directory listing); otherwise serialised under the 'git' lock, and each record is adopted first
 * so two recovering processes never work on the same one.
 */
export async function recoverOrphans(project: Project): Promise<RollbackReport[]> {
  const ours = (r: JournalRecord) => r.op === START_OP || r.op === REMOVE_OP;
  if (!(await project.store.journal.orphans()).some(ours)) return [];
  return withGitLock(project.repo, 'recover interrupted lanes operations', async () => {
    const reports: RollbackReport[] = [];
    for (const rec of (await project.store.journal.orphans()).filter(ours)) {
      const entry = await project.store.journal.adopt(rec);
      try {
        const rep = rec.op === START_OP ? await recoverStart(project, rec) : await finishRemove(project, rec.data as unknown as RemoveData);
        reports.push(rep);
        await entry.done();
        if (rep.outcome !== 'nothing')
          log.warn(`recovered an interrupted ${rec.op} of ${rep.task}: ${rep.outcome}${rep.kept ? ` (${rep.kept})` : ''}`);
      } catch (e) {
        // Left in the journal: the next command tries again, in this process too.
        entry.abandon();
        log.error(`could not recover ${rec.op} ${rec.id}`, errorMessage(e));
        reports.push({
          task: String(rec.data.task),
          op: rec.op,
          outcome: 'failed',
          removed_worktree: false,
          deleted_branch: false,
          error: errorMessage(e),
          ...(e instanceof LanesError ? { code: e.code } : {}),
        });
      }
    }
    return reports;
  });
}

/**
 * Recovery before starting `task`: an earlier start of the same task that is still half made (its
 * rollback failed, for one because the remote went away) stops this start with the reason, as
 * OFFLINE when that was why, so a run waits for the remote instead of using up the task's tries.
 */
export async function recoverBeforeStart(project: Project, task: string): Promise<void> {
  const failed = (await recoverOrphans(project)).find((r) => r.op === START_OP && r.task === task && r.outcome === 'failed');
  if (!failed) return;
  const offline = failed.code === 'OFFLINE';
  throw new LanesError(
    offline ? 'OFFLINE' : 'CONFLICT',
    `An earlier start of task "${task}" was cut short and could not be rolled back yet: ${failed.error ?? 'unknown error'}`,
    {
      hint: offline
        ? 'It is rolled back by the next lanes command once the remote answers; start the task again then.'
        : `Look at ${act('list_lanes')} and run ${act('cleanup_lanes')}, then start the task again.`,
    },
  );
}

async function recoverStart(project: Project, rec: JournalRecord): Promise<RollbackReport> {
  const d = rec.data as unknown as StartData;
  const lane = (await project.store.read(LANES_DOC)).data[d.task];
  if (lane?.token === d.token && lane.state === 'ready') {
    // It died after the lane became ready, before closing the record: nothing to undo.
    return { task: d.task, op: START_OP, outcome: 'finished', removed_worktree: false, deleted_branch: false };
  }
  return rollbackStart(project, d, rec.step);
}
