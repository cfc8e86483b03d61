/**
 * What `lanes run` shows while it runs, from its event stream (core/run/events.ts):
 * - live (a terminal): a block redrawn in place — one row per lane (state, attempt, elapsed, last
 *   activity), the merge queue, landed / blocked / retry counts — with notable events (landed,
 *   blocked, retry, warnings) printed above it as a scrolling log;
 * - lines (not a terminal): one plain line per event, for CI logs and pipes;
 * - json: one JSON object per line, for machines.
 *
 * Plain ANSI (cursor up, clear to end of screen) rather than a terminal UI library: the block is a
 * few dozen lines of text and a dependency would have to bundle into dist/ for no gain.
 */
import { costCell, dollars, pauseText, secs, usageText, type RunEvent, type RunReport } from '../core/run/index.js';
import { safeText } from '../util/escape.js';

export type DisplayMode = 'live' | 'lines' | 'json';

export interface DisplayStream {
  write(s: string): unknown;
  columns?: number;
  rows?: number;
  isTTY?: boolean;
}

export interface RunDisplay {
  onEvent(e: RunEvent): void;
  /** Final redraw; the cursor is left below the block. */
  close(): void;
}

export function displayModeFor(opts: { json?: boolean; live?: boolean }, out: DisplayStream): DisplayMode {
  if (opts.json) return 'json';
  if (opts.live === false) return 'lines';
  return out.isTTY && process.env.TERM !== 'dumb' ? 'live' : 'lines';
}

export function createRunDisplay(mode: DisplayMode, out: DisplayStream): RunDisplay {
  if (mode === 'json') return { onEvent: (e) => void out.write(`${JSON.stringify(e)}\n`), close: () => {} };
  if (mode === 'lines') {
    return {
      onEvent: (e) => {
        const line = lineFor(e);
        if (line !== undefined) out.write(`${clock(e.at)} ${line}\n`);
      },
      close: () => {},
    };
  }
  return new LiveDisplay(out);
}

function clock(iso: string): string {
  return iso.slice(11, 19);
}

/**
 * The plain line for an event (undefined: not shown). Shared by lines mode and the live log.
 * Events quote agents' output and reasons: the line is escaped for the terminal as a whole.
 */
export function lineFor(e: RunEvent): string | undefined {
  const line = rawLine(e);
  return line === undefined ? undefined : safeText(line);
}

function rawLine(e: RunEvent): string | undefined {
  switch (e.type) {
    case 'run.started':
      return `${e.resumed ? 'resuming' : 'starting'} run ${e.run_id}: ${e.tasks} tasks, ${e.parallelism} at a time, agent ${e.agent}, landing on ${e.target}`;
    case 'task.starting':
      return `${e.task}: starting a lane`;
    case 'task.started':
      return `${e.task}: lane ${e.branch} ready (${secs(e.ms)})`;
    case 'agent.started':
      return `${e.task}: agent started (attempt ${e.attempt}${e.pid ? `, pid ${e.pid}` : ''})`;
    case 'agent.activity':
      return `${e.task}: ${e.text}`;
    case 'agent.exited':
      return `${e.task}: agent ${e.outcome === 'finished' ? 'finished' : e.outcome === 'limited' ? 'stopped on a limit (not counted)' : `did not finish (${e.outcome})`} after ${secs(e.ms)}${e.reason ? `: ${safeText(e.reason)}` : ''}${e.usage?.cost_usd !== undefined ? ` · ${costCell(e.usage)}` : ''}`;
    case 'task.queued':
      return `${e.task}: queued for merge (${e.entry})${e.conflicts.length ? `; likely conflicts with ${e.conflicts.join(', ')}` : ''}`;
    case 'merge.progress':
      return `merge: ${e.text}`;
    case 'task.landed':
      return `${e.task}: landed as ${e.commit.slice(0, 12)}`;
    case 'task.merge_failed':
      return `${e.task}: merge failed: ${firstLine(e.reason)}`;
    case 'task.retry':
      return `${e.task}: retrying (attempt ${e.attempt}): ${firstLine(e.reason)}`;
    case 'task.blocked':
      return `${e.task}: BLOCKED: ${firstLine(e.reason)}`;
    case 'resources.waiting':
      return e.reason;
    case 'resources.ok':
      return 'resources are back above the floors';
    case 'run.paused':
      return `${pauseText({ reason: e.reason, until: e.until }, Date.parse(e.at))}${e.task ? ` (${e.task}'s agent hit it; its lane is kept and the attempt not counted)` : ''}`;
    case 'run.resumed':
      return `resumed after the ${e.reason}`;
    case 'run.warning':
      return `warning: ${e.text}`;
    case 'run.stopping':
      return `stopping (${e.by}): ending ${e.agents.length ? e.agents.join(', ') : 'no agents'}; lanes and their work are kept`;
    case 'run.finished':
      return `run ${e.report.run_id} ${e.report.status}`;
  }
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? '';
}

interface LaneRow {
  state: string;
  attempt: number;
  since: number;
  activity: string;
}

const NOTABLE = new Set<RunEvent['type']>(['run.started', 'task.landed', 'task.blocked', 'task.retry', 'task.merge_failed', 'run.warning', 'run.stopping', 'resources.waiting', 'resources.ok', 'run.paused', 'run.resumed']);

class LiveDisplay implements RunDisplay {
  private readonly rows = new Map<string, LaneRow>();
  private readonly queue: string[] = [];
  private readonly log: string[] = [];
  private header = 'lanes run';
  private started = Date.now();
  private total = 0;
  private landed = 0;
  private blocked = 0;
  private retries = 0;
  private merge = '';
  private waiting = '';
  private paused: { reason: string; until: string } | undefined;
  private height = 0;
  private timer: NodeJS.Timeout | undefined;
  private dirty = false;
  private readonly color = !process.env.NO_COLOR;

  constructor(private readonly out: DisplayStream) {
    this.out.write('\x1b[?25l'); // hide the cursor while redrawing
    this.timer = setInterval(() => this.draw(), 250);
    this.timer.unref();
  }

  onEvent(e: RunEvent): void {
    const now = Date.parse(e.at);
    const row = (task: string) => {
      let r = this.rows.get(task);
      if (!r) this.rows.set(task, (r = { state: 'starting', attempt: 0, since: now, activity: '' }));
      return r;
    };
    const set = (task: string, state: string, activity?: string) => {
      const r = row(task);
      if (r.state !== state) r.since = now;
      r.state = state;
      if (activity !== undefined) r.activity = activity;
    };
    switch (e.type) {
      case 'run.started':
        this.header = `lanes run ${e.run_id}${e.resumed ? ' (resumed)' : ''} · ${e.parallelism} at a time · agent ${e.agent} → ${e.target}`;
        this.total = e.tasks;
        this.started = now;
        break;
      case 'task.starting':
        set(e.task, 'starting', 'creating the lane');
        break;
      case 'task.started':
        row(e.task).activity = `lane ${e.branch}`;
        break;
      case 'agent.started':
        set(e.task, 'running', 'agent started');
        row(e.task).attempt = e.attempt;
        break;
      case 'agent.activity':
        row(e.task).activity = e.text;
        break;
      case 'agent.exited':
        set(e.task, e.outcome === 'finished' ? 'finished' : e.outcome === 'limited' ? 'paused' : 'retry', safeText(e.reason ?? 'committed'));
        break;
      case 'run.paused':
        this.paused = { reason: e.reason, until: e.until };
        break;
      case 'run.resumed':
        this.paused = undefined;
        break;
      case 'task.queued':
        set(e.task, 'queued', `merge entry ${e.entry}`);
        this.queue.push(e.task);
        break;
      case 'merge.progress':
        this.merge = e.text;
        break;
      case 'task.landed':
        this.landed++;
        this.rows.delete(e.task);
        this.unqueue(e.task);
        break;
      case 'task.merge_failed':
        this.unqueue(e.task);
        set(e.task, 'retry', e.reason);
        break;
      case 'task.retry':
        this.retries++;
        set(e.task, 'retry', e.reason);
        break;
      case 'task.blocked':
        this.blocked++;
        this.rows.delete(e.task);
        this.unqueue(e.task);
        break;
      case 'resources.waiting':
        this.waiting = e.reason;
        break;
      case 'resources.ok':
        this.waiting = '';
        break;
      case 'run.stopping':
        this.waiting = `stopping (${e.by})...`;
        break;
      default:
        break;
    }
    if (NOTABLE.has(e.type)) {
      const line = lineFor(e);
      if (line) this.log.push(`${clock(e.at)} ${this.paint(e.type, line)}`);
    }
    this.dirty = true;
    if (e.type === 'run.finished') this.close();
  }

  private unqueue(task: string): void {
    const i = this.queue.indexOf(task);
    if (i >= 0) this.queue.splice(i, 1);
  }

  private paint(type: RunEvent['type'], s: string): string {
    if (!this.color) return s;
    const c = type === 'task.landed' ? 32 : type === 'task.blocked' ? 31 : type.startsWith('task.') || type === 'run.warning' || type === 'resources.waiting' ? 33 : 0;
    return c ? `\x1b[${c}m${s}\x1b[0m` : s;
  }

  private frame(): string[] {
    const now = Date.now();
    const width = Math.max(40, (this.out.columns ?? 100) - 1);
    // Every row quotes stored text (activity, reasons): escaped before it is measured and cut.
    const fit = (raw: string) => {
      const s = safeText(raw);
      return s.length > width ? `${s.slice(0, width - 1)}…` : s;
    };
    const idw = Math.min(28, Math.max(4, ...[...this.rows.keys()].map((k) => k.length)));
    const lines = [fit(`${this.header} · ${clockMs(now - this.started)}`)];
    // Redrawing moves the cursor up over the block: it must fit on the screen.
    const room = Math.max(3, (this.out.rows ?? 40) - 4);
    const shown = [...this.rows].slice(0, this.rows.size > room ? room - 1 : room);
    for (const [task, r] of shown) {
      const att = r.attempt > 1 ? `#${r.attempt}` : '  ';
      lines.push(fit(`  ${task.padEnd(idw)} ${r.state.padEnd(8)} ${att} ${clockMs(now - r.since).padStart(5)}  ${r.activity}`));
    }
    if (shown.length < this.rows.size) lines.push(`  ... ${this.rows.size - shown.length} more`);
    if (!this.rows.size) lines.push('  (no lanes running)');
    lines.push(fit(`queue: ${this.queue.length ? this.queue.join(', ') : 'empty'}${this.merge ? ` · ${this.merge}` : ''}`));
    const togo = Math.max(0, this.total - this.landed - this.blocked);
    const pause = this.paused ? ` · ${pauseText(this.paused, now)}` : '';
    lines.push(fit(`landed ${this.landed} · blocked ${this.blocked} · retries ${this.retries} · ${togo} to go${pause}${this.waiting ? ` · ${this.waiting}` : ''}`));
    return lines;
  }

  private draw(force = false): void {
    if (!this.dirty && !force && this.rows.size === 0) return;
    this.dirty = false;
    let s = this.height ? `\x1b[${this.height}F\x1b[0J` : '';
    for (const l of this.log.splice(0)) s += `${l}\n`;
    const f = this.frame();
    s += `${f.join('\n')}\n`;
    this.height = f.length;
    this.out.write(s);
  }

  close(): void {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = undefined;
    this.draw(true);
    this.out.write('\x1b[?25h');
  }
}

function clockMs(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

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
  const rows = r.tasks.map((t) => [t.id, t.state, t.branch ?? '-', String(t.attempts), secs(t.duration_ms), ...(cost ? [costCell(t.usage)] : []), t.merge].map(safeText));
  const w = cols.map((c, i) => Math.min(i === cols.length - 1 ? 60 : 32, Math.max(c.length, ...rows.map((x) => x[i]!.length))));
  const fmt = (x: string[]) => x.map((v, i) => (i === x.length - 1 ? v : v.padEnd(w[i]!))).join('  ').trimEnd();
  lines.push(fmt(cols));
  for (const x of rows) lines.push(fmt(x));
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
  if (r.pauses?.length) lines.push(`Paused ${r.pauses.length}x on usage or rate limits (last: ${r.pauses.at(-1)!.reason} until ${r.pauses.at(-1)!.until})`);
  if (r.report_file) lines.push(`Report: ${r.report_file}`);
  if (r.logs_dir) lines.push(`Agent output: ${r.logs_dir}/<task>.log`);
  return lines.map(safeText).join('\n');
}
