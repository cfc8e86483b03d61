/**
 * What git says about a session: the files changed (with line counts) and the commits made, and
 * committing the finished note. The git calls are src/git's read-only queries; the whole set costs
 * a handful of git calls, because SessionEnd has 1.5 s for all of it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { commitOnly, type CommitOnlyResult } from '../../git/commit.js';
import { diffNumstat, hasChanges, isIgnored, statusRecords } from '../../git/files.js';
import { currentBranch } from '../../git/head.js';
import { readHeadFiles } from '../../git/head-files.js';
import { shortLog } from '../../git/log.js';
import { redact } from '../../util/redact.js';
import { COMMITS_MAX, FILES_MAX, type CommitLine, type FileChange } from './model.js';

/** Subject of the commits Lanes makes for notes; they are left out of every note's Commits. */
export const NOTE_COMMIT_PREFIX = 'lanes: session note';

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
 * directory) are left out: notes are bookkeeping, not the work. `base` may still be on its way (a
 * merge-base being found): the status starts at once.
 *
 * `mergeBaseOf` (a commit) says `base` is being found as the merge base of that commit and HEAD:
 * the diff then starts at once too, as `git diff --merge-base <commit>`, which diffs from exactly
 * that merge base when there is a single one. When there is none or several, it waits for `base`
 * and diffs from it, as without the hint.
 */
export async function filesChanged(
  worktree: string,
  baseOrPending: string | undefined | Promise<string | undefined>,
  exclude: string[] = [],
  opts: { mergeBaseOf?: string } = {},
): Promise<{ files: FileChange[]; more: number }> {
  const specs = [':(top)', ...excludeSpecs(exclude)];
  const early = opts.mergeBaseOf ? diffNumstat(worktree, opts.mergeBaseOf, specs, { mergeBaseOf: true }) : undefined;
  // The status does not need the base: it runs while the base is still being found.
  const [[base, diff], status] = await Promise.all([
    (async () => {
      const b = await baseOrPending;
      const d = early ? await early : undefined;
      return [b, d ?? (b ? await diffNumstat(worktree, b, specs) : undefined)] as const;
    })(),
    statusRecords(worktree, specs),
  ]);
  const dirty = new Set<string>();
  const untracked: string[] = [];
  for (const rec of status ?? []) {
    const p = rec.slice(3);
    dirty.add(p);
    if (rec.startsWith('??')) untracked.push(p);
  }
  const byPath = new Map<string, FileChange>();
  for (const d of diff ?? []) {
    const f: FileChange = { ...d };
    if (dirty.has(d.path)) f.uncommitted = true;
    byPath.set(d.path, f);
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
  const log = await shortLog(worktree, range, COMMITS_MAX * 5);
  if (!log) return { commits: [], more: 0 };
  const all: CommitLine[] = [];
  for (const { short, subject } of log) {
    if (subject.startsWith(NOTE_COMMIT_PREFIX)) continue;
    all.push({ short, subject: redact(subject) });
  }
  return { commits: all.slice(0, COMMITS_MAX), more: Math.max(0, all.length - COMMITS_MAX) };
}

export type NoteCommitResult = CommitOnlyResult;

/**
 * Commits exactly one file, the session note, on the worktree's branch: `git add -- <note>` then
 * `git commit --only -- <note>`, so whatever else is modified or staged stays exactly as it was
 * (staged stays staged, unstaged stays unstaged). Hooks are off (`core.hooksPath=/dev/null`, as for
 * every commit Lanes makes, rule 6) and so is signing: this runs inside SessionEnd's 1.5 s and must
 * never wait for a passphrase. Nothing is committed when the note is unchanged, ignored by
 * .gitignore, or HEAD is detached.
 *
 * Two git processes when it commits: with `commonDir` (the repository's real common dir) the
 * branch before and the new commit after are read from the files git keeps (head-files.ts, git
 * asked whenever the layout is not plain), and "ignored?" and "unchanged?" are asked only when
 * `git add` or `git commit` refused: git refuses to add an ignored file that is not tracked (what
 * `check-ignore` reports) and to commit a note identical to HEAD's, so asking first only named
 * the reason of a refusal that leaves everything as it was.
 */
export async function commitSessionNote(
  worktreeDir: string,
  notePath: string,
  message?: string,
  opts: { commonDir?: string } = {},
): Promise<NoteCommitResult> {
  const rel = path.isAbsolute(notePath) ? path.relative(worktreeDir, notePath) : notePath;
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel))
    return { committed: false, reason: `${notePath} is not inside ${worktreeDir}` };
  // `<YYYY-MM-DD>-<id>.md` names session <id>.
  message ??= `${NOTE_COMMIT_PREFIX} ${path.basename(rel, '.md').replace(/^\d{4}-\d\d-\d\d-/, '')}`;
  const spec = `:(literal,top)${rel.split(path.sep).join('/')}`;
  if (!fs.existsSync(path.join(worktreeDir, rel))) return { committed: false, reason: 'the note file does not exist' };
  const commonDir = opts.commonDir;
  const disk = commonDir === undefined ? undefined : readHeadFiles(worktreeDir, commonDir);
  const branch = disk ? disk.branch : await currentBranch(worktreeDir);
  if (!branch) return { committed: false, reason: 'HEAD is detached: commit the note yourself if you want it kept' };
  const headAfter = () => {
    const after = commonDir === undefined ? undefined : readHeadFiles(worktreeDir, commonDir);
    // The commit just made is the branch's tip, unless HEAD moved to another branch meanwhile.
    return after?.branch === branch ? after.commit : undefined;
  };
  const r = await commitOnly(worktreeDir, spec, message, { headAfter });
  if (r.committed) return r;
  // The refusal's reason: asked only now (the index is as it was found).
  if (r.reason.startsWith('git add failed') && (await isIgnored(worktreeDir, rel)))
    return { committed: false, reason: `${rel} is ignored by .gitignore, so it is not committed` };
  if (r.reason.startsWith('git commit failed') && !(await hasChanges(worktreeDir, [spec])))
    return { committed: false, reason: 'the note is already committed as it is' };
  return r;
}
