/**
 * Usage and limits read from the real client: the pinned `claude` binary in print mode with
 * stream-json, against the scripted Messages API stand-in (a reply with usage) and a local server
 * answering 429. What Lanes reads is what Claude Code 2.1.330 actually prints.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { limitPatternsFor } from '../../../src/core/run/presets.js';
import { AttemptOutput } from '../../../src/core/run/pause.js';
import { priceTable } from '../../../src/core/run/cost.js';
import { startFakeAnthropic, type FakeAnthropic } from '../../helpers/fake-anthropic.js';
import { claude, claudeHome } from '../../plugin/helpers.js';

let fake: FakeAnthropic | undefined;
let server: http.Server | undefined;
const homes: string[] = [];
afterEach(async () => {
  await fake?.close();
  fake = undefined;
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
  for (const h of homes.splice(0)) fs.rmSync(h, { recursive: true, force: true });
});

function read(stdout: string): AttemptOutput {
  const out = new AttemptOutput(limitPatternsFor('claude'));
  for (const l of stdout.split('\n')) out.line(l, 'stdout');
  return out;
}

describe('claude -p --output-format stream-json', () => {
  it('reports its tokens, which Lanes reads and prices', async () => {
    fake = await startFakeAnthropic({ main: [{ text: 'All done.' }] });
    const h = claudeHome({ ANTHROPIC_BASE_URL: fake.url, ANTHROPIC_API_KEY: 'sk-test' });
    homes.push(h.home);
    const r = await claude(['-p', 'say done', '--output-format', 'stream-json', '--verbose', '--model', 'claude-sonnet-4-5'], {
      env: h.env,
      timeoutMs: 90_000,
    });
    expect(r.code).toBe(0);
    const out = read(r.stdout);
    expect(out.limits.limit).toBeUndefined();
    const u = out.meter.usage(priceTable(undefined));
    expect(u).toBeDefined();
    expect(u!.input_tokens).toBeGreaterThan(0);
    expect(u!.output_tokens).toBeGreaterThan(0);
    expect(u!.cost_usd).toBeGreaterThan(0);
    expect(Object.keys(u!.models ?? {}).some((m) => m.includes('sonnet'))).toBe(true);
  });

  it('ends with an error result on an HTTP 429, recognised as a rate limit', async () => {
    server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '30' });
        res.end(
          JSON.stringify({
            type: 'error',
            error: { type: 'rate_limit_error', message: 'Number of request tokens has exceeded your per-minute rate limit' },
          }),
        );
      });
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as AddressInfo).port;
    const h = claudeHome({ ANTHROPIC_BASE_URL: `http://127.0.0.1:${port}`, ANTHROPIC_API_KEY: 'sk-test', CLAUDE_CODE_MAX_RETRIES: '0' });
    homes.push(h.home);
    const r = await claude(['-p', 'hi', '--output-format', 'stream-json', '--verbose'], { env: h.env, timeoutMs: 90_000 });
    expect(r.code).toBe(1);
    expect(read(r.stdout).limits.limit).toMatchObject({ reason: 'rate limit (429)' });
  });
});
