/**
 * The end-of-run report: per task its lane, attempts, duration and merge result; for the run its
 * wall time, the sum of task times (what running them one after the other would take), the speedup,
 * and the makespan against the lower bound no schedule can beat: max(critical path, total work /
 * parallelism), computed on the plan's dependency graph with the task times measured in this run.
 * A task's time is its own work (start_task, every agent attempt, its merge), not its waits.
 *
 * Merges run beside the lanes (the queue does not hold a slot) and one at a time, so the bound
 * has three terms: the critical path (task times from start to landing, excluding waits behind
 * other tasks: a dependent starts only once its dependency landed), the lanes' work (start +
 * agent) divided by the parallelism, and the merge queue's total work. No schedule of these
 * measured times can finish sooner; what the ratio shows is time lost to waiting.
 */
import fs from 'node:fs';
import path from 'node:path';
import { safeText } from '../../util/escape.js';
import { own, writeFileAtomic } from '../../state/index.js';
import type { StoredPlan, TasksDoc } from '../plan/tasks.js';
import { sumUsage, usageText, dollars, priceTable, type PriceTable } from './cost.js';
import type { Usage } from './model.js';
import type { PauseState } from './limits.js';
import { agentMs, countedAttempts, laneMs, taskMs, wallMs, type RunRecord, type RunTaskState } from './model.js';

export interface TaskReport {
  id: string;
  title: string;
  state: RunTaskState | 'done-before';
  branch?: string;
  /** The lane's worktree, when it is still there (a landed lane is removed by default). */
  path?: string;
  attempts: number;
  duration_ms: number;
  agent_ms: number;
  merge: string;
  landed_as?: string;
  reason?: string;
  /** Tokens and estimated cost of its attempts in this run (when the agent reports usage). */
  usage?: Usage;
}

export interface RunReport {
  run_id: string;
  status: RunRecord['status'];
  agent: string;
  parallelism: number;
  target: string;
  tasks: TaskReport[];
  /** done_before: landed before this run (nothing to do for it). */
  counts: { landed: number; blocked: number; not_run: number; done_before: number; total: number };
  wall_ms: number;
  sum_task_ms: number;
  speedup: number;
  critical_path: string[];
  critical_path_ms: number;
  /** start_task + agent time of every task: the work that holds a slot. */
  lane_work_ms: number;
  /** The merge queue's own work on the run's tasks (it lands one batch at a time). */
  merge_work_ms: number;
  lower_bound_ms: number;
  /** Wall time / lower bound (1.0 is the best possible). */
  makespan_ratio: number;
  /** What the plan predicted, in estimate hours. */
  plan: { sequential_hours: number; parallel_hours: number; lower_bound_hours: number; speedup: number };
  interrupted?: RunRecord['interrupted'];
  /** Tokens and estimated cost of the whole run (when its agents report usage). */
  usage?: Usage;
  /** Pauses on usage or rate limits. */
  pauses?: PauseState[];
  report_file?: string;
  logs_dir?: string;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The total length of the union of time spans (ISO start, end), in ms. */
export function unionMs(spans: ReadonlyArray<readonly [string, string]>): number {
  const iv = spans
    .map(([a, b]) => [Date.parse(a), Date.parse(b)] as const)
    .filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b) && b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let end = -Infinity;
  for (const [a, b] of iv) {
    if (a >= end) {
      total += b - a;
      end = b;
    } else if (b > end) {
      total += b - end;
      end = b;
    }
  }
  return Math.round(total);
}

export function buildReport(
  run: RunRecord,
  plan: StoredPlan,
  tasks: TasksDoc,
  opts: { target: string; now?: number; logsDir?: string; notRunReason?: (id: string) => string | undefined; prices?: PriceTable },
): RunReport {
  const table = opts.prices ?? priceTable(undefined);
  const ms = new Map<string, number>();
  const rows: TaskReport[] = plan.tasks.map((t) => {
    const rt = own(run.tasks, t.id);
    const st = own(tasks, t.id);
    const row: TaskReport = {
      id: t.id,
      title: t.title,
      // A task this run never got to start that is done (by another run or machine) is not "not run".
      state: rt && !(rt.state === 'pending' && st?.status === 'done') ? rt.state : st?.status === 'done' ? 'done-before' : 'pending',
      attempts: rt ? countedAttempts(rt) : 0,
      duration_ms: rt ? taskMs(rt) : 0,
      agent_ms: rt ? agentMs(rt) : 0,
      merge: mergeText(rt, st?.status === 'done'),
    };
    if (rt?.branch) row.branch = rt.branch;
    if (rt?.path && fs.existsSync(rt.path)) row.path = rt.path;
    const landed = rt?.merge?.landed_as ?? (row.state === 'done-before' ? st?.landed_as : undefined);
    if (landed) row.landed_as = landed;
    const reason = rt?.reason ?? (row.state === 'pending' ? opts.notRunReason?.(t.id) : undefined);
    if (reason && row.state !== 'landed') row.reason = reason;
    const usage = rt
      ? sumUsage(
          rt.attempts.map((a) => a.usage),
          table,
        )
      : undefined;
    if (usage) row.usage = usage;
    ms.set(t.id, row.duration_ms);
    return row;
  });
  // Longest chain of measured task times through the dependency graph (waves are topological).
  const upTo = new Map<string, number>();
  const pred = new Map<string, string>();
  const byId = new Map(plan.tasks.map((t) => [t.id, t]));
  for (const id of plan.waves.flat()) {
    let best = 0;
    for (const d of byId.get(id)?.depends_on ?? []) {
      if ((upTo.get(d) ?? 0) > best) {
        best = upTo.get(d) ?? 0;
        pred.set(id, d);
      }
    }
    upTo.set(id, best + (ms.get(id) ?? 0));
  }
  let end: string | undefined;
  for (const [id, v] of upTo) if (end === undefined || v > upTo.get(end)!) end = id;
  const cp: string[] = [];
  for (let id = end; id !== undefined; id = pred.get(id)) cp.unshift(id);
  const cpMs = end ? upTo.get(end)! : 0;
  const sum = [...ms.values()].reduce((s, x) => s + x, 0);
  // The queue's serial work: the union of the spans it worked on entries (the entries of one
  // batch share theirs: summing each entry's time would count a batch of 8 eight times), or, for
  // runs recorded before spans, the sum of the entries' times; the processor's busy time when
  // larger (that also counts its per-call setup: lock, recovery, integration worktree).
  const tasksRun = Object.values(run.tasks);
  const spans = tasksRun.flatMap((t) => t.merge?.spans ?? []);
  const entriesWork = spans.length ? unionMs(spans) : tasksRun.reduce((s, t) => s + (t.merge?.ms ?? 0), 0);
  const mergeWork = Math.max(entriesWork, run.merge_busy_ms ?? 0);
  const laneWork = Object.values(run.tasks).reduce((s, t) => s + laneMs(t), 0);
  const wall = wallMs(run, opts.now);
  const lb = Math.max(cpMs, laneWork / run.parallelism, mergeWork);
  const counts = {
    landed: rows.filter((r) => r.state === 'landed').length,
    blocked: rows.filter((r) => r.state === 'blocked').length,
    not_run: rows.filter((r) => r.state === 'pending').length,
    done_before: rows.filter((r) => r.state === 'done-before').length,
    total: rows.length,
  };
  const report: RunReport = {
    run_id: run.id,
    status: run.status,
    agent: run.agent.name,
    parallelism: run.parallelism,
    target: opts.target,
    tasks: rows,
    counts,
    wall_ms: wall,
    sum_task_ms: sum,
    speedup: wall > 0 ? round2(sum / wall) : 0,
    critical_path: cp,
    critical_path_ms: cpMs,
    lane_work_ms: laneWork,
    merge_work_ms: mergeWork,
    lower_bound_ms: Math.round(lb),
    makespan_ratio: lb > 0 ? round2(wall / lb) : 0,
    plan: {
      sequential_hours: plan.sequential_hours,
      parallel_hours: plan.parallel_hours,
      lower_bound_hours: plan.lower_bound_hours,
      speedup: plan.speedup,
    },
  };
  if (run.interrupted && run.status === 'interrupted') report.interrupted = run.interrupted;
  const total = sumUsage(
    rows.map((r) => r.usage),
    table,
  );
  if (total) report.usage = total;
  if (run.pauses?.length) report.pauses = run.pauses;
  if (opts.logsDir) report.logs_dir = opts.logsDir;
  return report;
}

function mergeText(rt: RunRecord['tasks'][string] | undefined, doneBefore: boolean): string {
  if (!rt) return doneBefore ? 'landed before this run' : 'not run';
  const m = rt.merge;
  if (m?.result === 'landed')
    return `landed as ${m.landed_as?.slice(0, 12) ?? '?'}${m.gates_ms !== undefined ? ` (gates ${secs(m.gates_ms)})` : ''}`;
  if (m?.result === 'failed') return `failed: ${firstLine(m.error ?? 'see merge_status')}`;
  if (m?.result === 'cancelled') return 'cancelled';
  if (rt.state === 'queued') return 'queued';
  return 'not queued';
}

export function secs(ms: number): string {
  return ms >= 60_000
    ? `${Math.floor(ms / 60_000)}m${String(Math.round((ms % 60_000) / 1000)).padStart(2, '0')}s`
    : `${(ms / 1000).toFixed(1)}s`;
}

function firstLine(s: string): string {
  const l = s.split('\n')[0] ?? '';
  return l.length > 120 ? `${l.slice(0, 117)}...` : l;
}

/** `<common dir>/lanes/reports/<run id>.md`: beside the shared state, never in a working tree. */
export function reportPath(stateDir: string, runId: string): string {
  return path.join(stateDir, 'reports', `${runId}.md`);
}

export function logsDir(stateDir: string, runId: string): string {
  return path.join(stateDir, 'runs', runId);
}

export function writeReport(file: string, r: RunReport): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileAtomic(file, renderMarkdown(r), 0o600);
}

/** "~$0.42", or "-" when the agent reported nothing. */
export function costCell(u: Usage | undefined): string {
  if (!u) return '-';
  return u.cost_usd !== undefined ? `~${dollars(u.cost_usd)}` : `${u.input_tokens + u.output_tokens} tokens`;
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function renderMarkdown(r: RunReport): string {
  const lines = [
    `# Lanes run ${r.run_id}`,
    '',
    `- status: **${r.status}**${r.interrupted ? ` (interrupted by ${r.interrupted.by} at ${r.interrupted.at}; was working on ${r.interrupted.tasks.join(', ') || 'nothing'}; run \`lanes run\` to resume)` : ''}`,
    `- agent: ${r.agent}; parallelism ${r.parallelism}; target \`${r.target}\``,
    `- tasks: ${r.counts.landed} landed, ${r.counts.blocked} blocked, ${r.counts.not_run} not run${r.counts.done_before ? `, ${r.counts.done_before} done before this run` : ''}, of ${r.counts.total}`,
    `- wall time ${secs(r.wall_ms)}; sum of task times ${secs(r.sum_task_ms)}; speedup ${r.speedup}x`,
    `- makespan ${secs(r.wall_ms)} vs lower bound ${secs(r.lower_bound_ms)} (the largest of: critical path ${secs(r.critical_path_ms)}; lane work ${secs(r.lane_work_ms)} / ${r.parallelism}; merge queue work ${secs(r.merge_work_ms)}): ${r.makespan_ratio}x`,
    `- critical path: ${r.critical_path.join(' → ') || '-'}`,
    ...(r.usage ? [`- tokens and estimated cost: ${usageText(r.usage)} (estimates from the price table)`] : []),
    ...(r.pauses?.length
      ? [`- paused on usage or rate limits ${r.pauses.length}x: ${r.pauses.map((p) => `${cell(p.reason)} until ${p.until}`).join('; ')}`]
      : []),
    `- the plan predicted: ${r.plan.sequential_hours} h sequential, ${r.plan.parallel_hours} h parallel (lower bound ${r.plan.lower_bound_hours} h), speedup ${r.plan.speedup}x`,
    '',
    '| task | state | lane | attempts | duration | cost | merge |',
    '|---|---|---|---|---|---|---|',
    ...r.tasks.map(
      (t) =>
        `| ${t.id} | ${t.state}${t.reason ? `: ${cell(firstLine(t.reason))}` : ''} | ${t.branch ? `\`${t.branch}\`` : '-'} | ${t.attempts} | ${secs(t.duration_ms)} | ${costCell(t.usage)} | ${cell(t.merge)} |`,
    ),
    '',
  ];
  if (r.logs_dir) lines.push(`Agent output: \`${r.logs_dir}/<task>.log\``, '');
  // Reasons and merge errors come from agents and gates: no control character reaches the file.
  return lines.map(safeText).join('\n');
}
