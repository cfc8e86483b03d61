/** The plan's brief for the status report: progress overall and by wave, conflicts, the critical path. */
import { countByStatus, type StoredPlan, type TaskStatus, type TasksDoc } from '../plan/tasks.js';
import { shorten } from './brief.js';

export interface TaskBrief {
  id: string;
  title: string;
  status: TaskStatus;
  wave: number;
  depends_on: string[];
  estimate: number;
  owner?: string;
  /** The owner's machine, when it is another one (shared state on a remote). */
  machine?: string;
  note?: string;
  started_at?: string;
  finished_at?: string;
  landed_as?: string;
}

export interface PlanSummary {
  tasks: number;
  by_status: Record<TaskStatus, number>;
  /** Done tasks as a share of all tasks, 0..1. */
  progress: number;
  waves: Array<{ wave: number; done: number; tasks: TaskBrief[] }>;
  /** Pairs whose file scopes intersect (never run together): dashed edges in the graph. */
  conflicts: Array<{ a: string; b: string; files: string[] }>;
  critical_path: string[];
  parallelism: number;
  speedup: number;
}

export function summarizePlan(plan: StoredPlan, tasks: TasksDoc, machines?: ReadonlyMap<string, string>): PlanSummary {
  const def = new Map(plan.tasks.map((t) => [t.id, t]));
  const by = countByStatus(plan, tasks);
  const waves = plan.waves.map((ids, i) => {
    const list = ids.map((id): TaskBrief => {
      const d = def.get(id);
      const s = tasks[id];
      const b: TaskBrief = {
        id,
        title: d?.title ?? id,
        status: s?.status ?? 'planned',
        wave: i + 1,
        depends_on: d?.depends_on ?? [],
        estimate: d?.estimate ?? 1,
      };
      if (s?.owner) b.owner = s.owner;
      const m = s?.owner ? machines?.get(s.owner) : undefined;
      if (m) b.machine = m;
      if (s?.note) b.note = shorten(s.note, 200);
      if (s?.started_at) b.started_at = s.started_at;
      if (s?.finished_at) b.finished_at = s.finished_at;
      if (s?.landed_as) b.landed_as = s.landed_as;
      return b;
    });
    return { wave: i + 1, done: list.filter((t) => t.status === 'done').length, tasks: list };
  });
  return {
    tasks: plan.tasks.length,
    by_status: by,
    progress: plan.tasks.length ? Math.round((by.done / plan.tasks.length) * 1000) / 1000 : 0,
    waves,
    conflicts: plan.conflicts.map((c) => ({ a: c.a, b: c.b, files: c.files })),
    critical_path: plan.critical_path,
    parallelism: plan.parallelism,
    speedup: plan.speedup,
  };
}
