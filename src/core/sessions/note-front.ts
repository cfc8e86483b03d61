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

// Words of letters, digits and `_ . / @ + -`, one space between words, starting with a letter:
// no indicator, no `: ` or ` #`, nothing that reads as a number. Reserved words are left out below.
const PLAIN_WORDS = /^[A-Za-z][A-Za-z0-9_./@+-]*(?: [A-Za-z0-9_./@+-]+)*$/;
const RESERVED = /^(?:true|false|null|yes|no|on|off|y|n)$/i;
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,3})?Z$/;
// An object id with a letter that no number has (so never read as one).
const OID = /^(?=[0-9a-f]*[a-df])[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

function plainScalar(v: unknown): string | undefined {
  if (v === null) return 'null';
  if (typeof v === 'number') return Number.isSafeInteger(v) && !Object.is(v, -0) ? String(v) : undefined;
  if (typeof v !== 'string') return undefined;
  if ((PLAIN_WORDS.test(v) && !RESERVED.test(v)) || ISO_TIME.test(v) || OID.test(v)) return v;
  return undefined;
}

/** The front matter as `YAML.stringify(meta, { lineWidth: 0 }).trimEnd()` writes it, or undefined when a value is not plain. */
export function plainFrontMatter(meta: Record<string, unknown>): string | undefined {
  const lines: string[] = [];
  for (const [k, v] of Object.entries(meta)) {
    const s = plainScalar(v);
    if (s === undefined || !PLAIN_WORDS.test(k) || k.includes(' ')) return undefined;
    lines.push(`${k}: ${s}`);
  }
  return lines.join('\n');
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
