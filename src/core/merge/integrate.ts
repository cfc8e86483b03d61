/**
 * The integration strategies: each queue entry becomes one commit on top of the batch's chain so
 * far — a merge commit, a squash (one commit with the lane's subjects), a rebase of the lane's
 * commits, or the revert of an earlier landing. Merges and squashes are computed with
 * `git merge-tree` and `commit-tree` (no worktree); rebase and revert run in the target's gate
 * checkout. Only unreferenced objects are made here: nothing is shared until the landing.
 */
import { isLanesError } from '../../errors.js';
import type { Repo } from '../../git/repo.js';
import { authorOf, commitTree, mergeCheck, rebaseOnto, revertOnto, subjects } from '../../git/merge.js';
import { treeOf } from '../../git/tree.js';
import type { Landed } from './after.js';
import { holdReason } from './hold.js';
import type { MergeEntry } from './model.js';
import { configAt, sameConfigAs } from './target.js';

export interface Link extends Landed {
  task: string;
  /** The tree of `commit`, when integration knew it without asking git. */
  tree?: string;
}

type Integrated = { commit: string; tree?: string } | { conflict: { files: string[]; message: string } };

/** What integrating a batch decided for each entry. */
export interface Integration {
  links: Link[];
  conflicted: Array<{ e: MergeEntry; files: string[]; message: string }>;
  deferred: MergeEntry[];
  noop: Link[];
  held: Array<{ e: MergeEntry; reason: string }>;
}

/** What the strategies need from the batch: where to work and what to call things. */
export interface Integrating {
  readonly repo: Repo;
  readonly target: string;
  /** The gate checkout (made on first need at `at`), where rebase and revert run. */
  worktree(at: string): Promise<string>;
  /** Ignored paths the checkout keeps between runs (its setup's output). */
  readonly keep: readonly string[];
  /** The task's title for commit messages. */
  title(task: string): string;
  /** Whether two trees have the same `.lanes` entry (so the same config), when that is cheap to ask. */
  sameLanesDir?(a: string, b: string): Promise<boolean>;
}

/**
 * Integrates entries one on top of the other from `old`. Conflicts fail an entry when they are
 * with the target itself (`base === old`); otherwise the entry is deferred.
 */
export async function integrateChain(ctx: Integrating, old: string, oldTree: string, entries: MergeEntry[]): Promise<Integration> {
  const held: Array<{ e: MergeEntry; reason: string }> = [];
  const links: Link[] = [];
  const conflicted: Array<{ e: MergeEntry; files: string[]; message: string }> = [];
  const deferred: MergeEntry[] = [];
  const noop: Link[] = [];
  let base = old;
  let baseTree = oldTree;
  for (const e of entries) {
    const onTarget = base === old;
    let r: Integrated;
    try {
      r = await integrateOne(ctx, e, base, baseTree, onTarget);
    } catch (err) {
      // git refused this entry (unrelated histories, a vanished commit...): it fails alone
      // instead of blocking the head of the queue forever.
      if (!isLanesError(err, 'GIT')) throw err;
      r = { conflict: { files: [], message: `git could not integrate lanes/${e.task}: ${err.message}` } };
    }
    if ('conflict' in r) {
      if (onTarget) conflicted.push({ e, ...r.conflict });
      else deferred.push(e);
    } else if (r.commit === base) {
      // Nothing to add: already on the target (or, inside a batch, tried alone next).
      if (onTarget) noop.push({ entry: e.id, task: e.task, commit: base, base });
      else deferred.push(e);
    } else {
      // A landing that would weaken the gates waits for a human, unless one approved this tip.
      const commit = r.commit;
      const reason =
        e.approved?.tip === e.tip || (await sameConfig(ctx, base, baseTree, commit, r.tree))
          ? undefined
          : await holdReason(await configAt(ctx.repo, base, ctx.target), () => configAt(ctx.repo, commit, ctx.target));
      if (reason) {
        held.push({ e, reason });
        continue;
      }
      const prev = base;
      base = r.commit;
      baseTree = r.tree ?? (await treeOf(ctx.repo.mainRoot, base));
      links.push({ entry: e.id, task: e.task, commit: r.commit, base: prev, tree: baseTree });
    }
  }
  return { links, conflicted, deferred, noop, held };
}

/**
 * Whether `commit` (tree `tree`) has exactly the config of `base` (tree `baseTree`): the same
 * `.lanes` entry, mode and content, in both trees. Then it cannot weaken the gates, and its config
 * is known without reading it (remembered for the next round, where it is the target's).
 */
async function sameConfig(ctx: Integrating, base: string, baseTree: string, commit: string, tree: string | undefined): Promise<boolean> {
  if (!tree || !ctx.sameLanesDir) return false;
  if (!(await ctx.sameLanesDir(baseTree, tree))) return false;
  sameConfigAs(ctx.repo, commit, base, ctx.target);
  return true;
}

/** One entry onto `base`, with its strategy: a commit, or the conflict. */
async function integrateOne(ctx: Integrating, e: MergeEntry, base: string, baseTree: string, onTarget: boolean): Promise<Integrated> {
  const root = ctx.repo.mainRoot;
  if (e.kind === 'revert') {
    const undo = e.revert_of!;
    const dir = await ctx.worktree(base);
    const msg = `Revert "${ctx.title(e.task)}" (${e.task})\n\nThis undoes the landing of lanes/${e.task} as ${undo.landed_as}, through the Lanes merge queue (entry ${e.id}).\n`;
    const r = await revertOnto(dir, base, undo, msg, ctx.keep);
    return r.ok ? { commit: r.commit } : { conflict: { files: r.files, message: r.message } };
  }
  if (e.strategy === 'rebase') {
    const dir = await ctx.worktree(base);
    const r = await rebaseOnto(dir, base, e.tip, ctx.keep);
    return r.ok
      ? { commit: r.commit }
      : {
          conflict: {
            files: r.files,
            message: `rebasing lanes/${e.task} onto ${onTarget ? ctx.target : 'the batch'} conflicts in: ${r.files.join(', ') || r.message}`,
          },
        };
  }
  const mc = await mergeCheck(root, base, e.tip);
  if (!mc.clean) {
    return {
      conflict: {
        files: mc.files,
        message: `merging lanes/${e.task} into ${onTarget ? ctx.target : 'the batch'} conflicts in: ${mc.files.join(', ') || '(see git merge-tree)'}`,
      },
    };
  }
  // Merging changes nothing (the lane is already on the target, e.g. an ancestor of it): no commit.
  if (mc.tree === baseTree) return { commit: base };
  if (e.strategy === 'merge') {
    return {
      commit: await commitTree(
        root,
        mc.tree,
        [base, e.tip],
        `Merge lanes/${e.task}: ${ctx.title(e.task)}\n\nLanded by the Lanes merge queue (entry ${e.id}).\n`,
      ),
      tree: mc.tree,
    };
  }
  const body = (await subjects(root, base, e.tip)).map((x) => `* ${x}`).join('\n');
  const msg = `${ctx.title(e.task)} (${e.task})\n\nSquash of lanes/${e.task}, landed by the Lanes merge queue (entry ${e.id}):\n${body}\n`;
  return { commit: await commitTree(root, mc.tree, [base], msg, await authorOf(root, e.tip)), tree: mc.tree };
}
