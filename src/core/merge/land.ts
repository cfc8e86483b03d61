/**
 * Advancing the target: the only shared mutation of a landing (docs/safety.md rules 5 and 6).
 *
 * - Not checked out anywhere: `git update-ref -m "lanes: land <task>" refs/heads/<target> <new> <old>`,
 *   a compare-and-swap (measured: of 8 racing updates from one old value, exactly one wins).
 * - Checked out in a worktree (usually the main checkout): update-ref alone would make that checkout
 *   look as if it reverted the change, so it is fast-forwarded there with `merge --ff-only` when its
 *   tracked files are clean, after checking the branch is still at <old>; git's own ref transaction
 *   then refuses if it moved in between. A dirty checkout is refused with a clear error and never
 *   touched (no autostash, ever).
 *
 * Both run under the repository 'git' lock (rule 3).
 */
import { branchTip } from '../../git/head-files.js';
import fs from 'node:fs';
import path from 'node:path';
import { LanesError } from '../../errors.js';
import type { Repo } from '../../git/repo.js';
import { refSha, statusPorcelain, updateRefCas } from '../../git/refs.js';
import { withGitLock } from '../lanes/gitlock.js';
import { fastForward, operationInProgress } from '../../git/merge.js';

export type AdvanceResult = { ok: true; checkout?: string } | { ok: false; moved: string | undefined };

/**
 * The worktree that has `target` checked out, if any. Read from the HEAD files git itself reads
 * (`<common dir>/HEAD`, `<common dir>/worktrees/<name>/HEAD`) rather than by running
 * `git worktree list`: this is on every landing's path, and a process spawn costs more than the
 * whole lookup.
 */
export async function targetCheckout(repo: Repo, target: string): Promise<string | undefined> {
  const want = `ref: refs/heads/${target}`;
  const head = (dir: string) => {
    try {
      return fs.readFileSync(path.join(dir, 'HEAD'), 'utf8').trim();
    } catch {
      return undefined;
    }
  };
  if (head(repo.commonDir) === want && repo.mainRoot !== repo.commonDir) return repo.mainRoot;
  const admin = path.join(repo.commonDir, 'worktrees');
  let names: string[] = [];
  try {
    names = fs.readdirSync(admin);
  } catch {
    return undefined;
  }
  for (const n of names) {
    if (head(path.join(admin, n)) !== want) continue;
    try {
      const gitdir = fs.readFileSync(path.join(admin, n, 'gitdir'), 'utf8').trim();
      const wt = path.dirname(gitdir);
      if (fs.existsSync(wt)) return wt;
    } catch {
      // an entry being created or removed
    }
  }
  return undefined;
}

/**
 * Throws UNSAFE when the checkout of the target has uncommitted changes to tracked files or an
 * operation in progress. Untracked files are the user's too: git refuses to overwrite them, and
 * that refusal is reported the same way.
 */
export async function assertCheckoutClean(worktree: string, target: string, commonDir?: string): Promise<void> {
  const [op, status] = await Promise.all([operationInProgress(worktree, commonDir), statusPorcelain(worktree)]);
  const changed = status.filter((e) => e.code !== '??');
  if (!op && changed.length === 0) return;
  const files = changed.slice(0, 10).map((e) => e.path);
  const what = op ? `${op} in progress` : `uncommitted changes (${files.join(', ')}${changed.length > 10 ? ', ...' : ''})`;
  throw new LanesError(
    'UNSAFE',
    `The target branch ${target} is checked out in ${worktree} with ${what}; nothing landed and nothing there was touched.`,
    {
      hint: `Commit, stash or discard those changes in ${worktree} (or check out another branch there), then run the merge queue again (lanes merge run). Lanes never stashes your edits.`,
      details: { worktree, files, operation: op },
    },
  );
}

export async function advanceTarget(repo: Repo, target: string, oldSha: string, newSha: string, message: string): Promise<AdvanceResult> {
  const ref = `refs/heads/${target}`;
  return withGitLock(repo, `merge queue: ${message}`, async () => {
    const wt = await targetCheckout(repo, target);
    if (!wt) {
      // The compare-and-swap itself checks <old>: no separate read.
      if (await updateRefCas(repo.mainRoot, ref, newSha, oldSha, message)) return { ok: true };
      return { ok: false, moved: await refSha(repo.mainRoot, ref) };
    }
    // Under the 'git' lock; the target's tip from the files git keeps when plain (else from git).
    const cur = await branchTip(repo.mainRoot, repo.commonDir, target);
    if (cur !== oldSha) return { ok: false, moved: cur };
    await assertCheckoutClean(wt, target, repo.commonDir);
    const ff = await fastForward(wt, newSha, message);
    const after = await branchTip(repo.mainRoot, repo.commonDir, target);
    if (after === newSha) return { ok: true, checkout: wt };
    if (after !== oldSha) return { ok: false, moved: after };
    throw new LanesError(
      'UNSAFE',
      `Could not fast-forward ${target} in its checkout ${wt}: ${ff.output.replace(/^(error|fatal): /gm, '')}`,
      {
        hint: `Nothing landed and nothing in ${wt} was touched. Move the files git names out of the way (or commit them), then run the merge queue again.`,
        details: { worktree: wt },
      },
    );
  });
}
