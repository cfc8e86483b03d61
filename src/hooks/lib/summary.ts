/**
 * The one-line picture SessionStart gives a session that is not in a lane: plan progress, ready
 * tasks, open lanes and the merge queue, from lock-free reads of the state documents.
 */
import type { LanesDoc } from '../../core/lanes/model.js';
import type { MergeQueueDoc } from '../../core/merge/model.js';
import type { PlanDoc, TasksDoc } from '../../core/plan/tasks.js';
import { readDoc } from './where.js';

export function planSummary(stateDir: string, lanes: LanesDoc): string {
  const plan = readDoc<PlanDoc>(stateDir, 'plan')?.plan ?? null;
  const tasks = readDoc<TasksDoc>(stateDir, 'tasks') ?? {};
  const queue = readDoc<MergeQueueDoc>(stateDir, 'merge-queue');
  const nLanes = Object.keys(lanes).length;
  const entries = Array.isArray(queue?.entries) ? queue.entries : [];
  const count = (states: string[]) => entries.filter((e) => states.includes(e.state)).length;
  const queued = count(['queued', 'integrating', 'gating', 'landing']);
  const failed = count(['failed']);
  const queueText = `merge queue: ${queued} waiting${failed ? `, ${failed} failed` : ''}`;
  const lanesText = `${nLanes} lane${nLanes === 1 ? '' : 's'} open`;
  if (!plan || !Array.isArray(plan.tasks)) {
    return `Lanes: no plan in this repository yet; ${lanesText}; ${queueText}. /parallel <goal | tasks file | ROADMAP.md> plans the work and runs it in parallel lanes.`;
  }
  const by: Record<string, number> = {};
  for (const t of plan.tasks) {
    const s = tasks[t.id]?.status ?? 'planned';
    by[s] = (by[s] ?? 0) + 1;
  }
  const ready = plan.tasks.filter(
    (t) => (tasks[t.id]?.status ?? 'planned') === 'planned' && (t.depends_on ?? []).every((d) => tasks[d]?.status === 'done'),
  ).length;
  const order = ['done', 'in_progress', 'planned', 'blocked', 'failed'];
  const parts = order.filter((s) => by[s]).map((s) => `${by[s]} ${s.replace('_', ' ')}`);
  const waves = Array.isArray(plan.waves) ? plan.waves.length : 0;
  return (
    `Lanes: plan of ${plan.tasks.length} task${plan.tasks.length === 1 ? '' : 's'} in ${waves} wave${waves === 1 ? '' : 's'} ` +
    `(${parts.join(', ')}; ${ready} ready to start); ${lanesText}; ${queueText}. ` +
    `The Lanes tools (status, next_tasks, ...) give details; /parallel continues the plan.`
  );
}
