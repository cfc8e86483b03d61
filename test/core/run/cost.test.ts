/** What a run cost: usage read from Claude Code's stream-json, prices, sums. */
import { describe, expect, it } from 'vitest';
import { costOf, priceFor, priceTable, runCost, sumUsage, UsageMeter, usageText, DEFAULT_PRICES } from '../../../src/core/run/cost.js';
import { parseConfig } from '../../../src/core/config/load.js';

const usage = (i: number, o: number, r = 0, c = 0) => ({
  input_tokens: i,
  output_tokens: o,
  cache_read_input_tokens: r,
  cache_creation_input_tokens: c,
});
const assistant = (id: string, model: string, u: ReturnType<typeof usage>) =>
  JSON.stringify({ type: 'assistant', message: { id, model, usage: u, content: [{ type: 'text', text: 'x' }] } });

describe('usage from stream-json', () => {
  it('counts an assistant message once however many content-block events repeat its usage', () => {
    const m = new UsageMeter();
    m.line(assistant('m1', 'claude-sonnet-4-5-20250929', usage(100, 10, 1000, 50)));
    m.line(assistant('m1', 'claude-sonnet-4-5-20250929', usage(100, 10, 1000, 50)));
    m.line(assistant('m2', 'claude-sonnet-4-5-20250929', usage(20, 5)));
    m.line('not json, usage');
    const u = m.usage(priceTable(undefined))!;
    expect(u).toMatchObject({ input_tokens: 120, output_tokens: 15, cache_read_tokens: 1000, cache_creation_tokens: 50 });
    // Sonnet: $3 in, $15 out, cache read 0.3, cache write 3.75 per million.
    expect(u.cost_usd).toBeCloseTo((120 * 3 + 15 * 15 + 1000 * 0.3 + 50 * 3.75) / 1e6, 5);
  });
  it("prefers the result event's totals per model, and keeps Claude's own cost figure", () => {
    const m = new UsageMeter();
    m.line(assistant('m1', 'claude-opus-4-1-20250805', usage(1, 1)));
    m.line(
      JSON.stringify({
        type: 'result',
        is_error: false,
        total_cost_usd: 0.5,
        usage: usage(3000, 300),
        modelUsage: {
          'claude-opus-4-1-20250805': { inputTokens: 2000, outputTokens: 200, cacheReadInputTokens: 0, cacheCreationInputTokens: 0 },
          'claude-haiku-4-5-20251001': { inputTokens: 1000, outputTokens: 100, cacheReadInputTokens: 0, cacheCreationInputTokens: 0 },
        },
      }),
    );
    const u = m.usage(priceTable(undefined))!;
    expect(u).toMatchObject({ input_tokens: 3000, output_tokens: 300, reported_cost_usd: 0.5 });
    expect(u.cost_usd).toBeCloseTo((2000 * 15 + 200 * 75 + 1000 * 1 + 100 * 5) / 1e6, 5);
  });
  it('reports nothing for an agent that prints no usage, and names models without a price', () => {
    const m = new UsageMeter();
    m.line('editing src/a.ts');
    expect(m.usage(priceTable(undefined))).toBeUndefined();
    m.line(assistant('m1', 'gpt-5-codex', usage(10, 10)));
    const u = m.usage(priceTable(undefined))!;
    expect(u.cost_usd).toBeUndefined();
    expect(u.unpriced).toEqual(['gpt-5-codex']);
    expect(usageText(u)).toBe('10 in · 10 out · no price for gpt-5-codex');
    // A price from the config fixes that.
    const table = priceTable(parseConfig({ prices: { 'gpt-5': { input: 1.25, output: 10 } } }, 'c.json').prices);
    expect(m.usage(table)!.cost_usd).toBeCloseTo((10 * 1.25 + 10 * 10) / 1e6, 5);
  });
});

describe('prices', () => {
  it('matches a model id by the longest key it contains, a family as the fallback', () => {
    const t = priceTable(undefined);
    expect(priceFor('claude-opus-4-1-20250805', t)).toEqual(DEFAULT_PRICES['claude-opus-4-1']);
    expect(priceFor('claude-opus-4-5-20251101', t)).toEqual({ input: 5, output: 25 });
    expect(priceFor('claude-sonnet-9', t)).toEqual({ input: 3, output: 15 });
    expect(priceFor('claude-3-5-haiku-20241022', t)).toEqual({ input: 0.8, output: 4 });
    expect(priceFor('constructor', t)).toBeUndefined();
    expect(
      costOf(
        { input_tokens: 1e6, output_tokens: 0, cache_read_tokens: 1e6, cache_creation_tokens: 1e6 },
        { input: 2, output: 0, cache_read: 1, cache_write: 3 },
      ),
    ).toBe(6);
  });
});

describe('a run cost summary', () => {
  it('sums attempts per task and tasks per run', () => {
    const table = priceTable(undefined);
    const a = sumUsage(
      [
        {
          input_tokens: 100,
          output_tokens: 10,
          cache_read_tokens: 0,
          cache_creation_tokens: 0,
          models: { 'claude-sonnet-4-5': { input_tokens: 100, output_tokens: 10, cache_read_tokens: 0, cache_creation_tokens: 0 } },
        },
      ],
      table,
    );
    const run = {
      id: 'r1',
      tasks: {
        x: {
          id: 'x',
          state: 'landed' as const,
          attempts: [
            { n: 1, started_at: '', usage: a! },
            { n: 2, started_at: '', usage: a! },
          ],
        },
        y: { id: 'y', state: 'landed' as const, attempts: [{ n: 1, started_at: '' }] },
      },
    };
    const c = runCost(run);
    expect(Object.keys(c.tasks)).toEqual(['x']);
    expect(c.tasks.x).toMatchObject({ input_tokens: 200, output_tokens: 20 });
    expect(c.total).toMatchObject({ input_tokens: 200, output_tokens: 20, cost_usd: expect.closeTo((200 * 3 + 20 * 15) / 1e6, 5) });
    expect(c.estimate).toBe(true);
  });
});
