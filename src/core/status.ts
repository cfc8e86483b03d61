/**
 * The picture at a glance: plan progress by wave, tasks by state, resources. Later capabilities
 * (lanes, claims, queue) add their sections here.
 */
import { readResources, type Resources } from '../system/resources.js';
import type { Lanes } from './context.js';
import { countByStatus, readPlan, type TaskStatus } from './tasks.js';

export interface StatusReport {
  repo: string;
  plan: null | {
    tasks: number;
    by_status: Record<TaskStatus, number>;
    waves: Array<{ wave: number; tasks: Array<{ id: string; status: TaskStatus; owner?: string }> }>;
    parallelism: number;
    speedup: number;
  };
  resources: Resources;
  recent_events: Array<{ ts: string; type: string; [k: string]: unknown }>;
}

export async function status(lanes: Lanes, opts: { events?: number } = {}): Promise<StatusReport> {
  const [{ plan, tasks }, resources, events] = await Promise.all([
    readPlan(lanes.store),
    readResources(lanes.repo.mainRoot),
    lanes.store.readEvents({ limit: opts.events ?? 10 }),
  ]);
  return {
    repo: lanes.repo.mainRoot,
    plan: plan && {
      tasks: plan.tasks.length,
      by_status: countByStatus(plan, tasks),
      waves: plan.waves.map((w, i) => ({
        wave: i + 1,
        tasks: w.map((id) => ({ id, status: tasks[id]?.status ?? 'planned', ...(tasks[id]?.owner ? { owner: tasks[id]!.owner! } : {}) })),
      })),
      parallelism: plan.parallelism,
      speedup: plan.speedup,
    },
    resources,
    recent_events: events,
  };
}
