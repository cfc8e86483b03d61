import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/core/plan/graph.js';
import { schedule, simulate } from '../../../src/core/plan/schedule.js';
import { findConflicts } from '../../../src/core/plan/scope-index.js';
import { rng } from '../../helpers/prng.js';

interface T {
  id: string;
  estimate: number;
  depends_on?: string[];
  files?: string[];
  parallel_ok?: boolean;
}

function run(list: T[], p: number) {
  const tasks = list.map((t) => ({ depends_on: [], files: [], parallel_ok: true, ...t }));
  const graph = buildGraph(tasks);
  const conflicts = findConflicts(tasks);
  return { ...schedule(tasks, graph, conflicts, p), sim: simulate(tasks, graph, conflicts, p), conflicts };
}

describe('schedule: hand-computed examples', () => {
  // a -> {b, c} -> d is a diamond; e conflicts with b (src/b/x.ts is under src/b/).
  const diamond: T[] = [
    { id: 'a', estimate: 2, files: ['src/a/'] },
    { id: 'b', estimate: 3, depends_on: ['a'], files: ['src/b/'] },
    { id: 'c', estimate: 1, depends_on: ['a'], files: ['src/c/'] },
    { id: 'd', estimate: 2, depends_on: ['b', 'c'], files: ['src/d/'] },
    { id: 'e', estimate: 1, files: ['src/b/x.ts'] },
  ];

  it('diamond with two workers', () => {
    const r = run(diamond, 2);
    expect(r.waves).toEqual([['a', 'e'], ['b', 'c'], ['d']]);
    expect(r.critical_path).toEqual(['a', 'b', 'd']);
    expect(r.critical_path_hours).toBe(7);
    expect(r.sequential_hours).toBe(9);
    // a 0-2 and e 0-1; b 2-5 and c 2-3; d 5-7.
    expect(r.sim.start).toEqual([0, 2, 2, 5, 0]);
    expect(r.parallel_hours).toBe(7);
    expect(r.lower_bound_hours).toBe(7);
    expect(r.speedup).toBe(1.29);
  });

  it('one worker runs everything in sequence', () => {
    const r = run(diamond, 1);
    expect(r.parallel_hours).toBe(9);
    expect(r.lower_bound_hours).toBe(9);
    expect(r.speedup).toBe(1);
  });

  it('never runs conflicting tasks together, even with free workers', () => {
    const r = run(
      [
        { id: 'x', estimate: 4, files: ['src/shared.ts'] },
        { id: 'y', estimate: 4, files: ['src/*.ts'] },
        { id: 'z', estimate: 1, files: ['docs/'] },
      ],
      3,
    );
    expect(r.conflicts.map((c) => [c.a, c.b])).toEqual([['x', 'y']]);
    expect(r.waves).toEqual([['x', 'z'], ['y']]);
    expect(r.sim.start).toEqual([0, 4, 0]);
    expect(r.parallel_hours).toBe(8);
    expect(r.critical_path).toEqual(['x']);
    expect(r.lower_bound_hours).toBe(4); // the bound ignores conflicts; the schedule cannot
    expect(r.speedup).toBe(1.13);
  });

  it('runs a parallel_ok: false task alone, in a wave of its own', () => {
    const r = run(
      [
        { id: 'rename', estimate: 2, parallel_ok: false, files: ['scripts/rename.ts'] },
        { id: 'p', estimate: 1, files: ['a/'] },
        { id: 'q', estimate: 1, files: ['b/'] },
        { id: 's', estimate: 1, depends_on: ['rename'], files: ['c/'] },
      ],
      2,
    );
    expect(r.waves).toEqual([['rename'], ['p', 'q', 's']]);
    expect(r.sim.start).toEqual([0, 2, 2, 3]);
    expect(r.parallel_hours).toBe(4);
    expect(r.critical_path).toEqual(['rename', 's']);
    expect(r.lower_bound_hours).toBe(3);
    expect(r.speedup).toBe(1.25);
  });

  it('keeps workers from starting lower-priority work while a solo task waits', () => {
    const r = run(
      [
        { id: 'long', estimate: 5 },
        { id: 'x', estimate: 1 },
        { id: 'solo', estimate: 1, depends_on: ['x'], parallel_ok: false },
        { id: 'after', estimate: 5, depends_on: ['solo'] },
        { id: 'filler', estimate: 1 },
      ],
      2,
    );
    // x 0-1 and long 0-5; solo is ready at 1 but waits for long; filler (lower priority) must
    // not start meanwhile: it runs beside `after` instead.
    expect(r.sim.start).toEqual([0, 0, 5, 6, 6]);
    expect(r.parallel_hours).toBe(11);
    expect(r.waves).toEqual([['long', 'x', 'filler'], ['solo'], ['after']]);
  });

  it('rounds hours to two decimals', () => {
    const r = run(
      [
        { id: 'a', estimate: 0.1 },
        { id: 'b', estimate: 0.2, depends_on: ['a'] },
        { id: 'c', estimate: 1 / 3 },
      ],
      2,
    );
    expect(r.critical_path).toEqual(['c']);
    expect(r.critical_path_hours).toBe(0.33);
    expect(r.sequential_hours).toBe(0.63);
    expect(r.lower_bound_hours).toBe(0.33);
  });
});

describe('schedule: invariants on random graphs', () => {
  it('respects dependencies, conflicts, solo tasks, the worker count and the bounds', () => {
    const r = rng(3);
    for (let round = 0; round < 150; round++) {
      const n = 2 + Math.floor(r() * 25);
      const p = 1 + Math.floor(r() * 5);
      const list: T[] = [];
      for (let i = 0; i < n; i++) {
        const deps = new Set<string>();
        for (let k = 0; k < 3 && i > 0; k++) if (r() < 0.4) deps.add(`t${Math.floor(r() * i)}`);
        list.push({
          id: `t${i}`,
          estimate: 0.5 + Math.floor(r() * 8) / 2,
          depends_on: [...deps],
          files: [`m${Math.floor(r() * 12)}/`],
          parallel_ok: r() > 0.08,
        });
      }
      const res = run(list, p);
      const { start } = res.sim;
      const end = list.map((t, i) => start[i]! + t.estimate);
      const idx = new Map(list.map((t, i) => [t.id, i]));
      const clash = new Set(res.conflicts.map((c) => `${idx.get(c.a)}:${idx.get(c.b)}`));
      const wave = new Map(res.waves.flatMap((w, k) => w.map((id) => [id, k] as const)));
      expect(wave.size).toBe(n);
      for (let i = 0; i < n; i++) {
        for (const d of list[i]!.depends_on!) {
          expect(start[i]).toBeGreaterThanOrEqual(end[idx.get(d)!]! - 1e-9);
          expect(wave.get(`t${i}`)!).toBeGreaterThan(wave.get(d)!);
        }
        if (!list[i]!.parallel_ok) expect(res.waves[wave.get(`t${i}`)!]).toEqual([`t${i}`]);
        let running = 0;
        for (let j = 0; j < n; j++) {
          const overlap = start[j]! <= start[i]! + 1e-9 && end[j]! > start[i]! + 1e-9;
          if (!overlap) continue;
          running++;
          if (j === i) continue;
          expect(list[i]!.parallel_ok && list[j]!.parallel_ok, `t${i} and t${j} overlap, one is solo`).toBe(true);
          expect(clash.has(`${Math.min(i, j)}:${Math.max(i, j)}`) || clash.has(`${Math.max(i, j)}:${Math.min(i, j)}`)).toBe(false);
        }
        expect(running).toBeLessThanOrEqual(p);
      }
      for (const c of res.conflicts) expect(wave.get(c.a)).not.toBe(wave.get(c.b));
      expect(res.parallel_hours).toBeGreaterThanOrEqual(res.lower_bound_hours - 0.01);
      expect(res.parallel_hours).toBeLessThanOrEqual(res.sequential_hours + 0.01);
      expect(res.parallel_hours).toBe(Math.round(Math.max(...end) * 100) / 100);
    }
  });
});
