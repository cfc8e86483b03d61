/** `lanes task show` as text. Owners, notes, topics and errors are agent input: escaped. */
import type { TaskView } from '../core/plan/task-view.js';
import { safeText } from '../util/escape.js';
import { NEEDS_FIX_SGR, paintState, sgr } from './color.js';

export function renderTaskView(v: TaskView, color = false): string {
  const lines = [`${v.id}  ${paintState(color, v.status, v.status.replace('_', ' '))}  ${safeText(v.title)}`];
  if (v.owner)
    lines.push(`  owner    ${safeText(v.owner.name)} (${v.owner.live ? 'lease live' : 'lease not live'}: ${safeText(v.owner.lease)})`);
  if (v.note) lines.push(`  note     ${safeText(v.note)}`);
  if (v.depends_on.length) lines.push(`  needs    ${v.depends_on.join(', ')}`);
  if (v.files.length) lines.push(`  files    ${v.files.map(safeText).join(', ')}`);
  if (v.landed_as) lines.push(`  landed   as ${v.landed_as.slice(0, 12)}`);
  if (v.lane) {
    const l = v.lane;
    const vs = l.ahead === undefined ? '' : `, +${l.ahead}/-${l.behind ?? 0} vs target`;
    lines.push(
      `  lane     ${safeText(l.path)}${l.missing ? ' (MISSING)' : ''}`,
      `  branch   ${l.branch ?? '-'}${vs}, ${l.dirty_count ? `${l.dirty_count} uncommitted` : 'clean'}`,
    );
    if (l.needs_fix) {
      const t = `  needs fix: ${safeText(l.needs_fix.reason)}`;
      lines.push(color ? sgr(NEEDS_FIX_SGR, t) : t);
    }
  } else lines.push('  lane     none');
  lines.push(
    `  claims   ${v.claims.length ? v.claims.map((c) => `${safeText(c.pattern)} (${c.mode}, ${safeText(c.owner)})`).join(', ') : 'none'}`,
  );
  if (v.merge) {
    const m = v.merge;
    lines.push(
      `  queue    ${m.state}${m.position ? ` #${m.position}` : ''} (entry ${m.id}, ${m.attempts} attempt${m.attempts === 1 ? '' : 's'})${m.landed_as ? `, landed as ${m.landed_as.slice(0, 12)}` : ''}`,
    );
    if (m.held_reason) lines.push(`           held: ${safeText(m.held_reason)}`);
    if (m.last_error) lines.push(`           last failure: ${safeText(m.last_error.split('\n')[0] ?? '')}`);
  } else lines.push('  queue    not queued');
  if (v.gate_log)
    lines.push(
      `  gate log ${v.gate_log.ok ? 'passed' : `failed${v.gate_log.failed ? ` (${safeText(v.gate_log.failed)})` : ''}`} at ${v.gate_log.at}: ${v.gate_log.path}`,
    );
  if (v.sessions.length) {
    lines.push('  sessions');
    for (const s of v.sessions)
      lines.push(
        `    ${s.id} ${s.status}: ${safeText(s.topic)}${s.summary ? ` — ${safeText(s.summary)}` : ''}`,
        `      ${safeText(s.note)}`,
      );
  }
  return lines.join('\n');
}
