/**
 * Reading and writing notes as data: parsed on the way in (note-parse.ts, YAML front matter),
 * rendered on the way out (note-render.ts); the files themselves are note-io.ts's.
 */
import type { SessionNote, SessionRecord } from './model.js';
import { writeNoteText } from './note-io.js';
import { parseNote } from './note-parse.js';
import { readNoteText } from './note-read.js';
import { renderNote } from './note-render.js';

export function writeNote(rec: Pick<SessionRecord, 'worktree' | 'path'>, note: SessionNote): void {
  writeNoteText(rec, renderNote(note));
}

/** The note from disk, or undefined when the file is gone. */
export function readNoteFile(rec: Pick<SessionRecord, 'worktree' | 'path' | 'id'>): SessionNote | undefined {
  const text = readNoteText(rec);
  return text === undefined ? undefined : parseNote(text, rec.path);
}
