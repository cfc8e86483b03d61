/**
 * The lanes' brief for the status report: lane records plus unrecorded worktrees in the lanes
 * directory, each with its dirty files, ahead/behind the target and last activity, without
 * recovery or locks. Lanes cost one `git status` each plus an ahead/behind count per new
 * (tip, target) pair; tips and commit times of all lanes come from one for-each-ref.
 */
import type { NoticesDoc } from '../merge/notices.js';
import fs from 'node:fs';
import path from 'node:path';
import { errorMessage } from '../../errors.js';
import { branchTips } from '../../git/head.js';
import { aheadBehind, statusPorcelain } from '../../git/refs.js';
import { listWorktrees, type WorktreeInfo } from '../../git/worktree.js';
import type { Project } from '../project/project.js';
import { LANES_DOC, type LaneState } from '../lanes/model.js';
import { isInside, lanesDir } from '../lanes/paths.js';
import type { MergeQueueDoc } from '../merge/model.js';
import { appliesTo, needsFixByTask, needsFixFirst, type NeedsFix } from '../merge/needs-fix.js';
import type { TaskStatus, TasksDoc } from '../plan/tasks.js';
import { mapLimit } from '../../util/map-limit.js';

export interface LaneStatus {
  /** 'foreign': a worktree in the lanes directory without a lane record. */
  kind: 'lane' | 'foreign';
  task_id?: string;
  state?: LaneState;
  task_status?: TaskStatus;
  owner?: string;
  branch?: string;
  path: string;
  missing: boolean;
  dirty_count: number;
  untracked_count: number;
  ahead?: number;
  behind?: number;
  created_at?: string;
  /** Seconds since the lane was made. */
  age_s?: number;
  /** Newest of the tip's commit time, the lane index's mtime and its dirty files' mtimes. */
  last_activity?: string;
  /** The merge queue sent it back (or a landing made it conflict): what its owner must fix. */
  needs_fix?: NeedsFix;
  problem?: string;
}

export type LaneTips = Map<string, { sha: string; time: number }>;

/** The lanes the merge queue sent back (or a landing made conflict), by task. */
export async function lanesToFix(
  root: string,
  target: string,
  queue: MergeQueueDoc,
  tasks: TasksDoc,
  tips: Promise<LaneTips>,
  notices?: NoticesDoc,
): Promise<Map<string, NeedsFix>> {
  return needsFixByTask(root, target, queue, tasks, taskTips(await tips), notices);
}

/** Each lane with its task's state and what it must fix; lanes to fix first. */
export function withTaskState(lanes: LaneStatus[], tasks: TasksDoc, fixes: Map<string, NeedsFix>): LaneStatus[] {
  for (const l of lanes) if (l.task_id && Object.hasOwn(tasks, l.task_id)) l.task_status = tasks[l.task_id]!.status;
  for (const l of lanes) {
    const nf = l.kind === 'lane' && l.task_id ? fixes.get(l.task_id) : undefined;
    if (appliesTo(nf, l.created_at)) l.needs_fix = nf;
  }
  return needsFixFirst(lanes);
}

/** Lanes (records, plus unrecorded worktrees in the lanes dir), without recovery or locks. */
export async function readLanes(
  project: Project,
  relDir: string,
  target: Promise<string | undefined>,
  tipsP: Promise<LaneTips>,
): Promise<LaneStatus[]> {
  const root = project.repo.mainRoot;
  const [doc, worktrees, tips, targetSha] = await Promise.all([project.store.read(LANES_DOC), listWorktrees(root), tipsP, target]);
  const admins = adminDirs(project.repo.commonDir);
  const byPath = new Map(worktrees.map((w) => [w.path, w]));
  const now = Date.now();
  const records = Object.values(doc.data).sort((a, b) => a.task.localeCompare(b.task));
  const views: LaneStatus[] = records.map((rec) => {
    const v: LaneStatus = {
      kind: 'lane',
      task_id: rec.task,
      state: rec.state,
      owner: rec.owner,
      branch: rec.branch,
      path: rec.path,
      missing: !fs.existsSync(rec.path),
      dirty_count: 0,
      untracked_count: 0,
      created_at: rec.created_at,
    };
    const age = now - Date.parse(rec.created_at);
    if (Number.isFinite(age)) v.age_s = Math.max(0, Math.round(age / 1000));
    if (rec.problem) v.problem = rec.problem;
    if (!v.missing && !byPath.has(rec.path)) v.problem ??= 'not registered as a git worktree';
    return v;
  });
  let dir: string | undefined;
  try {
    dir = lanesDir(project.repo, relDir);
  } catch {
    dir = undefined; // a refused lanes dir is reported by start_task and lanes doctor
  }
  const known = new Set(records.map((r) => r.path));
  for (const w of worktrees) {
    if (!dir || known.has(w.path) || w.path === dir || !isInside(dir, w.path)) continue;
    const v: LaneStatus = { kind: 'foreign', path: w.path, missing: !fs.existsSync(w.path), dirty_count: 0, untracked_count: 0 };
    if (w.branch) v.branch = w.branch.replace(/^refs\/heads\//, '');
    views.push(v);
  }
  await mapLimit(views, 8, (v) => describeLane(v, byPath.get(v.path), tips, admins.get(v.path), root, targetSha));
  return views;
}

async function describeLane(
  v: LaneStatus,
  wt: WorktreeInfo | undefined,
  tips: LaneTips,
  admin: string | undefined,
  root: string,
  targetSha: string | undefined,
): Promise<void> {
  const tip = v.branch ? tips.get(v.branch) : undefined;
  const sha = tip?.sha ?? wt?.head;
  let last = tip?.time ?? 0;
  const jobs: Array<Promise<void>> = [];
  if (!v.missing) {
    jobs.push(
      statusPorcelain(v.path, { collapseUntracked: true }).then((st) => {
        v.dirty_count = st.length;
        v.untracked_count = st.filter((e) => e.code === '??').length;
        // An agent editing without committing shows up only in its files' mtimes.
        for (const e of st.slice(0, 50)) last = Math.max(last, mtime(path.join(v.path, e.path)));
      }),
    );
  }
  if (sha && targetSha) jobs.push(aheadBehindCached(root, sha, targetSha).then((ab) => void Object.assign(v, ab)));
  const results = await Promise.allSettled(jobs);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed && !v.problem) v.problem = `git: ${errorMessage(failed.reason).split('\n')[0]}`;
  if (admin) last = Math.max(last, mtime(path.join(admin, 'index')));
  if (last > 0) v.last_activity = new Date(last).toISOString();
}

// Ahead/behind depends only on the two commits, so polling (watch, dashboard) asks git once per
// pair: with unchanged tips a refresh costs one `git status` per lane and nothing more.
const abCache = new Map<string, { ahead: number; behind: number }>();
async function aheadBehindCached(root: string, tip: string, target: string): Promise<{ ahead: number; behind: number }> {
  const key = `${root}\0${tip}\0${target}`;
  const hit = abCache.get(key);
  if (hit) return { ...hit };
  const ab = await aheadBehind(root, tip, target);
  if (abCache.size >= 2000) abCache.clear();
  abCache.set(key, ab);
  return { ...ab };
}

/** Tips and committer times of every lanes/* branch, in one git call. */
export function laneTips(root: string): Promise<LaneTips> {
  return branchTips(root, 'refs/heads/lanes/');
}

/** Task → tip of its lanes/<task> branch. */
function taskTips(tips: Map<string, { sha: string }>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, t] of tips) if (name.startsWith('lanes/')) out.set(name.slice('lanes/'.length), t.sha);
  return out;
}

/** Worktree path → its admin dir (`<common>/worktrees/<name>`), read once for all lanes. */
function adminDirs(commonDir: string): Map<string, string> {
  const out = new Map<string, string>();
  const base = path.join(commonDir, 'worktrees');
  let names: string[] = [];
  try {
    names = fs.readdirSync(base);
  } catch {
    return out;
  }
  for (const n of names) {
    try {
      const gitdir = fs.readFileSync(path.join(base, n, 'gitdir'), 'utf8').trim();
      out.set(path.dirname(gitdir), path.join(base, n));
    } catch {
      // not an admin dir
    }
  }
  return out;
}

function mtime(p: string): number {
  try {
    return fs.statSync(p).mtimeMs;
  } catch {
    return 0;
  }
}
