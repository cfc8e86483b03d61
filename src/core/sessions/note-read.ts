/**
 * Reading and writing a note file without loading the YAML library when its front matter is plain
 * (what note-front.ts writes by hand: the notes Lanes writes, unless a topic or summary needs
 * quoting): the SessionEnd and Stop hooks read a note and SessionEnd rewrites it, and the YAML
 * library is a 290 KB chunk to compile and run. Any other front matter goes to note-parse.ts and
 * note-render.ts, imported then; what is read or written is the same either way.
 */
import fs from 'node:fs';
import { emptyNote, type SessionNote, type SessionRecord } from './model.js';
import { parseBody, splitFrontMatter } from './note-body.js';
import { parsePlainFront, renderNotePlain } from './note-front.js';
import { noteFile, writeNoteText } from './note-io.js';
import { metaFromObject } from './note-meta.js';

/** The note, when its front matter is plain; undefined when only the YAML library can read it. */
export function parseNotePlain(text: string, source = 'note'): SessionNote | undefined {
  const split = splitFrontMatter(text);
  const obj = split ? parsePlainFront(split.front) : undefined;
  return split && obj ? parseBody(emptyNote(metaFromObject(obj, source)), split.body) : undefined;
}

/** The note from disk (undefined when the file is gone), parsed as readNoteFile (files.ts) parses it. */
export async function readNoteFast(rec: Pick<SessionRecord, 'worktree' | 'path' | 'id'>): Promise<SessionNote | undefined> {
  const text = readNoteText(rec);
  if (text === undefined) return undefined;
  return parseNotePlain(text, rec.path) ?? (await import('./note-parse.js')).parseNote(text, rec.path);
}

/** The note's text from disk, or undefined when the file (or its folder) is gone. */
export function readNoteText(rec: Pick<SessionRecord, 'worktree' | 'path'>): string | undefined {
  try {
    return fs.readFileSync(noteFile(rec), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw e;
  }
}

/** Writes the note as writeNote (files.ts) writes it. */
export async function writeNoteFast(rec: Pick<SessionRecord, 'worktree' | 'path'>, note: SessionNote): Promise<void> {
  writeNoteText(rec, renderNotePlain(note) ?? (await import('./note-render.js')).renderNote(note));
}

/** A note rebuilt from its index record (when the file was deleted by hand). */
export function noteFromRecord(rec: SessionRecord, repoName: string): SessionNote {
  return emptyNote(
    {
      id: rec.id,
      topic: rec.topic,
      type: rec.type,
      status: rec.status,
      task: rec.task ?? null,
      repo: repoName,
      branch: rec.branch,
      started: rec.started,
      ended: rec.ended ?? null,
      duration_minutes: null,
      summary: rec.summary ?? null,
      end_reason: rec.end_reason ?? null,
      start_commit: rec.start_commit ?? null,
      base: null,
    },
    rec.topic,
  );
}
