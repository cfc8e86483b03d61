import { costCell, dollars, secs, usageText, type RunReport } from '../../core/run/index.js';
import { safeText } from '../../util/escape.js';
import { firstLine, table } from '../format.js';

/** The end-of-run report for a terminal. */
export function renderRunReport(r: RunReport): string {
  const lines: string[] = [];
  const head =
    r.status === 'interrupted'
      ? `Run ${r.run_id} interrupted (${r.interrupted?.by ?? 'signal'}): ${r.counts.landed} of ${r.counts.total} tasks landed on ${r.target}; run \`lanes run\` again to resume${r.interrupted?.tasks.length ? ` (${r.interrupted.tasks.join(', ')} stopped mid-work; their lanes are kept)` : ''}.`
      : r.counts.done_before === r.counts.total
        ? `Run ${r.run_id}: nothing to do, every task of the plan had landed already.`
        : `Run ${r.run_id} finished: ${r.counts.landed} of ${r.counts.total} tasks landed on ${r.target}${r.counts.blocked ? `, ${r.counts.blocked} blocked` : ''}${r.counts.not_run ? `, ${r.counts.not_run} not run` : ''}${r.counts.done_before ? ` (${r.counts.done_before} had landed before)` : ''}.`;
  const spent = r.usage?.cost_usd !== undefined ? ` Estimated cost ~${dollars(r.usage.cost_usd)}.` : '';
  lines.push(head + spent, '');
  // A cost column only when some agent reported usage (the scripted agent does not).
  const cost = r.usage !== undefined;
  const cols = ['task', 'state', 'lane', 'attempts', 'duration', ...(cost ? ['cost'] : []), 'merge'];
  const rows = r.tasks.map((t) =>
    [t.id, t.state, t.branch ?? '-', String(t.attempts), secs(t.duration_ms), ...(cost ? [costCell(t.usage)] : []), t.merge].map(safeText),
  );
  // Columns at most 32 wide (the last, the merge result, is not padded).
  lines.push(...table(cols, rows, 32));
  const why = r.tasks.filter((t) => t.reason && t.state !== 'landed');
  if (why.length) {
    lines.push('');
    for (const t of why) lines.push(`${t.id}: ${firstLine(t.reason!)}`);
  }
  lines.push(
    '',
    `Wall time ${secs(r.wall_ms)} · sum of task times ${secs(r.sum_task_ms)} (the sequential estimate) · speedup ${r.speedup}x at parallelism ${r.parallelism}`,
    `Makespan ${secs(r.wall_ms)} vs lower bound ${secs(r.lower_bound_ms)} = max(critical path ${secs(r.critical_path_ms)}, lane work ${secs(r.lane_work_ms)} / ${r.parallelism}, merge queue ${secs(r.merge_work_ms)}): ${r.makespan_ratio}x`,
    `Critical path: ${r.critical_path.join(' → ') || '-'}`,
  );
  if (r.usage) lines.push(`Tokens ${usageText(r.usage)} (estimated cost from the price table)`);
  if (r.pauses?.length)
    lines.push(`Paused ${r.pauses.length}x on usage or rate limits (last: ${r.pauses.at(-1)!.reason} until ${r.pauses.at(-1)!.until})`);
  if (r.report_file) lines.push(`Report: ${r.report_file}`);
  if (r.logs_dir) lines.push(`Agent output: ${r.logs_dir}/<task>.log`);
  return lines.map(safeText).join('\n');
}
