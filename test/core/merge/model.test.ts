/** The pure parts of the queue: ordering, batch sizing, merge-tree --stdin parsing. */
import { describe, expect, it } from 'vitest';
import { mergeCheckMany } from '../../../src/git/merge.js';
import { effectiveBatchSize, emptyQueue, type MergeEntry } from '../../../src/core/merge/model.js';
import { pickBatch, positions } from '../../../src/core/merge/order.js';
import type { StoredPlan, TasksDoc } from '../../../src/core/plan/tasks.js';
import { makeRepo } from '../../helpers/repo.js';

function entry(seq: number, task: string, extra: Partial<MergeEntry> = {}): MergeEntry {
  return {
    id: `m${seq}`,
    seq,
    task,
    kind: 'land',
    ref: `refs/heads/lanes/${task}`,
    tip: 'x',
    strategy: 'merge',
    target: 'main',
    state: 'queued',
    queued_at: '',
    attempts: 0,
    ...extra,
  };
}

const plan = {
  tasks: [
    { id: 'a', depends_on: [] },
    { id: 'b', depends_on: ['a'] },
    { id: 'c', depends_on: [] },
    { id: 'd', depends_on: ['b'] },
  ],
} as unknown as StoredPlan;

describe('queue order', () => {
  it('is FIFO, skips an entry whose dependency is neither done nor ahead of it in the batch, and keeps places', () => {
    const doc = { ...emptyQueue(), entries: [entry(1, 'b'), entry(2, 'c'), entry(3, 'a'), entry(4, 'd')] };
    const tasks = {} as TasksDoc;
    const one = pickBatch(doc, plan, tasks, 1);
    expect(one.batch.map((e) => e.task)).toEqual(['c']);
    expect(one.waiting.map((w) => [w.entry.task, w.on])).toEqual([
      ['b', ['a']],
      ['d', ['b']],
    ]);
    // A bigger batch takes a before b (a is ahead of b in the batch chain), and d after b.
    const all = pickBatch(
      { ...doc, entries: [entry(3, 'a'), entry(1, 'b'), entry(2, 'c'), entry(4, 'd')].sort((x, y) => x.seq - y.seq) },
      plan,
      tasks,
      8,
    );
    expect(all.batch.map((e) => e.task)).toEqual(['c', 'a']);
    const done = pickBatch(doc, plan, { a: { status: 'done' } } as unknown as TasksDoc, 8);
    expect(done.batch.map((e) => e.task)).toEqual(['b', 'c', 'a', 'd']);
    // Cancelled-while-processing and finished entries are not picked; positions count active entries only.
    const mixed = {
      ...emptyQueue(),
      entries: [entry(1, 'c', { state: 'landed' }), entry(2, 'a', { cancel_requested: true }), entry(3, 'x')],
    };
    expect(pickBatch(mixed, null, {}, 8).batch.map((e) => e.task)).toEqual(['x']);
    expect([...positions(mixed)]).toEqual([
      ['m2', 1],
      ['m3', 2],
    ]);
  });

  it('batch size shrinks with the recent failure rate (docs/performance.md: >= 20% failing, batching does not pay)', () => {
    const ok = (n: number) => Array.from({ length: n }, () => true);
    expect(effectiveBatchSize(8, [false])).toBe(8); // too few outcomes to judge
    expect(effectiveBatchSize(8, [...ok(19), false])).toBe(8);
    expect(effectiveBatchSize(8, [...ok(18), false, false])).toBe(4);
    expect(effectiveBatchSize(8, [...ok(8), false, false])).toBe(1);
    expect(effectiveBatchSize(1, [])).toBe(1);
  });

  it('merge-tree --stdin results are parsed per pair', async () => {
    const r = makeRepo({ files: { 'a.txt': 'a\n', 'b.txt': 'b\n' } });
    try {
      const branch = (name: string, file: string, content: string) => {
        r.git('checkout', '-q', '-b', name, 'main');
        r.write(file, content);
        r.commitAll(name);
        r.git('checkout', '-q', 'main');
        return r.git('rev-parse', name);
      };
      const x = branch('x', 'a.txt', 'x\n');
      const y = branch('y', 'a.txt', 'y\n');
      const z = branch('z', 'b.txt', 'z\n');
      expect(
        await mergeCheckMany(r.dir, [
          [x, y],
          [x, z],
          [y, z],
          [x, y],
        ]),
      ).toEqual([['a.txt'], [], [], ['a.txt']]);
      expect(await mergeCheckMany(r.dir, [])).toEqual([]);
    } finally {
      r.cleanup();
    }
  });
});
