/**
 * WorktreeRemove. The hook replaces Claude Code's own removal of the worktrees it made
 * (exiting a `--worktree` session with "remove", ExitWorktree, an unchanged isolated subagent).
 *
 * A lane goes only through removeLane, which refuses while the lane holds uncommitted work, ignored
 * files that are not caches, a git operation in progress, or commits (on its branch or a detached
 * HEAD) that have not landed: the lane is then KEPT, the hook says why on
 * stderr and exits 1, which Claude Code reports as "kept worktree at ...". A task Lanes added for
 * a Claude Code worktree is marked done once its lane is gone (nothing of it is left unlanded), so
 * it never shows up as ready work.
 *
 * Any other worktree gets what Claude Code would do, but safely: plain `git worktree remove` (git
 * refuses a dirty one) and `git branch -d` of its `worktree-*` branch (refused unless merged).
 */
import fs from 'node:fs';
import { openProject } from '../core/project/project.js';
import { LANES_DOC } from '../core/lanes/model.js';
import { errorMessage } from '../errors.js';
import { dropClaudeWorktree, removePlainWorktree } from '../core/lanes/claude-worktree.js';
import { readHookInput, str } from './lib/input.js';
import { exit, note, trace } from './lib/output.js';
import { hasState, locate, realish } from './lib/where.js';
import { restoreLaunchEnv } from '../system/launch-env.js';

const EVENT = 'WorktreeRemove';

const say = (m: string) => note(`${EVENT}: ${m}`);

async function main(): Promise<number> {
  const read = await readHookInput();
  if (!read.ok) {
    note(`${EVENT}: ${read.why}; nothing removed.`);
    trace(EVENT, 'malformed');
    return 1;
  }
  const given = str(read.input, 'worktree_path') ?? str(read.input, 'path');
  if (!given) {
    note(`${EVENT}: the input names no worktree_path; nothing removed.`);
    return 1;
  }
  const wt = realish(given);
  const loc = locate(fs.existsSync(wt) ? wt : str(read.input, 'cwd'));
  if (!loc.ok) {
    note(`${EVENT}: ${loc.why}; nothing removed.`);
    trace(EVENT, 'not-git');
    return fs.existsSync(wt) ? 1 : 0;
  }
  const w = loc.where;
  if (!hasState(w)) {
    const code = (await removePlainWorktree(w.mainRoot, wt, say)) ? 0 : 1;
    trace(EVENT, code === 0 ? 'plain-removed' : 'plain-kept', { path: wt });
    return code;
  }
  const project = await openProject(w.mainRoot);
  const lane = Object.values((await project.store.read(LANES_DOC)).data).find((l) => l.path === wt);
  if (!lane) {
    const code = (await removePlainWorktree(w.mainRoot, wt, say)) ? 0 : 1;
    trace(EVENT, code === 0 ? 'plain-removed' : 'plain-kept', { path: wt });
    return code;
  }
  try {
    const r = await dropClaudeWorktree(project, lane);
    note(
      `${EVENT}: removed the lane of task ${lane.task} (${r.landed_by}); branch ${r.deleted_branch ? 'deleted' : 'kept'}.${r.notes.map((n) => ` Kept: ${n}.`).join('')}`,
    );
  } catch (e) {
    note(`${EVENT}: kept the lane of task ${lane.task} at ${wt}: ${errorMessage(e)}`);
    trace(EVENT, 'kept', { lane: lane.task });
    return 1;
  }
  trace(EVENT, 'removed', { lane: lane.task });
  return 0;
}

restoreLaunchEnv();
main().then(
  (code) => exit(code),
  (e: unknown) => {
    note(`${EVENT}: internal error, nothing removed: ${errorMessage(e)}`);
    trace(EVENT, 'error');
    exit(1);
  },
);
