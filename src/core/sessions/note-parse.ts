/** Reading a session note back: the exact inverse of note-render.ts for every note Lanes writes. */
import type { SessionUsage } from './usage.js';
import YAML from 'yaml';
import { LanesError } from '../../errors.js';
import {
  SECTIONS,
  emptyNote,
  type CommitLine,
  type FileChange,
  type NoteEntry,
  type NoteMeta,
  type SessionNote,
  type SessionStatus,
} from './model.js';
import { ENTRY_RE, NONE, normalizeText, unescapeFree } from './note.js';

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

function splitSections(body: string): Array<{ heading: string; lines: string[] }> {
  const out: Array<{ heading: string; lines: string[] }> = [];
  let cur: { heading: string; lines: string[] } | undefined;
  for (const line of body.split('\n')) {
    const m = /^## (.+?)\s*$/.exec(line);
    if (m) {
      cur = { heading: m[1]!, lines: [] };
      out.push(cur);
    } else if (cur) {
      cur.lines.push(line);
    }
  }
  return out;
}

function sectionText(lines: string[]): string {
  const t = lines.join('\n').trim();
  return t === NONE ? '' : t;
}

function parseEntries(lines: string[]): NoteEntry[] {
  const entries: Array<{ at?: string; lines: string[] }> = [];
  let cur: { at?: string; lines: string[] } | undefined;
  for (const line of lines) {
    if (line.startsWith('- ')) {
      const m = ENTRY_RE.exec(line);
      cur = m ? { at: m[1]!, lines: [m[2]!] } : { lines: [line.slice(2)] };
      entries.push(cur);
    } else if (cur && (line.startsWith('  ') || line.trim() === '')) {
      cur.lines.push(line.startsWith('  ') ? line.slice(2) : '');
    } else if (line.trim() !== '' && line.trim() !== NONE) {
      // A hand-written paragraph outside any bullet: keep it as an entry of its own.
      cur = { lines: [line] };
      entries.push(cur);
    }
  }
  return entries.map((e) => ({ ...(e.at ? { at: e.at } : {}), text: normalizeText(e.lines.join('\n')) })).filter((e) => e.text !== '');
}

function parseFiles(lines: string[]): { files: FileChange[]; more: number } {
  const files: FileChange[] = [];
  let more = 0;
  for (const line of lines) {
    const mm = /^- \.\.\. and (\d+) more$/.exec(line);
    if (mm) {
      more = Number(mm[1]);
      continue;
    }
    const m = /^- (?:\+(\d+) -(\d+)|binary) (.+?)( \(uncommitted\))?$/.exec(line);
    if (!m) continue;
    const f: FileChange = { path: m[3]! };
    if (m[1] !== undefined) {
      f.added = Number(m[1]);
      f.deleted = Number(m[2]);
    }
    if (m[4]) f.uncommitted = true;
    files.push(f);
  }
  return { files, more };
}

function parseCommits(lines: string[]): { commits: CommitLine[]; more: number } {
  const commits: CommitLine[] = [];
  let more = 0;
  for (const line of lines) {
    const mm = /^- \.\.\. and (\d+) more$/.exec(line);
    if (mm) {
      more = Number(mm[1]);
      continue;
    }
    const m = /^- ([0-9a-f]{4,64}) ?(.*)$/.exec(line);
    if (m) commits.push({ short: m[1]!, subject: m[2]! });
  }
  return { commits, more };
}

/** Parses a note; `source` names it in errors. */
export function parseNote(text: string, source = 'note'): SessionNote {
  const t = text.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  const fm = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(t);
  if (!fm) throw bad(source, 'it does not start with YAML front matter between --- lines');
  const meta = parseMeta(fm[1]!, source);
  const note = emptyNote(meta);
  const byHeading = new Map(Object.values(SECTIONS).map((h) => [h.toLowerCase(), h]));
  for (const s of splitSections(t.slice(fm[0].length))) {
    const known = byHeading.get(s.heading.toLowerCase());
    switch (known) {
      case SECTIONS.objective:
        note.objective = unescapeFree(sectionText(s.lines));
        break;
      case SECTIONS.progress:
        note.progress = parseEntries(s.lines);
        break;
      case SECTIONS.decision:
        note.decisions = parseEntries(s.lines);
        break;
      case SECTIONS.files: {
        const r = parseFiles(s.lines);
        note.files = r.files;
        note.files_more = r.more;
        break;
      }
      case SECTIONS.commits: {
        const r = parseCommits(s.lines);
        note.commits = r.commits;
        note.commits_more = r.more;
        break;
      }
      case SECTIONS.issue:
        note.issues = parseEntries(s.lines);
        break;
      case SECTIONS.next_step:
        note.next_steps = parseEntries(s.lines);
        break;
      case SECTIONS.reflection:
        note.reflection = unescapeFree(sectionText(s.lines));
        break;
      default:
        note.extra.push({ heading: s.heading, body: s.lines.join('\n').trim() });
    }
  }
  return note;
}
