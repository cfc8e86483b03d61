/**
 * Planning at scale: buildPlan on a deterministic 10,000-task graph with ~30,000 dependencies and
 * file scopes (mostly disjoint directories, some brace globs, a few shared files), as a ratio to a
 * plain Kahn topological sort of the same graph measured in the same run. The aim is the whole
 * plan (validation, conflict detection, waves, critical path, list schedule) within 12x the sort
 * and 60 ms; another row times its phases one by one (docs/performance.md, "Where the time goes:
 * planning 10,000 tasks").
 */
import { buildPlan } from '../src/core/plan/plan.js';
import { buildGraph } from '../src/core/plan/graph.js';
import { parseTasks } from '../src/core/plan/model.js';
import { schedule } from '../src/core/plan/schedule.js';
import { conflictsOfNormalized, findConflicts } from '../src/core/plan/scope-index.js';
import { msAim, ratioAim, type BenchResult } from './util.js';

type Row = BenchResult;

/** mulberry32: a tiny seeded PRNG so every run plans the same graph. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenTask {
  id: string;
  title: string;
  depends_on: string[];
  files: string[];
  estimate: number;
  parallel_ok: boolean;
}

export function generateTasks(n = 10_000, depsPerTask = 3, seed = 42): GenTask[] {
  const r = rng(seed);
  const id = (i: number): string => `t${String(i).padStart(5, '0')}`;
  const tasks: GenTask[] = [];
  for (let i = 0; i < n; i++) {
    const deps = new Set<string>();
    // Dependencies on recent tasks keep the graph deep but not a single chain.
    for (let k = 0; k < depsPerTask && i > 0; k++) deps.add(id(Math.max(0, i - 1 - Math.floor(r() * Math.min(i, 400)))));
    const files = [`pkg${i}/src/**`, `pkg${i}/test/t${i}.test.ts`];
    if (r() < 0.1) files.push(`pkg${i}/{lib,bin}/*.ts`);
    if (r() < 0.01) files.push(`shared/config/${Math.floor(r() * 7)}.json`);
    if (r() < 0.0005) files.push('docs/**/*.md');
    tasks.push({
      id: id(i),
      title: `Task ${i}`,
      depends_on: [...deps],
      files,
      estimate: 1 + Math.round(r() * 14) / 2,
      parallel_ok: r() > 0.001,
    });
  }
  return tasks;
}

/**
 * Kahn's algorithm with a FIFO queue over an array of arrays, as the planner had it before its graph
 * went flat (kept here verbatim so the baseline does not move when the planner changes).
 */
function kahn(deps: readonly (readonly number[])[], dependents: readonly (readonly number[])[]): number[] {
  const n = deps.length;
  const waiting = new Int32Array(n);
  const order: number[] = [];
  for (let i = 0; i < n; i++) {
    waiting[i] = (deps[i] as number[]).length;
    if (waiting[i] === 0) order.push(i);
  }
  for (let head = 0; head < order.length; head++) {
    for (const d of dependents[order[head] as number] as number[]) {
      const left = (waiting[d] as number) - 1;
      waiting[d] = left;
      if (left === 0) order.push(d);
    }
  }
  return order;
}

/** The baseline: Kahn's algorithm over the same ids and edges, nothing else. */
function plainTopo(tasks: GenTask[]): number {
  const index = new Map<string, number>();
  tasks.forEach((t, i) => index.set(t.id, i));
  const deps = tasks.map((t) => t.depends_on.map((d) => index.get(d) as number));
  const dependents: number[][] = tasks.map(() => []);
  deps.forEach((ds, i) => ds.forEach((d) => (dependents[d] as number[]).push(i)));
  return kahn(deps, dependents).length;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

function timed(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

/** buildPlan's steps one by one, each timed (ms): what buildPlan itself runs, in its order. */
function phases(input: GenTask[]): { parse: number; graph: number; conflicts: number; schedule: number } {
  const t0 = performance.now();
  const tasks = parseTasks(input);
  const t1 = performance.now();
  const graph = buildGraph(tasks, true);
  const t2 = performance.now();
  const conflicts = conflictsOfNormalized(tasks);
  const t3 = performance.now();
  schedule(tasks, graph, conflicts, 8);
  const t4 = performance.now();
  return { parse: t1 - t0, graph: t2 - t1, conflicts: t3 - t2, schedule: t4 - t3 };
}

export async function run(_ctx?: { root: string }): Promise<Row[]> {
  const tasks = generateTasks();
  const edges = tasks.reduce((s, t) => s + t.depends_on.length, 0);
  const scopes = tasks.reduce((s, t) => s + t.files.length, 0);
  const runs = 9;
  // A fresh copy per run, made before timing: input arrives as new objects every time in real use.
  const copies = Array.from({ length: runs + 1 }, () => JSON.parse(JSON.stringify(tasks)) as GenTask[]);
  const spare = copies[runs] as GenTask[];
  const xs = { baseline: [] as number[], plan: [] as number[], conflicts: [] as number[] };
  const ph = { parse: [] as number[], graph: [] as number[], conflicts: [] as number[], schedule: [] as number[], sum: [] as number[] };
  // Each in a block of its own, warmed up on the spare copy just before (JIT and the scope caches
  // of a first plan are not what we measure; the very first plan is reported apart), so every run
  // follows one of its own kind and collects its own kind's garbage: interleaved one by one, or
  // with every warm-up first, the baseline collected the plan's (2-4x its time).
  // One warm-up run is not enough: interleaved runs of a fresh process took 700, 215, 250, 140 ms
  // before settling near 60 ms (the optimizing compiler takes a few calls), so 5.
  const block = (warm: () => unknown, fn: (c: GenTask[]) => void): void => {
    for (let k = 0; k < 5; k++) warm();
    for (const c of copies.slice(0, runs)) fn(c);
  };
  let first = -1; // the first buildPlan of the process: what a one-shot `lanes plan` pays
  block(
    () => plainTopo(spare),
    (c) => xs.baseline.push(timed(() => plainTopo(c))),
  );
  block(
    () => {
      const t = performance.now();
      buildPlan(spare, { parallelism: 8 });
      if (first < 0) first = performance.now() - t;
    },
    (c) => xs.plan.push(timed(() => buildPlan(c, { parallelism: 8 }))),
  );
  block(
    () => findConflicts(spare),
    (c) => xs.conflicts.push(timed(() => findConflicts(c))),
  );
  block(
    () => phases(spare),
    (c) => {
      const p = phases(c);
      ph.parse.push(p.parse);
      ph.graph.push(p.graph);
      ph.conflicts.push(p.conflicts);
      ph.schedule.push(p.schedule);
      ph.sum.push(p.parse + p.graph + p.conflicts + p.schedule);
    },
  );
  const baseline = median(xs.baseline);
  const plan = median(xs.plan);
  const conflicts = median(xs.conflicts);
  const p = buildPlan(tasks, { parallelism: 8 });
  const note = `${tasks.length} tasks, ${edges} deps, ${scopes} scopes, ${p.conflicts.length} conflicts, ${p.waves.length} waves, speedup ${p.speedup}x at P=8`;
  const ms = (xs: number[]): string => `${median(xs).toFixed(1)} ms`;
  return [
    {
      name: 'plan: buildPlan 10k tasks (/ a bare topological sort)',
      median_ms: plan,
      baseline_ms: baseline,
      ratio: plan / baseline,
      aim: '<= 12x',
      check: ratioAim(12, 0.2),
      note: `${note}; made of: validation, topological order and waves, critical path, conflict detection (scope index + glob automata), list schedule; the baseline is a Map of the ids and Kahn's algorithm on arrays of arrays`,
    },
    {
      name: 'plan: buildPlan 10k tasks (ms)',
      median_ms: plan,
      aim: '<= 60 ms',
      check: msAim(60, 0.25),
      note: `after 5 warm-up plans; the first plan of the process (compiling as it goes) took ${first.toFixed(0)} ms`,
    },
    {
      name: 'plan: buildPlan phases 10k tasks (sum)',
      median_ms: median(ph.sum),
      baseline_ms: baseline,
      ratio: median(ph.sum) / baseline,
      note:
        `medians: parse ${ms(ph.parse)} (checking every field, normalizing the scopes), graph ${ms(ph.graph)} (ids, edges, topological order), ` +
        `conflicts ${ms(ph.conflicts)} (scope index, then the automata on candidate pairs), schedule ${ms(ph.schedule)} (critical path, waves, list schedule at P=8)`,
    },
    { name: 'plan: findConflicts 10k tasks', median_ms: conflicts, baseline_ms: baseline, ratio: conflicts / baseline },
  ];
}
