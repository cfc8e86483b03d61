/**
 * Where lanes live, and proof that they stay inside the repository (docs/safety.md rule 15). The
 * path of a lane is built only from a slug; the lanes directory comes from config and is checked
 * with realpath, because a symlinked `.claude/worktrees` would otherwise let a worktree (and
 * everything setup writes into it) escape the repository (measured).
 */
import fs from 'node:fs';
import path from 'node:path';
import { LanesError } from '../../errors.js';
import type { Repo } from '../../git/repo.js';
import { assertSlug } from '../../util/slug.js';
import { relPathProblem } from '../config/relpath.js';
import { isInside } from '../../util/paths.js';

export { isInside } from '../../util/paths.js';

export function realpathOrUndefined(p: string): string | undefined {
  try {
    return fs.realpathSync(p);
  } catch {
    return undefined;
  }
}

function escape(what: string, real: string, root: string): LanesError {
  return new LanesError('UNSAFE', `${what} resolves to ${real}, outside the repository ${root}.`, {
    hint: 'Lanes keeps worktrees inside the repository. Remove the symlink (or point worktrees.dir in .lanes/config.json at a plain directory).',
    details: { real, root },
  });
}

/**
 * The real path of the lanes directory (`worktrees.dir` under the main checkout), walked one
 * component at a time: a symlink anywhere on the way is allowed only if it resolves inside the
 * repository and outside the git dir. With `create`, missing components are made as we go.
 */
export function lanesDir(repo: Repo, relDir: string, opts: { create?: boolean } = {}): string {
  const problem = relPathProblem(relDir, 'directory');
  if (problem)
    throw new LanesError('CONFIG', `worktrees.dir ${JSON.stringify(relDir)} ${problem}.`, {
      hint: 'Fix worktrees.dir in .lanes/config.json.',
    });
  const root = fs.realpathSync(repo.mainRoot);
  const parts = relDir.split('/').filter((s) => s !== '' && s !== '.');
  let cur = root;
  for (let i = 0; i < parts.length; i++) {
    const next = path.join(cur, parts[i]!);
    let st: fs.Stats | undefined;
    try {
      st = fs.lstatSync(next);
    } catch {
      if (!opts.create) return path.join(next, ...parts.slice(i + 1));
      fs.mkdirSync(next);
      st = fs.lstatSync(next);
    }
    if (st.isSymbolicLink()) {
      const real = realpathOrUndefined(next);
      if (real === undefined)
        throw new LanesError('UNSAFE', `${next} (on the way to worktrees.dir) is a dangling symlink.`, {
          hint: 'Remove the symlink or point it at a directory inside the repository.',
        });
      if (!isInside(root, real) || real === root) throw escape(`${path.relative(root, next)}`, real, root);
      if (isInside(repo.commonDir, real)) {
        throw new LanesError('UNSAFE', `${path.relative(root, next)} resolves into the git directory (${real}).`, {
          hint: 'Point worktrees.dir at a directory of the checkout.',
        });
      }
      cur = real;
      st = fs.statSync(real);
    } else {
      cur = next;
    }
    if (!st.isDirectory()) {
      throw new LanesError('UNSAFE', `${cur} (on the way to worktrees.dir) exists and is not a directory.`, {
        hint: 'Move that file away or change worktrees.dir.',
      });
    }
  }
  if (cur === root) throw escape(`worktrees.dir ${relDir}`, cur, root);
  return cur;
}

/**
 * The path of a task's lane, refusing (before any side effect) a path that exists as anything
 * but an empty directory: git would fill a non-empty one over existing files, and a symlink would
 * send the checkout elsewhere.
 */
export function lanePathFor(dir: string, task: string): string {
  assertSlug(task);
  const p = path.join(dir, task);
  let st: fs.Stats;
  try {
    st = fs.lstatSync(p);
  } catch {
    return p;
  }
  if (st.isSymbolicLink()) {
    throw new LanesError('UNSAFE', `${p} is a symlink; refusing to create a lane through it.`, {
      hint: 'Remove the symlink, then start the task again.',
    });
  }
  if (!st.isDirectory()) {
    throw new LanesError('UNSAFE', `${p} exists and is not a directory.`, { hint: 'Move that file away, then start the task again.' });
  }
  if (fs.readdirSync(p).length > 0) {
    throw new LanesError('UNSAFE', `The lane directory ${p} already exists and is not empty.`, {
      hint: "It may hold someone's work: inspect it, move it away (or `lanes remove` the old lane), then start the task again.",
    });
  }
  return p;
}
