import { z } from 'zod';
import { openProject } from '../../core/project/project.js';
import { END_STATUSES } from '../../core/sessions/model.js';
import { listSessions } from '../../core/sessions/read.js';
import { defineTool } from '../tool.js';
import { Slug } from '../schemas.js';
import { SessionOut, sessionOut } from './get-session.js';

export const listSessionsTool = defineTool({
  name: 'list_sessions',
  title: 'List and search session logs',
  description:
    'Lists session logs across all lanes, newest first: id, task, topic, type, status, branch, start/end time and summary. ' +
    'Filter by task_id or status; query matches every word against topic, summary, type, task and id. ' +
    'Use get_session for a full log.',
  kind: 'read',
  input: z
    .object({
      task_id: Slug.optional().describe('Only sessions of this task'),
      status: z
        .enum(['active', ...END_STATUSES])
        .optional()
        .describe('Only sessions with this status'),
      query: z.string().max(200).optional().describe('Words to search for in topic and summary'),
      limit: z.number().int().min(1).max(200).optional().describe('Most sessions to return (default 20)'),
    })
    .strict(),
  output: z.object({ sessions: z.array(SessionOut), total: z.number() }),
  async handle(input, ctx) {
    const project = await openProject(ctx.cwd, await ctx.repo());
    const r = await listSessions(project, input);
    return { ...r, sessions: r.sessions.map(sessionOut) };
  },
  render: (o) => {
    if (o.total === 0) return 'No sessions match.';
    const lines = o.sessions.map(
      (s) => `${s.id}\t${s.status}\t${s.task ?? '-'}\t${s.started}\t${s.topic}${s.summary ? ` — ${s.summary.split('\n')[0]}` : ''}`,
    );
    return `${lines.join('\n')}${o.total > o.sessions.length ? `\n(${o.total - o.sessions.length} more)` : ''}`;
  },
});
