/**
 * `lanes status` as text: one screen, sections in the order people look (plan, run, lanes, claims,
 * queue, resources, events). Colour only when asked (a TTY); `width` clips lines so `--watch` can
 * redraw in place without wrapped lines scrolling the screen.
 */
import { renderRemoteBrief } from './remote.js';
import type { LaneStatus } from '../core/status/lanes.js';
import type { MergeEntryBrief } from '../core/status/queue.js';
import type { StatusReport } from '../core/status/status.js';
import { safeText } from '../util/escape.js';
import { NEEDS_FIX_SGR, STATE_SGR } from './color.js';
import { clip, dur, localClock, sgr, table } from './format.js';

export interface RenderOptions {
  color?: boolean;
  /** Clip every line to this many columns. */
  width?: number;
  now?: number;
}

const MARK: Record<string, string> = { planned: '.', in_progress: '>', done: '+', blocked: '!', failed: 'x' };
// The state colours are decided in one place (render/color.ts), matching the dashboard's.
const COLOR = STATE_SGR;
/** A lane the merge queue sent back: magenta, a colour no task state uses. */
export const NEEDS_FIX_COLOR = NEEDS_FIX_SGR;

export function renderStatus(s: StatusReport, opts: RenderOptions = {}): string {
  const now = opts.now ?? Date.now();
  const paint = (code: number | undefined, t: string) => (opts.color && code ? sgr(code, t) : t);
  const bold = (t: string) => (opts.color ? sgr(1, t) : t);
  const ago = (iso: string | undefined) => (iso ? `${dur(now - Date.parse(iso))} ago` : '-');
  const lines: string[] = [];
  const at = s.target_sha ? ` @ ${s.target_sha.slice(0, 8)}` : ' (no commits)';
  lines.push(`${bold('Lanes status')} for ${s.repo}  (target ${s.target}${at})  ${localClock(s.generated_at)}, took ${s.took_ms} ms`);
  if (s.remote?.enabled) lines.push(`${bold('Remote')}: ${renderRemoteBrief(s.remote).split('\n').join('; ')}`);

  if (!s.plan) lines.push(`${bold('Plan')}: none yet (lanes plan <tasks file>)`);
  else {
    const p = s.plan;
    const b = p.by_status;
    const counts = (['done', 'in_progress', 'planned', 'blocked', 'failed'] as const).map((k) =>
      paint(b[k] ? COLOR[k] : undefined, `${b[k]} ${k.replace('_', ' ')}`),
    );
    lines.push(
      `${bold('Plan')}: ${p.tasks} tasks ${bar(p.progress, 20)} ${Math.round(p.progress * 100)}%  ${counts.join(', ')}  (parallelism ${p.parallelism}, predicted speedup ${p.speedup}x)`,
    );
    for (const w of p.waves) {
      const items = w.tasks.map((t) =>
        paint(
          COLOR[t.status],
          `${MARK[t.status] ?? '?'}${t.id}${t.status === 'in_progress' && t.owner ? `@${t.owner}${t.machine ? ` on ${t.machine}` : ''}` : ''}`,
        ),
      );
      lines.push(`  wave ${w.wave}  ${w.done}/${w.tasks.length}  ${items.join('  ')}`);
    }
    lines.push(
      `  (+ done  > in progress  . planned  ! blocked  x failed)${p.conflicts.length ? `  ${p.conflicts.length} conflicting pair${p.conflicts.length === 1 ? '' : 's'} never run together` : ''}`,
    );
  }

  if (s.run) {
    const r = s.run;
    const counts = Object.entries(r.tasks)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ');
    const when =
      r.state !== 'running' && r.finished_at
        ? `(stopped ${ago(r.finished_at)})`
        : r.started_at
          ? `since ${localClock(r.started_at)} (${ago(r.started_at)})`
          : '';
    const with_ = [r.parallelism ? `parallelism ${r.parallelism}` : '', r.agent ? `agent ${r.agent}` : ''].filter(Boolean).join(', ');
    lines.push(`${bold('Run')}${r.id ? ` ${r.id}` : ''}: ${r.state} ${when}${with_ ? `, ${with_}` : ''}${counts ? `: ${counts}` : ''}`);
    if (r.paused) lines.push(paint(33, `  ${safeText(r.paused.text)}${r.paused.task ? ` (task ${safeText(r.paused.task)} hit it)` : ''}`));
    if (r.cost) lines.push(`  cost: ${safeText(r.cost.text)} (estimate)`);
    const busy = r.items.filter((i) => i.state === 'running' || i.state === 'retry' || i.state === 'starting');
    if (busy.length)
      lines.push(
        `  working: ${busy.map((i) => `${i.task} (${i.state}${i.attempts > 1 ? `, attempt ${i.attempts}` : ''}${i.since ? `, ${dur(now - Date.parse(i.since))}` : ''})`).join('  ')}`,
      );
    for (const i of r.items.filter((x) => x.state === 'blocked' && x.reason).slice(0, 5))
      lines.push(paint(33, `  blocked ${i.task}: ${i.reason}`));
  }

  const fixes = s.lanes.filter((l) => l.needs_fix).length;
  lines.push(
    `${bold('Lanes')}: ${s.lanes.length ? s.lanes.length : 'none'}${fixes ? `, ${paint(NEEDS_FIX_COLOR, `${fixes} need${fixes === 1 ? 's' : ''} a fix`)}` : ''}`,
  );
  if (s.lanes.length) {
    const rows = s.lanes.map((l) => laneRow(l, now));
    const [head, ...body] = table(['TASK', 'LANE', 'TASK STATE', 'DIRTY', 'AHEAD/BEHIND', 'AGE', 'ACTIVE', 'OWNER'], rows);
    lines.push(`  ${head}`);
    s.lanes.forEach((l, i) => {
      if (!l.needs_fix) return void lines.push(`  ${body[i]}`);
      // The reason goes on a line of its own under the row, so one long reason does not widen every column.
      lines.push(
        paint(NEEDS_FIX_COLOR, `  ${body[i]}`),
        paint(NEEDS_FIX_COLOR, `    needs fix: ${safeText(l.needs_fix.reason)}${toldText(l.needs_fix)}`),
      );
    });
    for (const l of s.lanes) if (l.problem) lines.push(paint(33, `  ! ${l.task_id ?? l.path}: ${l.problem}`));
  }

  const owners = new Set(s.claims.map((c) => c.owner)).size;
  lines.push(`${bold('Claims')}: ${s.claims.length ? `${s.claims.length} (${owners} owner${owners === 1 ? '' : 's'})` : 'none'}`);
  const shown = s.claims.slice(0, 12);
  lines.push(
    ...table(
      ['OWNER', 'MODE', 'PATTERN', 'UNTIL'],
      shown.map((c) => [c.machine ? `${c.owner} on ${c.machine}` : c.owner, c.mode, c.pattern, localClock(c.expires_at)]),
    )
      .map((l) => `  ${l}`)
      .slice(shown.length ? 0 : 1),
  );
  if (s.claims.length > shown.length) lines.push(`  ... and ${s.claims.length - shown.length} more (lanes claims)`);

  const m = s.merge;
  const proc = m.processor.running
    ? `processor running (pid ${m.processor.pid ?? '?'}${m.processor.since ? `, since ${localClock(m.processor.since)}` : ''})`
    : 'no processor running';
  lines.push(
    `${bold('Merge queue')}: ${m.queue.length ? `${m.queue.length} waiting` : 'empty'}, ${proc}${m.recent.length ? `, recent failure rate ${Math.round(m.recent_failure_rate * 100)}%` : ''}`,
  );
  for (const e of m.queue)
    lines.push(`  ${e.position ?? '-'}. ${e.task}  ${paint(e.state === 'queued' ? undefined : 36, e.state)}${queueNote(e)}`);
  if (m.recent.length) {
    lines.push(
      `  recent: ${m.recent.map((e) => paint(e.state === 'landed' ? 32 : e.state === 'failed' ? 31 : 90, `${e.task} ${e.state}${e.landed_as ? ` ${e.landed_as.slice(0, 8)}` : ''}`)).join('  ')}`,
    );
    const failed = m.recent.find((e) => e.state === 'failed' && e.last_error);
    if (failed) lines.push(paint(31, `  last failure (${failed.task}): ${failed.last_error!.split('\n')[0]}`));
  }

  const r = s.resources;
  lines.push(
    `${bold('Resources')}: ${r.cpus} CPUs, load ${r.load1.toFixed(2)}; memory ${r.mem_available_mb} MB available of ${r.mem_total_mb}; disk ${r.disk_free_mb} MB free`,
  );

  if (s.recent_events.length) {
    lines.push(bold('Recent events:'));
    for (const e of s.recent_events.slice().reverse())
      lines.push(`  ${localClock(e.ts)} ${e.type}${e.task ? ` ${e.task}` : ''}${e.text ? ` ${e.text}` : ''}`);
  }
  for (const p of s.problems) lines.push(paint(33, `! could not read ${p}`));
  return (opts.width ? lines.map((l) => clip(l, opts.width!)) : lines).join('\n');
}

function laneRow(l: LaneStatus, now: number): string[] {
  const ab = l.ahead === undefined ? '-' : `${l.ahead}/${l.behind ?? 0}`;
  const dirty = l.missing
    ? l.state === 'starting'
      ? '-'
      : 'missing'
    : l.dirty_count
      ? `${l.dirty_count}${l.untracked_count ? ` (${l.untracked_count} new)` : ''}`
      : 'clean';
  const name = l.kind === 'foreign' ? `(${safeText(l.branch ?? l.path)})` : (l.task_id ?? '?');
  return [
    name,
    l.kind === 'foreign' ? 'foreign' : (l.state ?? '-'),
    l.needs_fix ? 'needs fix' : (l.task_status?.replace('_', ' ') ?? '-'),
    dirty,
    ab,
    l.age_s === undefined ? '-' : dur(l.age_s * 1000),
    l.last_activity ? `${dur(now - Date.parse(l.last_activity))} ago` : '-',
    safeText(l.owner ?? '-'),
  ];
}

function queueNote(e: MergeEntryBrief): string {
  const parts: string[] = [];
  if (e.waited_ms !== undefined && e.state === 'queued') parts.push(`waited ${dur(e.waited_ms)}`);
  if (e.attempts > 1) parts.push(`attempt ${e.attempts}`);
  if (e.waiting_for?.length) parts.push(`waits for ${e.waiting_for.join(', ')}`);
  if (e.conflicts) parts.push(`${e.conflicts} likely conflict${e.conflicts === 1 ? '' : 's'}`);
  if (e.kind === 'revert') parts.push('revert');
  return parts.length ? `  (${parts.join('; ')})` : '';
}

function bar(frac: number, n: number): string {
  const full = Math.round(Math.min(1, Math.max(0, frac)) * n);
  return `[${'#'.repeat(full)}${'-'.repeat(n - full)}]`;
}

/** For a conflict a landing caused: when the lane's agent was told (nothing until it has been). */
export function toldText(nf: { told_at?: string | undefined }): string {
  return nf.told_at ? `; agent told ${localClock(nf.told_at)}` : '';
}
