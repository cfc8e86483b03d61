/**
 * HEAD and branches: which commit and branch a worktree is on, the main worktree's branch, the
 * tips of a family of branches (with their times, or by name below a prefix), deleting a branch
 * the way `git branch -d` allows. Reads pass `readOnly` (no optional locks, docs/safety.md rule 7).
 */
import { git, gitOut } from './exec.js';

/** The commit HEAD names, or undefined on an unborn branch. */
export async function headCommit(worktree: string): Promise<string | undefined> {
  const r = await git(worktree, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], { readOnly: true, okCodes: [1, 128] });
  return r.exitCode === 0 ? r.stdout.trim() : undefined;
}

/** The checked-out branch (short name), or undefined on a detached HEAD. */
export async function currentBranch(worktree: string): Promise<string | undefined> {
  const r = await git(worktree, ['symbolic-ref', '--quiet', '--short', 'HEAD'], { readOnly: true, okCodes: [1, 128] });
  return r.exitCode === 0 ? r.stdout.trim() || undefined : undefined;
}

/** Top of the worktree `dir` is in (as git prints it, not a real path). Throws outside a repository. */
/** `git rev-parse --absolute-git-dir` in `worktree`. */
export function absoluteGitDir(worktree: string): Promise<string> {
  return gitOut(worktree, ['rev-parse', '--absolute-git-dir'], { readOnly: true });
}

export function showToplevel(dir: string): Promise<string> {
  return gitOut(dir, ['rev-parse', '--show-toplevel'], { readOnly: true });
}

/**
 * The full ref the *main* worktree's HEAD points at (refs/heads/<b>), even when called for a lane:
 * `--git-dir=<common dir>` reads the main worktree's HEAD. Undefined when it is detached.
 */
export async function mainWorktreeHeadRef(commonDir: string): Promise<string | undefined> {
  const r = await git(commonDir, ['--git-dir', commonDir, 'symbolic-ref', '--quiet', 'HEAD'], { readOnly: true, okCodes: [1, 128] });
  return r.exitCode === 0 ? r.stdout.trim() : undefined;
}

/** Whether the branch `refs/heads/<branch>` exists in the repository of `commonDir`. */
export async function branchExists(commonDir: string, branch: string): Promise<boolean> {
  const r = await git(commonDir, ['--git-dir', commonDir, 'show-ref', '--verify', '--quiet', `refs/heads/${branch}`], {
    readOnly: true,
    okCodes: [1, 128],
  });
  return r.exitCode === 0;
}

/** Tip and committer time (ms) of every branch under `prefix` (e.g. refs/heads/lanes/), by short name, in one git call. */
export async function branchTips(cwd: string, prefix: string): Promise<Map<string, { sha: string; time: number }>> {
  const out = (
    await git(cwd, ['for-each-ref', '--format=%(refname:short)%00%(objectname)%00%(committerdate:unix)', prefix], {
      readOnly: true,
    })
  ).stdout;
  const tips = new Map<string, { sha: string; time: number }>();
  for (const line of out.split('\n')) {
    const [name, sha, time] = line.split('\0');
    if (name && sha) tips.set(name, { sha, time: Number(time) * 1000 || 0 });
  }
  return tips;
}

/**
 * Every ref under `prefix` (a full ref prefix ending in "/", e.g. refs/heads/lanes/) as its name
 * below the prefix and its sha, in git's order, in one git call: refs/heads/lanes/api -> api.
 */
export async function refsUnder(cwd: string, prefix: string): Promise<Array<{ name: string; sha: string }>> {
  const strip = prefix.split('/').filter(Boolean).length;
  const out = await gitOut(cwd, ['for-each-ref', `--format=%(refname:lstrip=${strip})%00%(objectname)`, prefix], { readOnly: true });
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [name = '', sha = ''] = line.split('\0');
      return { name, sha };
    });
}

/**
 * `git branch -d`: deletes a branch only when git considers it merged. Returns git's refusal (its
 * first line) instead of throwing.
 */
export async function deleteMergedBranch(cwd: string, branch: string): Promise<{ ok: true } | { ok: false; reason: string }> {
  const d = await git(cwd, ['branch', '-d', '--', branch], { okCodes: [1] });
  return d.exitCode === 0 ? { ok: true } : { ok: false, reason: d.stderr.trim().split('\n')[0] ?? '' };
}
