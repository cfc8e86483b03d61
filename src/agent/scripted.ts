/**
 * The built-in scripted agent (`lanes agent scripted`): a stand-in for a coding agent that makes a
 * task's edits, commits them in its lane and ends, taking a few seconds. It lets `npm run demo`,
 * the tests and the benchmarks run real lanes, claims, gates and merges with nothing installed.
 *
 * What it edits comes from the task itself, deterministically:
 * - fenced blocks in the task's description: "```file <path>" (the file's whole content) or
 *   "```append <path>" (added at the end of the file). A human or a real agent reads the same
 *   blocks as "this file should say this", so a tasks file works with either agent;
 * - without blocks, one line naming the task, appended to the first plain file of the task's scope
 *   (or a new `<dir>/<task>.txt` for a directory or glob scope).
 *
 * It follows the lane worker protocol like a real agent: start_session, progress notes, commit,
 * next step, end_session (which commits the session note in the lane). Time taken: the task's
 * estimate (hours) times LANES_SCRIPTED_UNIT_MS (default 1000 ms per hour).
 */
import fs from 'node:fs';
import path from 'node:path';
import { relPathProblem } from '../core/config/fields.js';
import { openProject } from '../core/project/project.js';
import type { PlannedTask } from '../core/plan/plan.js';
import { endSession } from '../core/sessions/end.js';
import { logSession } from '../core/sessions/read.js';
import { sessionKey } from '../core/sessions/records.js';
import { startSession } from '../core/sessions/start.js';
import { readPlan, requirePlan, requireTask } from '../core/plan/tasks.js';
import { errorMessage, LanesError } from '../errors.js';
import { git } from '../git/exec.js';

export interface Edit {
  kind: 'file' | 'append';
  path: string;
  content: string;
}

export interface ScriptedOptions {
  /** The lane (the agent's working directory). */
  cwd: string;
  task: string;
  /** Milliseconds per estimate hour. */
  unitMs: number;
  /** Follow the session protocol (start/log/end_session). Default true. */
  session?: boolean;
  out?: (line: string) => void;
}

const FENCE_RE = /^[ \t]*```(file|append)[ \t]+(\S+)[ \t]*\r?\n([\s\S]*?)^[ \t]*```[ \t]*$/gm;

/** The fenced edit blocks of a description, in order. */
export function parseEdits(description: string | undefined): Edit[] {
  const out: Edit[] = [];
  for (const m of (description ?? '').matchAll(FENCE_RE)) {
    out.push({ kind: m[1] as Edit['kind'], path: m[2]!, content: m[3]! });
  }
  return out;
}

const COMMENT: Record<string, string> = {
  '.js': '// ',
  '.mjs': '// ',
  '.cjs': '// ',
  '.ts': '// ',
  '.tsx': '// ',
  '.jsx': '// ',
  '.py': '# ',
  '.sh': '# ',
  '.yaml': '# ',
  '.yml': '# ',
  '.toml': '# ',
  '.rb': '# ',
  '.css': '/* ',
};

/** The edits the agent makes for a task: its fenced blocks, else one line in its scope. */
export function editsFor(task: Pick<PlannedTask, 'id' | 'title' | 'files'> & { description?: string | undefined }): Edit[] {
  const fenced = parseEdits(task.description);
  if (fenced.length) return fenced;
  const glob = /[*?[\]{}]/;
  const plainFile = task.files.find((f) => !glob.test(f) && path.extname(f) !== '' && !f.endsWith('/'));
  if (plainFile) {
    const ext = path.extname(plainFile);
    const open = COMMENT[ext] ?? '';
    const close = open === '/* ' ? ' */' : '';
    return [{ kind: 'append', path: plainFile, content: `${open}${task.id}: ${task.title}${close}\n` }];
  }
  const first = task.files[0];
  const dir = first
    ? first
        .split('/')
        .filter((p) => p && !glob.test(p))
        .join('/')
    : 'scripted';
  return [{ kind: 'file', path: `${dir || 'scripted'}/${task.id}.txt`, content: `${task.id}: ${task.title}\n` }];
}

/** Writes one edit inside `root`, refusing paths that leave it (lexically or through a symlink). */
export function applyEdit(root: string, e: Edit): void {
  const problem = relPathProblem(e.path, 'file');
  if (problem) throw new LanesError('INVALID_INPUT', `Edit path ${JSON.stringify(e.path)} ${problem}.`);
  const file = path.join(root, e.path);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const realRoot = fs.realpathSync(root);
  const realDir = fs.realpathSync(path.dirname(file));
  if (realDir !== realRoot && !realDir.startsWith(realRoot + path.sep)) {
    throw new LanesError('UNSAFE', `Edit path ${e.path} resolves outside the lane.`);
  }
  if (e.kind === 'file') fs.writeFileSync(file, e.content);
  else {
    const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    const sep = before && !before.endsWith('\n') ? '\n' : '';
    fs.writeFileSync(file, before + sep + e.content);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** A fallback identity when git has none (a fresh machine): commits must not fail on it. */
async function identityEnv(cwd: string): Promise<Record<string, string>> {
  const r = await git(cwd, ['var', 'GIT_COMMITTER_IDENT'], { readOnly: true, okCodes: [128] });
  return r.exitCode === 0
    ? {}
    : {
        GIT_AUTHOR_NAME: 'Lanes scripted agent',
        GIT_AUTHOR_EMAIL: 'agent@lanes.invalid',
        GIT_COMMITTER_NAME: 'Lanes scripted agent',
        GIT_COMMITTER_EMAIL: 'agent@lanes.invalid',
      };
}

export async function runScriptedAgent(o: ScriptedOptions): Promise<void> {
  const out = o.out ?? ((l: string) => process.stdout.write(`${l}\n`));
  const t0 = Date.now();
  const project = await openProject(o.cwd);
  const root = project.repo.worktreeRoot;
  const task = requireTask(requirePlan((await readPlan(project.store)).plan), o.task);
  const total = Math.max(0, task.estimate * o.unitMs);
  const at = (fraction: number) => sleep(t0 + total * fraction - Date.now());
  const useSession = o.session !== false;
  const key = sessionKey(`scripted-${task.id}`);
  let sessionId: string | undefined;
  const note = async (kind: 'progress' | 'decision' | 'next_step', text: string) => {
    if (!sessionId) return;
    try {
      await logSession(project, { kind, text, id: sessionId }, key);
    } catch (e) {
      out(`warning: could not log the session: ${errorMessage(e)}`);
    }
  };

  out(`reading task ${task.id}: ${task.title}`);
  if (useSession) {
    try {
      sessionId = (await startSession(project, { topic: task.title, type: 'feature', task_id: task.id }, key)).session.id;
      out(`session ${sessionId} started`);
    } catch (e) {
      out(`warning: could not start a session: ${errorMessage(e)}`);
    }
  }
  const edits = editsFor(task);
  await note('decision', `Scripted edits from the task: ${edits.map((e) => `${e.kind} ${e.path}`).join(', ')}.`);
  await at(0.35);
  for (const e of edits) {
    out(`editing ${e.path}`);
    applyEdit(root, e);
  }
  await note('progress', `Wrote ${edits.length} file${edits.length === 1 ? '' : 's'}.`);
  await at(0.8);

  const env = await identityEnv(root);
  await git(root, ['add', '-A', '--', ...new Set(edits.map((e) => e.path))], { env });
  const staged = await git(root, ['diff', '--cached', '--quiet'], { okCodes: [1] });
  if (staged.exitCode === 1) {
    await git(root, ['-c', 'core.hooksPath=/dev/null', 'commit', '-q', '-m', `${task.id}: ${task.title}`], { env });
    const sha = (await git(root, ['rev-parse', '--short', 'HEAD'], { readOnly: true })).stdout.trim();
    out(`committed ${sha} ${task.id}: ${task.title}`);
  } else {
    out('nothing new to commit (the edits are already in the lane)');
  }
  await note('next_step', 'None: the lane is ready to land.');
  await at(1);
  if (sessionId) {
    try {
      const r = await endSession(
        project,
        { status: 'completed', summary: `Made the scripted edits for ${task.id} and committed them.`, id: sessionId },
        key,
      );
      out(
        r.committed
          ? `session note committed${r.note_commit ? ` (${r.note_commit.slice(0, 7)})` : ''}`
          : `session ended (${r.not_committed_reason ?? 'note not committed'})`,
      );
    } catch (e) {
      out(`warning: could not end the session: ${errorMessage(e)}`);
    }
  }
  // Whatever the session left (a note it could not commit) must not make the lane dirty.
  const left = await git(root, ['status', '--porcelain'], { readOnly: true });
  if (left.stdout.trim()) {
    await git(root, ['add', '-A'], { env });
    await git(root, ['-c', 'core.hooksPath=/dev/null', 'commit', '-q', '-m', `${task.id}: session note`], { env, okCodes: [1] });
  }
  out('done');
}

/** For `lanes agent scripted`: the lane and task from the environment `lanes run` sets. */
export function scriptedOptionsFromEnv(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ScriptedOptions {
  const task = env.LANES_TASK_ID;
  if (!task) {
    throw new LanesError('INVALID_INPUT', 'LANES_TASK_ID is not set.', {
      hint: "`lanes run` sets it; to try the agent by hand: LANES_TASK_ID=<task> lanes agent scripted (in the task's lane).",
    });
  }
  const unit = Number(env.LANES_SCRIPTED_UNIT_MS ?? 1000);
  return { cwd, task, unitMs: Number.isFinite(unit) && unit >= 0 ? unit : 1000 };
}
