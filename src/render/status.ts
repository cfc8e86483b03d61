import type { StatusReport } from '../core/status.js';

const MARK: Record<string, string> = { planned: '.', in_progress: '>', done: '+', blocked: '!', failed: 'x' };

export function renderStatus(s: StatusReport): string {
  const lines = [`Lanes status for ${s.repo}`];
  if (!s.plan) lines.push('Plan: none yet (lanes plan <tasks file>)');
  else {
    const b = s.plan.by_status;
    lines.push(
      `Plan: ${s.plan.tasks} tasks: ${b.done} done, ${b.in_progress} in progress, ${b.planned} planned, ${b.blocked} blocked, ${b.failed} failed ` +
        `(parallelism ${s.plan.parallelism}, predicted speedup ${s.plan.speedup}x)`,
    );
    for (const w of s.plan.waves) {
      lines.push(`  wave ${w.wave}: ${w.tasks.map((t) => `${MARK[t.status] ?? '?'}${t.id}${t.owner ? `@${t.owner}` : ''}`).join('  ')}`);
    }
    lines.push('  (+ done  > in progress  . planned  ! blocked  x failed)');
  }
  const r = s.resources;
  lines.push(
    `Resources: ${r.cpus} CPUs, load ${r.load1.toFixed(2)}; memory ${r.mem_available_mb} MB available of ${r.mem_total_mb}; disk ${r.disk_free_mb} MB free`,
  );
  if (s.recent_events.length) {
    lines.push('Recent events:');
    for (const e of s.recent_events.slice(-10)) {
      const { ts, type, pid: _pid, ...rest } = e;
      lines.push(`  ${ts.slice(11, 19)} ${type} ${JSON.stringify(rest)}`);
    }
  }
  return lines.join('\n');
}
