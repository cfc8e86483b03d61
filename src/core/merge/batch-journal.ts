import type { JournalEntry, StateStore } from '../../state/index.js';
import { MERGE_OP } from './model.js';
import type { MergeJournalData, SettleInput } from './recover.js';

/**
 * The batch's journal record, begun lazily at the first step a crash must know about (a gate
 * running, a landing about to happen), so the gate-less fast path writes it once, not per step.
 */
export class BatchJournal {
  private entry: JournalEntry | undefined;
  private data: MergeJournalData;

  constructor(
    private readonly store: StateStore,
    data: MergeJournalData,
  ) {
    this.data = { ...data };
  }

  async step(phase: string, patch: Partial<MergeJournalData> & Record<string, unknown> = {}): Promise<void> {
    this.data = { ...this.data, ...patch, phase };
    if (!this.entry) this.entry = await this.store.journal.begin(MERGE_OP, this.data as unknown as Record<string, unknown>);
    else await this.entry.step(phase, { ...patch, phase });
  }

  snapshot(): SettleInput {
    return { id: this.entry?.id ?? '-', step: this.data.phase ?? 'integrate', data: this.data };
  }

  async done(): Promise<void> {
    await this.entry?.done();
    this.entry = undefined;
  }

  /** Left unsettled: the record stays for the next processor, this one included, to settle. */
  abandon(): void {
    this.entry?.abandon();
    this.entry = undefined;
  }
}
