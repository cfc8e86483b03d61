/**
 * Deciding whether a lane can go without losing work, and taking it down (shared by
 * remove_worktree and cleanup_worktrees). RELIABILITY.md rule 1: a lane goes only when git would
 * remove it without force and its commits have landed; the branch is deleted only by
 * compare-and-swap against the tip that was checked.
 */
import { act } from '../actions.js';
import fs from 'node:fs';
import { LanesError } from '../../errors.js';
import {
  commitsNotIn,
  contentLanded,
  createRef,
  deleteRefCas,
  isAncestor,
  refSha,
  resolveCommit,
  snapshotWorktree,
  stashCreate,
  statusPorcelain,
  type CommitSummary,
  type StatusEntry,
} from '../../git/refs.js';
import { listWorktrees, lockWorktree, removeAdminEntry, removeWorktree, unlockWorktree } from '../../git/worktree.js';
import { releaseOwnerInTx } from '../claims.js';
import type { Lanes } from '../context.js';
import type { DocTx as Tx } from '../tasks.js';
import { emptyTasks, setStatus, TASKS_DOC, type TaskState, type TasksDoc } from '../tasks.js';
import { releasePortsInTx } from '../ports.js';
import { withGitLock } from './gitlock.js';
import { archiveRef, backupRef, emptyLanes, LANES_DOC, laneRef, lockReason, REMOVE_OP, taskOwner, type LaneRecord, type LanesDoc } from './model.js';
import type { RemoveData } from './recover.js';

export type LandedBy = 'no-commits' | 'ancestor' | 'landed_as' | 'no-branch';

export interface Assessment {
  exists: boolean;
  tip?: string;
  targetSha?: string;
  dirty: StatusEntry[];
  /** Lane commits whose changes are not on the target (empty when landed). */
  unlanded: CommitSummary[];
  landedBy?: LandedBy;
}

/**
 * Where a lane stands: its directory, its tip, uncommitted files, commits not landed. Landed means:
 * no commits beyond the base, or the tip is an ancestor of the target, or the task records
 * `landed_as` and the tip's changes are all in that commit (squash merges defeat --is-ancestor;
 * this content check also catches commits made on the lane after the landing).
 */
export async function assessLane(lanes: Lanes, lane: LaneRecord, task: TaskState | undefined): Promise<Assessment> {
  const root = lanes.repo.mainRoot;
  const exists = fs.existsSync(lane.path);
  const [tip, targetSha, dirty] = await Promise.all([
    refSha(root, laneRef(lane.task)),
    resolveCommit(root, lane.target).catch(() => undefined),
    exists ? statusPorcelain(lane.path).catch(() => [] as StatusEntry[]) : Promise.resolve([] as StatusEntry[]),
  ]);
  const a: Assessment = { exists, dirty, unlanded: [] };
  if (tip) a.tip = tip;
  if (targetSha) a.targetSha = targetSha;
  if (!tip) a.landedBy = 'no-branch';
  else if (tip === lane.base) a.landedBy = 'no-commits';
  else if (targetSha && (await isAncestor(root, tip, targetSha))) a.landedBy = 'ancestor';
  else if (task?.landed_as && targetSha && (await landedAs(root, tip, task.landed_as, targetSha))) a.landedBy = 'landed_as';
  if (tip && !a.landedBy) a.unlanded = await commitsNotIn(root, tip, targetSha ? [targetSha, lane.base] : [lane.base], 20);
  return a;
}

/**
 * The task records that it landed as `landedAs`: believe it if that commit is still on the target
 * and merging the lane tip into it would change nothing. Compared with the landing commit, not the
 * target's tip, so later landings that rewrite the same lines do not make a landed lane look
 * unlanded; commits made on the lane after the landing do make it unlanded.
 */
async function landedAs(root: string, tip: string, landedAs: string, targetSha: string): Promise<boolean> {
  const sha = await resolveCommit(root, landedAs).catch(() => undefined);
  if (!sha || !(await isAncestor(root, sha, targetSha))) return false;
  return (await contentLanded(root, tip, sha)) !== false;
}

export function describeDirty(dirty: StatusEntry[], max = 20): string {
  const lines = dirty.slice(0, max).map((e) => `  ${e.code === '??' ? 'untracked' : `changed (${e.code.trim()})`}: ${e.path}`);
  if (dirty.length > max) lines.push(`  ... and ${dirty.length - max} more`);
  return lines.join('\n');
}

export function describeCommits(commits: CommitSummary[]): string {
  return commits.map((c) => `  ${c.short} ${c.subject}`).join('\n');
}

export function refusal(lane: LaneRecord, a: Assessment): LanesError | undefined {
  const parts: string[] = [];
  if (a.dirty.length) parts.push(`${a.dirty.length} uncommitted file${a.dirty.length === 1 ? '' : 's'}:\n${describeDirty(a.dirty)}`);
  if (a.unlanded.length) parts.push(`commits not landed on ${lane.target}:\n${describeCommits(a.unlanded)}`);
  if (!parts.length) return undefined;
  return new LanesError('UNSAFE', `Refusing to remove the lane of ${lane.task} (${lane.path}): it has ${parts.join('\nand ')}`, {
    hint: `Commit and land the work first (${act('queue_merge', { task_id: lane.task })}), or ${act('force_remove', { task_id: lane.task })}, which keeps a backup ref of everything.`,
    details: { dirty: a.dirty, unlanded: a.unlanded },
  });
}

export interface TeardownResult {
  removed_worktree: boolean;
  deleted_branch: boolean;
  backup_refs: string[];
  released_claims: number;
  released_ports: number[];
  task_status?: string;
  /** Set when the branch moved after it was checked and was therefore kept. */
  branch_kept?: string;
}

/**
 * Removes a lane whose assessment allowed it (or that a human forces). Journaled, so a crash half
 * way is finished by the next command. `force` (CLI only) first saves the tip and any uncommitted
 * changes under refs/lanes/backup/<task>/<timestamp>.
 */
export async function teardownLane(lanes: Lanes, lane: LaneRecord, a: Assessment, opts: { force?: boolean } = {}): Promise<TeardownResult> {
  const { repo, store } = lanes;
  const root = repo.mainRoot;
  const out: TeardownResult = { removed_worktree: false, deleted_branch: false, backup_refs: [], released_claims: 0, released_ports: [] };
  const data: RemoveData & Record<string, unknown> = { task: lane.task, token: lane.token, path: lane.path, ...(a.tip ? { tip: a.tip } : {}), force: opts.force === true };
  const entry = await store.journal.begin(REMOVE_OP, data);
  try {
    await withGitLock(repo, `remove lane ${lane.task}`, async () => {
      const tip = await refSha(root, laneRef(lane.task));
      if (tip !== a.tip) {
        throw new LanesError('CONFLICT', `The branch of ${lane.task} moved while it was being removed (now ${tip?.slice(0, 12) ?? 'gone'}).`, {
          hint: `Nothing was removed. Look at ${act('list_worktrees')} and try again.`,
        });
      }
      if (opts.force) out.backup_refs = await backup(lanes, lane, a);
      else if (a.landedBy === 'landed_as' && a.tip) {
        // Squash-landed: the content is on the target but these commits are not. Keep them
        // reachable (cheap, and `git log` of the original work stays possible).
        const ref = archiveRef(lane.task);
        if (await createRef(root, ref, a.tip, `lanes: original commits of squash-landed ${lane.task}`)) out.backup_refs.push(ref);
      }
      const registered = (await listWorktrees(root)).find((w) => w.path === lane.path);
      if (fs.existsSync(lane.path)) {
        await unlockWorktree(root, lane.path);
        const r = await removeWorktree(root, lane.path, { force: opts.force === true });
        if (!r.ok) {
          if (registered) await lockWorktree(root, lane.path, lockReason(lane.task));
          throw new LanesError('UNSAFE', `git refused to remove ${lane.path}: ${r.reason}`, {
            hint: 'Nothing was removed and the lane is locked again. Commit or discard the changes git names, then try again.',
          });
        }
        out.removed_worktree = true;
      } else if (registered) {
        out.removed_worktree = removeAdminEntry(repo.commonDir, lane.path);
      }
      await entry.step('worktree-removed');
      if (a.tip) {
        out.deleted_branch = await deleteRefCas(root, laneRef(lane.task), a.tip);
        if (!out.deleted_branch) out.branch_kept = `${lane.branch} moved after it was checked; kept`;
      }
    });
  } catch (e) {
    await entry.done();
    throw e;
  }
  await store.transact(async (tx) => {
    const r = dropLaneInTx(tx, lane.task, lane.token, `lane removed${opts.force ? ' (forced)' : ''}`);
    out.released_claims = r.claims;
    out.released_ports = r.ports;
    if (r.task_status) out.task_status = r.task_status;
  });
  await entry.done();
  await store.appendEvent('lane.removed', { task: lane.task, forced: opts.force === true, backup_refs: out.backup_refs, deleted_branch: out.deleted_branch });
  return out;
}

/** Saves the tip and uncommitted work of a lane about to be force-removed. */
async function backup(lanes: Lanes, lane: LaneRecord, a: Assessment): Promise<string[]> {
  const root = lanes.repo.mainRoot;
  const at = new Date();
  const ref = backupRef(lane.task, at);
  const refs: string[] = [];
  const save = async (name: string, sha: string) => {
    if (!(await createRef(root, name, sha, `lanes: backup of ${lane.task} before forced removal`))) {
      throw new LanesError('GIT', `Could not create the backup ref ${name}.`, { hint: 'Nothing was removed. Check the repository (git fsck), then try again.' });
    }
    refs.push(name);
  };
  if (a.tip && a.tip !== lane.base) await save(ref, a.tip);
  if (a.exists && a.dirty.length) {
    const stash = await stashCreate(lane.path, `lanes: uncommitted changes of ${lane.task}`);
    if (stash) await save(`${ref}-stash`, stash);
    if (a.dirty.some((e) => e.code === '??')) {
      const snap = await snapshotWorktree(lane.path, `lanes: working tree of ${lane.task} with untracked files`);
      if (snap) await save(`${ref}-worktree`, snap);
    }
  }
  return refs;
}

/**
 * The state half of removing a lane: its claims and ports released, its record dropped (if it is
 * still the one identified by `token`), and a task left in progress put back to planned, since
 * nobody can work on it without its lane.
 */
export function dropLaneInTx(tx: Tx, task: string, token: string, note: string): { claims: number; ports: number[]; task_status?: string } {
  const claims = releaseOwnerInTx(tx, taskOwner(task));
  const ports = releasePortsInTx(tx, taskOwner(task));
  const doc = tx.get<LanesDoc>(LANES_DOC, emptyLanes);
  if (doc[task]?.token === token) delete doc[task];
  const t = tx.get<TasksDoc>(TASKS_DOC, emptyTasks)[task];
  if (t && t.status === 'in_progress') {
    delete t.owner;
    setStatus(t, 'planned', { note });
  }
  return { claims, ports, ...(t ? { task_status: t.status } : {}) };
}
