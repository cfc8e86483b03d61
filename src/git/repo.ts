/**
 * Finding the repository a command runs in. Every worktree of a repository shares one git common
 * dir, and Lanes keeps its shared state there (`<common dir>/lanes`), so every lane sees the same
 * tasks, claims and queue.
 */
import path from 'node:path';
import fs from 'node:fs';
import { LanesError } from '../errors.js';
import { git } from './exec.js';

export interface Repo {
  /** Top of the worktree the command runs in (a lane, or the main checkout). */
  worktreeRoot: string;
  /** Absolute, real path of the git common dir (the main repository's .git). */
  commonDir: string;
  /** Top of the main worktree (where .claude/worktrees lives); for a bare repo, the common dir. */
  mainRoot: string;
  /** Where Lanes keeps shared state. */
  stateDir: string;
  /** Whether HEAD of the main repository has at least one commit. */
  hasCommits: boolean;
}

export async function resolveRepo(cwd: string): Promise<Repo> {
  if (!fs.existsSync(cwd)) {
    throw new LanesError('NOT_A_REPO', `Directory ${cwd} does not exist.`, { hint: 'Run Lanes from inside a git repository.' });
  }
  const r = await git(cwd, ['rev-parse', '--show-toplevel', '--git-common-dir', '--is-bare-repository'], {
    readOnly: true,
    okCodes: [128],
  });
  if (r.exitCode !== 0) {
    throw new LanesError('NOT_A_REPO', `${cwd} is not inside a git repository.`, {
      hint: 'Run Lanes from inside a git repository (git init, then commit something).',
    });
  }
  const lines = r.stdout.split('\n');
  const [top, common, bare] = [lines[0] ?? '', lines[1] ?? '', lines[2] ?? ''];
  if (bare === 'true' || !top) {
    throw new LanesError('NOT_A_REPO', `${cwd} is a bare repository or has no work tree.`, {
      hint: 'Run Lanes from a checkout of the repository, not from a bare repository or the .git directory.',
    });
  }
  const worktreeRoot = fs.realpathSync(top);
  const commonDir = fs.realpathSync(path.resolve(cwd, common));
  // For a normal repository the main worktree is the parent of the common dir (.git).
  const mainRoot = path.basename(commonDir) === '.git' ? path.dirname(commonDir) : worktreeRoot;
  const head = await git(worktreeRoot, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], {
    readOnly: true,
    okCodes: [1, 128],
  });
  return {
    worktreeRoot,
    commonDir,
    mainRoot,
    stateDir: path.join(commonDir, 'lanes'),
    hasCommits: head.exitCode === 0,
  };
}
