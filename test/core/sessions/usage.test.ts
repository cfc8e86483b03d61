import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { transcriptUsage } from '../../../src/core/sessions/usage.js';
import { tempDir } from '../../helpers/repo.js';

const line = (o: unknown) => `${JSON.stringify(o)}\n`;

describe('transcriptUsage', () => {
  it('counts each assistant message once (Claude Code repeats its usage per content block) and prices it', () => {
    const file = path.join(tempDir(), 't.jsonl');
    const u = (i: number, o: number) => ({ input_tokens: i, output_tokens: o, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 });
    fs.writeFileSync(
      file,
      line({ type: 'user', message: { content: 'hello "usage" in text is not usage' } }) +
        line({ type: 'assistant', message: { id: 'm1', model: 'claude-sonnet-4-5', usage: u(100, 10), content: [{ type: 'text' }] } }) +
        line({ type: 'assistant', message: { id: 'm1', model: 'claude-sonnet-4-5', usage: u(100, 10), content: [{ type: 'tool_use' }] } }) +
        line({ type: 'assistant', message: { id: 'm2', model: 'claude-haiku-4-5', usage: u(50, 5) } }) +
        'not json at all "usage"\n',
    );
    const got = transcriptUsage(file)!;
    expect(got).toMatchObject({ input_tokens: 150, output_tokens: 15, models: ['claude-haiku-4-5', 'claude-sonnet-4-5'] });
    expect(got.cost_usd).toBeGreaterThan(0);
  });

  it('says nothing for a missing file, no path, or a transcript without usage', () => {
    const file = path.join(tempDir(), 'plain.jsonl');
    fs.writeFileSync(file, line({ type: 'user', message: { content: 'hi' } }));
    expect(transcriptUsage(undefined)).toBeUndefined();
    expect(transcriptUsage(path.join(tempDir(), 'missing.jsonl'))).toBeUndefined();
    expect(transcriptUsage(file)).toBeUndefined();
  });
});
