/**
 * `.worktreeinclude`: gitignore-style patterns naming untracked files (`.env`, local config) a new
 * lane needs. As in Claude Code, a file is copied only if it matches a pattern AND git ignores it,
 * so a tracked file (already checked out) or a stray untracked one is never copied. Git itself
 * evaluates both sets of patterns, so the semantics are exactly gitignore's.
 *
 * Symlinks are never followed out of the repository: a matched symlink is recreated as a symlink
 * only if it resolves inside the repository, files are opened with O_NOFOLLOW, and both the source
 * and destination directories are checked with realpath.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ignoredAmong, untrackedMatching } from '../../git/files.js';
import { isInside, realpathOrUndefined } from './paths.js';

export interface IncludeResult {
  copied: string[];
  skipped: Array<{ path: string; reason: string }>;
  bytes: number;
}

const MAX_PATTERN_BYTES = 256 * 1024;
const PARALLEL = 8;
const { O_RDONLY, O_NOFOLLOW, O_WRONLY, O_CREAT, O_EXCL } = fs.constants;

/** Files under `mainRoot` that the include file names and git ignores (relative paths, sorted). */
export async function includedFiles(mainRoot: string, includeFile: string): Promise<{ files: string[]; problem?: string }> {
  const file = path.join(mainRoot, includeFile);
  let st: fs.Stats;
  try {
    st = fs.lstatSync(file);
  } catch {
    return { files: [] };
  }
  if (!st.isFile()) return { files: [], problem: `${includeFile} is not a regular file (a symlink?); it was not read` };
  if (st.size > MAX_PATTERN_BYTES)
    return { files: [], problem: `${includeFile} is larger than ${MAX_PATTERN_BYTES} bytes; it was not read` };
  const text = fs.readFileSync(file, 'utf8');
  if (!text.split('\n').some((l) => l.trim() !== '' && !l.startsWith('#'))) return { files: [] };
  // Untracked files matching the include patterns (used as if they were ignore rules)...
  const matched = await untrackedMatching(mainRoot, file);
  if (matched.length === 0) return { files: [] };
  // ...that the repository's own ignore rules also ignore.
  const ignored = await ignoredAmong(mainRoot, matched);
  return { files: [...new Set(ignored)].sort() };
}

/** Copies the included files from the main checkout into a fresh lane. */
export async function copyIncluded(mainRoot: string, lane: string, includeFile: string): Promise<IncludeResult> {
  const out: IncludeResult = { copied: [], skipped: [], bytes: 0 };
  const { files, problem } = await includedFiles(mainRoot, includeFile);
  if (problem) out.skipped.push({ path: includeFile, reason: problem });
  if (files.length === 0) return out;
  const root = fs.realpathSync(mainRoot);
  const laneReal = fs.realpathSync(lane);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const rel = files[next++]!;
      try {
        const r = await copyOne(root, laneReal, rel);
        if (typeof r === 'number') {
          out.copied.push(rel);
          out.bytes += r;
        } else {
          out.skipped.push({ path: rel, reason: r.skipped });
        }
      } catch (e) {
        out.skipped.push({ path: rel, reason: (e as Error).message });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, files.length) }, worker));
  out.copied.sort();
  return out;
}

async function copyOne(root: string, lane: string, rel: string): Promise<number | { skipped: string }> {
  if (path.isAbsolute(rel) || rel.split('/').includes('..')) return { skipped: 'not a plain relative path' };
  const src = path.join(root, rel);
  const dst = path.join(lane, rel);
  // The source's directory must be exactly where it claims to be (no symlinked directory).
  if (realpathOrUndefined(path.dirname(src)) !== path.dirname(src)) return { skipped: 'a directory on its path is a symlink' };
  const st = await fs.promises.lstat(src);
  if (!(await mkdirsNoFollow(lane, path.dirname(rel)))) return { skipped: 'a directory on its path in the lane is a symlink or a file' };
  if (st.isSymbolicLink()) {
    const real = realpathOrUndefined(src);
    if (real === undefined || !isInside(root, real) || isInside(path.join(root, '.git'), real)) {
      return { skipped: 'symlink leading outside the repository (not followed)' };
    }
    await fs.promises.symlink(await fs.promises.readlink(src), dst);
    return 0;
  }
  if (!st.isFile()) return { skipped: 'not a regular file' };
  const from = await fs.promises.open(src, O_RDONLY | O_NOFOLLOW);
  try {
    const fst = await from.stat();
    if (!fst.isFile()) return { skipped: 'not a regular file' };
    const to = await fs.promises.open(dst, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, fst.mode & 0o777);
    try {
      const buf = Buffer.allocUnsafe(Math.min(1 << 20, Math.max(1, fst.size)));
      let total = 0;
      for (;;) {
        const { bytesRead } = await from.read(buf, 0, buf.length, null);
        if (bytesRead === 0) break;
        let off = 0;
        while (off < bytesRead) off += (await to.write(buf, off, bytesRead - off)).bytesWritten;
        total += bytesRead;
      }
      await to.chmod(fst.mode & 0o777);
      return total;
    } finally {
      await to.close();
    }
  } finally {
    await from.close();
  }
}

/** mkdir -p of `rel` under `base`, one component at a time, never through a symlink. */
async function mkdirsNoFollow(base: string, rel: string): Promise<boolean> {
  let cur = base;
  for (const part of rel.split('/')) {
    if (part === '' || part === '.') continue;
    cur = path.join(cur, part);
    let st: fs.Stats;
    try {
      st = await fs.promises.lstat(cur);
    } catch {
      try {
        await fs.promises.mkdir(cur);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      st = await fs.promises.lstat(cur);
    }
    if (!st.isDirectory()) return false;
  }
  return true;
}
