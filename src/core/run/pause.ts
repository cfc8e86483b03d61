/**
 * The run's side of usage limits and cost: what the runner's loop calls. One `AttemptOutput` per
 * agent attempt reads its lines for a limit and for token usage; `RunPauses` keeps the run-wide
 * pause in the run record (`paused`, and `pauses` as history) and paces starts, emitting
 * `run.paused` / `run.resumed` for the displays.
 */
import type { LanesConfig } from '../config/schema.js';
import { priceTable, sumUsage, UsageMeter, type PriceTable } from './cost.js';
import type { Usage } from './model.js';
import type { RunEventInput } from './events.js';
import { LimitGate, LimitWatch, type LimitHit, type PauseState } from './limits.js';
import type { RunAttempt, RunRecord, RunTask } from './model.js';
import { limitPatternsFor, type PresetName } from './presets.js';

export class AttemptOutput {
  readonly limits: LimitWatch;
  readonly meter = new UsageMeter();

  constructor(patterns: readonly string[], clock?: () => number) {
    this.limits = new LimitWatch(patterns, clock);
  }

  line(line: string, stream: 'stdout' | 'stderr'): void {
    this.limits.line(line, stream);
    if (stream === 'stdout') this.meter.line(line);
  }
}

const PAUSES_KEPT = 50;
/** Limited attempts of one task in a row after which the next one counts as a failure. */
export const MAX_LIMITED_IN_A_ROW = 10;

/**
 * The limit an attempt that did not finish ended on, if it counts as one: not for an agent that
 * could not start, and not after MAX_LIMITED_IN_A_ROW limits in a row (a pattern then more
 * likely matches the agent's own failure than a real limit).
 */
export function limitOf(rt: RunTask, exit: { error?: string }, out: AttemptOutput): LimitHit | undefined {
  if (exit.error || !out.limits.limit) return undefined;
  let n = 0;
  for (let i = rt.attempts.length - 2; i >= 0 && rt.attempts[i]!.outcome === 'limited'; i--) n++;
  return n < MAX_LIMITED_IN_A_ROW ? out.limits.limit : undefined;
}

export class RunPauses {
  private readonly gate: LimitGate;
  private readonly patterns: string[];
  readonly prices: PriceTable;

  constructor(
    private readonly run: RunRecord,
    cfg: Pick<LanesConfig, 'agent'> & { prices?: PriceTable | undefined },
    preset: PresetName | undefined,
    private readonly emit: (e: RunEventInput) => void,
    private readonly clock: () => number = Date.now,
  ) {
    this.gate = new LimitGate(
      { backoffSeconds: cfg.agent.limit_backoff_seconds, maxStartsPerMinute: cfg.agent.max_starts_per_minute, clock },
      run.paused,
    );
    // A pause recorded by an earlier segment that has run out meanwhile.
    if (run.paused && !this.gate.paused()) delete run.paused;
    this.patterns = limitPatternsFor(preset, cfg.agent.limit_patterns);
    this.prices = priceTable(cfg.prices);
  }

  output(): AttemptOutput {
    return new AttemptOutput(this.patterns, this.clock);
  }

  /** How many agents may start now (0 while paused); notices the end of a pause. */
  allowed(wanted: number): number {
    const p = this.gate.paused();
    if (!p && this.run.paused) {
      const was = this.run.paused;
      delete this.run.paused;
      this.emit({ type: 'run.resumed', reason: was.reason });
    }
    return wanted > 0 ? this.gate.startsAllowed(wanted) : 0;
  }

  /** Ms until pacing lets the next agent start. */
  startDelay(): number {
    return this.gate.startDelay();
  }

  started(): void {
    this.gate.started();
  }

  /** An attempt ended on a limit: the run pauses (or its pause is extended). */
  hit(h: LimitHit, task: string): PauseState {
    const before = this.run.paused?.until;
    const p = this.gate.hit(h, task);
    this.run.paused = p;
    if (p.until !== before) {
      const hist = (this.run.pauses ??= []);
      hist.push({ ...p });
      if (hist.length > PAUSES_KEPT) hist.splice(0, hist.length - PAUSES_KEPT);
      this.emit({ type: 'run.paused', reason: p.reason, until: p.until, task, text: h.text });
    }
    return p;
  }

  ok(): void {
    this.gate.ok();
  }

  /** Records an attempt's usage on it and on its task. */
  account(rt: RunTask, attempt: RunAttempt, out: AttemptOutput): Usage | undefined {
    const u = out.meter.usage(this.prices);
    if (u) attempt.usage = u;
    const total = sumUsage(
      rt.attempts.map((a) => a.usage),
      this.prices,
    );
    if (total) rt.usage = total;
    return u;
  }
}
