/**
 * Hook wall time per call, as Claude Code pays it: a fresh process per call running the freshly
 * built hook with the hook JSON on stdin, with the exact argv of hooks/hooks.json
 * (`sh hooks/launch.sh hooks/<hook>`, which starts the hook's Node without NODE_EXTRA_CA_CERTS).
 * Baseline in the same run, interleaved: `node -e 0` in the same environment; where
 * NODE_EXTRA_CA_CERTS is set, `node -e 0` without it is timed too and each note gives the ratio to
 * it (what the hook's own work costs beyond the bare Node start it gets). Aims: PreToolUse ≤ 1.3× the bare
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
import { median, msAim, ratioAim, result, type BenchResult } from './util.js';

const ROUNDS = Number(process.env.LANES_BENCH_ROUNDS ?? 20);

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

/** `launcher` null: `node -e 0`, in this environment or (`env`) another. */
function time(launcher: string | null, name: string, input: string, env?: NodeJS.ProcessEnv): number {
  const t = performance.now();
  const r =
    launcher === null
      ? spawnSync('node', ['-e', '0'], { input, stdio: ['pipe', 'ignore', 'pipe'], env })
      : spawnSync('sh', [launcher, name], { input, stdio: ['pipe', 'ignore', 'pipe'] });
  const file = name;
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
  const launcher = path.join(plugin, 'hooks', 'launch.sh');
  const hook = (name: string) => {
    const file = path.join(plugin, 'dist', 'hooks', `${name}.mjs`);
    if (!fs.existsSync(file) || !fs.existsSync(launcher)) throw new Error(`bench: no hook bundle at ${file} or launcher at ${launcher}`);
    return `hooks/${name}`;
  };
  const caSet = !!process.env.NODE_EXTRA_CA_CERTS;
  const noCa = { ...process.env };
  delete noCa.NODE_EXTRA_CA_CERTS;
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
    rec('baseline', time(null, 'node -e 0', ''));
    if (caSet) rec('bare', time(null, 'node -e 0', '', noCa));
    rec('pre-allow', time(launcher, hook('pre-tool-use'), inputs.allow));
    rec('pre-block', time(launcher, hook('pre-tool-use'), inputs.block));
    rec('pre-nostate', time(launcher, hook('pre-tool-use'), inputs.noState));
    rec('baseline', time(null, 'node -e 0', ''));
    if (caSet) rec('bare', time(null, 'node -e 0', '', noCa));
    const sid = `bench-${i}`;
    rec('start-lane', time(launcher, hook('session-start'), inputs.startLane(sid)));
    rec('start-main', time(launcher, hook('session-start'), inputs.startMain));
    rec('stop-lane', time(launcher, hook('stop'), inputs.stopLane));
    rec('stop-main', time(launcher, hook('stop'), inputs.stopMain));
    rec('end', time(launcher, hook('session-end'), inputs.end(sid)));
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  const b = s.baseline!;
  // Where NODE_EXTRA_CA_CERTS is set, each note also gives the ratio to the bare start the hook gets.
  const bare = s.bare ? median(s.bare) : undefined;
  const vsBare = (k: string, note?: string) =>
    [note, bare !== undefined ? `${(median(s[k]!) / bare).toFixed(2)}x node -e 0 without NODE_EXTRA_CA_CERTS` : undefined]
      .filter(Boolean)
      .join('; ') || undefined;
  const rows = [
    result(
      'hooks: node -e 0 (baseline)',
      b,
      b,
      undefined,
      caSet ? 'in this environment, which sets NODE_EXTRA_CA_CERTS: every Node start builds its whole TLS root store' : undefined,
    ),
    ...(s.bare
      ? [
          result(
            'hooks: node -e 0 without NODE_EXTRA_CA_CERTS (the start a hook gets)',
            s.bare,
            b,
            undefined,
            'hooks/launch.sh starts hooks so',
          ),
        ]
      : []),
    result(
      'hooks: PreToolUse allow (edit in own lane)',
      s['pre-allow']!,
      b,
      ratioAim(1.3),
      vsBare(
        'pre-allow',
        'sh + node start + one module file (no node:crypto, builtins by require) + read lanes.json and claims.json + scope match',
      ),
    ),
    result('hooks: PreToolUse block (file held by another lane)', s['pre-block']!, b, ratioAim(1.3), vsBare('pre-block')),
    result('hooks: PreToolUse, repository without Lanes state', s['pre-nostate']!, b, undefined, vsBare('pre-nostate')),
    result(
      'hooks: SessionStart in a lane (starts the session log)',
      s['start-lane']!,
      b,
      ratioAim(2.0),
      vsBare(
        'start-lane',
        "node start + no git (branch, commit and worktree top read from the files git keeps; node:child_process not loaded) + the session note written (front matter by hand, no yaml) and indexed (4 fsyncs) + the previous note's next steps read from its body (no yaml); config from the memo (no zod); the shared-state code loaded only when it is on",
      ),
    ),
    result('hooks: SessionStart outside a lane (one-line summary)', s['start-main']!, b, undefined, vsBare('start-main')),
    result(
      'hooks: Stop in a lane (git status + end protocol, blocks)',
      s['stop-lane']!,
      b,
      ratioAim(2.0),
      vsBare(
        'stop-lane',
        "node start + 1 git (status; the worktree top is the project's) + the end protocol on the remembered config (no zod); the note's plain front matter read by hand (no yaml)",
      ),
    ),
    result('hooks: Stop outside a lane', s['stop-main']!, b, undefined, vsBare('stop-main')),
    result(
      'hooks: SessionEnd, 10 MB transcript (completes + commits the note)',
      s.end!,
      b,
      msAim(150, 0.3),
      vsBare(
        'end',
        'node start + 5 git in 3 rounds (merge-base, diff --merge-base and status side by side; add; commit; log only when the session committed: branch, commits and the target tip read from the files git keeps) + 6 fsyncs (note, index, tasks); no zod, no yaml (plain front matter by hand); the 10 MB transcript read once, while git runs, as bytes in 1 MB pieces (only lines naming usage decoded); Claude Code kills SessionEnd hooks after 1.5 s',
      ),
    ),
  ];
  return rows;
}
