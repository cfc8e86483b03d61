/** Reading a session note back: the exact inverse of note-render.ts for every note Lanes writes. */
import YAML from 'yaml';
import { emptyNote, type NoteMeta, type SessionNote } from './model.js';
import { parseBody, splitFrontMatter } from './note-body.js';
import { parsePlainFront } from './note-front.js';
import { badNote, metaFromObject } from './note-meta.js';

function parseMeta(yamlText: string, source: string): NoteMeta {
  // Plain front matter (what Lanes writes by hand) is read without the library, to the same value.
  const plain = parsePlainFront(yamlText);
  if (plain) return metaFromObject(plain, source);
  let obj: unknown;
  try {
    obj = YAML.parse(yamlText);
  } catch (e) {
    throw badNote(source, `invalid YAML front matter (${(e as Error).message.split('\n')[0]})`);
  }
  return metaFromObject(obj, source);
}

/** Parses a note; `source` names it in errors. */
export function parseNote(text: string, source = 'note'): SessionNote {
  const split = splitFrontMatter(text);
  if (!split) throw badNote(source, 'it does not start with YAML front matter between --- lines');
  return parseBody(emptyNote(parseMeta(split.front, source)), split.body);
}
