#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
var fs = require("node:fs");
var os = require("node:os");
var path = require("node:path");
import {
  git,
  gitOut,
  treeOf
} from "./chunk-5IGYGQZY.mjs";
import {
  LanesError
} from "./chunk-OBLF3P63.mjs";

// src/git/refs.ts
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
async function updateRefCas(cwd, ref, newSha, oldSha, message) {
  const r = await git(cwd, ["update-ref", "-m", message, ref, newSha, oldSha], { okCodes: [1, 128] });
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
function summaries(out) {
  if (!out) return [];
  return out.split("\n").map((line) => {
    const [sha = "", short = "", subject = ""] = line.split("\0");
    return { sha, short, subject };
  });
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
  const targetTree = await treeOf(cwd, target);
  return tree === targetTree;
}
async function configGet(cwd, key, env) {
  const r = await git(cwd, ["config", "--get", key], { env, readOnly: true, okCodes: [1] });
  return r.exitCode === 0 ? r.stdout.trim() : void 0;
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
  return summaries(out);
}
async function independentCommits(cwd, shas) {
  const list = [...new Set(shas.filter(isSha))];
  if (list.length <= 1) return list;
  const out = await gitOut(cwd, ["merge-base", "--independent", ...list], { readOnly: true });
  return out.split("\n").filter(isSha);
}

export {
  ZERO_SHA,
  isSha,
  revInputProblem,
  resolveCommit,
  refSha,
  createRef,
  updateRefCas,
  deleteRefCas,
  isAncestor,
  aheadBehind,
  commitTimeMs,
  statusPorcelain,
  stashCreate,
  snapshotWorktree,
  contentLanded,
  configGet,
  reflogCommits,
  presentCommits,
  commitsLostWith,
  independentCommits
};
