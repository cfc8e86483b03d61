/**
 * The ends of a run: its record created or resumed (with its parallelism and pauses), its lease
 * kept alive, the shutdown on interruption (agents ended as process groups, merges in flight
 * allowed to land), and the end (the report written, the lease released, the event logged).
 */
import { errorMessage } from '../../errors.js';
import { readResources } from '../../system/resources.js';
import { releaseOwner, touchOwner } from '../claims/liveness.js';
import { recommendParallelism } from '../plan/parallelism.js';
import type { RunContext } from './context.js';
import { nowIso } from './model.js';
import { RunPauses } from './pause.js';
import { buildReport, logsDir, reportPath, writeReport, type RunReport } from './report.js';
import { beginRun } from './resume.js';
import { refresh } from './settle.js';

/** Creates the run record, or resumes the interrupted one. Returns whether it resumed. */
export async function begin(ctx: RunContext): Promise<boolean> {
  const { opts, cfg } = ctx;
  const out = await beginRun(ctx.project, {
    agent: opts.agent,
    ...(opts.parallelism !== undefined ? { parallelism: opts.parallelism } : {}),
    defaultParallelism: () => machineParallelism(ctx),
    retries: opts.retries ?? cfg.agent.retries,
    ...(ctx.plan.source ? { source: ctx.plan.source } : {}),
    tasks: ctx.tasks,
  });
  ctx.run = out.run;
  ctx.pauses = new RunPauses(ctx.run, cfg, opts.agent.preset, (e) => ctx.emit(e));
  ctx.mergeBusyBase = ctx.run.merge_busy_ms ?? 0;
  ctx.parallelism = Math.max(1, ctx.run.parallelism);
  return out.resumed;
}

/**
 * A new run's default parallelism: sized to the machine as it is now (the plan's recommendation
 * may be hours old), capped by max_parallel and the plan's widest wave.
 */
async function machineParallelism(ctx: RunContext): Promise<number> {
  const width = Math.max(1, ...ctx.plan.waves.map((w) => w.length));
  const res = await readResources(ctx.project.repo.mainRoot, { siTimeoutMs: 0 });
  return recommendParallelism(res, ctx.cfg, { width }).parallelism;
}

/** The run's own liveness: a lease renewed by its loop, ended at once on this host by its pid. */
export async function heartbeat(ctx: RunContext): Promise<void> {
  await touchOwner(ctx.project.store, { owner: ctx.run.owner, pid: process.pid, ttl_seconds: ctx.cfg.claims.default_ttl_seconds });
}

export async function shutdown(ctx: RunContext): Promise<void> {
  const mid = [...new Set([...ctx.agents.keys(), ...ctx.starting])];
  for (const id of ctx.agents.keys()) ctx.ended.add(id);
  await Promise.all([...ctx.agents.values()].map((p) => p.stop(ctx.killGraceMs)));
  // Starts in flight finish (they are short and journaled) and see `stopping`; exit handlers record.
  while (ctx.jobs.size) await Promise.allSettled([...ctx.jobs]);
  // Agents a finishing start launched just before it saw `stopping` (none in practice).
  for (const id of ctx.agents.keys()) ctx.ended.add(id);
  await Promise.all([...ctx.agents.values()].map((p) => p.stop(ctx.killGraceMs)));
  while (ctx.jobs.size) await Promise.allSettled([...ctx.jobs]);
  // Queued work is finished work: let the processor land what it has (a second Ctrl-C in the
  // CLI exits at once; the journal lets the next command settle a batch cut short).
  if (!(await ctx.merges.settle(200))) {
    ctx.emit({ type: 'run.warning', text: 'waiting for the merge queue to finish the entries in flight (Ctrl-C again to stop now)' });
    await ctx.merges.settle();
  }
  ctx.run.status = 'interrupted';
  ctx.run.interrupted = { at: nowIso(), by: ctx.stopBy, tasks: mid };
}

export async function end(ctx: RunContext): Promise<RunReport> {
  const { run, project } = ctx;
  run.merge_busy_ms = ctx.mergeBusyBase + ctx.merges.busyMs;
  const seg = run.segments[run.segments.length - 1];
  if (seg) {
    seg.ended_at = nowIso();
    seg.ended_by = ctx.stopping ? ctx.stopBy : 'finished';
  }
  if (!ctx.stopping) {
    run.status = 'finished';
    delete run.interrupted;
    delete run.paused;
  }
  // Landings (or failures) of the batch that finished during the shutdown.
  await refresh(ctx, false);
  const tasks = ctx.tasks;
  const file = reportPath(project.repo.stateDir, run.id);
  run.report_file = file;
  const report = buildReport(run, ctx.plan, tasks, {
    target: ctx.cfg.target,
    logsDir: logsDir(project.repo.stateDir, run.id),
    notRunReason: (id) => notRunReason(ctx, id),
    prices: ctx.pauses.prices,
  });
  report.report_file = file;
  writeReport(file, report);
  await ctx.save(true);
  // A clean end: the run is no longer there to work on anything it still holds.
  await releaseOwner(project.store, run.owner).catch((e: unknown) =>
    ctx.emit({ type: 'run.warning', text: `could not end the run's lease: ${errorMessage(e)}` }),
  );
  await project.store.appendEvent(ctx.stopping ? 'run.interrupted' : 'run.finished', {
    run: run.id,
    landed: report.counts.landed,
    blocked: report.counts.blocked,
    wall_ms: report.wall_ms,
    ...(ctx.stopping ? { by: ctx.stopBy, tasks: run.interrupted?.tasks } : {}),
  });
  ctx.emit({ type: 'run.finished', report });
  return report;
}

function notRunReason(ctx: RunContext, id: string): string | undefined {
  const st = ctx.tasks[id];
  if (st?.status === 'blocked') return `blocked: ${st.note ?? 'no reason recorded'}`;
  if (st?.status === 'failed') return `failed: ${st.note ?? ''}`;
  if (st?.status === 'in_progress' && st.owner !== ctx.run.owner) return `in progress elsewhere (${st.owner ?? 'unknown owner'})`;
  if (ctx.stopping) return 'not started before the interruption';
  const def = ctx.plan.tasks.find((t) => t.id === id);
  const blockedDeps = (def?.depends_on ?? []).filter((d) => ctx.tasks[d]?.status !== 'done');
  if (blockedDeps.length) return `waits for ${blockedDeps.join(', ')}`;
  return undefined;
}
