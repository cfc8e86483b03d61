/**
 * The live display of `lanes run` (a terminal): a block redrawn in place — one row per lane
 * (state, attempt, elapsed, last activity), the merge queue, landed / blocked / retry counts —
 * with notable events (landed, blocked, retry, warnings) printed above it as a scrolling log.
 *
 * Plain ANSI (cursor up, clear to end of screen) rather than a terminal UI library: the block is a
 * few dozen lines of text and a dependency would have to bundle into dist/ for no gain.
 */
import { pauseText, type RunEvent } from '../../core/run/index.js';
import { safeText } from '../../util/escape.js';
import { clockMs, isoClock, sgr } from '../format.js';
import type { DisplayStream, RunDisplay } from './display-types.js';
import { lineFor } from './lines.js';

interface LaneRow {
  state: string;
  attempt: number;
  since: number;
  activity: string;
}

const NOTABLE = new Set<RunEvent['type']>([
  'run.started',
  'task.landed',
  'task.blocked',
  'task.retry',
  'task.merge_failed',
  'run.warning',
  'run.stopping',
  'resources.waiting',
  'resources.ok',
  'run.paused',
  'run.resumed',
]);

export class LiveDisplay implements RunDisplay {
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
        set(
          e.task,
          e.outcome === 'finished' ? 'finished' : e.outcome === 'limited' ? 'paused' : 'retry',
          safeText(e.reason ?? 'committed'),
        );
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
      if (line) this.log.push(`${isoClock(e.at)} ${this.paint(e.type, line)}`);
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
    const c =
      type === 'task.landed'
        ? 32
        : type === 'task.blocked'
          ? 31
          : type.startsWith('task.') || type === 'run.warning' || type === 'resources.waiting'
            ? 33
            : 0;
    return c ? sgr(c, s) : s;
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
    lines.push(
      fit(
        `landed ${this.landed} · blocked ${this.blocked} · retries ${this.retries} · ${togo} to go${pause}${this.waiting ? ` · ${this.waiting}` : ''}`,
      ),
    );
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
