/**
 * What one `lanes run` shares between its parts (the loop, lane starts, attempts, the task-state
 * rules, begin and end): the run record, the state it last read, what is in flight, and how it
 * reports (events) and records (the run doc).
 */
import { errorMessage, LanesError } from '../../errors.js';
import type { LanesConfig } from '../config/schema.js';
import type { Project } from '../project/project.js';
import type { MergeQueueDoc } from '../merge/index.js';
import { emptyQueue } from '../merge/model.js';
import type { PlannedTask } from '../plan/plan.js';
import type { StoredPlan, TasksDoc } from '../plan/tasks.js';
import type { AgentSpec } from './agent.js';
import type { RunEvent, RunEventInput } from './events.js';
import { MergeDriver } from './merges.js';
import { nowIso, type RunRecord, type RunTask } from './model.js';
import type { RunPauses } from './pause.js';
import { RunRecorder } from './record.js';
import type { AgentProcess } from './spawn.js';

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

export class RunContext {
  run!: RunRecord;
  plan!: StoredPlan;
  tasks: TasksDoc = {};
  queue: MergeQueueDoc = emptyQueue();
  readonly agents = new Map<string, AgentProcess>();
  readonly starting = new Set<string>();
  /** Agents this run ended on purpose (their attempts are 'interrupted', not failures). */
  readonly ended = new Set<string>();
  readonly jobs = new Set<Promise<unknown>>();
  readonly startFailures = new Map<string, { n: number; until: number }>();
  /** Tasks someone else started meanwhile: not ours to run. */
  readonly foreign = new Set<string>();
  readonly merges: MergeDriver;
  stopping = false;
  stopBy = '';
  /** Wakes the loop from its sleep; the loop sets a new one on every turn. */
  wake: () => void = () => {};
  mergeBusyBase = 0;
  /** Lanes running at once. */
  parallelism = 1;
  /** Usage limits (the run-wide pause, paced starts) and token accounting. */
  pauses!: RunPauses;
  private readonly recorder: RunRecorder;

  constructor(
    readonly project: Project,
    readonly opts: RunOptions,
    readonly cfg: LanesConfig,
    /** The merge processor failed `failures` times in a row (the task-state rules decide what that does). */
    onMergeError: (ctx: RunContext, message: string, failures: number, offlineMs: number | undefined) => void,
  ) {
    this.recorder = new RunRecorder(project.store, (e) =>
      this.emit({ type: 'run.warning', text: `could not record the run state: ${errorMessage(e)}` }),
    );
    this.merges = new MergeDriver(project, {
      onProgress: (text) => {
        this.emit({ type: 'merge.progress', text });
        // A landing is in the state before the batch's cleanup (lane removal, re-checks): look now,
        // so its dependents start without waiting for that.
        this.wake();
      },
      onChange: () => this.wake(),
      onError: (message, failures, offlineMs) => onMergeError(this, message, failures, offlineMs),
      stopping: () => this.stopping,
    });
  }

  get killGraceMs(): number {
    return this.opts.killGraceMs ?? 3000;
  }

  emit(e: RunEventInput): void {
    try {
      this.opts.onEvent?.({ at: nowIso(), ...e } as RunEvent);
    } catch {
      // a display must never break the run
    }
  }

  /** Runs a job in the background: the loop waits for it to end, and wakes when it does. */
  track<T>(p: Promise<T>): void {
    const q = p
      .catch((e) => this.emit({ type: 'run.warning', text: `internal: ${errorMessage(e)}` }))
      .finally(() => {
        this.jobs.delete(q);
        this.wake();
      });
    this.jobs.add(q);
  }

  save(force = false): Promise<void> {
    return this.recorder.save(this.run, force);
  }

  tasksIn(...states: RunTask['state'][]): RunTask[] {
    return Object.values(this.run.tasks).filter((t) => states.includes(t.state));
  }

  taskDef(id: string): PlannedTask {
    const t = this.plan.tasks.find((x) => x.id === id);
    if (!t) throw new LanesError('NOT_FOUND', `Task ${id} is no longer in the plan.`);
    return t;
  }

  runTask(id: string): RunTask {
    return (this.run.tasks[id] ??= { id, state: 'pending', attempts: [] });
  }
}

export function firstLine(s: string): string {
  return s.split('\n')[0] ?? '';
}
