/**
 * Ending a session: the note gets its outcome, duration, Files changed (from git, with line counts)
 * and Commits, and Lanes commits the note itself on the lane's branch.
 *
 * Why Lanes commits the note ("a note completed after the lane's last commit must neither
 * leave the lane dirty nor block its merge"): the note is finished after the agent's last commit
 * (SessionEnd runs when the agent has gone), so left to itself it would sit uncommitted in the lane,
 * where `git worktree remove` refuses to delete it and the work would never look finished. Committing
 * exactly that one file (`git commit --only`) leaves the tree as clean, or as dirty, as it was, and
 * the note lands with the work. In the main checkout Lanes writes the note but never commits: that
 * checkout belongs to the user, and a commit there could move the target branch outside the merge
 * queue.
 */
import { transcriptUsage, type SessionUsage } from './usage.js';
import { act } from '../hints/actions.js';
import fs from 'node:fs';
import path from 'node:path';
import { LanesError, isLanesError } from '../../errors.js';
import { branchTipFiles, headOf, readHeadFiles } from '../../git/head-files.js';
import { mergeBase } from '../../git/log.js';
import { resolveRepo } from '../../git/repo.js';
import { redact } from '../../util/redact.js';
import { assertSlug } from '../../util/slug.js';
import { openProject, type Project } from '../project/project.js';
import { noteFile } from './note-io.js';
import { commitSessionNote, commitsSince, filesChanged, NOTE_COMMIT_PREFIX, type NoteCommitResult } from './git-info.js';
import {
  SESSIONS_DOC,
  durationMinutes,
  entryCount,
  isoNow,
  type CommitLine,
  type EndStatus,
  type FileChange,
  type SessionNote,
  type SessionRecord,
} from './model.js';
import { normalizeText } from './note.js';
import { checkProtocol, type ProtocolResult } from './protocol.js';
import { withSessionLock } from './lock.js';
import { noteFromRecord, readNoteFast, writeNoteFast } from './note-read.js';
import { findCurrent, laneAt, readSessions, sessionKey, type SessionKey } from './records.js';

export interface FinishResult {
  session: SessionRecord;
  note_path: string;
  committed: boolean;
  /** The commit holding the note, when Lanes made one. */
  note_commit?: string;
  /** Why the note was not committed. */
  not_committed_reason?: string;
  files: FileChange[];
  files_more: number;
  commits: CommitLine[];
  commits_more: number;
}

interface FinishOptions {
  /** A fixed status, or one chosen from the finished note (SessionEnd without end_session). */
  status: EndStatus | ((note: SessionNote) => EndStatus);
  summary: string;
  reflection?: string;
  reason?: string;
  lock?: { staleMs?: number; deadlineMs?: number };
  /**
   * What the session cost (SessionEnd reads it from the transcript). A function is called once
   * git's processes for the note have started, so reading a large transcript overlaps them.
   */
  usage?: SessionUsage | (() => SessionUsage | undefined);
}

interface GitFacts {
  base?: string;
  branch?: string;
  files: { files: FileChange[]; more: number };
  commits: { commits: CommitLine[]; more: number };
}

/**
 * Everything git says about the session, read before any lock is taken. The branch comes from the
 * files git keeps (head-files.ts; git when the layout is not plain), and the merge-base runs beside
 * the status and the log, which do not need it: four git processes, three at a time (three when
 * the session made no commit: then there is no log to read).
 */
async function gitFacts(project: Project, rec: SessionRecord): Promise<GitFacts | undefined> {
  if (!fs.existsSync(rec.worktree)) return undefined;
  const lane = await laneAt(project.store, rec.worktree);
  const notesDir = path.posix.dirname(rec.path);
  // A lane's "Files changed" is the lane's whole work: from its merge-base with the target. With
  // the target's tip read from the files git keeps, the merge-base and the diff from it both take
  // that one commit and run side by side (`diff --merge-base`); else the diff waits for the base.
  const tip = lane ? branchTipFiles(project.repo.commonDir, lane.target) : undefined;
  const base = (async () => {
    const mb = lane ? await mergeBase(rec.worktree, 'HEAD', tip ?? `refs/heads/${lane.target}`) : undefined;
    return mb ?? lane?.base ?? rec.start_commit;
  })();
  const disk = readHeadFiles(rec.worktree, project.repo.commonDir);
  // HEAD still at the session's first commit: `<start>..HEAD` is empty, no `git log` needed.
  const none = rec.start_commit !== undefined && disk?.commit === rec.start_commit;
  const [files, commits, head] = await Promise.all([
    filesChanged(rec.worktree, base, [notesDir], tip ? { mergeBaseOf: tip } : {}),
    none ? { commits: [], more: 0 } : commitsSince(rec.worktree, rec.start_commit),
    disk ?? headOf(rec.worktree, project.repo.commonDir),
  ]);
  const b = await base;
  return { ...(b ? { base: b } : {}), ...(head.branch ? { branch: head.branch } : {}), files, commits };
}

function outcomeText(status: EndStatus, summary: string, reflection?: string): string {
  return [`Outcome: ${status}. ${summary}`.trim(), reflection ?? ''].filter(Boolean).join('\n\n');
}

async function finishSession(
  project: Project,
  first: SessionRecord,
  opts: FinishOptions,
): Promise<{ done: true; result: FinishResult } | { done: false; session: SessionRecord }> {
  const pending = gitFacts(project, first);
  let usage: SessionUsage | undefined;
  if (typeof opts.usage === 'function') {
    // gitFacts starts its processes within this turn's microtasks: read the transcript meanwhile.
    await new Promise<void>((resolve) => setImmediate(resolve));
    usage = opts.usage();
  } else usage = opts.usage;
  const facts = await pending;
  const out = await withSessionLock(
    project,
    first.id,
    async () => {
      const rec = (await readSessions(project.store))[first.id] ?? first;
      if (rec.status !== 'active') return { done: false as const, session: rec };
      const ended = isoNow();
      let status: EndStatus = typeof opts.status === 'string' ? opts.status : 'partial';
      let commit: NoteCommitResult = { committed: false, reason: 'the worktree no longer exists, so the note could not be written' };
      if (facts) {
        const note = (await readNoteFast(rec)) ?? noteFromRecord(rec, path.basename(project.repo.mainRoot));
        note.files = facts.files.files;
        note.files_more = facts.files.more;
        note.commits = facts.commits.commits;
        note.commits_more = facts.commits.more;
        if (typeof opts.status === 'function') status = opts.status(note);
        const m = note.meta;
        m.status = status;
        m.ended = ended;
        m.duration_minutes = durationMinutes(m.started || rec.started, ended);
        m.summary = opts.summary;
        m.end_reason = opts.reason ?? null;
        m.base = facts.base ?? null;
        if (usage) m.usage = usage;
        if (facts.branch) m.branch = redact(facts.branch);
        note.reflection = outcomeText(status, opts.summary, opts.reflection);
        await writeNoteFast(rec, note);
        commit =
          rec.worktree === project.repo.mainRoot
            ? {
                committed: false,
                reason: 'this is the main checkout: Lanes writes the note there but does not commit it; commit it with your work',
              }
            : await commitSessionNote(rec.worktree, rec.path, `${NOTE_COMMIT_PREFIX} ${rec.id}`, {
                commonDir: project.repo.commonDir,
              });
      }
      const session = await project.store.update(SESSIONS_DOC, (doc) => {
        const r = (doc[rec.id] ??= { ...rec });
        r.status = status;
        r.ended = ended;
        r.updated = ended;
        r.summary = opts.summary;
        if (opts.reason) r.end_reason = opts.reason;
        if (usage) r.usage = usage;
        if (facts?.branch) r.branch = redact(facts.branch);
        if (commit.committed) {
          r.note_commit = commit.sha;
          delete r.note_uncommitted;
        } else {
          r.note_uncommitted = commit.reason;
        }
        return { ...r };
      });
      const result: FinishResult = {
        session,
        note_path: noteFile(session),
        committed: commit.committed,
        ...(commit.committed ? { note_commit: commit.sha } : { not_committed_reason: commit.reason }),
        files: facts?.files.files ?? [],
        files_more: facts?.files.more ?? 0,
        commits: facts?.commits.commits ?? [],
        commits_more: facts?.commits.more ?? 0,
      };
      return { done: true as const, result };
    },
    opts.lock ?? {},
  );
  if (out.done) {
    await project.store.appendEvent('session.ended', {
      session: first.id,
      task: first.task,
      status: out.result.session.status,
      reason: opts.reason,
      note_commit: out.result.note_commit,
    });
  }
  return out;
}

export interface EndSessionInput {
  status: EndStatus;
  summary: string;
  /** What went well or badly, for the Reflection section. */
  reflection?: string;
  id?: string;
  session_key?: string;
}

export interface EndSessionResult extends FinishResult {
  /** The protocol's end checks, run after the note was completed and committed. */
  protocol: ProtocolResult;
}

export async function endSession(
  project: Project,
  input: EndSessionInput,
  key: SessionKey = sessionKey(input.session_key),
): Promise<EndSessionResult> {
  if (input.id !== undefined) assertSlug(input.id, 'session id');
  const summary = redact(normalizeText(input.summary));
  if (!summary)
    throw new LanesError('INVALID_INPUT', 'The summary is empty.', { hint: 'Say in a sentence or two what the session achieved.' });
  const rec = findCurrent(await readSessions(project.store), project.repo.worktreeRoot, key, input.id);
  const ended = (s: SessionRecord) =>
    new LanesError('CONFLICT', `Session ${s.id} has already ended (${s.status}${s.ended ? ` at ${s.ended}` : ''}).`, {
      hint: `Its note is final; ${act('get_session')} shows it. Start a new session for new work.`,
    });
  if (rec.status !== 'active') throw ended(rec);
  const reflection = input.reflection !== undefined ? redact(normalizeText(input.reflection)) : undefined;
  const out = await finishSession(project, rec, { status: input.status, summary, ...(reflection ? { reflection } : {}) });
  if (!out.done) throw ended(out.session);
  const protocol: ProtocolResult = fs.existsSync(rec.worktree)
    ? await checkProtocol(project, rec.worktree, 'end', rec.id)
    : {
        ok: false,
        phase: 'end',
        session_id: rec.id,
        items: [{ id: 'worktree', description: "The session's worktree exists.", ok: false, detail: `${rec.worktree} no longer exists.` }],
      };
  return { ...out.result, protocol };
}

export interface CompleteFastOptions {
  /** The hook's `cwd` (it follows the agent into its lane). */
  cwd: string;
  /** The hook's `session_id`. */
  session_key?: string;
  /** Claude Code's SessionEnd `reason` (clear, logout, prompt_input_exit, other...). */
  reason?: string;
  id?: string;
  lanes?: Project;
  /** The hook's `transcript_path`: the session's usage is read from it. */
  transcript?: string;
  /**
   * The usage already read from that transcript (undefined: it names none), so a caller that
   * completes several sessions, or also needs the usage itself, reads the file once.
   */
  usage?: () => SessionUsage | undefined;
}

export type CompleteFastResult =
  { done: true; ms: number; result: FinishResult } | { done: false; ms: number; reason: string; session?: SessionRecord };

/**
 * SessionEnd's part: complete the caller's active session (outcome from `reason`, duration, Files
 * changed, Commits, index, commit the note) in well under Claude Code's 1.5 s budget: five git
 * calls (six when the session committed), no config load, no YAML library for a plain note, no
 * protocol commands. A session already ended by end_session
 * is left alone. Never creates Lanes state where there is none.
 */
export async function completeSessionFast(opts: CompleteFastOptions): Promise<CompleteFastResult> {
  const t0 = performance.now();
  const ms = () => Math.round(performance.now() - t0);
  let lanes = opts.lanes;
  if (!lanes) {
    const repo = await resolveRepo(opts.cwd);
    if (!fs.existsSync(repo.stateDir)) return { done: false, ms: ms(), reason: 'this repository has no Lanes state' };
    lanes = await openProject(opts.cwd, repo);
  }
  if (opts.id !== undefined) assertSlug(opts.id, 'session id');
  let rec: SessionRecord;
  try {
    rec = findCurrent(await readSessions(lanes.store), lanes.repo.worktreeRoot, sessionKey(opts.session_key), opts.id);
  } catch (e) {
    if (isLanesError(e, 'NOT_FOUND') || isLanesError(e, 'CONFLICT')) return { done: false, ms: ms(), reason: (e as LanesError).message };
    throw e;
  }
  if (rec.status !== 'active')
    return { done: false, ms: ms(), reason: `session ${rec.id} has already ended (${rec.status})`, session: rec };
  const reason = opts.reason ? redact(opts.reason.slice(0, 200)) : 'unknown';
  const out = await finishSession(lanes, rec, {
    // Work logged or committed but never wrapped up is partial; a session that did nothing is abandoned.
    status: (note) => (entryCount(note) > 0 || note.commits.length > 0 ? 'partial' : 'abandoned'),
    summary: `The session ended (${reason}) without end_session.`,
    reason,
    // proper-lockfile's floor is 2 s stale; a hook killed at 1.5 s must not wait longer than it lives.
    lock: { staleMs: 2000, deadlineMs: 2100 },
    usage: opts.usage ?? (() => transcriptUsage(opts.transcript)),
  });
  if (!out.done)
    return { done: false, ms: ms(), reason: `session ${rec.id} has already ended (${out.session.status})`, session: out.session };
  return { done: true, ms: ms(), result: out.result };
}
