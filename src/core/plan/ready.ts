/**
 * Which planned tasks can start now, critical path first: the list scheduling `lanes run`,
 * next_tasks and `lanes plan next` share.
 */
import type { PlannedTask } from './plan.js';
import type { StoredPlan, TasksDoc } from './tasks.js';

export interface ReadyTask {
  task: PlannedTask;
  priority_hours: number;
}

/**
 * Tasks that can start now: planned, dependencies done, not conflicting with anything in progress
 * (nor with each other), parallel_ok:false tasks only when nothing else runs; at most `slots`.
 * Ordered critical-path first (the longest remaining chain of work behind a task).
 */
export function readyTasks(plan: StoredPlan, tasks: TasksDoc, slots: number): ReadyTask[] {
  const byId = new Map(plan.tasks.map((t) => [t.id, t]));
  const conflictsOf = new Map<string, Set<string>>();
  for (const c of plan.conflicts) {
    if (!conflictsOf.has(c.a)) conflictsOf.set(c.a, new Set());
    if (!conflictsOf.has(c.b)) conflictsOf.set(c.b, new Set());
    conflictsOf.get(c.a)!.add(c.b);
    conflictsOf.get(c.b)!.add(c.a);
  }
  const running = plan.tasks.filter((t) => tasks[t.id]?.status === 'in_progress');
  if (running.some((t) => !t.parallel_ok)) return [];
  const rank = tailHours(plan);
  const candidates = plan.tasks
    .filter((t) => (tasks[t.id]?.status ?? 'planned') === 'planned')
    .filter((t) => t.depends_on.every((d) => tasks[d]?.status === 'done'))
    .sort((x, y) => rank.get(y.id)! - rank.get(x.id)! || x.id.localeCompare(y.id));
  const chosen: ReadyTask[] = [];
  const busy = new Set(running.map((t) => t.id));
  for (const t of candidates) {
    if (chosen.length >= slots) break;
    if (!t.parallel_ok && (busy.size > 0 || chosen.length > 0)) continue;
    const cs = conflictsOf.get(t.id);
    if (cs && [...busy].some((b) => cs.has(b))) continue;
    chosen.push({ task: byId.get(t.id)!, priority_hours: round2(rank.get(t.id)!) });
    busy.add(t.id);
    if (!t.parallel_ok) break;
  }
  return chosen;
}

/** For each task, its estimate plus the longest chain of dependents after it. */
function tailHours(plan: StoredPlan): Map<string, number> {
  const dependents = new Map<string, string[]>();
  for (const t of plan.tasks) for (const d of t.depends_on) (dependents.get(d) ?? dependents.set(d, []).get(d)!).push(t.id);
  const est = new Map(plan.tasks.map((t) => [t.id, t.estimate]));
  const memo = new Map<string, number>();
  // Reverse topological order: plan.tasks is validated acyclic; iterate waves backwards.
  const order = plan.waves.flat().reverse();
  for (const id of order) {
    let best = 0;
    for (const c of dependents.get(id) ?? []) best = Math.max(best, memo.get(c) ?? 0);
    memo.set(id, (est.get(id) ?? 1) + best);
  }
  return memo;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
