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

const round2 = (x: number): number => Math.round(x * 100) / 100;
const EPS = 1e-9;

interface Prepared {
  est: Float64Array;
  solo: Uint8Array;
  /** The tasks whose scopes intersect task i's: clashList[clashStart[i]] up to clashList[clashStart[i + 1]]. */
  clashStart: Int32Array;
  clashList: Int32Array;
  /** Longest estimate-weighted chain starting at i: the list-scheduling priority. */
  tail: Float64Array;
}

function prepare(tasks: readonly ScheduleTask[], graph: TaskGraph, conflicts: readonly Conflict[]): Prepared {
  const n = tasks.length;
  const est = new Float64Array(n);
  const solo = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const t = tasks[i] as ScheduleTask;
    est[i] = t.estimate;
    solo[i] = t.parallel_ok ? 0 : 1;
  }
  // Conflicts as flat adjacency lists, each task's in the order the conflicts list them.
  const ends = new Int32Array(conflicts.length * 2);
  let m = 0;
  const clashStart = new Int32Array(n + 1);
  for (const c of conflicts) {
    const a = graph.index.get(c.a);
    const b = graph.index.get(c.b);
    if (a === undefined || b === undefined) continue;
    ends[m++] = a;
    ends[m++] = b;
    clashStart[a + 1] = (clashStart[a + 1] as number) + 1;
    clashStart[b + 1] = (clashStart[b + 1] as number) + 1;
  }
  for (let i = 0; i < n; i++) clashStart[i + 1] = (clashStart[i + 1] as number) + (clashStart[i] as number);
  const clashList = new Int32Array(m);
  const fill = clashStart.slice(0, n);
  for (let k = 0; k < m; k += 2) {
    const a = ends[k] as number;
    const b = ends[k + 1] as number;
    const pa = fill[a] as number;
    const pb = fill[b] as number;
    clashList[pa] = b;
    clashList[pb] = a;
    fill[a] = pa + 1;
    fill[b] = pb + 1;
  }
  const { order, outStart, outList } = graph;
  const tail = new Float64Array(n);
  for (let k = n - 1; k >= 0; k--) {
    const i = order[k] as number;
    let best = 0;
    for (let q = outStart[i] as number, end = outStart[i + 1] as number; q < end; q++) {
      const t = tail[outList[q] as number] as number;
      if (t > best) best = t;
    }
    tail[i] = best + (est[i] as number);
  }
  return { est, solo, clashStart, clashList, tail };
}

export function schedule(tasks: readonly ScheduleTask[], graph: TaskGraph, conflicts: readonly Conflict[], parallelism: number): Schedule {
  const n = tasks.length;
  const p = prepare(tasks, graph, conflicts);
  const { order, depStart, depList } = graph;
  // Longest chain ending at i; ties keep the first dependency so the path is stable.
  const upTo = new Float64Array(n);
  const pred = new Int32Array(n).fill(-1);
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    let best = 0;
    for (let q = depStart[i] as number, end = depStart[i + 1] as number; q < end; q++) {
      const d = depList[q] as number;
      const u = upTo[d] as number;
      if (u > best + EPS || (pred[i] === -1 && u >= best)) {
        best = u;
        pred[i] = d;
      }
    }
    upTo[i] = best + (p.est[i] as number);
  }
  let end = -1;
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    if (end === -1 || (upTo[i] as number) > (upTo[end] as number) + EPS) end = i;
  }
  const path: number[] = [];
  for (let i = end; i !== -1; i = pred[i] as number) path.push(i);
  path.reverse();

  let sequential = 0;
  for (let i = 0; i < n; i++) sequential += p.est[i] as number;
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
function waves(graph: TaskGraph, { solo, clashStart, clashList, tail }: Prepared): string[][] {
  const { order, depStart, depList } = graph;
  const n = graph.ids.length;
  const depth = new Int32Array(n);
  let maxDepth = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    let dd = 0;
    for (let q = depStart[i] as number, end = depStart[i + 1] as number; q < end; q++) {
      const x = (depth[depList[q] as number] as number) + 1;
      if (x > dd) dd = x;
    }
    depth[i] = dd;
    if (dd > maxDepth) maxDepth = dd;
  }
  // Bucket by depth (a counting sort), then sort each small bucket: far cheaper than one big sort.
  const at = new Int32Array(maxDepth + 2);
  for (let i = 0; i < n; i++) {
    const d = (depth[i] as number) + 1;
    at[d] = (at[d] as number) + 1;
  }
  for (let d = 0; d <= maxDepth; d++) at[d + 1] = (at[d + 1] as number) + (at[d] as number);
  const visit = new Int32Array(n);
  const put = at.slice(0, maxDepth + 1);
  for (let i = 0; i < n; i++) {
    const d = depth[i] as number;
    const k = put[d] as number;
    visit[k] = i;
    put[d] = k + 1;
  }
  const tmp = new Int32Array(n);
  for (let d = 0; d <= maxDepth; d++) sortByChain(visit, at[d] as number, at[d + 1] as number, tail, tmp);
  const wave = new Int32Array(n).fill(-1);
  const size: number[] = [];
  // skip[w] points past solo waves (union-find with path halving), so scans never walk them one by one.
  const skip = new Int32Array(n + 1);
  for (let w = 0; w <= n; w++) skip[w] = w;
  const open = (w: number): number => {
    while (skip[w] !== w) {
      skip[w] = skip[skip[w] as number] as number;
      w = skip[w] as number;
    }
    return w;
  };
  // taken[w] === i + 1: wave w holds a task that conflicts with task i.
  const taken = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) {
    const i = visit[v] as number;
    let min = 0;
    for (let q = depStart[i] as number, end = depStart[i + 1] as number; q < end; q++) {
      const x = (wave[depList[q] as number] as number) + 1;
      if (x > min) min = x;
    }
    let w: number;
    if (solo[i]) w = size.length;
    else {
      w = open(min);
      const c0 = clashStart[i] as number;
      const c1 = clashStart[i + 1] as number;
      if (c1 > c0) {
        for (let q = c0; q < c1; q++) {
          const cw = wave[clashList[q] as number] as number;
          if (cw >= w) taken[cw] = i + 1;
        }
        // Each step skips a wave holding a conflicting task: at most deg + 1 steps.
        while (w < size.length && taken[w] === i + 1) w = open(w + 1);
      }
    }
    if (w === size.length) size.push(0);
    size[w] = (size[w] as number) + 1;
    wave[i] = w;
    if (solo[i]) skip[w] = w + 1;
  }
  // Filled in input order, so each wave lists its tasks in input order without a sort.
  const out: string[][] = size.map((k) => new Array<string>(k));
  const fill = new Int32Array(size.length);
  for (let i = 0; i < n; i++) {
    const w = wave[i] as number;
    const k = fill[w] as number;
    (out[w] as string[])[k] = graph.ids[i] as string;
    fill[w] = k + 1;
  }
  return out;
}

/**
 * Sorts visit[lo..hi) by longest remaining chain first, then input order (a total order, so the
 * result is the same as any correct sort's). Insertion sort on runs of 16, then merges through
 * tmp: a depth bucket is usually a few dozen tasks, and Array#sort with a comparator costs a
 * call per comparison.
 */
function sortByChain(visit: Int32Array, lo: number, hi: number, tail: Float64Array, tmp: Int32Array): void {
  const before = (a: number, b: number): boolean =>
    (tail[a] as number) > (tail[b] as number) || ((tail[a] as number) === (tail[b] as number) && a < b);
  const RUN = 16;
  for (let s = lo; s < hi; s += RUN) {
    const e = Math.min(s + RUN, hi);
    for (let k = s + 1; k < e; k++) {
      const x = visit[k] as number;
      let j = k - 1;
      while (j >= s && before(x, visit[j] as number)) {
        visit[j + 1] = visit[j] as number;
        j--;
      }
      visit[j + 1] = x;
    }
  }
  for (let width = RUN; lo + width < hi; width *= 2) {
    for (let s = lo; s + width < hi; s += 2 * width) {
      const mid = s + width;
      const e = Math.min(s + 2 * width, hi);
      let i = s;
      let j = mid;
      let o = s;
      while (i < mid && j < e) tmp[o++] = before(visit[j] as number, visit[i] as number) ? (visit[j++] as number) : (visit[i++] as number);
      while (i < mid) tmp[o++] = visit[i++] as number;
      while (j < e) tmp[o++] = visit[j++] as number;
      for (let k = s; k < e; k++) visit[k] = tmp[k] as number;
    }
  }
}

/** Event simulation of the list schedule: start time of every task, and the makespan. */
function listSchedule(
  graph: TaskGraph,
  { est, solo, clashStart, clashList, tail }: Prepared,
  workers: number,
): { makespan: number; start: Float64Array } {
  const n = est.length;
  const { depStart, outStart, outList } = graph;
  const waiting = new Int32Array(n);
  const finish = new Float64Array(n);
  const running = new Uint8Array(n);
  // Longest remaining chain first; rounded so float noise in sums cannot reorder equal chains.
  const priority = new Float64Array(n);
  for (let i = 0; i < n; i++) priority[i] = -Math.round((tail[i] as number) * 1e6);
  const ready = new Heap(n);
  const busy = new Heap(workers);
  for (let i = 0; i < n; i++) {
    waiting[i] = (depStart[i + 1] as number) - (depStart[i] as number);
    if (waiting[i] === 0) ready.push(i, priority[i] as number);
  }
  // Tasks popped but not started this round (a conflict is running, or a solo task waits).
  const deferred = new Int32Array(n);
  let now = 0;
  let soloRunning = false;
  let done = 0;
  while (done < n) {
    if (!soloRunning) {
      let held = 0;
      while (busy.size < workers && ready.size > 0) {
        const t = ready.pop();
        if (solo[t]) {
          // Reserve the machine: nothing of lower priority starts until the solo task has run,
          // otherwise a stream of small tasks could push a critical solo task to the very end.
          if (busy.size === 0) {
            begin(t, now);
            soloRunning = true;
          } else deferred[held++] = t;
          break;
        }
        let clash = false;
        for (let q = clashStart[t] as number, end = clashStart[t + 1] as number; q < end && !clash; q++) {
          if (running[clashList[q] as number]) clash = true;
        }
        if (clash) deferred[held++] = t;
        else begin(t, now);
      }
      for (let k = 0; k < held; k++) ready.push(deferred[k] as number, priority[deferred[k] as number] as number);
    }
    if (busy.size === 0) throw new Error('list schedule stalled'); // unreachable for a validated graph
    now = busy.peekKey();
    while (busy.size > 0 && busy.peekKey() <= now + EPS) {
      const t = busy.pop();
      running[t] = 0;
      if (solo[t]) soloRunning = false;
      done++;
      for (let q = outStart[t] as number, end = outStart[t + 1] as number; q < end; q++) {
        const d = outList[q] as number;
        const left = (waiting[d] as number) - 1;
        waiting[d] = left;
        if (left === 0) ready.push(d, priority[d] as number);
      }
    }
  }
  const start = new Float64Array(n);
  for (let i = 0; i < n; i++) start[i] = (finish[i] as number) - (est[i] as number);
  return { makespan: now, start };

  function begin(t: number, at: number): void {
    const f = at + (est[t] as number);
    finish[t] = f;
    running[t] = 1;
    busy.push(t, f);
  }
}
