/** Usage and rate limits: recognising them in agent output, reset times, the run-wide gate. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LimitGate, LimitWatch, pauseText } from '../../../src/core/run/limits.js';
import { parseReset } from '../../../src/core/run/reset-time.js';
import { limitPatternsFor, PRESET_NAMES } from '../../../src/core/run/presets.js';
import { parseConfig } from '../../../src/core/config/load.js';

// Local times, so the clock-time cases do not depend on the machine's time zone.
const NOON = new Date(2026, 5, 1, 12, 0, 0).getTime();
const at = (h: number, m = 0, dayOffset = 0) => new Date(2026, 5, 1 + dayOffset, h, m, 0).getTime();

describe('reset times', () => {
  it('reads clock times as the next such local time', () => {
    expect(parseReset('usage limit reached · resets at 3pm', NOON)).toBe(at(15));
    expect(parseReset("You've hit your session limit · resets 3pm (Europe/Berlin)", NOON)).toBe(at(15));
    expect(parseReset('limit reached, resets 15:00', NOON)).toBe(at(15));
    expect(parseReset('resets at 3:30 PM', NOON)).toBe(at(15, 30));
    expect(parseReset('resets 9am', NOON)).toBe(at(9, 0, 1)); // tomorrow
    expect(parseReset('resets at 12am', NOON)).toBe(at(0, 0, 1));
    expect(parseReset('resets 3 files', NOON)).toBeUndefined();
  });
  it('reads epochs, retry-after and relative times', () => {
    const epoch = Math.floor(NOON / 1000) + 7200;
    expect(parseReset(`Claude AI usage limit reached|${epoch}`, NOON)).toBe(epoch * 1000);
    expect(parseReset(`${epoch * 1000}`, NOON, true)).toBe(epoch * 1000);
    expect(parseReset('HTTP 429, retry-after: 30', NOON)).toBe(NOON + 30_000);
    expect(parseReset('"retry_after": 12', NOON)).toBe(NOON + 12_000);
    expect(parseReset('Please try again in 5 minutes.', NOON)).toBe(NOON + 300_000);
    expect(parseReset('try again in 1 day 2 hours 5 minutes', NOON)).toBe(NOON + 86_400_000 + 7_200_000 + 300_000);
    expect(parseReset('resets in 2h 30m', NOON)).toBe(NOON + 9_000_000);
    expect(parseReset('Please retry in 30s', NOON)).toBe(NOON + 30_000);
    expect(parseReset('rate limited until 2026-06-01T13:00:00Z', NOON)).toBe(
      Date.parse('2026-06-01T13:00:00Z') > NOON ? Date.parse('2026-06-01T13:00:00Z') : undefined,
    );
  });
  it('ignores a reset in the past or absurdly far away', () => {
    expect(parseReset(`limit|${Math.floor(NOON / 1000) - 10}`, NOON)).toBeUndefined();
    expect(parseReset(`limit|${Math.floor(NOON / 1000) + 30 * 86_400}`, NOON)).toBeUndefined();
  });
});

describe('recognising limits in agent output', () => {
  const claude = () => new LimitWatch(limitPatternsFor('claude'), () => NOON);

  it("reads Claude Code 2.1.330's stream-json result on an HTTP 429 (no reset given)", () => {
    const w = claude();
    w.line(
      JSON.stringify({
        type: 'result',
        subtype: 'success',
        is_error: true,
        api_error_status: 429,
        api_error_type: 'rate_limit_error',
        result: 'API Error: Request rejected (429) · Number of request tokens has exceeded your per-minute rate limit',
        terminal_reason: 'api_error',
      }),
    );
    expect(w.limit).toMatchObject({ reason: 'rate limit (429)' });
    expect(w.limit?.resetAt).toBeUndefined();
  });
  it('reads an overloaded (529) result and a usage limit with its reset', () => {
    const w = claude();
    w.line(
      JSON.stringify({
        type: 'result',
        is_error: true,
        api_error_status: 529,
        api_error_type: 'overloaded_error',
        result: 'API Error: 529 Overloaded. This is a server-side issue',
      }),
    );
    expect(w.limit?.reason).toBe('overloaded (529)');
    const u = claude();
    u.line(JSON.stringify({ type: 'result', subtype: 'success', is_error: true, result: "You've hit your session limit · resets 3pm" }));
    expect(u.limit).toMatchObject({ reason: 'usage limit', resetAt: at(15) });
  });
  it('does not mistake a successful result, or a limit word in a tool result, for a limit', () => {
    const w = claude();
    w.line(
      JSON.stringify({
        type: 'result',
        subtype: 'success',
        is_error: false,
        result: 'Fixed the rate_limit_error handling; usage limit reached is now retried',
      }),
    );
    w.line(JSON.stringify({ type: 'user', message: { content: [{ type: 'tool_result', content: 'HTTP 429 rate limited' }] } }));
    expect(w.limit).toBeUndefined();
    // An error result for another reason is not a limit either.
    w.line(JSON.stringify({ type: 'result', subtype: 'error_max_turns', is_error: true, result: 'max turns' }));
    expect(w.limit).toBeUndefined();
  });
  it('matches stderr text and user patterns with a named reset group', () => {
    const w = new LimitWatch(limitPatternsFor(undefined, ['quota exhausted until (?<reset>\\d{10})']), () => NOON);
    const epoch = Math.floor(NOON / 1000) + 60;
    w.line(`fatal: quota exhausted until ${epoch}`, 'stderr');
    expect(w.limit).toMatchObject({ resetAt: epoch * 1000 });
    const s = new LimitWatch(limitPatternsFor('claude'), () => NOON);
    s.line('Claude AI usage limit reached|' + epoch, 'stderr');
    expect(s.limit).toMatchObject({ reason: 'usage limit', resetAt: epoch * 1000 });
  });
  it("knows each preset's own limit text", () => {
    const samples: Record<string, string> = {
      codex: 'stream error: exceeded retry limit, last status: 429 Too Many Requests',
      gemini: 'Error: [{"error":{"code":429,"message":"Quota exceeded for quota metric","status":"RESOURCE_EXHAUSTED"}}]',
      cursor: "You've hit your usage limit for the month",
      opencode: 'AI_APICallError: RateLimitError: rate limit reached for requests',
      aider: 'litellm.RateLimitError: AnthropicException - overloaded',
    };
    for (const p of PRESET_NAMES) {
      if (p === 'claude') continue;
      const w = new LimitWatch(limitPatternsFor(p), () => NOON);
      w.line(samples[p]!, 'stderr');
      expect(w.limit, p).toBeDefined();
      const quiet = new LimitWatch(limitPatternsFor(p), () => NOON);
      quiet.line('All 12 tests passed; committed src/limits.ts', 'stdout');
      expect(quiet.limit, p).toBeUndefined();
    }
  });
  it('refuses a bad agent.limit_patterns regex in the config, by its path', () => {
    expect(() => parseConfig({ agent: { limit_patterns: ['(unclosed'] } }, 'c.json')).toThrow(
      /agent\.limit_patterns\[0\].*regular expression/s,
    );
    expect(parseConfig({ agent: { preset: 'codex', limit_patterns: ['slow down'] } }, 'c.json').agent).toMatchObject({
      preset: 'codex',
      limit_patterns: ['slow down'],
      limit_backoff_seconds: 60,
      max_starts_per_minute: 0,
    });
  });
});

describe('the run-wide gate', () => {
  it('pauses until the reset, extends (never shortens) the pause, and backs off exponentially without a reset', () => {
    let now = NOON;
    const g = new LimitGate({ backoffSeconds: 10, maxStartsPerMinute: 0, clock: () => now });
    const p1 = g.hit({ reason: 'rate limit', text: '' });
    expect(Date.parse(p1.until)).toBe(NOON + 10_000);
    const p2 = g.hit({ reason: 'rate limit', text: '' });
    expect(Date.parse(p2.until)).toBe(NOON + 20_000);
    expect(g.startsAllowed(4)).toBe(0);
    const p3 = g.hit({ reason: 'usage limit', text: '', resetAt: NOON + 5_000 });
    expect(p3.until).toBe(p2.until);
    now = NOON + 20_001;
    expect(g.paused()).toBeUndefined();
    expect(g.startsAllowed(4)).toBe(4);
    g.ok();
    expect(Date.parse(g.hit({ reason: 'rate limit', text: '' }).until)).toBe(now + 10_000);
  });
  it('spreads starts out under max_starts_per_minute', () => {
    let now = NOON;
    const g = new LimitGate({ backoffSeconds: 10, maxStartsPerMinute: 6, clock: () => now });
    expect(g.startsAllowed(3)).toBe(1);
    g.started();
    expect(g.startsAllowed(3)).toBe(0);
    expect(g.startDelay()).toBe(10_000);
    now += 10_000;
    expect(g.startsAllowed(3)).toBe(1);
  });
  it('says when the run resumes', () => {
    expect(pauseText({ reason: 'usage limit', until: new Date(at(15)).toISOString() }, NOON)).toBe('paused: usage limit, resumes 15:00');
    expect(pauseText({ reason: 'rate limit', until: new Date(NOON + 30_000).toISOString() }, NOON)).toBe(
      'paused: rate limit, resumes 12:00 (in 30 s)',
    );
  });
});

describe('a limit that keeps coming back', () => {
  it('counts the attempt after ten limits in a row as a failure (a pattern matching the agent’s own error would otherwise loop forever)', async () => {
    const { AttemptOutput, limitOf, MAX_LIMITED_IN_A_ROW } = await import('../../../src/core/run/pause.js');
    const out = new AttemptOutput(limitPatternsFor('codex'), () => NOON);
    out.line('429 Too Many Requests', 'stderr');
    const attempts = (limited: number) => [
      ...Array.from({ length: limited }, (_, i) => ({ n: i + 1, started_at: '', outcome: 'limited' as const })),
      { n: limited + 1, started_at: '' },
    ];
    expect(limitOf({ id: 't', state: 'running', attempts: attempts(0) }, {}, out)).toBeDefined();
    expect(limitOf({ id: 't', state: 'running', attempts: attempts(MAX_LIMITED_IN_A_ROW - 1) }, {}, out)).toBeDefined();
    expect(limitOf({ id: 't', state: 'running', attempts: attempts(MAX_LIMITED_IN_A_ROW) }, {}, out)).toBeUndefined();
    // An agent that could not be started at all has not hit a limit.
    expect(limitOf({ id: 't', state: 'running', attempts: attempts(0) }, { error: 'ENOENT' }, out)).toBeUndefined();
  });
});

describe('a pause across a resumed run', () => {
  it('keeps a recorded pause that has not run out, and drops one that has', async () => {
    const { RunPauses } = await import('../../../src/core/run/pause.js');
    const cfg = parseConfig({}, 'c.json');
    const events: string[] = [];
    const later = { id: 'r', tasks: {}, paused: { reason: 'usage limit', until: new Date(NOON + 60_000).toISOString() } } as never;
    let now = NOON;
    const p = new RunPauses(
      later,
      cfg,
      'claude',
      (e) => events.push(e.type),
      () => now,
    );
    expect(p.allowed(2)).toBe(0);
    now = NOON + 60_001;
    expect(p.allowed(2)).toBe(2);
    expect(events).toEqual(['run.resumed']);
    expect((later as { paused?: unknown }).paused).toBeUndefined();
    const past = { id: 'r', tasks: {}, paused: { reason: 'usage limit', until: new Date(NOON - 1).toISOString() } } as never;
    new RunPauses(
      past,
      cfg,
      'claude',
      () => {},
      () => NOON,
    );
    expect((past as { paused?: unknown }).paused).toBeUndefined();
  });
});

describe("Claude Code 2.1.330's own output", () => {
  // Captured from the real binary (claude -p --output-format stream-json --verbose) against a
  // local server answering 429 rate_limit_error and 529 overloaded_error.
  const lines = (name: string) =>
    fs
      .readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8')
      .trim()
      .split('\n');
  it('is recognised as a rate limit (429) and as overloaded (529)', () => {
    const w429 = new LimitWatch(limitPatternsFor('claude'), () => NOON);
    for (const l of lines('claude-2.1.330-429.jsonl')) w429.line(l);
    expect(w429.limit).toMatchObject({ reason: 'rate limit (429)', text: expect.stringContaining('API Error: Request rejected (429)') });
    const w529 = new LimitWatch(limitPatternsFor('claude'), () => NOON);
    for (const l of lines('claude-2.1.330-529.jsonl')) w529.line(l);
    expect(w529.limit?.reason).toBe('overloaded (529)');
  });
});
