/**
 * Which tasks a run starts now: list scheduling, critical path first (readyTasks: dependencies
 * landed, no conflicting task in flight, parallel_ok respected), after the lanes that already exist
 * and need an agent again (retries, interrupted work: they hold claims and commits). Admission
 * also waits while the machine is below its memory or disk floor.
 */
import { readResources } from '../../system/resources.js';
import type { LanesConfig } from '../config/schema.js';
import type { PlannedTask } from '../plan/plan.js';
import { readyTasks } from '../plan/ready.js';
import type { StoredPlan, TasksDoc } from '../plan/tasks.js';
import type { RunTask } from './model.js';

export interface AdmissionInput {
  plan: StoredPlan;
  tasks: TasksDoc;
  runTasks: Record<string, RunTask>;
  /** The run's owner: a task the state gives to it that it never got a lane for is started again. */
  owner?: string;
  /** Tasks whose start_task is in flight: in progress for conflicts, not yet in the state. */
  starting: ReadonlySet<string>;
  /** Tasks whose agent is running. */
  withAgent: ReadonlySet<string>;
  /** Tasks not to start now (someone else's, blocked, backing off after a failed start). */
  skip: (id: string) => boolean;
  slots: number;
}

export interface Admission {
  /** Existing lanes to run an agent in again, best first. */
  again: RunTask[];
  /** New tasks to start, critical path first, conflict-free with everything in flight and each other. */
  fresh: PlannedTask[];
  /** Something could start if there were room (a free slot, or resources). */
  waiting: boolean;
}

export function chooseAdmissions(i: AdmissionInput): Admission {
  const inPlan = new Set(i.plan.tasks.map((t) => t.id));
  const rank = readyRank(i.plan);
  const again = Object.values(i.runTasks)
    .filter((t) => (t.state === 'retry' || t.state === 'interrupted') && !i.withAgent.has(t.id) && inPlan.has(t.id))
    .sort((a, b) => (rank.get(b.id) ?? 0) - (rank.get(a.id) ?? 0));
  const view: TasksDoc = { ...i.tasks };
  // A start cut short after its claim landed (the answer lost on the way, a rollback that could not
  // reach the state) leaves the task ours in the state with no lane: a candidate again, and
  // start_task by the same owner picks it up where it stopped.
  for (const rt of Object.values(i.runTasks)) {
    const st = view[rt.id];
    if (rt.state === 'pending' && i.owner !== undefined && st?.status === 'in_progress' && st.owner === i.owner && !i.starting.has(rt.id))
      view[rt.id] = { ...st, status: 'planned' };
  }
  for (const id of i.starting) view[id] = { ...(view[id] ?? { id, updated_at: '', history: [] }), status: 'in_progress' };
  // Skipped tasks are taken out of the candidates (not made busy: they hold nothing).
  for (const t of i.plan.tasks) {
    if ((view[t.id]?.status ?? 'planned') === 'planned' && i.skip(t.id))
      view[t.id] = { ...(view[t.id] ?? { id: t.id, updated_at: '', history: [] }), status: 'blocked' };
  }
  const candidates = readyTasks(i.plan, view, i.plan.tasks.length);
  const waiting = again.length > 0 || candidates.length > 0;
  const slots = Math.max(0, i.slots);
  const picked = again.slice(0, slots);
  const fresh = readyTasks(i.plan, view, slots - picked.length).map((r) => r.task);
  return { again: picked, fresh, waiting };
}

const rankCache = new WeakMap<StoredPlan, Map<string, number>>();

/** Critical-path-first priority: a task's estimate plus the longest chain of dependents after it. */
export function readyRank(plan: StoredPlan): Map<string, number> {
  let m = rankCache.get(plan);
  if (m) return m;
  m = new Map();
  const byId = new Map(plan.tasks.map((t) => [t.id, t]));
  const dependents = new Map<string, string[]>();
  for (const t of plan.tasks) for (const d of t.depends_on) (dependents.get(d) ?? dependents.set(d, []).get(d)!).push(t.id);
  for (const id of plan.waves.flat().reverse()) {
    let best = 0;
    for (const c of dependents.get(id) ?? []) best = Math.max(best, m.get(c) ?? 0);
    m.set(id, (byId.get(id)?.estimate ?? 1) + best);
  }
  rankCache.set(plan, m);
  return m;
}

/** Why a new lane may not start now (memory or disk below the configured floor), or undefined. */
export async function resourceFloors(dir: string, cfg: Pick<LanesConfig, 'resources'>): Promise<string | undefined> {
  const r = await readResources(dir, { siTimeoutMs: 0, maxAgeMs: 1000 });
  const f = cfg.resources;
  if (r.mem_available_mb < f.min_free_memory_mb) {
    return `waiting for memory: ${r.mem_available_mb} MB available, below the floor of ${f.min_free_memory_mb} MB (resources.min_free_memory_mb)`;
  }
  if (r.sources.disk !== 'unavailable' && r.disk_free_mb < f.min_free_disk_mb) {
    return `waiting for disk: ${r.disk_free_mb} MB free, below the floor of ${f.min_free_disk_mb} MB (resources.min_free_disk_mb)`;
  }
  return undefined;
}
