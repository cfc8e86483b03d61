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
 */
import { isLanesError, LanesError } from '../../errors.js';
import { gitOut } from '../../git/exec.js';
import type { Repo } from '../../git/repo.js';
import type { JournalEntry, StateStore } from '../../state/index.js';
import { failpoint } from '../../util/failpoint.js';
import type { Project } from '../project/project.js';
import type { StoredPlan } from '../plan/tasks.js';
import { holdInTx, markFailedInTx, markLandedInTx, queueIn, recheckSafely, removeLandedLanes, requeueInTx, type Landed, type LaneConflict } from './after.js';
import { ensureCheckout, setupCheckout, type CheckoutRecord } from './checkout.js';
import { failureReason, gateFailure, runGates, type GatesResult } from './gates.js';
import { authorOf, commitTree, mergeCheck, rebaseOnto, resetIntegration, revertOnto, subjects } from '../../git/merge.js';
import { holdReason } from './hold.js';
import { GateLog } from './logs.js';
import { advanceTarget } from './land.js';
import { emptyQueue, MERGE_DOC, MERGE_OP, msSince, nowIso, queueOf, type MergeEntry, type MergeQueueDoc } from './model.js';
import { settleRecord, type MergeJournalData, type SettleInput } from './recover.js';
import { configAt, type TargetTip } from './target.js';

export interface Link extends Landed {
  task: string;
}

type Integrated = { commit: string; tree?: string } | { conflict: { files: string[]; message: string } };

export interface BatchReport {
  landed: Array<{ task: string; entry: string; commit: string; unchecked: boolean }>;
  /** Entries that would weaken the target's gates: they wait for `lanes merge approve`. */
  held: Array<{ task: string; entry: string; reason: string }>;
  failed: Array<{ task: string; entry: string; kind: 'conflict' | 'gate' | 'error'; message: string; files?: string[]; gate?: string }>;
  requeued: string[];
  cancelled: string[];
  gate_runs: number;
  warnings: string[];
  conflicts: LaneConflict[];
}

export type BatchOutcome = 'done' | 'moved' | 'cancelled';

/** State shared by the batches of one processor run: the target's gate checkout, made on first need. */
export class Integrator {
  private checkout: CheckoutRecord | undefined;
  /** merge.integration_dir of the target's config (set per batch, before the checkout is needed). */
  private integrationDir: string | undefined;

  constructor(
    readonly project: Project,
    readonly target: string,
    readonly plan: StoredPlan | null,
    readonly onProgress: (msg: string) => void = () => {},
  ) {}

  get repo(): Repo {
    return this.project.repo;
  }

  /** The target's persistent gate checkout (detached HEAD), made or checked on first need. */
  async gateCheckout(at: string): Promise<CheckoutRecord> {
    this.checkout ??= await ensureCheckout(this.project, this.target, at, this.integrationDir);
    return this.checkout;
  }

  async worktree(at: string): Promise<string> {
    return (await this.gateCheckout(at)).dir;
  }

  private get keep(): readonly string[] {
    return this.checkout?.keep ?? [];
  }

  /** The checkout stays for the next run (its setup is what makes the next gate run fast). */
  async dispose(): Promise<void> {
    this.checkout = undefined;
  }

  private title(task: string): string {
    return this.plan?.tasks.find((t) => t.id === task)?.title ?? task;
  }

  /**
   * Integrates entries one on top of the other from `old`. Conflicts fail an entry when they are
   * with the target itself (`base === old`); otherwise the entry is deferred.
   */
  async integrate(
    old: string,
    oldTree: string,
    entries: MergeEntry[],
  ): Promise<{ links: Link[]; conflicted: Array<{ e: MergeEntry; files: string[]; message: string }>; deferred: MergeEntry[]; noop: Link[]; held: Array<{ e: MergeEntry; reason: string }> }> {
    const held: Array<{ e: MergeEntry; reason: string }> = [];
    const links: Link[] = [];
    const conflicted: Array<{ e: MergeEntry; files: string[]; message: string }> = [];
    const deferred: MergeEntry[] = [];
    const noop: Link[] = [];
    let base = old;
    let baseTree = oldTree;
    for (const e of entries) {
      const onTarget = base === old;
      let r: Integrated;
      try {
        r = await this.integrateOne(e, base, baseTree, onTarget);
      } catch (err) {
        // git refused this entry (unrelated histories, a vanished commit...): it fails alone
        // instead of blocking the head of the queue forever.
        if (!isLanesError(err, 'GIT')) throw err;
        r = { conflict: { files: [], message: `git could not integrate lanes/${e.task}: ${err.message}` } };
      }
      if ('conflict' in r) {
        if (onTarget) conflicted.push({ e, ...r.conflict });
        else deferred.push(e);
      } else if (r.commit === base) {
        // Nothing to add: already on the target (or, inside a batch, tried alone next).
        if (onTarget) noop.push({ entry: e.id, task: e.task, commit: base, base });
        else deferred.push(e);
      } else {
        // A landing that would weaken the gates waits for a human, unless one approved this tip.
        const commit = r.commit;
        const reason = e.approved?.tip === e.tip ? undefined : await holdReason(await configAt(this.repo, base, this.target), () => configAt(this.repo, commit, this.target));
        if (reason) {
          held.push({ e, reason });
          continue;
        }
        links.push({ entry: e.id, task: e.task, commit: r.commit, base });
        base = r.commit;
        baseTree = r.tree ?? (await gitOut(this.repo.mainRoot, ['rev-parse', `${base}^{tree}`], { readOnly: true }));
      }
    }
    return { links, conflicted, deferred, noop, held };
  }

  /** One entry onto `base`, with its strategy: a commit, or the conflict. */
  private async integrateOne(e: MergeEntry, base: string, baseTree: string, onTarget: boolean): Promise<Integrated> {
    const root = this.repo.mainRoot;
    if (e.kind === 'revert') {
      const undo = e.revert_of!;
      const dir = await this.worktree(base);
      const msg = `Revert "${this.title(e.task)}" (${e.task})\n\nThis undoes the landing of lanes/${e.task} as ${undo.landed_as}, through the Lanes merge queue (entry ${e.id}).\n`;
      const r = await revertOnto(dir, base, undo, msg, this.keep);
      return r.ok ? { commit: r.commit } : { conflict: { files: r.files, message: r.message } };
    }
    if (e.strategy === 'rebase') {
      const dir = await this.worktree(base);
      const r = await rebaseOnto(dir, base, e.tip, this.keep);
      return r.ok ? { commit: r.commit } : { conflict: { files: r.files, message: `rebasing lanes/${e.task} onto ${onTarget ? this.target : 'the batch'} conflicts in: ${r.files.join(', ') || r.message}` } };
    }
    const mc = await mergeCheck(root, base, e.tip);
    if (!mc.clean) {
      return { conflict: { files: mc.files, message: `merging lanes/${e.task} into ${onTarget ? this.target : 'the batch'} conflicts in: ${mc.files.join(', ') || '(see git merge-tree)'}` } };
    }
    // Merging changes nothing (the lane is already on the target, e.g. an ancestor of it): no commit.
    if (mc.tree === baseTree) return { commit: base };
    if (e.strategy === 'merge') {
      return { commit: await commitTree(root, mc.tree, [base, e.tip], `Merge lanes/${e.task}: ${this.title(e.task)}\n\nLanded by the Lanes merge queue (entry ${e.id}).\n`), tree: mc.tree };
    }
    const body = (await subjects(root, base, e.tip)).map((x) => `* ${x}`).join('\n');
    const msg = `${this.title(e.task)} (${e.task})\n\nSquash of lanes/${e.task}, landed by the Lanes merge queue (entry ${e.id}):\n${body}\n`;
    return { commit: await commitTree(root, mc.tree, [base], msg, await authorOf(root, e.tip)), tree: mc.tree };
  }

  /**
   * Runs one batch. `entries` are already marked integrating (ours). Returns 'moved' when the
   * target moved under us (the entries are back in the queue, to be integrated again).
   */
  async runBatch(entries: MergeEntry[], report: BatchReport, start: TargetTip): Promise<BatchOutcome> {
    const data: MergeJournalData = { target: this.target, entries: entries.map((e) => e.id), old: start.sha };
    const journal = new BatchJournal(this.project.store, data);
    try {
      const outcome = await this.steps(journal, entries, report, start);
      await journal.done();
      return outcome;
    } catch (e) {
      // Whatever happened, settle the batch exactly as crash recovery would (a landing that went
      // through is finished, everything else goes back to the queue), then report the error.
      try {
        await settleRecord(this.project, journal.snapshot());
        await journal.done();
      } catch {
        // the record stays: the next processor settles it
      }
      throw e;
    }
  }

  private async steps(journal: BatchJournal, entries: MergeEntry[], report: BatchReport, start: TargetTip): Promise<BatchOutcome> {
    const { store } = this.project;
    const old = start.sha;
    // Integration makes only unreferenced objects, so it needs no journal record: a crash here
    // leaves entries marked integrating, which the next processor puts back (recover.ts). Nothing
    // below touches the target until the compare-and-swap, which fails if it moved since `start`.
    const cfg = await configAt(this.repo, old, this.target);
    this.integrationDir = cfg.merge.integration_dir;
    const t0 = performance.now();
    const integ = await this.integrate(old, start.tree, entries);
    const integrateMs = Math.round(performance.now() - t0);
    const gates = cfg.gates;
    // One state write for what integration decided; skipped on the fast path (no gates, nothing to
    // record), where the landing's own write follows at once.
    const record = integ.conflicted.length || integ.deferred.length || integ.noop.length || integ.held.length || gates.length;
    if (record) await store.transact(async (tx) => {
      const doc = queueIn(tx);
      for (const c of integ.conflicted) {
        const next =
          c.e.kind === 'revert'
            ? `Later changes on ${this.target} touch the same lines: revert it by hand (git revert) in a new task.`
            : `Merge ${this.target} into the lane, resolve the conflicts, commit, and queue it again.`;
        markFailedInTx(tx, c.e.id, `${c.message}\n${next}`, { kind: 'conflict', files: c.files });
      }
      requeueInTx(tx, integ.deferred.map((e) => e.id), 'conflicts with another entry of its batch; tried alone next');
      for (const h of integ.held) holdInTx(tx, h.e.id, h.reason);
      if (integ.noop.length) markLandedInTx(tx, integ.noop, this.target, { unchecked: false });
      for (const l of integ.links) {
        const e = doc.entries.find((x) => x.id === l.entry);
        if (!e) continue;
        e.state = gates.length ? 'gating' : 'landing';
        e.timings = { ...e.timings, integrate_ms: integrateMs };
      }
    });
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
      report.warnings.push(`No gates are configured in .lanes/config.json on ${this.target}: ${links.map((l) => l.task).join(', ')} landed without any check.`);
      return this.land(journal, links, old, { unchecked: true }, report);
    }

    // Gates, then bisection on red. Owed re-checks go first: the lanes' owners learn of new
    // conflicts while the gates run.
    await this.flushRecheck(report);
    const rec = await this.gateCheckout(old);
    const dir = rec.dir;
    let lo = 0; // longest prefix known green (and landed)
    let hi = links.length; // shortest prefix known red (after the first test)
    let cur = old;
    const test = async (n: number): Promise<GatesResult> => {
      const at = links[n - 1]!;
      await journal.step('gates', { testing: at.commit, pgid: undefined });
      await resetIntegration(dir, at.commit, rec.keep);
      const tasks = links.slice(0, n).map((l) => l.task);
      this.onProgress(`gates on ${links.slice(lo, n).map((l) => l.task).join(', ')}`);
      report.gate_runs++;
      const env = { LANES_MERGE: '1', LANES_TARGET: this.target, LANES_TASKS: tasks.join(','), LANES_CANDIDATE: at.commit };
      const onSpawn = async (pgid: number) => {
        await journal.step('gates', { pgid });
        await failpoint('merge.during-gates');
      };
      const log = new GateLog(this.repo, { target: this.target, tasks, candidate: at.commit });
      let g: GatesResult | undefined;
      try {
        // The target's setup first (dependencies), skipped when what it depends on is unchanged.
        const t1 = performance.now();
        const s = await setupCheckout(this.project, rec, cfg.setup, { env, log, onSpawn });
        if (s.ran.length) this.onProgress(`setup ran: ${s.ran.join(', ')}${s.skipped.length ? ` (skipped: ${s.skipped.join(', ')})` : ''}`);
        g = s.ok
          ? await runGates(gates, dir, { env, onSpawn, log })
          : { ok: false, runs: [], ms: Math.round(performance.now() - t1), failed: gateFailure(s.failed.gate, s.failed.why, s.failed.output, s.failed) };
      } finally {
        const entry = log.close(g?.failed ? { ok: false, failed: g.failed.gate, why: g.failed.why } : { ok: g?.ok === true, ...(g ? {} : { why: 'interrupted' }) });
        if (g) g.log = entry.id;
      }
      return g;
    };
    // A gate that cannot even start is the configuration's fault, not the lane's: stop, keep the queue.
    const unrunnable = (g: GatesResult): GatesResult => {
      if (g.failed?.unrunnable) {
        throw new LanesError('CONFIG', `Gate "${g.failed.gate}" ${g.failed.why}.`, {
          hint: `Fix gates in .lanes/config.json on ${this.target} (each an argv array of a program on PATH); the entries kept their places in the queue.`,
        });
      }
      return g;
    };
    let r = unrunnable(await test(hi));
    if (r.ok) return this.land(journal, links, cur, { unchecked: false, gates_ms: r.ms }, report);
    let red = r;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      r = unrunnable(await test(mid));
      if (r.ok) {
        const out = await this.land(journal, links.slice(lo, mid), cur, { unchecked: false, gates_ms: r.ms }, report, links.slice(mid));
        if (out !== 'done') return out;
        cur = links[mid - 1]!.commit;
        lo = mid;
      } else {
        hi = mid;
        red = r;
      }
    }
    const culprit = links[hi - 1]!;
    const f = red.failed!;
    const message = failureReason(f, { task: culprit.task, target: this.target, ...(red.log ? { log: red.log } : {}) });
    const rest = links.slice(hi);
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
      requeueInTx(tx, rest.map((l) => l.entry), `integrated again without ${culprit.task}, whose gate failed`);
    });
    report.failed.push({ task: culprit.task, entry: culprit.entry, kind: 'gate', message, gate: f.gate });
    report.requeued.push(...rest.map((l) => l.task));
    await store.appendEvent('merge.failed', { task: culprit.task, entry: culprit.entry, kind: 'gate', gate: f.gate });
    this.onProgress(`${culprit.task}: gate ${f.gate} ${f.why}`);
    return 'done';
  }

  /**
   * Lands `seg` (a run of the chain starting right on `cur`) by compare-and-swap. `after` are the
   * chain's later links, put back in the queue if this landing cannot happen.
   */
  private async land(journal: BatchJournal, seg: Link[], cur: string, extra: { unchecked: boolean; gates_ms?: number }, report: BatchReport, after: Link[] = []): Promise<BatchOutcome> {
    const { store } = this.project;
    const last = seg[seg.length - 1]!;
    const all = [...seg, ...after];
    // A cancel that arrived while we integrated or gated: let go of the batch, drop the cancelled.
    const q = queueOf((await store.read<MergeQueueDoc>(MERGE_DOC, emptyQueue)).data);
    const cancelled = all.filter((l) => q.entries.find((e) => e.id === l.entry)?.cancel_requested);
    if (cancelled.length) {
      await store.transact(async (tx) => requeueInTx(tx, all.map((l) => l.entry)));
      report.cancelled.push(...cancelled.map((l) => l.task));
      report.requeued.push(...all.filter((l) => !cancelled.includes(l)).map((l) => l.task));
      return 'cancelled';
    }
    const landing: Landed[] = seg.map((l) => ({ entry: l.entry, commit: l.commit, base: l.base }));
    await journal.step('land', { old: cur, new: last.commit, landing, unchecked: extra.unchecked, pgid: undefined });
    await failpoint('merge.before-land');
    const t0 = performance.now();
    const message = `lanes: land ${seg.map((l) => l.task).join(', ')}`;
    const r = await advanceTarget(this.repo, this.target, cur, last.commit, message);
    const landMs = Math.round(performance.now() - t0);
    if (!r.ok) {
      await store.transact(async (tx) => requeueInTx(tx, all.map((l) => l.entry), `${this.target} moved while it was being integrated; integrated again`));
      report.requeued.push(...all.map((l) => l.task));
      this.onProgress(`${this.target} moved meanwhile; integrating again`);
      return 'moved';
    }
    await failpoint('merge.after-land');
    let moved: MergeEntry[] = [];
    await store.transact(async (tx) => {
      moved = markLandedInTx(tx, landing, this.target, { unchecked: extra.unchecked, land_ms: landMs, ...(extra.gates_ms !== undefined ? { gates_ms: extra.gates_ms } : {}) });
    });
    for (const l of seg) {
      report.landed.push({ task: l.task, entry: l.entry, commit: l.commit, unchecked: extra.unchecked });
      await store.appendEvent('merge.landed', { task: l.task, entry: l.entry, commit: l.commit, target: this.target, unchecked: extra.unchecked });
    }
    this.onProgress(`landed ${seg.map((l) => l.task).join(', ')} on ${this.target} as ${last.commit.slice(0, 12)}`);
    const cfg = await configAt(this.repo, cur, this.target);
    if (cfg.merge.remove_lane_after_landing) report.warnings.push(...(await removeLandedLanes(this.project, moved)));
    // Re-checking the lanes in flight against the new target: at once when gates run (it costs
    // nothing beside them); on the gate-less fast path, coalesced with the landings that follow
    // within the same run and done against the newest target (flushRecheck), which is what the
    // lanes' owners need to know — rechecking every intermediate target would double the
    // per-entry cost of the queue.
    this.pending = { sha: last.commit, tasks: [...(this.pending?.tasks ?? []), ...moved.map((e) => e.task)] };
    if (cfg.gates.length) await this.flushRecheck(report);
    return 'done';
  }

  private pending: { sha: string; tasks: string[] } | undefined;

  /** Runs the re-check of the lanes in flight owed by the landings so far. */
  async flushRecheck(report: BatchReport): Promise<void> {
    const p = this.pending;
    if (!p) return;
    this.pending = undefined;
    const r = await recheckSafely(this.project, this.target, p.sha, p.tasks);
    report.warnings.push(...r.warnings);
    report.conflicts.push(...r.conflicts);
  }
}

/**
 * The batch's journal record, begun lazily at the first step a crash must know about (a gate
 * running, a landing about to happen), so the gate-less fast path writes it once, not per step.
 */
class BatchJournal {
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
}

export function newReport(): BatchReport {
  return { landed: [], held: [], failed: [], requeued: [], cancelled: [], gate_runs: 0, warnings: [], conflicts: [] };
}

/** Marks the picked entries as ours (only those still queued). */
export async function claimEntries(project: Project, ids: string[]): Promise<MergeEntry[]> {
  return project.store.transact(async (tx) => {
    const doc = queueIn(tx);
    const out: MergeEntry[] = [];
    for (const id of ids) {
      const e = doc.entries.find((x) => x.id === id);
      if (!e || e.state !== 'queued' || e.cancel_requested) continue;
      e.state = 'integrating';
      e.attempts += 1;
      const first = e.started_at === undefined;
      e.started_at ??= nowIso();
      if (first) e.timings = { ...e.timings, wait_ms: msSince(e.queued_at) ?? 0 };
      out.push({ ...e });
    }
    return out;
  });
}
