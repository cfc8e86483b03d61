/**
 * Text renderings of merge queue results, shared by the CLI and the MCP tools (plain functions of
 * plain data; they would sit in src/render/ if that were this module's to edit).
 */
import { act } from '../core/hints/actions.js';
import type { QueueResult } from '../core/merge/enqueue.js';
import type { ProcessResult } from '../core/merge/process.js';
import type { GateLogEntry } from '../core/merge/logs.js';
import type { EntryView, MergeStatus } from '../core/merge/status.js';
import { safeBlock, safeText } from '../util/escape.js';

const short = (sha: string | undefined) => (sha ? sha.slice(0, 12) : '-');

function secs(ms: number | undefined): string {
  if (ms === undefined) return '-';
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function renderQueued(r: QueueResult): string {
  const lines = [
    r.already_queued
      ? `${r.entry.task} was already queued (entry ${r.entry.id}, ${r.entry.state}, position ${r.position}).`
      : `Queued ${r.entry.task} (entry ${r.entry.id}, ${r.entry.strategy}, position ${r.position}, tip ${short(r.entry.tip)}).`,
  ];
  for (const c of r.conflicts)
    lines.push(`Likely conflict with ${c.with === 'target' ? r.entry.target : `lane ${c.with}`}: ${c.files.join(', ')}`);
  if (r.waiting_for.length) lines.push(`Waits for ${r.waiting_for.join(', ')} to land first.`);
  lines.push(...r.warnings);
  lines.push(`Run ${act('process_merge_queue')} to land it.`);
  return lines.join('\n');
}

function entryLine(e: EntryView): string {
  const parts = [`${e.position !== undefined ? `${e.position}. ` : ''}${e.task}`, e.kind === 'revert' ? 'revert' : e.strategy, e.state];
  if (e.landed_as) parts.push(`as ${short(e.landed_as)}${e.unchecked ? ' (unchecked: no gates)' : ''}`);
  if (e.waiting_for) parts.push(`waits for ${e.waiting_for.join(', ')}`);
  if (e.cancel_requested) parts.push('cancel requested');
  if (e.state === 'held')
    parts.push(`held: ${safeText(e.held_reason ?? 'changes the gates')}; a human runs \`lanes merge approve ${e.task}\``);
  if (e.state === 'queued' && e.waited_ms !== undefined) parts.push(`queued ${secs(e.waited_ms)}`);
  if (e.timings?.total_ms !== undefined) parts.push(`took ${secs(e.timings.total_ms)}`);
  let line = parts.join('  ');
  if (e.conflicts?.length) line += `\n     likely conflicts: ${e.conflicts.map((c) => `${c.with}: ${c.files.join(', ')}`).join('; ')}`;
  if (e.last_error && e.state !== 'landed' && e.state !== 'held') {
    // The reason's first lines name the gate and the runner's summary.
    const shown = e.last_error
      .split('\n')
      .filter((l) => l.trim())
      .slice(0, e.state === 'failed' ? 4 : 1);
    line += `\n     last error: ${shown.map((l) => safeText(l)).join('\n       ')}`;
    if (e.log) line += `\n     full log: lanes merge log ${e.task}`;
  }
  return line;
}

export function renderStatus(s: MergeStatus): string {
  const lines = [
    `Target ${s.target} at ${short(s.target_sha)}; processor ${s.processor.running ? `running (pid ${s.processor.pid} since ${s.processor.since})` : 'idle'}.`,
  ];
  if (s.interrupted) lines.push('A processor was interrupted mid-way; the next run (lanes merge run) finishes or retries its entries.');
  lines.push(s.queue.length ? `Queue (${s.queue.length}):` : 'The queue is empty.');
  for (const e of s.queue) lines.push(`  ${entryLine(e)}`);
  if (s.recent.length) {
    lines.push('Recent:');
    for (const e of s.recent) lines.push(`  ${entryLine(e)}`);
  }
  return lines.join('\n');
}

export function renderProcessed(r: ProcessResult): string {
  const lines: string[] = [];
  for (const rec of r.recovered)
    lines.push(
      `Recovered an interrupted run (${rec.step}): ${rec.outcome}${rec.landed.length ? `, finished landing ${rec.landed.join(', ')}` : ''}.`,
    );
  for (const l of r.landed)
    lines.push(`Landed ${l.task} on ${r.target} as ${short(l.commit)}${l.unchecked ? ' (no gates configured: nothing was checked)' : ''}.`);
  for (const h of r.held) lines.push(`Held ${h.task}: ${safeText(h.reason)}. A human lets it land with \`lanes merge approve ${h.task}\`.`);
  for (const f of r.failed) lines.push(`Failed ${f.task} (${f.kind}): ${safeBlock(f.message)}`);
  for (const c of r.cancelled) lines.push(`Cancelled ${c}.`);
  for (const c of r.conflicts)
    lines.push(`Lane ${c.task} now conflicts with ${r.target} in: ${c.files.join(', ')} (recorded on the task).`);
  for (const w of r.waiting) lines.push(`Waiting: ${w.task} until ${w.on.join(', ')} land${w.on.length === 1 ? 's' : ''}.`);
  for (const w of [...new Set(r.warnings)]) lines.push(`Warning: ${w}`);
  if (!r.landed.length && !r.failed.length && !r.cancelled.length && !r.held.length) lines.push('Nothing to land.');
  lines.push(
    `${r.batches} batch${r.batches === 1 ? '' : 'es'}, ${r.gate_runs} gate run${r.gate_runs === 1 ? '' : 's'}; ${r.remaining} entr${r.remaining === 1 ? 'y' : 'ies'} still queued.`,
  );
  return lines.join('\n');
}

export function renderLogList(entries: readonly GateLogEntry[]): string {
  if (!entries.length) return 'No gate runs on record.';
  return entries
    .map(
      (e) =>
        `${e.id}  ${e.at}  ${e.ok ? 'passed' : `failed: ${safeText(e.failed ?? '?')} ${safeText(e.why ?? '')}`}  ${safeText(e.tasks.join(', '))} @ ${short(e.candidate)}  ${e.bytes} bytes${e.truncated ? ' (truncated)' : ''}`,
    )
    .join('\n');
}
