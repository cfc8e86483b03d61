/**
 * Starting (or resuming) a session: the note is created inside the worktree the work happens in
 * (the task's lane when `task_id` names one, else the caller's worktree) and indexed in the shared
 * `sessions` document. A second start for the same worktree and key resumes the active session.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LanesError } from '../../errors.js';
import { redact } from '../../util/redact.js';
import { assertSlug, isSlug } from '../../util/slug.js';
import type { Project } from '../project/project.js';
import { PLAN_DOC } from '../plan/tasks.js';
import { noteFile, writeNoteText } from './note-io.js';
import { renderNotePlain } from './note-front.js';
import { headOf } from '../../git/head-files.js';
import { SESSIONS_DOC, emptyNote, isoNow, newSessionId, notePathFor, type SessionNote, type SessionRecord } from './model.js';
import { normalizeText } from './note.js';
import { activeIn, laneAt, laneOf, pruneIndex, readSessions, sessionKey, type SessionKey } from './records.js';

export interface StartSessionInput {
  /** What the session is about. Absent (a hook starting the session): made up from the task or branch. */
  topic?: string;
  type?: string;
  task_id?: string;
  /** Longer statement of the goal for the Objective section (default: the topic plus the task's description). */
  objective?: string;
  session_key?: string;
}

export interface StartSessionResult {
  session: SessionRecord;
  /** Absolute path of the note. */
  note_path: string;
  resumed: boolean;
}

const TOPIC_MAX = 200;

/** First line, capped, redacted: what goes into front matter and the index. */
function oneLine(text: string, max: number): string {
  const first = normalizeText(text).split('\n')[0] ?? '';
  return redact(first.length > max ? `${first.slice(0, max - 3)}...` : first);
}

function laneTaskFromBranch(branch: string | undefined): string | undefined {
  const m = /^lanes\/(.+)$/.exec(branch ?? '');
  return m && isSlug(m[1]) ? m[1] : undefined;
}

export async function startSession(
  project: Project,
  input: StartSessionInput,
  key: SessionKey = sessionKey(input.session_key),
): Promise<StartSessionResult> {
  const from = project.repo.worktreeRoot;
  if (input.task_id !== undefined) assertSlug(input.task_id);
  // Where the work happens: the named task's lane, else the caller's own worktree.
  let worktree = from;
  let task = input.task_id;
  if (task) {
    const lane = await laneOf(project.store, task);
    if (lane && lane.state !== 'starting' && fs.existsSync(lane.path)) worktree = lane.path;
  } else {
    task = (await laneAt(project.store, from))?.task;
  }
  // HEAD's branch and commit from the files git keeps (git itself when they are not plain).
  const { branch, commit: head } = await headOf(worktree, project.repo.commonDir);
  task ??= laneTaskFromBranch(branch);

  const existing = activeIn(await readSessions(project.store), worktree, key);
  if (existing) return resume(project, existing, input);

  const cfg = await project.config();
  const plan = (await project.store.read(PLAN_DOC)).data.plan;
  const planned = task ? plan?.tasks.find((t) => t.id === task) : undefined;
  const topicGiven = input.topic !== undefined && normalizeText(input.topic) !== '';
  const topic = oneLine(topicGiven ? input.topic! : planned ? planned.title : `Work in ${branch ?? path.basename(worktree)}`, TOPIC_MAX);
  const started = isoNow();
  const id = newSessionId(topic);
  const rec: SessionRecord = {
    id,
    path: notePathFor(cfg.session.dir, id, started),
    worktree,
    started_from: from,
    key: key.key,
    ...(task ? { task } : {}),
    topic,
    ...(topicGiven ? {} : { topic_auto: true }),
    type: oneLine(input.type ?? 'feature', 40) || 'feature',
    status: 'active',
    branch: redact(branch ?? '(detached)'),
    ...(head ? { start_commit: head } : {}),
    started,
    updated: started,
  };
  const objective = redact(
    normalizeText(
      input.objective ??
        [topic, planned?.description && planned.description !== topic ? planned.description : ''].filter(Boolean).join('\n\n'),
    ),
  );
  // Index first, under the lock: of two racing starts for the same worktree and key, one creates
  // the session and the other resumes it.
  const won = await project.store.update(SESSIONS_DOC, (doc) => {
    const other = activeIn(doc, worktree, key);
    if (other) return other;
    doc[id] = rec;
    pruneIndex(doc);
    return rec;
  });
  if (won.id !== id) return resume(project, won, input);
  try {
    const note: SessionNote = {
      ...emptyNote(
        {
          id,
          topic,
          type: rec.type,
          status: 'active',
          task: task ?? null,
          repo: path.basename(project.repo.mainRoot),
          branch: rec.branch,
          started,
          ended: null,
          duration_minutes: null,
          summary: null,
          end_reason: null,
          start_commit: head ?? null,
          base: null,
        },
        objective,
      ),
    };
    // A new note's front matter is plain words, times and ids as a rule: written without loading
    // the YAML library, which renders it only when some value needs quoting.
    writeNoteText(rec, renderNotePlain(note) ?? (await import('./note-render.js')).renderNote(note));
  } catch (e) {
    await project.store.update(SESSIONS_DOC, (doc) => {
      delete doc[id];
    });
    throw e;
  }
  await project.store.appendEvent('session.started', { session: id, task, worktree, type: rec.type });
  return { session: rec, note_path: noteFile(rec), resumed: false };
}

/** Resuming returns the active session; a made-up topic is replaced by a real one when given. */
async function resume(project: Project, rec: SessionRecord, input: StartSessionInput): Promise<StartSessionResult> {
  const topicGiven = input.topic !== undefined && normalizeText(input.topic) !== '';
  if (!(rec.topic_auto && topicGiven)) return { session: rec, note_path: noteFile(rec), resumed: true };
  const topic = oneLine(input.topic!, TOPIC_MAX);
  const type = input.type ? oneLine(input.type, 40) || rec.type : rec.type;
  const { readNoteFile, writeNote } = await import('./files.js');
  const note = readNoteFile(rec);
  if (note) {
    note.meta.topic = topic;
    note.meta.type = type;
    const rest = note.objective.startsWith(rec.topic)
      ? note.objective.slice(rec.topic.length)
      : note.objective
        ? `\n\n${note.objective}`
        : '';
    note.objective = redact(normalizeText(input.objective ?? `${topic}${rest}`));
    writeNote(rec, note);
  }
  const updated = await project.store.update(SESSIONS_DOC, (doc) => {
    const r = doc[rec.id];
    if (!r) throw new LanesError('NOT_FOUND', `Session ${rec.id} disappeared from the index.`, { hint: 'Start a new session.' });
    r.topic = topic;
    r.type = type;
    delete r.topic_auto;
    r.updated = isoNow();
    return { ...r };
  });
  return { session: updated, note_path: noteFile(updated), resumed: true };
}
