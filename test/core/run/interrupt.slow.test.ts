/**
 * Ctrl-C in the middle of `lanes run` (a real SIGINT to a real `lanes run` process): agents are
 * ended as whole process groups, lanes and their committed work are kept, the state says what was
 * interrupted, and a second `lanes run` resumes the same run and finishes it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { expect, it, onTestFinished } from 'vitest';
import { openProject } from '../../../src/core/project/project.js';
import { RUNS_DOC } from '../../../src/core/run/model.js';
import { readPlan } from '../../../src/core/plan/tasks.js';
import { pidAlive } from '../../../src/state/index.js';
import { cleanupAfter, cliBundle, processesOfRun, sampleRepo, withPlan } from './helpers.js';

/** hang: commit work in progress, start a grandchild, record both pids, wait forever. finish: commit and exit. */
function writeAgent(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const script = path.join(dir, 'agent.mjs');
  fs.writeFileSync(
    script,
    `import fs from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
const task = process.env.LANES_TASK_ID;
const git = (...a) => execFileSync('git', a, { stdio: 'ignore' });
if (process.argv[2] === 'hang') {
  fs.writeFileSync(task + '-wip.txt', 'work in progress\\n');
  git('add', '-A');
  git('commit', '-q', '-m', task + ': wip');
  const child = spawn('sleep', ['300'], { stdio: 'ignore' });
  fs.writeFileSync(${JSON.stringify(dir)} + '/' + task + '.pids', process.pid + ' ' + child.pid);
  console.log('working on ' + task);
  setInterval(() => {}, 1000);
} else {
  fs.writeFileSync(task + '.txt', 'done\\n');
  git('add', '-A');
  git('commit', '-q', '-m', task + ': done');
}
`,
  );
  return script;
}

/** Whatever happens to the test, no agent it started outlives it. */
function endGroupsAfter(pidFiles: string[]): void {
  onTestFinished(() => {
    for (const f of pidFiles) {
      if (!fs.existsSync(f)) continue;
      const [agent] = fs.readFileSync(f, 'utf8').trim().split(' ').map(Number);
      if (agent && agent > 1) {
        try {
          process.kill(-agent, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
  });
}

function jsonLines(stdout: string): Array<Record<string, any>> {
  const lines = stdout.trim().split('\n');
  return lines.map((l) => JSON.parse(l) as Record<string, any>);
}

it('SIGINT ends the agents (and their children), keeps the lanes and their work; `lanes run` again resumes and finishes', async () => {
  const repo = sampleRepo({ gates: [] });
  cleanupAfter(repo);
  const lanes = await withPlan(repo, [
    { id: 'one', files: ['one.txt', 'one-wip.txt'] },
    { id: 'two', files: ['two.txt', 'two-wip.txt'] },
    { id: 'three', files: ['three.txt', 'three-wip.txt'], depends_on: ['one'] },
  ]);
  const agentDir = `${repo.dir}-agent`;
  const script = writeAgent(agentDir);
  const bundle = await cliBundle();

  const first = execa(
    'node',
    [bundle, 'run', '--plan', '--max-parallel', '2', '--json', '--agent-command', JSON.stringify(['node', script, 'hang'])],
    {
      cwd: repo.dir,
      reject: false,
      timeout: 60_000,
    },
  );
  const pidFiles = ['one', 'two'].map((t) => path.join(agentDir, `${t}.pids`));
  endGroupsAfter(pidFiles);
  const deadline = Date.now() + 30_000;
  while (!pidFiles.every((f) => fs.existsSync(f) && fs.readFileSync(f, 'utf8').includes(' '))) {
    if (Date.now() > deadline) throw new Error(`the agents never started; stderr: ${first.stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const pids = pidFiles.flatMap((f) => fs.readFileSync(f, 'utf8').trim().split(' ').map(Number));
  expect(pids.every(pidAlive)).toBe(true);
  // One run at a time: a second `lanes run` meanwhile is refused, and changes nothing.
  const busy = await execa('node', [bundle, 'run', '--agent', 'scripted'], { cwd: repo.dir, reject: false, timeout: 30_000 });
  expect(busy.exitCode).toBe(3);
  expect(String(busy.stderr)).toMatch(/Run \S+ is in progress \(pid \d+/);
  first.kill('SIGINT');
  const r1 = await first;
  expect(r1.exitCode, String(r1.stderr)).toBe(130);

  // --json: one JSON object per line, ending with the interrupted report.
  const ev1 = jsonLines(String(r1.stdout));
  const runId = ev1.find((e) => e.type === 'run.started')!.run_id as string;
  expect(ev1.some((e) => e.type === 'run.stopping' && e.by === 'SIGINT')).toBe(true);
  expect(ev1.at(-1)).toMatchObject({ type: 'run.finished', report: { status: 'interrupted', counts: { landed: 0 } } });

  // No agent, nor anything an agent started, is left.
  expect(pids.filter(pidAlive)).toEqual([]);
  expect(processesOfRun(runId)).toEqual([]);

  // The state says what was interrupted; lanes and their commits are kept.
  const runs = (await lanes.store.read(RUNS_DOC)).data;
  expect(runs.current).toBe(runId);
  const rec = runs.runs.find((x) => x.id === runId)!;
  expect(rec.status).toBe('interrupted');
  expect(rec.interrupted).toMatchObject({ by: 'SIGINT' });
  expect([...rec.interrupted!.tasks].sort()).toEqual(['one', 'two']);
  for (const t of ['one', 'two']) {
    expect(rec.tasks[t]).toMatchObject({ state: 'interrupted' });
    expect(rec.tasks[t]!.attempts.at(-1)).toMatchObject({ outcome: 'interrupted' });
    expect(fs.existsSync(path.join(repo.dir, '.claude/worktrees', t, `${t}-wip.txt`))).toBe(true);
    expect(repo.git('log', '--format=%s', `lanes/${t}`)).toContain(`${t}: wip`);
  }
  const state = await readPlan((await openProject(repo.dir)).store);
  expect(state.tasks.one!.status).toBe('in_progress');

  // Again: the same run resumes in the same lanes and finishes, dependents included.
  const r2 = await execa('node', [bundle, 'run', '--json', '--agent-command', JSON.stringify(['node', script, 'finish'])], {
    cwd: repo.dir,
    reject: false,
    timeout: 60_000,
  });
  expect(r2.exitCode, String(r2.stderr)).toBe(0);
  const ev2 = jsonLines(String(r2.stdout));
  expect(ev2[0]).toMatchObject({ type: 'run.started', run_id: runId, resumed: true });
  const report = ev2.at(-1)!.report;
  expect(report).toMatchObject({ run_id: runId, status: 'finished', counts: { landed: 3, blocked: 0, not_run: 0 } });
  // The interrupted attempts do not count against the retries.
  for (const t of report.tasks) expect(t.attempts).toBe(1);
  const log = repo.git('log', '--format=%s', 'main');
  expect(log).toContain('one: wip');
  expect(log).toContain('three: done');
  fs.rmSync(agentDir, { recursive: true, force: true });
});

it('after a SIGKILL of `lanes run`, the next run ends the agents it left behind and resumes', async () => {
  const repo = sampleRepo({ gates: [] });
  cleanupAfter(repo);
  await withPlan(repo, [{ id: 'solo', files: ['solo.txt', 'solo-wip.txt'] }]);
  const agentDir = `${repo.dir}-agent`;
  const script = writeAgent(agentDir);
  const bundle = await cliBundle();
  const first = execa('node', [bundle, 'run', '--plan', '--json', '--agent-command', JSON.stringify(['node', script, 'hang'])], {
    cwd: repo.dir,
    reject: false,
    timeout: 60_000,
  });
  const pidFile = path.join(agentDir, 'solo.pids');
  endGroupsAfter([pidFile]);
  const deadline = Date.now() + 30_000;
  while (!(fs.existsSync(pidFile) && fs.readFileSync(pidFile, 'utf8').includes(' '))) {
    if (Date.now() > deadline) throw new Error('the agent never started');
    await new Promise((r) => setTimeout(r, 50));
  }
  const pids = fs.readFileSync(pidFile, 'utf8').trim().split(' ').map(Number);
  first.kill('SIGKILL');
  await first;
  // A SIGKILLed run cannot end its agents: they are still there.
  expect(pids.every(pidAlive)).toBe(true);

  const r2 = await execa('node', [bundle, 'run', '--json', '--agent-command', JSON.stringify(['node', script, 'finish'])], {
    cwd: repo.dir,
    reject: false,
    timeout: 60_000,
  });
  expect(r2.exitCode, String(r2.stderr)).toBe(0);
  expect(pids.filter(pidAlive)).toEqual([]);
  const ev = jsonLines(String(r2.stdout));
  expect(ev[0]).toMatchObject({ type: 'run.started', resumed: true });
  expect(ev.at(-1)!.report).toMatchObject({ status: 'finished', counts: { landed: 1 } });
  fs.rmSync(agentDir, { recursive: true, force: true });
});
