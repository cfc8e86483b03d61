/**
 * The stored plan and the state of its tasks. The plan doc holds what was planned (tasks, waves,
 * conflicts); the tasks doc holds what is happening to each task. Both change together in one
 * transaction, so a reader never sees a task without its plan entry.
 */
import { act } from '../hints/actions.js';
import { LanesError } from '../../errors.js';
import { assertSlug } from '../../util/slug.js';
import { defineDoc, type DocTx } from '../../state/define.js';
import type { StateStore } from '../../state/index.js';
import { failpoint } from '../../util/failpoint.js';
import type { Plan, PlannedTask } from './plan.js';
import { assertOwner } from '../claims/owner.js';
import { assertAuthority, describeLiveness, ownerLiveness, OWNERS_DOC, touchOwnerInTx } from '../claims/liveness.js';

export const TASK_STATUSES = ['planned', 'in_progress', 'done', 'blocked', 'failed'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export interface TaskState {
  id: string;
  status: TaskStatus;
  owner?: string;
  note?: string;
  updated_at: string;
  started_at?: string;
  finished_at?: string;
  landed_as?: string;
  history: Array<{ at: string; status: TaskStatus; owner?: string; note?: string }>;
}

export interface StoredPlan extends Plan {
  created_at: string;
  updated_at: string;
  source?: string;
}

export type TasksDoc = Record<string, TaskState>;

/** Wrapped so a transaction can replace the plan by mutating the doc in place. */
export interface PlanDoc {
  plan: StoredPlan | null;
}
export const emptyPlan = (): PlanDoc => ({ plan: null });
export const emptyTasks = (): TasksDoc => ({});
export const PLAN_DOC = defineDoc<PlanDoc>({ name: 'plan', empty: emptyPlan });
export const TASKS_DOC = defineDoc<TasksDoc>({ name: 'tasks', empty: emptyTasks });
const HISTORY_MAX = 20;

function now(): string {
  return new Date().toISOString();
}

export function newTaskState(id: string, at = now()): TaskState {
  return { id, status: 'planned', updated_at: at, history: [{ at, status: 'planned' }] };
}

export function setStatus(t: TaskState, status: TaskStatus, fields: { owner?: string; note?: string } = {}): void {
  const at = now();
  t.status = status;
  t.updated_at = at;
  if (fields.owner !== undefined) t.owner = fields.owner;
  if (fields.note !== undefined) t.note = fields.note;
  if (status === 'in_progress') t.started_at ??= at;
  if (status === 'done' || status === 'failed') t.finished_at = at;
  t.history.push({ at, status, ...(fields.owner ? { owner: fields.owner } : {}), ...(fields.note ? { note: fields.note } : {}) });
  if (t.history.length > HISTORY_MAX) t.history.splice(0, t.history.length - HISTORY_MAX);
}

export async function readPlan(store: StateStore): Promise<{ plan: StoredPlan | null; tasks: TasksDoc }> {
  const [p, t] = await Promise.all([store.read(PLAN_DOC), store.read(TASKS_DOC)]);
  return { plan: p.data.plan, tasks: t.data };
}

export function requirePlan(plan: StoredPlan | null): StoredPlan {
  if (!plan) {
    throw new LanesError('NOT_FOUND', 'There is no plan yet.', {
      hint: `Create one with ${act('plan_work')}.`,
    });
  }
  return plan;
}

export function requireTask(plan: StoredPlan, id: string): PlannedTask {
  assertSlug(id);
  const t = plan.tasks.find((x) => x.id === id);
  if (!t) {
    const known = plan.tasks
      .slice(0, 12)
      .map((x) => x.id)
      .join(', ');
    throw new LanesError('NOT_FOUND', `There is no task "${id}" in the plan.`, {
      hint: `Known tasks: ${known}${plan.tasks.length > 12 ? ', ...' : ''}. Add it with ${act('add_task')} if it is new.`,
    });
  }
  return t;
}

/** Stores a new plan. Tasks already known keep their state; a plan that would drop a task in progress is refused. */
export async function storePlan(
  store: StateStore,
  input: unknown[],
  opts: { parallelism: number; source?: string; replace?: boolean; files?: Iterable<string> },
): Promise<StoredPlan> {
  // Validate and compute before taking the lock: errors store nothing. The planner (and zod) is
  // loaded here, not on import: hooks read tasks without ever planning.
  const { buildPlan } = await import('./plan.js');
  const plan = buildPlan(input, { parallelism: opts.parallelism, ...(opts.files ? { files: opts.files } : {}) });
  const stored = await store.transact(async (tx) => {
    const tasks = tx.get(TASKS_DOC);
    const ids = new Set(plan.tasks.map((t) => t.id));
    const dropped = Object.values(tasks).filter((t) => !ids.has(t.id) && t.status === 'in_progress');
    if (dropped.length && !opts.replace) {
      throw new LanesError('CONFLICT', `The new plan drops tasks that are in progress: ${dropped.map((t) => t.id).join(', ')}.`, {
        hint: 'Keep those tasks in the new plan, finish them first, or pass replace: true (their lanes are kept).',
      });
    }
    for (const id of Object.keys(tasks)) if (!ids.has(id)) delete tasks[id];
    for (const t of plan.tasks) tasks[t.id] ??= newTaskState(t.id);
    const at = now();
    const stored: StoredPlan = { ...plan, created_at: at, updated_at: at, ...(opts.source ? { source: opts.source } : {}) };
    tx.get(PLAN_DOC).plan = stored;
    return stored;
  });
  await failpoint('plan.after-store');
  await store.appendEvent('plan.stored', { tasks: plan.tasks.length, waves: plan.waves.length, source: opts.source });
  return stored;
}

/** Adds a task discovered while working; the whole plan is re-checked (cycles, conflicts, waves). */
export async function addTask(store: StateStore, input: unknown): Promise<{ plan: StoredPlan; task: PlannedTask }> {
  const { buildPlan } = await import('./plan.js'); // before the lock, not inside it
  const out = await store.transact(async (tx) => {
    const doc = tx.get(PLAN_DOC);
    const plan = requirePlan(doc.plan);
    const id = (input as { id?: unknown })?.id;
    if (typeof id === 'string' && plan.tasks.some((t) => t.id === id)) {
      throw new LanesError('CONFLICT', `Task "${id}" is already in the plan.`, {
        hint: `Pick another id, or change it with ${act('update_task', { task_id: id })}.`,
      });
    }
    const next = buildPlan([...plan.tasks, input], {
      parallelism: plan.parallelism,
      ...(plan.file_scopes ? { files: plan.file_scopes } : {}),
    });
    const stored: StoredPlan = { ...next, created_at: plan.created_at, updated_at: now(), ...(plan.source ? { source: plan.source } : {}) };
    doc.plan = stored;
    const task = next.tasks[next.tasks.length - 1]!;
    tx.get(TASKS_DOC)[task.id] = newTaskState(task.id);
    return { plan: stored, task };
  });
  await store.appendEvent('task.added', { task: out.task.id });
  return out;
}

export interface UpdateTaskInput {
  id: string;
  status: TaskStatus;
  owner?: string;
  note?: string;
  /** Only apply if the task is currently in this status (compare-and-swap for racing claimers). */
  expect_status?: TaskStatus;
  /**
   * Who asks (tools and CLI commands say; internal callers such as the runner and the merge queue
   * do not). Given, the change is refused on a task another live owner holds, and the actor's
   * lease is renewed in the same commit.
   */
  actor?: string;
  /** Lease length for the actor's renewal. */
  actor_ttl_seconds?: number;
  /** The actor's liveness when it is bound to one process (an identity without a stable name). */
  actor_pid?: number;
  /** A human's override at the CLI: change it even though another live owner holds it. */
  force?: boolean;
}

/** The owner a task belongs to while someone works on it (planned and done tasks belong to nobody). */
export function taskHolder(t: TaskState | undefined): string | undefined {
  return t && t.owner && (t.status === 'in_progress' || t.status === 'blocked' || t.status === 'failed') ? t.owner : undefined;
}

/**
 * Moves a task to a new status. Claiming (`in_progress` with an owner) is atomic under the state
 * lock: of two racing claimers exactly one wins, the other gets "already started by ...".
 */
export async function updateTask(store: StateStore, u: UpdateTaskInput): Promise<TaskState> {
  assertSlug(u.id);
  const out = await store.transact(async (tx) => applyTaskUpdate(tx, u));
  await store.appendEvent('task.status', {
    task: u.id,
    status: u.status,
    owner: u.owner,
    note: u.note,
    ...(u.actor !== undefined ? { by: u.actor } : {}),
    ...(u.force ? { forced: true } : {}),
  });
  return out;
}

/** Minimal view of a StateStore transaction, so other core modules can combine a task update with their own docs. */
/** The task update inside a caller's transaction (start_task claims the task and its files in one commit). */
export function applyTaskUpdate(tx: DocTx, u: UpdateTaskInput): TaskState {
  assertSlug(u.id);
  if (u.owner !== undefined) assertOwner(u.owner);
  const plan = requirePlan(tx.get(PLAN_DOC).plan);
  const def = requireTask(plan, u.id);
  const tasks = tx.get(TASKS_DOC);
  const t = (tasks[u.id] ??= newTaskState(u.id));
  if (u.expect_status && t.status !== u.expect_status) {
    throw new LanesError('CONFLICT', `Task "${u.id}" is ${t.status}${t.owner ? ` (owner ${t.owner})` : ''}, not ${u.expect_status}.`, {
      hint: `Read its state with ${act('get_plan')} and decide again.`,
    });
  }
  if (u.actor !== undefined) {
    const owners = tx.get(OWNERS_DOC);
    assertAuthority(owners, {
      actor: assertOwner(u.actor),
      holder: taskHolder(t),
      what: `Task "${u.id}"`,
      task: u.id,
      ...(u.force ? { force: true } : {}),
    });
    touchOwnerInTx(tx, {
      owner: u.actor,
      ...(u.actor_ttl_seconds !== undefined ? { ttl_seconds: u.actor_ttl_seconds } : {}),
      ...(u.actor_pid !== undefined ? { pid: u.actor_pid } : {}),
    });
  }
  if (u.status === 'in_progress') {
    if (t.status === 'in_progress' && t.owner && u.owner && t.owner !== u.owner && !u.force) {
      const l = ownerLiveness(tx.get(OWNERS_DOC), t.owner);
      throw new LanesError(
        'CONFLICT',
        `Task "${u.id}" is already started by ${describeLiveness(l)} (since ${t.started_at ?? t.updated_at}).`,
        {
          hint: l.live
            ? `Pick another task with ${act('next_tasks')}, or ask that owner to release it (${act('update_task', { task_id: u.id })} to planned).`
            : `Its owner is gone: take it over with ${act('take_task', { task_id: u.id })}, which keeps its lane and commits.`,
        },
      );
    }
    if (t.status === 'done') {
      throw new LanesError('CONFLICT', `Task "${u.id}" is already done${t.landed_as ? ` (landed as ${t.landed_as})` : ''}.`, {
        hint: `Add a follow-up task with ${act('add_task')} instead of reopening it.`,
      });
    }
    const notDone = def.depends_on.filter((d) => tasks[d]?.status !== 'done');
    if (notDone.length) {
      throw new LanesError('CONFLICT', `Task "${u.id}" depends on tasks that are not done: ${notDone.join(', ')}.`, {
        hint: `Start a ready task instead (${act('next_tasks')} lists them).`,
      });
    }
  }
  if (u.status === 'planned') delete t.owner;
  setStatus(t, u.status, {
    ...(u.owner !== undefined && u.status !== 'planned' ? { owner: u.owner } : {}),
    ...(u.note !== undefined ? { note: u.note } : {}),
  });
  return { ...t, history: [...t.history] };
}

export function countByStatus(plan: StoredPlan | null, tasks: TasksDoc): Record<TaskStatus, number> {
  const out = { planned: 0, in_progress: 0, done: 0, blocked: 0, failed: 0 } as Record<TaskStatus, number>;
  for (const t of plan?.tasks ?? []) out[tasks[t.id]?.status ?? 'planned']++;
  return out;
}
