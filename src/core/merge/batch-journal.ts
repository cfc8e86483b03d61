import { hostName } from '../../state/pid.js';
import type { DocTx } from '../../state/define.js';
import type { JournalEntry, StateStore } from '../../state/index.js';
import { MERGE_DOC, MERGE_OP, sameIntent, type LandingIntent } from './model.js';
import type { MergeJournalData, SettleInput } from './recover.js';

/**
 * The batch's record of what a crash must know, in one of two places:
 *
 * - a journal record, begun lazily at the first step a crash must know about (a gate running, a
 *   landing about to happen): batches with gates, and every batch on shared state;
 * - on the gate-less fast path on local state, the landing's intent in the merge-queue document
 *   itself (`landing`), written by the same transaction that takes the entries (`recordInTx`) and
 *   removed by the one that settles them (`settleInTx`): one state write before the
 *   compare-and-swap and one after it, instead of four plus a journal file. recover.ts settles an
 *   intent left by a dead processor exactly as it settles a journal record.
 */
export class BatchJournal {
  private entry: JournalEntry | undefined;
  private data: MergeJournalData;
  /** The intent this batch recorded in the document, while it is there. */
  private intent: LandingIntent | undefined;

  constructor(
    private readonly store: StateStore,
    data: MergeJournalData,
  ) {
    this.data = { ...data };
  }

  async step(phase: string, patch: Partial<MergeJournalData> & Record<string, unknown> = {}): Promise<void> {
    this.data = { ...this.data, ...patch, phase };
    // The landing's intent is already in the document: it was written with the entries.
    if (this.intent && phase === 'land' && patch.new === this.intent.new && patch.old === this.intent.old) return;
    if (!this.entry) this.entry = await this.store.journal.begin(MERGE_OP, this.data as unknown as Record<string, unknown>);
    else await this.entry.step(phase, { ...patch, phase });
  }

  /** Inside the transaction that takes the entries: records the landing about to happen. */
  recordInTx(tx: DocTx, land: { old: string; new: string; landing: LandingIntent['landing']; unchecked: boolean }): void {
    const intent: LandingIntent = {
      target: this.data.target,
      entries: [...this.data.entries],
      old: land.old,
      new: land.new,
      landing: land.landing.map((l) => ({ ...l })),
      unchecked: land.unchecked,
      phase: 'land',
      pid: process.pid,
      host: hostName(),
    };
    tx.get(MERGE_DOC).landing = intent;
    this.intent = intent;
    this.data = { ...this.data, old: land.old, new: land.new, landing: intent.landing, unchecked: land.unchecked, phase: 'land' };
  }

  /** Inside the transaction that settles the batch's landing (landed, or back in the queue): the intent goes. */
  settleInTx(tx: DocTx): void {
    if (!this.intent) return;
    const doc = tx.get(MERGE_DOC);
    if (doc.landing && sameIntent(doc.landing, this.intent)) delete doc.landing;
    this.intent = undefined;
  }

  snapshot(): SettleInput {
    if (this.intent) return { id: 'merge-queue', step: 'land', data: { ...this.data }, intent: this.intent };
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
    this.intent = undefined;
  }
}
