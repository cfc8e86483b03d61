/**
 * Landing a run of a batch's chain: a last look for cancels, the journaled compare-and-swap of the
 * target, then the entries' state, their events, the landed lanes' removal and the re-check of
 * the lanes still in flight against the new target.
 */
import { failpoint } from '../../util/failpoint.js';
import type { Project } from '../project/project.js';
import { markLandedInTx, recheckSafely, removeLandedLanes, requeueInTx, type Landed } from './after.js';
import type { BatchJournal } from './batch-journal.js';
import type { BatchOutcome, BatchReport } from './batch-report.js';
import type { Link } from './integrate.js';
import { advanceTarget } from './land.js';
import { MERGE_DOC, type MergeEntry } from './model.js';
import { configAt } from './target.js';
import { assertProcessorInTx } from './processor.js';

/**
 * A landing through the remote: one atomic push moves the remote's target from the exact base the
 * batch was tested on to the exact commit tested, marks the entries landed, and rewrites the
 * processor's lease (so it lands only while this processor still holds it). Then this clone's own
 * target follows. A remote target that moved meanwhile is reported like a local one.
 */
async function landOnRemote(
  ctx: Lander,
  cur: string,
  next: string,
  message: string,
  landing: Landed[],
  extra: { unchecked: boolean; gates_ms?: number },
): Promise<{ ok: true; marked: MergeEntry[] } | { ok: false; moved: string | undefined }> {
  const { project, target } = ctx;
  const ref = `refs/heads/${target}`;
  const r = await project.store.transact(
    async (tx) => {
      const now = tx.remote!.ref(ref);
      if (now !== cur) return { ok: false as const, moved: now };
      assertProcessorInTx(tx, target);
      const marked = markLandedInTx(tx, landing, target, {
        unchecked: extra.unchecked,
        ...(extra.gates_ms !== undefined ? { gates_ms: extra.gates_ms } : {}),
      });
      tx.remote!.pushRef(ref, cur, next);
      return { ok: true as const, marked };
    },
    { watch: [ref] },
  );
  if (r.ok) await advanceTarget(project.repo, target, cur, next, message).catch(() => undefined);
  return r;
}

/**
 * The re-check of the lanes in flight owed by the landings so far. With gates, it starts at each
 * landing and runs beside what the queue does next (the next batch's integration and gates): the
 * lanes' owners learn of new conflicts while the queue goes on, and the queue does not wait for
 * them. On the gate-less fast path it is coalesced with the landings that follow within the same
 * run and done against the newest target, which is what the lanes' owners need to know —
 * rechecking every intermediate target would double the per-entry cost of the queue. Re-checks
 * run one after the other, in the order of the landings; `flush` waits for all of them.
 */
export class OwedRecheck {
  private pending: { sha: string; tasks: string[] } | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly project: Project,
    private readonly target: string,
  ) {}

  add(sha: string, tasks: readonly string[]): void {
    this.pending = { sha, tasks: [...(this.pending?.tasks ?? []), ...tasks] };
  }

  /** Starts the re-check owed so far, if any, after those already running; does not wait for it. */
  start(report: BatchReport): void {
    const p = this.pending;
    if (!p) return;
    this.pending = undefined;
    // recheckSafely reports its failures as warnings and never rejects.
    this.running = this.running.then(async () => {
      const r = await recheckSafely(this.project, this.target, p.sha, p.tasks);
      report.warnings.push(...r.warnings);
      report.conflicts.push(...r.conflicts);
    });
  }

  /** Runs the re-check owed so far, and waits for every re-check started. */
  async flush(report: BatchReport): Promise<void> {
    this.start(report);
    await this.running;
  }
}

export interface Lander {
  readonly project: Project;
  readonly target: string;
  readonly onProgress: (msg: string) => void;
  readonly recheck: OwedRecheck;
  /** Removes landed lanes beside the queue (ProcessOptions.removeLanes); unset, they are removed here. */
  readonly removeLanes?: ((landed: MergeEntry[]) => void) | undefined;
  /** Told of each landing made: the target's new tip, and its tree when known. */
  landedOn?(sha: string, tree: string | undefined): void;
}

/**
 * Lands `seg` (a run of the chain starting right on `cur`) by compare-and-swap. `after` are the
 * chain's later links, put back in the queue if this landing cannot happen.
 */
export async function landSegment(
  ctx: Lander,
  journal: BatchJournal,
  seg: Link[],
  cur: string,
  extra: { unchecked: boolean; gates_ms?: number },
  report: BatchReport,
  after: Link[] = [],
): Promise<BatchOutcome> {
  const { project, target } = ctx;
  const { store } = project;
  const last = seg[seg.length - 1]!;
  const all = [...seg, ...after];
  // A cancel that arrived while we integrated or gated: let go of the batch, drop the cancelled.
  const q = (await store.read(MERGE_DOC)).data;
  const cancelled = all.filter((l) => q.entries.find((e) => e.id === l.entry)?.cancel_requested);
  if (cancelled.length) {
    await store.transact(async (tx) => {
      requeueInTx(
        tx,
        all.map((l) => l.entry),
      );
      journal.settleInTx(tx);
    });
    report.cancelled.push(...cancelled.map((l) => l.task));
    report.requeued.push(...all.filter((l) => !cancelled.includes(l)).map((l) => l.task));
    return 'cancelled';
  }
  const landing: Landed[] = seg.map((l) => ({ entry: l.entry, commit: l.commit, base: l.base }));
  await journal.step('land', { old: cur, new: last.commit, landing, unchecked: extra.unchecked, pgid: undefined });
  await failpoint('merge.before-land');
  const t0 = performance.now();
  const message = `lanes: land ${seg.map((l) => l.task).join(', ')}`;
  const r = store.shared
    ? await landOnRemote(ctx, cur, last.commit, message, landing, extra)
    : await advanceTarget(project.repo, target, cur, last.commit, message);
  const landMs = Math.round(performance.now() - t0);
  if (!r.ok) {
    await store.transact(async (tx) => {
      requeueInTx(
        tx,
        all.map((l) => l.entry),
        `${target} moved while it was being integrated; integrated again`,
      );
      journal.settleInTx(tx);
    });
    report.requeued.push(...all.map((l) => l.task));
    ctx.onProgress(`${target} moved meanwhile; integrating again`);
    return 'moved';
  }
  await failpoint('merge.after-land');
  let moved: MergeEntry[] = [];
  if ('marked' in r && r.marked) moved = r.marked;
  else {
    await store.transact(async (tx) => {
      moved = markLandedInTx(tx, landing, target, {
        unchecked: extra.unchecked,
        land_ms: landMs,
        ...(extra.gates_ms !== undefined ? { gates_ms: extra.gates_ms } : {}),
      });
      journal.settleInTx(tx);
    });
  }
  ctx.landedOn?.(last.commit, last.tree);
  for (const l of seg) {
    report.landed.push({ task: l.task, entry: l.entry, commit: l.commit, unchecked: extra.unchecked });
    await store.appendEvent('merge.landed', { task: l.task, entry: l.entry, commit: l.commit, target, unchecked: extra.unchecked });
  }
  ctx.onProgress(`landed ${seg.map((l) => l.task).join(', ')} on ${target} as ${last.commit.slice(0, 12)}`);
  const cfg = await configAt(project.repo, cur, target);
  if (cfg.merge.remove_lane_after_landing) {
    if (ctx.removeLanes) ctx.removeLanes(moved);
    else report.warnings.push(...(await removeLandedLanes(project, moved)));
  }
  ctx.recheck.add(
    last.commit,
    moved.map((e) => e.task),
  );
  if (cfg.gates.length) ctx.recheck.start(report);
  return 'done';
}
