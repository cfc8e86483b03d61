/** Commits Lanes makes in a worktree the user or an agent works in. */
import { git, gitOut } from './exec.js';

/**
 * Hooks off (as for every commit Lanes makes, docs/safety.md rule 7) and signing off: these commits
 * run inside a hook's time budget and must never wait for a passphrase.
 */
const QUIET_COMMIT = ['-c', 'core.hooksPath=/dev/null', '-c', 'commit.gpgsign=false', '-c', 'gc.auto=0', '-c', 'maintenance.auto=false'];

export type CommitOnlyResult = { committed: true; sha: string } | { committed: false; reason: string };

/**
 * Commits exactly the paths `spec` names on the worktree's branch: `git add -- <spec>` then
 * `git commit --only -- <spec>`, so whatever else is modified or staged stays exactly as it was
 * (staged stays staged, unstaged stays unstaged). When the commit fails the index is put back as
 * it was found (e.g. "cannot do a partial commit during a merge"). `headAfter` reads the new HEAD
 * without a git process (the ref files, src/git/head-files.ts); when it cannot say, git is asked.
 */
export async function commitOnly(
  worktreeDir: string,
  spec: string,
  message: string,
  opts: { headAfter?: () => string | undefined } = {},
): Promise<CommitOnlyResult> {
  // Another git process (the agent's own commit) may hold index.lock for a moment: retry once.
  const run = async (args: string[]) => {
    let r = await git(worktreeDir, [...QUIET_COMMIT, ...args], { okCodes: [1, 128] });
    if (r.exitCode !== 0 && r.stderr.includes('index.lock')) {
      await new Promise((res) => setTimeout(res, 150));
      r = await git(worktreeDir, [...QUIET_COMMIT, ...args], { okCodes: [1, 128] });
    }
    return r;
  };
  const firstLine = (r: { stderr: string; stdout: string }) => (r.stderr.trim() || r.stdout.trim()).split('\n')[0] ?? '';
  const add = await run(['add', '--', spec]);
  if (add.exitCode !== 0) return { committed: false, reason: `git add failed: ${firstLine(add)}` };
  const c = await run(['commit', '--quiet', '--no-verify', '--no-edit', '-m', message, '--only', '--', spec]);
  if (c.exitCode !== 0) {
    await git(worktreeDir, ['reset', '--quiet', '--', spec], { okCodes: [1, 128] });
    return { committed: false, reason: `git commit failed: ${firstLine(c)}` };
  }
  return { committed: true, sha: opts.headAfter?.() ?? (await gitOut(worktreeDir, ['rev-parse', 'HEAD'], { readOnly: true })) };
}
