/**
 * A checked plan from a task list: validate (schema, ids, dependencies, scopes), find the pairs of
 * tasks whose scopes intersect, then waves, critical path and predicted makespan. Pure: nothing is
 * stored here, so a bad list is rejected before any state changes.
 */
import { LanesError } from '../../errors.js';
import { buildGraph } from './graph.js';
import { PLAN_LIMITS, parseTasks, type PlannedTask } from './model.js';
import { schedule } from './schedule.js';
import { conflictsOfNormalized, type Conflict } from './scope-index.js';
import { isPlainScope } from './scope-match.js';

export type { PlannedTask, TaskInput } from './model.js';
export type { Conflict } from './scope-index.js';
export { PLAN_LIMITS } from './model.js';

export interface Plan {
  tasks: PlannedTask[];
  /** Groups of task ids that may run at the same time, in order. */
  waves: string[][];
  /** Pairs of tasks whose file scopes intersect: they are never run at the same time. */
  conflicts: Conflict[];
  critical_path: string[];
  critical_path_hours: number;
  sequential_hours: number;
  /** Predicted makespan with `parallelism` workers. */
  parallel_hours: number;
  /** max(critical path, sequential / parallelism): no schedule can beat it. */
  lower_bound_hours: number;
  speedup: number;
  parallelism: number;
  /** Plain scopes read as one file each (they named a file at the base when planned), sorted. */
  file_scopes?: string[];
  /** Present when something allowed weakens the plan's guarantees (tasks without a file scope). */
  warnings?: string[];
}

export interface PlanOptions {
  parallelism: number;
  /**
   * Plain paths that name a file at the base commit (the caller asks git once). A plain scope in
   * this set is that file alone; any other plain scope also covers a directory of that name.
   */
  files?: Iterable<string>;
}

/** Accepts a task array or an object with a `tasks` array (the shape of a tasks file). */
export function buildPlan(input: unknown, opts: PlanOptions): Plan {
  const p = opts.parallelism;
  if (!Number.isInteger(p) || p < 1 || p > PLAN_LIMITS.maxParallelism) {
    throw new LanesError('INVALID_INPUT', `Invalid parallelism ${String(p)}.`, {
      hint: `Use a whole number of workers from 1 to ${PLAN_LIMITS.maxParallelism}.`,
    });
  }
  const list = isTasksObject(input) ? input.tasks : input;
  const tasks = parseTasks(list);
  const graph = buildGraph(tasks, true); // parseTasks checked every id
  const fileScopes = plainFileScopes(tasks, opts.files);
  const conflicts = conflictsOfNormalized(tasks, undefined, fileScopes);
  const s = schedule(tasks, graph, conflicts, p);
  const unscoped = tasks.filter((t) => t.files.length === 0).map((t) => t.id);
  const warnings = unscoped.length
    ? [
        `${unscoped.length} task${unscoped.length === 1 ? ' has' : 's have'} no files, so ${unscoped.length === 1 ? 'its' : 'their'} conflicts cannot be checked: ` +
          `${unscoped.slice(0, 10).join(', ')}${unscoped.length > 10 ? ', ...' : ''}`,
      ]
    : [];
  return {
    tasks,
    waves: s.waves,
    conflicts,
    critical_path: s.critical_path,
    critical_path_hours: s.critical_path_hours,
    sequential_hours: s.sequential_hours,
    parallel_hours: s.parallel_hours,
    lower_bound_hours: s.lower_bound_hours,
    speedup: s.speedup,
    parallelism: p,
    ...(fileScopes.size ? { file_scopes: [...fileScopes].sort() } : {}),
    ...(warnings.length ? { warnings } : {}),
  };
}

/** The tasks' plain scopes that `files` says name a file. */
function plainFileScopes(tasks: readonly PlannedTask[], files: Iterable<string> | undefined): Set<string> {
  const out = new Set<string>();
  if (!files) return out;
  const known = files instanceof Set ? (files as Set<string>) : new Set(files);
  if (!known.size) return out;
  for (const t of tasks) for (const f of t.files) if (known.has(f) && isPlainScope(f)) out.add(f);
  return out;
}

function isTasksObject(x: unknown): x is { tasks: unknown } {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && 'tasks' in x;
}
