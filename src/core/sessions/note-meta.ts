/** A note's metadata from its parsed front matter, whichever parser read it (note-front.ts or YAML). */
import type { SessionUsage } from './usage.js';
import { LanesError } from '../../errors.js';
import type { NoteMeta, SessionStatus } from './model.js';

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
