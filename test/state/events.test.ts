import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StateStore } from '../../src/state/store.js';
import { makeBarrier } from '../helpers/child.js';
import { tempDir } from '../helpers/repo.js';
import { expectClean, lastJson, runChild } from './helpers.js';

describe('events', () => {
  it('10 processes appending at once give exactly all lines, each parseable', async () => {
    const P = 10;
    const N = 100;
    const dir = path.join(tempDir(), 'lanes');
    const store = await StateStore.open(dir);
    const barrier = makeBarrier(path.dirname(dir));
    const kids = Array.from({ length: P }, () => runChild('events', { dir, barrier: barrier.path, n: N }));
    await new Promise((r) => setTimeout(r, 300));
    barrier.release();
    for (const r of await Promise.all(kids)) expect(lastJson(String(r.stdout)).ok).toBe(true);
    const file = path.join(dir, 'events.jsonl');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(P * N);
    const seen = new Set(
      lines.map((l) => {
        const e = JSON.parse(l) as { pid: number; i: number; type: string; ts: string };
        expect(e.type).toBe('test.tick');
        return `${e.pid}:${e.i}`;
      }),
    );
    expect(seen.size).toBe(P * N);
    expect(await store.readEvents()).toHaveLength(P * N);
    expectClean(dir);
  });

  it('reads tolerate a torn last line; limit and since filter', async () => {
    const dir = path.join(tempDir(), 'lanes');
    const store = await StateStore.open(dir);
    await store.appendEvent('a', { n: 1, ts: 'ignored', type: 'ignored' });
    await new Promise((r) => setTimeout(r, 5));
    const mid = new Date().toISOString();
    await store.appendEvent('b');
    await store.appendEvent('c', { nested: { x: [1] } });
    fs.appendFileSync(path.join(dir, 'events.jsonl'), '{"ts":"2026-01-01T00:00:00.000Z","type":"tor');
    const all = await store.readEvents();
    expect(all.map((e) => e.type)).toEqual(['a', 'b', 'c']);
    expect(all[0]).toMatchObject({ type: 'a', n: 1, pid: process.pid });
    expect(all[0]!.ts).not.toBe('ignored');
    expect((await store.readEvents({ limit: 2 })).map((e) => e.type)).toEqual(['b', 'c']);
    expect((await store.readEvents({ since: mid })).map((e) => e.type)).toEqual(['b', 'c']);
  });

  it('rotates to events.1.jsonl past 8 MB and reads across both', async () => {
    const dir = path.join(tempDir(), 'lanes');
    const store = await StateStore.open(dir);
    const line = `${JSON.stringify({ ts: '2026-01-01T00:00:00.000Z', type: 'old', pad: 'x'.repeat(1000) })}\n`;
    fs.writeFileSync(path.join(dir, 'events.jsonl'), line.repeat(Math.ceil((8 * 1024 * 1024) / line.length)), { mode: 0o600 });
    await store.appendEvent('new');
    expect(fs.existsSync(path.join(dir, 'events.1.jsonl'))).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'events.jsonl'), 'utf8').split('\n')).toHaveLength(2);
    expect((await store.readEvents({ limit: 2 })).map((e) => e.type)).toEqual(['old', 'new']);
    expect((await store.readEvents({ limit: 1 })).map((e) => e.type)).toEqual(['new']);
    expectClean(dir);
  });
});
