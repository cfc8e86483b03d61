import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { parse } from 'yaml';
import { buildPlan, PLAN_LIMITS } from '../../../src/core/plan/plan.js';
import { TasksSchema, isSlugText, parseTasks, parseWithSchema, quickParse } from '../../../src/core/plan/model.js';
import { errorOf } from './helpers.js';
import { rng } from '../../helpers/prng.js';
import { SLUG_RE } from '../../../src/util/slug.js';

const task = (id: string, extra: Record<string, unknown> = {}) => ({ id, title: `Task ${id}`, ...extra });

describe('buildPlan on examples/tasks.yaml', () => {
  const sample = parse(fs.readFileSync('examples/tasks.yaml', 'utf8'));

  it('gives three waves, one conflict and the diamond critical path', () => {
    const plan = buildPlan(sample, { parallelism: 3 });
    expect(plan.tasks).toHaveLength(8);
    expect(plan.waves).toEqual([
      ['db-schema', 'password-hashing', 'login-page'],
      ['user-model', 'session-store', 'signup-page'],
      ['login-api', 'signup-api'],
    ]);
    expect(plan.conflicts).toEqual([
      { a: 'login-page', b: 'signup-page', files: ['src/ui/router.tsx ∩ src/ui/router.tsx'], witness: 'src/ui/router.tsx' },
    ]);
    expect(plan.critical_path).toEqual(['db-schema', 'session-store', 'login-api']);
    expect(plan).toMatchObject({
      critical_path_hours: 8,
      sequential_hours: 17,
      parallel_hours: 8,
      lower_bound_hours: 8,
      speedup: 2.13,
      parallelism: 3,
    });
    expect(plan.warnings).toBeUndefined();
  });

  it('predicts a longer makespan with two workers', () => {
    const plan = buildPlan(sample, { parallelism: 2 });
    expect(plan).toMatchObject({ parallel_hours: 9, lower_bound_hours: 8.5, speedup: 1.89 });
  });
});

describe('buildPlan normalization', () => {
  it('fills defaults, trims titles, normalizes and deduplicates scopes and dependencies', () => {
    const plan = buildPlan(
      { tasks: [task('a', { title: '  Build it  ', files: ['./src//a/', 'src/a/**'] }), task('b', { depends_on: ['a', 'a'] })] },
      { parallelism: 2 },
    );
    expect(plan.tasks).toEqual([
      { id: 'a', title: 'Build it', description: '', depends_on: [], files: ['src/a/**'], estimate: 1, parallel_ok: true },
      { id: 'b', title: 'Task b', description: '', depends_on: ['a'], files: [], estimate: 1, parallel_ok: true },
    ]);
    expect(plan.warnings).toEqual(['1 task has no files, so its conflicts cannot be checked: b']);
  });
});

describe('buildPlan errors', () => {
  it('names the task index, id and field of every schema problem', () => {
    const e = errorOf(() =>
      buildPlan([task('ok'), { id: 'Bad Id', title: '' }, task('c', { estimate: 0, deps: ['ok'] }), 'oops'], { parallelism: 2 }),
    );
    expect(e.message).toContain('Invalid task list (5 problems)');
    expect(e.message).toContain('tasks[1].id must be lowercase letters');
    expect(e.message).toContain('got "Bad Id" (for example "bad-id")');
    expect(e.message).toContain('tasks[1].title must have at least 1 character');
    expect(e.message).toContain('tasks[2].estimate must be more than 0, got 0');
    expect(e.message).toContain('tasks[2] (id "c"): unknown field "deps" (did you mean "depends_on"?)');
    expect(e.message).toContain('tasks[3]: expected a task object, got "oops"');
  });

  it('says which required field is missing', () => {
    expect(errorOf(() => buildPlan([{ id: 'a' }], { parallelism: 1 })).message).toContain(
      'tasks[0].title is required (one line saying what the task delivers)',
    );
    expect(errorOf(() => buildPlan([{ title: 'A' }], { parallelism: 1 })).message).toContain(
      'tasks[0].id is required (a slug such as "api-auth"',
    );
    const three = errorOf(() => buildPlan([task('a'), task('b'), task('c', { estimate: 'three' })], { parallelism: 1 }));
    expect(three.message).toContain('tasks[2].estimate must be a number, got "three" (estimated hours of work, default 1)');
    expect(three.message).not.toMatch(/Invalid input|received undefined|tasks\.\d/);
  });

  it('rejects a bad scope naming the task and the field', () => {
    const e = errorOf(() => buildPlan([task('a'), task('b', { files: ['src/**', '../**'] })], { parallelism: 1 }));
    expect(e.message).toBe('tasks[1] (id "b"): files[1]: Invalid file scope "../**": it contains a ".." segment.');
    expect(errorOf(() => buildPlan([task('a', { files: ['/etc/passwd'] })], { parallelism: 1 })).message).toContain('absolute path');
  });

  it('reports graph problems (unknown dependency, cycle) before anything else happens', () => {
    expect(errorOf(() => buildPlan([task('api', { depends_on: ['db'] }), task('dbs')], { parallelism: 1 })).message).toContain(
      'task "api" depends on unknown task "db" (did you mean "dbs"?)',
    );
    expect(
      errorOf(() =>
        buildPlan([task('a', { depends_on: ['c'] }), task('b', { depends_on: ['a'] }), task('c', { depends_on: ['b'] })], {
          parallelism: 1,
        }),
      ).message,
    ).toContain('Dependency cycle: a -> c -> b -> a');
    expect(errorOf(() => buildPlan([task('a'), task('a')], { parallelism: 1 })).message).toContain('task id "a" is used twice');
  });

  it.each([
    ['no tasks', [], 'there are no tasks'],
    ['not a list', { task: [] }, 'Expected a list of tasks'],
    ['too many tasks', Array.from({ length: PLAN_LIMITS.maxTasks + 1 }, (_, i) => task(`t${i}`)), 'more than 10000 tasks'],
    ['long title', [task('a', { title: 'x'.repeat(201) })], 'tasks[0].title must have at most 200 characters'],
    ['long description', [task('a', { description: 'x'.repeat(20_001) })], 'tasks[0].description must have at most 20000 characters'],
    [
      'too many deps',
      [task('a', { depends_on: Array.from({ length: 101 }, (_, i) => `d${i}`) })],
      'tasks[0].depends_on must have at most 100 items',
    ],
    [
      'bad dep id',
      [task('a', { depends_on: ['B'] })],
      'tasks[0].depends_on[0] must be lowercase letters, digits and hyphens, starting with a letter or digit, at most 63 characters, got "B" (for example "b")',
    ],
    [
      'too many files',
      [task('a', { files: Array.from({ length: 201 }, (_, i) => `f${i}`) })],
      'tasks[0].files must have at most 200 items',
    ],
    ['long scope', [task('a', { files: ['x'.repeat(513)] })], 'tasks[0].files[0] must have at most 512 characters'],
    ['empty scope', [task('a', { files: [''] })], 'tasks[0].files[0] must have at least 1 character'],
    ['zero estimate', [task('a', { estimate: 0 })], 'tasks[0].estimate must be more than 0, got 0'],
    ['huge estimate', [task('a', { estimate: 1001 })], 'tasks[0].estimate must be at most 1000, got 1001'],
    ['string estimate', [task('a', { estimate: '3h' })], 'tasks[0].estimate must be a number, got "3h"'],
    ['bad parallel_ok', [task('a', { parallel_ok: 'no' })], 'tasks[0].parallel_ok must be true or false, got "no"'],
  ])('rejects %s', (_name, input, text) => {
    expect(errorOf(() => buildPlan(input, { parallelism: 2 })).message).toContain(text);
  });

  it.each([0, -1, 1.5, 257, Number.NaN])('rejects parallelism %s', (p) => {
    expect(errorOf(() => buildPlan([task('a')], { parallelism: p })).message).toContain('Invalid parallelism');
  });

  it('accepts the limits themselves', () => {
    const plan = buildPlan(
      [
        task('a', {
          title: 'x'.repeat(200),
          description: 'x'.repeat(20_000),
          estimate: 1000,
          files: Array.from({ length: 200 }, (_, i) => `f${i}/${'x'.repeat(500)}`),
        }),
      ],
      { parallelism: 256 },
    );
    expect(plan.tasks[0]!.files).toHaveLength(200);
  });
});

describe('quickParse (the hand-written fast path of the schema)', () => {
  const VALUES: unknown[] = [
    undefined,
    null,
    0,
    -0,
    1,
    0.5,
    1000,
    1001,
    -1,
    Infinity,
    Number.NaN,
    '',
    ' ',
    'a',
    'A',
    'api-auth',
    ' api',
    'x'.repeat(201),
    true,
    false,
    [],
    ['a'],
    ['a', 'a'],
    ['B'],
    [1],
    ['src/**'],
    [''],
    ['x'.repeat(513)],
    {},
    [undefined],
    ['a', 'b', 'a'],
    ['src/', 'src/**', './src/**'],
    ['/etc/passwd'],
    ['../x'],
    [' a/b ', 'a//b'],
    ['a\\b'],
    ['{1..3}'],
    ['.'],
  ];
  const KEYS = ['id', 'title', 'description', 'depends_on', 'files', 'estimate', 'parallel_ok', 'extra'];

  it('never accepts what the schema rejects, and agrees with it on what both accept', () => {
    const r = rng(11);
    let accepted = 0;
    for (let k = 0; k < 4000; k++) {
      const list = Array.from({ length: 1 + Math.floor(r() * 3) }, (_, i) => {
        const t: Record<string, unknown> = { id: `t${i}`, title: 'T' };
        for (const key of KEYS) if (r() < 0.12) t[key] = VALUES[Math.floor(r() * VALUES.length)];
        if (r() < 0.1) delete t.title;
        return t;
      });
      const fast = quickParse(list);
      const slow = TasksSchema.safeParse(list);
      if (fast) {
        accepted++;
        expect(slow.success, JSON.stringify(list)).toBe(true);
        expect(fast).toEqual(parseWithSchema(list));
      }
    }
    expect(accepted).toBeGreaterThan(500);
  });

  it('checks ids exactly as SLUG_RE does', () => {
    const r = rng(5);
    const good = 'az09-';
    const bad = '_A.é /';
    let slugs = 0;
    const wrong: string[] = [];
    for (let k = 0; k < 20_000; k++) {
      const s = Array.from({ length: Math.floor(r() * 66) }, () =>
        r() < 0.98 ? good[Math.floor(r() * good.length)] : bad[Math.floor(r() * bad.length)],
      ).join('');
      if (isSlugText(s) !== SLUG_RE.test(s)) wrong.push(s);
      if (SLUG_RE.test(s)) slugs++;
    }
    expect(wrong).toEqual([]);
    expect(slugs).toBeGreaterThan(2000);
    expect(isSlugText('a'.repeat(63))).toBe(true);
    expect(isSlugText('a'.repeat(64))).toBe(false);
  });

  it('hands odd inputs to the schema', () => {
    expect(quickParse([Object.create({ inherited: 1 })])).toBeNull();
    expect(quickParse([])).toBeNull();
    expect(parseTasks([{ id: 'a', title: 'x' }])).toHaveLength(1);
  });
});

describe('buildPlan at scale', () => {
  it('plans 10,000 tasks with 30,000 dependencies in well under a second', () => {
    const tasks = Array.from({ length: 10_000 }, (_, i) => ({
      id: `t${i}`,
      title: `Task ${i}`,
      depends_on: i < 3 ? [] : [`t${i - 1}`, `t${i - 2}`, `t${(i * 7919) % i}`],
      files: [`pkg${i}/src/**`, `pkg${i}/test/*.test.ts`],
      estimate: 1 + (i % 5),
    }));
    const t0 = performance.now();
    const plan = buildPlan(tasks, { parallelism: 8 });
    const ms = performance.now() - t0;
    expect(plan.tasks).toHaveLength(10_000);
    expect(plan.conflicts).toEqual([]);
    // The bench (bench/plan.bench.ts) measures properly; this only catches a quadratic slip on a
    // shared, noisy CI machine.
    expect(ms).toBeLessThan(3000);
  });
});
