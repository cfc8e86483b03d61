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
  const hasCommits = await headHasCommit(worktreeRoot, commonDir);
  return { worktreeRoot, commonDir, mainRoot, stateDir: path.join(commonDir, 'lanes'), hasCommits };
}

/**
 * The Repo of a worktree whose paths are already known without git: the hooks find the worktree
 * top and the common dir by walking up to `.git` and following `commondir` (fs reads only), and
 * resolveRepo's `rev-parse` would spend two git processes (several ms each from a Node process
 * under load, measured) telling them again. `hasCommits` is read from the refs on disk when they
 * are plain; anything unusual (a reftable, a symbolic ref to a symbolic ref) asks git.
 */
export async function repoFromPaths(p: { worktreeRoot: string; commonDir: string; mainRoot: string }): Promise<Repo> {
  const worktreeRoot = fs.realpathSync(p.worktreeRoot);
  const commonDir = fs.realpathSync(p.commonDir);
  const hasCommits = await headHasCommit(worktreeRoot, commonDir);
  return { worktreeRoot, commonDir, mainRoot: p.mainRoot, stateDir: path.join(commonDir, 'lanes'), hasCommits };
}

/**
 * Whether the worktree's HEAD names a commit: from git's files when they are plain (no git
 * process), else from git. With GIT_DIR set the worktree's own .git is not what git reads.
 */
async function headHasCommit(worktreeRoot: string, commonDir: string): Promise<boolean> {
  const onDisk = process.env.GIT_DIR ? undefined : headHasCommitOnDisk(worktreeRoot, commonDir);
  if (onDisk !== undefined) return onDisk;
  const head = await git(worktreeRoot, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], { readOnly: true, okCodes: [1, 128] });
  return head.exitCode === 0;
}

const OID_RE = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/** Whether the worktree's HEAD names a commit, from the files git keeps; undefined when unsure. */
function headHasCommitOnDisk(worktreeRoot: string, commonDir: string): boolean | undefined {
  try {
    const dotGit = path.join(worktreeRoot, '.git');
    let gitDir = dotGit;
    if (fs.statSync(dotGit).isFile()) {
      const m = /^gitdir:\s*(.+?)\s*$/m.exec(fs.readFileSync(dotGit, 'utf8'));
      if (!m) return undefined;
      gitDir = path.resolve(worktreeRoot, m[1]!);
    }
    const head = fs.readFileSync(path.join(gitDir, 'HEAD'), 'utf8').trim();
    // A detached HEAD: an object id that a commit created (git never writes one otherwise).
    if (OID_RE.test(head)) return true;
    const ref = /^ref:\s*(refs\/heads\/\S+)$/.exec(head)?.[1];
    if (!ref || ref.includes('..')) return undefined;
    const loose = path.join(commonDir, ref);
    if (fs.existsSync(loose)) return OID_RE.test(fs.readFileSync(loose, 'utf8').trim()) ? true : undefined;
    let packed: string;
    try {
      packed = fs.readFileSync(path.join(commonDir, 'packed-refs'), 'utf8');
    } catch {
      packed = '';
    }
    if (packed.split('\n').some((l) => l.endsWith(` ${ref}`))) return true;
    // No such branch: an unborn HEAD, unless the refs live where we do not look (a reftable).
    return fs.existsSync(path.join(commonDir, 'reftable')) ? undefined : false;
  } catch {
    return undefined;
  }
}

/**
 * The git common dir of the worktree `dir` is in, as an absolute path (not a real path), or
 * undefined when `dir` is in no repository git can read.
 */
export async function commonDirOf(dir: string): Promise<string | undefined> {
  const r = await git(dir, ['rev-parse', '--git-common-dir'], { readOnly: true, okCodes: [128] });
  return r.exitCode === 0 ? path.resolve(dir, r.stdout.trim()) : undefined;
}
