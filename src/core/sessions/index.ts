/**
 * Session logs: a Markdown note per agent session, inside the worktree it works in,
 * indexed in shared state, committed by Lanes when the session ends. Hooks should import the
 * module they need (end.ts for SessionEnd, protocol.ts for Stop) to keep their bundles small.
 */
export * from './model.js';
export { sectionFilled, normalizeText } from './note.js';
export { renderNote } from './note-render.js';
export { parseNote } from './note-parse.js';
export { commitSessionNote, filesChanged, commitsSince, NOTE_COMMIT_PREFIX, type NoteCommitResult } from './git-info.js';
export { noteFile, findNoteText } from './note-io.js';
export {
  sessionKey,
  findCurrent,
  activeIn,
  filterSessions,
  ownedNotePaths,
  readSessions,
  type SessionKey,
  type ListFilter,
} from './records.js';
export { startSession, type StartSessionInput, type StartSessionResult } from './start.js';
export { logSession, getSession, listSessions, type LogSessionInput, type LogSessionResult, type GetSessionResult } from './read.js';
export { previousNextSteps, formatPreviousNextSteps, type PreviousNextSteps } from './previous.js';
export {
  endSession,
  completeSessionFast,
  type EndSessionInput,
  type EndSessionResult,
  type FinishResult,
  type CompleteFastOptions,
  type CompleteFastResult,
} from './end.js';
export { checkProtocol, formatChecklist, type ProtocolPhase, type ProtocolResult, type ProtocolItemResult } from './protocol.js';
