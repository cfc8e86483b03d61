/**
 * The run's merge driver: processes the merge queue while the run goes on. One processor call
 * works until nothing is left that can land (keeping its integration worktree across batches);
 * the run sees each landing in the state as it happens (progress messages wake it), so dependents
 * start at once. Exactly one processor runs across processes (the queue lock): when another one
 * holds it (a human's `lanes merge run`), that one lands our entries and the run sees them land.
 */
import { errorMessage, isLanesError } from '../../errors.js';
import type { Project } from '../project/project.js';
import { processMergeQueue, type MergeEntry } from '../merge/index.js';
import { removeLandedLane } from '../merge/after.js';

/** Landed lanes removed at the same time, beside the queue. */
const REMOVALS_AT_ONCE = 2;

export interface MergeDriverHooks {
  onProgress(text: string): void;
  /** After every batch, and when the driver stops. */
  onChange(): void;
  /**
   * The processor failed `failures` times in a row with this error (not "busy"). `offlineMs`:
   * for how long every failure has been the remote not answering (undefined for other errors).
   */
  onError(message: string, failures: number, offlineMs: number | undefined): void;
  stopping(): boolean;
}

export class MergeDriver {
  private running: Promise<void> | undefined;
  private again = false;
  /** Do not poll the queue again before this time (after "busy", an error, or an empty pass). */
  private notBefore = 0;
  private failures = 0;
  /** When the failures in a row began, if every one was the remote not answering. */
  private offlineSince: number | undefined;
  /** Wall time of processor calls that landed or failed something: the queue's serial work. */
  busyMs = 0;
  /** Landed lanes waiting to be removed beside the queue, and the removals in flight. */
  private readonly toRemove: MergeEntry[] = [];
  private removing = 0;
  private readonly idle: Array<() => void> = [];

  constructor(
    private readonly project: Project,
    private readonly hooks: MergeDriverHooks,
  ) {}

  /** A processor call or a removal of landed lanes is in flight. */
  get busy(): boolean {
    return this.running !== undefined || this.removing > 0;
  }

  /**
   * The processor hands the removal of landed lanes here, so the next landing does not wait for a
   * worktree removal (the state says landed first; dependents start at once). Up to
   * REMOVALS_AT_ONCE lanes are removed at a time, whatever batch they landed in: a removal is about
   * 18 git processes, most of them reads that wait on each other, and removals one after the
   * other fell behind the landings and were the last second of a run. Each lane goes as the queue
   * would have removed it (git's own lock serialises the worktree removals); a lane that cannot go
   * is a warning, as it is there.
   */
  private readonly removeLater = (landed: MergeEntry[]): void => {
    for (const e of landed) if (e.kind === 'land') this.toRemove.push(e);
    this.pump();
  };

  private pump(): void {
    while (this.removing < REMOVALS_AT_ONCE && this.toRemove.length) {
      const e = this.toRemove.shift()!;
      this.removing++;
      // removeLandedLane reports a lane it kept and never throws.
      void removeLandedLane(this.project, e.task)
        .then((w) => {
          if (w) this.hooks.onProgress(`warning: ${w}`);
        })
        .finally(() => {
          this.removing--;
          this.pump();
          if (!this.removing) for (const f of this.idle.splice(0)) f();
          this.hooks.onChange();
        });
    }
  }

  /** Resolves when no removal is in flight or waiting. */
  private removalsDone(): Promise<void> {
    if (!this.removing && !this.toRemove.length) return Promise.resolve();
    return new Promise((r) => this.idle.push(r));
  }

  /** Something was queued: process now (or right after the batch in flight). */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = undefined;
      this.hooks.onChange();
    });
  }

  /** Entries are waiting: process them unless a recent pass said to hold off. */
  poll(): void {
    if (!this.running && Date.now() >= this.notBefore) this.kick();
  }

  /** Resolves when the processor call in flight (if any) is done, or after `timeoutMs`. Returns whether it is done. */
  async settle(timeoutMs = Infinity): Promise<boolean> {
    if (!this.busy) return true;
    // The processor call, then the removals it handed over (the last of them queued by then).
    const all = (this.running ?? Promise.resolve()).then(() => this.removalsDone());
    if (!Number.isFinite(timeoutMs)) {
      await all;
      return true;
    }
    let timer: NodeJS.Timeout | undefined;
    const done = await Promise.race([all.then(() => true), new Promise<boolean>((r) => (timer = setTimeout(() => r(false), timeoutMs)))]);
    clearTimeout(timer);
    return done;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      if (this.hooks.stopping()) return;
      const t0 = performance.now();
      try {
        const r = await processMergeQueue(this.project, { onProgress: (m) => this.hooks.onProgress(m), removeLanes: this.removeLater });
        this.failures = 0;
        this.offlineSince = undefined;
        if (r.batches > 0) this.busyMs += Math.round(performance.now() - t0);
        this.hooks.onChange();
        // Entries queued while it finished are picked up by `again` (kick); nothing else is waiting.
        if (r.batches === 0) this.notBefore = Date.now() + 2000;
        for (const w of r.warnings) this.hooks.onProgress(`warning: ${w}`);
      } catch (e) {
        if (isLanesError(e, 'BUSY')) {
          // Another processor is landing entries (ours too); look again shortly.
          this.notBefore = Date.now() + 1000;
          return;
        }
        const offline = isLanesError(e, 'OFFLINE') && (this.failures === 0 || this.offlineSince !== undefined);
        this.offlineSince = offline ? (this.offlineSince ?? Date.now()) : undefined;
        this.failures++;
        this.notBefore = Date.now() + 1000 * 2 ** Math.min(this.failures, 4);
        this.hooks.onError(errorMessage(e), this.failures, this.offlineSince === undefined ? undefined : Date.now() - this.offlineSince);
        return;
      }
    } while (this.again);
  }
}
