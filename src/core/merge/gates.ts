/**
 * Gates: the `gates` of `.lanes/config.json` as committed at the *target* (never as the lane under
 * test has it, or an agent could switch off its own gates), run in order on the integrated result,
 * stopping at the first failure. Each runs without a shell in its own process group with a timeout
 * that kills the group; its whole output goes to the run's log on disk (logs.ts), and a capped,
 * secret-redacted tail is kept for the failure reason.
 */
import { runCommand } from '../../system/command.js';
import { redact } from '../../util/redact.js';
import type { CommandConfig } from '../config/schema.js';
import type { GateLog } from './logs.js';
import type { GateRun } from './model.js';
import { lastLines, summarizeFailure } from './summary.js';

/** Output kept in memory per gate while it runs (the log on disk has it all). */
const MAX_OUTPUT = 256 * 1024;
export const TAIL_CHARS = 1500;

export interface GateFailure {
  gate: string;
  why: string;
  output_tail: string;
  exit_code: number | null;
  timed_out: boolean;
  summary: string[];
  first_failure: string[];
  /** What it printed last (for a timeout: what it was still doing). */
  last_lines: string[];
  /** Set when it could not even start. */
  unrunnable?: boolean;
}

export interface GatesResult {
  ok: boolean;
  runs: GateRun[];
  ms: number;
  failed?: GateFailure;
  /** Id of the run's full log. */
  log?: string;
}

export interface GateContext {
  /** Environment every gate gets (LANES_MERGE, LANES_TARGET, LANES_TASKS). */
  env: Record<string, string>;
  /** Records the process group of a running gate, so a crashed processor's gates can be killed. */
  onSpawn?: (pgid: number) => void | Promise<void>;
  log?: GateLog;
}

export function whyFailed(
  r: { timedOut: boolean; error?: string; signal: string | null; exitCode: number | null },
  timeoutSeconds: number,
): string {
  return r.timedOut
    ? `timed out after ${timeoutSeconds} s (its process group was killed)`
    : r.error
      ? `could not start (${r.error})`
      : r.signal
        ? `was killed by ${r.signal}`
        : `exited with code ${r.exitCode}`;
}

/**
 * A failure record from a command's raw (capped) output. `full` is more of the output (from the
 * log on disk) when the in-memory tail lost its start: the first failure is usually there.
 */
export function gateFailure(
  gate: string,
  why: string,
  output: string,
  r: { exit_code: number | null; timed_out: boolean; unrunnable?: boolean },
  full?: string,
): GateFailure {
  const clean = redact(output);
  const head = full !== undefined && output.startsWith('[... ') ? summarizeFailure(redact(full)) : undefined;
  const tail = summarizeFailure(clean);
  const s = {
    summary: tail.summary.length ? tail.summary : (head?.summary ?? []),
    first_failure: head?.first_failure.length ? head.first_failure : tail.first_failure,
  };
  return {
    gate,
    why,
    output_tail: clean.length > TAIL_CHARS ? `...${clean.slice(-TAIL_CHARS)}` : clean,
    exit_code: r.exit_code,
    timed_out: r.timed_out,
    summary: s.summary,
    first_failure: s.first_failure,
    last_lines: lastLines(clean, 10),
    ...(r.unrunnable ? { unrunnable: true } : {}),
  };
}

export async function runGates(gates: readonly CommandConfig[], cwd: string, ctx: GateContext): Promise<GatesResult> {
  const t0 = performance.now();
  const runs: GateRun[] = [];
  for (const g of gates) {
    ctx.log?.note(`==> gate ${g.name}: ${g.command.join(' ')}`);
    const mark = ctx.log?.mark() ?? 0;
    const r = await runCommand(g.command, {
      cwd,
      env: { ...ctx.env, ...g.env },
      timeoutMs: g.timeout_seconds * 1000,
      maxOutputBytes: MAX_OUTPUT,
      ...(ctx.log ? { onOutput: (b: Buffer) => ctx.log!.write(b) } : {}),
      ...(ctx.onSpawn ? { onSpawn: ctx.onSpawn } : {}),
    });
    const ok = !r.timedOut && r.exitCode === 0 && !r.error;
    const run: GateRun = { name: g.name, ok, exit_code: r.exitCode, timed_out: r.timedOut, ms: r.durationMs };
    if (r.signal) run.signal = r.signal;
    runs.push(run);
    const why = whyFailed(r, g.timeout_seconds);
    ctx.log?.note(`<== gate ${g.name}: ${ok ? 'passed' : why} (${r.durationMs} ms)`);
    if (!ok) {
      const full = r.output.startsWith('[... ') ? ctx.log?.textFrom(mark) : undefined;
      const failed = gateFailure(
        g.name,
        why,
        r.output,
        { exit_code: r.exitCode, timed_out: r.timedOut, ...(r.error ? { unrunnable: true } : {}) },
        full,
      );
      return { ok: false, runs, ms: Math.round(performance.now() - t0), failed };
    }
  }
  return { ok: true, runs, ms: Math.round(performance.now() - t0) };
}

/**
 * The reason a task's owner reads: which gate, how it ended, the runner's summary and first
 * failure (or, for a timeout, what it was still doing), where the full log is, and a short tail.
 */
export function failureReason(f: GateFailure, where: { task: string; target: string; log?: string }): string {
  const parts = [`gate "${f.gate}" ${f.why} on ${where.task} integrated onto ${where.target}.`];
  if (f.timed_out && f.last_lines.length)
    parts.push(`It was still running; its last output:\n${f.last_lines.map((l) => `  ${l}`).join('\n')}`);
  if (f.summary.length) parts.push(`Summary: ${f.summary.join(' | ')}`);
  if (f.first_failure.length) parts.push(`First failure:\n${f.first_failure.join('\n')}`);
  if (!f.timed_out && !f.summary.length && !f.first_failure.length) {
    parts.push(f.output_tail.trim() ? `Output (tail):\n${f.output_tail.trimEnd()}` : '(no output)');
  }
  if (where.log) parts.push(`Full log: lanes merge log ${where.task}`);
  return parts.join('\n');
}

export function describeGates(gates: readonly CommandConfig[]): string {
  return gates.map((g) => g.name).join(', ');
}
