/**
 * The git side of the merge queue, done off to the side (docs/safety.md rule 6): conflict checks
 * with `git merge-tree --write-tree` (no index, no worktree), merge and squash commits built with
 * merge-tree + commit-tree (no worktree at all), and a private integration worktree on a detached
 * HEAD only where git 2.39 needs one: rebases, reverts (merge-tree learned --merge-base in 2.40)
 * and running gates. Every command that could create a commit runs with repository hooks disabled
 * and automatic gc off (rule 6).
 */
import { worktreeGitDir } from './head-files.js';
import { absoluteGitDir } from './head.js';
import fs from 'node:fs';
import path from 'node:path';
import { LanesError } from '../errors.js';
import { git, gitOut } from './exec.js';
import type { Repo } from './repo.js';
import { isSha } from './refs.js';
import { MIN_GIT, atLeast, gitVersion, showVersion } from './version.js';
import { forceRemoveWorktree, removeAdminEntry, worktreeOperation } from './worktree.js';

/** Disables hooks (an agent's lane must not run code in the processor) and gc for commits we make. */
export const SAFE = ['-c', 'core.hooksPath=/dev/null', '-c', 'gc.auto=0'];

let versionChecked: Promise<void> | undefined;

/** merge-tree --write-tree arrived in git 2.38: refuse clearly on older git, once per process. */
export function assertMergeTreeGit(_cwd: string): Promise<void> {
  versionChecked ??= (async () => {
    const v = await gitVersion();
    const [maj, min] = MIN_GIT;
    if (!atLeast(v)) {
      throw new LanesError(
        'UNSUPPORTED',
        `The merge queue needs git >= ${maj}.${min} for \`git merge-tree --write-tree\`; this is git ${showVersion(v)}.`,
        {
          hint: `Upgrade git to ${maj}.${min} or newer (lanes doctor checks it).`,
        },
      );
    }
  })().catch((e) => {
    versionChecked = undefined;
    throw e;
  });
  return versionChecked;
}

export type MergeCheck = { clean: true; tree: string } | { clean: false; files: string[] };

/** Would merging `b` into `a` conflict? Touches no index or worktree. */
export async function mergeCheck(cwd: string, a: string, b: string): Promise<MergeCheck> {
  const r = await git(cwd, ['merge-tree', '--write-tree', '--name-only', '--no-messages', '-z', a, b], { okCodes: [1] });
  const parts = r.stdout.split('\0');
  const tree = parts[0] ?? '';
  if (r.exitCode === 0 && isSha(tree)) return { clean: true, tree };
  const files: string[] = [];
  for (const p of parts.slice(1)) {
    if (p === '') break;
    files.push(p);
  }
  return { clean: false, files: [...new Set(files)] };
}

/**
 * Many conflict checks in one git process (`merge-tree --stdin`; docs/performance.md: 0.3–0.4 ms each).
 * Returns the conflicting files per pair, [] when the pair merges cleanly.
 */
export async function mergeCheckMany(cwd: string, pairs: Array<[string, string]>): Promise<string[][]> {
  if (pairs.length === 0) return [];
  const input = pairs.map(([a, b]) => `${a} ${b}\n`).join('');
  const out = (await git(cwd, ['merge-tree', '--stdin', '--name-only', '--no-messages'], { input, readOnly: true })).stdout;
  const parts = out.split('\0');
  const results: string[][] = [];
  let i = 0;
  while (results.length < pairs.length && i < parts.length) {
    const status = parts[i++];
    i++; // tree
    const files: string[] = [];
    while (i < parts.length && parts[i] !== '') files.push(parts[i++]!);
    i++; // the empty string that ends the file list
    results.push(status === '1' ? [] : [...new Set(files)]);
  }
  while (results.length < pairs.length) results.push([]);
  return results;
}

export interface Ident {
  name: string;
  email: string;
  date: string;
}

/** Author of a commit, to keep on a squash commit. */
export async function authorOf(cwd: string, commit: string): Promise<Ident> {
  const [name = '', email = '', date = ''] = (
    await gitOut(cwd, ['log', '-1', '--format=%an%x00%ae%x00%aI', commit, '--'], { readOnly: true })
  ).split('\0');
  return { name, email, date };
}

let identityEnv: Promise<Record<string, string>> | undefined;

/**
 * Commits need a committer. When the user has configured none (a fresh CI box), integration
 * commits are made as "Lanes" rather than failing with git's "Please tell me who you are".
 */
export function committerEnv(cwd: string): Promise<Record<string, string>> {
  const p =
    identityEnv ??
    git(cwd, ['var', 'GIT_COMMITTER_IDENT'], { readOnly: true, okCodes: [128] }).then((r): Record<string, string> =>
      r.exitCode === 0
        ? {}
        : {
            GIT_COMMITTER_NAME: 'Lanes',
            GIT_COMMITTER_EMAIL: 'lanes@localhost',
            GIT_AUTHOR_NAME: 'Lanes',
            GIT_AUTHOR_EMAIL: 'lanes@localhost',
          },
    );
  identityEnv = p;
  return p;
}

export async function commitTree(cwd: string, tree: string, parents: string[], message: string, author?: Ident): Promise<string> {
  const env: Record<string, string> = { ...(await committerEnv(cwd)) };
  if (author?.name) Object.assign(env, { GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email, GIT_AUTHOR_DATE: author.date });
  const args = [...SAFE, 'commit-tree', tree, ...parents.flatMap((p) => ['-p', p]), '-F', '-'];
  const sha = await gitOut(cwd, args, { env, input: message });
  if (!isSha(sha))
    throw new LanesError('GIT', `git commit-tree printed ${JSON.stringify(sha.slice(0, 80))}, not a commit id.`, {
      hint: 'Run `git fsck` and retry.',
    });
  return sha;
}

/** Commits on `tip` that are not on `base`, oldest first (merges skipped, as a rebase does). */
export async function commitsToReplay(cwd: string, base: string, tip: string): Promise<string[]> {
  const out = await gitOut(cwd, ['rev-list', '--reverse', '--no-merges', tip, `^${base}`], { readOnly: true });
  return out ? out.split('\n') : [];
}

export async function subjects(cwd: string, base: string, tip: string, limit = 20): Promise<string[]> {
  const out = await gitOut(cwd, ['log', `--max-count=${limit}`, '--format=%s', tip, `^${base}`, '--'], { readOnly: true });
  return out ? out.split('\n') : [];
}

export async function isMergeCommit(cwd: string, commit: string): Promise<boolean> {
  const r = await git(cwd, ['rev-parse', '--verify', '--quiet', `${commit}^2`], { readOnly: true, okCodes: [1, 128] });
  return r.exitCode === 0;
}

/**
 * `git merge --ff-only <commit>` in the worktree `worktree` (hooks off): moves its branch and its
 * files forward, or refuses (no fast-forward possible, files in the way) touching nothing.
 * `reflogAction` is what the branch's reflog records. Git's refusal comes back as `output`, not
 * thrown; the caller reads the ref to tell what happened.
 */
export async function fastForward(worktree: string, commit: string, reflogAction: string): Promise<{ ok: boolean; output: string }> {
  const r = await git(worktree, [...SAFE, 'merge', '--ff-only', '--quiet', '--no-edit', commit], {
    okCodes: [1, 128],
    env: { GIT_REFLOG_ACTION: reflogAction },
  });
  return { ok: r.exitCode === 0, output: (r.stderr || r.stdout).trim() };
}

/** What git has in progress in a worktree (a rebase, a merge...), or undefined. */
export async function operationInProgress(worktree: string, commonDir?: string): Promise<string | undefined> {
  // With the repository's common dir known, the git dir comes from the worktree's `.git` when plain.
  return worktreeOperation(commonDir ? await worktreeGitDir(worktree, commonDir) : await absoluteGitDir(worktree));
}

/** Files with conflicts in an integration worktree after a failed rebase/revert. */
async function unmergedFiles(worktree: string): Promise<string[]> {
  const out = await gitOut(worktree, ['diff', '--name-only', '--diff-filter=U', '-z'], { okCodes: [1, 128] });
  return [...new Set(out.split('\0').filter(Boolean))];
}

// ---------------------------------------------------------------------------------------------
// The private integration worktree

/**
 * `<common dir>/lanes/integration`: where earlier versions made a worktree per processor run.
 * Nothing is made there any more (a path under `.git/` breaks test suites that refuse dot
 * segments); recovery still removes what is left there.
 */
export function integrationRoot(repo: Repo): string {
  return path.join(repo.stateDir, 'integration');
}

/**
 * A private worktree on a detached HEAD. Created under the 'git' lock by the caller; no branch, no
 * lock file (it lives only as long as one processor run, and recovery removes leftovers).
 */
export async function addIntegrationWorktree(repo: Repo, dir: string, commit: string): Promise<void> {
  fs.mkdirSync(path.dirname(dir), { recursive: true, mode: 0o700 });
  await git(repo.mainRoot, [...SAFE, '-c', 'checkout.workers=0', 'worktree', 'add', '--quiet', '--detach', '--', dir, commit]);
}

/** A gitignore pattern matching exactly `rel` from the top (`/node_modules/`). */
function exactPattern(rel: string): string {
  return `/${rel.replace(/[\\*?[\]!# ]/g, (c) => `\\${c}`)}`;
}

/**
 * Points the integration worktree at `commit` with a clean tree: every untracked file goes,
 * ignored ones too (a gate's build output must not leak into the next candidate), except the
 * paths setup made (`keep`, e.g. node_modules/), which are excluded from the clean.
 */
export async function resetIntegration(dir: string, commit: string, keep: readonly string[] = []): Promise<void> {
  await git(dir, [...SAFE, 'checkout', '--quiet', '--force', '--detach', commit]);
  await git(dir, ['clean', '-ffdxq', ...keep.flatMap((k) => ['-e', exactPattern(k)])]);
}

/**
 * Removes an integration worktree. It is ours alone and gates leave build output in it, so it is
 * removed with --force: rule 1 protects user work, and there is none here. Call under the 'git'
 * lock. A directory git no longer knows is deleted directly, but only below integrationRoot.
 */
export async function removeIntegrationWorktree(repo: Repo, dir: string): Promise<void> {
  const root = integrationRoot(repo);
  const rel = path.relative(root, dir);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new LanesError('INTERNAL', `Refusing to remove ${dir}: not an integration worktree under ${root}.`);
  }
  await forceRemoveWorktree(repo.mainRoot, dir);
  if (fs.existsSync(dir)) fs.rmSync(dir, { recursive: true, force: true });
  // The admin entry of a directory that vanished without `worktree remove`: drop just that one
  // (every one, should git ever have recorded the path twice).
  while (removeAdminEntry(repo.commonDir, dir));
}

export type ReplayResult = { ok: true; commit: string } | { ok: false; files: string[]; message: string };

/** Rebases the commits of `tip` not on `base` onto `base`, in the integration worktree. */
export async function rebaseOnto(dir: string, base: string, tip: string, keep: readonly string[] = []): Promise<ReplayResult> {
  await resetIntegration(dir, tip, keep);
  const env = await committerEnv(dir);
  // --no-fork-point: the upstream is an exact commit; commits already on base are dropped, as are
  // commits that become empty (rebase's default).
  const r = await git(dir, [...SAFE, 'rebase', '--quiet', '--no-autostash', '--no-fork-point', '--no-update-refs', base], {
    env,
    okCodes: [1, 128],
  });
  if (r.exitCode === 0) return { ok: true, commit: await gitOut(dir, ['rev-parse', 'HEAD']) };
  const files = await unmergedFiles(dir);
  await git(dir, ['rebase', '--abort'], { okCodes: [1, 128] });
  return { ok: false, files, message: (r.stderr || r.stdout).trim().slice(-2000) };
}

/**
 * A revert commit on top of `base` undoing `from..as` (one merge or squash commit, or a rebased
 * series), in the integration worktree.
 */
export async function revertOnto(
  dir: string,
  base: string,
  undo: { landed_as: string; landed_from?: string },
  message: string,
  keep: readonly string[] = [],
): Promise<ReplayResult> {
  await resetIntegration(dir, base, keep);
  const env = await committerEnv(dir);
  const merge = await isMergeCommit(dir, undo.landed_as);
  const range =
    !merge && undo.landed_from && undo.landed_from !== undo.landed_as ? `${undo.landed_from}..${undo.landed_as}` : undo.landed_as;
  const r = await git(dir, [...SAFE, 'revert', '--no-edit', '--no-commit', ...(merge ? ['-m', '1'] : []), range], {
    env,
    okCodes: [1, 128],
  });
  if (r.exitCode !== 0) {
    const files = await unmergedFiles(dir);
    await git(dir, ['revert', '--abort'], { okCodes: [1, 128] });
    await resetIntegration(dir, base, keep);
    return { ok: false, files, message: (r.stderr || r.stdout).trim().slice(-2000) };
  }
  const staged = await git(dir, ['diff', '--cached', '--quiet'], { okCodes: [1] });
  if (staged.exitCode === 0) {
    await git(dir, ['revert', '--quit'], { okCodes: [1, 128] });
    return { ok: false, files: [], message: 'the revert changes nothing: the landing is already undone on the target' };
  }
  await git(dir, [...SAFE, 'commit', '--quiet', '--no-verify', '-F', '-'], { env, input: message });
  await git(dir, ['revert', '--quit'], { okCodes: [1, 128] });
  return { ok: true, commit: await gitOut(dir, ['rev-parse', 'HEAD']) };
}
