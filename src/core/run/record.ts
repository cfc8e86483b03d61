/**
 * Writes the run record into the `runs` state doc. Writes are coalesced and spaced (at most one
 * per SAVE_EVERY_MS, the latest state winning), so a busy run does not crowd the state lock that
 * lanes, agents and the merge queue share; `force` writes now (the end of a run). A crash loses at
 * most that much of the record, which resuming tolerates (it re-reads lanes and the queue).
 */
import type { StateStore } from '../../state/index.js';
import { nowIso, RUNS_DOC, trimRuns, type RunRecord } from './model.js';

const SAVE_EVERY_MS = 250;

export class RunRecorder {
  private saving: Promise<void> = Promise.resolve();
  private queued = false;
  private last = 0;

  constructor(
    private readonly store: StateStore,
    private readonly onError: (e: unknown) => void,
  ) {}

  save(run: RunRecord, force = false): Promise<void> {
    run.updated_at = nowIso();
    if (this.queued && !force) return this.saving;
    this.queued = true;
    const wait = force ? 0 : Math.max(0, this.last + SAVE_EVERY_MS - Date.now());
    this.saving = this.saving
      .then(() => (wait ? new Promise<void>((r) => setTimeout(r, wait)) : undefined))
      .then(async () => {
        this.queued = false;
        this.last = Date.now();
        const snapshot = structuredClone(run);
        await this.store.update(RUNS_DOC, (doc) => {
          const i = doc.runs.findIndex((r) => r.id === snapshot.id);
          if (i >= 0) doc.runs[i] = snapshot;
          else doc.runs.push(snapshot);
          if (snapshot.status === 'finished' && doc.current === snapshot.id) doc.current = null;
          if (snapshot.status !== 'finished') doc.current = snapshot.id;
          trimRuns(doc);
        });
      })
      .catch((e) => this.onError(e));
    return this.saving;
  }
}
