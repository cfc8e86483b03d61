/**
 * Small git plumbing wrappers for refs, commits and status, one `async fn(cwd, ...)` each.
 * Revisions that may come from a user go to git after `--end-of-options` (docs/safety.md rule 15);
 * refs we build ourselves from slugs are full `refs/...` names, which git can never read as options.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LanesError } from '../errors.js';
import { git, gitOut } from './exec.js';
import { treeOf } from './tree.js';

export const ZERO_SHA = '0000000000000000000000000000000000000000';
const SHA_RE = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

export function isSha(s: string): boolean {
  return SHA_RE.test(s);
}

/**
 * Lexical check of a revision a user or agent typed (`main`, `HEAD~2`, a sha). Anything git could
 * read as an option, and control characters, are refused before git sees them; git itself then
 * decides whether the revision exists.
 */
export function revInputProblem(rev: string): string | undefined {
  if (rev.length === 0) return 'is empty';
  if (rev.length > 255) return 'is longer than 255 characters';
  if (rev.startsWith('-')) return 'starts with "-" (it would be read as an option)';
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(rev)) return 'contains control characters';
  return undefined;
}

/** The commit a revision names, or undefined when it names none (ranges like a..b name none). */
export async function resolveCommit(cwd: string, rev: string): Promise<string | undefined> {
  const problem = revInputProblem(rev);
  if (problem)
    throw new LanesError('INVALID_INPUT', `Invalid revision ${JSON.stringify(rev.slice(0, 80))}: it ${problem}.`, {
      hint: 'Pass a branch name, tag or commit id.',
    });
  const r = await git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], {
    readOnly: true,
    okCodes: [1, 128],
  });
  const sha = r.stdout.trim();
  return r.exitCode === 0 && isSha(sha) ? sha : undefined;
}

/** The sha a full ref points at, or undefined when it does not exist. */
export async function refSha(cwd: string, ref: string): Promise<string | undefined> {
  const r = await git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', ref], { readOnly: true, okCodes: [1, 128] });
  const sha = r.stdout.trim();
  return r.exitCode === 0 && isSha(sha) ? sha : undefined;
}

/** Whether `ref` (a full ref name such as refs/heads/lanes/x) is well formed for git. */
export async function checkRefFormat(cwd: string, ref: string): Promise<boolean> {
  if (!ref.startsWith('refs/')) return false;
  const r = await git(cwd, ['check-ref-format', ref], { readOnly: true, okCodes: [1] });
  return r.exitCode === 0;
}

/** Creates `ref` at `sha` only if it does not exist yet (old value all zeros). False when it exists. */
export async function createRef(cwd: string, ref: string, sha: string, message: string): Promise<boolean> {
  const r = await git(cwd, ['update-ref', '-m', message, ref, sha, ZERO_SHA], { okCodes: [1, 128] });
  return r.exitCode === 0;
}

/**
 * Moves `ref` from `oldSha` to `newSha` only if it still points at `oldSha` (compare-and-swap, one
 * ref transaction: of racing updates from one old value exactly one wins). False, changing
 * nothing, when the ref moved or is gone.
 */
export async function updateRefCas(cwd: string, ref: string, newSha: string, oldSha: string, message: string): Promise<boolean> {
  const r = await git(cwd, ['update-ref', '-m', message, ref, newSha, oldSha], { okCodes: [1, 128] });
  return r.exitCode === 0;
}

/**
 * Deletes `ref` only if it still points at `expected` (compare-and-swap, docs/safety.md rule 1).
 * Returns false, deleting nothing, when the ref moved or is gone.
 */
export async function deleteRefCas(cwd: string, ref: string, expected: string): Promise<boolean> {
  if (!isSha(expected)) throw new LanesError('INTERNAL', `deleteRefCas needs a full sha, got ${JSON.stringify(expected)}`);
  const r = await git(cwd, ['update-ref', '-d', ref, expected], { okCodes: [1, 128] });
  return r.exitCode === 0;
}

/** Whether commit `a` is an ancestor of (or equal to) commit `b`. */
export async function isAncestor(cwd: string, a: string, b: string): Promise<boolean> {
  const r = await git(cwd, ['merge-base', '--is-ancestor', a, b], { readOnly: true, okCodes: [1] });
  return r.exitCode === 0;
}

/** Commits on `tip` not on `upstream` (ahead) and on `upstream` not on `tip` (behind). */
export async function aheadBehind(cwd: string, tip: string, upstream: string): Promise<{ ahead: number; behind: number }> {
  const out = await gitOut(cwd, ['rev-list', '--left-right', '--count', `${tip}...${upstream}`], { readOnly: true });
  const [a, b] = out.split(/\s+/).map((n) => Number.parseInt(n, 10));
  return { ahead: a ?? 0, behind: b ?? 0 };
}

export interface CommitSummary {
  sha: string;
  short: string;
  subject: string;
}

/** `git log --format=%H%x00%h%x00%s` output, parsed. */
function summaries(out: string): CommitSummary[] {
  if (!out) return [];
  return out.split('\n').map((line) => {
    const [sha = '', short = '', subject = ''] = line.split('\0');
    return { sha, short, subject };
  });
}

/** Commits reachable from `tip` but not from any of `exclude`, newest first, at most `limit`. */
export async function commitsNotIn(cwd: string, tip: string, exclude: string[], limit = 50): Promise<CommitSummary[]> {
  const out = await gitOut(cwd, ['log', `--max-count=${limit}`, '--format=%H%x00%h%x00%s', tip, ...exclude.map((e) => `^${e}`), '--'], {
    readOnly: true,
  });
  return summaries(out);
}

/** Committer time of a commit, in ms since the epoch. */
export async function commitTimeMs(cwd: string, rev: string): Promise<number> {
  const out = await gitOut(cwd, ['log', '-1', '--format=%ct', rev, '--'], { readOnly: true });
  return Number.parseInt(out, 10) * 1000;
}

export interface StatusEntry {
  /** Two-letter porcelain code: " M", "??", "R ", ... */
  code: string;
  path: string;
  /** For renames and copies: the path it came from. */
  from?: string;
}

/**
 * `git status --porcelain -z` of a worktree, untracked files listed one by one. Ignored files are
 * left out, exactly as `git worktree remove` leaves them out when it decides a tree is clean.
 * `collapseUntracked` lists an untracked directory as one `dir/` entry instead, so polling a lane
 * with a big unignored directory stays cheap. Read-only: GIT_OPTIONAL_LOCKS=0, so polling never
 * collides with an agent's commit.
 */
export async function statusPorcelain(
  worktree: string,
  opts: { collapseUntracked?: boolean; trackedOnly?: boolean } = {},
): Promise<StatusEntry[]> {
  const untracked = opts.trackedOnly
    ? '--untracked-files=no'
    : opts.collapseUntracked
      ? '--untracked-files=normal'
      : '--untracked-files=all';
  const out = (await git(worktree, ['status', '--porcelain=v1', '-z', untracked, '--ignore-submodules=none'], { readOnly: true })).stdout;
  const parts = out.split('\0');
  const entries: StatusEntry[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p.length < 4) continue;
    const code = p.slice(0, 2);
    const e: StatusEntry = { code, path: p.slice(3) };
    if (code[0] === 'R' || code[0] === 'C') {
      const from = parts[++i];
      if (from !== undefined) e.from = from;
    }
    entries.push(e);
  }
  return entries;
}

/** `git stash create` in a worktree: a commit holding its tracked changes, without touching it. */
export async function stashCreate(worktree: string, message: string): Promise<string | undefined> {
  const sha = await gitOut(worktree, ['stash', 'create', message]);
  return isSha(sha) ? sha : undefined;
}

/**
 * A commit (parent HEAD) of everything in a worktree that is not ignored, untracked files
 * included, built through a throwaway index so the worktree and its own index stay untouched.
 * `git stash create` cannot include untracked files. `ignored` names ignored paths (files, or
 * directories as `dir/`) to include anyway, taken literally.
 */
export async function snapshotWorktree(worktree: string, message: string, opts: { ignored?: string[] } = {}): Promise<string | undefined> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lanes-snap-'));
  const env = { GIT_INDEX_FILE: path.join(tmp, 'index') };
  try {
    await git(worktree, ['read-tree', 'HEAD'], { env });
    await git(worktree, ['add', '-A', '--', '.'], { env });
    if (opts.ignored?.length) {
      await git(worktree, ['add', '-f', '--pathspec-from-file=-', '--pathspec-file-nul'], {
        env: { ...env, GIT_LITERAL_PATHSPECS: '1' },
        input: `${opts.ignored.join('\0')}\0`,
      });
    }
    const tree = await gitOut(worktree, ['write-tree'], { env });
    const headTree = await gitOut(worktree, ['rev-parse', 'HEAD^{tree}']);
    if (tree === headTree) return undefined;
    const sha = await gitOut(worktree, ['commit-tree', tree, '-p', 'HEAD', '-m', message]);
    return isSha(sha) ? sha : undefined;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Whether everything `tip` changed is already in `target`: merging tip into target would change
 * nothing. This is how a squash-landed lane is recognised (squash merges defeat
 * `merge-base --is-ancestor`). Needs `git merge-tree --write-tree` (git >= 2.38); undefined when
 * git is older, so callers can fall back to their records.
 */
export async function contentLanded(cwd: string, tip: string, target: string): Promise<boolean | undefined> {
  const r = await git(cwd, ['merge-tree', '--write-tree', '--no-messages', target, tip], { readOnly: true, okCodes: [1, 128, 129] });
  if (r.exitCode === 1) return false; // conflicts: not contained
  if (r.exitCode !== 0) return undefined;
  const tree = r.stdout.split('\n')[0]?.trim() ?? '';
  const targetTree = await treeOf(cwd, target);
  return tree === targetTree;
}

/** A config value, or undefined when unset. */
export async function configGet(cwd: string, key: string, env?: Record<string, string | undefined>): Promise<string | undefined> {
  const r = await git(cwd, ['config', '--get', key], { env, readOnly: true, okCodes: [1] });
  return r.exitCode === 0 ? r.stdout.trim() : undefined;
}

/**
 * Commits a ref's reflog names (newest first, each once), read through git so any ref backend
 * works. `worktrees/<id>/HEAD` names another worktree's HEAD, so its reflog is readable even when
 * that worktree's directory is gone. [] when the ref has no reflog.
 */
export async function reflogCommits(cwd: string, ref: string): Promise<string[]> {
  const r = await git(cwd, ['reflog', 'show', '--format=%H', '--end-of-options', ref, '--'], { readOnly: true, okCodes: [1, 128] });
  if (r.exitCode !== 0) return [];
  return [
    ...new Set(
      r.stdout
        .split('\n')
        .map((l) => l.trim())
        .filter(isSha),
    ),
  ];
}

/** The shas among `shas` that name commits present in the object store (reflogs can outlive objects). */
export async function presentCommits(cwd: string, shas: string[]): Promise<string[]> {
  if (!shas.length) return [];
  const out = (await git(cwd, ['cat-file', '--batch-check=%(objectname) %(objecttype)'], { readOnly: true, input: `${shas.join('\n')}\n` }))
    .stdout;
  return out
    .split('\n')
    .map((l) => l.split(' '))
    .filter(([sha, type]) => type === 'commit' && isSha(sha ?? ''))
    .map(([sha]) => sha!);
}

/**
 * Commits reachable from `tips` that would be reachable from no ref once `dropping` (a full ref
 * name, e.g. the lane branch about to be deleted) is gone, and that `not` (shas: the target, the
 * base) does not contain either: newest first, at most `limit`. Every other ref (branches, tags,
 * backups under refs/lanes/) counts as keeping a commit; worktree HEADs do not, since the
 * worktree being removed takes its HEAD with it. All arguments are shas or refs we built, never
 * user text.
 */
export async function commitsLostWith(
  cwd: string,
  tips: string[],
  opts: { not: string[]; dropping: string; limit?: number },
): Promise<CommitSummary[]> {
  const heads = tips.filter(isSha);
  if (!heads.length) return [];
  const args = [
    'log',
    `--max-count=${opts.limit ?? 50}`,
    '--format=%H%x00%h%x00%s',
    ...heads,
    '--not',
    ...opts.not.filter(isSha),
    `--exclude=${opts.dropping}`,
    '--glob=refs/*',
    '--',
  ];
  const out = await gitOut(cwd, args, { readOnly: true });
  return summaries(out);
}

/** The commits among `shas` that are not ancestors of another one (`git merge-base --independent`). */
export async function independentCommits(cwd: string, shas: string[]): Promise<string[]> {
  const list = [...new Set(shas.filter(isSha))];
  if (list.length <= 1) return list;
  const out = await gitOut(cwd, ['merge-base', '--independent', ...list], { readOnly: true });
  return out.split('\n').filter(isSha);
}
