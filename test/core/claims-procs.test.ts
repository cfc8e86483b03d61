/**
 * Claims under real concurrency: separate processes started together behind a barrier, checked
 * by an independent oracle (picomatch over a finite universe, never the product's automaton).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLAIMS_DOC, claimFiles, emptyClaims, listClaims, type ClaimsDoc } from '../../src/core/claims.js';
import { StateStore } from '../../src/state/index.js';
import { bundleChild, makeBarrier, spawnChild } from '../helpers/child.js';
import { tempDir } from '../helpers/repo.js';
import { modesConflict, oracleIntersects } from './children/claims-oracle.js';

const CHILD = path.join(import.meta.dirname, 'children', 'claims-child.ts');

interface Attempt {
  owner: string;
  round: number;
  ok?: boolean;
  patterns: string[];
  mode: string;
  t0?: number;
  t1?: number;
  missing?: string[];
  lost_on_release?: string[];
}

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
  it('20 processes x 15 rounds: never two overlapping exclusive holders, no lost claim, nothing left behind', async () => {
    await StateStore.open(dir);
    await bundleChild(CHILD);
    const N = 20;
    const ROUNDS = 15;
    const barrier = makeBarrier(root);
    const out = path.join(root, 'attempts.jsonl');
    const kids = Array.from({ length: N }, (_, i) =>
      spawnChild(CHILD, ['stress', JSON.stringify({ dir, owner: `child:${i}`, barrier: barrier.path, out, rounds: ROUNDS, seed: 1000 + i })], {
        timeoutMs: 55_000,
      }),
    );
    await new Promise((r) => setTimeout(r, 300));
    barrier.release();
    const results = await Promise.all(kids.map(async (k) => await k));
    for (const r of results) expect(r.exitCode, String(r.stderr)).toBe(0);

    const lines = fs.readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Attempt);
    const held = lines.filter((l) => l.ok === true);
    expect(lines.filter((l) => l.ok !== undefined)).toHaveLength(N * ROUNDS);
    // The pool is contended: both outcomes must occur, and holders must overlap in time, or the
    // test proves nothing.
    expect(held.length).toBeGreaterThan(N * ROUNDS * 0.1);
    expect(lines.filter((l) => l.ok === false).length).toBeGreaterThan(N);

    const violations: string[] = [];
    let concurrent = 0;
    for (let i = 0; i < held.length; i++) {
      const x = held[i]!;
      for (let j = i + 1; j < held.length; j++) {
        const y = held[j]!;
        if (x.owner === y.owner || !(x.t0! < y.t1! && y.t0! < x.t1!)) continue;
        concurrent++;
        if (!modesConflict(x.mode, y.mode)) continue;
        for (const p of x.patterns) {
          for (const q of y.patterns) if (oracleIntersects(p, q)) violations.push(`${x.owner} ${x.mode} ${p} and ${y.owner} ${y.mode} ${q} overlap in time`);
        }
      }
    }
    expect(violations).toEqual([]);
    expect(concurrent, `held ${held.length}, refused ${lines.length - held.length}, concurrent pairs ${concurrent}`).toBeGreaterThan(N);
    expect(held.flatMap((l) => l.missing ?? [])).toEqual([]);
    expect(lines.filter((l) => l.lost_on_release)).toEqual([]);

    const store = await StateStore.open(dir);
    expect((await store.read<ClaimsDoc>(CLAIMS_DOC, emptyClaims)).data.claims).toEqual([]);
    const claimed = (await store.readEvents()).filter((e) => e.type === 'claims.claimed');
    expect(claimed).toHaveLength(held.length);
    expect(leftovers(dir)).toEqual([]);
  });

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
    expect(ev).toEqual([expect.objectContaining({ owner: 'session:doomed', reason: 'dead-pid', holder_pid: pid, paths: ['src/api/**', 'README.md'] })]);
    expect(leftovers(dir)).toEqual([]);
  });
});
