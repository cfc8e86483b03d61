/**
 * "Which repository, and which lane, is this hook running for?" answered on the hot path without
 * spawning git: walk up from `cwd` to the first `.git` (a directory in the main checkout, a
 * `gitdir:` file in a linked worktree), follow `commondir`, and read the shared state documents
 * directly (lock-free: state writes are atomic renames). Only when git's own environment variables
 * redirect it, or a `.git` file is not understood, do we ask `git rev-parse` (about 1 ms plus a
 * spawn). The PreToolUse hook runs before every edit, so nothing here may import zod, the MCP SDK,
 * execa or the lock library.
 */
import { loadBook } from '../../state/seen.js';
import { childProcess } from '../../system/child-process.js';
import fs from 'node:fs';
import path from 'node:path';
import type { LanesDoc } from '../../core/lanes/model.js';
import { parseDoc } from '../../state/docs.js';

export interface Where {
  /** Real path of the directory the hook runs for. */
  cwd: string;
  /** Real path of the top of the worktree containing cwd. */
  top: string;
  commonDir: string;
  /** Top of the main checkout (where .claude/worktrees lives). */
  mainRoot: string;
  /** `<common dir>/lanes`: exists only once Lanes has been used in this repository. */
  stateDir: string;
}

export type Located = { ok: true; where: Where } | { ok: false; why: string };

export function realOr(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

/**
 * The real path of `p` even when it does not exist yet (a Write creating a file): the real path
 * of its deepest existing ancestor plus the rest. Symlinked directories are resolved, so an edit
 * cannot slip out of a lane through a link.
 */
export function realish(p: string): string {
  const abs = path.resolve(p);
  const rest: string[] = [];
  let cur = abs;
  // existsSync first: a thrown ENOENT costs a stack trace per missing component.
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

function fromGit(cwd: string): Located {
  try {
    const { execFileSync } = childProcess();
    const out = execFileSync('git', ['rev-parse', '--show-toplevel', '--git-common-dir'], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
      timeout: 5000,
    });
    const [top = '', common = ''] = out.split('\n');
    if (!top || !common) return { ok: false, why: `${cwd} is not inside a git work tree` };
    return { ok: true, where: build(cwd, realOr(top), realOr(path.resolve(cwd, common))) };
  } catch {
    return { ok: false, why: `${cwd} is not inside a git repository` };
  }
}

function build(cwd: string, top: string, commonDir: string): Where {
  const mainRoot = path.basename(commonDir) === '.git' ? path.dirname(commonDir) : top;
  return { cwd, top, commonDir, mainRoot, stateDir: path.join(commonDir, 'lanes') };
}

/** The git common dir named by a worktree's git dir (its `commondir` file), else the git dir itself. */
function commonOf(gitDir: string): string {
  try {
    const rel = fs.readFileSync(path.join(gitDir, 'commondir'), 'utf8').trim();
    if (rel) return realOr(path.resolve(gitDir, rel));
  } catch {
    // a main .git directory, or a submodule's git dir: it is its own common dir
  }
  return realOr(gitDir);
}

export function locate(cwd: unknown): Located {
  if (typeof cwd !== 'string' || cwd === '') return { ok: false, why: 'the input has no cwd' };
  let real: string;
  try {
    real = fs.realpathSync(cwd);
  } catch {
    return { ok: false, why: `the directory ${cwd} does not exist` };
  }
  if (process.env.GIT_DIR || process.env.GIT_WORK_TREE || process.env.GIT_COMMON_DIR) return fromGit(real);
  for (let dir = real; ;) {
    const dotGit = path.join(dir, '.git');
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(dotGit, { throwIfNoEntry: false });
    } catch {
      st = undefined; // EACCES, ENOTDIR...
    }
    if (st?.isDirectory()) {
      if (!fs.existsSync(path.join(dotGit, 'HEAD'))) return fromGit(real);
      return { ok: true, where: build(real, dir, commonOf(dotGit)) };
    }
    if (st?.isFile()) {
      let m: RegExpExecArray | null = null;
      try {
        m = /^gitdir:\s*(.+?)\s*$/m.exec(fs.readFileSync(dotGit, 'utf8'));
      } catch {
        m = null;
      }
      if (!m) return fromGit(real);
      return { ok: true, where: build(real, dir, commonOf(path.resolve(dir, m[1]!))) };
    }
    const parent = path.dirname(dir);
    if (parent === dir) return { ok: false, why: `${cwd} is not inside a git repository` };
    dir = parent;
  }
}

/** A state document's data, read without a lock; undefined when missing or unreadable. */
export function readDoc<T>(stateDir: string, name: string): T | undefined {
  // With shared state on a remote, other machines' leases are judged by what this one saw of them.
  if (fs.existsSync(path.join(stateDir, 'remote', 'enabled.json'))) loadBook(path.join(stateDir, 'remote', 'seen.json'));
  const file = path.join(stateDir, `${name}.json`);
  if (!fs.existsSync(file)) return undefined;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const r = parseDoc(text);
  return r.ok ? (r.data as T) : undefined;
}

export function hasState(w: Where): boolean {
  try {
    return fs.statSync(w.stateDir, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false;
  }
}

export function readLanes(stateDir: string): LanesDoc {
  const d = readDoc<LanesDoc>(stateDir, 'lanes');
  return d && typeof d === 'object' && !Array.isArray(d) ? d : {};
}
