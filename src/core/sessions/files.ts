/**
 * Reading and writing notes as data: parsed on the way in (note-parse.ts, YAML front matter),
 * rendered on the way out (note-render.ts); the files themselves are note-io.ts's.
 */
import fs from 'node:fs';
import type { SessionNote, SessionRecord } from './model.js';
import { noteFile, writeNoteText } from './note-io.js';
import { parseNote } from './note-parse.js';
import { renderNote } from './note-render.js';

export function writeNote(rec: Pick<SessionRecord, 'worktree' | 'path'>, note: SessionNote): void {
  writeNoteText(rec, renderNote(note));
}

/** The note from disk, or undefined when the file is gone. */
export function readNoteFile(rec: Pick<SessionRecord, 'worktree' | 'path' | 'id'>): SessionNote | undefined {
  let text: string;
  try {
    text = fs.readFileSync(noteFile(rec), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw e;
  }
  return parseNote(text, rec.path);
}
