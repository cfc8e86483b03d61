/**
 * Did an agent finish its task? Only when it exited 0 AND its work is committed in the lane (the
 * lane branch has commits the target does not) AND the lane's tree is clean with no merge or rebase
 * in progress: the queue lands committed work only, so anything less is an attempt that did not
 * finish, and the next attempt is told exactly why.
 */
import { countCommits } from '../../git/log.js';
import { statusPorcelain } from '../../git/refs.js';
import { branchTip } from '../../git/head-files.js';
import type { Repo } from '../../git/repo.js';
import { operationInProgress } from '../../git/merge.js';
import { laneBranch } from '../lanes/model.js';
import type { AttemptOutcome } from './model.js';

export interface LaneCheck {
  /** The lane branch's tip the check looked at. */
  tip?: string;
  /** Commits on the lane branch that are not on the target. */
  ahead: number;
  /** Uncommitted entries ("M src/a.ts", "?? x"), at most 20. */
  dirty: string[];
  operation?: string;
}

export async function checkLane(
  repo: Pick<Repo, 'mainRoot' | 'commonDir'>,
  lanePath: string,
  task: string,
  target: string,
): Promise<LaneCheck> {
  const root = repo.mainRoot;
  // The tip and the lane's git dir from the files git keeps when plain (else from git).
  const tip = await branchTip(root, repo.commonDir, laneBranch(task));
  const [ahead, dirty, operation] = await Promise.all([
    tip ? countCommits(root, [tip, `^refs/heads/${target}`]) : Promise.resolve(0),
    statusPorcelain(lanePath).then((es) => es.map((e) => `${e.code} ${e.path}`)),
    operationInProgress(lanePath, repo.commonDir),
  ]);
  return { ...(tip ? { tip } : {}), ahead, dirty: dirty.slice(0, 20), ...(operation ? { operation } : {}) };
}

export interface Verdict {
  outcome: AttemptOutcome;
  reason?: string;
}

export function verdict(exit: { exitCode: number | null; signal: string | null; error?: string }, lane: LaneCheck | undefined): Verdict {
  if (exit.error)
    return {
      outcome: 'failed',
      reason: exit.error.startsWith('timed out') ? `the agent ${exit.error}` : `the agent could not be started: ${exit.error}`,
    };
  if (exit.signal) return { outcome: 'failed', reason: `the agent was killed by ${exit.signal}` };
  if (exit.exitCode !== 0) return { outcome: 'failed', reason: `the agent exited with code ${exit.exitCode}` };
  if (!lane) return { outcome: 'failed', reason: 'the lane could not be checked' };
  if (lane.operation) return { outcome: 'dirty', reason: `the agent exited 0 but left ${lane.operation} in progress in the lane` };
  if (lane.dirty.length)
    return {
      outcome: 'dirty',
      reason: `the agent exited 0 but left uncommitted changes: ${lane.dirty.slice(0, 8).join(', ')}${lane.dirty.length > 8 ? ', ...' : ''}`,
    };
  if (lane.ahead === 0) return { outcome: 'no-commit', reason: 'the agent exited 0 without committing any work in the lane' };
  return { outcome: 'finished' };
}
