/**
 * The `merge-queue` state document: one entry per request to land a lane (or to revert a landing),
 * kept in first-in first-out order by `seq`. Entries that finished stay for a while as history
 * (merge_status shows them); the doc also remembers recent outcomes, which size the batches.
 */
// The brief says `merge_queue`; state document names must be slugs (src/state/docs.ts).
import { defineDoc } from '../../state/define.js';
import { recordMap } from '../../state/records.js';

/** Journal operation of one batch going through integrate → gates → land → cleanup (rule 9). */
export const MERGE_OP = 'merge.process';

export const STRATEGIES = ['merge', 'squash', 'rebase'] as const;
export type Strategy = (typeof STRATEGIES)[number];

export const ENTRY_STATES = ['queued', 'integrating', 'gating', 'landing', 'held', 'landed', 'failed', 'cancelled'] as const;
export type EntryState = (typeof ENTRY_STATES)[number];
/** States of an entry a processor is working on right now. */
export const PROCESSING: readonly EntryState[] = ['integrating', 'gating', 'landing'];
/** `held`: waits for a human (`lanes merge approve`) because it would weaken the target's gates. */
export const ACTIVE: readonly EntryState[] = ['queued', ...PROCESSING, 'held'];

export type EntryKind = 'land' | 'revert';

export interface ConflictReport {
  /** "target" (the target branch) or the id of another task whose lane conflicts. */
  with: string;
  files: string[];
}

export interface GateRun {
  name: string;
  ok: boolean;
  exit_code: number | null;
  signal?: string;
  timed_out: boolean;
  ms: number;
}

export interface EntryFailure {
  kind: 'conflict' | 'gate' | 'error';
  files?: string[];
  gate?: string;
  /** The gate's output tail (secret-redacted), or git's message. */
  output_tail?: string;
  exit_code?: number | null;
  timed_out?: boolean;
  /** The test runner's own summary lines and the first failure, when they were found. */
  summary?: string[];
  first_failure?: string[];
  /** Id of the full log (`lanes merge log <task>`). */
  log?: string;
}

export interface MergeEntry {
  /** "m<seq>". */
  id: string;
  seq: number;
  task: string;
  kind: EntryKind;
  /** Full ref of the lane branch (refs/heads/lanes/<task>). */
  ref: string;
  /** The lane's tip when it was queued: exactly what lands. */
  tip: string;
  strategy: Strategy;
  target: string;
  state: EntryState;
  queued_at: string;
  started_at?: string;
  finished_at?: string;
  attempts: number;
  requested_by?: string;
  /** Likely conflicts found when it was queued (or re-checked after another landing). */
  conflicts?: ConflictReport[];
  /** The message of the last thing that went wrong. */
  last_error?: string;
  failure?: EntryFailure;
  gates?: GateRun[];
  /** The commit that brought it onto the target, and the target commit just before it. */
  landed_as?: string;
  landed_from?: string;
  /** No gates were configured at the target when it landed: nothing was checked. */
  unchecked?: boolean;
  /** For a revert: the landing being undone (from..as). */
  revert_of?: { landed_as: string; landed_from?: string };
  cancel_requested?: boolean;
  /** Why it is held for a human (state `held`). */
  held_reason?: string;
  /** A human let this exact tip land despite its gate change. */
  approved?: { by: string; at: string; tip: string };
  timings?: { wait_ms?: number; integrate_ms?: number; gates_ms?: number; land_ms?: number; total_ms?: number };
}

export interface MergeQueueDoc {
  seq: number;
  entries: MergeEntry[];
  /** Outcomes of recent gated entries (true = landed), newest last: the failure rate sizes batches. */
  recent: boolean[];
  /** Conflicts recorded on lanes in flight after a landing, so each is reported to its task once. */
  lane_conflicts: Record<string, { target: string; files: string[] }>;
  /**
   * The landing a processor is about to make, recorded in the same write that took its entries
   * (the gate-less fast path on local state, instead of a journal record: recover.ts). At most one
   * at a time: the processor holds the queue lock.
   */
  landing?: LandingIntent;
}

/** A landing's intent: the exact compare-and-swap about to happen, and who is making it. */
export interface LandingIntent {
  target: string;
  /** Every entry of the batch (those not landing go back to the queue when it is settled). */
  entries: string[];
  old: string;
  new: string;
  landing: Array<{ entry: string; commit: string; base: string }>;
  unchecked: boolean;
  phase: 'land';
  pid: number;
  host: string;
}

/** The same landing by the same processor. */
export function sameIntent(a: LandingIntent, b: LandingIntent): boolean {
  return a.new === b.new && a.old === b.old && a.pid === b.pid && a.host === b.host && a.target === b.target;
}

export const emptyQueue = (): MergeQueueDoc => ({ seq: 0, entries: [], recent: [], lane_conflicts: recordMap() });

/** Finished entries kept as history. */
export const HISTORY_KEEP = 200;
export const RECENT_KEEP = 20;

/** Tolerates docs written by older versions (missing fields). */
export function queueOf(doc: MergeQueueDoc): MergeQueueDoc {
  if (!Array.isArray(doc.entries)) doc.entries = [];
  if (!Array.isArray(doc.recent)) doc.recent = [];
  if (typeof doc.lane_conflicts !== 'object' || doc.lane_conflicts === null) doc.lane_conflicts = recordMap(); // keyed by task ids
  if (!Number.isSafeInteger(doc.seq)) doc.seq = doc.entries.reduce((m, e) => Math.max(m, e.seq), 0);
  // An intent that is not whole is kept as it is (recovery checks every field before acting on it).
  if (doc.landing === null) delete doc.landing;
  return doc;
}

export const MERGE_DOC = defineDoc<MergeQueueDoc>({ name: 'merge-queue', empty: emptyQueue, normalize: queueOf });

export function isActive(e: MergeEntry): boolean {
  return ACTIVE.includes(e.state);
}

/** The active entry of a task (at most one exists). */
export function activeEntry(doc: MergeQueueDoc, task: string): MergeEntry | undefined {
  return doc.entries.find((e) => e.task === task && isActive(e));
}

/** Active entries in queue order. */
export function activeEntries(doc: MergeQueueDoc): MergeEntry[] {
  return doc.entries.filter(isActive).sort((a, b) => a.seq - b.seq);
}

/** Drops the oldest finished entries beyond HISTORY_KEEP. */
export function trimHistory(doc: MergeQueueDoc): void {
  const finished = doc.entries.filter((e) => !isActive(e));
  if (finished.length <= HISTORY_KEEP) return;
  const drop = new Set(
    finished
      .sort((a, b) => a.seq - b.seq)
      .slice(0, finished.length - HISTORY_KEEP)
      .map((e) => e.id),
  );
  doc.entries = doc.entries.filter((e) => !drop.has(e.id));
}

export function recordOutcome(doc: MergeQueueDoc, ok: boolean): void {
  doc.recent.push(ok);
  if (doc.recent.length > RECENT_KEEP) doc.recent.splice(0, doc.recent.length - RECENT_KEEP);
}

/**
 * How many entries to integrate together. docs/performance.md: with 10% of changes failing, batches of
 * 4 give 1.6x the landings per gate time; at >= 20% failing batching is no better than serial, so
 * the configured size shrinks as the recent failure rate grows.
 */
export function effectiveBatchSize(configured: number, recent: readonly boolean[]): number {
  // Below 10 outcomes one failure would read as >= 10%: too few to judge, keep the configured size.
  if (configured <= 1 || recent.length < 10) return Math.max(1, configured);
  const rate = recent.filter((ok) => !ok).length / recent.length;
  if (rate >= 0.2) return 1;
  if (rate >= 0.1) return Math.min(configured, 4);
  return configured;
}

export function nowIso(): string {
  return new Date().toISOString();
}

export function msSince(iso: string | undefined): number | undefined {
  return iso ? Math.max(0, Date.now() - Date.parse(iso)) : undefined;
}

/** Caps a note stored on a task (the tasks doc is read by every hook). */
export function capText(s: string, max = 4000): string {
  return s.length > max ? `...${s.slice(-(max - 3))}` : s;
}
