/** Writing a session note: front matter, title, then the fixed sections (conventions in note.ts). */
import YAML from 'yaml';
import { safeBlock, safeText } from '../../util/escape.js';
import { SECTIONS, type CommitLine, type FileChange, type NoteEntry, type NoteMeta, type SessionNote } from './model.js';
import { DASH, escapeFree, NONE, normalizeText } from './note.js';

const META_KEYS: Array<keyof NoteMeta> = [
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

export function renderNote(note: SessionNote): string {
  const meta: Record<string, unknown> = {};
  for (const k of META_KEYS) {
    const v = note.meta[k] ?? null;
    // YAML escapes C0 controls itself but writes C1 ones (0x9b is CSI on some terminals) raw.
    meta[k] = typeof v === 'string' ? safeBlock(v) : v;
  }
  // Only sessions whose transcript told their usage carry it (older notes stay as they were).
  if (note.meta.usage) meta.usage = note.meta.usage;
  const front = YAML.stringify(meta, { lineWidth: 0 }).trimEnd();
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
