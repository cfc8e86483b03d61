import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LanesError } from '../../src/errors.js';
import { tryLock, withLock } from '../../src/state/lock.js';
import { pidAlive } from '../../src/state/pid.js';
import { defineDoc } from '../../src/state/define.js';
import { StateStore } from '../../src/state/store.js';
import { tempDir } from '../helpers/repo.js';
import { expectClean, lastJson, runChild } from './helpers.js';

const DOC_DOC = defineDoc({ name: 'doc', empty: () => ({}) as Record<string, unknown> });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until the file exists and has content (the child writes it non-atomically). */
async function waitFile(p: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!fs.existsSync(p) || fs.statSync(p).size === 0) {
    if (Date.now() > end) throw new Error(`${p} never appeared`);
    await sleep(10);
  }
}

function stateDir(): string {
  const dir = path.join(tempDir(), 'lanes');
  fs.mkdirSync(dir, { mode: 0o700 });
  return dir;
}

describe('withLock in one process', () => {
  it('serializes concurrent holders and cleans up', async () => {
    const dir = stateDir();
    let inside = 0;
    let max = 0;
    await Promise.all(
      Array.from({ length: 5 }, () =>
        withLock(dir, 'state', async (lock) => {
          max = Math.max(max, ++inside);
          lock.assertHeld();
          await sleep(5);
          inside--;
        }),
      ),
    );
    expect(max).toBe(1);
    expectClean(dir);
    expect(fs.readdirSync(dir)).toEqual([]); // owner note removed too
  });

  it('rejects a deadline not longer than stale', async () => {
    const e = await withLock(stateDir(), 'state', async () => 1, { staleMs: 5000, deadlineMs: 5000 }).catch((x: unknown) => x);
    expect((e as LanesError).code).toBe('INVALID_INPUT');
  });
});

describe.concurrent('locks across processes', () => {
  it('a SIGKILLed holder is taken over after stale', async () => {
    const dir = stateDir();
    const marker = path.join(dir, '..', 'held');
    const r = await runChild('hold', { dir, marker, go: marker, staleMs: 2000 }, { LANES_FAILPOINT: 'lock.held:kill' });
    expect(r.signal).toBe('SIGKILL');
    expect(fs.existsSync(path.join(dir, 'state.lock'))).toBe(true);
    const t0 = Date.now();
    const busy = await tryLock(dir, 'state', { staleMs: 2000 });
    const holder = 'holder' in busy ? busy.holder : undefined;
    expect(holder?.pid).toBeTypeOf('number');
    expect(pidAlive(holder!.pid)).toBe(false); // the killed child, named by its owner note
    const ran = await withLock(dir, 'state', async (lock) => (lock.assertHeld(), 'ran'), { staleMs: 2000, deadlineMs: 10_000 });
    expect(ran).toBe('ran');
    expect(Date.now() - t0).toBeLessThan(8000); // stale 2 s (+ < 1 s mtime rounding in proper-lockfile), not the deadline
    expectClean(dir);
  });

  it('a live holder past the deadline gives BUSY naming its pid', async () => {
    const dir = stateDir();
    const marker = path.join(dir, '..', 'held');
    const go = path.join(dir, '..', 'go');
    // A generous stale (5 s) so a loaded machine cannot make the live holder look stale.
    const child = runChild('hold', { dir, marker, go, staleMs: 5000 });
    await waitFile(marker);
    const pid = Number(fs.readFileSync(marker, 'utf8'));
    const busy = await tryLock(dir, 'state', { staleMs: 5000 });
    expect('holder' in busy && busy.holder?.pid).toBe(pid);
    const t0 = Date.now();
    const e = (await withLock(dir, 'state', async () => 'never', { staleMs: 5000, deadlineMs: 6000 }).catch(
      (x: unknown) => x,
    )) as LanesError;
    expect(Date.now() - t0).toBeGreaterThanOrEqual(5900); // held past stale: refreshed, not stale
    expect(e).toBeInstanceOf(LanesError);
    expect(e.code).toBe('BUSY');
    expect(e.message).toContain(`held by pid ${pid}`);
    expect((e.details?.holder as { pid: number }).pid).toBe(pid);
    fs.writeFileSync(go, '');
    const r = await child;
    expect(r.exitCode).toBe(0);
    const got = await tryLock(dir, 'state');
    expect('release' in got).toBe(true);
    if ('release' in got) await got.release();
    expectClean(dir);
  });

  for (const variant of ['sync check', 'refresh timer'] as const) {
    it(`a holder that stalls past stale loses the lock and its write is refused (${variant})`, async () => {
      const dir = stateDir();
      const store = await StateStore.open(dir, { staleMs: 2000 });
      await store.update(DOC_DOC, (d) => void (d.writer = 'init'));
      const marker = path.join(dir, '..', 'locked');
      const go = path.join(dir, '..', 'go');
      const child = runChild(
        'stall',
        { dir, marker, go, staleMs: 2000, sleepAfterStallMs: variant === 'refresh timer' ? 1500 : 0 },
        { LANES_LOG: 'warn' },
      );
      await waitFile(marker);
      // The child holds the lock with a blocked event loop: we take it over once it is stale.
      await store.update(DOC_DOC, (d) => void (d.writer = 'taker'));
      fs.writeFileSync(go, '');
      const r = await child;
      expect(r.exitCode).toBe(0); // onCompromised never throws from its timer
      const out = lastJson(String(r.stdout));
      expect(out.code).toBe('STALE_WRITE');
      expect(String(r.stderr)).toContain('lost the "state" lock');
      expect(await store.read(DOC_DOC)).toEqual({ version: 2, data: { writer: 'taker' } });
      expectClean(dir);
    });
  }

  it('waiters queued behind a holder get the lock in the order they came', async () => {
    const dir = stateDir();
    const held = path.join(dir, '..', 'held');
    const go = path.join(dir, '..', 'go');
    const order = path.join(dir, '..', 'order');
    const holder = runChild('hold', { dir, marker: held, go, staleMs: 5000 });
    await waitFile(held);
    const tickets = () => fs.readdirSync(dir).filter((n) => n.startsWith('.state.wait.'));
    const waiters = [];
    for (let i = 0; i < 5; i++) {
      waiters.push(runChild('queue', { dir, marker: order, value: i, staleMs: 5000, deadlineMs: 40_000 }));
      // The next one starts only once this one is queued, so arrival order is known.
      const end = Date.now() + 20_000;
      while (tickets().length < i + 1) {
        if (Date.now() > end) throw new Error(`waiter ${i} never queued (tickets: ${tickets().join(', ')})`);
        await sleep(10);
      }
    }
    fs.writeFileSync(go, '');
    expect((await holder).exitCode).toBe(0);
    for (const w of await Promise.all(waiters)) expect(w.exitCode, String(w.stderr)).toBe(0);
    expect(fs.readFileSync(order, 'utf8').trim().split('\n')).toEqual(['0', '1', '2', '3', '4']);
    expect(tickets()).toEqual([]);
    expectClean(dir);
  });

  it("does not remove the new holder's lock when it gives up", async () => {
    const dir = stateDir();
    const store = await StateStore.open(dir, { staleMs: 2000 });
    await store.update(DOC_DOC, (d) => void (d.writer = 'init'));
    const marker = path.join(dir, '..', 'locked');
    const go = path.join(dir, '..', 'go');
    const child = runChild('stall', { dir, marker, go, staleMs: 2000 }, { LANES_LOG: 'warn' });
    await waitFile(marker);
    await withLock(
      dir,
      'state',
      async (lock) => {
        fs.writeFileSync(go, '');
        const r = await child; // it fails its write and releases while we still hold the lock
        expect(lastJson(String(r.stdout)).code).toBe('STALE_WRITE');
        expect(String(r.stderr)).toContain('another process took it over');
        expect(fs.existsSync(path.join(dir, 'state.lock'))).toBe(true);
        lock.assertHeld();
      },
      { staleMs: 2000, deadlineMs: 10_000 },
    );
    expect(await store.read(DOC_DOC)).toEqual({ version: 1, data: { writer: 'init' } });
    expectClean(dir);
  });
});
