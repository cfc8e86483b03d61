import { describe, expect, it } from 'vitest';
import { buildGraph, type GraphTask, type TaskGraph } from '../../../src/core/plan/graph.js';
import { errorOf } from './helpers.js';

const t = (id: string, ...depends_on: string[]): GraphTask => ({ id, depends_on });
const deps = (g: TaskGraph, i: number): number[] => [...g.depList.subarray(g.depStart[i], g.depStart[i + 1])];
const dependents = (g: TaskGraph, i: number): number[] => [...g.outList.subarray(g.outStart[i], g.outStart[i + 1])];

describe('buildGraph', () => {
  it('orders every task after its dependencies, ties in input order', () => {
    const g = buildGraph([t('d', 'b', 'c'), t('b', 'a'), t('a'), t('c', 'a'), t('e')]);
    expect([...g.order].map((i) => g.ids[i])).toEqual(['a', 'e', 'b', 'c', 'd']);
    expect(deps(g, 0).map((i) => g.ids[i])).toEqual(['b', 'c']);
    expect(dependents(g, 2).map((i) => g.ids[i])).toEqual(['b', 'c']);
  });

  it('drops repeated dependencies', () => {
    const g = buildGraph([t('a'), t('b', 'a', 'a')]);
    expect(deps(g, 1)).toEqual([0]);
    expect(dependents(g, 0)).toEqual([1]);
  });

  it('names a cycle as a -> b -> c -> a, starting at the earliest task', () => {
    const e = errorOf(() => buildGraph([t('x'), t('c', 'a'), t('a', 'b'), t('b', 'c'), t('d', 'a')]));
    expect(e.message).toBe('Dependency cycle: c -> a -> b -> c ("a -> b" means a depends on b).');
    expect(e.details).toEqual({ cycle: ['c', 'a', 'b', 'c'] });
    expect(errorOf(() => buildGraph([t('a', 'b'), t('b', 'a')])).message).toContain('a -> b -> a');
  });

  it('finds a cycle behind tasks that only wait on it', () => {
    const e = errorOf(() => buildGraph([t('w', 'p'), t('p', 'q'), t('q', 'r'), t('r', 'q')]));
    expect(e.message).toContain('q -> r -> q');
  });

  it('reports an unknown dependency naming the task and suggesting close ids', () => {
    const e = errorOf(() => buildGraph([t('db-schema'), t('api', 'db-shema'), t('ui', 'nothing-like-it')]));
    expect(e.message).toContain('task "api" depends on unknown task "db-shema" (did you mean "db-schema"?)');
    expect(e.message).toContain('task "ui" depends on unknown task "nothing-like-it"');
    expect(e.message).not.toContain('nothing-like-it" (did you mean');
  });

  it('reports duplicates, self-dependencies and bad ids together', () => {
    const e = errorOf(() =>
      buildGraph([t('a'), t('a'), t('b', 'b'), { id: 'Not A Slug', depends_on: [] }, { id: 42 as unknown as string, depends_on: [] }]),
    );
    expect(e.message).toContain('task id "a" is used twice: tasks[0] and tasks[1]');
    expect(e.message).toContain('task "b" depends on itself');
    expect(e.message).toContain('tasks[3]: invalid id "Not A Slug"');
    expect(e.message).toContain('(for example "not-a-slug")');
    expect(e.message).toContain('tasks[4]: invalid id "42"');
    expect((e.details as { problems: string[] }).problems).toHaveLength(4);
  });

  it('handles long chains and long cycles without recursion', () => {
    const n = 50_000;
    const chain = Array.from({ length: n }, (_, i) => t(`t${i}`, ...(i ? [`t${i - 1}`] : [])));
    const g = buildGraph(chain);
    expect(g.order[0]).toBe(0);
    expect(g.order[n - 1]).toBe(n - 1);
    chain[0] = t('t0', `t${n - 1}`);
    const e = errorOf(() => buildGraph(chain));
    expect((e.details as { cycle: string[] }).cycle).toHaveLength(n + 1);
    expect(e.message).toMatch(/^Dependency cycle: t0 -> t49999 -> .* -> t49991 -> \.\.\. 49985 more \.\.\. -> t5 -> .* -> t1 -> t0 /);
  });
});
