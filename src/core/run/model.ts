/**
 * The `runs` state document: what `lanes run` is doing and did. One record per run, kept across
 * resumes (a second `lanes run` after Ctrl-C continues the same record), so the state always says
 * what was interrupted, which lane each task has, and how every attempt ended.
 */
import crypto from 'node:crypto';
import { defineDoc } from '../../state/define.js';
import type { PauseState } from './limits.js';

/** Tokens and estimated cost of an attempt, a task or a run (see cost.ts for how they are read and priced). */
export interface Usage {
  input_tokens: number;
  output_tokens: number;
  cache_read_tokens: number;
  cache_creation_tokens: number;
  /** Estimated from the price table (USD); absent when no model of it had a price. */
  cost_usd?: number;
  /** What the agent itself reported (Claude's total_cost_usd), when it did. */
  reported_cost_usd?: number;
  /** Tokens per model. */
  models?: Record<string, TokenCounts>;
  /** Models seen without a price. */
  unpriced?: string[];
}

export interface TokenCounts {
  input_tokens: number;
  output_tokens: number;
  cache_read_tokens: number;
  cache_creation_tokens: number;
}

/** Finished runs kept as history. */
export const RUNS_KEEP = 20;

export type RunStatus = 'running' | 'interrupted' | 'finished';

/**
 * A task's place in a run:
 *   pending      not started by this run yet
 *   starting     start_task in progress (claim, worktree, setup)
 *   running      an agent is working in the lane
 *   retry        the last attempt did not finish; the agent runs again in the same lane
 *   queued       finished and queued for merge (until it lands or fails)
 *   landed       on the target
 *   blocked      out of attempts (or could not start / could not land); the lane is kept
 *   interrupted  its agent was ended by Ctrl-C; the next `lanes run` runs it again in its lane
 */
export type RunTaskState = 'pending' | 'starting' | 'running' | 'retry' | 'queued' | 'landed' | 'blocked' | 'interrupted';

export type AttemptOutcome =
  | 'finished' // exit 0, work committed, clean tree
  | 'failed' // non-zero exit, killed, or could not start
  | 'no-commit' // exit 0 but nothing committed in the lane
  | 'dirty' // exit 0 but uncommitted changes (or a merge/rebase in progress)
  | 'merge-failed' // finished, but the merge queue sent it back (conflict or red gates)
  | 'interrupted' // ended by Ctrl-C: not counted against the retries
  | 'limited'; // ended on a usage or rate limit: not counted; the run paused until the reset

export interface RunAttempt {
  n: number;
  started_at: string;
  ended_at?: string;
  ms?: number;
  /** Process group of the agent while it runs (a crashed `lanes run` leaves it for the next to end). */
  pgid?: number;
  exit_code?: number | null;
  signal?: string | null;
  outcome?: AttemptOutcome;
  reason?: string;
  /** Tokens and estimated cost, from the agent's output (when it reports usage). */
  usage?: Usage;
}

export interface RunMerge {
  entry?: string;
  queued_at?: string;
  result?: 'landed' | 'failed' | 'cancelled';
  landed_as?: string;
  /** The queue's own work on this entry (integrate + gates + land), not the wait behind others. */
  ms?: number;
  gates_ms?: number;
  error?: string;
  /**
   * When the queue worked on it: from its batch's start to its landing or failure, per attempt.
   * Entries of one batch share their span, so the queue's serial work is the spans' union.
   */
  spans?: Array<[string, string]>;
}

export interface RunTask {
  id: string;
  state: RunTaskState;
  branch?: string;
  path?: string;
  /** Time spent in start_task (worktree, setup, claims). */
  start_ms?: number;
  /** From the agent's exit to its merge entry being queued (the finish check and queue_merge). */
  handoff_ms?: number;
  attempts: RunAttempt[];
  merge?: RunMerge;
  /** Why it is blocked, or what the next attempt should fix. */
  reason?: string;
  started_at?: string;
  landed_at?: string;
  /** The sum of its attempts' usage. */
  usage?: Usage;
}

export interface RunSegment {
  pid: number;
  host: string;
  started_at: string;
  ended_at?: string;
  /** How the segment ended: finished, or the signal that interrupted it. */
  ended_by?: string;
}

export interface RunRecord {
  id: string;
  /** Owner of the run's tasks (task status and lanes): `run:<id>`, the same across resumes. */
  owner: string;
  status: RunStatus;
  created_at: string;
  updated_at: string;
  parallelism: number;
  /** The agent argv template (with {prompt} left as a placeholder) and a short name for it. */
  agent: { name: string; argv: string[] };
  retries: number;
  source?: string;
  segments: RunSegment[];
  tasks: Record<string, RunTask>;
  /** Set when the run was interrupted: when, by what, and which tasks were mid-work. */
  interrupted?: { at: string; by: string; tasks: string[] };
  report_file?: string;
  /** Wall time the merge queue processor spent landing this run's work (all segments). */
  merge_busy_ms?: number;
  /** Set while admissions are paused on a usage or rate limit: why, and until when (ISO). */
  paused?: PauseState;
  /** Every pause of the run so far (the latest last), for the report. */
  pauses?: PauseState[];
}

export interface RunsDoc {
  /** The run a `lanes run` resumes (running or interrupted); null once it finished. */
  current: string | null;
  runs: RunRecord[];
}

export const emptyRuns = (): RunsDoc => ({ current: null, runs: [] });

/** What the next attempt of an interrupted task is told. */
export const INTERRUPTED_NOTE =
  'The previous attempt was stopped because `lanes run` was interrupted; the lane keeps what it had done. Continue from there.';

export function nowIso(): string {
  return new Date().toISOString();
}

/** `20261123-081501-3f2a`: sortable, readable, a valid owner suffix and file name. */
export function newRunId(at = new Date()): string {
  const ts = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${ts}-${crypto.randomBytes(2).toString('hex')}`;
}

export function runOwner(id: string): string {
  return `run:${id}`;
}

/** What the next attempt of a task whose agent stopped on a usage or rate limit is told. */
export const LIMITED_NOTE =
  'The previous attempt was stopped by a usage or rate limit (not by anything you did); the lane keeps what it had done. Continue from there.';

/** Attempts that count against the retries (an interrupted or limited one does not). */
export function countedAttempts(t: RunTask): number {
  return t.attempts.filter((a) => a.outcome !== 'interrupted' && a.outcome !== 'limited').length;
}

export function agentMs(t: RunTask): number {
  return t.attempts.reduce((s, a) => s + (a.ms ?? 0), 0);
}

/** The work that holds a slot: start_task and every agent attempt. */
export function laneMs(t: RunTask): number {
  return (t.start_ms ?? 0) + agentMs(t);
}

/**
 * The task's own time from start to landing: its lane work, the hand-off to the queue and the
 * queue's work on it (integrate, gates, land) — not the waits behind other tasks.
 */
export function taskMs(t: RunTask): number {
  return laneMs(t) + (t.handoff_ms ?? 0) + (t.merge?.ms ?? 0);
}

export function wallMs(r: RunRecord, now = Date.now()): number {
  return r.segments.reduce((s, g) => s + Math.max(0, (g.ended_at ? Date.parse(g.ended_at) : now) - Date.parse(g.started_at)), 0);
}

export function findRun(doc: RunsDoc, id: string): RunRecord | undefined {
  return doc.runs.find((r) => r.id === id);
}

/** Tolerates a doc written by an older version. */
export function runsOf(doc: RunsDoc): RunsDoc {
  if (!Array.isArray(doc.runs)) doc.runs = [];
  if (doc.current !== null && typeof doc.current !== 'string') doc.current = null;
  return doc;
}

export const RUNS_DOC = defineDoc<RunsDoc>({ name: 'runs', empty: emptyRuns, normalize: runsOf });

export function trimRuns(doc: RunsDoc): void {
  const done = doc.runs.filter((r) => r.id !== doc.current);
  if (done.length <= RUNS_KEEP) return;
  const drop = new Set(done.slice(0, done.length - RUNS_KEEP).map((r) => r.id));
  doc.runs = doc.runs.filter((r) => !drop.has(r.id));
}
