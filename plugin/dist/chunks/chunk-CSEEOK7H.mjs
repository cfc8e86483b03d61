#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
import {
  git
} from "./chunk-5IGYGQZY.mjs";

// src/git/files.ts
async function trackedFiles(top) {
  const out = (await git(top, ["ls-files", "-z", "--cached"], { readOnly: true })).stdout;
  return out.split("\0").filter(Boolean);
}
async function untrackedMatching(cwd, patternFile) {
  return (await git(cwd, ["ls-files", "-z", "--others", "--ignored", `--exclude-from=${patternFile}`], { readOnly: true })).stdout.split("\0").filter(Boolean);
}
async function ignoredAmong(cwd, paths) {
  return (await git(cwd, ["check-ignore", "-z", "--stdin"], { readOnly: true, input: `${paths.join("\0")}\0`, okCodes: [1] })).stdout.split("\0").filter(Boolean);
}
async function isIgnored(cwd, rel) {
  const r = await git(cwd, ["check-ignore", "-q", "--", rel], { readOnly: true, okCodes: [1, 128] });
  return r.exitCode === 0;
}
async function ignoredMatching(worktree) {
  const out = (await git(worktree, ["status", "--porcelain=v1", "-z", "--ignored=matching", "--untracked-files=normal"], { readOnly: true })).stdout;
  return out.split("\0").filter((e) => e.startsWith("!! ")).map((e) => e.slice(3));
}
async function ignoredFilesUnder(worktree, rel) {
  return (await git(worktree, ["ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--", rel], {
    readOnly: true,
    env: { GIT_LITERAL_PATHSPECS: "1" }
  })).stdout.split("\0").filter(Boolean);
}
async function statusRecords(worktree, pathspec) {
  const r = await git(worktree, ["status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames", "--", ...pathspec], {
    readOnly: true,
    okCodes: [128]
  });
  return r.exitCode === 0 ? r.stdout.split("\0").filter((rec) => rec.length >= 4) : void 0;
}
async function hasChanges(worktree, pathspec) {
  const st = await git(worktree, ["status", "--porcelain=v1", "-z", "--untracked-files=all", "--", ...pathspec], { readOnly: true });
  return st.stdout !== "";
}
async function diffNumstat(worktree, base, pathspec, opts = {}) {
  const from = opts.mergeBaseOf ? ["--merge-base", base] : [base];
  const r = await git(worktree, ["diff", "--numstat", "-z", "--no-renames", "--no-ext-diff", "--no-textconv", ...from, "--", ...pathspec], {
    readOnly: true,
    okCodes: [128]
  });
  if (r.exitCode !== 0) return void 0;
  const out = [];
  for (const rec of r.stdout.split("\0")) {
    const m = /^(\d+|-)\t(\d+|-)\t(.+)$/s.exec(rec);
    if (!m) continue;
    const e = { path: m[3] };
    if (m[1] !== "-") {
      e.added = Number(m[1]);
      e.deleted = Number(m[2]);
    }
    out.push(e);
  }
  return out;
}
async function indexListing(worktree, pathspecs) {
  return (await git(worktree, ["ls-files", "-s", "-z", "--", ...pathspecs], { readOnly: true })).stdout.trim();
}
async function untrackedEntries(worktree) {
  return (await git(worktree, ["ls-files", "--others", "--directory", "-z"], { readOnly: true })).stdout.trim().split("\0").filter(Boolean);
}

export {
  trackedFiles,
  untrackedMatching,
  ignoredAmong,
  isIgnored,
  ignoredMatching,
  ignoredFilesUnder,
  statusRecords,
  hasChanges,
  diffNumstat,
  indexListing,
  untrackedEntries
};
