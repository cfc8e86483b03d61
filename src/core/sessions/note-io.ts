/**
 * Note files on disk as text: where a record's note is, its directory (created only below its
 * worktree), the crash-safe write (temp file, fsync, rename; docs/safety.md rule 9) and reading the
 * text back from the worktree or git. No YAML here: the SessionStart hook writes a new note and
 * reads the previous one's next steps without loading a YAML parser (files.ts parses and renders).
 * The directory comes from config and is checked with realpath, so a symlinked `.lanes/sessions`
 * cannot send a note outside the repository (rule 12).
 */
import { act } from '../hints/actions.js';
import fs from 'node:fs';
import path from 'node:path';
import { LanesError } from '../../errors.js';
import { fileAt } from '../../git/tree.js';
import { writeFileAtomic } from '../../state/atomic.js';
import { isInside } from '../lanes/paths.js';
import type { SessionRecord } from './model.js';

/** Absolute path of a record's note. */
export function noteFile(rec: Pick<SessionRecord, 'worktree' | 'path'>): string {
  return path.join(rec.worktree, ...rec.path.split('/'));
}

/** Creates the note's directory (inside the worktree, checked with realpath) and returns it. */
export function ensureNoteDir(worktree: string, relFile: string): string {
  // Never recreate a removed lane's directory just to hold a note.
  if (!fs.existsSync(worktree)) {
    throw new LanesError('NOT_FOUND', `The worktree ${worktree} no longer exists, so its session note cannot be written.`, {
      hint: `The lane was removed. End the session with ${act('end_session')} (the index keeps its record) and start a new one where you work now.`,
    });
  }
  const dir = path.dirname(path.join(worktree, ...relFile.split('/')));
  fs.mkdirSync(dir, { recursive: true });
  const real = fs.realpathSync(dir);
  const root = fs.realpathSync(worktree);
  if (!isInside(root, real) || real === root || real.split(path.sep).includes('.git')) {
    throw new LanesError('UNSAFE', `The session notes directory ${dir} resolves to ${real}, outside the worktree ${root}.`, {
      hint: 'Remove the symlink, or point session.dir in .lanes/config.json at a plain directory inside the repository.',
    });
  }
  return real;
}

/** Writes a rendered note where its record says (never through a symlink). */
export function writeNoteText(rec: Pick<SessionRecord, 'worktree' | 'path'>, text: string): void {
  const dir = ensureNoteDir(rec.worktree, rec.path);
  const file = path.join(dir, path.basename(rec.path));
  try {
    if (fs.lstatSync(file).isSymbolicLink()) {
      throw new LanesError('UNSAFE', `The session note ${file} is a symlink; refusing to write through it.`, {
        hint: 'Remove the symlink.',
      });
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  // 0644: the note is committed with the work, like any source file.
  writeFileAtomic(file, text, 0o644);
}

/**
 * The text of a record's note wherever it still is: its worktree, else the commit Lanes made for it,
 * else any of `revs` (the target branch, once the lane has landed and been removed).
 */
export async function findNoteText(
  rec: SessionRecord,
  repoDir: string,
  revs: string[] = [],
): Promise<{ text: string; from: string } | undefined> {
  try {
    return { text: fs.readFileSync(noteFile(rec), 'utf8'), from: noteFile(rec) };
  } catch {
    // fall through to git
  }
  for (const rev of [rec.note_commit, ...revs]) {
    if (!rev || rev.startsWith('-')) continue;
    const text = await fileAt(repoDir, rev, rec.path);
    if (text !== undefined) return { text, from: `${rev}:${rec.path}` };
  }
  return undefined;
}
