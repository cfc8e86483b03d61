/** Writing a session note: YAML front matter, then the body (note-front.ts; conventions in note.ts). */
import YAML from 'yaml';
import type { SessionNote } from './model.js';
import { noteMeta, renderWithFront } from './note-front.js';

export function renderNote(note: SessionNote): string {
  return renderWithFront(note, YAML.stringify(noteMeta(note), { lineWidth: 0 }).trimEnd());
}
