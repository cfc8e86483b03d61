/** The current `lanes run`'s brief for the status report. */
import type { Project } from '../project/project.js';
import { runCost, usageText, type PriceTable } from '../run/cost.js';
import type { Usage } from '../run/model.js';
import { pauseText } from '../run/limits.js';
import { RUNS_DOC, type RunRecord } from '../run/model.js';
import { defined, shorten } from './brief.js';

/** The current (else the newest) `lanes run`, from the `runs` doc that `lanes run` keeps. */
export interface RunSummary {
  id?: string;
  /** running, interrupted or finished, as the run recorded it. */
  state: string;
  started_at?: string;
  /** When a run that is no longer running last stopped. */
  finished_at?: string;
  parallelism?: number;
  agent?: string;
  /** The run's tasks by their run state (pending, running, retry, queued, landed, blocked...). */
  tasks: Record<string, number>;
  /** Per task: its run state and how many agent attempts it has had. */
  items: Array<{ task: string; state: string; attempts: number; since?: string; reason?: string }>;
  /**
   * Admissions paused on a usage or rate limit (only while the run is running): why, until when
   * (ISO), the task whose agent hit it, and the line shown ("paused: usage limit, resumes 15:00").
   */
  paused?: { reason: string; until: string; task?: string; text: string };
  /** Tokens and estimated cost so far, when some agent reported usage (the scripted agent does not). */
  cost?: RunCostBrief;
}

/** A run's usage (as `lanes run` priced it, without the per-model split) and its one-line text. */
export type RunCostBrief = Omit<Usage, 'models'> & {
  /** "1.2M in · 35k out · ~$4.12": an estimate, not a bill. */
  text: string;
};

/**
 * The current run (else the newest) in the `runs` doc. The doc belongs to `lanes run`
 * (src/core/run/model.ts); only a few fields are read, each checked, so status keeps working with
 * a runs doc from an older or newer version.
 */
export async function readRunSummary(project: Project, now = Date.now()): Promise<RunSummary | null> {
  const obj = (v: unknown): Record<string, unknown> | undefined =>
    v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  const d = obj((await project.store.read(RUNS_DOC)).data as unknown);
  if (!d || !Array.isArray(d.runs)) return null;
  const runs = d.runs.map(obj).filter((r): r is Record<string, unknown> => !!r && typeof (r.status ?? r.state) === 'string');
  const startOf = (r: Record<string, unknown>) => str(r.created_at) ?? str(r.started_at) ?? '';
  const run =
    runs.find((r) => typeof d.current === 'string' && r.id === d.current) ?? runs.sort((x, y) => startOf(y).localeCompare(startOf(x)))[0];
  if (!run) return null;
  const out: RunSummary = { state: (str(run.status) ?? str(run.state))!, tasks: {}, items: [] };
  const segs = Array.isArray(run.segments) ? run.segments.map(obj).filter((g) => g !== undefined) : [];
  const lastEnd = str(segs[segs.length - 1]?.ended_at) ?? str(run.updated_at);
  Object.assign(
    out,
    defined({
      id: str(run.id),
      started_at: startOf(run) || undefined,
      finished_at: out.state !== 'running' ? lastEnd : undefined,
      agent: str(obj(run.agent)?.name),
    }),
  );
  if (typeof run.parallelism === 'number') out.parallelism = run.parallelism;
  for (const [key, raw] of Object.entries(obj(run.tasks) ?? {})) {
    const t = obj(raw);
    const state = str(t?.state);
    if (!t || !state) continue;
    out.tasks[state] = (out.tasks[state] ?? 0) + 1;
    const attempts = Array.isArray(t.attempts) ? t.attempts : [];
    const item: RunSummary['items'][number] = { task: str(t.id) ?? key, state, attempts: attempts.length };
    const since = str(obj(attempts[attempts.length - 1])?.started_at) ?? str(t.started_at);
    if (since) item.since = since;
    const reason = str(t.reason);
    if (reason) item.reason = shorten(reason, 200);
    if (out.items.length < 500) out.items.push(item);
  }
  const p = obj(run.paused);
  const reason = str(p?.reason);
  const until = str(p?.until);
  if (out.state === 'running' && reason && until && Number.isFinite(Date.parse(until))) {
    const task = str(p?.task);
    out.paused = { reason, until, ...(task ? { task } : {}), text: pauseText({ reason, until }, now) };
  }
  const cost = await costOf(project, run);
  if (cost) out.cost = cost;
  return out;
}

/** The run's usage as runCost prices it, from only the well-formed attempts of a stored record. */
async function costOf(project: Project, run: Record<string, unknown>): Promise<RunCostBrief | undefined> {
  const tasks: RunRecord['tasks'] = Object.create(null) as RunRecord['tasks'];
  const raw = run.tasks && typeof run.tasks === 'object' ? (run.tasks as Record<string, unknown>) : {};
  let any = false;
  for (const [key, t] of Object.entries(raw)) {
    const attempts =
      t && typeof t === 'object' && Array.isArray((t as { attempts?: unknown }).attempts) ? (t as { attempts: unknown[] }).attempts : [];
    const usable = attempts.filter((a): a is RunRecord['tasks'][string]['attempts'][number] => {
      const u = a && typeof a === 'object' ? (a as { usage?: unknown }).usage : undefined;
      return !!u && typeof u === 'object' && typeof (u as { input_tokens?: unknown }).input_tokens === 'number';
    });
    if (!usable.length) continue;
    any = true;
    tasks[key] = { id: key, attempts: usable } as unknown as RunRecord['tasks'][string];
  }
  if (!any) return undefined;
  let prices: PriceTable | undefined;
  try {
    prices = (await project.config()).prices;
  } catch {
    prices = undefined; // a broken config must not hide the run: the built-in estimates apply
  }
  const total = runCost({ id: typeof run.id === 'string' ? run.id : '', tasks }, prices).total;
  if (!total) return undefined;
  const { models: _models, ...brief } = total;
  return { ...brief, text: usageText(total) };
}
