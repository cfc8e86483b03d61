/**
 * `lanes run` end to end in a real repository: real worktrees, claims, agent processes, gates
 * (the sample's test suite) and merges. Each test checks the repository invariants afterwards.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { customAgent, runPlan, scriptedAgent, liveAgentGroups, type RunEvent } from '../../../src/core/run/index.js';
import { RUNS_DOC } from '../../../src/core/run/model.js';
import { readPlan, updateTask } from '../../../src/core/plan/tasks.js';
import { listClaims } from '../../../src/core/claims/api.js';
import { LANES_DOC } from '../../../src/core/lanes/model.js';
import { bundlePath } from '../../helpers/cli.js';
import { agentScript, cleanupAfter, cliBundle, moduleTask, processesOfRun, routeTask, sampleRepo, withPlan } from './helpers.js';

function timeline(events: RunEvent[]) {
  const at = (type: RunEvent['type'], task: string) => {
    const e = events.find((x) => x.type === type && 'task' in x && x.task === task);
    return e ? Date.parse(e.at) : NaN;
  };
  return { at };
}

describe('lanes run', () => {
  it('runs a small plan to completion: every task lands with the gates green, in dependency order, conflicting tasks one after the other', async () => {
    const repo = sampleRepo();
    cleanupAfter(repo);
    const lanes = await withPlan(repo, [
      moduleTask('alpha'),
      moduleTask('beta', { depends_on: ['alpha'] }),
      routeTask('red'),
      routeTask('blue'),
    ]);
    const entry = await cliBundle();
    const events: RunEvent[] = [];
    const report = await runPlan(lanes, {
      agent: scriptedAgent(entry, { unitMs: 150 }),
      parallelism: 3,
      pollMs: 100,
      onEvent: (e) => events.push(e),
    });

    expect(report.status).toBe('finished');
    expect(report.counts).toEqual({ landed: 4, blocked: 0, not_run: 0, done_before: 0, total: 4 });
    for (const t of report.tasks) {
      expect(t.attempts).toBe(1);
      expect(t.merge).toMatch(/^landed as [0-9a-f]{12} \(gates/);
    }
    // The target has one merge per task, and the sample's test suite passes on it.
    const log = repo.git('log', '--first-parent', '--format=%s', 'main');
    for (const id of ['alpha', 'beta', 'red', 'blue']) expect(log).toContain(`Merge lanes/${id}`);
    execFileSync('node', ['scripts/test.mjs'], { cwd: repo.dir, stdio: 'pipe' });
    const router = fs.readFileSync(path.join(repo.dir, 'src/ui/router.js'), 'utf8');
    expect(router).toContain("routes.set('/red'");
    expect(router).toContain("routes.set('/blue'");
    // Every task done with landed_as; the gates ran on every entry.
    const { tasks } = await readPlan(lanes.store);
    for (const id of ['alpha', 'beta', 'red', 'blue']) expect(tasks[id]).toMatchObject({ status: 'done', landed_as: expect.any(String) });
    // Every landed lane was removed (two at a time, beside the queue) before the run returned:
    // no record, no worktree, no branch.
    expect((await lanes.store.read(LANES_DOC)).data).toEqual({});
    for (const id of ['alpha', 'beta', 'red', 'blue']) {
      expect(fs.existsSync(path.join(repo.dir, '.claude/worktrees', id))).toBe(false);
      expect(repo.git('branch', '--list', `lanes/${id}`)).toBe('');
    }

    // A dependent never starts before its dependency landed.
    const t = timeline(events);
    expect(t.at('task.starting', 'beta')).toBeGreaterThanOrEqual(t.at('task.landed', 'alpha'));
    // Conflicting tasks never run at the same time: one landed before the other started.
    const [first, second] = t.at('task.starting', 'red') < t.at('task.starting', 'blue') ? ['red', 'blue'] : ['blue', 'red'];
    expect(t.at('task.starting', second!)).toBeGreaterThanOrEqual(t.at('task.landed', first!));
    // Unrelated tasks did run together.
    expect(t.at('task.starting', 'alpha')).toBeLessThan(t.at('task.landed', first!));

    // The session protocol was followed: each lane's note landed with its work.
    expect(fs.readdirSync(path.join(repo.dir, '.lanes/sessions')).length).toBe(4);
    // The report is on disk; no agent is left running.
    expect(fs.readFileSync(report.report_file!, 'utf8')).toContain(`# Lanes run ${report.run_id}`);
    expect(liveAgentGroups()).toEqual([]);
    expect(processesOfRun(report.run_id)).toEqual([]);
    const runs = (await lanes.store.read(RUNS_DOC)).data;
    expect(runs.current).toBeNull();
    expect(runs.runs.at(-1)).toMatchObject({ id: report.run_id, status: 'finished' });
    expect(report.makespan_ratio).toBeGreaterThanOrEqual(0.99);
  });

  it("gives an agent's slot to the next ready task as soon as the agent exits, while its own lane is still being checked and queued", async () => {
    const repo = sampleRepo();
    cleanupAfter(repo);
    const lanes = await withPlan(repo, [moduleTask('alpha'), moduleTask('beta')]);
    const entry = await cliBundle();
    const gate = path.join(repo.dir, '..', `handoff-gate-${path.basename(repo.dir)}`);
    const before = process.env.LANES_FAILPOINT;
    // The first agent's handoff (its lane check, then queueing) waits at this point until the
    // test lets it go; a poll a minute apart means only the exit itself can admit the other task.
    process.env.LANES_FAILPOINT = `run.handoff:pause:${gate}`;
    const events: RunEvent[] = [];
    try {
      const run = runPlan(lanes, {
        agent: scriptedAgent(entry, { unitMs: 100 }),
        parallelism: 1,
        pollMs: 60_000,
        onEvent: (e) => events.push(e),
      });
      const deadline = Date.now() + 30_000;
      while (!fs.existsSync(`${gate}.reached`) && Date.now() < deadline) await new Promise((res) => setTimeout(res, 20));
      expect(fs.existsSync(`${gate}.reached`)).toBe(true);
      const first = events.find((e) => e.type === 'agent.exited' || e.type === 'task.starting');
      const firstTask = first && 'task' in first ? first.task : undefined;
      const other = firstTask === 'alpha' ? 'beta' : 'alpha';
      const started = () => events.some((e) => e.type === 'task.starting' && 'task' in e && e.task === other);
      while (!started() && Date.now() < deadline) await new Promise((res) => setTimeout(res, 20));
      // The other task started while the first one's handoff was still held at the failpoint.
      expect(started()).toBe(true);
      expect(events.some((e) => e.type === 'task.queued' && e.task === firstTask)).toBe(false);
      fs.writeFileSync(gate, '');
      const report = await run;
      expect(report.counts).toMatchObject({ landed: 2, blocked: 0 });
    } finally {
      if (before === undefined) delete process.env.LANES_FAILPOINT;
      else process.env.LANES_FAILPOINT = before;
      fs.rmSync(gate, { force: true });
      fs.rmSync(`${gate}.reached`, { force: true });
    }
  });

  it('retries an agent that exits non-zero in the same lane, then blocks the task with the reason; the run goes on', async () => {
    const repo = sampleRepo({ gates: [] });
    cleanupAfter(repo);
    const lanes = await withPlan(repo, [
      { id: 'bad', files: ['bad.txt'] },
      { id: 'after-bad', files: ['after-bad.txt'], depends_on: ['bad'] },
      { id: 'good', files: ['good.txt'] },
    ]);
    const { script, log } = agentScript(repo.dir + '-agent', { bad: ['fail'] });
    const report = await runPlan(lanes, { agent: customAgent(['node', script]), parallelism: 2, retries: 2, pollMs: 100 });

    const byId = Object.fromEntries(report.tasks.map((t) => [t.id, t]));
    expect(byId.good).toMatchObject({ state: 'landed', attempts: 1 });
    expect(byId.bad).toMatchObject({
      state: 'blocked',
      attempts: 3,
      reason: expect.stringMatching(/gave up after 3 attempts: the agent exited with code 3/),
    });
    expect(byId['after-bad']).toMatchObject({ state: 'pending', reason: 'waits for bad' });
    expect(report.counts).toEqual({ landed: 1, blocked: 1, not_run: 1, done_before: 0, total: 3 });
    // All three attempts ran in the same lane.
    const starts = fs.readFileSync(path.join(log, 'bad.starts'), 'utf8').trim().split('\n');
    expect(starts.map((l) => l.split(' ')[0])).toEqual(['1', '2', '3']);
    expect(new Set(starts.map((l) => l.split(' ')[2])).size).toBe(1);
    // The task is blocked in the shared state, its lane kept, its claims released.
    const { tasks } = await readPlan(lanes.store);
    expect(tasks.bad).toMatchObject({ status: 'blocked', note: expect.stringContaining('exited with code 3') });
    const lane = (await lanes.store.read(LANES_DOC)).data.bad!;
    expect(fs.existsSync(lane.path)).toBe(true);
    expect((await listClaims(lanes.store, { owner: 'task:bad' })).length).toBe(0);

    // A human sets it back to planned; the next run continues in the same lane (scope claimed again).
    await updateTask(lanes.store, { id: 'bad', status: 'planned', note: 'try again' });
    const fixed = agentScript(repo.dir + '-agent2', {});
    const again = await runPlan(lanes, { agent: customAgent(['node', fixed.script]), parallelism: 2, pollMs: 100 });
    expect(again.run_id).not.toBe(report.run_id);
    expect(again.counts).toMatchObject({ landed: 2, blocked: 0, not_run: 0, done_before: 1 });
    expect(fs.readFileSync(path.join(fixed.log, 'bad.starts'), 'utf8')).toContain(lane.path);
    fs.rmSync(repo.dir + '-agent', { recursive: true, force: true });
    fs.rmSync(repo.dir + '-agent2', { recursive: true, force: true });
  });

  it('a task whose queueing is refused because it is already done (landed elsewhere meanwhile) counts as landed, its agent not run again', async () => {
    const repo = sampleRepo({ gates: [] });
    cleanupAfter(repo);
    const lanes = await withPlan(repo, [{ id: 'twin', files: ['twin.txt'] }]);
    const { script, log } = agentScript(repo.dir + '-agent', { twin: ['elsewhere'] }, bundlePath());
    const report = await runPlan(lanes, { agent: customAgent(['node', script]), parallelism: 1, pollMs: 100 });
    expect(report.tasks[0], JSON.stringify(report.tasks[0])).toMatchObject({ id: 'twin', state: 'landed', attempts: 1 });
    expect(report.counts).toMatchObject({ landed: 1, blocked: 0 });
    expect(fs.readFileSync(path.join(log, 'twin.starts'), 'utf8').trim().split('\n')).toHaveLength(1);
    fs.rmSync(repo.dir + '-agent', { recursive: true, force: true });
  });

  it('counts an agent that exits 0 without committing (or with uncommitted work) as not finished', async () => {
    const repo = sampleRepo({ gates: [] });
    cleanupAfter(repo);
    const lanes = await withPlan(repo, [{ id: 'lazy', files: ['lazy.txt'] }]);
    const { script } = agentScript(repo.dir + '-agent', { lazy: ['noop', 'dirty', 'commit'] });
    const events: RunEvent[] = [];
    const report = await runPlan(lanes, {
      agent: customAgent(['node', script]),
      parallelism: 1,
      pollMs: 100,
      onEvent: (e) => events.push(e),
    });

    expect(report.tasks[0]).toMatchObject({ id: 'lazy', state: 'landed', attempts: 3 });
    const outcomes = events.flatMap((e) => (e.type === 'agent.exited' ? [e.outcome] : []));
    expect(outcomes).toEqual(['no-commit', 'dirty', 'finished']);
    const retries = events.flatMap((e) => (e.type === 'task.retry' ? [e.reason] : []));
    expect(retries[0]).toMatch(/without committing/);
    expect(retries[1]).toMatch(/uncommitted changes: \?\? lazy\.txt/);
    const runs = (await lanes.store.read(RUNS_DOC)).data;
    expect(runs.runs.at(-1)!.tasks.lazy!.attempts.map((a) => a.outcome)).toEqual(['no-commit', 'dirty', 'finished']);
    fs.rmSync(repo.dir + '-agent', { recursive: true, force: true });
  });

  it('ends an agent that runs past --agent-timeout (its whole process group) and counts the attempt as failed', async () => {
    const repo = sampleRepo({ gates: [] });
    cleanupAfter(repo);
    const lanes = await withPlan(repo, [{ id: 'slow', files: ['slow.txt'] }]);
    const { script } = agentScript(repo.dir + '-agent', { slow: ['hang', 'commit'] });
    const events: RunEvent[] = [];
    const report = await runPlan(lanes, {
      agent: customAgent(['node', script]),
      parallelism: 1,
      agentTimeoutMs: 600,
      killGraceMs: 200,
      pollMs: 50,
      onEvent: (e) => events.push(e),
    });
    expect(report.tasks[0]).toMatchObject({ state: 'landed', attempts: 2 });
    const first = events.find((e) => e.type === 'agent.exited');
    expect(first).toMatchObject({ outcome: 'failed', reason: 'the agent timed out after 1 s (its process group was ended)' });
    expect(processesOfRun(report.run_id)).toEqual([]);
    fs.rmSync(repo.dir + '-agent', { recursive: true, force: true });
  });

  it('waits while free memory or disk is below the floor', async () => {
    const repo = sampleRepo({ gates: [] });
    cleanupAfter(repo);
    const lanes = await withPlan(repo, [{ id: 'one', files: ['one.txt'] }]);
    const { script } = agentScript(repo.dir + '-agent', {});
    let calls = 0;
    const events: RunEvent[] = [];
    const report = await runPlan(lanes, {
      agent: customAgent(['node', script]),
      parallelism: 1,
      pollMs: 50,
      admission: async () => (++calls < 4 ? 'waiting for memory: 10 MB available, below the floor of 1024 MB' : undefined),
      onEvent: (e) => events.push(e),
    });
    expect(report.counts.landed).toBe(1);
    const types = events.map((e) => e.type);
    expect(types.indexOf('resources.waiting')).toBeGreaterThan(-1);
    expect(types.indexOf('resources.ok')).toBeGreaterThan(types.indexOf('resources.waiting'));
    expect(types.indexOf('task.starting')).toBeGreaterThan(types.indexOf('resources.ok'));
    fs.rmSync(repo.dir + '-agent', { recursive: true, force: true });
  });

  it('sends a task whose merge fails the gates back to its agent, then blocks it; main stays green', async () => {
    const repo = sampleRepo();
    cleanupAfter(repo);
    const broken = moduleTask('broken');
    broken.description = `${broken.description}\n\n\`\`\`file test/broken-more.test.js\nimport test from 'node:test';\nimport assert from 'node:assert/strict';\ntest('red', () => assert.equal(1, 2));\n\`\`\`\n`;
    broken.files = [...broken.files!, 'test/broken-more.test.js'];
    const lanes = await withPlan(repo, [broken]);
    const events: RunEvent[] = [];
    const report = await runPlan(lanes, {
      agent: scriptedAgent(await cliBundle(), { unitMs: 50 }),
      parallelism: 1,
      retries: 1,
      pollMs: 100,
      onEvent: (e) => events.push(e),
    });
    expect(report.tasks[0]).toMatchObject({
      state: 'blocked',
      attempts: 2,
      reason: expect.stringMatching(/^gave up after 2 attempts: The merge queue sent it back: gate "test" exited with code 1/),
    });
    expect(events.filter((e) => e.type === 'task.merge_failed')).toHaveLength(2);
    // Main never got the red change, and stays green.
    expect(repo.git('log', '--format=%s', 'main')).not.toContain('broken');
    execFileSync('node', ['scripts/test.mjs'], { cwd: repo.dir, stdio: 'pipe' });
  });
});
