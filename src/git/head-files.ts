/**
 * A worktree's branch and HEAD commit read from the files git keeps (the `.git` file or directory,
 * `HEAD`, the loose ref or `packed-refs`), for the SessionStart hook, where each git process costs
 * several ms under load. Only the plain layout is read: whenever the answer could differ from
 * git's (environment overrides, a reftable, a symbolic ref to a symbolic ref, a name git would
 * print differently), the functions ask git itself. Reads take no locks (docs/safety.md rule 7).
 */
import fs from 'node:fs';
import path from 'node:path';
import { currentBranch, headCommit } from './head.js';

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

/**
 * HEAD of `worktree` (a real path, the top of a worktree of the repository whose real common dir
 * is `commonDir`) from the files git keeps, or undefined when only git can say.
 */
export function readHeadFiles(worktree: string, commonDir: string, env: NodeJS.ProcessEnv = process.env): HeadFiles | undefined {
  // Git would follow these instead of the files below.
  if (env.GIT_DIR || env.GIT_WORK_TREE || env.GIT_COMMON_DIR) return undefined;
  try {
    if (exists(path.join(commonDir, 'reftable'))) return undefined;
    const gitDir = gitDirOf(worktree, commonDir);
    if (!gitDir) return undefined;
    const head = (readText(path.join(gitDir, 'HEAD')) ?? '').trim();
    // A detached HEAD holds the commit itself (git writes only a commit there).
    if (OID_RE.test(head)) return { commit: head };
    const ref = /^ref: (refs\/heads\/(\S+))$/.exec(head);
    if (!ref) return undefined;
    const [full, short] = [ref[1]!, ref[2]!];
    if (full.includes('..') || full.includes('//') || full.endsWith('/') || full.endsWith('.lock')) return undefined;
    const packed = readText(path.join(commonDir, 'packed-refs')) ?? '';
    // `symbolic-ref --short` prints `heads/<b>` when <b>, refs/<b> or refs/tags/<b> also names a
    // ref: ask git whenever one of those may exist.
    for (const other of [short, `refs/${short}`, `refs/tags/${short}`]) {
      if (exists(path.join(commonDir, ...other.split('/'))) || packed.includes(` ${other}\n`) || packed.endsWith(` ${other}`))
        return undefined;
    }
    const oid = refValue(commonDir, full, packed);
    if (oid === null) return undefined;
    // A branch can only hold a commit (git refuses anything else for refs/heads/ and HEAD).
    return { branch: short, ...(oid ? { commit: oid } : {}) };
  } catch {
    return undefined;
  }
}

/** The branch and commit of `worktree`'s HEAD: from the files git keeps when plain, else from git. */
export async function headOf(worktree: string, commonDir: string): Promise<HeadFiles> {
  const disk = readHeadFiles(worktree, commonDir);
  if (disk) return disk;
  const [branch, commit] = await Promise.all([currentBranch(worktree), headCommit(worktree)]);
  return { ...(branch ? { branch } : {}), ...(commit ? { commit } : {}) };
}
