import { describe, expect, it } from 'vitest';
import type { PlanSummary, TaskBrief } from '../../src/core/status/plan.js';
import type { StatusReport } from '../../src/core/status/status.js';
import { layoutGraph, NODE_H, NODE_W } from '../../src/dashboard/layout.js';

function report(
  waves: Array<Array<[string, string[]]>>,
  conflicts: Array<[string, string]> = [],
): Pick<StatusReport, 'plan' | 'lanes' | 'merge' | 'run'> {
  const plan: PlanSummary = {
    tasks: waves.flat().length,
    by_status: { planned: waves.flat().length, in_progress: 0, done: 0, blocked: 0, failed: 0 },
    progress: 0,
    waves: waves.map((w, i) => ({
      wave: i + 1,
      done: 0,
      tasks: w.map(([id, deps]): TaskBrief => ({ id, title: id, status: 'planned', wave: i + 1, depends_on: deps, estimate: 1 })),
    })),
    conflicts: conflicts.map(([a, b]) => ({ a, b, files: [] })),
    critical_path: [],
    parallelism: 4,
    speedup: 1,
  };
  return { plan, lanes: [], merge: { processor: { running: false }, queue: [], recent: [], recent_failure_rate: 0 }, run: null };
}

const overlap = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.abs(a.x - b.x) < NODE_W && Math.abs(a.y - b.y) < NODE_H;

describe('graph layout', () => {
  it('is empty without a plan', () => {
    expect(layoutGraph({ ...report([]), plan: null }).nodes).toEqual([]);
  });

  it('puts each wave in its own column, one node per task, none overlapping, all inside the canvas', () => {
    const g = layoutGraph(
      report([
        [
          ['a', []],
          ['b', []],
          ['c', []],
        ],
        [
          ['d', ['a']],
          ['e', ['c']],
        ],
        [['f', ['d', 'e']]],
      ]),
    );
    expect(g.nodes.map((n) => n.id).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    const xs = (ids: string[]) => new Set(g.nodes.filter((n) => ids.includes(n.id)).map((n) => n.x));
    expect(xs(['a', 'b', 'c']).size).toBe(1);
    expect([...xs(['a'])][0]).toBeLessThan([...xs(['d'])][0]!);
    expect([...xs(['d'])][0]).toBeLessThan([...xs(['f'])][0]!);
    for (const a of g.nodes) {
      expect(a.x + a.w).toBeLessThanOrEqual(g.width);
      expect(a.y + a.h).toBeLessThanOrEqual(g.height);
      for (const b of g.nodes) if (a !== b) expect(overlap(a, b), `${a.id} / ${b.id}`).toBe(false);
    }
    expect(g.columns.map((c) => c.wave)).toEqual([1, 2, 3]);
  });

  it('draws an edge per dependency, from the dependency to the task, and conflicts as their own edges', () => {
    const g = layoutGraph(
      report(
        [
          [
            ['a', []],
            ['b', []],
          ],
          [
            ['c', ['a']],
            ['d', ['a', 'b']],
          ],
        ],
        [['c', 'd']],
      ),
    );
    const deps = g.edges
      .filter((e) => e.kind === 'dep')
      .map((e) => `${e.from}>${e.to}`)
      .sort();
    expect(deps).toEqual(['a>c', 'a>d', 'b>d']);
    const conflicts = g.edges.filter((e) => e.kind === 'conflict');
    expect(conflicts).toHaveLength(1);
    // Same column: an arc out to the right of the column.
    const c = g.nodes.find((n) => n.id === 'c')!;
    expect(conflicts[0]!.d).toMatch(new RegExp(`^M${c.x + c.w},`));
    for (const e of g.edges) expect(e.d).toMatch(/^M[\d.]+,[\d.]+ C/);
  });

  it('orders a column by its dependencies to avoid crossings', () => {
    // Plan order would cross: x depends on the bottom task, y on the top one.
    const g = layoutGraph(
      report([
        [
          ['top', []],
          ['bottom', []],
        ],
        [
          ['x', ['bottom']],
          ['y', ['top']],
        ],
      ]),
    );
    const y = (id: string) => g.nodes.find((n) => n.id === id)!.y;
    expect(y('y')).toBeLessThan(y('x'));
  });

  it('routes an edge that skips a wave through a gap, not through the nodes in between', () => {
    const g = layoutGraph(
      report([
        [['a', []]],
        [
          ['m1', ['a']],
          ['m2', ['a']],
          ['m3', ['a']],
        ],
        [['z', ['a', 'm2']]],
      ]),
    );
    const e = g.edges.find((x) => x.from === 'a' && x.to === 'z')!;
    const mids = g.nodes.filter((n) => n.wave === 2);
    // The straight segment across wave 2 runs at a y no middle node covers.
    const seg = /L([\d.]+),([\d.]+)/.exec(e.d)!;
    const ySeg = Number(seg[2]);
    for (const n of mids) expect(ySeg > n.y && ySeg < n.y + n.h, n.id).toBe(false);
  });

  it('marks tasks in the merge queue and a running lanes run', () => {
    const r = report([
      [
        ['a', []],
        ['b', []],
      ],
    ]);
    r.merge.queue.push({ id: 'm1', task: 'a', kind: 'land', state: 'gating', queued_at: new Date().toISOString(), attempts: 1 });
    r.run = { state: 'running', tasks: { running: 1 }, items: [{ task: 'b', state: 'retry', attempts: 2 }] };
    const g = layoutGraph(r);
    expect(g.nodes.find((n) => n.id === 'a')!.merge).toBe('gating');
    expect(g.nodes.find((n) => n.id === 'b')).toMatchObject({ run: 'retry', attempts: 2 });
  });
});
