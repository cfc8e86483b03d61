#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
var fs = require("node:fs");
var path = require("node:path");
import {
  absoluteGitDir,
  branchExists,
  currentBranch,
  headCommit,
  mainWorktreeHeadRef
} from "./chunk-ESYJGOAB.mjs";
import {
  refSha
} from "./chunk-AAYR2TCU.mjs";

// src/git/head-files.ts
var OID_RE = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
function readText(file) {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return void 0;
  }
}
function exists(file) {
  try {
    fs.lstatSync(file);
    return true;
  } catch {
    return false;
  }
}
function gitDirOf(worktree, commonDir) {
  const dotGit = path.join(worktree, ".git");
  const st = fs.statSync(dotGit, { throwIfNoEntry: false });
  if (!st) return void 0;
  if (st.isDirectory()) return fs.realpathSync(dotGit) === commonDir ? dotGit : void 0;
  const m = /^gitdir:\s*(.+?)\s*$/m.exec(readText(dotGit) ?? "");
  if (!m) return void 0;
  const gitDir = path.resolve(worktree, m[1]);
  const common = readText(path.join(gitDir, "commondir"))?.trim();
  if (!common || fs.realpathSync(path.resolve(gitDir, common)) !== commonDir) return void 0;
  return gitDir;
}
function refValue(commonDir, ref, packed) {
  const loose = readText(path.join(commonDir, ...ref.split("/")));
  if (loose !== void 0) return OID_RE.test(loose.trim()) ? loose.trim() : null;
  for (const line of packed.split("\n")) {
    const sp = line.indexOf(" ");
    if (sp > 0 && line.slice(sp + 1).trimEnd() === ref) return OID_RE.test(line.slice(0, sp)) ? line.slice(0, sp) : null;
  }
  return void 0;
}
function packedRefs(commonDir) {
  return readText(path.join(commonDir, "packed-refs")) ?? "";
}
function ambiguous(commonDir, short, packed) {
  return [short, `refs/${short}`, `refs/tags/${short}`].some(
    (other) => exists(path.join(commonDir, ...other.split("/"))) || packed.includes(` ${other}
`) || packed.endsWith(` ${other}`)
  );
}
function plainRef(full) {
  return /^refs\/heads\/[A-Za-z0-9._\/-]+$/.test(full) && !/\.\.|\/\/|\/$|\.lock$|(^|\/)\./.test(full);
}
function branchTipFiles(commonDir, name, env = process.env) {
  if (env.GIT_DIR || env.GIT_COMMON_DIR || !plainRef(`refs/heads/${name}`) || OID_RE.test(name)) return void 0;
  try {
    if (exists(path.join(commonDir, "reftable"))) return void 0;
    const packed = packedRefs(commonDir);
    if (ambiguous(commonDir, name, packed)) return void 0;
    return refValue(commonDir, `refs/heads/${name}`, packed) ?? void 0;
  } catch {
    return void 0;
  }
}
function refExistsFiles(commonDir, full, env = process.env) {
  if (env.GIT_DIR || env.GIT_COMMON_DIR || !plainRef(full)) return void 0;
  try {
    if (exists(path.join(commonDir, "reftable"))) return void 0;
    if (exists(path.join(commonDir, ...full.split("/")))) return true;
    const packed = packedRefs(commonDir);
    return packed.includes(` ${full}
`) || packed.endsWith(` ${full}`);
  } catch {
    return void 0;
  }
}
function readHeadFiles(worktree, commonDir, env = process.env) {
  if (env.GIT_DIR || env.GIT_WORK_TREE || env.GIT_COMMON_DIR) return void 0;
  try {
    const gitDir = gitDirOf(worktree, commonDir);
    return gitDir ? headInGitDir(gitDir, commonDir) : void 0;
  } catch {
    return void 0;
  }
}
function worktreeHeadFiles(adminDir, commonDir, env = process.env) {
  if (env.GIT_DIR || env.GIT_WORK_TREE || env.GIT_COMMON_DIR) return void 0;
  try {
    return headInGitDir(adminDir, commonDir);
  } catch {
    return void 0;
  }
}
function headInGitDir(gitDir, commonDir) {
  if (exists(path.join(commonDir, "reftable"))) return void 0;
  const head = (readText(path.join(gitDir, "HEAD")) ?? "").trim();
  if (OID_RE.test(head)) return { commit: head };
  const ref = /^ref: (refs\/heads\/(\S+))$/.exec(head);
  if (!ref) return void 0;
  const [full, short] = [ref[1], ref[2]];
  if (!plainRef(full)) return void 0;
  const packed = packedRefs(commonDir);
  if (ambiguous(commonDir, short, packed)) return void 0;
  const oid = refValue(commonDir, full, packed);
  if (oid === null) return void 0;
  return { branch: short, ...oid ? { commit: oid } : {} };
}
function mainHeadRefFiles(commonDir, env = process.env) {
  if (env.GIT_DIR || env.GIT_COMMON_DIR) return void 0;
  try {
    if (exists(path.join(commonDir, "reftable"))) return void 0;
    const head = (readText(path.join(commonDir, "HEAD")) ?? "").trim();
    if (OID_RE.test(head)) return "";
    const full = /^ref: (refs\/heads\/\S+)$/.exec(head)?.[1];
    if (!full || !plainRef(full)) return void 0;
    return refValue(commonDir, full, packedRefs(commonDir)) === null ? void 0 : full;
  } catch {
    return void 0;
  }
}
async function mainHeadRef(commonDir) {
  const disk = mainHeadRefFiles(commonDir);
  return disk !== void 0 ? disk || void 0 : mainWorktreeHeadRef(commonDir);
}
async function branchExistsAt(commonDir, name) {
  return refExistsFiles(commonDir, `refs/heads/${name}`) ?? branchExists(commonDir, name);
}
async function worktreeGitDir(worktree, commonDir) {
  let disk;
  if (!process.env.GIT_DIR && !process.env.GIT_WORK_TREE && !process.env.GIT_COMMON_DIR) {
    try {
      disk = gitDirOf(worktree, commonDir);
    } catch {
      disk = void 0;
    }
  }
  return disk !== void 0 ? path.resolve(disk) : absoluteGitDir(worktree);
}
async function branchTip(root, commonDir, name) {
  return branchTipFiles(commonDir, name) ?? refSha(root, `refs/heads/${name}`);
}
async function worktreeHeadCommit(root, commonDir, adminDir) {
  const disk = worktreeHeadFiles(adminDir, commonDir);
  return disk ? disk.commit : refSha(root, `worktrees/${path.basename(adminDir)}/HEAD`);
}
async function headOf(worktree, commonDir) {
  const disk = readHeadFiles(worktree, commonDir);
  if (disk) return disk;
  const [branch, commit] = await Promise.all([currentBranch(worktree), headCommit(worktree)]);
  return { ...branch ? { branch } : {}, ...commit ? { commit } : {} };
}

export {
  branchTipFiles,
  refExistsFiles,
  readHeadFiles,
  mainHeadRef,
  branchExistsAt,
  worktreeGitDir,
  branchTip,
  worktreeHeadCommit,
  headOf
};
