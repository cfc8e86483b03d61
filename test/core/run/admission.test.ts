// Admission: which tasks a run starts next.
import { describe, expect, it } from 'vitest';
import { chooseAdmissions } from '../../../src/core/run/admission.js';
import type { RunTask } from '../../../src/core/run/model.js';
import { buildPlan } from '../../../src/core/plan/plan.js';
import type { StoredPlan, TasksDoc } from '../../../src/core/plan/tasks.js';

const plan = {
  ...buildPlan(
    [
      { id: 'a', title: 'a' },
      { id: 'b', title: 'b', depends_on: ['a'] },
    ],
    { parallelism: 2 },
  ),
  created_at: '',
  updated_at: '',
} as StoredPlan;

const input = (tasks: TasksDoc, runTasks: Record<string, RunTask>) => ({
  plan,
  tasks,
  runTasks,
  owner: 'run:me',
  starting: new Set<string>(),
  withAgent: new Set<string>(),
  skip: () => false,
  slots: 2,
});

describe('chooseAdmissions', () => {
  const pending: Record<string, RunTask> = { a: { id: 'a', state: 'pending', attempts: [] } };

  it('starts again a task the state gives to this run but whose start was cut short (no lane, no agent)', () => {
    const tasks: TasksDoc = { a: { id: 'a', status: 'in_progress', owner: 'run:me', updated_at: '', history: [] } };
    expect(chooseAdmissions(input(tasks, pending)).fresh.map((t) => t.id)).toEqual(['a']);
  });

  it("leaves another owner's task in progress alone, and never starts a task whose dependency is not done", () => {
    const tasks: TasksDoc = { a: { id: 'a', status: 'in_progress', owner: 'run:other', updated_at: '', history: [] } };
    const c = chooseAdmissions(input(tasks, pending));
    expect(c.fresh).toEqual([]);
    expect(c.waiting).toBe(false);
  });
});
