/**
 * list_lanes: every lane with its task, owner, base, uncommitted files, commits ahead of and
 * behind the target, and last activity; plus git worktrees in the lanes directory that have no
 * lane record (foreign or orphaned), marked as such. Reads only: every git call runs with
 * GIT_OPTIONAL_LOCKS=0, so polling never collides with an agent's commit.
 */
import { NOTICES_DOC } from '../merge/notices.js';
import fs from 'node:fs';
import path from 'node:path';
import { countCommits } from '../../git/log.js';
import { aheadBehind, commitTimeMs, resolveCommit, statusPorcelain } from '../../git/refs.js';
import { adminDirFor, listWorktrees } from '../../git/worktree.js';
import type { Project } from '../project/project.js';
import { MERGE_DOC } from '../merge/model.js';
import { appliesTo, needsFixByTask, needsFixFirst, type NeedsFix } from '../merge/needs-fix.js';
import { readPlan, type TaskStatus } from '../plan/tasks.js';
import { LANES_DOC, type LaneRecord } from './model.js';
import { isInside, lanesDir } from './paths.js';
import { recoverOrphans } from './recover.js';
import { mapLimit } from '../../util/map-limit.js';

export interface LaneView {
  task_id?: string;
  kind: 'lane' | 'foreign';
  state?: LaneRecord['state'];
  owner?: string;
  task_status?: TaskStatus;
  path: string;
  branch?: string;
  base?: string;
  /** Commits on the target since the base (0: the lane starts from the target's tip). */
  base_behind_target?: number;
  head?: string;
  missing: boolean;
  locked?: string;
  /** git's reason to call the entry prunable (its directory is gone...). */
  prunable?: string;
  /** Uncommitted files: "M src/a.ts", "?? notes.txt" (at most 50). */
  dirty: string[];
  dirty_count: number;
  untracked_count: number;
  ahead?: number;
  behind?: number;
  /** Newest of the tip's commit time and the worktree index's mtime. */
  last_activity?: string;
  /** The merge queue sent it back (or a landing made it conflict): what its owner must fix. */
  needs_fix?: NeedsFix;
  problem?: string;
}

export interface ListResult {
  target: string;
  target_sha?: string;
  lanes: LaneView[];
}

const MAX_DIRTY = 50;

export async function listLanes(project: Project, opts: { recover?: boolean } = {}): Promise<ListResult> {
  // The CLI rolls crashed operations back first, like every lanes command; the read-only MCP tool
  // passes recover: false, so it never writes (a half-made lane then shows with its problem).
  if (opts.recover !== false) await recoverOrphans(project);
  const cfg = await project.config();
  const root = project.repo.mainRoot;
  const [doc, { tasks }, worktrees, targetSha, queue] = await Promise.all([
    project.store.read(LANES_DOC),
    readPlan(project.store),
    listWorktrees(root),
    resolveCommit(root, cfg.target),
    project.store.read(MERGE_DOC).then((d) => d.data),
  ]);
  const byPath = new Map(worktrees.map((w) => [w.path, w]));
  const records = Object.values(doc.data).sort((a, b) => a.task.localeCompare(b.task));
  const views = await mapLimit(records, 4, async (rec): Promise<LaneView> => {
    const wt = byPath.get(rec.path);
    const v: LaneView = {
      task_id: rec.task,
      kind: 'lane',
      state: rec.state,
      owner: rec.owner,
      path: rec.path,
      branch: rec.branch,
      base: rec.base,
      missing: !fs.existsSync(rec.path),
      dirty: [],
      dirty_count: 0,
      untracked_count: 0,
    };
    const ts = Object.hasOwn(tasks, rec.task) ? tasks[rec.task]?.status : undefined;
    if (ts) v.task_status = ts;
    if (rec.problem) v.problem = rec.problem;
    if (wt?.locked !== undefined) v.locked = wt.locked;
    if (wt?.prunable !== undefined) v.prunable = wt.prunable;
    await describe(project, v, `refs/heads/${rec.branch}`, targetSha, rec.base);
    return v;
  });
  // Worktrees in the lanes directory without a record: someone else's, or left by a crash.
  let dir: string | undefined;
  try {
    dir = lanesDir(project.repo, cfg.worktrees.dir);
  } catch {
    dir = undefined; // a refused lanes dir is reported by start_lane and lanes doctor
  }
  const known = new Set(records.map((r) => r.path));
  const foreign = worktrees.filter((w) => dir && !known.has(w.path) && isInside(dir, w.path) && w.path !== dir);
  const foreignViews = await mapLimit(foreign, 4, async (w): Promise<LaneView> => {
    const v: LaneView = { kind: 'foreign', path: w.path, missing: !fs.existsSync(w.path), dirty: [], dirty_count: 0, untracked_count: 0 };
    if (w.branch) v.branch = w.branch.replace(/^refs\/heads\//, '');
    if (w.locked !== undefined) v.locked = w.locked;
    if (w.prunable !== undefined) v.prunable = w.prunable;
    await describe(project, v, w.branch ?? w.head ?? 'HEAD', targetSha, undefined);
    return v;
  });
  const tips = new Map(views.filter((v) => v.task_id && v.head).map((v) => [v.task_id!, v.head!]));
  const notices = (await project.store.read(NOTICES_DOC)).data;
  const fixes = await needsFixByTask(root, cfg.target, queue, tasks, tips, notices);
  const made = new Map(records.map((rec) => [rec.task, rec.created_at]));
  for (const v of views) {
    const nf = v.task_id ? fixes.get(v.task_id) : undefined;
    if (appliesTo(nf, made.get(v.task_id!))) v.needs_fix = nf;
  }
  const out: ListResult = { target: cfg.target, lanes: needsFixFirst([...views, ...foreignViews]) };
  if (targetSha) out.target_sha = targetSha;
  return out;
}

async function describe(
  project: Project,
  v: LaneView,
  ref: string,
  targetSha: string | undefined,
  base: string | undefined,
): Promise<void> {
  const root = project.repo.mainRoot;
  const tip = await resolveCommit(root, ref).catch(() => undefined);
  if (tip) v.head = tip;
  const jobs: Array<Promise<unknown>> = [];
  if (!v.missing) {
    jobs.push(
      statusPorcelain(v.path, { collapseUntracked: true }).then(
        (st) => {
          v.dirty_count = st.length;
          v.untracked_count = st.filter((e) => e.code === '??').length;
          v.dirty = st.slice(0, MAX_DIRTY).map((e) => `${e.code.trim()} ${e.path}`);
        },
        (e: Error) => {
          v.problem = v.problem ?? `git status failed: ${e.message.split('\n')[0]}`;
        },
      ),
    );
  }
  if (tip && targetSha) {
    jobs.push(aheadBehind(root, tip, targetSha).then((ab) => Object.assign(v, ab)));
  }
  if (base && targetSha) {
    jobs.push(
      countCommits(root, [`${base}..${targetSha}`]).then((n) => {
        v.base_behind_target = n;
      }),
    );
  }
  let last = 0;
  if (tip) jobs.push(commitTimeMs(root, tip).then((t) => (last = Math.max(last, t))));
  const admin = adminDirFor(project.repo.commonDir, v.path);
  if (admin) {
    try {
      last = Math.max(last, fs.statSync(path.join(admin, 'index')).mtimeMs);
    } catch {
      // no index yet
    }
  }
  await Promise.all(jobs.map((j) => j.catch(() => undefined)));
  if (last > 0) v.last_activity = new Date(last).toISOString();
}
