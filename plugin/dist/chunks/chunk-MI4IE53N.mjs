#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  NOTE_COMMIT_PREFIX,
  commitSessionNote,
  commitsSince,
  currentBranch,
  filesChanged,
  mergeBase,
  noteFromRecord,
  withSessionLock
} from "./chunk-OCDV5QVB.mjs";
import {
  SESSIONS_DOC,
  checkProtocol,
  durationMinutes,
  entryCount,
  findCurrent,
  isoNow,
  laneAt,
  normalizeText,
  noteFile,
  readNoteFile,
  readSessions,
  redact,
  sessionKey,
  writeNote
} from "./chunk-4EMJABM2.mjs";
import {
  openProject
} from "./chunk-CQZMO2NA.mjs";
import {
  resolveRepo
} from "./chunk-TNE6FGIO.mjs";
import {
  act
} from "./chunk-KCQ2UJ6A.mjs";
import {
  LanesError,
  assertSlug,
  isLanesError
} from "./chunk-B475TGAI.mjs";

// src/core/sessions/end.ts
import fs from "node:fs";
import path from "node:path";
async function gitFacts(project, rec) {
  if (!fs.existsSync(rec.worktree)) return void 0;
  const lane = await laneAt(project.store, rec.worktree);
  const mb = lane ? await mergeBase(rec.worktree, "HEAD", `refs/heads/${lane.target}`) : void 0;
  const base = mb ?? lane?.base ?? rec.start_commit;
  const notesDir = path.posix.dirname(rec.path);
  const [files, commits, branch] = await Promise.all([
    filesChanged(rec.worktree, base, [notesDir]),
    commitsSince(rec.worktree, rec.start_commit),
    currentBranch(rec.worktree)
  ]);
  return { ...base ? { base } : {}, ...branch ? { branch } : {}, files, commits };
}
function outcomeText(status, summary, reflection) {
  return [`Outcome: ${status}. ${summary}`.trim(), reflection ?? ""].filter(Boolean).join("\n\n");
}
async function finishSession(project, first, opts) {
  const facts = await gitFacts(project, first);
  const out = await withSessionLock(
    project,
    first.id,
    async () => {
      const rec = (await readSessions(project.store))[first.id] ?? first;
      if (rec.status !== "active") return { done: false, session: rec };
      const ended = isoNow();
      let status = typeof opts.status === "string" ? opts.status : "partial";
      let commit = { committed: false, reason: "the worktree no longer exists, so the note could not be written" };
      if (facts) {
        const note = readNoteFile(rec) ?? noteFromRecord(rec, path.basename(project.repo.mainRoot));
        note.files = facts.files.files;
        note.files_more = facts.files.more;
        note.commits = facts.commits.commits;
        note.commits_more = facts.commits.more;
        if (typeof opts.status === "function") status = opts.status(note);
        const m = note.meta;
        m.status = status;
        m.ended = ended;
        m.duration_minutes = durationMinutes(m.started || rec.started, ended);
        m.summary = opts.summary;
        m.end_reason = opts.reason ?? null;
        m.base = facts.base ?? null;
        if (facts.branch) m.branch = redact(facts.branch);
        note.reflection = outcomeText(status, opts.summary, opts.reflection);
        writeNote(rec, note);
        commit = rec.worktree === project.repo.mainRoot ? {
          committed: false,
          reason: "this is the main checkout: Lanes writes the note there but does not commit it; commit it with your work"
        } : await commitSessionNote(rec.worktree, rec.path, `${NOTE_COMMIT_PREFIX} ${rec.id}`);
      }
      const session = await project.store.update(SESSIONS_DOC, (doc) => {
        const r = doc[rec.id] ??= { ...rec };
        r.status = status;
        r.ended = ended;
        r.updated = ended;
        r.summary = opts.summary;
        if (opts.reason) r.end_reason = opts.reason;
        if (facts?.branch) r.branch = redact(facts.branch);
        if (commit.committed) {
          r.note_commit = commit.sha;
          delete r.note_uncommitted;
        } else {
          r.note_uncommitted = commit.reason;
        }
        return { ...r };
      });
      const result = {
        session,
        note_path: noteFile(session),
        committed: commit.committed,
        ...commit.committed ? { note_commit: commit.sha } : { not_committed_reason: commit.reason },
        files: facts?.files.files ?? [],
        files_more: facts?.files.more ?? 0,
        commits: facts?.commits.commits ?? [],
        commits_more: facts?.commits.more ?? 0
      };
      return { done: true, result };
    },
    opts.lock ?? {}
  );
  if (out.done) {
    await project.store.appendEvent("session.ended", {
      session: first.id,
      task: first.task,
      status: out.result.session.status,
      reason: opts.reason,
      note_commit: out.result.note_commit
    });
  }
  return out;
}
async function endSession(project, input, key = sessionKey(input.session_key)) {
  if (input.id !== void 0) assertSlug(input.id, "session id");
  const summary = redact(normalizeText(input.summary));
  if (!summary)
    throw new LanesError("INVALID_INPUT", "The summary is empty.", { hint: "Say in a sentence or two what the session achieved." });
  const rec = findCurrent(await readSessions(project.store), project.repo.worktreeRoot, key, input.id);
  const ended = (s) => new LanesError("CONFLICT", `Session ${s.id} has already ended (${s.status}${s.ended ? ` at ${s.ended}` : ""}).`, {
    hint: `Its note is final; ${act("get_session")} shows it. Start a new session for new work.`
  });
  if (rec.status !== "active") throw ended(rec);
  const reflection = input.reflection !== void 0 ? redact(normalizeText(input.reflection)) : void 0;
  const out = await finishSession(project, rec, { status: input.status, summary, ...reflection ? { reflection } : {} });
  if (!out.done) throw ended(out.session);
  const protocol = fs.existsSync(rec.worktree) ? await checkProtocol(project, rec.worktree, "end", rec.id) : {
    ok: false,
    phase: "end",
    session_id: rec.id,
    items: [{ id: "worktree", description: "The session's worktree exists.", ok: false, detail: `${rec.worktree} no longer exists.` }]
  };
  return { ...out.result, protocol };
}
async function completeSessionFast(opts) {
  const t0 = performance.now();
  const ms = () => Math.round(performance.now() - t0);
  let lanes = opts.lanes;
  if (!lanes) {
    const repo = await resolveRepo(opts.cwd);
    if (!fs.existsSync(repo.stateDir)) return { done: false, ms: ms(), reason: "this repository has no Lanes state" };
    lanes = await openProject(opts.cwd, repo);
  }
  if (opts.id !== void 0) assertSlug(opts.id, "session id");
  let rec;
  try {
    rec = findCurrent(await readSessions(lanes.store), lanes.repo.worktreeRoot, sessionKey(opts.session_key), opts.id);
  } catch (e) {
    if (isLanesError(e, "NOT_FOUND") || isLanesError(e, "CONFLICT")) return { done: false, ms: ms(), reason: e.message };
    throw e;
  }
  if (rec.status !== "active")
    return { done: false, ms: ms(), reason: `session ${rec.id} has already ended (${rec.status})`, session: rec };
  const reason = opts.reason ? redact(opts.reason.slice(0, 200)) : "unknown";
  const out = await finishSession(lanes, rec, {
    // Work logged or committed but never wrapped up is partial; a session that did nothing is abandoned.
    status: (note) => entryCount(note) > 0 || note.commits.length > 0 ? "partial" : "abandoned",
    summary: `The session ended (${reason}) without end_session.`,
    reason,
    // proper-lockfile's floor is 2 s stale; a hook killed at 1.5 s must not wait longer than it lives.
    lock: { staleMs: 2e3, deadlineMs: 2100 }
  });
  if (!out.done)
    return { done: false, ms: ms(), reason: `session ${rec.id} has already ended (${out.session.status})`, session: out.session };
  return { done: true, ms: ms(), result: out.result };
}

export {
  endSession,
  completeSessionFast
};
