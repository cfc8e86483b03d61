/** Reading a session note back: the exact inverse of note-render.ts for every note Lanes writes. */
import type { SessionUsage } from './usage.js';
import YAML from 'yaml';
import { LanesError } from '../../errors.js';
import { emptyNote, type NoteMeta, type SessionNote, type SessionStatus } from './model.js';
import { parseBody, splitFrontMatter } from './note-body.js';

function bad(source: string, why: string): LanesError {
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

function parseMeta(yamlText: string, source: string): NoteMeta {
  let obj: unknown;
  try {
    obj = YAML.parse(yamlText);
  } catch (e) {
    throw bad(source, `invalid YAML front matter (${(e as Error).message.split('\n')[0]})`);
  }
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) throw bad(source, 'the front matter is not a YAML mapping');
  const o = obj as Record<string, unknown>;
  const id = str(o.id);
  if (!id) throw bad(source, 'the front matter has no id');
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

/** Parses a note; `source` names it in errors. */
export function parseNote(text: string, source = 'note'): SessionNote {
  const split = splitFrontMatter(text);
  if (!split) throw bad(source, 'it does not start with YAML front matter between --- lines');
  return parseBody(emptyNote(parseMeta(split.front, source)), split.body);
}
