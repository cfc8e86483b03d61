/**
 * Hook wall time per call, as Claude Code pays it: a fresh `node` process per call running the
 * freshly built hook bundle with the hook JSON on stdin (the exact argv of hooks/hooks.json).
 * Baseline in the same run, interleaved: `node -e 0`. Aims: PreToolUse ≤ 1.3× the bare
 * Node start (it runs before every edit); SessionEnd, with a 10 MB transcript, well inside
 * Claude Code's 1.5 s budget. The lane cases do the full work: SessionStart starts a session log
 * and checks the start protocol, Stop runs git status and the end protocol, SessionEnd completes
 * and commits a note (and reads the session's usage from the transcript).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openProject } from '../src/core/project/project.js';
import { startLane } from '../src/core/lanes/start.js';
import { storePlan } from '../src/core/plan/tasks.js';
import { msAim, ratioAim, result, type BenchResult } from './util.js';

const ROUNDS = Number(process.env.LANES_BENCH_ROUNDS ?? 20);
const NODE_ARGS = ['--preserve-symlinks', '--preserve-symlinks-main'];

function isolatedGit(dir: string): void {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'lanes-bench-home-'));
  Object.assign(process.env, {
    HOME: home,
    GIT_CONFIG_GLOBAL: path.join(home, '.gitconfig'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Bench',
    GIT_AUTHOR_EMAIL: 'bench@lanes.invalid',
    GIT_COMMITTER_NAME: 'Bench',
    GIT_COMMITTER_EMAIL: 'bench@lanes.invalid',
    LANES_LOG: 'silent',
  });
  fs.writeFileSync(path.join(home, '.gitconfig'), '');
  const git = (...a: string[]) => execFileSync('git', a, { cwd: dir, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('config', 'commit.gpgsign', 'false');
  fs.mkdirSync(path.join(dir, 'src', 'a'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'src', 'b'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'src', 'a', 'a.ts'), 'export const a = 1;\n');
  fs.writeFileSync(path.join(dir, 'src', 'b', 'b.ts'), 'export const b = 1;\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'initial');
}

function time(file: string | null, input: string): number {
  const t = performance.now();
  const r = spawnSync('node', file === null ? ['-e', '0'] : [...NODE_ARGS, file], { input, stdio: ['pipe', 'ignore', 'pipe'] });
  const ms = performance.now() - t;
  if (r.error) throw r.error;
  // A hook that crashed is fast and wrong: never time it (exit 2 is PreToolUse's block).
  if ((r.status !== 0 && r.status !== 2) || /internal error/.test(r.stderr.toString()))
    throw new Error(`bench: ${file} failed: ${r.stderr.toString().slice(0, 500)}`);
  return ms;
}

export async function run({ root }: { root: string }): Promise<BenchResult[]> {
  const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'lanes-bench-hooks-')));
  // The build writes the plugin folder; the hook bundles are in its dist/.
  const plugin = path.join(tmp, 'plugin');
  execFileSync('node', [path.join(root, 'scripts', 'build.mjs'), '--outdir', plugin], { cwd: root, stdio: 'ignore' });
  const hook = (name: string) => {
    const file = path.join(plugin, 'dist', 'hooks', `${name}.mjs`);
    if (!fs.existsSync(file)) throw new Error(`bench: no hook bundle at ${file}`);
    return file;
  };
  const repo = path.join(tmp, 'repo');
  fs.mkdirSync(repo);
  isolatedGit(repo);
  const project = await openProject(repo);
  await storePlan(
    project.store,
    [
      { id: 'a', title: 'A', files: ['src/a/**'] },
      { id: 'b', title: 'B', files: ['src/b/**'] },
    ],
    { parallelism: 2 },
  );
  const laneA = (await startLane(project, { task_id: 'a', owner: 'bench' })).path;
  await startLane(project, { task_id: 'b', owner: 'bench' });
  fs.writeFileSync(path.join(laneA, 'src', 'a', 'wip.ts'), 'export {};\n'); // Stop has something to report
  const transcript = path.join(tmp, 'transcript.jsonl');
  const line = `${JSON.stringify({ type: 'assistant', message: { role: 'assistant', content: 'x'.repeat(1000) } })}\n`;
  fs.writeFileSync(transcript, line.repeat(Math.ceil((10 * 1024 * 1024) / line.length)));

  const base = { transcript_path: transcript, session_id: 'bench-session' };
  const edit = (file: string) =>
    JSON.stringify({
      ...base,
      cwd: laneA,
      hook_event_name: 'PreToolUse',
      tool_name: 'Edit',
      tool_input: { file_path: file, old_string: 'a', new_string: 'b' },
    });
  const inputs = {
    allow: edit(path.join(laneA, 'src', 'a', 'a.ts')),
    block: edit(path.join(laneA, 'src', 'b', 'b.ts')),
    noState: JSON.stringify({
      ...base,
      cwd: tmp,
      hook_event_name: 'PreToolUse',
      tool_name: 'Write',
      tool_input: { file_path: path.join(tmp, 'x'), content: '' },
    }),
    startLane: (sid: string) =>
      JSON.stringify({ ...base, session_id: sid, cwd: laneA, hook_event_name: 'SessionStart', source: 'startup' }),
    startMain: JSON.stringify({ ...base, cwd: repo, hook_event_name: 'SessionStart', source: 'startup' }),
    stopLane: JSON.stringify({ ...base, cwd: laneA, hook_event_name: 'Stop', stop_hook_active: false }),
    stopMain: JSON.stringify({ ...base, cwd: repo, hook_event_name: 'Stop', stop_hook_active: false }),
    end: (sid: string) =>
      JSON.stringify({ ...base, session_id: sid, cwd: laneA, hook_event_name: 'SessionEnd', reason: 'prompt_input_exit' }),
  };
  const s: Record<string, number[]> = {};
  const add = (k: string, ms: number) => (s[k] ??= []).push(ms);
  for (let i = 0; i < ROUNDS + 2; i++) {
    const warm = i < 2;
    const rec = (k: string, ms: number) => (warm ? undefined : add(k, ms));
    rec('baseline', time(null, ''));
    rec('pre-allow', time(hook('pre-tool-use'), inputs.allow));
    rec('pre-block', time(hook('pre-tool-use'), inputs.block));
    rec('pre-nostate', time(hook('pre-tool-use'), inputs.noState));
    rec('baseline', time(null, ''));
    const sid = `bench-${i}`;
    rec('start-lane', time(hook('session-start'), inputs.startLane(sid)));
    rec('start-main', time(hook('session-start'), inputs.startMain));
    rec('stop-lane', time(hook('stop'), inputs.stopLane));
    rec('stop-main', time(hook('stop'), inputs.stopMain));
    rec('end', time(hook('session-end'), inputs.end(sid)));
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  const b = s.baseline!;
  return [
    result('hooks: node -e 0 (baseline)', b, b),
    result(
      'hooks: PreToolUse allow (edit in own lane)',
      s['pre-allow']!,
      b,
      ratioAim(1.3),
      'node start + one module file (no node:crypto, builtins by require) + read lanes.json and claims.json + scope match',
    ),
    result('hooks: PreToolUse block (file held by another lane)', s['pre-block']!, b, ratioAim(1.3)),
    result('hooks: PreToolUse, repository without Lanes state', s['pre-nostate']!, b),
    result(
      'hooks: SessionStart in a lane (starts the session log)',
      s['start-lane']!,
      b,
      ratioAim(2.0),
      "node start + no git (branch, commit and worktree top read from the files git keeps) + the session note written (front matter by hand, no yaml) and indexed (4 fsyncs) + the previous note's next steps read from its body (no yaml); config from the memo (no zod)",
    ),
    result('hooks: SessionStart outside a lane (one-line summary)', s['start-main']!, b),
    result(
      'hooks: Stop in a lane (git status + end protocol, blocks)',
      s['stop-lane']!,
      b,
      ratioAim(2.0),
      "node start + 1 git (status; the worktree top is the project's) + the end protocol on the remembered config (no zod); the note's plain front matter read by hand (no yaml)",
    ),
    result('hooks: Stop outside a lane', s['stop-main']!, b),
    result(
      'hooks: SessionEnd, 10 MB transcript (completes + commits the note)',
      s.end!,
      b,
      msAim(150, 0.3),
      'node start + 5 git in 3 rounds (merge-base, diff --merge-base and status side by side; add; commit; log only when the session committed: branch, commits and the target tip read from the files git keeps) + 6 fsyncs (note, index, tasks); no zod, no yaml (plain front matter by hand); the 10 MB transcript read once, while git runs, as bytes in 1 MB pieces (only lines naming usage decoded); Claude Code kills SessionEnd hooks after 1.5 s',
    ),
  ];
}
