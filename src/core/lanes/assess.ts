/**
 * Deciding whether a lane can go without losing work. Every removal path (remove_lane,
 * cleanup_lanes, `lanes remove`, `lanes cleanup`, the WorktreeRemove hook, the merge queue's
 * removal after landing) asks assessLane, then refusal().
 *
 * Work a lane can lose is everything the target lacks that the lane can reach and that no other
 * ref keeps: the branch tip, the worktree's own HEAD (detached, or on another branch), and both
 * reflogs (a `reset --hard` or an amend leaves commits nowhere else). Plus what `git worktree
 * remove` deletes without asking: ignored files.
 */
import { act } from '../hints/actions.js';
import fs from 'node:fs';
import { LanesError } from '../../errors.js';
import {
  commitsLostWith,
  contentLanded,
  independentCommits,
  isAncestor,
  presentCommits,
  reflogCommits,
  resolveCommit,
  statusPorcelain,
  type CommitSummary,
  type StatusEntry,
} from '../../git/refs.js';
import { adminDirFor, worktreeHeadBranch, worktreeHeadRef, worktreeLockReason, worktreeOperation } from '../../git/worktree.js';
import { branchTip, branchTipFiles, worktreeHeadCommit } from '../../git/head-files.js';
import { safeText } from '../../util/escape.js';
import type { Project } from '../project/project.js';
import type { TaskState } from '../plan/tasks.js';
import { laneBranch, laneRef, lockReason, type LaneRecord } from './model.js';
import { ignoredAtRisk } from './probe.js';

export type LandedBy = 'no-commits' | 'ancestor' | 'landed_as' | 'no-branch';

/** How many unlanded commits an assessment lists (the refusal says when there are more). */
export const LIST_LIMIT = 20;

export interface Assessment {
  exists: boolean;
  /** The tip of lanes/<task>. */
  tip?: string;
  /** The commit the worktree's HEAD is on (read from git's admin entry, so known even when the directory is gone). */
  head?: string;
  /** The branch HEAD is on (full ref); undefined when detached. */
  headBranch?: string;
  targetSha?: string;
  dirty: StatusEntry[];
  /** Commits the branch tip or HEAD reach that the target lacks and no other ref keeps (empty when landed). */
  unlanded: CommitSummary[];
  /**
   * Commits only the reflogs still reach (dropped by a reset or amend), not on the target nor
   * kept by any ref: the independent tips to keep under backup refs before the reflogs go.
   */
  reflogOnly: string[];
  /** Ignored files removal would delete that are neither disposable nor untouched include copies. */
  ignored: string[];
  /** Why git's state says "not now": a rebase in progress, a lock that is not ours. */
  blocked?: string;
  landedBy?: LandedBy;
}

/**
 * Where a lane stands. Each live tip (branch tip, HEAD) counts as landed when it is the base, an
 * ancestor of the target, or the task records `landed_as` and everything the tip changed is in
 * that commit (squash merges defeat --is-ancestor; the content check also catches commits made
 * after the landing, which are not landed). `landedBy` describes the branch tip.
 */
export async function assessLane(project: Project, lane: LaneRecord, task: TaskState | undefined): Promise<Assessment> {
  const root = project.repo.mainRoot;
  const exists = fs.existsSync(lane.path);
  const admin = adminDirFor(project.repo.commonDir, lane.path);
  const headRef = admin ? worktreeHeadRef(admin) : undefined;
  const dropping = laneRef(lane.task);
  // Everything that depends on nothing else is read at once: each read is a git process, and a
  // run removes a landed lane while the next ones land.
  // The branch tip, the worktree's HEAD, the target's tip and the lock come from the files git
  // keeps when they are plain (else from git): git processes are left for what only git can say.
  const commonDir = project.repo.commonDir;
  const [tip, head, targetSha, dirty, reflogged, ignored] = await Promise.all([
    branchTip(root, commonDir, laneBranch(lane.task)),
    admin ? worktreeHeadCommit(root, commonDir, admin) : Promise.resolve(undefined),
    targetTip(root, commonDir, lane.target).catch(() => undefined),
    exists ? statusPorcelain(lane.path).catch(() => [] as StatusEntry[]) : Promise.resolve([] as StatusEntry[]),
    Promise.all([reflogCommits(root, dropping), headRef ? reflogCommits(root, headRef) : []]),
    exists ? ignoredFiles(project, lane) : Promise.resolve([]),
  ]);
  // git's record of the worktree is its admin directory: no admin, no registration, no lock.
  const locked = admin ? worktreeLockReason(admin) : undefined;
  const a: Assessment = { exists, dirty, unlanded: [], reflogOnly: [], ignored: [] };
  if (tip) a.tip = tip;
  if (head) a.head = head;
  const hb = admin ? worktreeHeadBranch(admin) : undefined;
  if (hb) a.headBranch = hb;
  if (targetSha) a.targetSha = targetSha;

  const landedAs = task?.landed_as && targetSha ? await landingCommit(root, task.landed_as, targetSha) : undefined;
  const landed = async (t: string) =>
    t === lane.base ||
    (targetSha !== undefined && (await isAncestor(root, t, targetSha))) ||
    (landedAs !== undefined && (await contentLanded(root, t, landedAs)) !== false);

  if (!tip) a.landedBy = 'no-branch';
  else if (tip === lane.base) a.landedBy = 'no-commits';
  else if (targetSha && (await isAncestor(root, tip, targetSha))) a.landedBy = 'ancestor';
  else if (landedAs && (await contentLanded(root, tip, landedAs)) !== false) a.landedBy = 'landed_as';

  const live = [...new Set([tip, head].filter((t): t is string => t !== undefined))];
  const open: string[] = [];
  const closed: string[] = [];
  for (const t of live) ((t === tip ? a.landedBy !== undefined : await landed(t)) ? closed : open).push(t);
  const not = [...(targetSha ? [targetSha] : []), lane.base, ...closed];
  if (open.length) a.unlanded = await commitsLostWith(root, open, { not, dropping, limit: LIST_LIMIT });

  // Reflog-only commits: what a reset or amend dropped. Not refused (the lane's owner threw them
  // away on purpose, usually), but never deleted either: teardown keeps them under backup refs.
  const logged = await presentCommits(root, reflogged.flat());
  const candidates = [...new Set(logged)].filter((c) => !live.includes(c));
  if (candidates.length) {
    const lost = new Set((await commitsLostWith(root, candidates, { not: [...not, ...open], dropping, limit: 10_000 })).map((c) => c.sha));
    const tips = await independentCommits(
      root,
      candidates.filter((c) => lost.has(c)),
    );
    for (const t of tips) if (!landedAs || (await contentLanded(root, t, landedAs)) !== true) a.reflogOnly.push(t);
  }

  if (locked !== undefined && locked !== lockReason(lane.task)) {
    a.blocked = `it is locked in git by someone else (${locked ? `reason: ${safeText(locked)}` : 'no reason given'})`;
  } else if (admin && exists) {
    const op = worktreeOperation(admin);
    if (op) a.blocked = `${op} is in progress in it`;
  }
  a.ignored = ignored;
  return a;
}

/** Ignored files `git worktree remove` would delete that are neither disposable nor untouched include copies. */
async function ignoredFiles(project: Project, lane: LaneRecord): Promise<string[]> {
  const cfg = await project.config();
  const r = await ignoredAtRisk(lane.path, project.repo.mainRoot, {
    disposable: cfg.worktrees.disposable_ignored,
    included: lane.included ?? [],
    ...(lane.ready_at ? { readyAt: lane.ready_at } : {}),
  });
  return r.paths;
}

/** The target's commit: a plain branch from the files git keeps, anything else from git. */
async function targetTip(root: string, commonDir: string, target: string): Promise<string | undefined> {
  return branchTipFiles(commonDir, target) ?? resolveCommit(root, target);
}

/** The recorded landing commit, if it is still on the target (a revert or rewrite of the target voids it). */
async function landingCommit(root: string, landedAs: string, targetSha: string): Promise<string | undefined> {
  const sha = await resolveCommit(root, landedAs).catch(() => undefined);
  return sha && (await isAncestor(root, sha, targetSha)) ? sha : undefined;
}

export function describeDirty(dirty: StatusEntry[], max = 20): string {
  const lines = dirty.slice(0, max).map((e) => `  ${e.code === '??' ? 'untracked' : `changed (${e.code.trim()})`}: ${safeText(e.path)}`);
  if (dirty.length > max) lines.push(`  ... and ${dirty.length - max} more`);
  return lines.join('\n');
}

export function describeCommits(commits: CommitSummary[]): string {
  const lines = commits.map((c) => `  ${c.short} ${safeText(c.subject)}`);
  if (commits.length >= LIST_LIMIT) lines.push('  ... and possibly more');
  return lines.join('\n');
}

export function describeIgnored(paths: string[], max = 20): string {
  const lines = paths.slice(0, max).map((p) => `  ignored: ${safeText(p)}`);
  if (paths.length > max) lines.push(`  ... and ${paths.length - max} more`);
  return lines.join('\n');
}

/** Where the unlanded commits live, for the message: the branch, or a detached / other HEAD. */
function whereCommits(lane: LaneRecord, a: Assessment): string {
  if (!a.head || a.head === a.tip) return '';
  if (!a.headBranch) return ` (the worktree's HEAD is detached at ${a.head.slice(0, 12)})`;
  if (a.headBranch !== laneRef(lane.task))
    return ` (the worktree is on ${safeText(a.headBranch.replace(/^refs\/heads\//, ''))}, not ${lane.branch})`;
  return '';
}

/** Every reason the lane cannot go without force, one part each; [] when it can. */
export function refusalParts(lane: LaneRecord, a: Assessment): string[] {
  const parts: string[] = [];
  if (a.blocked) parts.push(a.blocked);
  if (a.dirty.length) parts.push(`it has ${a.dirty.length} uncommitted file${a.dirty.length === 1 ? '' : 's'}:\n${describeDirty(a.dirty)}`);
  if (a.unlanded.length)
    parts.push(
      `it has commits not landed on ${lane.target} and kept by no other ref${whereCommits(lane, a)}:\n${describeCommits(a.unlanded)}`,
    );
  if (a.ignored.length)
    parts.push(
      `it has ${a.ignored.length} ignored file${a.ignored.length === 1 ? '' : 's'} that removal would delete:\n${describeIgnored(a.ignored)}`,
    );
  return parts;
}

export function refusal(lane: LaneRecord, a: Assessment): LanesError | undefined {
  const parts = refusalParts(lane, a);
  if (!parts.length) return undefined;
  const todo: string[] = [];
  if (a.blocked?.includes('in progress')) todo.push('finish or abort the git operation in the lane (e.g. git rebase --continue / --abort)');
  if (a.blocked?.includes('locked')) todo.push(`unlock it (git worktree unlock ${lane.path}) if whoever locked it agrees`);
  if (a.dirty.length || a.unlanded.length)
    todo.push(
      `commit and land the work (${act('queue_merge', { task_id: lane.task })}), or keep a commit with \`git branch <name> <sha>\``,
    );
  if (a.ignored.length)
    todo.push(
      'move the ignored files you need out of the lane (or add cache patterns to worktrees.disposable_ignored in .lanes/config.json)',
    );
  return new LanesError('UNSAFE', `Refusing to remove the lane of ${lane.task} (${lane.path}): ${parts.join('\nand ')}`, {
    hint: `${todo.join('; ')}. Or ${act('force_remove', { task_id: lane.task })}, which keeps a backup ref of the commits, the uncommitted changes and these ignored files.`,
    details: { dirty: a.dirty, unlanded: a.unlanded, ignored: a.ignored, ...(a.blocked ? { blocked: a.blocked } : {}) },
  });
}
