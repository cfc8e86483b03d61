/** The checks a lane start makes before its first side effect, and the error it reports after a rollback. */
import { act } from '../hints/actions.js';
import { LanesError, errorMessage } from '../../errors.js';
import { refSha, resolveCommit } from '../../git/refs.js';
import { refExistsFiles } from '../../git/head-files.js';
import { conflictError, conflictsFor, parseClaimRequest, reclaimDoc, sane } from '../claims/tx.js';
import { CLAIMS_DOC } from '../claims/model.js';
import type { Project } from '../project/project.js';
import { laneBranch, laneRef, taskOwner } from './model.js';
import type { RollbackReport } from './recover.js';

export async function assertBranchFree(project: Project, task: string): Promise<void> {
  // Read from the ref files when they are plain (it runs under the 'git' lock, which parallel
  // starts queue on); git is asked for the tip only when the branch is there or the layout unusual.
  if (refExistsFiles(project.repo.commonDir, laneRef(task)) === false) return;
  const tip = await refSha(project.repo.mainRoot, laneRef(task));
  if (tip) {
    throw new LanesError('CONFLICT', `A branch ${laneBranch(task)} already exists (at ${tip.slice(0, 12)}).`, {
      hint: `It may hold earlier work for this task: land it, rename it (git branch -m ${laneBranch(task)} <new name>) or delete it once it is safe, then start the task again.`,
    });
  }
}

export async function noBase(project: Project, rev: string, explicit: boolean): Promise<LanesError> {
  if (!(await resolveCommit(project.repo.mainRoot, 'HEAD')) && !explicit) {
    return new LanesError('NOT_A_REPO', `The repository ${project.repo.mainRoot} has no commits yet.`, {
      hint: 'Commit something first (git commit --allow-empty -m "initial"); lanes branch off a commit.',
    });
  }
  return explicit
    ? new LanesError('INVALID_INPUT', `Base ${JSON.stringify(rev)} does not name a commit.`, {
        hint: 'Pass an existing branch, tag or commit id (a single revision, not a range).',
      })
    : new LanesError('INVALID_INPUT', `The target branch "${rev}" does not exist.`, {
        hint: 'Pass base explicitly, or set "target" in .lanes/config.json to an existing branch.',
      });
}

/**
 * Would the task's scope be claimable now? A lock-free look at the claims doc (the authoritative
 * all-or-nothing claim comes later, in a transaction), so a conflict is reported before anything is
 * made, without taking the state lock (12 starts at once would queue on it).
 */
export async function preflightScope(project: Project, task: string, files: string[], ttl: number, filePaths: string[]): Promise<void> {
  const req = parseClaimRequest({ owner: taskOwner(task), task, paths: files, file_paths: filePaths, mode: 'exclusive', ttl_seconds: ttl });
  // Across machines the snapshot is this clone's last view: only the remote's state may refuse.
  if (project.store.shared) return;
  const doc = (await project.store.read(CLAIMS_DOC)).data;
  if (!Array.isArray(doc.claims)) return;
  doc.claims = doc.claims.filter(sane);
  reclaimDoc(doc); // expired and dead holders do not count (this copy is never written)
  const conflicts = conflictsFor(doc.claims, req.id.owner, req.patterns, req.mode, req.files);
  if (conflicts.length) throw conflictError(conflicts, req.mode);
}

/** The original error, plus what its rollback had to keep. */
export function withRollback(e: unknown, report: RollbackReport): unknown {
  if (!report.kept && !report.error) return e;
  const note = report.error ? `Rolling back also failed: ${report.error}.` : `The half-made lane was kept: ${report.kept}.`;
  if (e instanceof LanesError) {
    return new LanesError(e.code, `${e.message}\n${note}`, {
      hint: e.hint ?? `See ${act('list_lanes')}.`,
      details: { ...e.details, rollback: report },
      cause: e.cause,
    });
  }
  return new LanesError('INTERNAL', `${errorMessage(e)}\n${note}`, {
    hint: `See ${act('list_lanes')}.`,
    cause: e,
    details: { rollback: report },
  });
}
