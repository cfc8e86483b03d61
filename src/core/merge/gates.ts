/**
 * Gates: the `gates` of `.lanes/config.json` as committed at the *target* (RELIABILITY.md rule 7:
 * never as the lane under test has it, or an agent could switch off its own gates), run in order on
 * the integrated result, stopping at the first failure. Each runs without a shell in its own
 * process group with a timeout that kills the group; its output is capped and secret-redacted.
 */
import { runCommand } from '../../system/command.js';
import { redact } from '../../util/redact.js';
import type { CommandConfig } from '../config.js';
import type { GateRun } from './model.js';

/** Output kept per gate while it runs, and the tail shown to the task's owner on failure. */
const MAX_OUTPUT = 256 * 1024;
export const TAIL_CHARS = 4000;

export interface GatesResult {
  ok: boolean;
  runs: GateRun[];
  ms: number;
  /** The gate that failed and the tail of its output; `unrunnable` when it could not even start. */
  failed?: { gate: string; why: string; output_tail: string; unrunnable?: boolean };
}

export interface GateContext {
  /** Environment every gate gets (LANES_MERGE, LANES_TARGET, LANES_TASKS). */
  env: Record<string, string>;
  /** Records the process group of a running gate, so a crashed processor's gates can be killed. */
  onSpawn?: (pgid: number) => void | Promise<void>;
}

export async function runGates(gates: readonly CommandConfig[], cwd: string, ctx: GateContext): Promise<GatesResult> {
  const t0 = performance.now();
  const runs: GateRun[] = [];
  for (const g of gates) {
    const r = await runCommand(g.command, {
      cwd,
      env: { ...ctx.env, ...g.env },
      timeoutMs: g.timeout_seconds * 1000,
      maxOutputBytes: MAX_OUTPUT,
      ...(ctx.onSpawn ? { onSpawn: ctx.onSpawn } : {}),
    });
    const ok = !r.timedOut && r.exitCode === 0 && !r.error;
    const run: GateRun = { name: g.name, ok, exit_code: r.exitCode, timed_out: r.timedOut, ms: r.durationMs };
    if (r.signal) run.signal = r.signal;
    runs.push(run);
    if (!ok) {
      const why = r.timedOut
        ? `timed out after ${g.timeout_seconds} s (its process group was killed)`
        : r.error
          ? `could not start (${r.error})`
          : r.signal
            ? `was killed by ${r.signal}`
            : `exited with code ${r.exitCode}`;
      const clean = redact(r.output);
      const tail = clean.length > TAIL_CHARS ? `...${clean.slice(-TAIL_CHARS)}` : clean;
      const failed = { gate: g.name, why, output_tail: tail, ...(r.error ? { unrunnable: true } : {}) };
      return { ok: false, runs, ms: Math.round(performance.now() - t0), failed };
    }
  }
  return { ok: true, runs, ms: Math.round(performance.now() - t0) };
}

export function describeGates(gates: readonly CommandConfig[]): string {
  return gates.map((g) => g.name).join(', ');
}
