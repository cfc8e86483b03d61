/**
 * process_merge_queue / `lanes merge run`: exactly one processor at a time across processes (the
 * 'queue' lock; a second gets "busy, held by pid ..."). It first settles what a crashed processor
 * left (recover.ts), then takes batches in queue order (order.ts) until nothing is left that can
 * go: each is integrated, gated and landed (batch.ts).
 */
import { act } from '../hints/actions.js';
import { LanesError } from '../../errors.js';
import { hostName, pidAlive, tryLock, type HeldLock } from '../../state/index.js';
import type { Project } from '../project/project.js';
import { readPlan } from '../plan/tasks.js';
import { Integrator } from './batch.js';
import { claimEntries } from './batch-record.js';
import { newReport, type BatchReport } from './batch-report.js';
import { configAt, configForTip, readTargetTip } from './target.js';
import { assertMergeTreeGit } from '../../git/merge.js';
import { assertCheckoutClean, targetCheckout } from './land.js';
import { effectiveBatchSize, MERGE_DOC, type MergeEntry } from './model.js';
import { pickBatch } from './order.js';
import { recoverMerges, type RecoveryReport } from './recover.js';
import { takeProcessor } from './processor.js';
import { divergedError, syncTarget } from '../remote/target.js';
import { ensureWork } from '../remote/work.js';

export interface ProcessOptions {
  /** Stop after this many batches (default: until nothing is left that can go). */
  maxBatches?: number;
  /** Progress lines for a human (the CLI prints them on stderr). */
  onProgress?: (msg: string) => void;
  /** The queue lock's stale time (tests shorten it). Default 3000 ms. */
  lockStaleMs?: number;
  /**
   * Takes over the removal of landed lanes (merge.remove_lane_after_landing): called with the
   * entries whose state says landed, instead of removing their lanes before the next batch. `lanes
   * run` removes them beside the queue, so the next landing does not wait for a worktree removal.
   */
  removeLanes?: (landed: MergeEntry[]) => void;
}

export interface ProcessResult extends BatchReport {
  target: string;
  batches: number;
  recovered: RecoveryReport[];
  /** Entries that cannot go yet, and the tasks they wait for. */
  waiting: Array<{ task: string; entry: string; on: string[] }>;
  remaining: number;
}

/** A processor that keeps losing the race for the target gives up after this many rounds in a row. */
const MAX_MOVES = 5;
const QUEUE_LOCK = 'queue';

async function takeQueueLock(project: Project, staleMs: number): Promise<{ release(): Promise<void>; held: HeldLock }> {
  const deadline = Date.now() + staleMs + 3000;
  for (;;) {
    const r = await tryLock(project.repo.stateDir, QUEUE_LOCK, { purpose: 'merge queue processor', staleMs, deadlineMs: staleMs + 1000 });
    if ('release' in r) return r;
    const h = r.holder;
    // A processor that died holding the lock is taken over once its lock goes stale: wait for that
    // rather than report "busy" for a process that no longer exists.
    const dead = h !== undefined && h.host === hostName() && !pidAlive(h.pid);
    if (!dead || Date.now() > deadline) {
      const who = h ? `pid ${h.pid} on ${h.host} since ${h.since}` : 'another process';
      throw new LanesError('BUSY', `The merge queue is busy: held by ${who}.`, {
        hint: `Another processor is working through the queue and will land your entry too; watch ${act('merge_status')}. Run it again only if that processor is gone.`,
        details: { holder: h },
      });
    }
    await new Promise((res) => setTimeout(res, 100));
  }
}

export async function processMergeQueue(project: Project, opts: ProcessOptions = {}): Promise<ProcessResult> {
  const root = project.repo.mainRoot;
  await assertMergeTreeGit(root);
  const target = (await project.config()).target;
  const lock = await takeQueueLock(project, opts.lockStaleMs ?? 3000);
  const result: ProcessResult = { ...newReport(), target, batches: 0, recovered: [], waiting: [], remaining: 0 };
  let processor;
  try {
    // Across machines (shared state on a remote): one processor holds the target's lease, and the
    // queue and the target are read as the remote has them.
    processor = await takeProcessor(project, target);
    if (processor) await project.store.refresh();
    result.recovered = await recoverMerges(project);
    for (const r of result.recovered) result.warnings.push(...(r.warnings ?? []));
    const { plan } = await readPlan(project.store);
    const integrator = new Integrator(project, target, plan, opts.onProgress, opts.removeLanes);
    let moves = 0;
    try {
      for (;;) {
        if (lock.held.compromised || processor?.lost) {
          throw new LanesError('BUSY', 'This processor lost the merge queue lock (its event loop stalled?); stopping.', {
            hint: 'Run the merge queue again.',
          });
        }
        if (opts.maxBatches !== undefined && result.batches >= opts.maxBatches) break;
        const synced = await syncTarget(project, target);
        if (synced?.diverged && synced.remote) throw divergedError(target, project.store.shared!.setting.remote);
        if (synced?.remote && synced.local !== synced.remote) {
          const wt = await targetCheckout(project.repo, target);
          if (wt) await assertCheckoutClean(wt, target, project.repo.commonDir);
        }
        // After a landing of our own on local state the target is where we put it, unless something
        // else moved it since: then the next compare-and-swap fails, and the round after reads it
        // again. Either way nothing lands on a base it was not integrated on.
        const known = integrator.takeLandedTip();
        const tip = known && !project.store.shared ? known : await readTargetTip(project.repo, target);
        if (!tip)
          throw new LanesError('NOT_FOUND', `The target branch ${target} does not exist.`, {
            hint: 'Create it (or fix "target" in .lanes/config.json), then run the queue again.',
          });
        const [{ plan: p, tasks }, q] = await Promise.all([readPlan(project.store), project.store.read(MERGE_DOC)]);
        const doc = q.data;
        const cfg = await (tip.configBlob === undefined && tip === known
          ? configAt(project.repo, tip.sha, target)
          : configForTip(project.repo, tip, target));
        const { batch, waiting } = pickBatch(doc, p, tasks, effectiveBatchSize(cfg.merge.batch_size, doc.recent));
        result.waiting = waiting.map((w) => ({ task: w.entry.task, entry: w.entry.id, on: w.on }));
        if (!batch.length) break;
        // A dirty checkout of the target would refuse the landing: say so before spending gate time.
        if (cfg.gates.length) {
          const wt = await targetCheckout(project.repo, target);
          if (wt) await assertCheckoutClean(wt, target, project.repo.commonDir);
        }
        // Without gates on local state the entries are taken after integration, in the same write
        // that records the landing's intent (batch.ts): one state write before the landing.
        const fast = !cfg.gates.length && !project.store.shared;
        const mine = fast
          ? batch.map((e) => ({ ...e }))
          : await claimEntries(
              project,
              batch.map((e) => e.id),
            );
        if (!mine.length) continue;
        result.batches++;
        await ensureWork(
          project,
          mine.map((e) => ({ task: e.task, tip: e.tip })),
        );
        const outcome = await integrator.runBatch(mine, result, tip, { claimed: !fast });
        moves = outcome === 'moved' ? moves + 1 : 0;
        if (moves >= MAX_MOVES) {
          throw new LanesError('BUSY', `${target} moved ${MAX_MOVES} times in a row while entries were being integrated; stopping.`, {
            hint: 'Something keeps committing to the target. Let it settle, then run the merge queue again; the entries kept their places.',
          });
        }
      }
    } finally {
      await integrator.flushRecheck(result);
      await integrator.dispose();
    }
    const after = (await project.store.read(MERGE_DOC)).data;
    result.remaining = after.entries.filter((e) => e.state === 'queued').length;
    return result;
  } finally {
    await processor?.release();
    await lock.release();
  }
}
