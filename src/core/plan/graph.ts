/**
 * The dependency graph of a plan: validation (every problem is reported before anything is stored)
 * and a topological order by Kahn's algorithm, O(V + E). Tasks are numbered by input position so
 * the scheduler works on arrays, not maps.
 */
import { LanesError } from '../../errors.js';
import { SLUG_RULE, isSlug, slugify } from '../../util/slug.js';

export interface GraphTask {
  id: string;
  depends_on: readonly string[];
}

export interface TaskGraph {
  ids: string[];
  index: Map<string, number>;
  /**
   * The tasks i depends on (deduplicated, in input order) are depList[depStart[i]] up to
   * depList[depStart[i + 1]]: one array for all edges instead of an array per task, which the
   * scheduler's passes walk without chasing 10,000 small arrays (and the collector never copies).
   */
  depStart: Int32Array;
  depList: Int32Array;
  /** The tasks that depend on i, in input order: outList[outStart[i]] up to outList[outStart[i + 1]]. */
  outStart: Int32Array;
  outList: Int32Array;
  /** Every task after all of its dependencies; ties keep input order. */
  order: Int32Array;
}

const MAX_LISTED = 10;

/**
 * Builds and validates the graph; throws INVALID_INPUT listing the problems. `idsChecked`: the
 * caller has already checked every id is a slug (parseTasks does), so it is not tested again.
 */
export function buildGraph(tasks: readonly GraphTask[], idsChecked = false): TaskGraph {
  const n = tasks.length;
  const problems: string[] = [];
  const index = new Map<string, number>();
  const ids: string[] = new Array(n);
  let edges = 0;
  for (let i = 0; i < n; i++) {
    const t = tasks[i] as GraphTask;
    const id = t.id;
    ids[i] = id;
    edges += t.depends_on.length;
    if (!idsChecked && !isSlug(id)) {
      problems.push(
        `tasks[${i}]: invalid id ${JSON.stringify(String(id).slice(0, 80))}: use ${SLUG_RULE} (for example "${slugify(String(id))}")`,
      );
      continue;
    }
    const first = index.get(id);
    if (first !== undefined) problems.push(`task id "${id}" is used twice: tasks[${first}] and tasks[${i}]`);
    else index.set(id, i);
  }
  const depStart = new Int32Array(n + 1);
  const depList = new Int32Array(edges);
  const outStart = new Int32Array(n + 1);
  // seen[j] === i + 1: task i already depends on j (a repeated dependency is dropped).
  const seen = new Int32Array(n);
  let e = 0;
  for (let i = 0; i < n; i++) {
    const t = tasks[i] as GraphTask;
    depStart[i] = e;
    for (const d of t.depends_on) {
      const j = index.get(d);
      if (d === t.id) problems.push(`task "${t.id}" depends on itself`);
      else if (j === undefined) problems.push(`task "${t.id}" depends on unknown task "${d}"${suggest(d, index)}`);
      else if (seen[j] !== i + 1) {
        seen[j] = i + 1;
        depList[e++] = j;
        outStart[j + 1] = (outStart[j + 1] as number) + 1;
      }
    }
  }
  depStart[n] = e;
  if (problems.length) {
    const shown = problems.slice(0, MAX_LISTED);
    if (problems.length > MAX_LISTED) shown.push(`... and ${problems.length - MAX_LISTED} more`);
    throw new LanesError('INVALID_INPUT', `Invalid task graph:\n  ${shown.join('\n  ')}`, {
      hint: 'Give every task a unique slug id and make depends_on name existing tasks other than the task itself.',
      details: { problems },
    });
  }
  for (let i = 0; i < n; i++) outStart[i + 1] = (outStart[i + 1] as number) + (outStart[i] as number);
  const outList = new Int32Array(e);
  const fill = outStart.slice(0, n);
  for (let i = 0; i < n; i++) {
    for (let k = depStart[i] as number, end = depStart[i + 1] as number; k < end; k++) {
      const j = depList[k] as number;
      const at = fill[j] as number;
      outList[at] = i;
      fill[j] = at + 1;
    }
  }
  const g = { ids, index, depStart, depList: e < edges ? depList.slice(0, e) : depList, outStart, outList };
  const order = kahnCsr(g.depStart, g.outStart, g.outList);
  if (order.length < n) {
    const cycle = findCycle(g, order, n).map((i) => ids[i] as string);
    const shown = cycle.length > 21 ? [...cycle.slice(0, 10), `... ${cycle.length - 16} more ...`, ...cycle.slice(-6)] : cycle;
    throw new LanesError('INVALID_INPUT', `Dependency cycle: ${shown.join(' -> ')} ("a -> b" means a depends on b).`, {
      hint: 'Remove one of these dependencies (or merge the tasks) so that the tasks can be ordered.',
      details: { cycle },
    });
  }
  return { ...g, order };
}

/** Kahn's algorithm with a FIFO queue on the flat edge lists; returns fewer than n indices when there is a cycle. */
function kahnCsr(depStart: Int32Array, outStart: Int32Array, outList: Int32Array): Int32Array {
  const n = depStart.length - 1;
  const waiting = new Int32Array(n);
  const order = new Int32Array(n);
  let tail = 0;
  for (let i = 0; i < n; i++) {
    const w = (depStart[i + 1] as number) - (depStart[i] as number);
    waiting[i] = w;
    if (w === 0) order[tail++] = i;
  }
  for (let head = 0; head < tail; head++) {
    const t = order[head] as number;
    for (let k = outStart[t] as number, end = outStart[t + 1] as number; k < end; k++) {
      const d = outList[k] as number;
      const left = (waiting[d] as number) - 1;
      waiting[d] = left;
      if (left === 0) order[tail++] = d;
    }
  }
  return tail < n ? order.slice(0, tail) : order;
}

/**
 * A task Kahn could not order still waits on another unordered task; following those waits must
 * come back to a task already seen, which closes a cycle. O(V + E).
 */
function findCycle(g: Pick<TaskGraph, 'depStart' | 'depList'>, ordered: Int32Array, n: number): number[] {
  const done = new Uint8Array(n);
  for (const i of ordered) done[i] = 1;
  const start = done.indexOf(0);
  const pos = new Map<number, number>();
  const walk: number[] = [];
  let cur = start;
  while (!pos.has(cur)) {
    pos.set(cur, walk.length);
    walk.push(cur);
    let next = -1;
    for (let k = g.depStart[cur] as number, end = g.depStart[cur + 1] as number; k < end && next === -1; k++) {
      if (!done[g.depList[k] as number]) next = g.depList[k] as number;
    }
    cur = next;
  }
  const cycle = walk.slice(pos.get(cur));
  // Start at the earliest task in the input so the message is stable.
  const first = cycle.indexOf(cycle.reduce((m, x) => Math.min(m, x)));
  const rotated = [...cycle.slice(first), ...cycle.slice(0, first)];
  return [...rotated, rotated[0] as number];
}

function suggest(id: string, index: Map<string, number>): string {
  const scored: Array<[number, string]> = [];
  const limit = Math.max(2, Math.floor(id.length / 3));
  for (const known of index.keys()) {
    if (Math.abs(known.length - id.length) > limit && !known.includes(id) && !id.includes(known)) continue;
    const d = known.includes(id) || id.includes(known) ? 1 : distance(id, known, limit);
    if (d <= limit) scored.push([d, known]);
  }
  scored.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1));
  const best = scored.slice(0, 3).map(([, k]) => `"${k}"`);
  return best.length ? ` (did you mean ${best.join(' or ')}?)` : '';
}

/** Levenshtein distance, giving up (returning limit + 1) once it must exceed `limit`. */
function distance(a: string, b: string, limit: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length] as number;
}
