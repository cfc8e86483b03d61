/**
 * The session protocol (`session.start` / `session.end` in .lanes/config.json): items a session must
 * do, each with a check Lanes runs. The Stop hook refuses to stop while an end item fails;
 * start_session and the SessionStart hook show the start items as a checklist.
 *
 * `tree_committed` ignores exactly one kind of file: the notes of this worktree's sessions. Lanes
 * writes a note all through a session and commits it itself when the session ends (see end.ts), so
 * counting it would make every tree look dirty, and the agent cannot commit its last version anyway.
 */
import { act } from '../hints/actions.js';
import fs from 'node:fs';
import { LanesError } from '../../errors.js';
import { showToplevel } from '../../git/head.js';
import { statusPorcelain } from '../../git/refs.js';
import { own } from '../../state/records.js';
import { runCommand } from '../../system/command.js';
import { redact } from '../../util/redact.js';
import type { ProtocolItem } from '../config/schema.js';
import type { Project } from '../project/project.js';
import { noteFile } from './note-io.js';
import { readNoteFast } from './note-read.js';
import type { SessionNote, SessionRecord, SessionsDoc } from './model.js';
import { sectionFilled } from './note.js';
import { ownedNotePaths, readSessions } from './records.js';

export type ProtocolPhase = 'start' | 'end';

export interface ProtocolItemResult {
  id: string;
  description: string;
  ok: boolean;
  /** What was found: the failing files, the exit code and output tail, the missing section. */
  detail: string;
}

export interface ProtocolResult {
  ok: boolean;
  phase: ProtocolPhase;
  /** The session the checks were made against (undefined when the worktree has none). */
  session_id?: string;
  items: ProtocolItemResult[];
}

const OUTPUT_TAIL = 1200;

/** The session a check is about: by id, else this worktree's active session, else its latest one. */
function sessionFor(doc: SessionsDoc, worktree: string, id?: string): SessionRecord | undefined {
  if (id !== undefined) return own(doc, id);
  const here = Object.values(doc)
    .filter((r) => r.worktree === worktree)
    .sort((a, b) => b.started.localeCompare(a.started));
  return here.find((r) => r.status === 'active') ?? here[0];
}

async function worktreeTop(dir: string, known: string): Promise<string> {
  if (!fs.existsSync(dir)) {
    throw new LanesError('NOT_FOUND', `The worktree ${dir} does not exist.`, {
      hint: 'Run the checks from inside the lane (or pass its path).',
    });
  }
  const real = fs.realpathSync(dir);
  // The top of the worktree the project was opened on is known (a real path): no git needed.
  if (real === known) return real;
  try {
    return fs.realpathSync(await showToplevel(real));
  } catch {
    return real;
  }
}

function tail(s: string, n: number): string {
  const t = s.trimEnd();
  return t.length > n ? `...${t.slice(-n)}` : t;
}

export async function checkProtocol(
  project: Project,
  worktreeDir: string,
  phase: ProtocolPhase,
  sessionId?: string,
): Promise<ProtocolResult> {
  const [cfg, worktree, doc] = await Promise.all([
    project.config(),
    worktreeTop(worktreeDir, project.repo.worktreeRoot),
    readSessions(project.store),
  ]);
  const items: ProtocolItem[] = cfg.session[phase];
  const rec = sessionFor(doc, worktree, sessionId);
  let note: SessionNote | undefined | null = null; // null: not read yet
  // Read only for a section check; plain front matter is read without the YAML library.
  const getNote = async () => {
    if (note === null) {
      try {
        note = rec ? await readNoteFast(rec) : undefined;
      } catch {
        note = undefined;
      }
    }
    return note;
  };
  const noSession = `No session log for this worktree yet: start one with ${act('start_session')}.`;

  const check = async (item: ProtocolItem): Promise<ProtocolItemResult> => {
    const base = { id: item.id, description: item.description };
    const c = item.check;
    switch (c.kind) {
      case 'log_exists': {
        if (!rec) return { ...base, ok: false, detail: noSession };
        const file = noteFile(rec);
        return fs.existsSync(file)
          ? { ...base, ok: true, detail: `${rec.path} (session ${rec.id}, ${rec.status})` }
          : { ...base, ok: false, detail: `Session ${rec.id}'s log ${rec.path} is missing from ${rec.worktree}.` };
      }
      case 'tree_committed': {
        const notes = ownedNotePaths(doc, worktree);
        const dirty = (await statusPorcelain(worktree)).filter((e) => !notes.has(e.path));
        if (dirty.length === 0) return { ...base, ok: true, detail: 'Nothing uncommitted.' };
        const shown = dirty.slice(0, 10).map((e) => `${e.path} (${e.code.trim() === '??' ? 'untracked' : e.code.trim()})`);
        return {
          ...base,
          ok: false,
          detail: `${dirty.length} uncommitted: ${redact(shown.join(', '))}${dirty.length > 10 ? ', ...' : ''}. Commit them (or discard them).`,
        };
      }
      case 'section_filled': {
        const n = await getNote();
        if (!rec || !n) return { ...base, ok: false, detail: rec ? `Session ${rec.id}'s log cannot be read.` : noSession };
        const filled = sectionFilled(n, c.section);
        if (filled === undefined) return { ...base, ok: false, detail: `The log has no "${c.section}" section.` };
        return filled
          ? { ...base, ok: true, detail: `"${c.section}" has content.` }
          : { ...base, ok: false, detail: `"${c.section}" is empty: add to it with ${act('log_session')}.` };
      }
      case 'command': {
        const timeoutMs = (c.timeout_seconds ?? 60) * 1000;
        const r = await runCommand(c.command, { cwd: worktree, timeoutMs, maxOutputBytes: 16 * 1024 });
        const ok = r.exitCode === 0 && !r.timedOut;
        const what = r.timedOut
          ? `timed out after ${timeoutMs / 1000} s`
          : r.error
            ? `could not start: ${r.error}`
            : r.exitCode === null
              ? `killed by ${r.signal ?? 'a signal'}`
              : `exit ${r.exitCode}`;
        const out = tail(redact(r.output), OUTPUT_TAIL);
        const shown = redact(c.command.join(' '));
        const cmd = shown.length > 200 ? `${shown.slice(0, 200)}...` : shown;
        return { ...base, ok, detail: `${cmd}: ${what} in ${r.durationMs} ms${!ok && out ? `\n${out}` : ''}` };
      }
    }
  };

  // Cheap checks together; commands one after another (they may share build outputs).
  const results = new Array<ProtocolItemResult>(items.length);
  await Promise.all(items.map(async (item, i) => (item.check.kind === 'command' ? undefined : (results[i] = await check(item)))));
  for (let i = 0; i < items.length; i++) if (items[i]!.check.kind === 'command') results[i] = await check(items[i]!);
  return { ok: results.every((r) => r.ok), phase, ...(rec ? { session_id: rec.id } : {}), items: results };
}

/** A checklist for an agent's context: one line per item, ✓ or ✗ with the detail when failing. */
export function formatChecklist(r: ProtocolResult): string {
  if (r.items.length === 0) return `No ${r.phase} items are configured.`;
  return r.items.map((i) => `- [${i.ok ? 'x' : ' '}] ${i.description}${i.ok ? '' : ` — ${i.detail.split('\n')[0]}`}`).join('\n');
}
