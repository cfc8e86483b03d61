#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
var fs = require("node:fs");
var path = require("node:path");
import {
  childProcess
} from "./chunk-4CKTFQOR.mjs";
import {
  loadBook
} from "./chunk-566HZB6Q.mjs";
import {
  parseDoc
} from "./chunk-X4JLKMGK.mjs";

// src/hooks/lib/where.ts
function realOr(p) {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}
function realish(p) {
  const abs = path.resolve(p);
  const rest = [];
  let cur = abs;
  while (!fs.existsSync(cur)) {
    const parent = path.dirname(cur);
    if (parent === cur) return abs;
    rest.push(path.basename(cur));
    cur = parent;
  }
  try {
    return path.join(fs.realpathSync(cur), ...rest.reverse());
  } catch {
    return abs;
  }
}
function fromGit(cwd) {
  try {
    const { execFileSync } = childProcess();
    const out = execFileSync("git", ["rev-parse", "--show-toplevel", "--git-common-dir"], {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      env: { ...process.env, GIT_OPTIONAL_LOCKS: "0" },
      timeout: 5e3
    });
    const [top = "", common = ""] = out.split("\n");
    if (!top || !common) return { ok: false, why: `${cwd} is not inside a git work tree` };
    return { ok: true, where: build(cwd, realOr(top), realOr(path.resolve(cwd, common))) };
  } catch {
    return { ok: false, why: `${cwd} is not inside a git repository` };
  }
}
function build(cwd, top, commonDir) {
  const mainRoot = path.basename(commonDir) === ".git" ? path.dirname(commonDir) : top;
  return { cwd, top, commonDir, mainRoot, stateDir: path.join(commonDir, "lanes") };
}
function commonOf(gitDir) {
  try {
    const rel = fs.readFileSync(path.join(gitDir, "commondir"), "utf8").trim();
    if (rel) return realOr(path.resolve(gitDir, rel));
  } catch {
  }
  return realOr(gitDir);
}
function locate(cwd) {
  if (typeof cwd !== "string" || cwd === "") return { ok: false, why: "the input has no cwd" };
  let real;
  try {
    real = fs.realpathSync(cwd);
  } catch {
    return { ok: false, why: `the directory ${cwd} does not exist` };
  }
  if (process.env.GIT_DIR || process.env.GIT_WORK_TREE || process.env.GIT_COMMON_DIR) return fromGit(real);
  for (let dir = real; ; ) {
    const dotGit = path.join(dir, ".git");
    let st;
    try {
      st = fs.statSync(dotGit, { throwIfNoEntry: false });
    } catch {
      st = void 0;
    }
    if (st?.isDirectory()) {
      if (!fs.existsSync(path.join(dotGit, "HEAD"))) return fromGit(real);
      return { ok: true, where: build(real, dir, commonOf(dotGit)) };
    }
    if (st?.isFile()) {
      let m = null;
      try {
        m = /^gitdir:\s*(.+?)\s*$/m.exec(fs.readFileSync(dotGit, "utf8"));
      } catch {
        m = null;
      }
      if (!m) return fromGit(real);
      return { ok: true, where: build(real, dir, commonOf(path.resolve(dir, m[1]))) };
    }
    const parent = path.dirname(dir);
    if (parent === dir) return { ok: false, why: `${cwd} is not inside a git repository` };
    dir = parent;
  }
}
function readDoc(stateDir, name) {
  if (fs.existsSync(path.join(stateDir, "remote", "enabled.json"))) loadBook(path.join(stateDir, "remote", "seen.json"));
  const file = path.join(stateDir, `${name}.json`);
  if (!fs.existsSync(file)) return void 0;
  let text;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return void 0;
  }
  const r = parseDoc(text);
  return r.ok ? r.data : void 0;
}
function hasState(w) {
  try {
    return fs.statSync(w.stateDir, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false;
  }
}

export {
  realish,
  locate,
  readDoc,
  hasState
};
