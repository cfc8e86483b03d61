#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
var fs = require("node:fs");
var path = require("node:path");
import {
  relPathProblem
} from "./chunk-V47YI7EL.mjs";
import {
  isInside
} from "./chunk-TKZFUNKZ.mjs";
import {
  assertSlug
} from "./chunk-DDI77WQF.mjs";
import {
  LanesError
} from "./chunk-OBLF3P63.mjs";

// src/core/lanes/paths.ts
function realpathOrUndefined(p) {
  try {
    return fs.realpathSync(p);
  } catch {
    return void 0;
  }
}
function escape(what, real, root) {
  return new LanesError("UNSAFE", `${what} resolves to ${real}, outside the repository ${root}.`, {
    hint: "Lanes keeps worktrees inside the repository. Remove the symlink (or point worktrees.dir in .lanes/config.json at a plain directory).",
    details: { real, root }
  });
}
function lanesDir(repo, relDir, opts = {}) {
  const problem = relPathProblem(relDir, "directory");
  if (problem)
    throw new LanesError("CONFIG", `worktrees.dir ${JSON.stringify(relDir)} ${problem}.`, {
      hint: "Fix worktrees.dir in .lanes/config.json."
    });
  const root = fs.realpathSync(repo.mainRoot);
  const parts = relDir.split("/").filter((s) => s !== "" && s !== ".");
  let cur = root;
  for (let i = 0; i < parts.length; i++) {
    const next = path.join(cur, parts[i]);
    let st;
    try {
      st = fs.lstatSync(next);
    } catch {
      if (!opts.create) return path.join(next, ...parts.slice(i + 1));
      fs.mkdirSync(next);
      st = fs.lstatSync(next);
    }
    if (st.isSymbolicLink()) {
      const real = realpathOrUndefined(next);
      if (real === void 0)
        throw new LanesError("UNSAFE", `${next} (on the way to worktrees.dir) is a dangling symlink.`, {
          hint: "Remove the symlink or point it at a directory inside the repository."
        });
      if (!isInside(root, real) || real === root) throw escape(`${path.relative(root, next)}`, real, root);
      if (isInside(repo.commonDir, real)) {
        throw new LanesError("UNSAFE", `${path.relative(root, next)} resolves into the git directory (${real}).`, {
          hint: "Point worktrees.dir at a directory of the checkout."
        });
      }
      cur = real;
      st = fs.statSync(real);
    } else {
      cur = next;
    }
    if (!st.isDirectory()) {
      throw new LanesError("UNSAFE", `${cur} (on the way to worktrees.dir) exists and is not a directory.`, {
        hint: "Move that file away or change worktrees.dir."
      });
    }
  }
  if (cur === root) throw escape(`worktrees.dir ${relDir}`, cur, root);
  return cur;
}
function lanePathFor(dir, task) {
  assertSlug(task);
  const p = path.join(dir, task);
  let st;
  try {
    st = fs.lstatSync(p);
  } catch {
    return p;
  }
  if (st.isSymbolicLink()) {
    throw new LanesError("UNSAFE", `${p} is a symlink; refusing to create a lane through it.`, {
      hint: "Remove the symlink, then start the task again."
    });
  }
  if (!st.isDirectory()) {
    throw new LanesError("UNSAFE", `${p} exists and is not a directory.`, { hint: "Move that file away, then start the task again." });
  }
  if (fs.readdirSync(p).length > 0) {
    throw new LanesError("UNSAFE", `The lane directory ${p} already exists and is not empty.`, {
      hint: "It may hold someone's work: inspect it, move it away (or `lanes remove` the old lane), then start the task again."
    });
  }
  return p;
}

export {
  realpathOrUndefined,
  lanesDir,
  lanePathFor
};
