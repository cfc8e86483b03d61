#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  LanesError
} from "./chunk-B475TGAI.mjs";

// src/git/exec.ts
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
async function git(cwd, args, opts = {}) {
  const env = { ...opts.env };
  if (opts.readOnly) env.GIT_OPTIONAL_LOCKS = "0";
  env.GIT_TERMINAL_PROMPT = "0";
  env.GIT_EDITOR = env.GIT_EDITOR ?? "true";
  env.GIT_PAGER = "cat";
  let r;
  try {
    r = await run(args, cwd, { ...process.env, ...env }, opts.input, opts.timeoutMs);
  } catch (cause) {
    const gone = !existsSync(cwd);
    throw new LanesError(
      "GIT",
      gone ? `could not run git ${args[0] ?? ""}: the directory ${cwd} does not exist` : `could not run git ${args[0] ?? ""}: ${cause.message}`,
      {
        hint: gone ? "The directory was removed; run the command from an existing checkout." : "Check that git is installed and on PATH.",
        cause
      }
    );
  }
  const exitCode = r.code ?? -1;
  const out = { stdout: r.stdout, stderr: r.stderr, exitCode };
  if (exitCode !== 0 && !(opts.okCodes ?? []).includes(exitCode)) {
    const what = args.filter((a) => !a.startsWith("-c") && !a.includes("=")).slice(0, 3).join(" ");
    throw new LanesError("GIT", `git ${what} failed (exit ${exitCode}): ${out.stderr.trim() || out.stdout.trim()}`, {
      details: { args, exitCode, stderr: out.stderr.slice(-4e3) }
    });
  }
  return out;
}
async function gitOut(cwd, args, opts = {}) {
  return (await git(cwd, args, opts)).stdout.trim();
}
var MAX_BUFFER = 64 * 1024 * 1024;
function run(args, cwd, env, input, timeoutMs) {
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, { cwd, env, stdio: [input === void 0 ? "ignore" : "pipe", "pipe", "pipe"], windowsHide: true });
    const out = [];
    const err = [];
    let size = 0;
    let killed = false;
    const kill = () => {
      if (killed) return;
      killed = true;
      child.kill("SIGTERM");
    };
    const collect = (into) => (c) => {
      size += c.length;
      if (size > MAX_BUFFER) return kill();
      into.push(c);
    };
    child.stdout.on("data", collect(out));
    child.stderr.on("data", collect(err));
    const timer = timeoutMs !== void 0 && timeoutMs > 0 ? setTimeout(kill, timeoutMs) : void 0;
    let started = false;
    child.once("spawn", () => {
      started = true;
    });
    child.once("error", (e) => {
      if (timer) clearTimeout(timer);
      if (!started) reject(e);
    });
    const text = (b) => Buffer.concat(b).toString("utf8");
    child.once("close", (code) => {
      if (timer) clearTimeout(timer);
      resolve({ code: killed ? null : code, stdout: text(out), stderr: text(err) });
    });
    child.once("exit", () => {
      if (!killed) return;
      if (timer) clearTimeout(timer);
      child.stdout.destroy();
      child.stderr.destroy();
      resolve({ code: null, stdout: text(out), stderr: text(err) });
    });
    if (input !== void 0) {
      child.stdin.on("error", () => {
      });
      child.stdin.end(input);
    }
  });
}

// src/git/repo.ts
import path from "node:path";
import fs from "node:fs";
async function resolveRepo(cwd) {
  if (!fs.existsSync(cwd)) {
    throw new LanesError("NOT_A_REPO", `Directory ${cwd} does not exist.`, { hint: "Run Lanes from inside a git repository." });
  }
  const r = await git(cwd, ["rev-parse", "--show-toplevel", "--git-common-dir", "--is-bare-repository"], {
    readOnly: true,
    okCodes: [128]
  });
  if (r.exitCode !== 0) {
    throw new LanesError("NOT_A_REPO", `${cwd} is not inside a git repository.`, {
      hint: "Run Lanes from inside a git repository (git init, then commit something)."
    });
  }
  const lines = r.stdout.split("\n");
  const [top, common, bare] = [lines[0] ?? "", lines[1] ?? "", lines[2] ?? ""];
  if (bare === "true" || !top) {
    throw new LanesError("NOT_A_REPO", `${cwd} is a bare repository or has no work tree.`, {
      hint: "Run Lanes from a checkout of the repository, not from a bare repository or the .git directory."
    });
  }
  const worktreeRoot = fs.realpathSync(top);
  const commonDir = fs.realpathSync(path.resolve(cwd, common));
  const mainRoot = path.basename(commonDir) === ".git" ? path.dirname(commonDir) : worktreeRoot;
  const head = await git(worktreeRoot, ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], {
    readOnly: true,
    okCodes: [1, 128]
  });
  return {
    worktreeRoot,
    commonDir,
    mainRoot,
    stateDir: path.join(commonDir, "lanes"),
    hasCommits: head.exitCode === 0
  };
}
async function repoFromPaths(p) {
  const worktreeRoot = fs.realpathSync(p.worktreeRoot);
  const commonDir = fs.realpathSync(p.commonDir);
  let hasCommits = headHasCommitOnDisk(worktreeRoot, commonDir);
  if (hasCommits === void 0) {
    const head = await git(worktreeRoot, ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], { readOnly: true, okCodes: [1, 128] });
    hasCommits = head.exitCode === 0;
  }
  return { worktreeRoot, commonDir, mainRoot: p.mainRoot, stateDir: path.join(commonDir, "lanes"), hasCommits };
}
var OID_RE = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
function headHasCommitOnDisk(worktreeRoot, commonDir) {
  try {
    const dotGit = path.join(worktreeRoot, ".git");
    let gitDir = dotGit;
    if (fs.statSync(dotGit).isFile()) {
      const m = /^gitdir:\s*(.+?)\s*$/m.exec(fs.readFileSync(dotGit, "utf8"));
      if (!m) return void 0;
      gitDir = path.resolve(worktreeRoot, m[1]);
    }
    const head = fs.readFileSync(path.join(gitDir, "HEAD"), "utf8").trim();
    if (OID_RE.test(head)) return true;
    const ref = /^ref:\s*(refs\/heads\/\S+)$/.exec(head)?.[1];
    if (!ref || ref.includes("..")) return void 0;
    const loose = path.join(commonDir, ref);
    if (fs.existsSync(loose)) return OID_RE.test(fs.readFileSync(loose, "utf8").trim()) ? true : void 0;
    let packed;
    try {
      packed = fs.readFileSync(path.join(commonDir, "packed-refs"), "utf8");
    } catch {
      packed = "";
    }
    if (packed.split("\n").some((l) => l.endsWith(` ${ref}`))) return true;
    return fs.existsSync(path.join(commonDir, "reftable")) ? void 0 : false;
  } catch {
    return void 0;
  }
}

// src/core/config/relpath.ts
function relPathProblem(p, what) {
  if (p.length === 0) return "must not be empty";
  if (/[\x00-\x1f\x7f]/.test(p)) return "must not contain control characters";
  if (p.includes("\\")) return 'use "/" as the separator';
  if (p.startsWith("/") || /^[A-Za-z]:/.test(p)) return "must be relative to the repository root, not absolute";
  const parts = p.split("/").filter((s) => s !== "" && s !== ".");
  if (parts.includes("..")) return 'must stay inside the repository (no "..")';
  if (parts.length === 0) return `must name a ${what} inside the repository, not the repository root`;
  if (parts[0] === ".git") return "must not be inside .git";
  return void 0;
}

export {
  git,
  gitOut,
  resolveRepo,
  repoFromPaths,
  relPathProblem
};
