/**
 * A session note on disk: YAML front matter, a title, then fixed `## ` sections. Rendering and
 * parsing are exact inverses for every note Lanes writes (tested), so a note can be read back for
 * get_session, for the next session's "previous next steps", and for each log_session append.
 *
 * Entries are bullets `- <ISO time> — <text>`; further lines of a multi-line text are indented two
 * spaces (Markdown list continuation), which also keeps a `## ` inside a text from starting a
 * section. Free-text sections (Objective, Reflection) escape a line starting with `#` (or with
 * backslashes then `#`) by one more backslash.
 *
 * This module holds those conventions; note-render.ts writes a note, note-parse.ts reads one back,
 * and files.ts puts it on disk.
 */
import { SECTIONS, type SessionNote } from './model.js';

/** What an empty section holds. */
export const NONE = '_(none)_';
/** Between an entry's time and its text. */
export const DASH = ' — ';
/** An entry's first line: its time, then its text. */
export const ENTRY_RE = /^- (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ) — (.*)$/;

/** A free-text line starting with `#` (after any backslashes) gets one more backslash. */
export function escapeFree(text: string): string {
  return text
    .split('\n')
    .map((l) => (/^\\*#/.test(l) ? `\\${l}` : l))
    .join('\n');
}

export function unescapeFree(text: string): string {
  return text
    .split('\n')
    .map((l) => (/^\\+#/.test(l) ? l.slice(1) : l))
    .join('\n');
}

/** Normalises entry and free text the way it will read back: LF line ends, no trailing blanks. */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/, ''))
    .join('\n')
    .trim();
}

/**
 * Whether the named section has content: at least one entry (entry sections), at least one line
 * (Files changed, Commits), or any text (Objective, Reflection, a hand-added section). Undefined
 * when the note has no such section at all.
 */
export function sectionFilled(note: SessionNote, heading: string): boolean | undefined {
  const h = heading
    .trim()
    .replace(/^#+\s*/, '')
    .toLowerCase();
  switch (h) {
    case SECTIONS.objective.toLowerCase():
      return note.objective.trim() !== '';
    case SECTIONS.progress.toLowerCase():
      return note.progress.length > 0;
    case SECTIONS.decision.toLowerCase():
      return note.decisions.length > 0;
    case SECTIONS.files.toLowerCase():
      return note.files.length + note.files_more > 0;
    case SECTIONS.commits.toLowerCase():
      return note.commits.length + note.commits_more > 0;
    case SECTIONS.issue.toLowerCase():
      return note.issues.length > 0;
    case SECTIONS.next_step.toLowerCase():
      return note.next_steps.length > 0;
    case SECTIONS.reflection.toLowerCase():
      return note.reflection.trim() !== '';
  }
  const x = note.extra.find((s) => s.heading.toLowerCase() === h);
  return x === undefined ? undefined : x.body.trim() !== '' && x.body.trim() !== NONE;
}
