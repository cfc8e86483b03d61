/** Crash tests through named failpoints (docs/safety.md "Testing them") and real concurrency. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineDoc } from '../../src/state/define.js';
import { StateStore } from '../../src/state/store.js';
import { makeBarrier } from '../helpers/child.js';
import { tempDir } from '../helpers/repo.js';
import { expectClean, lastJson, runChild } from './helpers.js';

const obj = () => ({}) as Record<string, unknown>;
const ALPHA_DOC = defineDoc({ name: 'alpha', empty: obj });
const BETA_DOC = defineDoc({ name: 'beta', empty: obj });
const COUNTER_DOC = defineDoc({ name: 'counter', empty: () => ({ n: 0, list: [] as string[] }) });

// Concurrent: each test mostly waits out a dead holder's 2 s stale lock.
describe.concurrent('multi-doc commit survives SIGKILL', () => {
  for (const point of ['state.commit.after-record', 'state.commit.mid-rename']) {
    it(`killed at ${point}: the next open rolls forward, both docs new`, async () => {
      const dir = path.join(tempDir(), 'lanes');
      const store = await StateStore.open(dir, { staleMs: 2000 });
      await store.transact(async (tx) => {
        tx.get(ALPHA_DOC).value = 'old';
        tx.get(BETA_DOC).value = 'old';
      });
      const r = await runChild('transact', { dir, value: 'new', staleMs: 2000 }, { LANES_FAILPOINT: `${point}:kill` });
      expect(r.signal).toBe('SIGKILL');
      expect(fs.existsSync(path.join(dir, 'commit.json'))).toBe(true);
      // Before recovery a lock-free reader sees the torn group the crash left.
      const before = (await store.read(ALPHA_DOC)).data.value;
      expect([before, (await store.read(BETA_DOC)).data.value]).toEqual(point.endsWith('mid-rename') ? ['new', 'old'] : ['old', 'old']);
      const t0 = Date.now();
      const again = await StateStore.open(dir, { staleMs: 2000 }); // waits out the dead holder's lock
      expect(Date.now() - t0).toBeLessThan(8000); // stale, not the 30 s deadline
      expect(await again.read(ALPHA_DOC)).toEqual({ version: 2, data: { value: 'new' } });
      expect(await again.read(BETA_DOC)).toEqual({ version: 2, data: { value: 'new' } });
      expectClean(dir);
    });
  }

  it('killed before the redo record: both docs stay old, staged temps are swept', async () => {
    const dir = path.join(tempDir(), 'lanes');
    const store = await StateStore.open(dir, { staleMs: 2000 });
    await store.transact(async (tx) => {
      tx.get(ALPHA_DOC).value = 'old';
      tx.get(BETA_DOC).value = 'old';
    });
    // The redo record itself is written with writeFileAtomic: die just before its rename.
    const r = await runChild('transact', { dir, value: 'new', staleMs: 2000 }, { LANES_FAILPOINT: 'state.before-rename:kill' });
    expect(r.signal).toBe('SIGKILL');
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toHaveLength(3);
    const again = await StateStore.open(dir, { staleMs: 2000 });
    expect((await again.read(ALPHA_DOC)).data.value).toBe('old');
    expect((await again.read(BETA_DOC)).data.value).toBe('old');
    expectClean(dir);
  });

  it('20 processes doing read-modify-write at once lose no update', async () => {
    const P = 20;
    const N = 10;
    const dir = path.join(tempDir(), 'lanes');
    await StateStore.open(dir);
    const barrier = makeBarrier(path.dirname(dir));
    const kids = Array.from({ length: P }, () => runChild('incr', { dir, barrier: barrier.path, n: N }));
    await new Promise((r) => setTimeout(r, 300)); // let them start and reach the barrier
    barrier.release();
    const results = await Promise.all(kids);
    for (const r of results) {
      expect(r.stderr).toBe('');
      expect(r.exitCode).toBe(0);
      expect(lastJson(String(r.stdout)).ok).toBe(true);
    }
    const store = await StateStore.open(dir);
    const { version, data } = await store.read(COUNTER_DOC);
    expect(data.n).toBe(P * N);
    expect(data.list).toHaveLength(P * N);
    expect(new Set(data.list).size).toBe(P * N);
    expect(version).toBe(P * N);
    expectClean(dir);
  });
});
