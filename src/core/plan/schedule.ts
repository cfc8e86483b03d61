/**
 * Waves, critical path and a predicted makespan for a validated task graph.
 *
 * Waves answer "what may run together": a task sits in the earliest wave after all of its
 * dependencies that holds no task whose scope intersects its own; a `parallel_ok: false` task gets
 * a wave of its own. Waves ignore the number of workers. The makespan comes from a list schedule
 * with P workers that starts the ready task with the longest remaining chain first (measured at
 * 1.00-1.012x the lower bound on random graphs, docs/performance.md), never runs two conflicting tasks
 * at once and runs a `parallel_ok: false` task alone.
 */
import type { Conflict } from './scope-index.js';
import type { TaskGraph } from './graph.js';
import { Heap } from './heap.js';

export interface ScheduleTask {
  estimate: number;
  parallel_ok: boolean;
}

export interface Schedule {
  waves: string[][];
  critical_path: string[];
  critical_path_hours: number;
  sequential_hours: number;
  parallel_hours: number;
  lower_bound_hours: number;
  speedup: number;
}

/** Shared by every task without conflicts: 10,000 empty arrays are measurable. */
const NONE: number[] = [];
const round2 = (x: number): number => Math.round(x * 100) / 100;
const EPS = 1e-9;

interface Prepared {
  est: number[];
  solo: boolean[];
  /** clash[i]: tasks whose scopes intersect task i's. */
  clash: number[][];
  /** Longest estimate-weighted chain starting at i: the list-scheduling priority. */
  tail: Float64Array;
}

function prepare(tasks: readonly ScheduleTask[], graph: TaskGraph, conflicts: readonly Conflict[]): Prepared {
  const n = tasks.length;
  const est = tasks.map((t) => t.estimate);
  const solo = tasks.map((t) => !t.parallel_ok);
  const clash: number[][] = new Array(n).fill(NONE);
  const link = (a: number, b: number): void => {
    if (clash[a] === NONE) clash[a] = [];
    (clash[a] as number[]).push(b);
  };
  for (const c of conflicts) {
    const a = graph.index.get(c.a);
    const b = graph.index.get(c.b);
    if (a === undefined || b === undefined) continue;
    link(a, b);
    link(b, a);
  }
  const tail = new Float64Array(n);
  for (let k = n - 1; k >= 0; k--) {
    const i = graph.order[k] as number;
    let best = 0;
    for (const d of graph.dependents[i] as number[]) best = Math.max(best, tail[d] as number);
    tail[i] = best + (est[i] as number);
  }
  return { est, solo, clash, tail };
}

export function schedule(tasks: readonly ScheduleTask[], graph: TaskGraph, conflicts: readonly Conflict[], parallelism: number): Schedule {
  const n = tasks.length;
  const p = prepare(tasks, graph, conflicts);
  // Longest chain ending at i; ties keep the first dependency so the path is stable.
  const upTo = new Float64Array(n);
  const pred = new Int32Array(n).fill(-1);
  for (const i of graph.order) {
    let best = 0;
    for (const d of graph.deps[i] as number[]) {
      if ((upTo[d] as number) > best + EPS || (pred[i] === -1 && (upTo[d] as number) >= best)) {
        best = upTo[d] as number;
        pred[i] = d;
      }
    }
    upTo[i] = best + (p.est[i] as number);
  }
  let end = -1;
  for (const i of graph.order) if (end === -1 || (upTo[i] as number) > (upTo[end] as number) + EPS) end = i;
  const path: number[] = [];
  for (let i = end; i !== -1; i = pred[i] as number) path.push(i);
  path.reverse();

  const sequential = p.est.reduce((s, x) => s + x, 0);
  const { makespan } = listSchedule(graph, p, parallelism);
  const cp = end === -1 ? 0 : (upTo[end] as number);
  return {
    waves: waves(graph, p),
    critical_path: path.map((i) => graph.ids[i] as string),
    critical_path_hours: round2(cp),
    sequential_hours: round2(sequential),
    parallel_hours: round2(makespan),
    lower_bound_hours: round2(Math.max(cp, sequential / parallelism)),
    speedup: makespan > 0 ? round2(sequential / makespan) : 1,
  };
}

/** The list schedule itself: each task's start time in hours (by input index) and the makespan. */
export function simulate(
  tasks: readonly ScheduleTask[],
  graph: TaskGraph,
  conflicts: readonly Conflict[],
  parallelism: number,
): { makespan: number; start: number[] } {
  const r = listSchedule(graph, prepare(tasks, graph, conflicts), parallelism);
  return { makespan: r.makespan, start: [...r.start] };
}

/**
 * Greedy wave assignment. Tasks are visited by dependency depth, then longest remaining chain,
 * then input order, so when two conflicting tasks compete for a wave the one on the longer chain
 * keeps it. A solo task always opens a new wave at the end (every existing wave is non-empty).
 */
function waves(graph: TaskGraph, { solo, clash, tail }: Prepared): string[][] {
  const n = graph.ids.length;
  const depth = new Int32Array(n);
  for (const i of graph.order) for (const d of graph.deps[i] as number[]) depth[i] = Math.max(depth[i] as number, (depth[d] as number) + 1);
  // Bucket by depth (a counting sort), then sort each small bucket: far cheaper than one big sort.
  const buckets: number[][] = [];
  for (let i = 0; i < n; i++) (buckets[depth[i] as number] ??= []).push(i);
  const visit: number[] = [];
  for (const b of buckets) {
    if (!b) continue;
    b.sort((x, y) => (tail[y] as number) - (tail[x] as number) || x - y);
    for (const i of b) visit.push(i);
  }
  const wave = new Int32Array(n).fill(-1);
  const out: number[][] = [];
  // skip[w] points past solo waves (union-find with path halving), so scans never walk them one by one.
  const skip = Array.from({ length: n + 1 }, (_, i) => i);
  const open = (w: number): number => {
    while (skip[w] !== w) {
      skip[w] = skip[skip[w] as number] as number;
      w = skip[w] as number;
    }
    return w;
  };
  for (const i of visit) {
    let min = 0;
    for (const d of graph.deps[i] as number[]) min = Math.max(min, (wave[d] as number) + 1);
    let w: number;
    if (solo[i]) w = out.length;
    else {
      const others = clash[i] as number[];
      w = open(min);
      if (others.length > 0) {
        const taken = new Set<number>();
        for (const c of others) if ((wave[c] as number) >= w) taken.add(wave[c] as number);
        // Each step skips a wave holding a conflicting task: at most deg + 1 steps.
        while (w < out.length && taken.has(w)) w = open(w + 1);
      }
    }
    if (w === out.length) out.push([]);
    (out[w] as number[]).push(i);
    wave[i] = w;
    if (solo[i]) skip[w] = w + 1;
  }
  return out.map((ws) => ws.sort((a, b) => a - b).map((i) => graph.ids[i] as string));
}

/** Event simulation of the list schedule: start time of every task, and the makespan. */
function listSchedule(graph: TaskGraph, { est, solo, clash, tail }: Prepared, workers: number): { makespan: number; start: Float64Array } {
  const n = est.length;
  const waiting = new Int32Array(n);
  const finish = new Float64Array(n);
  const running = new Uint8Array(n);
  // Longest remaining chain first; rounded so float noise in sums cannot reorder equal chains.
  const priority = (t: number): number => -Math.round((tail[t] as number) * 1e6);
  const ready = new Heap(n);
  const busy = new Heap(workers);
  for (let i = 0; i < n; i++) {
    waiting[i] = (graph.deps[i] as number[]).length;
    if (waiting[i] === 0) ready.push(i, priority(i));
  }
  const deferred: number[] = [];
  let now = 0;
  let soloRunning = false;
  let done = 0;
  while (done < n) {
    if (!soloRunning) {
      deferred.length = 0;
      while (busy.size < workers && ready.size > 0) {
        const t = ready.pop();
        if (solo[t]) {
          // Reserve the machine: nothing of lower priority starts until the solo task has run,
          // otherwise a stream of small tasks could push a critical solo task to the very end.
          if (busy.size === 0) begin(t);
          else deferred.push(t);
          break;
        }
        if (conflictsRunning(t)) deferred.push(t);
        else begin(t);
      }
      for (const t of deferred) ready.push(t, priority(t));
    }
    if (busy.size === 0) throw new Error('list schedule stalled'); // unreachable for a validated graph
    now = busy.peekKey();
    while (busy.size > 0 && busy.peekKey() <= now + EPS) {
      const t = busy.pop();
      running[t] = 0;
      if (solo[t]) soloRunning = false;
      done++;
      for (const d of graph.dependents[t] as number[]) {
        const left = (waiting[d] as number) - 1;
        waiting[d] = left;
        if (left === 0) ready.push(d, priority(d));
      }
    }
  }
  const start = new Float64Array(n);
  for (let i = 0; i < n; i++) start[i] = (finish[i] as number) - (est[i] as number);
  return { makespan: now, start };

  function conflictsRunning(t: number): boolean {
    for (const c of clash[t] as number[]) if (running[c]) return true;
    return false;
  }

  function begin(t: number): void {
    finish[t] = now + (est[t] as number);
    running[t] = 1;
    if (solo[t]) soloRunning = true;
    busy.push(t, finish[t] as number);
  }
}
