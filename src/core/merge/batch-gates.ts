/**
 * The gates of one prefix of a batch's chain: the gate checkout reset to the prefix's tip, the
 * target's setup (skipped when what it depends on is unchanged), then the gates, with the run's
 * process group journaled and its output kept in a gate log. batch.ts decides which prefixes to
 * test (the bisection); this module runs one.
 */
import { LanesError } from '../../errors.js';
import { resetIntegration } from '../../git/merge.js';
import { failpoint } from '../../util/failpoint.js';
import type { LanesConfig } from '../config/schema.js';
import type { Project } from '../project/project.js';
import type { BatchJournal } from './batch-journal.js';
import type { BatchReport } from './batch-report.js';
import { setupCheckout, type CheckoutRecord } from './checkout.js';
import { gateFailure, runGates, type GatesResult } from './gates.js';
import type { Link } from './integrate.js';
import { GateLog } from './logs.js';

export interface PrefixGating {
  project: Project;
  target: string;
  /** The target's config at the batch's base: its setup and gates. */
  cfg: LanesConfig;
  journal: BatchJournal;
  /** The target's gate checkout. */
  rec: CheckoutRecord;
  report: BatchReport;
  onProgress: (msg: string) => void;
}

/** Runs setup and gates on the tip of the first `n` links; `landed` of them have landed already. */
export async function gatePrefix(ctx: PrefixGating, links: readonly Link[], n: number, landed: number): Promise<GatesResult> {
  const at = links[n - 1]!;
  await ctx.journal.step('gates', { testing: at.commit, pgid: undefined });
  await resetIntegration(ctx.rec.dir, at.commit, ctx.rec.keep);
  const tasks = links.slice(0, n).map((l) => l.task);
  ctx.onProgress(
    `gates on ${links
      .slice(landed, n)
      .map((l) => l.task)
      .join(', ')}`,
  );
  ctx.report.gate_runs++;
  const env = { LANES_MERGE: '1', LANES_TARGET: ctx.target, LANES_TASKS: tasks.join(','), LANES_CANDIDATE: at.commit };
  const onSpawn = async (pgid: number) => {
    await ctx.journal.step('gates', { pgid });
    await failpoint('merge.during-gates');
  };
  const log = new GateLog(ctx.project.repo, { target: ctx.target, tasks, candidate: at.commit });
  let g: GatesResult | undefined;
  try {
    // The target's setup first (dependencies), skipped when what it depends on is unchanged.
    const t1 = performance.now();
    const s = await setupCheckout(ctx.project, ctx.rec, ctx.cfg.setup, { env, log, onSpawn });
    if (s.ran.length) ctx.onProgress(`setup ran: ${s.ran.join(', ')}${s.skipped.length ? ` (skipped: ${s.skipped.join(', ')})` : ''}`);
    g = s.ok
      ? await runGates(ctx.cfg.gates, ctx.rec.dir, { env, onSpawn, log })
      : {
          ok: false,
          runs: [],
          ms: Math.round(performance.now() - t1),
          failed: gateFailure(s.failed.gate, s.failed.why, s.failed.output, s.failed),
        };
  } finally {
    const entry = log.close(
      g?.failed ? { ok: false, failed: g.failed.gate, why: g.failed.why } : { ok: g?.ok === true, ...(g ? {} : { why: 'interrupted' }) },
    );
    if (g) g.log = entry.id;
  }
  return g;
}

/** A gate that cannot even start is the configuration's fault, not the lane's: stop, keep the queue. */
export function refuseUnrunnable(g: GatesResult, target: string): GatesResult {
  if (g.failed?.unrunnable) {
    throw new LanesError('CONFIG', `Gate "${g.failed.gate}" ${g.failed.why}.`, {
      hint: `Fix gates in .lanes/config.json on ${target} (each an argv array of a program on PATH); the entries kept their places in the queue.`,
    });
  }
  return g;
}
