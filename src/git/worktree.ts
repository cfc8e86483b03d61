/**
 * `git worktree` as small async functions. Callers hold the repository-level 'git' lock around
 * anything that changes shared metadata (docs/safety.md rule 4); the functions here take no locks.
 *
 * Git behaviours these wrappers are shaped by (git 2.39):
 * - `worktree add` runs `git reset --hard` as a *child process* to fill the directory. SIGKILL of
 *   the parent leaves that child running to completion; SIGINT to the process group (Ctrl-C) makes
 *   git delete its index.lock and leave a half-filled directory with no index at all.
 * - With `--lock --reason`, the `locked` file holds our reason from the first moment (not
 *   "initializing"), so "was the add finished?" is answered by the admin `index`, not the lock.
 * - `worktree remove` on a missing directory fails ("validation failed"); the only git way out is a
 *   repo-wide `prune`, which we never run: the one admin dir is removed by hand after checking
 *   that its `gitdir` file points at the lane.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LanesError } from '../errors.js';
import { git } from './exec.js';
import { configGet, ZERO_SHA } from './refs.js';

export interface WorktreeInfo {
  path: string;
  head?: string;
  /** Full ref, e.g. refs/heads/lanes/api. */
  branch?: string;
  detached: boolean;
  bare: boolean;
  /** Lock reason ('' when locked without one); undefined when not locked. */
  locked?: string;
  /** Why git thinks it can be pruned (its directory is gone...); undefined when not prunable. */
  prunable?: string;
}

/** `git worktree list --porcelain -z`, parsed. The first entry is the main worktree. */
/**
 * `git worktree list` reads every admin dir under `<common>/worktrees/`; while another process is
 * inside `git worktree add`, a new admin dir exists before its `commondir` / `gitdir` files are
 * written, and the listing fails ("failed to read .../commondir"). That state lasts milliseconds and
 * needs no lock to end, so the listing is retried a few times before the error is believed.
 */
const HALF_MADE_ADMIN =
  /failed to read .*worktrees\/[^/]+\/(commondir|gitdir)|worktrees\/[^/]+\/(commondir|gitdir).*(No such file|invalid)/i;

async function worktreeListing(cwd: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const r = await git(cwd, ['worktree', 'list', '--porcelain', '-z'], { readOnly: true, okCodes: [128] });
    if (r.exitCode === 0) return r.stdout;
    if (attempt >= 8 || !HALF_MADE_ADMIN.test(r.stderr)) {
      // Not the transient half-made entry (or it did not go away): fail as git did.
      return (await git(cwd, ['worktree', 'list', '--porcelain', '-z'], { readOnly: true })).stdout;
    }
    await new Promise((res) => setTimeout(res, 5 * attempt));
  }
}

export async function listWorktrees(cwd: string): Promise<WorktreeInfo[]> {
  const out = await worktreeListing(cwd);
  const list: WorktreeInfo[] = [];
  let cur: WorktreeInfo | undefined;
  for (const field of out.split('\0')) {
    if (field === '') {
      if (cur) list.push(cur);
      cur = undefined;
      continue;
    }
    const sp = field.indexOf(' ');
    const key = sp < 0 ? field : field.slice(0, sp);
    const val = sp < 0 ? '' : field.slice(sp + 1);
    if (key === 'worktree') {
      if (cur) list.push(cur);
      cur = { path: val, detached: false, bare: false };
      continue;
    }
    if (!cur) continue;
    if (key === 'HEAD') cur.head = val;
    else if (key === 'branch') cur.branch = val;
    else if (key === 'detached') cur.detached = true;
    else if (key === 'bare') cur.bare = true;
    else if (key === 'locked') cur.locked = val;
    else if (key === 'prunable') cur.prunable = val;
  }
  if (cur) list.push(cur);
  return list;
}

/**
 * `-c checkout.workers=0` (parallel checkout on every core) unless the user configured
 * checkout.workers themselves (docs/performance.md: 20,000 files 17.0 s -> 3.0 s).
 */
export async function checkoutConfigArgs(cwd: string): Promise<string[]> {
  return (await configGet(cwd, 'checkout.workers')) === undefined ? ['-c', 'checkout.workers=0'] : [];
}

export interface CheckoutSettings {
  /** Extra `-c` arguments for the checkout (see checkoutConfigArgs). */
  configArgs: string[];
  /** Whether a post-checkout hook may exist (core.hooksPath set, or <common dir>/hooks/post-checkout). */
  postCheckoutHook: boolean;
}

/** Everything checkoutWorktree needs to know, in one git call. */
export async function checkoutSettings(cwd: string, commonDir: string): Promise<CheckoutSettings> {
  const r = await git(cwd, ['config', '--get-regexp', '^(checkout\\.workers|core\\.hookspath)$'], { readOnly: true, okCodes: [1] });
  const keys = new Set(
    r.stdout
      .split('\n')
      .map((l) => l.split(' ')[0]?.toLowerCase())
      .filter(Boolean),
  );
  let hook = keys.has('core.hookspath');
  if (!hook) {
    try {
      fs.accessSync(path.join(commonDir, 'hooks', 'post-checkout'), fs.constants.X_OK);
      hook = true;
    } catch {
      hook = false;
    }
  }
  return { configArgs: keys.has('checkout.workers') ? [] : ['-c', 'checkout.workers=0'], postCheckoutHook: hook };
}

export interface AddWorktreeOptions {
  path: string;
  /** New branch name (short, e.g. lanes/api); created with --no-track so .git/config is never written. */
  branch: string;
  commit: string;
  lockReason: string;
  /** Register the worktree and branch only; fill it later with checkoutWorktree (outside the lock). */
  noCheckout?: boolean;
  configArgs?: string[];
}

/** `git worktree add --lock --reason <r> --no-track -b <branch> -- <path> <commit>`. */
export async function addWorktree(cwd: string, o: AddWorktreeOptions): Promise<void> {
  await git(cwd, [
    ...(o.configArgs ?? []),
    'worktree',
    'add',
    '--quiet',
    '--lock',
    '--reason',
    o.lockReason,
    '--no-track',
    ...(o.noCheckout ? ['--no-checkout'] : []),
    '-b',
    o.branch,
    '--',
    o.path,
    o.commit,
  ]);
}

/**
 * `git worktree add --no-track -b <branch> -- <path> <commit>`, checked out and not locked: a plain
 * worktree such as Claude Code makes for itself, not a lane.
 */
export async function addPlainWorktree(cwd: string, o: { path: string; branch: string; commit: string }): Promise<void> {
  await git(cwd, ['worktree', 'add', '--quiet', '--no-track', '-b', o.branch, '--', o.path, o.commit]);
}

/**
 * Fills a worktree registered with --no-checkout, the way `worktree add` itself does it (a
 * `reset --hard` inside the new worktree, then the post-checkout hook). It touches only that
 * worktree's own index and files, so it runs outside the repository lock and parallel starts
 * check out in parallel.
 */
export async function checkoutWorktree(worktree: string, commit: string, settings: Partial<CheckoutSettings> = {}): Promise<void> {
  await git(worktree, [...(settings.configArgs ?? []), 'reset', '--hard', '--quiet', '--no-recurse-submodules']);
  if (settings.postCheckoutHook !== false)
    await git(worktree, ['hook', 'run', '--ignore-missing', 'post-checkout', '--', ZERO_SHA, commit, '1']);
}

/**
 * Plain `git worktree remove` (never --force unless a human asked for it). Returns git's refusal
 * instead of throwing, so the caller can re-lock and report it.
 */
export async function removeWorktree(
  cwd: string,
  worktree: string,
  opts: { force?: boolean } = {},
): Promise<{ ok: true } | { ok: false; reason: string }> {
  const r = await git(cwd, ['worktree', 'remove', ...(opts.force ? ['--force'] : []), '--', worktree], { okCodes: [128, 1] });
  if (r.exitCode === 0) return { ok: true };
  return { ok: false, reason: (r.stderr.trim() || r.stdout.trim()).replace(/^fatal: /, '') };
}

/**
 * `git worktree remove --force --force`: removes a worktree of ours alone (a gate or integration
 * checkout, which holds nothing but our own build output), even when it is dirty or locked. Never
 * for a lane or a user's worktree. Git's refusal (exit 128, e.g. a directory already gone) is not
 * an error: the caller checks what is left.
 */
export async function forceRemoveWorktree(cwd: string, worktree: string): Promise<void> {
  await git(cwd, ['worktree', 'remove', '--force', '--force', '--', worktree], { okCodes: [128] });
}

export async function lockWorktree(cwd: string, worktree: string, reason: string): Promise<void> {
  await git(cwd, ['worktree', 'lock', '--reason', reason, '--', worktree], { okCodes: [128] });
}

/** Unlocks; a worktree that is not locked is fine. */
export async function unlockWorktree(cwd: string, worktree: string): Promise<void> {
  await git(cwd, ['worktree', 'unlock', '--', worktree], { okCodes: [128] });
}

/**
 * The admin directory (`<common dir>/worktrees/<name>`) whose `gitdir` file points at
 * `<worktree>/.git`. Git appends a number to <name> when the base name is taken, so the name
 * alone proves nothing; the gitdir file is what ties an admin dir to a path.
 */
export function adminDirFor(commonDir: string, worktree: string): string | undefined {
  const root = path.join(commonDir, 'worktrees');
  let names: string[];
  try {
    names = fs.readdirSync(root);
  } catch {
    return undefined;
  }
  const want = path.join(path.resolve(worktree), '.git');
  for (const name of names) {
    const dir = path.join(root, name);
    try {
      if (fs.readFileSync(path.join(dir, 'gitdir'), 'utf8').trim() === want) return dir;
    } catch {
      // not an admin dir
    }
  }
  return undefined;
}

/**
 * Removes the admin entry of one worktree whose directory is gone: exactly what `git worktree
 * prune` would do for that entry, without touching any other (docs/safety.md rule 3). Refuses
 * unless the directory is really missing and the entry's gitdir points at `worktree`.
 */
export function removeAdminEntry(commonDir: string, worktree: string): boolean {
  if (fs.existsSync(worktree)) {
    throw new LanesError('UNSAFE', `Refusing to drop git's record of ${worktree}: the directory still exists.`, {
      hint: 'Remove the worktree with `git worktree remove` (or `lanes remove`) instead.',
    });
  }
  const dir = adminDirFor(commonDir, worktree);
  if (!dir) return false;
  const root = path.join(commonDir, 'worktrees');
  if (path.dirname(dir) !== root || fs.lstatSync(dir).isSymbolicLink()) {
    throw new LanesError('UNSAFE', `Unexpected worktree admin directory ${dir}.`, {
      hint: 'Inspect it by hand; Lanes removes only plain entries under <git dir>/worktrees.',
    });
  }
  fs.rmSync(dir, { recursive: true, force: true });
  // Git removes the parent when its last entry goes; do the same so `worktrees/` looks as git left it.
  try {
    fs.rmdirSync(root);
  } catch {
    // not empty, or gone
  }
  return true;
}

/**
 * The ref name under which the main checkout sees another worktree's HEAD (`worktrees/<id>/HEAD`,
 * <id> being its admin directory's name). It resolves, and its reflog reads, even when the
 * worktree's directory is gone, as long as git's admin entry is there.
 */
export function worktreeHeadRef(adminDir: string): string {
  return `worktrees/${path.basename(adminDir)}/HEAD`;
}

/** Where a worktree's HEAD points: the branch it is on (full ref) or undefined when detached. */
export function worktreeHeadBranch(adminDir: string): string | undefined {
  try {
    const m = /^ref: (refs\/\S+)\s*$/.exec(fs.readFileSync(path.join(adminDir, 'HEAD'), 'utf8'));
    return m?.[1];
  } catch {
    return undefined;
  }
}

/**
 * Why a worktree is locked, read from its admin directory as `git worktree list --porcelain` does
 * (its `locked` file, one trailing newline dropped): '' when locked without a reason, undefined
 * when not locked.
 */
export function worktreeLockReason(adminDir: string): string | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(adminDir, 'locked'), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  return text.replace(/\r?\n$/, '');
}

/** What git has in progress in a worktree (a rebase, a merge...), read from its admin directory. */
export function worktreeOperation(adminDir: string): string | undefined {
  const probes: Array<[string, string]> = [
    ['rebase-merge', 'a rebase'],
    ['rebase-apply', 'a rebase (or git am)'],
    ['MERGE_HEAD', 'a merge'],
    ['CHERRY_PICK_HEAD', 'a cherry-pick'],
    ['REVERT_HEAD', 'a revert'],
    ['BISECT_LOG', 'a bisect'],
  ];
  for (const [file, what] of probes) if (fs.existsSync(path.join(adminDir, file))) return what;
  return undefined;
}
