/**
 * A worktree's branch and HEAD commit read from the files git keeps (the `.git` file or directory,
 * `HEAD`, the loose ref or `packed-refs`), for the SessionStart hook, where each git process costs
 * several ms under load. Only the plain layout is read: whenever the answer could differ from
 * git's (environment overrides, a reftable, a symbolic ref to a symbolic ref, a name git would
 * print differently), the functions ask git itself. Reads take no locks (docs/safety.md rule 7).
 */
import fs from 'node:fs';
import path from 'node:path';
import { absoluteGitDir, branchExists, currentBranch, headCommit, mainWorktreeHeadRef } from './head.js';
import { refSha } from './refs.js';

const OID_RE = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/** What HEAD says, from disk; undefined whenever git might say something else. */
export interface HeadFiles {
  /** The branch HEAD points at, short (`lanes/api`); undefined when detached. */
  branch?: string;
  /** The commit HEAD names; undefined on an unborn branch. */
  commit?: string;
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function exists(file: string): boolean {
  try {
    fs.lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/** The worktree's own git dir, when it belongs to `commonDir`. */
function gitDirOf(worktree: string, commonDir: string): string | undefined {
  const dotGit = path.join(worktree, '.git');
  const st = fs.statSync(dotGit, { throwIfNoEntry: false });
  if (!st) return undefined;
  if (st.isDirectory()) return fs.realpathSync(dotGit) === commonDir ? dotGit : undefined;
  const m = /^gitdir:\s*(.+?)\s*$/m.exec(readText(dotGit) ?? '');
  if (!m) return undefined;
  const gitDir = path.resolve(worktree, m[1]!);
  const common = readText(path.join(gitDir, 'commondir'))?.trim();
  if (!common || fs.realpathSync(path.resolve(gitDir, common)) !== commonDir) return undefined;
  return gitDir;
}

/** The oid a loose or packed ref holds: undefined when absent, null when it is not plain. */
function refValue(commonDir: string, ref: string, packed: string): string | undefined | null {
  const loose = readText(path.join(commonDir, ...ref.split('/')));
  if (loose !== undefined) return OID_RE.test(loose.trim()) ? loose.trim() : null;
  for (const line of packed.split('\n')) {
    const sp = line.indexOf(' ');
    if (sp > 0 && line.slice(sp + 1).trimEnd() === ref) return OID_RE.test(line.slice(0, sp)) ? line.slice(0, sp) : null;
  }
  return undefined;
}

function packedRefs(commonDir: string): string {
  return readText(path.join(commonDir, 'packed-refs')) ?? '';
}

/** Whether a short name could also be read by git as something other than `refs/heads/<short>`. */
function ambiguous(commonDir: string, short: string, packed: string): boolean {
  // `symbolic-ref --short` prints `heads/<b>`, and `rev-parse <b>` prefers another ref, when <b>,
  // refs/<b> or refs/tags/<b> also names one.
  return [short, `refs/${short}`, `refs/tags/${short}`].some(
    (other) => exists(path.join(commonDir, ...other.split('/'))) || packed.includes(` ${other}\n`) || packed.endsWith(` ${other}`),
  );
}

function plainRef(full: string): boolean {
  return /^refs\/heads\/[A-Za-z0-9._\/-]+$/.test(full) && !/\.\.|\/\/|\/$|\.lock$|(^|\/)\./.test(full);
}

/**
 * The commit of branch `name` (short, `main`) as `rev-parse --verify <name>^{commit}` gives it,
 * read from the files git keeps; undefined when only git can say (an absent or ambiguous name, a
 * reftable, environment overrides).
 */
export function branchTipFiles(commonDir: string, name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  // A full object id is read as that object before any ref of the same name.
  if (env.GIT_DIR || env.GIT_COMMON_DIR || !plainRef(`refs/heads/${name}`) || OID_RE.test(name)) return undefined;
  try {
    if (exists(path.join(commonDir, 'reftable'))) return undefined;
    const packed = packedRefs(commonDir);
    if (ambiguous(commonDir, name, packed)) return undefined;
    return refValue(commonDir, `refs/heads/${name}`, packed) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether the full ref `refs/heads/...` exists, from the files git keeps: true when a loose file
 * or a packed line names it, false when neither does; undefined when only git can say.
 */
export function refExistsFiles(commonDir: string, full: string, env: NodeJS.ProcessEnv = process.env): boolean | undefined {
  if (env.GIT_DIR || env.GIT_COMMON_DIR || !plainRef(full)) return undefined;
  try {
    if (exists(path.join(commonDir, 'reftable'))) return undefined;
    if (exists(path.join(commonDir, ...full.split('/')))) return true;
    const packed = packedRefs(commonDir);
    return packed.includes(` ${full}\n`) || packed.endsWith(` ${full}`);
  } catch {
    return undefined;
  }
}

/**
 * HEAD of `worktree` (a real path, the top of a worktree of the repository whose real common dir
 * is `commonDir`) from the files git keeps, or undefined when only git can say.
 */
export function readHeadFiles(worktree: string, commonDir: string, env: NodeJS.ProcessEnv = process.env): HeadFiles | undefined {
  // Git would follow these instead of the files below.
  if (env.GIT_DIR || env.GIT_WORK_TREE || env.GIT_COMMON_DIR) return undefined;
  try {
    const gitDir = gitDirOf(worktree, commonDir);
    return gitDir ? headInGitDir(gitDir, commonDir) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * HEAD of the linked worktree whose admin directory is `adminDir` (`<common dir>/worktrees/<id>`),
 * as `git rev-parse worktrees/<id>/HEAD` and the HEAD file would say: known even when the
 * worktree's directory is gone; undefined when only git can say.
 */
export function worktreeHeadFiles(adminDir: string, commonDir: string, env: NodeJS.ProcessEnv = process.env): HeadFiles | undefined {
  if (env.GIT_DIR || env.GIT_WORK_TREE || env.GIT_COMMON_DIR) return undefined;
  try {
    return headInGitDir(adminDir, commonDir);
  } catch {
    return undefined;
  }
}

/** HEAD of the git dir `gitDir` (a worktree's own) of the repository whose common dir is `commonDir`. */
function headInGitDir(gitDir: string, commonDir: string): HeadFiles | undefined {
  if (exists(path.join(commonDir, 'reftable'))) return undefined;
  const head = (readText(path.join(gitDir, 'HEAD')) ?? '').trim();
  // A detached HEAD holds the commit itself (git writes only a commit there).
  if (OID_RE.test(head)) return { commit: head };
  const ref = /^ref: (refs\/heads\/(\S+))$/.exec(head);
  if (!ref) return undefined;
  const [full, short] = [ref[1]!, ref[2]!];
  if (!plainRef(full)) return undefined;
  const packed = packedRefs(commonDir);
  if (ambiguous(commonDir, short, packed)) return undefined;
  const oid = refValue(commonDir, full, packed);
  if (oid === null) return undefined;
  // A branch can only hold a commit (git refuses anything else for refs/heads/ and HEAD).
  return { branch: short, ...(oid ? { commit: oid } : {}) };
}

/**
 * The full ref the *main* worktree's HEAD points at (`<common dir>/HEAD`), as
 * `git --git-dir=<common dir> symbolic-ref HEAD` prints it: '' when detached, undefined when only
 * git can say. Every command resolves the default target from it.
 */
export function mainHeadRefFiles(commonDir: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.GIT_DIR || env.GIT_COMMON_DIR) return undefined;
  try {
    if (exists(path.join(commonDir, 'reftable'))) return undefined;
    const head = (readText(path.join(commonDir, 'HEAD')) ?? '').trim();
    if (OID_RE.test(head)) return '';
    const full = /^ref: (refs\/heads\/\S+)$/.exec(head)?.[1];
    if (!full || !plainRef(full)) return undefined;
    // symbolic-ref follows a branch that is itself a symbolic ref: leave that to git.
    return refValue(commonDir, full, packedRefs(commonDir)) === null ? undefined : full;
  } catch {
    return undefined;
  }
}

/** The main worktree's branch ref (undefined when detached): from the files git keeps when plain, else from git. */
export async function mainHeadRef(commonDir: string): Promise<string | undefined> {
  const disk = mainHeadRefFiles(commonDir);
  return disk !== undefined ? disk || undefined : mainWorktreeHeadRef(commonDir);
}

/** Whether branch `refs/heads/<name>` exists: from the files git keeps when plain, else from git. */
export async function branchExistsAt(commonDir: string, name: string): Promise<boolean> {
  return refExistsFiles(commonDir, `refs/heads/${name}`) ?? branchExists(commonDir, name);
}

/**
 * The git dir of `worktree` (its admin directory, or the common dir for the main checkout), as
 * `git rev-parse --absolute-git-dir` there would say: from its `.git` when plain, else from git.
 */
export async function worktreeGitDir(worktree: string, commonDir: string): Promise<string> {
  let disk: string | undefined;
  if (!process.env.GIT_DIR && !process.env.GIT_WORK_TREE && !process.env.GIT_COMMON_DIR) {
    try {
      disk = gitDirOf(worktree, commonDir);
    } catch {
      disk = undefined;
    }
  }
  return disk !== undefined ? path.resolve(disk) : absoluteGitDir(worktree);
}

/** The commit a branch `refs/heads/<name>` holds, undefined when there is none: from the files git keeps when plain, else from git. */
export async function branchTip(root: string, commonDir: string, name: string): Promise<string | undefined> {
  return branchTipFiles(commonDir, name) ?? refSha(root, `refs/heads/${name}`);
}

/**
 * The commit the linked worktree with admin directory `adminDir` has checked out (undefined when
 * its branch is unborn): from the files git keeps when plain, else `git rev-parse worktrees/<id>/HEAD`.
 */
export async function worktreeHeadCommit(root: string, commonDir: string, adminDir: string): Promise<string | undefined> {
  const disk = worktreeHeadFiles(adminDir, commonDir);
  return disk ? disk.commit : refSha(root, `worktrees/${path.basename(adminDir)}/HEAD`);
}

/** The branch and commit of `worktree`'s HEAD: from the files git keeps when plain, else from git. */
export async function headOf(worktree: string, commonDir: string): Promise<HeadFiles> {
  const disk = readHeadFiles(worktree, commonDir);
  if (disk) return disk;
  const [branch, commit] = await Promise.all([currentBranch(worktree), headCommit(worktree)]);
  return { ...(branch ? { branch } : {}), ...(commit ? { commit } : {}) };
}
