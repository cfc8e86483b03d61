/**
 * `lanes run`: executes the stored plan with one headless agent per lane.
 *
 * The loop: read the state → settle queued tasks (landed, or sent back by the queue) → admit ready
 * tasks while there is a free slot, no conflicting task in flight and the machine is above its
 * memory and disk floors → sleep until something happens. Admission is list scheduling,
 * critical-path first (readyTasks), which PERFORMANCE.md measured at 1.00-1.012x the lower bound.
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
 */
import fs from 'node:fs';
import { errorMessage, isLanesError, LanesError } from '../../errors.js';
import { readResources } from '../../system/resources.js';
import { releaseFiles, renewClaims } from '../claims/api.js';
import type { LanesConfig } from '../config/schema.js';
import type { Project } from '../project/project.js';
import { recommendParallelism } from '../plan/parallelism.js';
import { startLane } from '../lanes/start.js';
import { takeTask } from '../lanes/take.js';
import { ownerLiveness, readOwners, releaseOwner, touchOwner } from '../claims/liveness.js';
import { emptyLanes, LANES_DOC, taskOwner, type LanesDoc } from '../lanes/model.js';
import { MERGE_DOC, queueMerge, type MergeEntry, type MergeQueueDoc } from '../merge/index.js';
import { emptyQueue, queueOf } from '../merge/model.js';
import type { PlannedTask } from '../plan/plan.js';
import { readPlan, requirePlan, updateTask, type StoredPlan, type TasksDoc } from '../plan/tasks.js';
import { activityOf } from './activity.js';
import { chooseAdmissions, resourceFloors } from './admission.js';
import { expandArgv, type AgentSpec } from './agent.js';
import type { RunEvent, RunEventInput } from './events.js';
import { checkLane, verdict, type LaneCheck } from './finish.js';
import { MergeDriver } from './merges.js';
import { countedAttempts, INTERRUPTED_NOTE, LIMITED_NOTE, nowIso, type RunAttempt, type RunRecord, type RunTask } from './model.js';
import { limitOf, MAX_LIMITED_IN_A_ROW, RunPauses, type AttemptOutput } from './pause.js';
import { lanePrompt } from './prompt.js';
import { RunRecorder } from './record.js';
import { buildReport, logsDir, reportPath, writeReport, type RunReport } from './report.js';
import { beginRun } from './resume.js';
import { spawnAgent, type AgentExit, type AgentProcess } from './spawn.js';

export interface RunOptions {
  agent: AgentSpec;
  /** Lanes running at once. Default: recommended for the machine now (a resumed run keeps its own). */
  parallelism?: number;
  /** Retries after a failed attempt. Default: `agent.retries` of the config (3). */
  retries?: number;
  onEvent?: (e: RunEvent) => void;
  /** Aborting it interrupts the run (the CLI aborts on SIGINT / SIGTERM); its reason names the signal. */
  signal?: AbortSignal;
  /** Why a new lane may not start now (undefined: it may). Default: the configured memory and disk floors. */
  admission?: () => Promise<string | undefined>;
  /** How often the loop looks at the state when nothing wakes it. Default 500 ms. */
  pollMs?: number;
  /** An agent still running after this long is ended and the attempt fails. Default: no limit. */
  agentTimeoutMs?: number;
  /** SIGTERM → SIGKILL grace for agents being ended. Default 3000 ms. */
  killGraceMs?: number;
}

const START_TRIES = 3;
/** Variables of a surrounding Claude Code session that must not leak into an agent's own session. */
const OUTER_SESSION_ENV = ['CLAUDECODE', 'CLAUDE_CODE_ENTRYPOINT', 'CLAUDE_SESSION_ID', 'CLAUDE_PROJECT_DIR', 'CLAUDE_PLUGIN_ROOT', 'CLAUDE_PLUGIN_DATA'];

export async function runPlan(project: Project, opts: RunOptions): Promise<RunReport> {
  return new Runner(project, opts, await project.config()).execute();
}

class Runner {
  private run!: RunRecord;
  private plan!: StoredPlan;
  private tasks: TasksDoc = {};
  private queue: MergeQueueDoc = emptyQueue();
  private readonly agents = new Map<string, AgentProcess>();
  private readonly starting = new Set<string>();
  /** Agents this run ended on purpose (their attempts are 'interrupted', not failures). */
  private readonly ended = new Set<string>();
  private readonly jobs = new Set<Promise<unknown>>();
  private readonly startFailures = new Map<string, { n: number; until: number }>();
  /** Tasks someone else started meanwhile: not ours to run. */
  private readonly foreign = new Set<string>();
  private readonly merges: MergeDriver;
  private stopping = false;
  private stopBy = '';
  private wake: () => void = () => {};
  private waitingReason: string | undefined;
  private lastRenew = Date.now();
  private mergeBusyBase = 0;
  private readonly recorder: RunRecorder;
  private readonly pollMs: number;
  private readonly P: { value: number } = { value: 1 };
  /** Usage limits (the run-wide pause, paced starts) and token accounting. */
  private pauses!: RunPauses;

  constructor(
    private readonly project: Project,
    private readonly opts: RunOptions,
    private readonly cfg: LanesConfig,
  ) {
    this.pollMs = opts.pollMs ?? 500;
    this.recorder = new RunRecorder(project.store, (e) => this.emit({ type: 'run.warning', text: `could not record the run state: ${errorMessage(e)}` }));
    this.merges = new MergeDriver(project, {
      onProgress: (text) => {
        this.emit({ type: 'merge.progress', text });
        // A landing is in the state before the batch's cleanup (lane removal, re-checks): look now,
        // so its dependents start without waiting for that.
        this.wake();
      },
      onChange: () => this.wake(),
      onError: (message, failures) => this.mergeError(message, failures),
      stopping: () => this.stopping,
    });
  }

  private get retries(): number {
    return this.run.retries;
  }

  private emit(e: RunEventInput): void {
    try {
      this.opts.onEvent?.({ at: nowIso(), ...e } as RunEvent);
    } catch {
      // a display must never break the run
    }
  }

  private track<T>(p: Promise<T>): void {
    const q = p.catch((e) => this.emit({ type: 'run.warning', text: `internal: ${errorMessage(e)}` })).finally(() => {
      this.jobs.delete(q);
      this.wake();
    });
    this.jobs.add(q);
  }

  // ---------------------------------------------------------------------------------------------
  // The loop

  async execute(): Promise<RunReport> {
    const { plan, tasks } = await readPlan(this.project.store);
    this.plan = requirePlan(plan);
    this.tasks = tasks;
    const resumed = await this.begin();
    await this.heartbeat();
    await this.adoptOrphans();
    const onAbort = () => this.stop(String(this.opts.signal?.reason ?? 'signal'));
    if (this.opts.signal?.aborted) onAbort();
    else this.opts.signal?.addEventListener('abort', onAbort, { once: true });
    this.emit({ type: 'run.started', run_id: this.run.id, resumed, parallelism: this.P.value, agent: this.run.agent.name, tasks: this.plan.tasks.length, target: this.cfg.target });
    await this.project.store.appendEvent('run.started', { run: this.run.id, resumed, parallelism: this.P.value, agent: this.run.agent.name });
    let failure: unknown;
    try {
      for (;;) {
        if (this.stopping) break;
        const woke = new Promise<void>((res) => (this.wake = res));
        await this.refresh();
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
      this.opts.signal?.removeEventListener('abort', onAbort);
      if (this.stopping) await this.shutdown();
    }
    if (failure !== undefined) {
      await this.end().catch(() => undefined);
      throw failure;
    }
    return this.end();
  }

  /** Nothing in flight: no agent, no start, no merge work of ours. */
  private quiet(): boolean {
    return this.agents.size === 0 && this.starting.size === 0 && this.jobs.size === 0 && !this.merges.busy && !this.tasksIn('queued').length;
  }

  private tasksIn(...states: RunTask['state'][]): RunTask[] {
    return Object.values(this.run.tasks).filter((t) => states.includes(t.state));
  }

  private stop(by: string): void {
    if (this.stopping) return;
    this.stopping = true;
    this.stopBy = by;
    this.emit({ type: 'run.stopping', by, agents: [...this.agents.keys()] });
    this.wake();
  }

  /** Reads the state and settles queued tasks: landed, sent back by the queue, or cancelled. */
  private async refresh(poll = true): Promise<void> {
    const [{ plan, tasks }, q] = await Promise.all([readPlan(this.project.store), this.project.store.read<MergeQueueDoc>(MERGE_DOC, emptyQueue)]);
    if (plan) this.plan = plan;
    this.tasks = tasks;
    this.queue = queueOf(q.data);
    let waiting = false;
    for (const rt of this.tasksIn('queued')) {
      const st = tasks[rt.id];
      const e = this.entryOf(rt);
      if (st?.status === 'done') this.landed(rt, e, st.landed_as);
      else if (e?.state === 'failed') await this.sentBack(rt, `The merge queue sent it back: ${e.last_error ?? 'it failed'}`, e);
      else if (e?.state === 'cancelled') await this.block(rt, 'its merge entry was cancelled');
      // A landing that weakens the gates waits for a human, not for this run.
      else if (e?.state === 'held') await this.block(rt, `its merge is held for a human (${e.held_reason ?? 'it changes the gates'}): \`lanes merge approve ${rt.id}\`, then \`lanes merge run\``);
      else if (!e) await this.sentBack(rt, 'its merge entry disappeared from the queue');
      else waiting = true;
    }
    if (waiting && poll) this.merges.poll();
  }

  private entryOf(rt: RunTask): MergeEntry | undefined {
    const id = rt.merge?.entry;
    return (id && this.queue.entries.find((e) => e.id === id)) || [...this.queue.entries].reverse().find((e) => e.task === rt.id && e.kind === 'land');
  }

  // ---------------------------------------------------------------------------------------------
  // Admission

  /** Starts what can start. Returns whether anything is waiting to start (now or later). */
  private async admit(): Promise<boolean> {
    const now = Date.now();
    const free = this.P.value - this.agents.size - this.starting.size;
    // Paused on a usage limit, or pacing starts: fewer (or no) slots now, but still waiting.
    const slots = this.stopping ? free : this.pauses.allowed(free);
    const choice = chooseAdmissions({
      plan: this.plan,
      tasks: this.tasks,
      runTasks: this.run.tasks,
      starting: this.starting,
      withAgent: new Set(this.agents.keys()),
      skip: (id) => this.foreign.has(id) || this.run.tasks[id]?.state === 'blocked' || (this.startFailures.get(id)?.until ?? 0) > now,
      slots,
    });
    const backingOff = [...this.startFailures.values()].some((f) => f.until > now && f.n < START_TRIES);
    const wants = choice.waiting || backingOff;
    if (slots <= 0 || this.stopping || (!choice.again.length && !choice.fresh.length)) return wants;

    const reason = await (this.opts.admission ?? (() => resourceFloors(this.project.repo.mainRoot, this.cfg)))();
    if (reason) {
      if (reason !== this.waitingReason) this.emit({ type: 'resources.waiting', reason });
      this.waitingReason = reason;
      return true;
    }
    if (this.waitingReason) this.emit({ type: 'resources.ok' });
    this.waitingReason = undefined;
    for (const rt of choice.again) {
      this.pauses.started();
      this.track(this.launch(rt));
    }
    for (const t of choice.fresh) {
      this.pauses.started();
      this.starting.add(t.id);
      this.track(this.startTask(t));
    }
    return true;
  }

  // ---------------------------------------------------------------------------------------------
  // One task

  private taskDef(id: string): PlannedTask {
    const t = this.plan.tasks.find((x) => x.id === id);
    if (!t) throw new LanesError('NOT_FOUND', `Task ${id} is no longer in the plan.`);
    return t;
  }

  private runTask(id: string): RunTask {
    return (this.run.tasks[id] ??= { id, state: 'pending', attempts: [] });
  }

  private async startTask(task: PlannedTask): Promise<void> {
    const rt = this.runTask(task.id);
    rt.state = 'starting';
    delete rt.reason;
    this.emit({ type: 'task.starting', task: task.id });
    this.save();
    const t0 = performance.now();
    try {
      const adopted = await this.adoptLane(task.id);
      const lane = adopted ?? (await startLane(this.project, { task_id: task.id, owner: this.run.owner }));
      rt.start_ms = (rt.start_ms ?? 0) + Math.round(performance.now() - t0);
      rt.branch = lane.branch;
      rt.path = lane.path;
      rt.started_at ??= nowIso();
      this.startFailures.delete(task.id);
      this.emit({ type: 'task.started', task: task.id, branch: lane.branch, path: lane.path, ms: rt.start_ms });
    } catch (e) {
      this.starting.delete(task.id);
      await this.startFailed(rt, e);
      return;
    }
    this.starting.delete(task.id);
    if (this.stopping) {
      rt.state = 'interrupted';
      this.save();
      return;
    }
    await this.launch(rt);
  }

  /**
   * A lane an earlier run left for this task (it was blocked, then set back to planned by a human,
   * or that run ended mid-task): continue in it rather than fail on "lane exists". Only lanes
   * owned by a run that is gone, never a person's; taking it over claims its scope again. Our own
   * lane comes back from startLane itself.
   */
  private async adoptLane(id: string): Promise<{ branch: string; path: string } | undefined> {
    const doc = (await this.project.store.read<LanesDoc>(LANES_DOC, emptyLanes)).data;
    const rec = Object.hasOwn(doc, id) ? doc[id] : undefined;
    if (!rec || !rec.owner.startsWith('run:') || rec.owner === this.run.owner || rec.state !== 'ready' || !fs.existsSync(rec.path)) return undefined;
    const r = await takeTask(this.project, { task_id: id, owner: this.run.owner, pid: process.pid });
    this.emit({ type: 'run.warning', text: `${id}: continuing in the lane ${rec.owner} left (${r.because})` });
    return { branch: rec.branch, path: rec.path };
  }

  /**
   * Tasks an earlier run left in progress in their lanes (it crashed, or ended with them there):
   * once that run's lease is gone they are this run's to continue, in the same lane.
   */
  private async adoptOrphans(): Promise<void> {
    const [owners, lanesDoc] = await Promise.all([readOwners(this.project.store), this.project.store.read<LanesDoc>(LANES_DOC, emptyLanes)]);
    for (const t of this.plan.tasks) {
      const st = Object.hasOwn(this.tasks, t.id) ? this.tasks[t.id] : undefined;
      if (st?.status !== 'in_progress' || !st.owner?.startsWith('run:') || st.owner === this.run.owner || this.run.tasks[t.id]) continue;
      const lane = Object.hasOwn(lanesDoc.data, t.id) ? lanesDoc.data[t.id] : undefined;
      if (!lane || lane.owner !== st.owner || lane.state !== 'ready' || ownerLiveness(owners, st.owner).live) continue;
      try {
        const r = await takeTask(this.project, { task_id: t.id, owner: this.run.owner, pid: process.pid });
        this.run.tasks[t.id] = { id: t.id, state: 'interrupted', attempts: [], path: lane.path, branch: lane.branch, reason: INTERRUPTED_NOTE };
        this.emit({ type: 'run.warning', text: `${t.id}: continuing in the lane ${st.owner} left (${r.because})` });
      } catch (e) {
        this.emit({ type: 'run.warning', text: `could not continue ${t.id} from ${st.owner}: ${firstLine(errorMessage(e))}` });
      }
    }
    this.save();
  }

  /** The run's own liveness: a lease renewed by its loop, ended at once on this host by its pid. */
  private async heartbeat(): Promise<void> {
    await touchOwner(this.project.store, { owner: this.run.owner, pid: process.pid, ttl_seconds: this.cfg.claims.default_ttl_seconds });
  }

  private async startFailed(rt: RunTask, e: unknown): Promise<void> {
    const msg = errorMessage(e);
    const st = (await readPlan(this.project.store)).tasks[rt.id];
    if (isLanesError(e, 'CONFLICT') && st?.status === 'in_progress' && st.owner !== this.run.owner) {
      // Someone else took it between our read and the claim: theirs now.
      this.foreign.add(rt.id);
      delete this.run.tasks[rt.id];
      this.emit({ type: 'run.warning', text: `${rt.id} was started by ${st.owner} meanwhile; leaving it to them` });
      this.save();
      return;
    }
    const f = this.startFailures.get(rt.id) ?? { n: 0, until: 0 };
    f.n++;
    f.until = Date.now() + 1000 * 2 ** f.n;
    this.startFailures.set(rt.id, f);
    rt.state = 'pending';
    rt.reason = `could not start: ${msg}`;
    if (f.n >= START_TRIES) {
      await this.block(rt, `could not start after ${f.n} tries: ${msg}`);
      return;
    }
    this.emit({ type: 'run.warning', text: `${rt.id} could not start (try ${f.n} of ${START_TRIES}): ${firstLine(msg)}` });
    this.save();
  }

  private async launch(rt: RunTask): Promise<void> {
    const def = this.taskDef(rt.id);
    if (!rt.path || !fs.existsSync(rt.path)) {
      await this.block(rt, `its lane ${rt.path ?? ''} is gone`);
      return;
    }
    const attempt: RunAttempt = { n: rt.attempts.length + 1, started_at: nowIso() };
    const counted = countedAttempts(rt) + 1;
    const prompt = lanePrompt({
      task: def,
      lane: rt.path,
      branch: rt.branch ?? `lanes/${rt.id}`,
      target: this.cfg.target,
      attempt: counted,
      ...(rt.reason ? { previous: rt.reason } : {}),
      ...(this.opts.agent.hooks === false ? { hooks: false } : {}),
    });
    const argv = expandArgv(this.run.agent.argv, { task_id: def.id, title: def.title, description: def.description ?? '', worktree: rt.path, prompt });
    const logFile = `${logsDir(this.project.repo.stateDir, this.run.id)}/${rt.id}.log`;
    fs.mkdirSync(logsDir(this.project.repo.stateDir, this.run.id), { recursive: true, mode: 0o700 });
    fs.appendFileSync(logFile, `\n=== lanes run ${this.run.id}: ${rt.id}, attempt ${counted} at ${attempt.started_at}\n=== ${this.run.agent.argv.join(' ')}\n`, { mode: 0o600 });
    rt.state = 'running';
    rt.attempts.push(attempt);
    const output = this.pauses.output();
    const proc = spawnAgent(argv, {
      cwd: rt.path,
      env: {
        ...this.opts.agent.env,
        LANES_TASK_ID: rt.id,
        LANES_RUN_ID: this.run.id,
        // The agent acts as the run (its MCP server and CLI calls): the owner of its task and lane.
        LANES_OWNER: this.run.owner,
        LANES_WORKTREE: rt.path,
        LANES_MAIN_ROOT: this.project.repo.mainRoot,
        LANES_ATTEMPT: String(counted),
      },
      logFile,
      dropEnv: OUTER_SESSION_ENV,
      onLine: (line, stream) => {
        output.line(line, stream);
        const text = activityOf(line);
        if (text) this.emit({ type: 'agent.activity', task: rt.id, text });
      },
    });
    this.agents.set(rt.id, proc);
    if (proc.pid !== undefined) attempt.pgid = proc.pid;
    this.emit({ type: 'agent.started', task: rt.id, attempt: counted, ...(proc.pid !== undefined ? { pid: proc.pid } : {}), log: logFile });
    // At once, not coalesced: the record of a running agent is what a crash recovery relies on.
    void this.save(true);
    let timedOut = false;
    const limit = this.opts.agentTimeoutMs;
    const timer = limit ? setTimeout(() => ((timedOut = true), void proc.stop(this.opts.killGraceMs ?? 3000)), limit) : undefined;
    const exit = await proc.done;
    if (timer) clearTimeout(timer);
    if (timedOut && !this.ended.has(rt.id)) exit.error = `timed out after ${Math.round(limit! / 1000)} s (its process group was ended)`;
    await this.agentExited(rt, attempt, counted, exit, output);
  }

  private async agentExited(rt: RunTask, attempt: RunAttempt, counted: number, exit: AgentExit, output: AttemptOutput): Promise<void> {
    this.agents.delete(rt.id);
    attempt.ended_at = nowIso();
    attempt.ms = exit.ms;
    attempt.exit_code = exit.exitCode;
    attempt.signal = exit.signal;
    delete attempt.pgid;
    const usage = this.pauses.account(rt, attempt, output);
    if (this.ended.has(rt.id)) {
      attempt.outcome = 'interrupted';
      attempt.reason = `ended by lanes run (${this.stopBy})`;
      rt.state = 'interrupted';
      rt.reason = INTERRUPTED_NOTE;
      this.emit({ type: 'agent.exited', task: rt.id, attempt: counted, exit_code: exit.exitCode, signal: exit.signal, ms: exit.ms, outcome: 'interrupted', reason: attempt.reason });
      this.save();
      return;
    }
    // An agent that failed on a usage or rate limit pauses the run now, before the lane check
    // below yields to the loop, which would otherwise admit another agent into the same limit.
    const failedOnLimit = exit.exitCode !== 0 && exit.exitCode !== null ? limitOf(rt, exit, output) : undefined;
    if (failedOnLimit) this.pauses.hit(failedOnLimit, rt.id);
    let lane: LaneCheck | undefined;
    try {
      lane = await checkLane(this.project.repo.mainRoot, rt.path!, rt.id, this.cfg.target);
    } catch (e) {
      attempt.reason = `could not check the lane: ${errorMessage(e)}`;
    }
    const v = verdict(exit, lane);
    // An attempt that did not finish because the agent hit a usage or rate limit is not the
    // task's failure: not counted, the lane kept, and the whole run waits for the reset.
    const limit = v.outcome !== 'finished' ? limitOf(rt, exit, output) : undefined;
    if (limit) {
      v.outcome = 'limited';
      v.reason = `stopped by a ${limit.reason}: ${limit.text}`;
    } else {
      this.pauses.ok();
      if (output.limits.limit && v.outcome !== 'finished') v.reason = `${v.reason ?? 'it failed'} (after ${MAX_LIMITED_IN_A_ROW} usage or rate limits in a row this one counts; check agent.limit_patterns)`;
    }
    attempt.outcome = v.outcome;
    if (v.reason) attempt.reason = v.reason;
    this.emit({ type: 'agent.exited', task: rt.id, attempt: counted, exit_code: exit.exitCode, signal: exit.signal, ms: exit.ms, outcome: v.outcome, ...(v.reason ? { reason: v.reason } : {}), ...(usage ? { usage } : {}) });
    if (limit) {
      if (!failedOnLimit) this.pauses.hit(limit, rt.id);
      rt.state = 'retry';
      rt.reason = LIMITED_NOTE;
      void this.save(true);
      return;
    }
    if (v.outcome === 'finished') await this.queueIt(rt, attempt);
    else await this.retryOrBlock(rt, v.reason ?? 'the attempt did not finish');
  }

  private async queueIt(rt: RunTask, attempt: RunAttempt): Promise<void> {
    try {
      const q = await queueMerge(this.project, { task_id: rt.id, requested_by: this.run.owner });
      if (attempt.ended_at) rt.handoff_ms = (rt.handoff_ms ?? 0) + Math.max(0, Date.now() - Date.parse(attempt.ended_at));
      rt.state = 'queued';
      rt.merge = { entry: q.entry.id, queued_at: nowIso() };
      delete rt.reason;
      this.emit({ type: 'task.queued', task: rt.id, entry: q.entry.id, conflicts: q.conflicts.map((c) => c.with) });
      this.save();
      this.merges.kick();
    } catch (e) {
      attempt.outcome = 'failed';
      attempt.reason = `could not be queued for merge: ${errorMessage(e)}`;
      await this.retryOrBlock(rt, attempt.reason);
    }
  }

  private landed(rt: RunTask, e: MergeEntry | undefined, commit: string | undefined): void {
    rt.state = 'landed';
    rt.landed_at = e?.finished_at ?? nowIso();
    const m = (rt.merge ??= {});
    m.result = 'landed';
    const sha = e?.landed_as ?? commit;
    if (sha) m.landed_as = sha;
    if (e?.timings?.total_ms !== undefined) m.ms = e.timings.total_ms;
    if (e?.timings?.gates_ms !== undefined) m.gates_ms = e.timings.gates_ms;
    delete rt.reason;
    this.emit({ type: 'task.landed', task: rt.id, commit: sha ?? '' });
    this.save();
  }

  private async sentBack(rt: RunTask, reason: string, e?: MergeEntry): Promise<void> {
    const m = (rt.merge ??= {});
    m.result = e?.state === 'cancelled' ? 'cancelled' : 'failed';
    m.error = reason;
    if (e?.timings?.total_ms !== undefined) m.ms = (m.ms ?? 0) + e.timings.total_ms;
    const last = rt.attempts[rt.attempts.length - 1];
    if (last) {
      last.outcome = 'merge-failed';
      last.reason = reason;
    }
    this.emit({ type: 'task.merge_failed', task: rt.id, reason });
    await this.retryOrBlock(rt, reason);
  }

  private async retryOrBlock(rt: RunTask, reason: string): Promise<void> {
    const used = countedAttempts(rt);
    if (used < 1 + this.retries) {
      rt.state = 'retry';
      rt.reason = reason;
      this.emit({ type: 'task.retry', task: rt.id, attempt: used + 1, reason });
      this.save();
      return;
    }
    await this.block(rt, `gave up after ${used} attempt${used === 1 ? '' : 's'}: ${reason}`);
  }

  /** Blocked: the task says why, its claims go (so conflicting tasks can run), its lane and commits stay. */
  private async block(rt: RunTask, reason: string): Promise<void> {
    rt.state = 'blocked';
    rt.reason = reason;
    this.emit({ type: 'task.blocked', task: rt.id, reason });
    this.save();
    try {
      await updateTask(this.project.store, { id: rt.id, status: 'blocked', owner: this.run.owner, note: capNote(`lanes run ${this.run.id}: ${reason}`) });
      await releaseFiles(this.project.store, taskOwner(rt.id));
    } catch (e) {
      this.emit({ type: 'run.warning', text: `could not record ${rt.id} as blocked: ${errorMessage(e)}` });
    }
  }

  private mergeError(message: string, failures: number): void {
    this.emit({ type: 'run.warning', text: `the merge queue could not run (${failures}x): ${firstLine(message)}` });
    if (failures < 3) return;
    // Queued entries stay queued (`lanes merge run` lands them once the cause is fixed), but this
    // run cannot wait for them forever.
    for (const rt of this.tasksIn('queued')) {
      rt.state = 'blocked';
      rt.reason = `queued, but the merge queue could not run: ${message}`;
      this.emit({ type: 'task.blocked', task: rt.id, reason: rt.reason });
    }
    this.save();
    this.wake();
  }

  /** Heartbeat for the scope claims of lanes in flight (their leases would expire mid-task). */
  private async renewClaims(): Promise<void> {
    const every = Math.max(30_000, (this.cfg.claims.default_ttl_seconds * 1000) / 3);
    if (Date.now() - this.lastRenew < every) return;
    this.lastRenew = Date.now();
    try {
      await this.heartbeat();
    } catch (e) {
      this.emit({ type: 'run.warning', text: `could not renew the run's lease: ${errorMessage(e)}` });
    }
    for (const rt of this.tasksIn('running', 'retry', 'queued', 'interrupted')) {
      try {
        await renewClaims(this.project.store, taskOwner(rt.id));
      } catch (e) {
        this.emit({ type: 'run.warning', text: `could not renew the claims of ${rt.id}: ${errorMessage(e)}` });
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Begin, interrupt, end

  /** Creates the run record, or resumes the interrupted one. Returns whether it resumed. */
  private async begin(): Promise<boolean> {
    const out = await beginRun(this.project, {
      agent: this.opts.agent,
      ...(this.opts.parallelism !== undefined ? { parallelism: this.opts.parallelism } : {}),
      defaultParallelism: () => this.machineParallelism(),
      retries: this.opts.retries ?? this.cfg.agent.retries,
      ...(this.plan.source ? { source: this.plan.source } : {}),
      tasks: this.tasks,
    });
    this.run = out.run;
    this.pauses = new RunPauses(this.run, this.cfg, this.opts.agent.preset, (e) => this.emit(e));
    this.mergeBusyBase = this.run.merge_busy_ms ?? 0;
    this.P.value = Math.max(1, this.run.parallelism);
    return out.resumed;
  }

  /**
   * A new run's default parallelism: sized to the machine as it is now (the plan's recommendation
   * may be hours old), capped by max_parallel and the plan's widest wave.
   */
  private async machineParallelism(): Promise<number> {
    const width = Math.max(1, ...this.plan.waves.map((w) => w.length));
    const res = await readResources(this.project.repo.mainRoot, { siTimeoutMs: 0 });
    return recommendParallelism(res, this.cfg, { width }).parallelism;
  }

  private async shutdown(): Promise<void> {
    const mid = [...new Set([...this.agents.keys(), ...this.starting])];
    for (const id of this.agents.keys()) this.ended.add(id);
    await Promise.all([...this.agents.values()].map((p) => p.stop(this.opts.killGraceMs ?? 3000)));
    // Starts in flight finish (they are short and journaled) and see `stopping`; exit handlers record.
    while (this.jobs.size) await Promise.allSettled([...this.jobs]);
    // Agents a finishing start launched just before it saw `stopping` (none in practice).
    for (const id of this.agents.keys()) this.ended.add(id);
    await Promise.all([...this.agents.values()].map((p) => p.stop(this.opts.killGraceMs ?? 3000)));
    while (this.jobs.size) await Promise.allSettled([...this.jobs]);
    // Queued work is finished work: let the processor land what it has (a second Ctrl-C in the
    // CLI exits at once; the journal lets the next command settle a batch cut short).
    if (!(await this.merges.settle(200))) {
      this.emit({ type: 'run.warning', text: 'waiting for the merge queue to finish the entries in flight (Ctrl-C again to stop now)' });
      await this.merges.settle();
    }
    this.run.status = 'interrupted';
    this.run.interrupted = { at: nowIso(), by: this.stopBy, tasks: mid };
  }

  private async end(): Promise<RunReport> {
    this.run.merge_busy_ms = this.mergeBusyBase + this.merges.busyMs;
    const seg = this.run.segments[this.run.segments.length - 1];
    if (seg) {
      seg.ended_at = nowIso();
      seg.ended_by = this.stopping ? this.stopBy : 'finished';
    }
    if (!this.stopping) {
      this.run.status = 'finished';
      delete this.run.interrupted;
      delete this.run.paused;
    }
    // Landings (or failures) of the batch that finished during the shutdown.
    await this.refresh(false);
    const tasks = this.tasks;
    const file = reportPath(this.project.repo.stateDir, this.run.id);
    this.run.report_file = file;
    const report = buildReport(this.run, this.plan, tasks, {
      target: this.cfg.target,
      logsDir: logsDir(this.project.repo.stateDir, this.run.id),
      notRunReason: (id) => this.notRunReason(id),
      prices: this.pauses.prices,
    });
    report.report_file = file;
    writeReport(file, report);
    await this.save(true);
    // A clean end: the run is no longer there to work on anything it still holds.
    await releaseOwner(this.project.store, this.run.owner).catch((e: unknown) => this.emit({ type: 'run.warning', text: `could not end the run's lease: ${errorMessage(e)}` }));
    await this.project.store.appendEvent(this.stopping ? 'run.interrupted' : 'run.finished', {
      run: this.run.id,
      landed: report.counts.landed,
      blocked: report.counts.blocked,
      wall_ms: report.wall_ms,
      ...(this.stopping ? { by: this.stopBy, tasks: this.run.interrupted?.tasks } : {}),
    });
    this.emit({ type: 'run.finished', report });
    return report;
  }

  private notRunReason(id: string): string | undefined {
    const st = this.tasks[id];
    if (st?.status === 'blocked') return `blocked: ${st.note ?? 'no reason recorded'}`;
    if (st?.status === 'failed') return `failed: ${st.note ?? ''}`;
    if (st?.status === 'in_progress' && st.owner !== this.run.owner) return `in progress elsewhere (${st.owner ?? 'unknown owner'})`;
    if (this.stopping) return 'not started before the interruption';
    const def = this.plan.tasks.find((t) => t.id === id);
    const blockedDeps = (def?.depends_on ?? []).filter((d) => this.tasks[d]?.status !== 'done');
    if (blockedDeps.length) return `waits for ${blockedDeps.join(', ')}`;
    return undefined;
  }

  private save(force = false): Promise<void> {
    return this.recorder.save(this.run, force);
  }
}

function sleep(ms: number): Promise<void> {
  // Not unref'd: while the loop waits, this timer may be all that keeps the process alive.
  return new Promise((r) => setTimeout(r, ms));
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? '';
}

function capNote(s: string): string {
  return s.length > 2000 ? `${s.slice(0, 1997)}...` : s;
}
