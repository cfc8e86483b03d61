/**
 * cleanup_lanes / `lanes cleanup`: removes lanes that are finished and lose nothing by going
 * (clean, no ignored files that matter, commits landed, task not in progress) and stale records
 * (directory missing, no unlanded commits); reports every other lane with the reason it stays.
 * The same assessment as remove_lane (assess.ts). Never runs a repo-wide prune.
 */
import path from 'node:path';
import { errorMessage } from '../../errors.js';
import { listWorktrees } from '../../git/worktree.js';
import { failpoint } from '../../util/failpoint.js';
import type { Project } from '../project/project.js';
import { readPlan } from '../plan/tasks.js';
import { LANES_DOC } from './model.js';
import { isInside, lanesDir } from './paths.js';
import { diskUsage } from './probe.js';
import { recoverOrphans } from './recover.js';
import { LIST_LIMIT } from './assess.js';
import { assessLane, describeCommits, describeIgnored, planTeardown, teardownLane } from './teardown.js';
import { safeText } from '../../util/escape.js';

export interface CleanupResult {
  removed: Array<{ task_id: string; path: string; reason: string; freed_bytes: number; backup_refs: string[] }>;
  kept: Array<{ task_id?: string; path: string; reason: string }>;
  freed_bytes: number;
  recovered: number;
  /** A dry run: `removed` lists what would be removed; nothing was changed. */
  dry_run?: boolean;
}

export async function cleanupLanes(project: Project, opts: { dryRun?: boolean } = {}): Promise<CleanupResult> {
  // A dry run changes nothing, so it does not roll crashed operations back either.
  const recovered = opts.dryRun ? [] : await recoverOrphans(project);
  const out: CleanupResult = {
    removed: [],
    kept: [],
    freed_bytes: 0,
    recovered: recovered.length,
    ...(opts.dryRun ? { dry_run: true } : {}),
  };
  const doc = (await project.store.read(LANES_DOC)).data;
  const { tasks } = await readPlan(project.store);
  for (const lane of Object.values(doc).sort((x, y) => x.task.localeCompare(y.task))) {
    const keep = (reason: string) => out.kept.push({ task_id: lane.task, path: lane.path, reason });
    if (lane.state === 'starting') {
      keep(`still being started by ${lane.owner}`);
      continue;
    }
    try {
      const t = Object.hasOwn(tasks, lane.task) ? tasks[lane.task] : undefined;
      const a = await assessLane(project, lane, t);
      if (a.blocked) {
        keep(a.blocked);
        continue;
      }
      if (a.unlanded.length) {
        const missing = a.exists
          ? ''
          : ` (directory missing; keep them with \`git branch <name> ${a.unlanded[0]!.short}\`, then run gc again)`;
        keep(
          `${a.unlanded.length}${a.unlanded.length >= LIST_LIMIT ? '+' : ''} commit(s) not landed on ${lane.target} and kept by no other ref${missing}:\n${describeCommits(a.unlanded)}`,
        );
        continue;
      }
      if (a.exists && a.dirty.length) {
        keep(`${a.dirty.length} uncommitted file(s), e.g. ${safeText(a.dirty[0]!.path)}`);
        continue;
      }
      if (a.ignored.length) {
        keep(
          `${a.ignored.length} ignored file(s) removal would delete (move them out, or list caches in worktrees.disposable_ignored):\n${describeIgnored(a.ignored)}`,
        );
        continue;
      }
      const stale = !a.exists;
      if (!stale && t?.status === 'in_progress' && !t.landed_as) {
        keep(`task in progress (owner ${safeText(t.owner ?? lane.owner)})`);
        continue;
      }
      const size = a.exists ? await diskUsage(lane.path) : 0;
      const done = opts.dryRun ? planTeardown(lane, a) : await teardownLane(project, lane, a);
      if (!opts.dryRun) await failpoint('lanes.gc.after-teardown');
      const why = stale
        ? 'stale record: directory missing, nothing unlanded'
        : lane.state === 'broken'
          ? 'broken lane with nothing to lose'
          : `finished (${a.landedBy === 'no-commits' ? 'no commits' : 'landed'}) and clean`;
      const reason = [why, ...(opts.dryRun ? [] : done.notes)].join('; ');
      out.removed.push({ task_id: lane.task, path: lane.path, reason, freed_bytes: size, backup_refs: done.backup_refs });
      out.freed_bytes += size;
    } catch (e) {
      keep(errorMessage(e));
    }
  }
  // Worktrees in the lanes directory that no lane record knows: reported, never removed.
  const cfg = await project.config();
  const dir = lanesDir(project.repo, cfg.worktrees.dir);
  const known = new Set(Object.values(doc).map((l) => l.path));
  for (const w of await listWorktrees(project.repo.mainRoot)) {
    if (known.has(w.path) || !isInside(dir, w.path) || w.path === dir) continue;
    out.kept.push({
      path: w.path,
      reason: `not a lane (no Lanes record)${w.branch ? ` on ${w.branch.replace(/^refs\/heads\//, '')}` : ''}; Lanes leaves it alone — remove it with git worktree remove if it is unneeded`,
    });
  }
  out.kept.sort((x, y) => path.basename(x.path).localeCompare(path.basename(y.path)));
  return out;
}
