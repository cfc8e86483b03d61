import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageMeter, priceTable } from '../../../src/core/run/cost.js';
import { sessionUsage, transcriptUsage } from '../../../src/core/sessions/usage.js';
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

  it('finds the same lines as reading the whole file as text: multibyte text, invalid UTF-8, no final newline', () => {
    // The file is searched as bytes; the reference decodes it whole and splits it into lines.
    const reference = (buf: Buffer) => {
      const meter = new UsageMeter();
      for (const l of buf.toString('utf8').split('\n')) if (l.includes('"usage"')) meter.line(l);
      const u = meter.usage(priceTable(undefined));
      return u ? sessionUsage(u) : undefined;
    };
    const u = (i: number) => ({ input_tokens: i, output_tokens: 1, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 });
    const parts: Buffer[] = [];
    for (let k = 0; k < 40; k++) {
      parts.push(Buffer.from(line({ type: 'user', message: { content: `é ∑ 😀 "usage" ${'x'.repeat(k)}` } })));
      if (k % 7 === 0) parts.push(Buffer.from([0xe2, 0x88, 0x0a, 0xff, 0xfe, 0x0a])); // a cut sequence before a newline, stray bytes
      const msg = {
        type: 'assistant',
        message: { id: `m${k % 9}`, model: k % 2 ? 'claude-haiku-4-5' : 'claude-sonnet-4-5', usage: u(k), content: `ü${k}` },
      };
      parts.push(Buffer.from(k === 39 ? JSON.stringify(msg) : line(msg)));
    }
    const buf = Buffer.concat(parts);
    const file = path.join(tempDir(), 'mixed.jsonl');
    fs.writeFileSync(file, buf);
    const got = transcriptUsage(file);
    expect(got).toBeDefined();
    expect(got).toEqual(reference(buf));
  });

  it('finds the same lines across the pieces it reads: lines cut by a piece boundary, a line longer than a piece', () => {
    const reference = (buf: Buffer) => {
      const meter = new UsageMeter();
      for (const l of buf.toString('utf8').split('\n')) if (l.includes('"usage"')) meter.line(l);
      const u = meter.usage(priceTable(undefined));
      return u ? sessionUsage(u) : undefined;
    };
    const u = (i: number) => ({ input_tokens: i, output_tokens: 2, cache_read_input_tokens: 1, cache_creation_input_tokens: 0 });
    const parts: string[] = [];
    let size = 0;
    for (let k = 0; size < 3.5 * 1024 * 1024; k++) {
      // Filler of varied lengths moves the usage lines across the 1 MB boundaries; one line is 1.5 MB.
      const pad = k === 40 ? 1.5 * 1024 * 1024 : (k * 7919) % 90000;
      const msg = { type: 'assistant', message: { id: `m${k}`, model: 'claude-sonnet-4-5', usage: u(k), content: 'ø'.repeat(pad / 2) } };
      const l = k % 3 === 0 ? line({ type: 'user', message: { content: 'y'.repeat(pad) } }) : line(msg);
      parts.push(l);
      size += Buffer.byteLength(l);
    }
    const buf = Buffer.from(parts.join('').slice(0, -1)); // no final newline
    const file = path.join(tempDir(), 'big.jsonl');
    fs.writeFileSync(file, buf);
    const got = transcriptUsage(file);
    expect(got?.input_tokens).toBeGreaterThan(0);
    expect(got).toEqual(reference(buf));
  });
});
