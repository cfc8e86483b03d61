/**
 * One batch through the queue: integrate the entries one on top of the other onto the current
 * target (a chain of commits, one per entry), run the gates once on the tip of the chain, and land
 * it by compare-and-swap when green. When red, bisect the chain for the first failing prefix:
 * every green prefix found on the way lands at once, the culprit fails with its gate output, and
 * the entries after it go back to the queue (in their places) to be integrated again without it.
 * With one bad lane in 16 that is 6 gate runs instead of 16.
 *
 * An entry that conflicts with the target fails; one that only conflicts with an earlier entry of
 * the batch is put back and tried alone next. Every step is journaled first (recover.ts).
 *
 * The strategies are in integrate.ts, the bisection (a pure function) in bisect.ts, one prefix's
 * gates in batch-gates.ts, the landing in batch-land.ts, the journal record in batch-journal.ts and
 * the state writes in batch-record.ts; this module runs them in order.
 */
import type { Repo } from '../../git/repo.js';
import { ObjectReader } from '../../git/object-reader.js';
import { failpoint } from '../../util/failpoint.js';
import type { Project } from '../project/project.js';
import type { StoredPlan } from '../plan/tasks.js';
import { markFailedInTx, queueIn, requeueInTx } from './after.js';
import { BatchJournal } from './batch-journal.js';
import { claimEntries, recordInTx, takeAndRecord } from './batch-record.js';
import { landSegment, OwedRecheck } from './batch-land.js';
import type { BatchOutcome, BatchReport } from './batch-report.js';
import { bisect } from './bisect.js';
import { gatePrefix, refuseUnrunnable } from './batch-gates.js';
import { ensureCheckout, type CheckoutRecord } from './checkout.js';
import { failureReason, type GatesResult } from './gates.js';
import { integrateChain, type Integrating, type Link } from './integrate.js';
import type { MergeEntry } from './model.js';
import { settleRecord, type MergeJournalData } from './recover.js';
import { configAt, type TargetTip } from './target.js';

/** State shared by the batches of one processor run: the target's gate checkout, made on first need. */
export class Integrator implements Integrating {
  private checkout: CheckoutRecord | undefined;
  /** merge.integration_dir of the target's config (set per batch, before the checkout is needed). */
  private integrationDir: string | undefined;
  readonly recheck: OwedRecheck;

  constructor(
    readonly project: Project,
    readonly target: string,
    readonly plan: StoredPlan | null,
    readonly onProgress: (msg: string) => void = () => {},
    readonly removeLanes?: (landed: MergeEntry[]) => void,
  ) {
    this.recheck = new OwedRecheck(project, target);
  }

  get repo(): Repo {
    return this.project.repo;
  }

  private landedTip: TargetTip | undefined;

  /** A landing of this run moved the target to `sha` (the processor's next round starts there). */
  landedOn(sha: string, tree: string | undefined): void {
    this.landedTip = tree ? { sha, tree } : undefined;
  }

  /** The tip the last landing left, once (undefined when unknown: read the target again). */
  takeLandedTip(): TargetTip | undefined {
    const t = this.landedTip;
    this.landedTip = undefined;
    return t;
  }

  /** The target's persistent gate checkout (detached HEAD), made or checked on first need. */
  async gateCheckout(at: string): Promise<CheckoutRecord> {
    this.checkout ??= await ensureCheckout(this.project, this.target, at, this.integrationDir);
    return this.checkout;
  }

  async worktree(at: string): Promise<string> {
    return (await this.gateCheckout(at)).dir;
  }

  get keep(): readonly string[] {
    return this.checkout?.keep ?? [];
  }

  /** The checkout stays for the next run (its setup is what makes the next gate run fast). */
  async dispose(): Promise<void> {
    this.checkout = undefined;
    this.reader?.close();
    this.reader = undefined;
  }

  private reader: ObjectReader | undefined;

  /** Two trees' `.lanes` entries compared through one cat-file kept for the run (two lines, no process). */
  async sameLanesDir(a: string, b: string): Promise<boolean> {
    if (a === b) return true;
    this.reader ??= new ObjectReader(this.repo.mainRoot);
    const [x, y] = await this.reader.info([`${a}:.lanes`, `${b}:.lanes`]);
    // Both trees, same id: same entries, modes and contents below. Anything else (no `.lanes` on
    // one side, which a submodule there also looks like) is read in full.
    return x?.type === 'tree' && y?.type === 'tree' && x.oid === y.oid;
  }

  title(task: string): string {
    return this.plan?.tasks.find((t) => t.id === task)?.title ?? task;
  }

  /**
   * Runs one batch. `entries` are already marked integrating (ours), or, with `claimed: false`
   * (the gate-less fast path on local state), still queued as read: they are taken in the same
   * write that records the landing's intent, after integration. Returns 'moved' when the target
   * moved under us (the entries are back in the queue, to be integrated again).
   */
  async runBatch(entries: MergeEntry[], report: BatchReport, start: TargetTip, opts: { claimed?: boolean } = {}): Promise<BatchOutcome> {
    const data: MergeJournalData = { target: this.target, entries: entries.map((e) => e.id), old: start.sha };
    const journal = new BatchJournal(this.project.store, data);
    this.landedTip = undefined;
    try {
      const outcome = await this.steps(journal, entries, report, start, opts.claimed !== false);
      await journal.done();
      // The target moved under us: where it is now is read again.
      if (outcome === 'moved') this.landedTip = undefined;
      return outcome;
    } catch (e) {
      this.landedTip = undefined;
      // Whatever happened, settle the batch exactly as crash recovery would (a landing that went
      // through is finished, everything else goes back to the queue), then report the error.
      try {
        await settleRecord(this.project, journal.snapshot());
        await journal.done();
      } catch {
        // the record stays: the next processor settles it (this one too, at its next batch)
        journal.abandon();
      }
      throw e;
    }
  }

  private async steps(
    journal: BatchJournal,
    entries: MergeEntry[],
    report: BatchReport,
    start: TargetTip,
    claimed: boolean,
  ): Promise<BatchOutcome> {
    const { store } = this.project;
    const old = start.sha;
    // Integration makes only unreferenced objects, so it needs no journal record: a crash here
    // leaves entries marked integrating (or, unclaimed, queued), which the next processor puts
    // back (recover.ts). Nothing below touches the target until the compare-and-swap, which fails
    // if it moved since `start`.
    const cfg = await configAt(this.repo, old, this.target);
    this.integrationDir = cfg.merge.integration_dir;
    const gates = cfg.gates;
    if (!claimed && (gates.length || store.shared)) {
      // Only the gate-less path on local state takes its entries after integrating.
      entries = await claimEntries(
        this.project,
        entries.map((e) => e.id),
      );
      claimed = true;
      if (!entries.length) return 'done';
    }
    const t0 = performance.now();
    let integ = await integrateChain(this, old, start.tree, entries);
    const integrateMs = Math.round(performance.now() - t0);
    if (!claimed) integ = await takeAndRecord(this.project, this.target, journal, integ, integrateMs, old);
    // One state write for what integration decided; skipped on the fast path (no gates, nothing to
    // record), where the landing's own write follows at once.
    const record = claimed && (integ.conflicted.length || integ.deferred.length || integ.noop.length || integ.held.length || gates.length);
    if (record) await store.transact(async (tx) => recordInTx(tx, this.target, integ, gates.length ? 'gating' : 'landing', integrateMs));
    for (const c of integ.conflicted) {
      report.failed.push({ task: c.e.task, entry: c.e.id, kind: 'conflict', message: c.message, files: c.files });
      await store.appendEvent('merge.failed', { task: c.e.task, entry: c.e.id, kind: 'conflict', files: c.files });
      this.onProgress(`${c.e.task}: conflicts with ${this.target} (${c.files.join(', ')})`);
    }
    report.requeued.push(...integ.deferred.map((e) => e.task));
    for (const h of integ.held) {
      report.held.push({ task: h.e.task, entry: h.e.id, reason: h.reason });
      await store.appendEvent('merge.held', { task: h.e.task, entry: h.e.id, reason: h.reason });
      this.onProgress(`${h.e.task}: held for a human, ${h.reason}`);
    }
    for (const n of integ.noop) report.landed.push({ task: n.task, entry: n.entry, commit: n.commit, unchecked: false });
    const links = integ.links;
    if (!links.length) return 'done';
    await failpoint('merge.after-integrate');

    if (!gates.length) {
      report.warnings.push(
        `No gates are configured in .lanes/config.json on ${this.target}: ${links.map((l) => l.task).join(', ')} landed without any check.`,
      );
      return landSegment(this, journal, links, old, { unchecked: true }, report);
    }

    // Gates, then bisection on red. Owed re-checks start first and run beside the gates: the
    // lanes' owners learn of new conflicts while the gates run.
    this.recheck.start(report);
    const rec = await this.gateCheckout(old);
    const results = new Map<number, GatesResult>();
    const green = new Map<number, boolean>(); // prefix length -> its gates passed
    let landed = 0; // the prefix landed so far
    let cur = old;
    const gating = { project: this.project, target: this.target, cfg, journal, rec, report, onProgress: this.onProgress };
    for (;;) {
      const step = bisect(links.length, green);
      if (step.land > landed) {
        const ms = results.get(step.land)!.ms;
        const out = await landSegment(
          this,
          journal,
          links.slice(landed, step.land),
          cur,
          { unchecked: false, gates_ms: ms },
          report,
          links.slice(step.land),
        );
        if (out !== 'done') return out;
        cur = links[step.land - 1]!.commit;
        landed = step.land;
      }
      if (step.next !== undefined) {
        const g = refuseUnrunnable(await gatePrefix(gating, links, step.next, landed), this.target);
        results.set(step.next, g);
        green.set(step.next, g.ok);
        continue;
      }
      if (step.fail === undefined) return 'done';
      return this.failCulprit(
        links[step.fail]!,
        results.get(step.fail + 1)!,
        step.requeue.map((i) => links[i]!),
        report,
      );
    }
  }

  /** The first failing link fails with its gate output; the links after it go back to the queue. */
  private async failCulprit(culprit: Link, red: GatesResult, rest: Link[], report: BatchReport): Promise<BatchOutcome> {
    const { store } = this.project;
    const f = red.failed!;
    const message = failureReason(f, { task: culprit.task, target: this.target, ...(red.log ? { log: red.log } : {}) });
    await store.transact(async (tx) => {
      const failure = {
        kind: 'gate' as const,
        gate: f.gate,
        output_tail: f.output_tail,
        exit_code: f.exit_code,
        timed_out: f.timed_out,
        summary: f.summary,
        first_failure: f.first_failure,
        ...(red.log ? { log: red.log } : {}),
      };
      markFailedInTx(tx, culprit.entry, message, failure, { gated: true });
      const e = queueIn(tx).entries.find((x) => x.id === culprit.entry);
      if (e) e.gates = red.runs;
      requeueInTx(
        tx,
        rest.map((l) => l.entry),
        `integrated again without ${culprit.task}, whose gate failed`,
      );
    });
    report.failed.push({ task: culprit.task, entry: culprit.entry, kind: 'gate', message, gate: f.gate });
    report.requeued.push(...rest.map((l) => l.task));
    await store.appendEvent('merge.failed', { task: culprit.task, entry: culprit.entry, kind: 'gate', gate: f.gate });
    this.onProgress(`${culprit.task}: gate ${f.gate} ${f.why}`);
    return 'done';
  }

  /** Runs the re-check of the lanes in flight owed by the landings so far. */
  async flushRecheck(report: BatchReport): Promise<void> {
    await this.recheck.flush(report);
  }
}
