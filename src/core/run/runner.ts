/**
 * `lanes run`: executes the stored plan with one headless agent per lane.
 *
 * The loop: read the state → settle queued tasks (landed, or sent back by the queue) → admit ready
 * tasks while there is a free slot, no conflicting task in flight and the machine is above its
 * memory and disk floors → sleep until something happens. Admission is list scheduling,
 * critical-path first (readyTasks), which docs/performance.md measured at 1.00-1.012x the lower bound.
 *
 * A task: start_task (lane + claims) → agent in the lane (argv template, own process group,
 * LANES_TASK_ID, cwd = lane) → finished only if it exited 0 with its work committed and a clean
 * tree → queued for merge → the queue processed batch by batch as lanes finish → landed, and its
 * dependents become ready at once. An attempt that does not finish is retried in the same lane up
 * to `agent.retries` times (the next prompt says what went wrong), then the task is blocked with
 * the reason, its claims are released, its lane and commits are kept, and the run goes on.
 *
 * Interruption (the signal): no new admissions, agents ended as process groups (SIGTERM, then
 * SIGKILL), the merge batch in flight allowed to finish, and the run record says what was
 * interrupted. The next `lanes run` resumes the same record: agents run again in their lanes.
 *
 * Here the loop and admission; lane starts in lane-start.ts, an attempt in attempt.ts, what its end
 * means for the task in outcome.ts (and settle.ts for the merge queue's verdicts), the run's
 * beginning and end in lifecycle.ts, and the state they share in context.ts.
 */
import { errorMessage } from '../../errors.js';
import { renewClaims } from '../claims/api.js';
import type { LanesConfig } from '../config/schema.js';
import { taskOwner } from '../lanes/model.js';
import type { Project } from '../project/project.js';
import { readPlan, requirePlan } from '../plan/tasks.js';
import { chooseAdmissions, resourceFloors } from './admission.js';
import { launch } from './attempt.js';
import { firstLine, RunContext, type RunOptions } from './context.js';
import { adoptOrphans, START_TRIES, startTask } from './lane-start.js';
import { begin, end, heartbeat, shutdown } from './lifecycle.js';
import { mergeError } from './outcome.js';
import type { RunReport } from './report.js';
import { refresh } from './settle.js';

export async function runPlan(project: Project, opts: RunOptions): Promise<RunReport> {
  return new Runner(project, opts, await project.config()).execute();
}

class Runner {
  private readonly ctx: RunContext;
  private waitingReason: string | undefined;
  private lastRenew = Date.now();
  /** What the last renewal could not renew: told once until it goes through again. */
  private renewFailing = new Set<string>();
  private readonly pollMs: number;

  constructor(project: Project, opts: RunOptions, cfg: LanesConfig) {
    this.pollMs = opts.pollMs ?? 500;
    this.ctx = new RunContext(project, opts, cfg, mergeError);
  }

  async execute(): Promise<RunReport> {
    const ctx = this.ctx;
    const { plan, tasks } = await readPlan(ctx.project.store);
    ctx.plan = requirePlan(plan);
    ctx.tasks = tasks;
    const resumed = await begin(ctx);
    await heartbeat(ctx);
    await adoptOrphans(ctx);
    const signal = ctx.opts.signal;
    const onAbort = () => this.stop(String(signal?.reason ?? 'signal'));
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
    ctx.emit({
      type: 'run.started',
      run_id: ctx.run.id,
      resumed,
      parallelism: ctx.parallelism,
      agent: ctx.run.agent.name,
      tasks: ctx.plan.tasks.length,
      target: ctx.cfg.target,
    });
    await ctx.project.store.appendEvent('run.started', {
      run: ctx.run.id,
      resumed,
      parallelism: ctx.parallelism,
      agent: ctx.run.agent.name,
    });
    let failure: unknown;
    try {
      for (;;) {
        if (ctx.stopping) break;
        const woke = new Promise<void>((res) => (ctx.wake = res));
        await refresh(ctx);
        await this.adoptAcrossMachines();
        const wants = await this.admit();
        if (!wants && this.quiet()) break;
        await this.renewClaims();
        await Promise.race([woke, sleep(this.pollMs)]);
      }
    } catch (e) {
      // Something unexpected (the state unreadable...): stop like an interruption, so no agent
      // outlives the run and the record says what was going on, then report the error.
      failure = e;
      this.stop(`error: ${firstLine(errorMessage(e))}`);
    } finally {
      signal?.removeEventListener('abort', onAbort);
      if (ctx.stopping) await shutdown(ctx);
    }
    if (failure !== undefined) {
      await end(ctx).catch(() => undefined);
      throw failure;
    }
    return end(ctx);
  }

  private lastAdopt = Date.now();

  /** Across machines, a machine may die mid-run: look for its tasks every few seconds. */
  private async adoptAcrossMachines(): Promise<void> {
    if (!this.ctx.project.store.shared || Date.now() - this.lastAdopt < 2000 || this.ctx.stopping) return;
    this.lastAdopt = Date.now();
    await adoptOrphans(this.ctx);
  }

  /** Nothing in flight: no agent, no start, no merge work of ours. */
  private quiet(): boolean {
    const ctx = this.ctx;
    const mine =
      ctx.agents.size === 0 && ctx.starting.size === 0 && ctx.jobs.size === 0 && !ctx.merges.busy && !ctx.tasksIn('queued').length;
    return mine && !this.othersAtWork();
  }

  /**
   * Across machines (shared state on a remote), a task of the plan that another machine is working
   * on may land and make dependents startable, or be given up and be ours to take: the run waits
   * for it instead of ending with it "not run".
   */
  private othersAtWork(): boolean {
    const ctx = this.ctx;
    if (!ctx.project.store.shared) return false;
    return ctx.plan.tasks.some((t) => {
      const st = ctx.tasks[t.id];
      const mine = ctx.run.tasks[t.id];
      return st?.status === 'in_progress' && st.owner !== ctx.run.owner && (!mine || mine.state === 'pending');
    });
  }

  private stop(by: string): void {
    const ctx = this.ctx;
    if (ctx.stopping) return;
    ctx.stopping = true;
    ctx.stopBy = by;
    ctx.emit({ type: 'run.stopping', by, agents: [...ctx.agents.keys()] });
    ctx.wake();
  }

  /** Starts what can start. Returns whether anything is waiting to start (now or later). */
  private async admit(): Promise<boolean> {
    const ctx = this.ctx;
    const now = Date.now();
    const free = ctx.parallelism - ctx.agents.size - ctx.starting.size;
    // Paused on a usage limit, or pacing starts: fewer (or no) slots now, but still waiting.
    const slots = ctx.stopping ? free : ctx.pauses.allowed(free);
    const choice = chooseAdmissions({
      plan: ctx.plan,
      tasks: ctx.tasks,
      runTasks: ctx.run.tasks,
      owner: ctx.run.owner,
      starting: ctx.starting,
      withAgent: new Set(ctx.agents.keys()),
      skip: (id) => ctx.foreign.has(id) || ctx.run.tasks[id]?.state === 'blocked' || (ctx.startFailures.get(id)?.until ?? 0) > now,
      slots,
    });
    const backingOff = [...ctx.startFailures.values()].some((f) => f.until > now && f.n < START_TRIES);
    const wants = choice.waiting || backingOff;
    if (slots <= 0 || ctx.stopping || (!choice.again.length && !choice.fresh.length)) return wants;

    const reason = await (ctx.opts.admission ?? (() => resourceFloors(ctx.project.repo.mainRoot, ctx.cfg)))();
    if (reason) {
      if (reason !== this.waitingReason) ctx.emit({ type: 'resources.waiting', reason });
      this.waitingReason = reason;
      return true;
    }
    if (this.waitingReason) ctx.emit({ type: 'resources.ok' });
    this.waitingReason = undefined;
    for (const rt of choice.again) {
      ctx.pauses.started();
      ctx.track(launch(ctx, rt));
    }
    for (const t of choice.fresh) {
      ctx.pauses.started();
      ctx.starting.add(t.id);
      ctx.track(startTask(ctx, t));
    }
    return true;
  }

  /**
   * Heartbeat for the run's lease and the scope claims of lanes in flight, three times a lease
   * (their leases would expire mid-task; across machines another run would take the tasks over).
   * Each renewal writes only when a lease is past half its length. A failure is told once until
   * a renewal goes through again (the remote may be away for a while).
   */
  private async renewClaims(): Promise<void> {
    const ctx = this.ctx;
    const every = (ctx.cfg.claims.default_ttl_seconds * 1000) / 3;
    if (Date.now() - this.lastRenew < every) return;
    this.lastRenew = Date.now();
    const failed = new Set<string>();
    const warn = (what: string, e: unknown) => {
      failed.add(what);
      if (!this.renewFailing.has(what)) ctx.emit({ type: 'run.warning', text: `could not renew ${what}: ${errorMessage(e)}` });
    };
    try {
      await heartbeat(ctx);
    } catch (e) {
      warn("the run's lease", e);
    }
    for (const rt of ctx.tasksIn('running', 'retry', 'queued', 'interrupted')) {
      try {
        await renewClaims(ctx.project.store, taskOwner(rt.id));
      } catch (e) {
        warn(`the claims of ${rt.id}`, e);
      }
    }
    this.renewFailing = failed;
  }
}

function sleep(ms: number): Promise<void> {
  // Not unref'd: while the loop waits, this timer may be all that keeps the process alive.
  return new Promise((r) => setTimeout(r, ms));
}
