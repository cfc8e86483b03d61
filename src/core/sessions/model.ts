/**
 * What a session is: its note (a Markdown file with YAML front matter, written inside the worktree
 * the session works in, so it lands with the work) and its record in the shared `sessions` state
 * document (for listing and search from any worktree, and for finding "the current session").
 */
import type { SessionUsage } from './usage.js';
import { defineDoc } from '../../state/define.js';
import { slugify } from '../../util/slug.js';
import { randomHex } from '../../state/random.js';

export const SESSION_TYPES = ['feature', 'bugfix', 'refactor', 'research', 'orchestration', 'docs', 'test', 'chore'] as const;
export type SessionType = (typeof SESSION_TYPES)[number];

/** How a session ended; `active` while it runs. */
export const END_STATUSES = ['completed', 'partial', 'blocked', 'abandoned'] as const;
export type EndStatus = (typeof END_STATUSES)[number];
export type SessionStatus = 'active' | EndStatus;

export const ENTRY_KINDS = ['progress', 'decision', 'issue', 'next_step'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** Section headings, in the order they appear in a note. */
export const SECTIONS = {
  objective: 'Objective',
  progress: 'Progress log',
  decision: 'Decisions',
  files: 'Files changed',
  commits: 'Commits',
  issue: 'Issues',
  next_step: 'Next steps',
  reflection: 'Reflection',
} as const;

export interface NoteEntry {
  /** ISO 8601 UTC, seconds precision; absent for a hand-written line without a timestamp. */
  at?: string;
  text: string;
}

export interface FileChange {
  path: string;
  /** Line counts; undefined for a binary file. */
  added?: number;
  deleted?: number;
  /** The file has changes not yet committed (or is untracked). */
  uncommitted?: boolean;
}

export interface CommitLine {
  short: string;
  subject: string;
}

/** The YAML front matter. Field names are the file format: keep them stable. */
export interface NoteMeta {
  id: string;
  topic: string;
  type: string;
  status: SessionStatus;
  task: string | null;
  repo: string;
  branch: string;
  started: string;
  ended: string | null;
  duration_minutes: number | null;
  /** One paragraph on the outcome, from end_session (or the SessionEnd reason). */
  summary: string | null;
  /** Why the session ended when it was not ended by end_session (Claude Code's SessionEnd reason). */
  end_reason: string | null;
  /** HEAD when the session started: "Commits" lists what came after it. */
  start_commit: string | null;
  /** What "Files changed" is measured from: the lane's merge-base with its target, else start_commit. */
  base: string | null;
  /** Tokens and estimated cost of the session (Claude Code sessions, from their transcript). */
  usage?: SessionUsage;
}

export interface SessionNote {
  meta: NoteMeta;
  objective: string;
  progress: NoteEntry[];
  decisions: NoteEntry[];
  files: FileChange[];
  /** Files left out of the list (it is capped). */
  files_more: number;
  commits: CommitLine[];
  commits_more: number;
  issues: NoteEntry[];
  next_steps: NoteEntry[];
  reflection: string;
  /** Sections a human added, kept verbatim (heading → body). */
  extra: Array<{ heading: string; body: string }>;
}

/** The index record in the `sessions` state document. */
export interface SessionRecord {
  id: string;
  /** Path of the note relative to its worktree (forward slashes). */
  path: string;
  /** Absolute real path of the worktree holding the note. */
  worktree: string;
  /** The worktree the session was started from (an MCP server's project dir may differ from the lane). */
  started_from: string;
  /** Who the session belongs to: a Claude Code session id, a CLI name, or `pid:<n>`. */
  key: string;
  task?: string;
  topic: string;
  /** The topic was made up (a hook started the session); the next start_session may set it. */
  topic_auto?: boolean;
  type: string;
  status: SessionStatus;
  branch: string;
  start_commit?: string;
  started: string;
  ended?: string;
  updated: string;
  summary?: string;
  end_reason?: string;
  /** Commit that holds the final note, when Lanes committed it. */
  note_commit?: string;
  /** Why the note was not committed, when it was not. */
  note_uncommitted?: string;
  /** Tokens and estimated cost, from the Claude Code transcript at SessionEnd. */
  usage?: SessionUsage;
}

export type SessionsDoc = Record<string, SessionRecord>;
export const emptySessions = (): SessionsDoc => ({});
export const SESSIONS_DOC = defineDoc<SessionsDoc>({ name: 'sessions', empty: emptySessions });

/** Most records kept; the oldest ended ones are dropped first (their notes stay in git). */
export const INDEX_MAX = 1000;
/** Entries a single note may hold (all sections together). */
export const ENTRIES_MAX = 2000;
export const ENTRY_TEXT_MAX = 4000;
export const FILES_MAX = 300;
export const COMMITS_MAX = 100;

/** ISO 8601 UTC to the second: `2026-11-23T10:04:12Z`. */
export function isoNow(d = new Date()): string {
  return `${d.toISOString().slice(0, 19)}Z`;
}

/** A new session id: a slug of the topic plus random hex, so ids never collide across lanes. */
export function newSessionId(topic: string): string {
  return `${slugify(topic, 40)}-${randomHex(3)}`;
}

/** `<dir>/<YYYY-MM-DD>-<id>.md`, relative to the worktree. */
export function notePathFor(dir: string, id: string, started: string): string {
  const clean = dir
    .replace(/\\/g, '/')
    .replace(/^\.\/+/, '')
    .replace(/\/+$/, '');
  return `${clean}/${started.slice(0, 10)}-${id}.md`;
}

export function durationMinutes(started: string, ended: string): number {
  const ms = Date.parse(ended) - Date.parse(started);
  return Number.isFinite(ms) ? Math.max(0, Math.round(ms / 6000) / 10) : 0;
}

export function emptyNote(meta: NoteMeta, objective = ''): SessionNote {
  return {
    meta,
    objective,
    progress: [],
    decisions: [],
    files: [],
    files_more: 0,
    commits: [],
    commits_more: 0,
    issues: [],
    next_steps: [],
    reflection: '',
    extra: [],
  };
}

/** The entry list of a note a log kind writes to. */
export function entriesOf(note: SessionNote, kind: EntryKind): NoteEntry[] {
  switch (kind) {
    case 'progress':
      return note.progress;
    case 'decision':
      return note.decisions;
    case 'issue':
      return note.issues;
    case 'next_step':
      return note.next_steps;
  }
}

export function entryCount(note: SessionNote): number {
  return note.progress.length + note.decisions.length + note.issues.length + note.next_steps.length;
}
