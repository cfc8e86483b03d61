/**
 * One status computation shared by every viewer: recomputed when the state directory changes
 * (debounced) or on a slow poll, never two at once, and pushed to subscribers when something they
 * would see changed. Watching runs only while someone subscribes.
 */
import type { Project } from '../core/project/project.js';
import { speakAll } from '../core/hints/actions.js';
import { status, type StatusReport, type StatusOptions } from '../core/status/status.js';
import { log } from '../util/log.js';
import { watchState, type StateWatcher, type WatchOptions } from './watch.js';

export interface FeedOptions extends WatchOptions, StatusOptions {
  /**
   * 'changed' (default): push only when the report changed, ignoring fields that move by
   * themselves (timings, resources, ages), but at least every `refreshMs`. 'always': push every
   * computation (a terminal redraw wants its relative times fresh).
   */
  emit?: 'changed' | 'always';
  refreshMs?: number;
}

export type Listener = (s: StatusReport) => void;

/** The report without the fields that change on every computation. */
export function fingerprint(s: StatusReport): string {
  return JSON.stringify(s, (k, v: unknown) =>
    k === 'generated_at' || k === 'took_ms' || k === 'resources' || k === 'age_s' || k === 'waited_ms' ? undefined : v,
  );
}

export class StatusFeed {
  private listeners = new Set<Listener>();
  private watcher: StateWatcher | undefined;
  private running: Promise<StatusReport> | undefined;
  private again = false;
  private last: { report: StatusReport; print: string; at: number; pushedAt: number } | undefined;

  constructor(
    private readonly project: Project,
    private readonly opts: FeedOptions = {},
  ) {}

  /** The newest report, recomputed when older than `maxAgeMs`. */
  async current(maxAgeMs = 1000): Promise<StatusReport> {
    if (this.last && Date.now() - this.last.at <= maxAgeMs) return this.last.report;
    return this.compute();
  }

  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    if (!this.watcher) this.watcher = watchState(this.project.store.dir, () => void this.refresh(), this.opts);
    return () => {
      this.listeners.delete(fn);
      if (this.listeners.size === 0) this.stop();
    };
  }

  /** Recomputes now and pushes if there is something to push. */
  async refresh(): Promise<void> {
    try {
      await this.compute();
    } catch (e) {
      log.warn('status refresh failed', String(e));
    }
  }

  stop(): void {
    this.watcher?.close();
    this.watcher = undefined;
  }

  /** Single flight: a change seen during a computation triggers exactly one more. */
  private compute(): Promise<StatusReport> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        let r: StatusReport;
        do {
          this.again = false;
          // Read by people (the page, lanes status --watch): stored hints say CLI commands.
          r = speakAll(await status(this.project, this.opts), 'cli');
          this.publish(r);
        } while (this.again);
        return r;
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  private publish(r: StatusReport): void {
    const print = fingerprint(r);
    const now = Date.now();
    const changed = !this.last || this.last.print !== print;
    const stale = !this.last || now - this.last.pushedAt >= (this.opts.refreshMs ?? 15_000);
    const push = this.opts.emit === 'always' || changed || stale;
    this.last = { report: r, print, at: now, pushedAt: push ? now : (this.last?.pushedAt ?? now) };
    if (!push) return;
    for (const fn of [...this.listeners]) {
      try {
        fn(r);
      } catch (e) {
        log.warn('status listener failed', String(e));
      }
    }
  }
}
