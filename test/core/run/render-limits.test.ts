/** How pauses and costs show: line events, the live display, the final report. */
import { describe, expect, it } from 'vitest';
import { createRunDisplay } from '../../../src/render/run/display.js';
import { lineFor } from '../../../src/render/run/lines.js';
import { renderRunReport } from '../../../src/render/run/report.js';
import { buildReport } from '../../../src/core/run/report.js';
import { LimitWatch } from '../../../src/core/run/limits.js';
import { limitPatternsFor } from '../../../src/core/run/presets.js';
import { priceTable, sumUsage } from '../../../src/core/run/cost.js';
import type { RunEvent } from '../../../src/core/run/events.js';
import type { RunRecord } from '../../../src/core/run/model.js';
import { buildPlan } from '../../../src/core/plan/plan.js';
import type { StoredPlan } from '../../../src/core/plan/tasks.js';

const local = (h: number, m: number) => new Date(2026, 5, 1, h, m, 0);

describe('showing a pause', () => {
  it('says "paused: usage limit, resumes 15:00" in line and live output, and when it resumed', () => {
    const at = local(12, 0).toISOString();
    const paused: RunEvent = { type: 'run.paused', at, reason: 'usage limit', until: local(15, 0).toISOString(), task: 'api' };
    expect(lineFor(paused)).toBe("paused: usage limit, resumes 15:00 (api's agent hit it; its lane is kept and the attempt not counted)");
    expect(lineFor({ type: 'run.resumed', at, reason: 'usage limit' })).toBe('resumed after the usage limit');
    expect(
      lineFor({
        type: 'agent.exited',
        at,
        task: 'api',
        attempt: 1,
        exit_code: 1,
        signal: null,
        ms: 1200,
        outcome: 'limited',
        reason: 'stopped by a usage limit: x\x1b[31m',
      }),
    ).toBe('api: agent stopped on a limit (not counted) after 1.2s: stopped by a usage limit: x\\x1b[31m');
    let text = '';
    const live = createRunDisplay('live', { write: (s: string) => (text += s), isTTY: true, columns: 200, rows: 40 });
    live.onEvent({ type: 'run.started', at, run_id: 'r', resumed: false, parallelism: 2, agent: 'claude', tasks: 2, target: 'main' });
    live.onEvent(paused);
    live.close();
    expect(text).toContain('paused: usage limit, resumes 15:00');
  });

  it('keeps control characters of an agent out of a recognised limit', () => {
    const w = new LimitWatch(limitPatternsFor('codex'), () => 0);
    w.line('\x1b[31mERROR\x1b[0m: 429 Too Many Requests\x07', 'stderr');
    expect(w.limit?.text).toBe('ERROR: 429 Too Many Requests');
  });
});

describe('showing what a run cost', () => {
  it('puts the estimated cost in the summary line, a cost column and a tokens line', () => {
    const plan = {
      ...buildPlan(
        [
          { id: 'a', title: 'A', files: ['a.txt'] },
          { id: 'b', title: 'B', files: ['b.txt'] },
        ],
        { parallelism: 2 },
      ),
      stored_at: '',
      source: undefined,
    } as unknown as StoredPlan;
    const table = priceTable(undefined);
    const usage = sumUsage(
      [
        {
          input_tokens: 0,
          output_tokens: 0,
          cache_read_tokens: 0,
          cache_creation_tokens: 0,
          models: {
            'claude-sonnet-4-5': { input_tokens: 100_000, output_tokens: 20_000, cache_read_tokens: 1_000_000, cache_creation_tokens: 0 },
          },
        },
      ],
      table,
    )!;
    const now = Date.now();
    const run: RunRecord = {
      id: 'r1',
      owner: 'run:r1',
      status: 'finished',
      created_at: new Date(now - 10_000).toISOString(),
      updated_at: new Date(now).toISOString(),
      parallelism: 2,
      agent: { name: 'claude', argv: ['claude'] },
      retries: 3,
      segments: [{ pid: 1, host: 'h', started_at: new Date(now - 10_000).toISOString(), ended_at: new Date(now).toISOString() }],
      tasks: {
        a: {
          id: 'a',
          state: 'landed',
          attempts: [{ n: 1, started_at: '', ms: 1000, outcome: 'finished', usage }],
          merge: { result: 'landed', landed_as: 'abcdef1234567890' },
        },
        b: {
          id: 'b',
          state: 'landed',
          attempts: [{ n: 1, started_at: '', ms: 1000, outcome: 'finished' }],
          merge: { result: 'landed', landed_as: '1234567890abcdef' },
        },
      },
      pauses: [{ reason: 'rate limit (429)', until: new Date(now - 5000).toISOString(), task: 'a' }],
    };
    const report = buildReport(run, plan, {}, { target: 'main', now });
    // Sonnet: 0.1M in at $3, 0.02M out at $15, 1M cache read at $0.30 = $0.90
    expect(report.usage?.cost_usd).toBeCloseTo(0.9, 6);
    const text = renderRunReport(report);
    expect(text.split('\n')[0]).toBe('Run r1 finished: 2 of 2 tasks landed on main. Estimated cost ~$0.90.');
    expect(text).toMatch(/^task +state +lane +attempts +duration +cost +merge$/m);
    expect(text).toMatch(/^a +landed .* ~\$0\.90 +landed as abcdef123456/m);
    expect(text).toMatch(/^b +landed .* - +landed as 1234567890ab/m);
    expect(text).toContain('Tokens 100k in · 20k out · 1.0M cache read · ~$0.90 (estimated cost from the price table)');
    expect(text).toContain('Paused 1x on usage or rate limits (last: rate limit (429) until');
  });
});
