/**
 * Rendering a note without YAML: the body sections (conventions in note.ts), and front matter
 * written by hand when every value is one YAML writes as a plain scalar, byte for byte as the
 * YAML library writes it (tested against it). The SessionStart hook writes a new note this way
 * without loading a YAML library; any other value is left to note-render.ts.
 */
import { safeBlock, safeText } from '../../util/escape.js';
import { SECTIONS, type CommitLine, type FileChange, type NoteEntry, type NoteMeta, type SessionNote } from './model.js';
import { DASH, escapeFree, NONE, normalizeText } from './note.js';

export const META_KEYS: Array<keyof NoteMeta> = [
  'id',
  'topic',
  'type',
  'status',
  'task',
  'repo',
  'branch',
  'started',
  'ended',
  'duration_minutes',
  'summary',
  'end_reason',
  'start_commit',
  'base',
];

function renderEntries(entries: NoteEntry[]): string {
  if (entries.length === 0) return NONE;
  return entries
    .map((e) => {
      // Control characters from agents are escaped (a note is read on terminals and in viewers).
      const [first = '', ...rest] = safeBlock(normalizeText(e.text)).split('\n');
      const head = e.at ? `- ${e.at}${DASH}${first}` : `- ${first}`;
      return [head, ...rest.map((l) => (l === '' ? '' : `  ${l}`))].join('\n');
    })
    .join('\n');
}

function renderFiles(files: FileChange[], more: number): string {
  if (files.length === 0 && more === 0) return NONE;
  const lines = files.map((f) => {
    const counts = f.added === undefined || f.deleted === undefined ? 'binary' : `+${f.added} -${f.deleted}`;
    return `- ${counts} ${safeText(f.path)}${f.uncommitted ? ' (uncommitted)' : ''}`;
  });
  if (more > 0) lines.push(`- ... and ${more} more`);
  return lines.join('\n');
}

function renderCommits(commits: CommitLine[], more: number): string {
  if (commits.length === 0 && more === 0) return NONE;
  const lines = commits.map((c) => `- ${safeText(c.short)} ${safeText(c.subject)}`);
  if (more > 0) lines.push(`- ... and ${more} more`);
  return lines.join('\n');
}

function renderFree(text: string): string {
  const t = safeBlock(normalizeText(text));
  return t ? escapeFree(t) : NONE;
}

/** The front matter's mapping, in its key order: strings escaped as every rendering escapes them. */
export function noteMeta(note: SessionNote): Record<string, unknown> {
  const meta: Record<string, unknown> = {};
  for (const k of META_KEYS) {
    const v = note.meta[k] ?? null;
    // YAML escapes C0 controls itself but writes C1 ones (0x9b is CSI on some terminals) raw.
    meta[k] = typeof v === 'string' ? safeBlock(v) : v;
  }
  // Only sessions whose transcript told their usage carry it (older notes stay as they were).
  if (note.meta.usage) meta.usage = note.meta.usage;
  return meta;
}

// Words of letters, digits and `_ . / @ + - ( ) , '`, one space between words, starting with a
// letter: no indicator, no `: ` or ` #`, nothing that reads as a number. Reserved words are left
// out below.
const PLAIN_WORDS = /^[A-Za-z][A-Za-z0-9_./@+(),'-]*(?: [A-Za-z0-9_./@+(),'-]+)*$/;
const RESERVED = /^(?:true|false|null|yes|no|on|off|y|n)$/i;
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,3})?Z$/;
// An object id with a letter that no number has (so never read as one).
const OID = /^(?=[0-9a-f]*[a-df])[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
// A key as the note's front matter has them (never `__proto__`).
const KEY = /^[a-z][a-z0-9_]*$/;
// Decimals as JavaScript prints them without an exponent (a cost in USD).
const DECIMAL = /^-?\d+\.\d+$/;

function plainScalar(v: unknown): string | undefined {
  if (v === null) return 'null';
  if (typeof v === 'number') {
    if (Object.is(v, -0) || !Number.isFinite(v)) return undefined;
    if (Number.isSafeInteger(v)) return String(v);
    return DECIMAL.test(String(v)) ? String(v) : undefined;
  }
  if (typeof v !== 'string') return undefined;
  if ((PLAIN_WORDS.test(v) && !RESERVED.test(v)) || ISO_TIME.test(v) || OID.test(v)) return v;
  return undefined;
}

/**
 * `key: value`, or a list of plain scalars, or (at the top) a mapping of those one level down:
 * the note's `usage`.
 */
function plainEntry(k: string, v: unknown, top: boolean): string[] | undefined {
  if (!KEY.test(k)) return undefined;
  const indent = top ? '' : '  ';
  const s = plainScalar(v);
  if (s !== undefined) return [`${indent}${k}: ${s}`];
  if (!v || typeof v !== 'object') return undefined;
  if (Array.isArray(v)) {
    if (v.length === 0) return [`${indent}${k}: []`];
    const items = v.map(plainScalar);
    if (items.some((x) => x === undefined)) return undefined;
    return [`${indent}${k}:`, ...items.map((x) => `${indent}  - ${x}`)];
  }
  const entries = Object.entries(v);
  // An empty mapping is `{}` in YAML: left to the library, as is anything deeper.
  if (!top || entries.length === 0 || Object.getPrototypeOf(v) !== Object.prototype) return undefined;
  const lines = [`${k}:`];
  for (const [kk, vv] of entries) {
    const sub = plainEntry(kk, vv, false);
    if (!sub) return undefined;
    lines.push(...sub);
  }
  return lines;
}

/** The front matter as `YAML.stringify(meta, { lineWidth: 0 }).trimEnd()` writes it, or undefined when a value is not plain. */
export function plainFrontMatter(meta: Record<string, unknown>): string | undefined {
  const lines: string[] = [];
  for (const [k, v] of Object.entries(meta)) {
    const entry = plainEntry(k, v, true);
    if (!entry) return undefined;
    lines.push(...entry);
  }
  return lines.join('\n');
}

function scalarOf(text: string): unknown {
  if (text === 'null') return null;
  if (text === '[]') return [];
  if (/^-?\d+$/.test(text) || DECIMAL.test(text)) return Number(text);
  return text;
}

/**
 * The front matter's mapping read without YAML, when it is exactly what plainFrontMatter writes
 * (checked by writing it again and comparing the text); undefined for anything else, which the
 * YAML library then reads. plainFrontMatter writes what the YAML library writes (tested), so
 * whatever this answers is what `YAML.parse` answers.
 */
export function parsePlainFront(front: string): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  // A top-level key written bare (`usage:`), whose mapping or list the next lines hold.
  let open: { key: string; map?: Record<string, unknown>; list?: unknown[] } | undefined;
  // A list one level down (`  models:`), whose items the next lines hold.
  let subList: unknown[] | undefined;
  for (const line of front.split('\n')) {
    const m = /^( *)(?:([a-z][a-z0-9_]*):(?: (.*))?|- (.*))$/.exec(line);
    if (!m) return undefined;
    const depth = m[1]!.length;
    const [key, value, item] = [m[2], m[3], m[4]];
    if (depth === 0) {
      if (key === undefined || Object.hasOwn(out, key)) return undefined;
      open = undefined;
      subList = undefined;
      if (value !== undefined) out[key] = scalarOf(value);
      else {
        open = { key };
        out[key] = undefined;
      }
    } else if (depth === 2) {
      if (!open) return undefined;
      subList = undefined;
      if (item !== undefined) {
        if (open.map) return undefined;
        (open.list ??= []).push(scalarOf(item));
      } else {
        if (open.list || key === undefined) return undefined;
        const map = (open.map ??= {});
        if (Object.hasOwn(map, key)) return undefined;
        if (value !== undefined) map[key] = scalarOf(value);
        else map[key] = subList = [];
      }
      out[open.key] = open.map ?? open.list;
    } else if (depth === 4) {
      if (!subList || item === undefined) return undefined;
      subList.push(scalarOf(item));
    } else return undefined;
  }
  if (Object.values(out).some((v) => v === undefined)) return undefined;
  return plainFrontMatter(out) === front ? out : undefined;
}

/** The whole note around a rendered front matter. */
export function renderWithFront(note: SessionNote, front: string): string {
  const title = safeText(normalizeText(note.meta.topic).split('\n')[0]) || note.meta.id;
  const parts = [
    `---\n${front}\n---`,
    `# Session: ${title}`,
    `## ${SECTIONS.objective}\n\n${renderFree(note.objective)}`,
    `## ${SECTIONS.progress}\n\n${renderEntries(note.progress)}`,
    `## ${SECTIONS.decision}\n\n${renderEntries(note.decisions)}`,
    `## ${SECTIONS.files}\n\n${renderFiles(note.files, note.files_more)}`,
    `## ${SECTIONS.commits}\n\n${renderCommits(note.commits, note.commits_more)}`,
    `## ${SECTIONS.issue}\n\n${renderEntries(note.issues)}`,
    `## ${SECTIONS.next_step}\n\n${renderEntries(note.next_steps)}`,
    `## ${SECTIONS.reflection}\n\n${renderFree(note.reflection)}`,
    ...note.extra.map((x) => `## ${safeText(x.heading)}\n\n${safeBlock(x.body).trim()}`),
  ];
  return `${parts.join('\n\n')}\n`;
}

/** The note rendered without YAML, or undefined when its front matter needs the YAML library. */
export function renderNotePlain(note: SessionNote): string | undefined {
  const front = plainFrontMatter(noteMeta(note));
  return front === undefined ? undefined : renderWithFront(note, front);
}
