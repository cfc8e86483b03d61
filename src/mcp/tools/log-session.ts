import { z } from 'zod';
import { openProject } from '../../core/project/project.js';
import { ENTRY_KINDS, ENTRY_TEXT_MAX } from '../../core/sessions/model.js';
import { logSession } from '../../core/sessions/read.js';
import { sessionKey } from '../../core/sessions/records.js';
import { defineTool } from '../tool.js';
import { Slug } from '../schemas.js';
import { EntryOut } from './get-session.js';
import { SessionKeyIn } from './start-session.js';
import { acceptOldArgs } from './renamed.js';

export const logSessionTool = defineTool({
  name: 'log_session',
  title: 'Add an entry to the session log',
  description:
    'Appends a timestamped entry to your active session log: progress (what was done), decision (what was chosen and why), ' +
    'issue (a problem found or left open), next_step (what the next session should do; it is shown to that session). ' +
    'Secrets are redacted before writing. Needs a session from start_session; fails once end_session has run.',
  kind: 'write',
  input: acceptOldArgs(
    'log_session',
    z
      .object({
        kind: z.enum(ENTRY_KINDS).describe('Which section the entry goes to'),
        text: z.string().min(1).max(ENTRY_TEXT_MAX).describe('The entry; Markdown, may span lines'),
        session_id: Slug.optional().describe('Session id, when you run several sessions (default: your active one here)'),
        session_key: SessionKeyIn,
      })
      .strict(),
  ),
  output: z.object({
    session_id: z.string(),
    kind: z.enum(ENTRY_KINDS),
    entry: EntryOut,
    counts: z.object({ progress: z.number(), decision: z.number(), issue: z.number(), next_step: z.number() }),
  }),
  async handle(input, ctx) {
    const project = await openProject(ctx.cwd, await ctx.repo());
    const r = await logSession(project, toCore(input), sessionKey(input.session_key));
    return { session_id: r.session.id, kind: r.kind, entry: r.entry, counts: r.counts };
  },
  render: (o) =>
    `Logged ${o.kind.replace('_', ' ')} in session ${o.session_id} (progress ${o.counts.progress}, decisions ${o.counts.decision}, issues ${o.counts.issue}, next steps ${o.counts.next_step}).`,
});

/** Core names the session `id`. */
function toCore<T extends { session_id?: string | undefined }>(input: T): Omit<T, 'session_id'> & { id?: string } {
  const { session_id, ...rest } = input;
  return { ...rest, ...(session_id !== undefined ? { id: session_id } : {}) };
}
