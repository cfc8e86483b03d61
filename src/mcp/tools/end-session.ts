import { z } from 'zod';
import { openProject } from '../../core/project/project.js';
import { endSession } from '../../core/sessions/end.js';
import { END_STATUSES } from '../../core/sessions/model.js';
import { formatChecklist } from '../../core/sessions/protocol.js';
import { sessionKey } from '../../core/sessions/records.js';
import { defineTool } from '../tool.js';
import { Slug } from '../schemas.js';
import { CommitOut, FileChangeOut, ProtocolOut, SessionOut, sessionOut } from './get-session.js';
import { SessionKeyIn } from './start-session.js';
import { acceptOldArgs } from './renamed.js';

export const endSessionTool = defineTool({
  name: 'end_session',
  title: 'End the session and finish its log',
  description:
    'Ends your active session: records the outcome and summary, fills Files changed (from git, with line counts) and Commits, ' +
    'and in a lane commits the note by itself (only the note file; your other changes are left as they are). Commit your work ' +
    "first. Returns the protocol's end checks (e.g. uncommitted files, empty Next steps) so you can fix what is missing. " +
    'status: completed | partial | blocked | abandoned.',
  kind: 'write',
  input: acceptOldArgs(
    'end_session',
    z
      .object({
        status: z.enum(END_STATUSES).describe('How the session ended'),
        summary: z.string().min(1).max(4000).describe('What the session achieved, in a sentence or two'),
        reflection: z.string().max(4000).optional().describe('What went well or badly, for the Reflection section'),
        session_id: Slug.optional().describe('Session id, when you run several sessions (default: your active one here)'),
        session_key: SessionKeyIn,
      })
      .strict(),
  ),
  output: z.object({
    session: SessionOut,
    note_path: z.string(),
    committed: z.boolean(),
    note_commit: z.string().optional(),
    not_committed_reason: z.string().optional(),
    files: z.array(FileChangeOut),
    files_more: z.number(),
    commits: z.array(CommitOut),
    commits_more: z.number(),
    protocol: ProtocolOut,
  }),
  async handle(input, ctx) {
    const project = await openProject(ctx.cwd, await ctx.repo());
    const r = await endSession(project, toCore(input), sessionKey(input.session_key));
    return { ...r, session: sessionOut(r.session) };
  },
  render: (o) =>
    [
      `Ended session ${o.session.id} as ${o.session.status}: ${o.files.length + o.files_more} files changed, ${o.commits.length + o.commits_more} commits.`,
      o.committed
        ? `Note committed as ${o.note_commit?.slice(0, 12)} (${o.note_path}).`
        : `Note written to ${o.note_path}, not committed: ${o.not_committed_reason}.`,
      o.protocol.ok ? 'All end checks pass.' : `End checks not passing yet:\n${formatChecklist(o.protocol)}`,
    ].join('\n'),
});

/** Core names the session `id`. */
function toCore<T extends { session_id?: string | undefined }>(input: T): Omit<T, 'session_id'> & { id?: string } {
  const { session_id, ...rest } = input;
  return { ...rest, ...(session_id !== undefined ? { id: session_id } : {}) };
}
