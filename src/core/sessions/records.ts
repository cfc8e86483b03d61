/**
 * The `sessions` state document: which session is "current" for a caller, listing and search, and
 * which lane a worktree belongs to.
 *
 * One session is active per worktree and session key. The key is the caller's Claude Code session
 * id (a hook's `session_id`, or CLAUDE_SESSION_ID in the MCP server's environment), an explicit
 * `session_key`, or failing those the server's pid. A key that was not given explicitly may fall
 * back to the only active session of the worktree: the SessionStart hook knows the session id, but
 * the MCP server may not (it can outlive a `/clear`, which changes the id), and both must find the
 * same session.
 */
import { act } from '../hints/actions.js';
import fs from 'node:fs';
import { LanesError } from '../../errors.js';
import { own, type StateStore } from '../../state/index.js';
import { LANES_DOC, type LaneRecord } from '../lanes/model.js';
import { INDEX_MAX, SESSIONS_DOC, type SessionRecord, type SessionStatus, type SessionsDoc } from './model.js';

export interface SessionKey {
  key: string;
  /** Given by the caller: never falls back to another key's session. */
  explicit: boolean;
}

/** The caller's session key: explicit input, else CLAUDE_SESSION_ID / CLAUDE_CODE_SESSION_ID, else `pid:<pid>`. */
export function sessionKey(input?: string, env: NodeJS.ProcessEnv = process.env, pid = process.pid): SessionKey {
  if (input !== undefined && input.trim() !== '') return { key: input.trim(), explicit: true };
  // Claude Code gives its MCP servers CLAUDE_CODE_SESSION_ID (verified with 2.1.330); hooks get session_id on stdin.
  const sid = (env.CLAUDE_SESSION_ID || env.CLAUDE_CODE_SESSION_ID)?.trim();
  if (sid) return { key: sid, explicit: false };
  return { key: `pid:${pid}`, explicit: false };
}

export async function readSessions(store: StateStore): Promise<SessionsDoc> {
  return (await store.read(SESSIONS_DOC)).data;
}

const newestFirst = (a: SessionRecord, b: SessionRecord) => b.started.localeCompare(a.started) || b.id.localeCompare(a.id);

/** The active session of `worktree` for `key` (or the worktree's only one, for a derived key). */
export function activeIn(doc: SessionsDoc, worktree: string, key: SessionKey): SessionRecord | undefined {
  const active = Object.values(doc).filter((r) => r.status === 'active' && r.worktree === worktree);
  const mine = active.filter((r) => r.key === key.key).sort(newestFirst);
  if (mine[0]) return mine[0];
  return !key.explicit && active.length === 1 ? active[0] : undefined;
}

/**
 * The session a log_session / end_session call means: by id when given; otherwise the active
 * session with the caller's key started from, or written in, the caller's worktree.
 */
export function findCurrent(doc: SessionsDoc, worktree: string, key: SessionKey, id?: string): SessionRecord {
  if (id !== undefined) {
    const r = own(doc, id);
    if (!r)
      throw new LanesError('NOT_FOUND', `There is no session "${id}".`, { hint: `${act('list_sessions')} shows the known sessions.` });
    return r;
  }
  const active = Object.values(doc).filter((r) => r.status === 'active' && (r.started_from === worktree || r.worktree === worktree));
  const mine = active.filter((r) => r.key === key.key).sort(newestFirst);
  if (mine.length === 1) return mine[0]!;
  if (mine.length > 1) {
    throw new LanesError(
      'CONFLICT',
      `Several sessions are active for this caller: ${mine.map((r) => `${r.id} (${r.task ?? r.topic})`).join(', ')}.`,
      {
        hint: `Pass the id of the session you mean (${act('start_session')} returned it).`,
      },
    );
  }
  if (!key.explicit && active.length === 1) return active[0]!;
  if (active.length > 1) {
    throw new LanesError(
      'CONFLICT',
      `Several sessions are active in ${worktree}: ${active.map((r) => r.id).join(', ')}; none belongs to this caller.`,
      {
        hint: 'Pass the id of the session you mean.',
      },
    );
  }
  throw new LanesError('NOT_FOUND', `No session is active here (${worktree}).`, {
    hint: `Start one with ${act('start_session')} first.`,
  });
}

/** Drops the oldest ended records past INDEX_MAX (their notes stay where they were committed). */
export function pruneIndex(doc: SessionsDoc): void {
  const ids = Object.keys(doc);
  if (ids.length <= INDEX_MAX) return;
  const ended = Object.values(doc)
    .filter((r) => r.status !== 'active')
    .sort((a, b) => (a.ended ?? a.started).localeCompare(b.ended ?? b.started));
  for (const r of ended.slice(0, ids.length - INDEX_MAX)) delete doc[r.id];
}

export interface ListFilter {
  task_id?: string;
  status?: SessionStatus;
  /** Every word must occur (case-insensitively) in the topic, summary, type, task or id. */
  query?: string;
  limit?: number;
}

export function filterSessions(doc: SessionsDoc, f: ListFilter): { sessions: SessionRecord[]; total: number } {
  const words = (f.query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const all = Object.values(doc)
    .filter((r) => f.task_id === undefined || r.task === f.task_id)
    .filter((r) => f.status === undefined || r.status === f.status)
    .filter((r) => {
      if (words.length === 0) return true;
      const hay = [r.topic, r.summary ?? '', r.type, r.task ?? '', r.id].join('\n').toLowerCase();
      return words.every((w) => hay.includes(w));
    })
    .sort(newestFirst);
  return { sessions: all.slice(0, f.limit ?? 20), total: all.length };
}

/** The lane record whose worktree is `worktree`, if any. */
export async function laneAt(store: StateStore, worktree: string): Promise<LaneRecord | undefined> {
  const lanes = (await store.read(LANES_DOC)).data;
  return Object.values(lanes).find((l) => l.path === worktree || realOr(l.path) === worktree);
}

export async function laneOf(store: StateStore, task: string): Promise<LaneRecord | undefined> {
  const lanes = (await store.read(LANES_DOC)).data;
  return own(lanes, task);
}

function realOr(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

/**
 * Note paths (relative to `worktree`) that Lanes itself writes and commits there. Whoever judges
 * "is this worktree clean?" for the session protocol (the Stop hook, tree_committed) leaves these
 * out: an active session's note changes until the session ends, and Lanes commits it then.
 */
export function ownedNotePaths(doc: SessionsDoc, worktree: string): Set<string> {
  return new Set(
    Object.values(doc)
      .filter((r) => r.worktree === worktree)
      .map((r) => r.path),
  );
}
