import type { Command } from 'commander';
import { openProject } from '../../core/project/project.js';
import { endSession } from '../../core/sessions/end.js';
import { END_STATUSES, ENTRY_KINDS, SESSION_TYPES, type EndStatus, type EntryKind, type SessionStatus } from '../../core/sessions/model.js';
import { checkProtocol, formatChecklist, type ProtocolPhase } from '../../core/sessions/protocol.js';
import { getSession, listSessions, logSession } from '../../core/sessions/read.js';
import { formatPreviousNextSteps, previousNextSteps } from '../../core/sessions/previous.js';
import { sessionKey, type SessionKey } from '../../core/sessions/records.js';
import { startSession } from '../../core/sessions/start.js';
import { LanesError } from '../../errors.js';
import { action, emit } from '../run.js';

/**
 * A CLI call is a new process each time, so the pid cannot name a session: the key is --key, else
 * CLAUDE_SESSION_ID, else "cli" (falling back to the worktree's only active session).
 */
function cliKey(key: string | undefined): SessionKey {
  if (key) return sessionKey(key);
  return { key: (process.env.CLAUDE_SESSION_ID || process.env.CLAUDE_CODE_SESSION_ID)?.trim() || 'cli', explicit: false };
}

function oneOf<T extends string>(what: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new LanesError('INVALID_INPUT', `Unknown ${what} "${value}".`, { hint: `Use one of: ${allowed.join(', ')}.` });
  }
  return value as T;
}

export function registerSessions(program: Command): void {
  const session = program
    .command('session')
    .description('session logs: start, log, end, list, show (notes live in the lane, under .lanes/sessions)');

  session
    .command('start')
    .description('start (or resume) the session log for this worktree')
    .argument('<topic>', 'what the session is about')
    .option('--type <type>', `kind of work: ${SESSION_TYPES.join(' | ')}`, 'feature')
    .option('--task <id>', 'the task worked on (default: the lane you are in)')
    .option('--objective <text>', 'the goal in more detail')
    .option('--key <key>', 'session key (default: CLAUDE_SESSION_ID, else "cli")')
    .option('--json', 'print JSON')
    .action(
      action(async (topic: string, o: { type: string; task?: string; objective?: string; key?: string; json?: boolean }) => {
        const type = oneOf('session type', o.type, SESSION_TYPES);
        const project = await openProject(process.cwd());
        const r = await startSession(
          project,
          { topic, type, ...(o.task ? { task_id: o.task } : {}), ...(o.objective ? { objective: o.objective } : {}) },
          cliKey(o.key),
        );
        const [checklist, prev] = await Promise.all([
          checkProtocol(project, r.session.worktree, 'start', r.session.id),
          r.session.task ? previousNextSteps(project, r.session.task) : Promise.resolve(undefined),
        ]);
        const previous = prev && prev.session_id !== r.session.id ? prev : undefined;
        emit(o.json, { ...r, checklist, previous_next_steps: previous ?? null }, () =>
          [
            `${r.resumed ? 'Resumed' : 'Started'} session ${r.session.id} "${r.session.topic}"${r.session.task ? ` for task ${r.session.task}` : ''}`,
            `log: ${r.note_path}`,
            `Start checklist:\n${formatChecklist(checklist)}`,
            ...(previous ? [formatPreviousNextSteps(previous)] : []),
          ].join('\n'),
        );
      }),
    );

  session
    .command('log')
    .description(`add an entry to the active session log: ${ENTRY_KINDS.join(' | ')}`)
    .argument('<kind>', ENTRY_KINDS.join(' | '))
    .argument('<text...>', 'the entry')
    .option('--id <id>', 'session id (default: the active session here)')
    .option('--key <key>', 'session key')
    .option('--json', 'print JSON')
    .action(
      action(async (kind: string, text: string[], o: { id?: string; key?: string; json?: boolean }) => {
        const k = oneOf<EntryKind>('entry kind', kind, ENTRY_KINDS);
        const project = await openProject(process.cwd());
        const r = await logSession(project, { kind: k, text: text.join(' '), ...(o.id ? { id: o.id } : {}) }, cliKey(o.key));
        emit(o.json, r, () => `Logged ${k.replace('_', ' ')} in session ${r.session.id}`);
      }),
    );

  session
    .command('end')
    .description(`end the active session: ${END_STATUSES.join(' | ')}; fills Files changed and Commits and commits the note in a lane`)
    .argument('<status>', END_STATUSES.join(' | '))
    .argument('<summary>', 'what the session achieved')
    .option('--reflection <text>', 'what went well or badly')
    .option('--id <id>', 'session id (default: the active session here)')
    .option('--key <key>', 'session key')
    .option('--json', 'print JSON')
    .action(
      action(async (status: string, summary: string, o: { reflection?: string; id?: string; key?: string; json?: boolean }) => {
        const st = oneOf<EndStatus>('status', status, END_STATUSES);
        const project = await openProject(process.cwd());
        const r = await endSession(
          project,
          { status: st, summary, ...(o.reflection ? { reflection: o.reflection } : {}), ...(o.id ? { id: o.id } : {}) },
          cliKey(o.key),
        );
        emit(o.json, r, () =>
          [
            `Ended session ${r.session.id} as ${r.session.status}: ${r.files.length + r.files_more} files changed, ${r.commits.length + r.commits_more} commits`,
            r.committed
              ? `note committed as ${r.note_commit?.slice(0, 12)}: ${r.note_path}`
              : `note written, not committed (${r.not_committed_reason}): ${r.note_path}`,
            r.protocol.ok ? 'All end checks pass.' : `End checks not passing:\n${formatChecklist(r.protocol)}`,
          ].join('\n'),
        );
        if (!r.protocol.ok) process.exitCode = 1;
      }),
    );

  session
    .command('list')
    .description('list and search session logs, newest first')
    .option('--task <id>', 'only sessions of this task')
    .option('--status <status>', `active | ${END_STATUSES.join(' | ')}`)
    .option('-q, --query <words>', 'words to find in topic and summary')
    .option('-n, --limit <n>', 'most sessions to list (default 20)', (v) => Number.parseInt(v, 10))
    .option('--json', 'print JSON')
    .action(
      action(async (o: { task?: string; status?: string; query?: string; limit?: number; json?: boolean }) => {
        const status = o.status === undefined ? undefined : oneOf<SessionStatus>('status', o.status, ['active', ...END_STATUSES]);
        if (o.limit !== undefined && !(Number.isInteger(o.limit) && o.limit >= 1)) {
          throw new LanesError('INVALID_INPUT', 'The limit must be a positive whole number.', { hint: 'For example: -n 50.' });
        }
        const project = await openProject(process.cwd());
        const r = await listSessions(project, {
          ...(o.task ? { task_id: o.task } : {}),
          ...(status ? { status } : {}),
          ...(o.query ? { query: o.query } : {}),
          ...(o.limit ? { limit: o.limit } : {}),
        });
        emit(o.json, r, () =>
          r.total === 0
            ? 'No sessions match.'
            : r.sessions
                .map(
                  (s) =>
                    `${s.id}\t${s.status}\t${s.task ?? '-'}\t${s.started}\t${s.topic}${s.summary ? ` — ${s.summary.split('\n')[0]}` : ''}`,
                )
                .join('\n') + (r.total > r.sessions.length ? `\n(${r.total - r.sessions.length} more)` : ''),
        );
      }),
    );

  session
    .command('show')
    .description('print a session log (Markdown as stored; --json for the parsed note)')
    .argument('<id>', 'session id')
    .option('--json', 'print JSON')
    .action(
      action(async (id: string, o: { json?: boolean }) => {
        const project = await openProject(process.cwd());
        const r = await getSession(project, id);
        if (!r.markdown && !o.json) {
          throw new LanesError('NOT_FOUND', `The note of session ${id} can no longer be found (${r.session.path}).`, {
            hint: 'Its lane was removed before the note was committed; the index entry is all that is left (lanes session list --json).',
          });
        }
        emit(o.json, r, () => r.markdown!.trimEnd());
      }),
    );

  session
    .command('check')
    .description('run the session protocol checks of this worktree (exit 1 when one fails)')
    .argument('<phase>', 'start | end')
    .option('--id <id>', 'session id (default: the active or latest session here)')
    .option('--json', 'print JSON')
    .action(
      action(async (phase: string, o: { id?: string; json?: boolean }) => {
        const p = oneOf<ProtocolPhase>('phase', phase, ['start', 'end']);
        const project = await openProject(process.cwd());
        const r = await checkProtocol(project, project.repo.worktreeRoot, p, o.id);
        emit(o.json, r, () => formatChecklist(r));
        if (!r.ok) process.exitCode = 1;
      }),
    );
}
