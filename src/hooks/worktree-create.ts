/**
 * WorktreeCreate. A WorktreeCreate hook *replaces* Claude Code's own worktree creation
 * (`claude --worktree <name>`, subagents with `isolation: worktree`, EnterWorktree): it gets
 * `{name, cwd}`, must create the directory, and print its path as the LAST line of stdout; any
 * non-zero exit fails the creation. Claude Code then does not apply `.worktreeinclude` itself.
 *
 * In a repository that uses Lanes (with `worktrees.claude_worktree_hooks`, default true), the
 * worktree becomes a lane through the same journaled, locked path as start_lane (startLane):
 * `<name>` is the task when the plan has it; otherwise a task without a file scope is added for it
 * (the plan is created if there is none), so the worktree shows in status, can be queued for
 * merge, and is never deleted while it holds unlanded work. An existing ready lane of that task is
 * entered as it is.
 *
 * Otherwise (hooks configured off, or no Lanes state: Lanes never creates state in a repository
 * that has not used it) it does what Claude Code would: `.claude/worktrees/<name>` on a new branch
 * `worktree-<name>` from HEAD, plus the `.worktreeinclude` copies.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../core/config/load.js';
import { type LanesConfig } from '../core/config/schema.js';
import { openProject, type Project } from '../core/project/project.js';
import { copyIncluded } from '../core/lanes/include.js';
import { LANES_DOC } from '../core/lanes/model.js';
import { lanesDir } from '../core/lanes/paths.js';
import { startLane } from '../core/lanes/start.js';
import { withGitLock } from '../core/lanes/gitlock.js';
import { addTask, readPlan, storePlan } from '../core/plan/tasks.js';
import { errorMessage } from '../errors.js';
import { git } from '../git/exec.js';
import { resolveRepo, type Repo } from '../git/repo.js';
import { listWorktrees } from '../git/worktree.js';
import { ADHOC_TITLE_PREFIX, CLAUDE_NAME_RE, taskIdFor } from './lib/claude-worktree.js';
import { readHookInput, str } from './lib/input.js';
import { emitLine, exit, note, trace } from './lib/output.js';
import { sessionOwner } from './lib/owner.js';
import { hasState, locate } from './lib/where.js';

const EVENT = 'WorktreeCreate';
class Refused extends Error {}

async function plainWorktree(repo: Repo, name: string, cfg: LanesConfig | undefined, locked: boolean): Promise<string> {
  if (name.length > 64 || !CLAUDE_NAME_RE.test(name) || name.split('/').some((s) => s === '.' || s === '..')) {
    throw new Refused(
      `invalid worktree name ${JSON.stringify(name.slice(0, 80))}: use letters, digits, ".", "_" and "-" (segments separated by "/"), at most 64 characters`,
    );
  }
  const dir = lanesDir(repo, '.claude/worktrees', { create: true });
  const wt = path.join(dir, ...name.split('/'));
  const registered = (await listWorktrees(repo.mainRoot)).find((w) => w.path === wt);
  if (registered) return wt;
  if (fs.existsSync(wt) && fs.readdirSync(wt).length > 0)
    throw new Refused(`${wt} already exists and is not an empty directory or a registered worktree`);
  const add = async () => {
    await git(repo.mainRoot, ['worktree', 'add', '--quiet', '--no-track', '-b', `worktree-${name}`, '--', wt, 'HEAD']);
  };
  if (locked) await withGitLock(repo, `${EVENT} ${name}`, add);
  else await add();
  const inc = await copyIncluded(repo.mainRoot, wt, cfg?.worktrees.include_file ?? '.worktreeinclude');
  if (inc.copied.length) note(`${EVENT}: copied ${inc.copied.join(', ')} (.worktreeinclude)`);
  for (const s of inc.skipped) note(`${EVENT}: did not copy ${s.path}: ${s.reason}`);
  return wt;
}

async function laneWorktree(project: Project, cfg: LanesConfig, name: string, sid: string | undefined): Promise<string> {
  const task = taskIdFor(name);
  if (task !== name) note(`${EVENT}: worktree name ${JSON.stringify(name)} is not a task id; using task "${task}"`);
  const existing = (await project.store.read(LANES_DOC)).data[task];
  if (existing?.state === 'ready' && fs.existsSync(existing.path)) {
    note(`${EVENT}: entering the existing lane of task ${task} (${existing.path})`);
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
    note(`${EVENT}: added task ${task} to the plan for this worktree`);
  }
  const owner = sid ? sessionOwner(sid) : `claude-worktree:${task}`;
  const r = await startLane(project, { task_id: task, owner });
  note(`${EVENT}: lane ${r.branch} ready at ${r.path}${r.included.length ? `; copied ${r.included.join(', ')}` : ''}`);
  return r.path;
}

async function main(): Promise<number> {
  const read = await readHookInput();
  if (!read.ok) {
    note(`${EVENT}: ${read.why}; cannot create a worktree without its name.`);
    trace(EVENT, 'malformed');
    return 1;
  }
  const name = str(read.input, 'name');
  if (!name) {
    note(`${EVENT}: the input has no worktree name; nothing created.`);
    return 1;
  }
  const loc = locate(str(read.input, 'cwd'));
  if (!loc.ok) {
    note(`${EVENT}: ${loc.why}; Lanes creates worktrees only in git repositories.`);
    trace(EVENT, 'not-git');
    return 1;
  }
  const repo = await resolveRepo(loc.where.cwd);
  const stateful = hasState(loc.where);
  let cfg: LanesConfig | undefined;
  try {
    cfg = await loadConfig(repo.mainRoot, { repo });
  } catch (e) {
    if (stateful) {
      note(`${EVENT}: .lanes/config.json could not be loaded, so no worktree was created: ${errorMessage(e)}`);
      return 1;
    }
  }
  let wt: string;
  if (!stateful || !cfg || !cfg.worktrees.claude_worktree_hooks) {
    note(
      `${EVENT}: ${!stateful ? 'this repository does not use Lanes yet' : 'worktrees.claude_worktree_hooks is off'}; creating a plain Claude Code worktree (not a lane).`,
    );
    wt = await plainWorktree(repo, name, cfg, stateful);
    trace(EVENT, 'plain', { name, path: wt });
  } else {
    wt = await laneWorktree(await openProject(loc.where.cwd, repo), cfg, name, str(read.input, 'session_id'));
    trace(EVENT, 'lane', { name, path: wt });
  }
  emitLine(wt);
  return 0;
}

main().then(
  (code) => exit(code),
  (e: unknown) => {
    const msg = e instanceof Refused ? e.message : errorMessage(e);
    note(
      `${EVENT}: no worktree was created: ${msg}\n` +
        `(To let Claude Code create its worktrees without Lanes, set "worktrees": { "claude_worktree_hooks": false } in .lanes/config.json.)`,
    );
    trace(EVENT, 'error', { message: msg.slice(0, 300) });
    exit(1);
  },
);
