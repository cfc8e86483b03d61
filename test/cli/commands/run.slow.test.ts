/** `lanes run` from the built bundle: JSON lines, plain lines and the report, bad input. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lanes } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/repo.js';
import { cleanupAfter, moduleTask, routeTask, sampleRepo } from '../../core/run/helpers.js';

function tasksFile(dir: string, tasks: unknown[]): string {
  const f = path.join(dir, 'plan.json');
  fs.writeFileSync(f, JSON.stringify({ tasks: tasks.map((t) => ({ title: `task ${(t as { id: string }).id}`, ...(t as object) })) }));
  return f;
}

describe('lanes run', () => {
  it('plans a tasks file and runs it with the scripted agent; --json is one JSON object per line', async () => {
    const repo = sampleRepo();
    cleanupAfter(repo);
    const plan = tasksFile(tempDir(), [moduleTask('first'), routeTask('second')]);
    const r = await lanes(repo.dir, ['run', plan, '--agent', 'scripted', '--unit-ms', '100', '--max-parallel', '2', '--json']);
    fs.rmSync(path.dirname(plan), { recursive: true });
    expect(r.code, r.stderr).toBe(0);
    const events = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; report?: { counts: unknown; status: string } });
    expect(events[0]!.type).toBe('run.started');
    for (const t of ['task.starting', 'task.started', 'agent.started', 'agent.activity', 'agent.exited', 'task.queued', 'task.landed']) {
      expect(events.map((e) => e.type)).toContain(t);
    }
    expect(events.at(-1)).toMatchObject({
      type: 'run.finished',
      report: { status: 'finished', counts: { landed: 2, blocked: 0, not_run: 0, total: 2 } },
    });
    execFileSync('node', ['scripts/test.mjs'], { cwd: repo.dir, stdio: 'pipe' });
  });

  it('prints one plain line per event when not on a terminal, then the report', async () => {
    const repo = sampleRepo({ gates: [] });
    cleanupAfter(repo);
    const plan = tasksFile(tempDir(), [{ id: 'only', files: ['only.txt'] }]);
    await lanes(repo.dir, ['plan', plan]);
    fs.rmSync(path.dirname(plan), { recursive: true });
    const r = await lanes(repo.dir, ['run', '--plan', '--agent', 'scripted', '--unit-ms', '50']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^\d\d:\d\d:\d\d starting run \S+: 1 tasks, \d+ at a time, agent scripted, landing on main$/m);
    expect(r.stdout).toMatch(/^\d\d:\d\d:\d\d only: landed as [0-9a-f]{12}$/m);
    expect(r.stdout).not.toContain('\x1b[');
    expect(r.stdout).toMatch(/Run \S+ finished: 1 of 1 tasks landed on main\./);
    expect(r.stdout).toMatch(/Makespan .* vs lower bound .*: [\d.]+x/);
    const report = /Report: (.+\.md)$/m.exec(r.stdout)![1]!;
    expect(fs.readFileSync(report, 'utf8')).toContain('| only | landed |');
    // Again: a new run with nothing left to do.
    const again = await lanes(repo.dir, ['run', '--agent', 'scripted']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/nothing to do, every task of the plan had landed already/);
  });

  it('refuses bad input with a clear message', async () => {
    const repo = sampleRepo();
    cleanupAfter(repo);
    const none = await lanes(repo.dir, ['run', '--agent', 'scripted']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/There is no plan yet/);
    const bad = await lanes(repo.dir, ['run', '--agent-command', 'my-agent --go']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--agent-command is not JSON/);
    const both = await lanes(repo.dir, ['run', 'x.yaml', '--plan']);
    expect(both.code).toBe(2);
    const agent = await lanes(repo.dir, ['run', '--agent', 'gpt']);
    expect(agent.code).toBe(2);
    expect(agent.stderr).toMatch(/Unknown agent "gpt"/);
    const par = await lanes(repo.dir, ['run', '--max-parallel', '0']);
    expect(par.code).not.toBe(0);
  });
});
