// The remote document store against real git servers (git daemon and smart HTTP): reads and
// leased writes, inputs of a decision that must not move, multi-document all-or-nothing, server
// hooks, offline and back, and machines × processes racing to claim overlapping keys.
import { execa } from 'execa';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LanesError } from '../../../src/errors.js';
import { lsRemote } from '../../../src/git/remote.js';
import { RemoteStore } from '../../../src/state/remote/store.js';
import { bundleChild, makeBarrier, spawnChild } from '../../helpers/child.js';
import {
  makeMachine,
  startGitDaemon,
  startHttpGitServer,
  type GitServer,
  type HttpGitServer,
  type Machine,
} from '../../helpers/git-server.js';
import { tempDir } from '../../helpers/repo.js';

const CLAIMER = path.join(__dirname, 'children', 'claimer.ts');

const kinds = [
  ['daemon', startGitDaemon],
  ['http', startHttpGitServer],
] as const;

async function caught(p: Promise<unknown>): Promise<LanesError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  if (!(e instanceof LanesError)) throw new Error(`expected a LanesError, got ${String(e)}`);
  return e;
}

describe.each(kinds)('remote store over %s', (kind, start) => {
  let server: GitServer;
  const machines: Machine[] = [];
  const store = (m: Machine, extra: Partial<ConstructorParameters<typeof RemoteStore>[0]> = {}) =>
    new RemoteStore({ cwd: m.dir, remote: 'origin', env: m.env, machine: m.name, backoffMs: 10, ...extra });
  let a: Machine;
  let b: Machine;
  let c: Machine;
  beforeAll(async () => {
    server = await start();
    for (const n of ['a', 'b', 'c']) machines.push(makeMachine(n, server.url));
    [a, b, c] = machines as [Machine, Machine, Machine];
  });
  afterAll(async () => {
    await server.cleanup();
    for (const m of machines) m.cleanup();
  });

  it('reads absent documents as their initial value, writes them, and another machine reads them', async () => {
    const sa = store(a);
    const v0 = await sa.read(['alpha']);
    expect(v0.get('alpha', () => ({ n: 0 }))).toEqual({ n: 0 });
    expect(v0.gen('alpha')).toBe(0);
    const r = await sa.transact(['alpha'], (tx) => {
      tx.get('alpha', () => ({ n: 0 })).n = 5;
      return 'done';
    });
    expect(r).toMatchObject({ result: 'done', pushed: true, attempts: 1 });
    const v1 = await store(b).read(['alpha']);
    expect(v1.get('alpha', () => ({ n: 0 }))).toEqual({ n: 5 });
    expect(v1.gen('alpha')).toBe(1);
    expect(typeof v1.fetchedAt).toBe('number');
    // A transaction that changes nothing pushes nothing.
    expect((await store(b).transact(['alpha'], (tx) => tx.get('alpha', () => ({ n: 0 })).n)).pushed).toBe(false);
    // Only refs/lanes/state/* on the remote; each is one parentless commit.
    const refs = await lsRemote(a.dir, 'origin', 'refs/', { env: a.env });
    expect([...refs.keys()]).toEqual(['refs/lanes/state/alpha']);
    expect(server.git('rev-list', '--count', 'refs/lanes/state/alpha')).toBe('1');
  });

  it('retries when a document the decision only read moves before the push', async () => {
    const sa = store(a);
    await sa.transact(['flag'], (tx) => void (tx.get('flag', () => ({ open: true })).open = true));
    const seen: boolean[] = [];
    const r = await sa.transact(['flag', 'out'], async (tx) => {
      const open = tx.get('flag', () => ({ open: true })).open;
      seen.push(open);
      if (tx.attempt === 1) await store(b).transact(['flag'], (t2) => void (t2.get('flag', () => ({ open: true })).open = false));
      tx.get('out', () => ({ wrote: false })).wrote = open;
    });
    expect(r.attempts).toBe(2);
    expect(seen).toEqual([true, false]);
    expect((await store(c).read(['out'])).get('out', () => ({ wrote: true }))).toEqual({ wrote: false });
  });

  it('lands a multi-document change whole or not at all, and names what was contended', async () => {
    const sa = store(a, { maxAttempts: 1 });
    const e = await caught(
      sa.transact(['x', 'y'], async (tx) => {
        tx.get('x', () => ({ v: 0 })).v = 1;
        tx.get('y', () => ({ v: 0 })).v = 1;
        await store(b).transact(['y'], (t2) => void (t2.get('y', () => ({ v: 0 })).v = 2));
      }),
    );
    expect(e.code).toBe('BUSY');
    expect(e.message).toContain('y');
    const v = await store(c).read(['x', 'y']);
    expect(v.get('x', () => 'absent')).toBe('absent');
    expect(v.get('y', () => ({ v: 0 }))).toEqual({ v: 2 });
  });

  it('moves a branch in the same atomic push as the lease that allows it, or not at all', async () => {
    a.git('commit', '-q', '--allow-empty', '-m', 'base');
    const baseSha = a.git('rev-parse', 'HEAD');
    // Asynchronously: an in-process HTTP server must keep answering.
    await execa('git', ['push', '-q', 'origin', 'HEAD:refs/heads/main'], { cwd: a.dir, env: a.env });
    a.git('commit', '-q', '--allow-empty', '-m', 'tested 1');
    const tested1 = a.git('rev-parse', 'HEAD');
    const land = (from: string, to: string, during?: () => Promise<unknown>, extra = {}) =>
      store(a, extra).transact(['processor'], async (tx) => {
        tx.get('processor', () => ({ holder: 'a' }));
        if (during && tx.attempt === 1) await during();
        tx.pushRef('refs/heads/main', from, to);
      });
    expect((await land(baseSha, tested1)).pushed).toBe(true);
    expect(server.git('rev-parse', 'refs/heads/main')).toBe(tested1);

    // The lease document moves between the decision and the push: the branch does not move.
    a.git('commit', '-q', '--allow-empty', '-m', 'tested 2');
    const tested2 = a.git('rev-parse', 'HEAD');
    const e = await caught(
      land(
        tested1,
        tested2,
        () => store(b).transact(['processor'], (t) => void (t.get('processor', () => ({ holder: 'a' })).holder = 'b')),
        { maxAttempts: 1 },
      ),
    );
    expect(e.code).toBe('BUSY');
    expect(server.git('rev-parse', 'refs/heads/main')).toBe(tested1);

    // A protected branch (here a hook standing in for the forge's rule): refused, the lease document untouched.
    const gen = (await store(c).read(['processor'])).gen('processor');
    server.preReceive('while read old new ref; do [ "$ref" = refs/heads/main ] && { echo "main is protected" >&2; exit 1; }; done; exit 0');
    try {
      const r = await caught(land(tested1, tested2));
      expect(r.code).toBe('REMOTE_REJECTED');
      expect(r.message).toContain('main is protected');
    } finally {
      server.preReceive(undefined);
    }
    expect(server.git('rev-parse', 'refs/heads/main')).toBe(tested1);
    expect((await store(c).read(['processor'])).gen('processor')).toBe(gen);
  });

  it('deletes a document as a leased tombstone that reads as absent', async () => {
    await store(a).transact(['gone'], (tx) => void (tx.get('gone', () => ({ k: 1 })).k = 2));
    await store(b).transact(['gone'], (tx) => tx.delete('gone'));
    const v = await store(c).read(['gone']);
    expect(v.get('gone', () => 'absent')).toBe('absent');
    expect(v.gen('gone')).toBe(2);
  });

  it('waits out a slow pre-receive hook and refuses clearly at a rejecting one', async () => {
    server.preReceive('sleep 1');
    try {
      await Promise.all([a, b].map((m) => store(m).transact(['slow'], (tx) => void tx.get('slow', () => ({ n: 0 })).n++)));
      expect((await store(c).read(['slow'])).get('slow', () => ({ n: 0 }))).toEqual({ n: 2 });
    } finally {
      server.preReceive(undefined);
    }
    server.preReceive('echo "no writes to refs/lanes here" >&2; exit 1');
    try {
      const e = await caught(store(a).transact(['slow'], (tx) => void tx.get('slow', () => ({ n: 0 })).n++));
      expect(e.code).toBe('REMOTE_REJECTED');
      expect(e.message).toMatch(/pre-receive hook declined.*no writes to refs\/lanes here/);
    } finally {
      server.preReceive(undefined);
    }
    expect((await store(c).read(['slow'])).get('slow', () => ({ n: 0 }))).toEqual({ n: 2 });
  });

  it('is honest offline: OFFLINE errors, a cached view with its age, and back to work after a restart', async () => {
    const sa = store(a, { offlineRetries: 1 });
    await sa.transact(['off'], (tx) => void (tx.get('off', () => ({ n: 0 })).n = 1));
    const before = (await sa.read(['off'])).fetchedAt!;
    await server.stop();
    const e = await caught(sa.read(['off']));
    expect(e.code).toBe('OFFLINE');
    expect(e.message).toContain('Could not reach the remote "origin"');
    expect(e.hint).toMatch(/still works/);
    const w = await caught(sa.transact(['off'], (tx) => void tx.get('off', () => ({ n: 0 })).n++));
    expect(w.code).toBe('OFFLINE');
    const cached = await sa.readCached(['off']);
    expect(cached.get('off', () => ({ n: 0 }))).toEqual({ n: 1 });
    expect(cached.fetchedAt).toBeGreaterThanOrEqual(before);
    await server.start();
    expect((await sa.transact(['off'], (tx) => void tx.get('off', () => ({ n: 0 })).n++)).pushed).toBe(true);
    expect((await store(b).read(['off'])).get('off', () => ({ n: 0 }))).toEqual({ n: 2 });
  });

  if (kind === 'http') {
    it('rides out a few 503s and reports OFFLINE when they do not stop', async () => {
      const http = server as HttpGitServer;
      http.failNext(1);
      expect((await store(a).transact(['flaky'], (tx) => void (tx.get('flaky', () => ({ n: 0 })).n = 1))).pushed).toBe(true);
      http.failNext(1000);
      try {
        const e = await caught(store(a, { offlineRetries: 1 }).read(['flaky']));
        expect(e.code).toBe('OFFLINE');
        expect(e.message).toMatch(/503/);
      } finally {
        http.failNext(0);
      }
    });

    it('does not apply a push twice when its answer was lost', async () => {
      const http = server as HttpGitServer;
      await store(a).transact(['once'], (tx) => void (tx.get('once', () => ({ n: 0 })).n = 1));
      http.loseNextPushAnswers(1);
      let runs = 0;
      const r = await store(b).transact(['once'], (tx) => {
        runs++;
        tx.get('once', () => ({ n: 0 })).n++;
        return 'incremented';
      });
      expect(r).toMatchObject({ result: 'incremented', pushed: true });
      expect(runs).toBe(1);
      expect((await store(c).read(['once'])).get('once', () => ({ n: 0 }))).toEqual({ n: 2 });
    });
  }

  it('never grants a key twice: 3 machines x 2 processes racing for overlapping keys', async () => {
    const dir = tempDir('lanes-race-');
    await bundleChild(CLAIMER);
    const barrier = makeBarrier(dir);
    const keys = ['k1', 'k2', 'k3', 'k4'];
    const children = [];
    for (const m of machines) {
      for (const w of ['p1', 'p2']) {
        // Each worker tries three of the four keys, in its own order: every key is contested.
        const mine = keys
          .slice()
          .sort(() => Math.random() - 0.5)
          .slice(0, 3)
          .join(',');
        children.push(spawnChild(CLAIMER, [m.dir, m.name, w, barrier.path, mine], { env: m.env, timeoutMs: 120_000 }));
      }
    }
    // Not awaited one by one: awaiting a child waits for it to exit, and they wait for the barrier.
    barrier.release();
    const outs = await Promise.all(children);
    const grants = new Map<string, string[]>();
    const errors: string[] = [];
    for (const o of outs) {
      expect(o.exitCode, String(o.stderr)).toBe(0);
      const { me, results } = JSON.parse(String(o.stdout)) as {
        me: string;
        results: Array<{ key: string; granted?: boolean; error?: string }>;
      };
      for (const r of results) {
        if (r.error) errors.push(`${me} ${r.key}: ${r.error}`);
        if (r.granted) grants.set(r.key, [...(grants.get(r.key) ?? []), me]);
      }
    }
    // The oracle: at most one grant per key, and the remote's final state says exactly that.
    for (const [key, who] of grants) expect(who, key).toHaveLength(1);
    const v = await store(c).read(['claims', 'grants']);
    const holders = v.get('claims', () => ({ holders: {} as Record<string, string> })).holders;
    expect(Object.fromEntries([...grants].map(([k, w]) => [k, w[0]]))).toEqual(holders);
    expect(v.get('grants', () => ({ n: 0 })).n).toBe(grants.size);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(errors).toEqual([]);
    expect(grants.size).toBe(
      new Set(outs.flatMap((o) => (JSON.parse(String(o.stdout)) as { results: Array<{ key: string }> }).results.map((r) => r.key))).size,
    );
  }, 180_000);
});
