/**
 * `lanes run` and usage limits, end to end: a stand-in agent (a real child process) fails the way
 * the real CLI does on a limit, then succeeds. The attempt is not counted, the whole run pauses
 * until the reset (by the run's own clock), resumes by itself, and the task lands.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { claudeAgent, presetAgent, readRunCost, runCost, runPlan, type RunEvent } from '../../../src/core/run/index.js';
import { RUNS_DOC } from '../../../src/core/run/model.js';
import { cleanupAfter, sampleRepo, withPlan } from './helpers.js';
import { standIns } from './standin.js';

const of = <T extends RunEvent['type']>(events: RunEvent[], type: T) =>
  events.filter((e): e is Extract<RunEvent, { type: T }> => e.type === type);

describe('lanes run on usage limits', () => {
  it('pauses the whole run until a Claude usage limit resets, does not count the attempt, and lands the task in the same lane', async () => {
    const repo = sampleRepo({ gates: [] });
    cleanupAfter(repo);
    const lanes = await withPlan(repo, [
      { id: 'alpha', files: ['alpha.txt'] },
      { id: 'beta', files: ['beta.txt'] },
    ]);
    const s = standIns(`${repo.dir}-agents`, ['claude'], { alpha: ['claude-limit:2', 'claude-commit'], beta: ['claude-commit'] });
    const agent = { ...claudeAgent('/nonexistent/lanes-plugin', 'claude'), env: s.env };
    const events: RunEvent[] = [];
    // retries 0: had the limited attempt counted, alpha would be blocked at once.
    const report = await runPlan(lanes, { agent, parallelism: 1, retries: 0, pollMs: 100, onEvent: (e) => events.push(e) });

    expect(report.counts).toMatchObject({ landed: 2, blocked: 0 });
    const alpha = report.tasks.find((t) => t.id === 'alpha')!;
    expect(alpha).toMatchObject({ state: 'landed', attempts: 1 });
    const exits = of(events, 'agent.exited').filter((e) => e.task === 'alpha');
    expect(exits.map((e) => e.outcome)).toEqual(['limited', 'finished']);
    expect(exits[0]!.reason).toMatch(/^stopped by a usage limit: Claude AI usage limit reached\|\d+/);

    // The pause: recorded with the reset the agent printed, announced, and kept by every start.
    const [paused] = of(events, 'run.paused');
    expect(paused).toMatchObject({ reason: 'usage limit', task: 'alpha' });
    const until = Date.parse(paused!.until);
    const epoch = Number(/\|(\d+)/.exec(exits[0]!.reason!)![1]);
    expect(until).toBeGreaterThanOrEqual(epoch * 1000);
    const resumed = of(events, 'run.resumed');
    expect(resumed).toHaveLength(1);
    expect(Date.parse(resumed[0]!.at)).toBeGreaterThanOrEqual(until);
    const pausedAt = events.indexOf(paused!);
    for (const e of events.slice(pausedAt)) {
      if (e.type === 'agent.started' || e.type === 'task.starting')
        expect(Date.parse(e.at), `${e.type} ${e.task}`).toBeGreaterThanOrEqual(until);
    }
    // Both of alpha's starts ran in the same lane; the second prompt says why it runs again.
    const starts = s.starts('alpha');
    expect(starts).toHaveLength(2);
    expect(starts[1]!.cwd).toBe(starts[0]!.cwd);
    expect(starts[1]!.argv[starts[1]!.argv.indexOf('-p') + 1]).toContain('stopped by a usage or rate limit');

    // The run record: attempts, the pause in its history (none in force at the end), the usage.
    const run = (await lanes.store.read(RUNS_DOC)).data.runs.at(-1)!;
    expect(run.tasks.alpha!.attempts.map((a) => a.outcome)).toEqual(['limited', 'finished']);
    expect(run.paused).toBeUndefined();
    expect(run.pauses).toEqual([expect.objectContaining({ reason: 'usage limit', until: paused!.until, task: 'alpha' })]);
    expect(run.tasks.alpha!.usage).toMatchObject({
      input_tokens: 1400,
      output_tokens: 250,
      cache_read_tokens: 5000,
      cache_creation_tokens: 300,
      reported_cost_usd: 0.0123,
    });
    const cost = runCost(run);
    expect(cost.total).toMatchObject({ input_tokens: 2800, output_tokens: 500 });
    expect(report.usage?.cost_usd).toBeCloseTo(cost.total!.cost_usd!, 6);
    expect(await readRunCost(lanes)).toEqual(cost);
    expect(fs.readFileSync(report.report_file!, 'utf8')).toMatch(
      /tokens and estimated cost: 2\.8k in · 500 out · 10k cache read · 600 cache write · ~\$0\.\d+/,
    );
    fs.rmSync(`${repo.dir}-agents`, { recursive: true, force: true });
  });

  it('backs off on a limit without a reset time (a codex 429), then spreads starts out under max_starts_per_minute', async () => {
    const repo = sampleRepo({ gates: [], agent: { limit_backoff_seconds: 1, max_starts_per_minute: 60 } });
    cleanupAfter(repo);
    const lanes = await withPlan(repo, [
      { id: 'one', files: ['one.txt'] },
      { id: 'two', files: ['two.txt'] },
    ]);
    const s = standIns(`${repo.dir}-agents`, ['codex'], {
      one: ['text-limit:ERROR: exceeded retry limit, last status: 429 Too Many Requests', 'commit'],
    });
    const events: RunEvent[] = [];
    const report = await runPlan(lanes, {
      agent: { ...presetAgent('codex'), env: s.env },
      parallelism: 2,
      retries: 0,
      pollMs: 50,
      onEvent: (e) => events.push(e),
    });

    expect(report.counts).toMatchObject({ landed: 2, blocked: 0 });
    expect(report.tasks.find((t) => t.id === 'one')).toMatchObject({ attempts: 1 });
    const [paused] = of(events, 'run.paused');
    expect(paused).toMatchObject({ reason: 'rate limit', task: 'one' });
    // Back-off from limit_backoff_seconds (1 s), by the run's clock; the retry waited for it.
    expect(Date.parse(paused!.until) - Date.parse(paused!.at)).toBeGreaterThan(500);
    const again = of(events, 'agent.started').filter((e) => e.task === 'one');
    expect(again).toHaveLength(2);
    expect(Date.parse(again[1]!.at)).toBeGreaterThanOrEqual(Date.parse(paused!.until));
    // Paced starts: one per second at 60 a minute.
    const starting = of(events, 'task.starting').map((e) => Date.parse(e.at));
    expect(starting).toHaveLength(2);
    expect(starting[1]! - starting[0]!).toBeGreaterThanOrEqual(1000);
    // The preset's argv, and a prompt that states the rules (codex has no hooks).
    const [first] = s.starts('one');
    expect(first!.name).toBe('codex');
    expect(first!.argv.slice(0, 4)).toEqual(['exec', '--sandbox', 'workspace-write', '--skip-git-repo-check']);
    expect(first!.argv[4]).toMatch(/^Lanes task: one\n/);
    expect(first!.argv[4]).toContain('Do not push, merge, rebase');
    expect(first!.argv[4]).not.toContain('start_session');
    fs.rmSync(`${repo.dir}-agents`, { recursive: true, force: true });
  });
});
