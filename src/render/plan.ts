/** Text renderings of a plan, shared by the CLI and the MCP tools' text content. */
import type { Plan } from '../core/plan/plan.js';
import type { TasksDoc } from '../core/plan/tasks.js';
import { own } from '../state/records.js';
import { safeText } from '../util/escape.js';

export function renderPlan(plan: Plan & { source?: string | undefined }, tasks?: TasksDoc): string {
  const lines: string[] = [];
  const status = (id: string) => {
    const t = own(tasks, id);
    return t ? ` [${safeText(t.status)}]` : '';
  };
  lines.push(`Plan: ${plan.tasks.length} tasks in ${plan.waves.length} waves${plan.source ? ` (from ${safeText(plan.source)})` : ''}`);
  plan.waves.forEach((w, i) => lines.push(`  wave ${i + 1}: ${w.map((id) => id + status(id)).join(', ')}`));
  if (plan.conflicts.length) {
    lines.push(`Conflicts (never run together): ${plan.conflicts.length}`);
    for (const c of plan.conflicts.slice(0, 20)) lines.push(`  ${c.a} <-> ${c.b}: ${safeText(c.files.join('; '))}`);
    if (plan.conflicts.length > 20) lines.push(`  ... ${plan.conflicts.length - 20} more`);
  } else {
    lines.push('Conflicts: none (every pair of tasks touches disjoint files)');
  }
  lines.push(`Critical path: ${plan.critical_path.join(' -> ')} (${plan.critical_path_hours} h)`);
  lines.push(
    `Sequential ${plan.sequential_hours} h; parallel ${plan.parallel_hours} h at parallelism ${plan.parallelism} ` +
      `(lower bound ${plan.lower_bound_hours} h); speedup ${plan.speedup}x`,
  );
  for (const w of plan.warnings ?? []) lines.push(`Warning: ${safeText(w)}`);
  return lines.join('\n');
}

export function renderPlanWork(r: {
  plan: Plan & { source?: string | undefined };
  recommended_parallelism: number;
  parallelism_reason: string;
  at_max_parallel: { parallelism: number; parallel_hours: number; speedup: number };
}): string {
  const lines = [renderPlan(r.plan), `Recommended parallelism: ${r.recommended_parallelism} (${safeText(r.parallelism_reason)})`];
  const m = r.at_max_parallel;
  if (m.parallelism > r.recommended_parallelism) {
    lines.push(`With ${m.parallelism} lanes (when the machine allows): ${m.parallel_hours} h, speedup ${m.speedup}x`);
  }
  return lines.join('\n');
}
