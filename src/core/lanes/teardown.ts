/**
 * Taking a lane down (shared by every removal path; the decision is assess.ts). A lane goes only
 * when git would remove it without force and nothing of it is lost; the branch is deleted only by
 * compare-and-swap against the tip that was checked, and the worktree only while its HEAD is still
 * the one that was checked.
 */
import { act } from '../hints/actions.js';
import fs from 'node:fs';
import { LanesError } from '../../errors.js';
import { createRef, deleteRefCas, snapshotWorktree, stashCreate } from '../../git/refs.js';
import { branchTip, worktreeHeadCommit } from '../../git/head-files.js';
import { adminDirFor, lockWorktree, removeAdminEntry, removeWorktree, unlockWorktree, worktreeLockReason } from '../../git/worktree.js';
import { releaseOwnerInTx } from '../claims/tx.js';
import type { Project } from '../project/project.js';
import type { DocTx as Tx } from '../../state/define.js';
import { setStatus, TASKS_DOC } from '../plan/tasks.js';
import { releasePortsInTx } from '../claims/ports.js';
import { failpoint } from '../../util/failpoint.js';
import { withGitLock } from './gitlock.js';
import {
  archiveRef,
  backupRef,
  LANES_DOC,
  laneBranch,
  laneRef,
  lockReason,
  REMOVE_OP,
  taskOwner,
  type LaneRecord,
  type RemoveData,
} from './model.js';
import type { Assessment } from './assess.js';

export {
  assessLane,
  describeCommits,
  describeDirty,
  describeIgnored,
  refusal,
  refusalParts,
  type Assessment,
  type LandedBy,
} from './assess.js';

export interface TeardownResult {
  removed_worktree: boolean;
  deleted_branch: boolean;
  backup_refs: string[];
  /** What was kept and why, one sentence each (backup refs of reflog-only commits, of a forced removal). */
  notes: string[];
  released_claims: number;
  released_ports: number[];
  task_status?: string;
  /** Set when the branch moved after it was checked and was therefore kept. */
  branch_kept?: string;
  /** A dry run: what removing would do; nothing was changed. */
  dry_run?: boolean;
}

/**
 * What teardownLane would do with this assessment, changing nothing: the worktree and branch it
 * would remove and the backup refs it would create (their timestamp is the time of the real run).
 */
export function planTeardown(lane: LaneRecord, a: Assessment, opts: { force?: boolean } = {}): TeardownResult {
  const base = backupRef(lane.task, new Date());
  const refs = a.reflogOnly.map((_, i) => `${base}-reflog-${i + 1}`);
  if (opts.force) {
    if (a.tip && a.tip !== lane.base) refs.push(base);
    if (a.head && a.head !== a.tip && a.head !== lane.base) refs.push(`${base}-head`);
    if (a.exists && a.dirty.length) refs.push(`${base}-stash`);
    if (a.exists && (a.dirty.some((e) => e.code === '??') || a.ignored.length)) refs.push(`${base}-worktree`);
  } else if (a.landedBy === 'landed_as' && a.tip) refs.push(archiveRef(lane.task));
  const notes = [`would release the claims of task:${lane.task} and drop its lane record`];
  if (a.reflogOnly.length) notes.unshift(`would keep ${a.reflogOnly.length} commit(s) only the reflogs still reach under backup refs`);
  return {
    removed_worktree: true,
    deleted_branch: a.tip !== undefined,
    backup_refs: refs,
    notes,
    released_claims: 0,
    released_ports: [],
    dry_run: true,
  };
}

/**
 * Removes a lane whose assessment allowed it (or that a human forces). Journaled, so a crash half
 * way is finished by the next command. Commits only the reflogs still reach are first kept under
 * refs/lanes/backup/<task>/<timestamp>-reflog-<n>, since the reflogs go with the branch and the
 * worktree. `force` (CLI only) also saves the tip, a detached HEAD, uncommitted changes and the
 * ignored files that would be lost.
 */
export async function teardownLane(
  project: Project,
  lane: LaneRecord,
  a: Assessment,
  opts: { force?: boolean } = {},
): Promise<TeardownResult> {
  const { repo, store } = project;
  const root = repo.mainRoot;
  const out: TeardownResult = {
    removed_worktree: false,
    deleted_branch: false,
    backup_refs: [],
    notes: [],
    released_claims: 0,
    released_ports: [],
  };
  const data: RemoveData & Record<string, unknown> = {
    task: lane.task,
    token: lane.token,
    path: lane.path,
    ...(a.tip ? { tip: a.tip } : {}),
    force: opts.force === true,
  };
  const entry = await store.journal.begin(REMOVE_OP, data);
  await failpoint('lanes.remove.after-journal');
  try {
    await withGitLock(repo, `remove lane ${lane.task}`, async () => {
      // Read again under the lock: the branch, the worktree's HEAD (from the files git keeps when
      // plain, else from git) and git's record of the worktree (its admin directory, with the lock).
      const admin = adminDirFor(repo.commonDir, lane.path);
      const [tip, head] = await Promise.all([
        branchTip(root, repo.commonDir, laneBranch(lane.task)),
        admin ? worktreeHeadCommit(root, repo.commonDir, admin) : undefined,
      ]);
      const registered = admin !== undefined;
      const locked = admin ? worktreeLockReason(admin) : undefined;
      if (tip !== a.tip || head !== a.head) {
        const what =
          tip !== a.tip
            ? `branch moved (now ${tip?.slice(0, 12) ?? 'gone'})`
            : `worktree's HEAD moved (now ${head?.slice(0, 12) ?? 'gone'})`;
        throw new LanesError('CONFLICT', `The ${what} while the lane of ${lane.task} was being removed.`, {
          hint: `Nothing was removed. Look at ${act('list_lanes')} and try again.`,
        });
      }
      const saver = backupSaver(project, lane, out, opts.force ? 'before forced removal' : 'before removal');
      for (const [i, sha] of a.reflogOnly.entries()) {
        await saver.save(`-reflog-${i + 1}`, sha);
      }
      if (a.reflogOnly.length) {
        out.notes.push(
          `${a.reflogOnly.length === 1 ? 'a commit' : `${a.reflogOnly.length} lines of commits`} only the reflogs of ${lane.branch} and its worktree still reached (dropped by a reset or amend) kept under ${out.backup_refs.join(', ')}`,
        );
      }
      if (opts.force) await forcedBackup(saver, lane, a, out);
      else if (a.landedBy === 'landed_as' && a.tip) {
        // Squash-landed: the content is on the target but these commits are not. Keep them
        // reachable (cheap, and `git log` of the original work stays possible).
        const ref = archiveRef(lane.task);
        if (await createRef(root, ref, a.tip, `lanes: original commits of squash-landed ${lane.task}`)) out.backup_refs.push(ref);
      }
      if (fs.existsSync(lane.path)) {
        // Only a locked worktree needs unlocking (git refuses to remove it otherwise).
        if (!registered || locked !== undefined) await unlockWorktree(root, lane.path);
        await failpoint('lanes.remove.after-unlock');
        const r = await removeWorktree(root, lane.path, { force: opts.force === true });
        if (!r.ok) {
          if (registered) await lockWorktree(root, lane.path, locked || lockReason(lane.task));
          throw new LanesError('UNSAFE', `git refused to remove ${lane.path}: ${r.reason}`, {
            hint: 'Nothing was removed and the lane is locked again. Commit or discard the changes git names, then try again.',
          });
        }
        out.removed_worktree = true;
      } else if (registered) {
        out.removed_worktree = removeAdminEntry(repo.commonDir, lane.path);
      }
      await entry.step('worktree-removed');
      await failpoint('lanes.remove.after-worktree');
      if (a.tip) {
        out.deleted_branch = await deleteRefCas(root, laneRef(lane.task), a.tip);
        if (!out.deleted_branch) out.branch_kept = `${lane.branch} moved after it was checked; kept`;
      }
    });
  } catch (e) {
    await entry.done();
    throw e;
  }
  await failpoint('lanes.remove.before-state');
  try {
    await store.transact(async (tx) => {
      const r = dropLaneInTx(tx, lane.task, lane.token, `lane removed${opts.force ? ' (forced)' : ''}`);
      out.released_claims = r.claims;
      out.released_ports = r.ports;
      if (r.task_status) out.task_status = r.task_status;
    });
  } catch (e) {
    // The worktree is gone, the state still names it (the remote went away, say): the next
    // lanes command finishes the removal from the journal record.
    entry.abandon();
    throw e;
  }
  await entry.done();
  await store.appendEvent('lane.removed', {
    task: lane.task,
    forced: opts.force === true,
    backup_refs: out.backup_refs,
    deleted_branch: out.deleted_branch,
  });
  return out;
}

interface Saver {
  /** refs/lanes/backup/<task>/<one timestamp per removal> */
  base: string;
  save(suffix: string, sha: string): Promise<void>;
}

/** Creates backup refs under one timestamp; a ref that cannot be created stops the removal. */
function backupSaver(project: Project, lane: LaneRecord, out: TeardownResult, why: string): Saver {
  const base = backupRef(lane.task, new Date());
  return {
    base,
    async save(suffix, sha) {
      const name = `${base}${suffix}`;
      if (!(await createRef(project.repo.mainRoot, name, sha, `lanes: backup of ${lane.task} ${why}`))) {
        throw new LanesError('GIT', `Could not create the backup ref ${name}.`, {
          hint: 'Nothing was removed. Check the repository (git fsck), then try again.',
        });
      }
      out.backup_refs.push(name);
    },
  };
}

/** Saves the tip, a HEAD elsewhere, uncommitted work and the ignored files at risk of a lane about to be force-removed. */
async function forcedBackup(saver: Saver, lane: LaneRecord, a: Assessment, out: TeardownResult): Promise<void> {
  if (a.tip && a.tip !== lane.base) await saver.save('', a.tip);
  if (a.head && a.head !== a.tip && a.head !== lane.base) await saver.save('-head', a.head);
  if (a.exists && a.dirty.length) {
    const stash = await stashCreate(lane.path, `lanes: uncommitted changes of ${lane.task}`);
    if (stash) await saver.save('-stash', stash);
  }
  if (a.exists && (a.dirty.some((e) => e.code === '??') || a.ignored.length)) {
    const snap = await snapshotWorktree(
      lane.path,
      `lanes: working tree of ${lane.task} with untracked${a.ignored.length ? ' and ignored' : ''} files`,
      { ignored: a.ignored },
    );
    if (snap) await saver.save('-worktree', snap);
  }
  if (a.ignored.length)
    out.notes.push(
      `${a.ignored.length} ignored path(s) (${a.ignored.slice(0, 5).join(', ')}${a.ignored.length > 5 ? ', ...' : ''}) kept in ${saver.base}-worktree`,
    );
}

/**
 * The state half of removing a lane: its claims and ports released, its record dropped (if it is
 * still the one identified by `token`), and a task left in progress put back to planned, since
 * nobody can work on it without its lane.
 */
export function dropLaneInTx(tx: Tx, task: string, token: string, note: string): { claims: number; ports: number[]; task_status?: string } {
  const claims = releaseOwnerInTx(tx, taskOwner(task));
  const ports = releasePortsInTx(tx, taskOwner(task));
  const doc = tx.get(LANES_DOC);
  if (doc[task]?.token === token) delete doc[task];
  const t = tx.get(TASKS_DOC)[task];
  if (t && t.status === 'in_progress') {
    delete t.owner;
    setStatus(t, 'planned', { note });
  }
  return { claims, ports, ...(t ? { task_status: t.status } : {}) };
}
