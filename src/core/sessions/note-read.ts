/**
 * Reading and writing a note file without loading the YAML library when its front matter is plain
 * (what note-front.ts writes by hand: the notes Lanes writes, unless a topic or summary needs
 * quoting): the SessionEnd and Stop hooks read a note and SessionEnd rewrites it, and the YAML
 * library is a 290 KB chunk to compile and run. Any other front matter goes to note-parse.ts and
 * note-render.ts, imported then; what is read or written is the same either way.
 */
import fs from 'node:fs';
import type { SessionUsage } from './usage.js';
import { LanesError } from '../../errors.js';
import { emptyNote, type NoteMeta, type SessionNote, type SessionRecord, type SessionStatus } from './model.js';
import { parseBody, splitFrontMatter } from './note-body.js';
import { parsePlainFront, renderNotePlain } from './note-front.js';
import { noteFile, writeNoteText } from './note-io.js';

export function badNote(source: string, why: string): LanesError {
  return new LanesError('INVALID_INPUT', `The session note ${source} could not be read: ${why}.`, {
    hint: 'Session notes are Markdown with YAML front matter between --- lines and "## " sections; fix the file by hand or restore it from git.',
  });
}

function str(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return `${v.toISOString().slice(0, 19)}Z`;
  return String(v);
}

/** A note's `usage` block, when it has a well-formed one. */
function usageOf(v: unknown): { usage?: SessionUsage } {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
  const u = v as Record<string, unknown>;
  const n = (k: string) => (typeof u[k] === 'number' && Number.isFinite(u[k]) ? (u[k] as number) : 0);
  const usage: SessionUsage = {
    input_tokens: n('input_tokens'),
    output_tokens: n('output_tokens'),
    cache_read_tokens: n('cache_read_tokens'),
    cache_creation_tokens: n('cache_creation_tokens'),
    models: Array.isArray(u.models) ? u.models.filter((m): m is string => typeof m === 'string') : [],
  };
  if (typeof u.cost_usd === 'number') usage.cost_usd = u.cost_usd;
  return { usage };
}

/** The note's metadata from its parsed front matter (whichever parser read it). */
export function metaFromObject(obj: unknown, source: string): NoteMeta {
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) throw badNote(source, 'the front matter is not a YAML mapping');
  const o = obj as Record<string, unknown>;
  const id = str(o.id);
  if (!id) throw badNote(source, 'the front matter has no id');
  const dur = o.duration_minutes;
  return {
    id,
    topic: str(o.topic) ?? '',
    type: str(o.type) ?? '',
    status: (str(o.status) ?? 'active') as SessionStatus,
    task: str(o.task),
    repo: str(o.repo) ?? '',
    branch: str(o.branch) ?? '',
    started: str(o.started) ?? '',
    ended: str(o.ended),
    duration_minutes: typeof dur === 'number' ? dur : dur == null ? null : Number(dur),
    summary: str(o.summary),
    end_reason: str(o.end_reason),
    start_commit: str(o.start_commit),
    base: str(o.base),
    ...usageOf(o.usage),
  };
}

/** The note, when its front matter is plain; undefined when only the YAML library can read it. */
export function parseNotePlain(text: string, source = 'note'): SessionNote | undefined {
  const split = splitFrontMatter(text);
  const obj = split ? parsePlainFront(split.front) : undefined;
  return split && obj ? parseBody(emptyNote(metaFromObject(obj, source)), split.body) : undefined;
}

/** The note from disk (undefined when the file is gone), parsed as readNoteFile (files.ts) parses it. */
export async function readNoteFast(rec: Pick<SessionRecord, 'worktree' | 'path' | 'id'>): Promise<SessionNote | undefined> {
  let text: string;
  try {
    text = fs.readFileSync(noteFile(rec), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw e;
  }
  return parseNotePlain(text, rec.path) ?? (await import('./note-parse.js')).parseNote(text, rec.path);
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
