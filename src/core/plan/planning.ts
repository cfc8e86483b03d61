/**
 * plan_work: tasks (inline or from a tasks file / ROADMAP.md) become a checked, stored plan with a
 * recommended parallelism from the machine's free resources.
 */
import path from 'node:path';
import { LanesError } from '../../errors.js';
import { filesAt } from '../../git/tree.js';
import { readResources, type Resources } from '../../system/resources.js';
import type { Project } from '../project/project.js';
import { recommendParallelism } from './parallelism.js';
import { isPlainScope } from './globs.js';
import { parseTasks } from './model.js';
import { buildPlan, type PlannedTask } from './plan.js';
import { loadTasksSource } from './sources.js';
import { storePlan, type StoredPlan } from './tasks.js';

export interface PlanWorkInput {
  tasks?: unknown[];
  source?: string;
  replace?: boolean;
}

export interface PlanWorkResult {
  plan: StoredPlan;
  recommended_parallelism: number;
  parallelism_reason: string;
  limits: Array<{ by: string; value: number }>;
  resources: Resources;
  /** The same plan if `max_parallel` lanes could run (for comparison when the machine is busy). */
  at_max_parallel: { parallelism: number; parallel_hours: number; speedup: number };
}

export async function planWork(project: Project, input: PlanWorkInput, cwd: string): Promise<PlanWorkResult> {
  if ((input.tasks === undefined) === (input.source === undefined)) {
    throw new LanesError(
      'INVALID_INPUT',
      'Give either `tasks` (a list) or `source` (a path to a tasks file or ROADMAP.md), not both or neither.',
      {
        hint: 'Example: { "tasks": [{ "id": "api", "title": "Build the API", "files": ["src/api/**"] }] }',
      },
    );
  }
  let tasks = input.tasks;
  let source: string | undefined;
  if (input.source !== undefined) {
    source = path.resolve(cwd, input.source);
    tasks = await loadTasksSource(source);
  }
  const cfg = await project.config();
  // Validate first (clear errors, nothing stored), then size the parallelism to the plan's width.
  // Which plain scopes name a file at the target decides how precise the conflict check can be.
  const plain = plainScopes(parseTasks(tasks!));
  const files = await filesAt(project.repo.mainRoot, `refs/heads/${cfg.target}`, plain);
  const draft = buildPlan(tasks!, { parallelism: cfg.max_parallel, files });
  const width = Math.max(1, ...draft.waves.map((w) => w.length));
  const resources = await readResources(project.repo.mainRoot);
  const rec = recommendParallelism(resources, cfg, { width });
  const plan = await storePlan(project.store, tasks!, {
    parallelism: rec.parallelism,
    files,
    ...(source ? { source: path.relative(project.repo.mainRoot, source) || source } : {}),
    ...(input.replace ? { replace: true } : {}),
  });
  return {
    plan,
    recommended_parallelism: rec.parallelism,
    parallelism_reason: rec.reason,
    limits: rec.limits,
    resources,
    at_max_parallel: {
      parallelism: Math.min(cfg.max_parallel, width),
      parallel_hours: draft.parallel_hours,
      speedup: draft.speedup,
    },
  };
}

function plainScopes(tasks: readonly PlannedTask[]): string[] {
  const out = new Set<string>();
  for (const t of tasks) for (const f of t.files) if (isPlainScope(f)) out.add(f);
  return [...out];
}
