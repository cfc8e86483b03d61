/**
 * What a lane's agent must still do before it stops: uncommitted work (always checked, whatever
 * the protocol says) and every failing `session.end` item of .lanes/config.json. The session's own
 * note is not "uncommitted work": Lanes writes it all session long and commits it itself.
 * A config that cannot be loaded does not keep an agent from stopping; it is reported on stderr.
 *
 * Every git process costs several ms here, and this runs at every stop: the repository comes from
 * the paths the hook already found, and when the protocol has its own "tree committed" check (the
 * default one does) its `git status` is the only one; ours runs only when the protocol has none or
 * could not run.
 */
import { pushWork } from '../../core/remote/work.js';
import { refSha } from '../../git/refs.js';
import fs from 'node:fs';
import { openProject } from '../../core/project/project.js';
import type { LaneRecord } from '../../core/lanes/model.js';
import { checkProtocol } from '../../core/sessions/protocol.js';
import { ownedNotePaths, readSessions } from '../../core/sessions/records.js';
import { errorMessage } from '../../errors.js';
import { statusPorcelain } from '../../git/refs.js';
import { repoFromPaths } from '../../git/repo.js';
import { withConfigMemo } from '../lib/config-memo.js';
import type { Where } from '../lib/where.js';

export interface Missing {
  items: string[];
  /** Why some checks could not run (stderr only). */
  problems: string[];
}

export async function missingItems(lane: LaneRecord, sessionId: string | undefined, w: Where): Promise<Missing> {
  const out: Missing = { items: [], problems: [] };
  if (!fs.existsSync(lane.path)) return out; // landed and removed: nothing left to do here
  // The lane is a worktree of the repository whose state named it: w's common dir.
  const repo = await repoFromPaths({ worktreeRoot: lane.path, commonDir: w.commonDir, mainRoot: w.mainRoot });
  const project = withConfigMemo(await openProject(lane.path, repo));
  const doc = await readSessions(project.store);
  const mine = Object.values(doc)
    .filter((r) => r.status === 'active' && r.worktree === lane.path && sessionId !== undefined && r.key === sessionId)
    .sort((a, b) => b.started.localeCompare(a.started))[0];
  let treeReported = false;
  let treeChecked = false;
  try {
    treeChecked = (await project.config()).session.end.some((i) => i.check.kind === 'tree_committed');
    const proto = await checkProtocol(project, lane.path, 'end', mine?.id);
    for (const i of proto.items) {
      if (i.ok) continue;
      if (i.id === 'tree-committed' || /uncommitted/.test(i.detail)) treeReported = true;
      out.items.push(`${i.description} — ${i.detail.split('\n').slice(0, 6).join(' ')}`);
    }
  } catch (e) {
    treeChecked = false;
    out.problems.push(`the session protocol could not be checked: ${errorMessage(e).split('\n')[0]}`);
  }
  await shareWork(project, lane, out);
  if (treeChecked) return out; // the protocol's own status found the tree clean, or reported it
  const owned = ownedNotePaths(doc, lane.path);
  const dirty = (await statusPorcelain(lane.path)).filter((e) => !owned.has(e.path));
  if (dirty.length && !treeReported) {
    const shown = dirty.slice(0, 10).map((e) => `${e.path} (${e.code.trim() === '??' ? 'untracked' : e.code.trim()})`);
    out.items.unshift(
      `Commit (or discard) your changes — ${dirty.length} uncommitted: ${shown.join(', ')}${dirty.length > 10 ? ', ...' : ''}.`,
    );
  }
  return out;
}

/**
 * Across machines (shared state on a remote), the lane's commits go to refs/lanes/work/<task> at
 * every stop, so another machine can take the task over with the work so far if this one dies.
 * Best effort: a push that fails is said on stderr and never blocks the stop.
 */
async function shareWork(project: Awaited<ReturnType<typeof openProject>>, lane: LaneRecord, out: Missing): Promise<void> {
  if (!project.store.shared) return;
  try {
    const tip = await refSha(project.repo.mainRoot, `refs/heads/${lane.branch}`);
    if (tip && tip !== lane.base) await pushWork(project, lane.task, tip);
  } catch (e) {
    out.problems.push(`the lane's work could not be pushed to the remote: ${errorMessage(e).split('\n')[0]}`);
  }
}
