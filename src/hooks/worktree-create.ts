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
import { loadConfig } from '../core/config/load.js';
import { type LanesConfig } from '../core/config/schema.js';
import { openProject } from '../core/project/project.js';
import { errorMessage } from '../errors.js';
import { resolveRepo } from '../git/repo.js';
import { adoptClaudeWorktree, createPlainWorktree, taskIdFor } from '../core/lanes/claude-worktree.js';
import { readHookInput, str } from './lib/input.js';
import { emitLine, exit, note, trace } from './lib/output.js';
import { sessionOwner } from './lib/owner.js';
import { hasState, locate } from './lib/where.js';
import { restoreLaunchEnv } from '../system/launch-env.js';

const EVENT = 'WorktreeCreate';
const say = (m: string) => note(`${EVENT}: ${m}`);

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
    wt = await createPlainWorktree(repo, name, cfg?.worktrees.include_file ?? '.worktreeinclude', stateful, say);
    trace(EVENT, 'plain', { name, path: wt });
  } else {
    const sid = str(read.input, 'session_id');
    wt = await adoptClaudeWorktree(
      await openProject(loc.where.cwd, repo),
      cfg,
      name,
      sid ? sessionOwner(sid) : `claude-worktree:${taskIdFor(name)}`,
      say,
    );
    trace(EVENT, 'lane', { name, path: wt });
  }
  emitLine(wt);
  return 0;
}

restoreLaunchEnv();
main().then(
  (code) => exit(code),
  (e: unknown) => {
    const msg = errorMessage(e);
    note(
      `${EVENT}: no worktree was created: ${msg}\n` +
        `(To let Claude Code create its worktrees without Lanes, set "worktrees": { "claude_worktree_hooks": false } in .lanes/config.json.)`,
    );
    trace(EVENT, 'error', { message: msg.slice(0, 300) });
    exit(1);
  },
);
