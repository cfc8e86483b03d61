/**
 * Claude Code's own worktrees (`claude --worktree <name>`, subagents with `isolation: worktree`,
 * EnterWorktree) as Lanes sees them. The WorktreeCreate and WorktreeRemove hooks replace Claude
 * Code's creation and removal; what they do is decided here:
 *
 * - in a repository that uses Lanes, a worktree is *adopted* as a lane through the same journaled,
 *   locked path as start_lane: `<name>` is the task when the plan has it; otherwise a task without a
 *   file scope is added for it, so the worktree shows in status, can be queued for merge, and is
 *   never deleted while it holds unlanded work. It is *dropped* through the same removal checks as
 *   any lane, and a task added only for it is then done;
 * - elsewhere, it is what Claude Code would make: `.claude/worktrees/<name>` on a new branch
 *   `worktree-<name>` from HEAD, plus the `.worktreeinclude` copies, removed only when git agrees.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LanesError } from '../../errors.js';
import { deleteMergedBranch } from '../../git/head.js';
import type { Repo } from '../../git/repo.js';
import { addPlainWorktree, listWorktrees, removeWorktree } from '../../git/worktree.js';
import { isSlug, slugify } from '../../util/slug.js';
import type { LanesConfig } from '../config/schema.js';
import { addTask, PLAN_DOC, readPlan, setStatus, storePlan, TASKS_DOC } from '../plan/tasks.js';
import type { Project } from '../project/project.js';
import { withGitLock } from './gitlock.js';
import { copyIncluded } from './include.js';
import { LANES_DOC, type LaneRecord } from './model.js';
import { lanesDir } from './paths.js';
import { removeLane, type RemoveResult } from './remove.js';
import { startLane } from './start.js';

/** Where the hooks say what they did (stderr). */
export type Note = (message: string) => void;

/** Claude Code's rule for worktree names: "/"-separated segments of letters, digits, . _ -; at most 64 characters. */
export const CLAUDE_NAME_RE = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

/** Title prefix of the tasks added to the plan for Claude Code worktrees that name no planned task. */
export const ADHOC_TITLE_PREFIX = 'Claude Code worktree';

/** The task of a Claude Code worktree: `name` itself when it is a slug, else a slug made from it. */
export function taskIdFor(name: string): string {
  return isSlug(name) ? name : slugify(name);
}

/** A plain Claude Code worktree, for a repository that does not use Lanes (or has the hooks off). */
export async function createPlainWorktree(repo: Repo, name: string, includeFile: string, locked: boolean, note: Note): Promise<string> {
  if (name.length > 64 || !CLAUDE_NAME_RE.test(name) || name.split('/').some((s) => s === '.' || s === '..')) {
    throw new LanesError(
      'INVALID_INPUT',
      `invalid worktree name ${JSON.stringify(name.slice(0, 80))}: use letters, digits, ".", "_" and "-" (segments separated by "/"), at most 64 characters`,
    );
  }
  const dir = lanesDir(repo, '.claude/worktrees', { create: true });
  const wt = path.join(dir, ...name.split('/'));
  const registered = (await listWorktrees(repo.mainRoot)).find((w) => w.path === wt);
  if (registered) return wt;
  if (fs.existsSync(wt) && fs.readdirSync(wt).length > 0) {
    throw new LanesError('CONFLICT', `${wt} already exists and is not an empty directory or a registered worktree`);
  }
  const add = async () => {
    await addPlainWorktree(repo.mainRoot, { path: wt, branch: `worktree-${name}`, commit: 'HEAD' });
  };
  if (locked) await withGitLock(repo, `claude worktree ${name}`, add);
  else await add();
  const inc = await copyIncluded(repo.mainRoot, wt, includeFile);
  if (inc.copied.length) note(`copied ${inc.copied.join(', ')} (.worktreeinclude)`);
  for (const s of inc.skipped) note(`did not copy ${s.path}: ${s.reason}`);
  return wt;
}

/** A Claude Code worktree as a lane: its task's existing ready lane, or a new one (adding the task if the plan lacks it). */
export async function adoptClaudeWorktree(project: Project, cfg: LanesConfig, name: string, owner: string, note: Note): Promise<string> {
  const task = taskIdFor(name);
  if (task !== name) note(`worktree name ${JSON.stringify(name)} is not a task id; using task "${task}"`);
  const lanes = (await project.store.read(LANES_DOC)).data;
  const existing = Object.hasOwn(lanes, task) ? lanes[task] : undefined;
  if (existing?.state === 'ready' && fs.existsSync(existing.path)) {
    note(`entering the existing lane of task ${task} (${existing.path})`);
    return existing.path;
  }
  const { plan } = await readPlan(project.store);
  if (!plan?.tasks.some((t) => t.id === task)) {
    const adhoc = {
      id: task,
      title: `${ADHOC_TITLE_PREFIX} ${name}`,
      description: `Created for Claude Code's worktree "${name}" (claude --worktree, EnterWorktree or a subagent with isolation: worktree) by the Lanes WorktreeCreate hook. It has no file scope.`,
      files: [],
    };
    if (plan) await addTask(project.store, adhoc);
    else await storePlan(project.store, [adhoc], { parallelism: cfg.max_parallel, source: 'claude-code-worktree' });
    note(`added task ${task} to the plan for this worktree`);
  }
  const r = await startLane(project, { task_id: task, owner });
  note(`lane ${r.branch} ready at ${r.path}${r.included.length ? `; copied ${r.included.join(', ')}` : ''}`);
  return r.path;
}

/** Removes a plain Claude Code worktree only as git would (no force), and its branch only when merged. */
export async function removePlainWorktree(mainRoot: string, wt: string, note: Note): Promise<boolean> {
  const info = (await listWorktrees(mainRoot)).find((w) => w.path === wt);
  if (!info) {
    note(`${wt} is not a worktree of this repository; nothing removed.`);
    return !fs.existsSync(wt);
  }
  const r = await removeWorktree(mainRoot, wt);
  if (!r.ok) {
    note(`kept ${wt}: git refused to remove it (${r.reason}).`);
    return false;
  }
  const branch = info.branch?.replace(/^refs\/heads\//, '');
  if (branch?.startsWith('worktree-')) {
    const d = await deleteMergedBranch(mainRoot, branch);
    if (!d.ok) note(`removed ${wt}; kept branch ${branch} (not merged: ${d.reason}).`);
  }
  note(`removed ${wt}.`);
  return true;
}

/**
 * Drops a lane Claude Code is done with, through every removal check (it throws, keeping the lane,
 * when anything would be lost); a task Lanes added only for this worktree is then done.
 */
export async function dropClaudeWorktree(project: Project, lane: LaneRecord): Promise<RemoveResult> {
  const r = await removeLane(project, { task_id: lane.task });
  await project.store.transact(async (tx) => {
    const def = tx.get(PLAN_DOC).plan?.tasks.find((t) => t.id === lane.task);
    const tasks = tx.get(TASKS_DOC);
    const t = Object.hasOwn(tasks, lane.task) ? tasks[lane.task] : undefined;
    if (def?.title.startsWith(ADHOC_TITLE_PREFIX) && t && t.status !== 'done') {
      setStatus(t, 'done', { note: 'Claude Code worktree removed; nothing of it was left unlanded' });
    }
  });
  return r;
}
