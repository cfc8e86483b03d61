/**
 * What git says about a session: the branch, the files changed (with line counts) and the commits
 * made, and committing the finished note. Every read passes `readOnly` (no optional locks, rule 6),
 * and the whole set costs a handful of git calls, because SessionEnd has 1.5 s for all of it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { git, gitOut } from '../../git/exec.js';
import { redact } from '../../util/redact.js';
import { COMMITS_MAX, FILES_MAX, type CommitLine, type FileChange } from './model.js';

/** Subject of the commits Lanes makes for notes; they are left out of every note's Commits. */
export const NOTE_COMMIT_PREFIX = 'lanes: session note';

export async function headCommit(worktree: string): Promise<string | undefined> {
  const r = await git(worktree, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], { readOnly: true, okCodes: [1, 128] });
  return r.exitCode === 0 ? r.stdout.trim() : undefined;
}

/** The checked-out branch (short name), or undefined on a detached HEAD. */
export async function currentBranch(worktree: string): Promise<string | undefined> {
  const r = await git(worktree, ['symbolic-ref', '--quiet', '--short', 'HEAD'], { readOnly: true, okCodes: [1, 128] });
  return r.exitCode === 0 ? r.stdout.trim() || undefined : undefined;
}

export async function mergeBase(worktree: string, a: string, b: string): Promise<string | undefined> {
  const r = await git(worktree, ['merge-base', '--end-of-options', a, b], { readOnly: true, okCodes: [1, 128] });
  return r.exitCode === 0 ? r.stdout.trim() || undefined : undefined;
}

function cleanPath(p: string): string {
  return redact(p.replace(/[\r\n]/g, '?'));
}

function countLines(file: string): number | undefined {
  try {
    const st = fs.statSync(file);
    if (!st.isFile() || st.size > 4 * 1024 * 1024) return undefined;
    const buf = fs.readFileSync(file);
    if (buf.includes(0)) return undefined; // binary
    if (buf.length === 0) return 0;
    let n = 0;
    for (const b of buf) if (b === 10) n++;
    return buf[buf.length - 1] === 10 ? n : n + 1;
  } catch {
    return undefined;
  }
}

function excludeSpecs(exclude: string[]): string[] {
  return exclude.filter(Boolean).map((e) => `:(exclude,top)${e}`);
}

/**
 * Files that differ between `base` and the working tree (committed and uncommitted changes
 * together, untracked files included), with line counts. Paths under `exclude` (the session notes
 * directory) are left out: notes are bookkeeping, not the work.
 */
export async function filesChanged(
  worktree: string,
  base: string | undefined,
  exclude: string[] = [],
): Promise<{ files: FileChange[]; more: number }> {
  const specs = ['--', ':(top)', ...excludeSpecs(exclude)];
  const [diff, status] = await Promise.all([
    base
      ? git(worktree, ['diff', '--numstat', '-z', '--no-renames', '--no-ext-diff', '--no-textconv', base, ...specs], {
          readOnly: true,
          okCodes: [128],
        })
      : Promise.resolve(undefined),
    git(worktree, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames', ...specs], {
      readOnly: true,
      okCodes: [128],
    }),
  ]);
  const dirty = new Set<string>();
  const untracked: string[] = [];
  if (status.exitCode === 0) {
    for (const rec of status.stdout.split('\0')) {
      if (rec.length < 4) continue;
      const p = rec.slice(3);
      dirty.add(p);
      if (rec.startsWith('??')) untracked.push(p);
    }
  }
  const byPath = new Map<string, FileChange>();
  if (diff && diff.exitCode === 0) {
    // -z --numstat: "<added>\t<deleted>\t<path>\0"
    for (const rec of diff.stdout.split('\0')) {
      const m = /^(\d+|-)\t(\d+|-)\t(.+)$/s.exec(rec);
      if (!m) continue;
      const p = m[3]!;
      const f: FileChange = { path: p };
      if (m[1] !== '-') {
        f.added = Number(m[1]);
        f.deleted = Number(m[2]);
      }
      if (dirty.has(p)) f.uncommitted = true;
      byPath.set(p, f);
    }
  }
  for (const p of untracked) {
    if (byPath.has(p)) continue;
    const n = countLines(path.join(worktree, p));
    byPath.set(p, n === undefined ? { path: p, uncommitted: true } : { path: p, added: n, deleted: 0, uncommitted: true });
  }
  // Without a base (an unborn branch) every dirty tracked file still counts.
  if (!base) for (const p of dirty) if (!byPath.has(p)) byPath.set(p, { path: p, uncommitted: true });
  const all = [...byPath.values()].sort((a, b) => a.path.localeCompare(b.path));
  return {
    files: all.slice(0, FILES_MAX).map((f) => ({ ...f, path: cleanPath(f.path) })),
    more: Math.max(0, all.length - FILES_MAX),
  };
}

/** Commits after `since` up to HEAD, newest first, leaving out Lanes' own note commits. */
export async function commitsSince(worktree: string, since: string | undefined): Promise<{ commits: CommitLine[]; more: number }> {
  const range = since ? [`${since}..HEAD`] : ['HEAD'];
  const r = await git(worktree, ['log', '--no-color', '--format=%h%x00%s', `--max-count=${COMMITS_MAX * 5}`, ...range, '--'], {
    readOnly: true,
    okCodes: [128],
  });
  if (r.exitCode !== 0) return { commits: [], more: 0 };
  const all: CommitLine[] = [];
  for (const line of r.stdout.split('\n')) {
    if (!line) continue;
    const [short = '', subject = ''] = line.split('\0');
    if (subject.startsWith(NOTE_COMMIT_PREFIX)) continue;
    all.push({ short, subject: redact(subject) });
  }
  return { commits: all.slice(0, COMMITS_MAX), more: Math.max(0, all.length - COMMITS_MAX) };
}

export type NoteCommitResult = { committed: true; sha: string } | { committed: false; reason: string };

/**
 * Commits exactly one file, the session note, on the worktree's branch: `git add -- <note>` then
 * `git commit --only -- <note>`, so whatever else is modified or staged stays exactly as it was
 * (staged stays staged, unstaged stays unstaged). Hooks are off (`core.hooksPath=/dev/null`, as for
 * every commit Lanes makes, rule 6) and so is signing: this runs inside SessionEnd's 1.5 s and must
 * never wait for a passphrase. Nothing is committed when the note is unchanged, ignored by
 * .gitignore, or HEAD is detached.
 */
export async function commitSessionNote(worktreeDir: string, notePath: string, message?: string): Promise<NoteCommitResult> {
  const rel = path.isAbsolute(notePath) ? path.relative(worktreeDir, notePath) : notePath;
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel))
    return { committed: false, reason: `${notePath} is not inside ${worktreeDir}` };
  // `<YYYY-MM-DD>-<id>.md` names session <id>.
  message ??= `${NOTE_COMMIT_PREFIX} ${path.basename(rel, '.md').replace(/^\d{4}-\d\d-\d\d-/, '')}`;
  const spec = `:(literal,top)${rel.split(path.sep).join('/')}`;
  if (!fs.existsSync(path.join(worktreeDir, rel))) return { committed: false, reason: 'the note file does not exist' };
  if (!(await currentBranch(worktreeDir)))
    return { committed: false, reason: 'HEAD is detached: commit the note yourself if you want it kept' };
  const ignored = await git(worktreeDir, ['check-ignore', '-q', '--', rel], { readOnly: true, okCodes: [1, 128] });
  if (ignored.exitCode === 0) return { committed: false, reason: `${rel} is ignored by .gitignore, so it is not committed` };
  const st = await git(worktreeDir, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', spec], { readOnly: true });
  if (st.stdout === '') return { committed: false, reason: 'the note is already committed as it is' };
  const cfg = ['-c', 'core.hooksPath=/dev/null', '-c', 'commit.gpgsign=false', '-c', 'gc.auto=0', '-c', 'maintenance.auto=false'];
  // Another git process (the agent's own commit) may hold index.lock for a moment: retry once.
  const run = async (args: string[]) => {
    let r = await git(worktreeDir, [...cfg, ...args], { okCodes: [1, 128] });
    if (r.exitCode !== 0 && r.stderr.includes('index.lock')) {
      await new Promise((res) => setTimeout(res, 150));
      r = await git(worktreeDir, [...cfg, ...args], { okCodes: [1, 128] });
    }
    return r;
  };
  const firstLine = (r: { stderr: string; stdout: string }) => (r.stderr.trim() || r.stdout.trim()).split('\n')[0] ?? '';
  const add = await run(['add', '--', spec]);
  if (add.exitCode !== 0) return { committed: false, reason: `git add failed: ${firstLine(add)}` };
  const c = await run(['commit', '--quiet', '--no-verify', '--no-edit', '-m', message, '--only', '--', spec]);
  if (c.exitCode !== 0) {
    // Leave the index as we found it (e.g. "cannot do a partial commit during a merge").
    await git(worktreeDir, ['reset', '--quiet', '--', spec], { okCodes: [1, 128] });
    return { committed: false, reason: `git commit failed: ${firstLine(c)}` };
  }
  return { committed: true, sha: await gitOut(worktreeDir, ['rev-parse', 'HEAD'], { readOnly: true }) };
}
