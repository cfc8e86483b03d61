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
  /** deps[i]: the tasks i depends on (deduplicated). */
  deps: number[][];
  /** dependents[i]: the tasks that depend on i. */
  dependents: number[][];
  /** Every task after all of its dependencies; ties keep input order. */
  order: number[];
}

const MAX_LISTED = 10;

/** Builds and validates the graph; throws INVALID_INPUT listing the problems. */
export function buildGraph(tasks: readonly GraphTask[]): TaskGraph {
  const problems: string[] = [];
  const index = new Map<string, number>();
  tasks.forEach((t, i) => {
    if (!isSlug(t.id)) {
      problems.push(
        `tasks[${i}]: invalid id ${JSON.stringify(String(t.id).slice(0, 80))}: use ${SLUG_RULE} (for example "${slugify(String(t.id))}")`,
      );
      return;
    }
    const first = index.get(t.id);
    if (first !== undefined) problems.push(`task id "${t.id}" is used twice: tasks[${first}] and tasks[${i}]`);
    else index.set(t.id, i);
  });
  const deps: number[][] = new Array(tasks.length);
  const dependents: number[][] = Array.from({ length: tasks.length }, () => []);
  tasks.forEach((t, i) => {
    const mine: number[] = [];
    for (const d of t.depends_on) {
      const j = index.get(d);
      if (d === t.id) problems.push(`task "${t.id}" depends on itself`);
      else if (j === undefined) problems.push(`task "${t.id}" depends on unknown task "${d}"${suggest(d, index)}`);
      else if (!mine.includes(j)) {
        mine.push(j);
        (dependents[j] as number[]).push(i);
      }
    }
    deps[i] = mine;
  });
  if (problems.length) {
    const shown = problems.slice(0, MAX_LISTED);
    if (problems.length > MAX_LISTED) shown.push(`... and ${problems.length - MAX_LISTED} more`);
    throw new LanesError('INVALID_INPUT', `Invalid task graph:\n  ${shown.join('\n  ')}`, {
      hint: 'Give every task a unique slug id and make depends_on name existing tasks other than the task itself.',
      details: { problems },
    });
  }
  const ids = tasks.map((t) => t.id);
  const order = kahn(deps, dependents);
  if (order.length < tasks.length) {
    const cycle = findCycle(deps, order, tasks.length).map((i) => ids[i] as string);
    const shown = cycle.length > 21 ? [...cycle.slice(0, 10), `... ${cycle.length - 16} more ...`, ...cycle.slice(-6)] : cycle;
    throw new LanesError('INVALID_INPUT', `Dependency cycle: ${shown.join(' -> ')} ("a -> b" means a depends on b).`, {
      hint: 'Remove one of these dependencies (or merge the tasks) so that the tasks can be ordered.',
      details: { cycle },
    });
  }
  return { ids, index, deps, dependents, order };
}

/** Kahn's algorithm with a FIFO queue; returns fewer than n indices when there is a cycle. */
export function kahn(deps: readonly (readonly number[])[], dependents: readonly (readonly number[])[]): number[] {
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

/**
 * A task Kahn could not order still waits on another unordered task; following those waits must
 * come back to a task already seen, which closes a cycle. O(V + E).
 */
function findCycle(deps: readonly (readonly number[])[], ordered: readonly number[], n: number): number[] {
  const done = new Uint8Array(n);
  for (const i of ordered) done[i] = 1;
  const start = done.indexOf(0);
  const pos = new Map<number, number>();
  const walk: number[] = [];
  let cur = start;
  while (!pos.has(cur)) {
    pos.set(cur, walk.length);
    walk.push(cur);
    cur = (deps[cur] as number[]).find((d) => !done[d]) as number;
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
