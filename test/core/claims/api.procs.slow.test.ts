/**
 * Claims under real concurrency: separate processes started together behind a barrier, checked
 * by an independent oracle (picomatch over a finite universe, never the product's automaton).
 * A failure prints its seed (replay: LANES_FAULT_SEED=<seed>); LANES_FAULT_BIG=1 runs 16 x 1,000.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLAIMS_DOC } from '../../../src/core/claims/model.js';
import { claimFiles, listClaims } from '../../../src/core/claims/api.js';
import { StateStore } from '../../../src/state/index.js';
import { bundleChild, makeBarrier, spawnChild } from '../../helpers/child.js';
import { tempDir } from '../../helpers/repo.js';
import { BIG, faultSeed } from '../../helpers/faults.js';
import { intersectsCached, modesConflict } from './children/claims-oracle.js';

const CHILD = path.join(import.meta.dirname, 'children', 'claims-child.ts');

interface Grant {
  owner: string;
  round: number;
  ok: true;
  patterns: string[];
  mode: string;
  /** Wall interval inside the hold (monotonic µs, one clock for all processes). */
  t0: number;
  t1: number;
  /** Versions of the claims doc read at the start and end of the hold; both contain the grant. */
  v0: number;
  v1: number;
  seen: Array<[number, string]>;
  missing: string[];
  doubles: string[];
}

// CI runs the bounded form; LANES_FAULT_BIG=1 the big one (minutes) for developers.
const PROCS = 16;
const ROUNDS = BIG ? 1000 : 150;

let root: string;
let dir: string;
beforeEach(() => {
  root = tempDir('lanes-claims-procs-');
  dir = path.join(root, 'lanes');
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function leftovers(d: string): string[] {
  return fs.readdirSync(d).filter((n) => n.endsWith('.lock') || n.endsWith('.tmp') || n === 'commit.json');
}

describe('claims across processes', () => {
  it.each([
    ['each write alone under the lock', false],
    ['through the claim service (every process offers to serve it, as MCP servers do)', true],
  ])(
    `${PROCS} processes x ${ROUNDS} claims, %s: 0 double grants (by version and by time), no lost claim, nothing left behind`,
    async (_how, serve) => {
      const seed = faultSeed(import.meta.filename);
      await StateStore.open(dir);
      await bundleChild(CHILD);
      const barrier = makeBarrier(root);
      const outs = Array.from({ length: PROCS }, (_, i) => path.join(root, `grants-${i}.jsonl`));
      const kids = outs.map((out, i) =>
        spawnChild(
          CHILD,
          [
            'stress',
            JSON.stringify({
              dir,
              owner: `child:${i}`,
              barrier: barrier.path,
              out,
              rounds: ROUNDS,
              seed: (seed + i) >>> 0,
              holdMs: [2, 12],
              serve,
            }),
          ],
          {
            timeoutMs: BIG ? 1_800_000 : 240_000,
          },
        ),
      );
      // Released once every child is waiting at it (each child has bundled and opened the store).
      await new Promise((r) => setTimeout(r, 300));
      barrier.release();
      const results = await Promise.all(kids.map(async (k) => await k));
      for (const r of results) expect(r.exitCode, String(r.stderr)).toBe(0);

      const lines = outs.flatMap((f) =>
        fs
          .readFileSync(f, 'utf8')
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as Record<string, any>),
      );
      const held = lines.filter((l) => l.ok === true) as Grant[];
      const refused = lines.reduce((n, l) => n + (l.refused ?? 0), 0);
      expect(held.length + refused).toBe(PROCS * ROUNDS);
      // The pool is contended: both outcomes must occur, or the test proves nothing.
      expect(held.length).toBeGreaterThan(PROCS * ROUNDS * 0.1);
      expect(refused).toBeGreaterThan(PROCS * ROUNDS * 0.1);

      // 1. No claims doc any process read ever held two owners' conflicting claims.
      expect(held.flatMap((g) => g.doubles)).toEqual([]);
      // 2. One version, one content: no two commits of the claims doc ever shared a version number.
      const byVersion = new Map<number, string>();
      const forked: string[] = [];
      for (const g of held) {
        for (const [v, h] of g.seen) {
          const prev = byVersion.get(v);
          if (prev === undefined) byVersion.set(v, h);
          else if (prev !== h) forked.push(`version ${v}: ${prev} and ${h}`);
        }
      }
      expect(forked).toEqual([]);
      // 3. Intervals: a grant is in every version from v0 to v1 (only its owner's release removes it,
      // and the owners are alive with long leases) and held through [t0, t1]. Two conflicting grants
      // whose intervals overlap, in versions or in time, were granted at once.
      const overlaps = (key: 'v' | 't') => {
        const lo = (g: Grant) => (key === 'v' ? g.v0 : g.t0);
        const hi = (g: Grant) => (key === 'v' ? g.v1 : g.t1);
        const sorted = [...held].sort((x, y) => lo(x) - lo(y));
        const bad: string[] = [];
        let pairs = 0;
        for (let i = 0; i < sorted.length; i++) {
          const x = sorted[i]!;
          for (let j = i + 1; j < sorted.length && lo(sorted[j]!) <= hi(x); j++) {
            const y = sorted[j]!;
            if (x.owner === y.owner || (key === 't' && lo(y) === hi(x))) continue;
            pairs++;
            if (!modesConflict(x.mode, y.mode)) continue;
            for (const p of x.patterns)
              for (const q of y.patterns)
                if (intersectsCached(p, q)) bad.push(`${x.owner} ${x.mode} ${p} and ${y.owner} ${y.mode} ${q} overlap (${key})`);
          }
        }
        return { bad, pairs };
      };
      const byV = overlaps('v');
      const byT = overlaps('t');
      expect(byV.bad).toEqual([]);
      expect(byT.bad).toEqual([]);
      // Holders must overlap, or nothing was tested.
      expect(
        byT.pairs,
        `held ${held.length}, refused ${refused}, pairs overlapping in time ${byT.pairs}, in versions ${byV.pairs}`,
      ).toBeGreaterThan(PROCS);
      expect(byV.pairs).toBeGreaterThan(PROCS);
      expect(held.flatMap((g) => g.missing)).toEqual([]);
      expect(lines.filter((l) => l.lost_on_release)).toEqual([]);

      const store = await StateStore.open(dir);
      expect((await store.read(CLAIMS_DOC)).data.claims).toEqual([]);
      const claimed = (await store.readEvents()).filter((e) => e.type === 'claims.claimed');
      expect(claimed).toHaveLength(held.length);
      expect(leftovers(dir)).toEqual([]);
      // Through the service, writes of several processes went together into one transaction
      // (the processes serving came and went as they finished: each left its socket behind).
      const served = lines.filter((l) => l.served).map((l) => l.served as { writes: number; batches: number });
      const writes = served.reduce((n, x) => n + x.writes, 0);
      const batches = served.reduce((n, x) => n + x.batches, 0);
      if (serve) expect(writes, `${writes} writes in ${batches} batches`).toBeGreaterThan(batches);
      else expect(writes).toBe(0);
    },
    BIG ? 1_900_000 : 250_000,
  );

  it('reclaims the claims of a SIGKILLed holder (dead pid) and logs it', async () => {
    const store = await StateStore.open(dir);
    const ready = path.join(root, 'ready');
    const child = spawnChild(CHILD, ['hold', JSON.stringify({ dir, owner: 'session:doomed', paths: ['src/api/**', 'README.md'], ready })]);
    for (let i = 0; i < 500 && !fs.existsSync(ready); i++) await new Promise((r) => setTimeout(r, 20));
    const pid = Number(fs.readFileSync(ready, 'utf8'));
    const e = await claimFiles(store, { owner: 'task:next', paths: ['src/api/x.ts'] }).catch((x: unknown) => x);
    expect((e as Error).message).toContain('held by session:doomed');
    process.kill(pid, 'SIGKILL');
    const r = await child;
    expect(r.signal).toBe('SIGKILL');
    // Listing reclaims too (lazily); then the path is free.
    expect(await listClaims(store)).toEqual([]);
    await claimFiles(store, { owner: 'task:next', paths: ['src/api/x.ts'] });
    const ev = (await store.readEvents()).filter((x) => x.type === 'claims.reclaimed');
    expect(ev).toEqual([
      expect.objectContaining({ owner: 'session:doomed', reason: 'dead-pid', holder_pid: pid, paths: ['src/api/**', 'README.md'] }),
    ]);
    expect(leftovers(dir)).toEqual([]);
  });
});
