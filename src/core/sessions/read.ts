/**
 * Logging to the current session, and reading sessions back: get, list/search (the previous
 * session's next steps are previous.ts's).
 */
import { act } from '../hints/actions.js';
import fs from 'node:fs';
import path from 'node:path';
import { LanesError } from '../../errors.js';
import { own } from '../../state/index.js';
import { redact } from '../../util/redact.js';
import { assertSlug } from '../../util/slug.js';
import type { Project } from '../project/project.js';
import { readNoteFile, writeNote } from './files.js';
import { findNoteText, noteFile } from './note-io.js';
import { targetRevs } from './previous.js';
import {
  ENTRIES_MAX,
  ENTRY_TEXT_MAX,
  entriesOf,
  entryCount,
  isoNow,
  type EntryKind,
  type NoteEntry,
  type SessionNote,
  type SessionRecord,
} from './model.js';
import { normalizeText } from './note.js';
import { withSessionLock } from './lock.js';
import { noteFromRecord } from './note-read.js';
import { parseNote } from './note-parse.js';
import { filterSessions, findCurrent, readSessions, sessionKey, type ListFilter, type SessionKey } from './records.js';

export interface LogSessionInput {
  kind: EntryKind;
  text: string;
  id?: string;
  session_key?: string;
}

export interface LogSessionResult {
  session: SessionRecord;
  kind: EntryKind;
  entry: NoteEntry;
  /** Entries per section after this one. */
  counts: Record<EntryKind, number>;
}

export async function logSession(
  project: Project,
  input: LogSessionInput,
  key: SessionKey = sessionKey(input.session_key),
): Promise<LogSessionResult> {
  if (input.id !== undefined) assertSlug(input.id, 'session id');
  const text = redact(normalizeText(input.text));
  if (text === '') throw new LanesError('INVALID_INPUT', 'The entry text is empty.', { hint: 'Say what happened in a sentence or two.' });
  if (text.length > ENTRY_TEXT_MAX) {
    throw new LanesError('INVALID_INPUT', `The entry is ${text.length} characters; the limit is ${ENTRY_TEXT_MAX}.`, {
      hint: 'Summarise it, or split it into several entries.',
    });
  }
  const first = findCurrent(await readSessions(project.store), project.repo.worktreeRoot, key, input.id);
  return withSessionLock(project, first.id, async () => {
    // Look again under the note's lock: end_session may have finished the session meanwhile.
    const rec = (await readSessions(project.store))[first.id] ?? first;
    if (rec.status !== 'active') {
      throw new LanesError('CONFLICT', `Session ${rec.id} has already ended (${rec.status}).`, {
        hint: `Its note is final. Start a new session with ${act('start_session')} to keep logging.`,
      });
    }
    const note = readNoteFile(rec) ?? noteFromRecord(rec, path.basename(project.repo.mainRoot));
    if (entryCount(note) >= ENTRIES_MAX) {
      throw new LanesError('INVALID_INPUT', `Session ${rec.id} already holds ${ENTRIES_MAX} entries.`, {
        hint: `End this session with ${act('end_session')} and start a new one.`,
      });
    }
    const entry: NoteEntry = { at: isoNow(), text };
    entriesOf(note, input.kind).push(entry);
    writeNote(rec, note);
    return {
      session: rec,
      kind: input.kind,
      entry,
      counts: {
        progress: note.progress.length,
        decision: note.decisions.length,
        issue: note.issues.length,
        next_step: note.next_steps.length,
      },
    };
  });
}

export interface GetSessionResult {
  session: SessionRecord;
  /** The parsed note; null when it can be found neither on disk nor in git. */
  note: SessionNote | null;
  /** The note's Markdown as stored. */
  markdown: string | null;
  /** Where it was read from: a file path or `<commit>:<path>`. */
  source: string | null;
}

export async function getSession(project: Project, id: string): Promise<GetSessionResult> {
  assertSlug(id, 'session id');
  const rec = own(await readSessions(project.store), id);
  if (!rec)
    throw new LanesError('NOT_FOUND', `There is no session "${id}".`, {
      hint: `${act('list_sessions')} shows the known sessions (query searches topics and summaries).`,
    });
  const found = await findNoteText(rec, project.repo.mainRoot, await targetRevsIfGone(project, rec));
  if (!found) return { session: rec, note: null, markdown: null, source: null };
  return { session: rec, note: parseNote(found.text, found.from), markdown: found.text, source: found.from };
}

async function targetRevsIfGone(project: Project, rec: SessionRecord): Promise<string[]> {
  // The config (and with it the target) is only needed when the worktree copy is gone.
  return fs.existsSync(noteFile(rec)) ? [] : targetRevs(project);
}

export async function listSessions(project: Project, filter: ListFilter = {}): Promise<{ sessions: SessionRecord[]; total: number }> {
  if (filter.task_id !== undefined) assertSlug(filter.task_id);
  return filterSessions(await readSessions(project.store), filter);
}
