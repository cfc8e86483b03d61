#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  git,
  gitOut,
  relPathProblem,
  resolveRepo
} from "./chunk-TNE6FGIO.mjs";
import {
  StateStore
} from "./chunk-WW7CR2J7.mjs";
import {
  isInside
} from "./chunk-6YY4H32W.mjs";
import {
  LanesError,
  assertSlug
} from "./chunk-B475TGAI.mjs";

// src/core/project/project.ts
async function openProject(cwd, preresolved) {
  const repo = preresolved ?? await resolveRepo(cwd);
  const store = await StateStore.open(repo.stateDir);
  let cfg;
  return {
    repo,
    store,
    // Loaded on first use: the config module brings zod (tens of ms to load), and the SessionEnd
    // hook, for one, opens the repository without ever reading the config.
    config: () => cfg ??= import("./load-JM6QGEKI.mjs").then((m) => m.loadConfig(repo.mainRoot, { repo }))
  };
}

// src/git/refs.ts
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
var ZERO_SHA = "0000000000000000000000000000000000000000";
var SHA_RE = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
function isSha(s) {
  return SHA_RE.test(s);
}
function revInputProblem(rev) {
  if (rev.length === 0) return "is empty";
  if (rev.length > 255) return "is longer than 255 characters";
  if (rev.startsWith("-")) return 'starts with "-" (it would be read as an option)';
  if (/[\x00-\x1f\x7f]/.test(rev)) return "contains control characters";
  return void 0;
}
async function resolveCommit(cwd, rev) {
  const problem = revInputProblem(rev);
  if (problem)
    throw new LanesError("INVALID_INPUT", `Invalid revision ${JSON.stringify(rev.slice(0, 80))}: it ${problem}.`, {
      hint: "Pass a branch name, tag or commit id."
    });
  const r = await git(cwd, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`], {
    readOnly: true,
    okCodes: [1, 128]
  });
  const sha = r.stdout.trim();
  return r.exitCode === 0 && isSha(sha) ? sha : void 0;
}
async function refSha(cwd, ref) {
  const r = await git(cwd, ["rev-parse", "--verify", "--quiet", "--end-of-options", ref], { readOnly: true, okCodes: [1, 128] });
  const sha = r.stdout.trim();
  return r.exitCode === 0 && isSha(sha) ? sha : void 0;
}
async function createRef(cwd, ref, sha, message) {
  const r = await git(cwd, ["update-ref", "-m", message, ref, sha, ZERO_SHA], { okCodes: [1, 128] });
  return r.exitCode === 0;
}
async function deleteRefCas(cwd, ref, expected) {
  if (!isSha(expected)) throw new LanesError("INTERNAL", `deleteRefCas needs a full sha, got ${JSON.stringify(expected)}`);
  const r = await git(cwd, ["update-ref", "-d", ref, expected], { okCodes: [1, 128] });
  return r.exitCode === 0;
}
async function isAncestor(cwd, a, b) {
  const r = await git(cwd, ["merge-base", "--is-ancestor", a, b], { readOnly: true, okCodes: [1] });
  return r.exitCode === 0;
}
async function aheadBehind(cwd, tip, upstream) {
  const out = await gitOut(cwd, ["rev-list", "--left-right", "--count", `${tip}...${upstream}`], { readOnly: true });
  const [a, b] = out.split(/\s+/).map((n) => Number.parseInt(n, 10));
  return { ahead: a ?? 0, behind: b ?? 0 };
}
async function commitTimeMs(cwd, rev) {
  const out = await gitOut(cwd, ["log", "-1", "--format=%ct", rev, "--"], { readOnly: true });
  return Number.parseInt(out, 10) * 1e3;
}
async function statusPorcelain(worktree, opts = {}) {
  const untracked = opts.trackedOnly ? "--untracked-files=no" : opts.collapseUntracked ? "--untracked-files=normal" : "--untracked-files=all";
  const out = (await git(worktree, ["status", "--porcelain=v1", "-z", untracked, "--ignore-submodules=none"], { readOnly: true })).stdout;
  const parts = out.split("\0");
  const entries = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p.length < 4) continue;
    const code = p.slice(0, 2);
    const e = { code, path: p.slice(3) };
    if (code[0] === "R" || code[0] === "C") {
      const from = parts[++i];
      if (from !== void 0) e.from = from;
    }
    entries.push(e);
  }
  return entries;
}
async function stashCreate(worktree, message) {
  const sha = await gitOut(worktree, ["stash", "create", message]);
  return isSha(sha) ? sha : void 0;
}
async function snapshotWorktree(worktree, message, opts = {}) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lanes-snap-"));
  const env = { GIT_INDEX_FILE: path.join(tmp, "index") };
  try {
    await git(worktree, ["read-tree", "HEAD"], { env });
    await git(worktree, ["add", "-A", "--", "."], { env });
    if (opts.ignored?.length) {
      await git(worktree, ["add", "-f", "--pathspec-from-file=-", "--pathspec-file-nul"], {
        env: { ...env, GIT_LITERAL_PATHSPECS: "1" },
        input: `${opts.ignored.join("\0")}\0`
      });
    }
    const tree = await gitOut(worktree, ["write-tree"], { env });
    const headTree = await gitOut(worktree, ["rev-parse", "HEAD^{tree}"]);
    if (tree === headTree) return void 0;
    const sha = await gitOut(worktree, ["commit-tree", tree, "-p", "HEAD", "-m", message]);
    return isSha(sha) ? sha : void 0;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
async function contentLanded(cwd, tip, target) {
  const r = await git(cwd, ["merge-tree", "--write-tree", "--no-messages", target, tip], { readOnly: true, okCodes: [1, 128, 129] });
  if (r.exitCode === 1) return false;
  if (r.exitCode !== 0) return void 0;
  const tree = r.stdout.split("\n")[0]?.trim() ?? "";
  const targetTree = await gitOut(cwd, ["rev-parse", `${target}^{tree}`], { readOnly: true });
  return tree === targetTree;
}
async function reflogCommits(cwd, ref) {
  const r = await git(cwd, ["reflog", "show", "--format=%H", "--end-of-options", ref, "--"], { readOnly: true, okCodes: [1, 128] });
  if (r.exitCode !== 0) return [];
  return [
    ...new Set(
      r.stdout.split("\n").map((l) => l.trim()).filter(isSha)
    )
  ];
}
async function presentCommits(cwd, shas) {
  if (!shas.length) return [];
  const out = (await git(cwd, ["cat-file", "--batch-check=%(objectname) %(objecttype)"], { readOnly: true, input: `${shas.join("\n")}
` })).stdout;
  return out.split("\n").map((l) => l.split(" ")).filter(([sha, type]) => type === "commit" && isSha(sha ?? "")).map(([sha]) => sha);
}
async function commitsLostWith(cwd, tips, opts) {
  const heads = tips.filter(isSha);
  if (!heads.length) return [];
  const args = [
    "log",
    `--max-count=${opts.limit ?? 50}`,
    "--format=%H%x00%h%x00%s",
    ...heads,
    "--not",
    ...opts.not.filter(isSha),
    `--exclude=${opts.dropping}`,
    "--glob=refs/*",
    "--"
  ];
  const out = await gitOut(cwd, args, { readOnly: true });
  if (!out) return [];
  return out.split("\n").map((line) => {
    const [sha = "", short = "", subject = ""] = line.split("\0");
    return { sha, short, subject };
  });
}
async function independentCommits(cwd, shas) {
  const list = [...new Set(shas.filter(isSha))];
  if (list.length <= 1) return list;
  const out = await gitOut(cwd, ["merge-base", "--independent", ...list], { readOnly: true });
  return out.split("\n").filter(isSha);
}

// src/core/lanes/paths.ts
import fs2 from "node:fs";
import path2 from "node:path";
function realpathOrUndefined(p) {
  try {
    return fs2.realpathSync(p);
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
  const root = fs2.realpathSync(repo.mainRoot);
  const parts = relDir.split("/").filter((s) => s !== "" && s !== ".");
  let cur = root;
  for (let i = 0; i < parts.length; i++) {
    const next = path2.join(cur, parts[i]);
    let st;
    try {
      st = fs2.lstatSync(next);
    } catch {
      if (!opts.create) return path2.join(next, ...parts.slice(i + 1));
      fs2.mkdirSync(next);
      st = fs2.lstatSync(next);
    }
    if (st.isSymbolicLink()) {
      const real = realpathOrUndefined(next);
      if (real === void 0)
        throw new LanesError("UNSAFE", `${next} (on the way to worktrees.dir) is a dangling symlink.`, {
          hint: "Remove the symlink or point it at a directory inside the repository."
        });
      if (!isInside(root, real) || real === root) throw escape(`${path2.relative(root, next)}`, real, root);
      if (isInside(repo.commonDir, real)) {
        throw new LanesError("UNSAFE", `${path2.relative(root, next)} resolves into the git directory (${real}).`, {
          hint: "Point worktrees.dir at a directory of the checkout."
        });
      }
      cur = real;
      st = fs2.statSync(real);
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
  const p = path2.join(dir, task);
  let st;
  try {
    st = fs2.lstatSync(p);
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
  if (fs2.readdirSync(p).length > 0) {
    throw new LanesError("UNSAFE", `The lane directory ${p} already exists and is not empty.`, {
      hint: "It may hold someone's work: inspect it, move it away (or `lanes remove` the old lane), then start the task again."
    });
  }
  return p;
}

// src/system/command.ts
var DEFAULT_MAX_OUTPUT = 64 * 1024;
var live = /* @__PURE__ */ new Set();
var exitHook = false;
function killProcessGroup(pgid, signal = "SIGKILL") {
  if (!Number.isSafeInteger(pgid) || pgid <= 1) return false;
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}
function track(pgid) {
  live.add(pgid);
  if (!exitHook) {
    exitHook = true;
    process.once("exit", () => {
      for (const g of live) killProcessGroup(g);
    });
  }
}
var Tail = class {
  constructor(max) {
    this.max = max;
  }
  max;
  chunks = [];
  size = 0;
  dropped = 0;
  push(b) {
    this.chunks.push(b);
    this.size += b.length;
    while (this.size > this.max && this.chunks.length > 0) {
      const first = this.chunks[0];
      const excess = this.size - this.max;
      if (first.length <= excess) {
        this.chunks.shift();
        this.size -= first.length;
        this.dropped += first.length;
      } else {
        this.chunks[0] = first.subarray(excess);
        this.size -= excess;
        this.dropped += excess;
      }
    }
  }
  text() {
    const body = Buffer.concat(this.chunks).toString("utf8");
    return this.dropped > 0 ? `[... ${this.dropped} earlier bytes dropped ...]
${body}` : body;
  }
};
async function runCommand(argv, opts) {
  const { execa } = await import("./execa-KHFGSCQZ.mjs");
  const [file, ...args] = argv;
  const started = performance.now();
  const tail = new Tail(opts.maxOutputBytes ?? DEFAULT_MAX_OUTPUT);
  if (!file) return { exitCode: null, signal: null, timedOut: false, output: "", durationMs: 0, error: "empty command" };
  const child = execa(file, args, {
    cwd: opts.cwd,
    env: opts.env ?? {},
    extendEnv: true,
    detached: true,
    // a new process group: the group id is the child's pid
    stdin: "ignore",
    stdout: "pipe",
    stderr: "pipe",
    buffer: false,
    reject: false,
    stripFinalNewline: false,
    cleanup: false
  });
  const take = (b) => {
    tail.push(b);
    opts.onOutput?.(b);
  };
  child.stdout?.on("data", take);
  child.stderr?.on("data", take);
  const pid = child.pid;
  const exited = new Promise((resolve) => {
    if (pid === void 0) {
      void child.then(
        (r2) => resolve({ code: null, signal: null, error: String(r2.message ?? "could not start") })
      );
      return;
    }
    child.once("exit", (code, signal) => resolve({ code, signal }));
    child.once("error", (e) => resolve({ code: null, signal: null, error: e.message }));
  });
  let timedOut = false;
  let timer;
  if (pid !== void 0) {
    track(pid);
    if (opts.timeoutMs !== void 0) {
      timer = setTimeout(() => {
        timedOut = true;
        killProcessGroup(pid, "SIGKILL");
      }, opts.timeoutMs);
    }
    if (opts.onSpawn) {
      try {
        await opts.onSpawn(pid);
      } catch (e) {
        if (timer) clearTimeout(timer);
        killProcessGroup(pid);
        live.delete(pid);
        throw e;
      }
    }
  }
  const exit = await exited;
  if (timer) clearTimeout(timer);
  if (pid !== void 0) {
    if (opts.killGroupOnExit !== false || timedOut) killProcessGroup(pid);
    live.delete(pid);
  }
  await Promise.race([
    child.then(
      () => void 0,
      () => void 0
    ),
    new Promise((r2) => setTimeout(r2, 200))
  ]);
  child.stdout?.destroy();
  child.stderr?.destroy();
  void child.catch(() => {
  });
  let output = tail.text();
  if (exit.error) output += `${output && !output.endsWith("\n") ? "\n" : ""}could not run ${file}: ${exit.error}
`;
  const r = {
    exitCode: exit.code,
    signal: exit.signal,
    timedOut,
    output,
    durationMs: Math.round(performance.now() - started)
  };
  if (exit.error) r.error = exit.error;
  return r;
}

export {
  openProject,
  ZERO_SHA,
  isSha,
  revInputProblem,
  resolveCommit,
  refSha,
  createRef,
  deleteRefCas,
  isAncestor,
  aheadBehind,
  commitTimeMs,
  statusPorcelain,
  stashCreate,
  snapshotWorktree,
  contentLanded,
  reflogCommits,
  presentCommits,
  commitsLostWith,
  independentCommits,
  realpathOrUndefined,
  lanesDir,
  lanePathFor,
  killProcessGroup,
  runCommand
};
