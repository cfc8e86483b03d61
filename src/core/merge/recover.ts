/**
 * Crash recovery of the merge queue (docs/safety.md rule 10). Each batch is journaled: its intent is
 * on disk before every step that matters for recovery — begin (integrating onto <old>), gates
 * (with the gate's process group), land (the exact compare-and-swap about to happen) — and the
 * record is deleted only after the landing's state and cleanup are done. The next processor, holding the
 * queue lock, finishes or undoes what a dead one left:
 *
 * - killed before the compare-and-swap (integrating, gating, just before landing): the target is
 *   unchanged; the entries go back to the queue in their places and are integrated again;
 * - killed at or after it: if the target contains the commit being landed, the landing happened
 *   (exactly once: the CAS either moved the ref or did not) and is rolled forward — entries landed,
 *   tasks done, cleanup; otherwise it did not happen and the entries are retried.
 *
 * A dead processor's gate may still be running in its own process group: it is killed first, then
 * every leftover integration worktree is removed.
 */
import fs from 'node:fs';
import { errorMessage } from '../../errors.js';
import { isAncestor, refSha } from '../../git/refs.js';
import { killProcessGroup } from '../../system/process-group.js';
import { log } from '../../util/log.js';
import type { Project } from '../project/project.js';
import { withGitLock } from '../lanes/gitlock.js';
import { haveProc, processesIn } from '../lanes/probe.js';
import { isInside } from '../lanes/paths.js';
import { cleanupAfterLanding, markLandedInTx, queueIn, requeueInTx, type Landed } from './after.js';
import { readCheckouts, removeUnreadyCheckouts } from './checkout.js';
import { configAt } from './target.js';
import { integrationRoot, removeIntegrationWorktree } from '../../git/merge.js';
import { MERGE_DOC, MERGE_OP, PROCESSING, sameIntent, type LandingIntent, type MergeEntry } from './model.js';
import { hostName, pidAlive } from '../../state/pid.js';
import { isSha } from '../../git/refs.js';

/** What a merge journal record carries. */
export interface MergeJournalData {
  target: string;
  entries: string[];
  old?: string;
  /** Being landed: the new target commit and the entries it brings. */
  new?: string;
  landing?: Landed[];
  unchecked?: boolean;
  /** Process group of the gate running now; a step sets it to undefined when that gate has ended. */
  pgid?: number | undefined;
  /** The last step begun: gates | land. */
  phase?: string;
}

/** A journal record, a landing's intent in the merge-queue document, or the not-yet-journaled state of a batch that threw. */
export interface SettleInput {
  id: string;
  step: string;
  data: MergeJournalData;
  /** Set when the record is the document's `landing`: settling removes it in the same write. */
  intent?: LandingIntent;
}

export interface RecoveryReport {
  journal: string;
  step: string;
  /** rolled-forward: the landing had happened and was finished; retried: entries back in the queue. */
  outcome: 'rolled-forward' | 'retried' | 'failed';
  landed: string[];
  requeued: string[];
  error?: string;
  warnings?: string[];
}

/**
 * Settles one record (of a dead processor, or of our own batch that threw): a landing that
 * happened is rolled forward (state, then cleanup), every other entry of the batch goes back to
 * the queue in its place.
 */
export async function settleRecord(project: Project, rec: SettleInput): Promise<RecoveryReport> {
  const d = rec.data;
  if (d.pgid)
    killGateGroup(
      project,
      d.pgid,
      (await readCheckouts(project)).map((c) => c.dir),
    );
  const step = d.phase ?? rec.step;
  const rep: RecoveryReport = { journal: rec.id, step, outcome: 'retried', landed: [], requeued: [] };
  let landed: Landed[] = [];
  // Whatever step the record reached, a landing it describes happened iff the target contains its
  // commit (the compare-and-swap either moved the ref or did not); rolling it forward is idempotent.
  if (d.new && d.landing?.length) {
    const now = await refSha(project.repo.mainRoot, `refs/heads/${d.target}`);
    if (now && (now === d.new || (await isAncestor(project.repo.mainRoot, d.new, now)))) landed = d.landing;
  }
  let moved: MergeEntry[] = [];
  await project.store.transact(async (tx) => {
    if (landed.length) {
      moved = markLandedInTx(tx, landed, d.target, { unchecked: d.unchecked === true });
      rep.landed = landed.map((l) => l.entry);
      rep.outcome = 'rolled-forward';
    }
    const doc = queueIn(tx);
    if (rec.intent && doc.landing && sameIntent(doc.landing, rec.intent)) delete doc.landing;
    rep.requeued = d.entries.filter((id) => PROCESSING.includes(doc.entries.find((e) => e.id === id)?.state ?? 'queued'));
    requeueInTx(tx, d.entries, rep.outcome === 'rolled-forward' ? undefined : `retried after an interrupted ${step} step`);
  });
  if (landed.length && d.new) {
    // The cleanup of a landing that was rolled forward (idempotent: it may have run already).
    const q = (await project.store.read(MERGE_DOC)).data;
    const entries = moved.length ? moved : q.entries.filter((e) => landed.some((l) => l.entry === e.id));
    // Settings from the target as it was before the landing, never from the lane (rule 7).
    const cfg = await configAt(project.repo, d.old ?? d.new, d.target);
    rep.warnings = (await cleanupAfterLanding(project, d.target, d.new, entries, cfg.merge.remove_lane_after_landing)).warnings;
  }
  return rep;
}

/**
 * Kills the process group of a gate (or setup command) a dead processor left running — but only
 * when it provably is ours: some member still works inside a gate checkout (a pid can be reused
 * once its group is empty). Any other process inside a gate checkout is killed too.
 */
function killGateGroup(project: Project, pgid: number, checkouts: readonly string[]): void {
  if (!haveProc()) {
    killProcessGroup(pgid);
    return;
  }
  const inside = [integrationRoot(project.repo), ...checkouts].flatMap((d) => processesIn(d));
  const members = inside.filter((pid) => pgroupOf(pid) === pgid);
  if (members.length) killProcessGroup(pgid);
  for (const pid of inside) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
}

function pgroupOf(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(rest[2]);
  } catch {
    return undefined;
  }
}

/**
 * Called by a processor that has just taken the queue lock: settles every merge record of a dead
 * processor, puts entries no record explains back in the queue, removes leftover integration
 * worktrees. Cheap when there is nothing to do.
 */
export async function recoverMerges(project: Project): Promise<RecoveryReport[]> {
  const { store } = project;
  const reports: RecoveryReport[] = [];
  for (const rec of (await store.journal.orphans()).filter((r) => r.op === MERGE_OP)) {
    const entry = await store.journal.adopt(rec);
    try {
      const rep = await settleRecord(project, { id: rec.id, step: rec.step, data: rec.data as unknown as MergeJournalData });
      reports.push(rep);
      await entry.done();
      log.warn(
        `recovered an interrupted merge (${rep.step}): ${rep.outcome}${rep.landed.length ? `, landed ${rep.landed.join(', ')}` : ''}`,
      );
      await store.appendEvent('merge.recovered', { step: rep.step, outcome: rep.outcome, landed: rep.landed, requeued: rep.requeued });
    } catch (e) {
      // Left in the journal: the next processor tries again, this one included.
      entry.abandon();
      reports.push({ journal: rec.id, step: rec.step, outcome: 'failed', landed: [], requeued: [], error: errorMessage(e) });
      log.error(`could not recover merge record ${rec.id}`, errorMessage(e));
    }
  }
  // The landing intent a gate-less batch records in the document itself (batch-journal.ts), left
  // by a processor that died (or by this process, which gave up on it): settled like a record.
  const intent = orphanIntent((await store.read(MERGE_DOC)).data.landing);
  if (intent) {
    const data: MergeJournalData = { ...intent, phase: 'land' };
    try {
      const rep = await settleRecord(project, { id: 'merge-queue', step: 'land', data, intent });
      reports.push(rep);
      log.warn(`recovered an interrupted merge (land): ${rep.outcome}${rep.landed.length ? `, landed ${rep.landed.join(', ')}` : ''}`);
      await store.appendEvent('merge.recovered', { step: rep.step, outcome: rep.outcome, landed: rep.landed, requeued: rep.requeued });
    } catch (e) {
      // Left in the document: the next processor tries again, this one included.
      reports.push({ journal: 'merge-queue', step: 'land', outcome: 'failed', landed: [], requeued: [], error: errorMessage(e) });
      log.error('could not recover the landing recorded in the merge queue', errorMessage(e));
    }
  }
  // We hold the queue lock: nobody else is processing, so an entry still marked as being processed
  // belongs to a processor that died before journaling it.
  const stuck = (await store.read(MERGE_DOC)).data.entries.filter((e) => PROCESSING.includes(e.state));
  if (stuck.length) {
    const ids = await store.transact(async (tx) => {
      const mine = queueIn(tx)
        .entries.filter((e) => PROCESSING.includes(e.state))
        .map((e) => e.id);
      requeueInTx(tx, mine, 'retried after an interrupted run');
      return mine;
    });
    if (ids.length) {
      reports.push({ journal: '-', step: 'integrate', outcome: 'retried', landed: [], requeued: ids });
      await store.appendEvent('merge.recovered', { step: 'integrate', outcome: 'retried', requeued: ids });
    }
  }
  await removeLeftoverWorktrees(project);
  return reports;
}

/**
 * The document's landing intent when nobody works on it any more: its processor is gone from this
 * host, or is this process (which holds the queue lock now, so its earlier batch gave up on it).
 * One that is not whole is settled only as far as it can be: a landing whose commit is not a
 * commit id is never rolled forward, and its entries go back to the queue.
 */
function orphanIntent(i: LandingIntent | undefined): LandingIntent | undefined {
  if (!i || typeof i !== 'object') return undefined;
  if (i.host !== hostName() || !Number.isSafeInteger(i.pid)) return undefined;
  if (i.pid !== process.pid && pidAlive(i.pid)) return undefined;
  const entries = Array.isArray(i.entries) ? i.entries.filter((e): e is string => typeof e === 'string') : [];
  const whole =
    typeof i.target === 'string' &&
    isSha(i.new) &&
    isSha(i.old) &&
    Array.isArray(i.landing) &&
    i.landing.every((l) => l && typeof l.entry === 'string' && isSha(l.commit) && isSha(l.base));
  return {
    ...i,
    entries,
    landing: whole ? i.landing : [],
    unchecked: i.unchecked === true,
  };
}

/**
 * Removes what no processor uses: gate checkouts a crash left half made, and the per-run
 * worktrees earlier versions made under the git dir. Ready gate checkouts stay (they are reset
 * before every use).
 */
export async function removeLeftoverWorktrees(project: Project): Promise<void> {
  await removeUnreadyCheckouts(project);
  const root = integrationRoot(project.repo);
  let names: string[];
  try {
    names = fs.readdirSync(root);
  } catch {
    return;
  }
  if (!names.length) return;
  await withGitLock(project.repo, 'merge queue: remove leftover integration worktrees', async () => {
    for (const n of names) {
      const dir = `${root}/${n}`;
      if (isInside(root, dir)) await removeIntegrationWorktree(project.repo, dir);
    }
  });
}
