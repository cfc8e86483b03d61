#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
var path = require("node:path");
var fs = require("node:fs");
import {
  git,
  gitOut
} from "./chunk-5IGYGQZY.mjs";
import {
  LanesError
} from "./chunk-OBLF3P63.mjs";

// src/git/repo.ts
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
  const hasCommits = await headHasCommit(worktreeRoot, commonDir);
  return { worktreeRoot, commonDir, mainRoot, stateDir: path.join(commonDir, "lanes"), hasCommits };
}
async function repoFromPaths(p) {
  const worktreeRoot = fs.realpathSync(p.worktreeRoot);
  const commonDir = fs.realpathSync(p.commonDir);
  const hasCommits = await headHasCommit(worktreeRoot, commonDir);
  return { worktreeRoot, commonDir, mainRoot: p.mainRoot, stateDir: path.join(commonDir, "lanes"), hasCommits };
}
async function headHasCommit(worktreeRoot, commonDir) {
  const onDisk = process.env.GIT_DIR ? void 0 : headHasCommitOnDisk(worktreeRoot, commonDir);
  if (onDisk !== void 0) return onDisk;
  const head = await git(worktreeRoot, ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], { readOnly: true, okCodes: [1, 128] });
  return head.exitCode === 0;
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
async function commonDirOf(dir) {
  const r = await git(dir, ["rev-parse", "--git-common-dir"], { readOnly: true, okCodes: [128] });
  return r.exitCode === 0 ? path.resolve(dir, r.stdout.trim()) : void 0;
}

// src/git/head.ts
async function headCommit(worktree) {
  const r = await git(worktree, ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], { readOnly: true, okCodes: [1, 128] });
  return r.exitCode === 0 ? r.stdout.trim() : void 0;
}
async function currentBranch(worktree) {
  const r = await git(worktree, ["symbolic-ref", "--quiet", "--short", "HEAD"], { readOnly: true, okCodes: [1, 128] });
  return r.exitCode === 0 ? r.stdout.trim() || void 0 : void 0;
}
function absoluteGitDir(worktree) {
  return gitOut(worktree, ["rev-parse", "--absolute-git-dir"], { readOnly: true });
}
function showToplevel(dir) {
  return gitOut(dir, ["rev-parse", "--show-toplevel"], { readOnly: true });
}
async function mainWorktreeHeadRef(commonDir) {
  const r = await git(commonDir, ["--git-dir", commonDir, "symbolic-ref", "--quiet", "HEAD"], { readOnly: true, okCodes: [1, 128] });
  return r.exitCode === 0 ? r.stdout.trim() : void 0;
}
async function branchExists(commonDir, branch) {
  const r = await git(commonDir, ["--git-dir", commonDir, "show-ref", "--verify", "--quiet", `refs/heads/${branch}`], {
    readOnly: true,
    okCodes: [1, 128]
  });
  return r.exitCode === 0;
}
async function branchTips(cwd, prefix) {
  const out = (await git(cwd, ["for-each-ref", "--format=%(refname:short)%00%(objectname)%00%(committerdate:unix)", prefix], {
    readOnly: true
  })).stdout;
  const tips = /* @__PURE__ */ new Map();
  for (const line of out.split("\n")) {
    const [name, sha, time] = line.split("\0");
    if (name && sha) tips.set(name, { sha, time: Number(time) * 1e3 || 0 });
  }
  return tips;
}
async function refsUnder(cwd, prefix) {
  const strip = prefix.split("/").filter(Boolean).length;
  const out = await gitOut(cwd, ["for-each-ref", `--format=%(refname:lstrip=${strip})%00%(objectname)`, prefix], { readOnly: true });
  return out.split("\n").filter(Boolean).map((line) => {
    const [name = "", sha = ""] = line.split("\0");
    return { name, sha };
  });
}
async function deleteMergedBranch(cwd, branch) {
  const d = await git(cwd, ["branch", "-d", "--", branch], { okCodes: [1] });
  return d.exitCode === 0 ? { ok: true } : { ok: false, reason: d.stderr.trim().split("\n")[0] ?? "" };
}

export {
  resolveRepo,
  repoFromPaths,
  commonDirOf,
  headCommit,
  currentBranch,
  absoluteGitDir,
  showToplevel,
  mainWorktreeHeadRef,
  branchExists,
  branchTips,
  refsUnder,
  deleteMergedBranch
};
