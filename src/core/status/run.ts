/** The current `lanes run`'s brief for the status report. */
import type { Project } from '../project/project.js';
import { RUNS_DOC } from '../run/model.js';
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
}

/**
 * The current run (else the newest) in the `runs` doc. The doc belongs to `lanes run`
 * (src/core/run/model.ts); only a few fields are read, each checked, so status keeps working with
 * a runs doc from an older or newer version.
 */
export async function readRunSummary(project: Project): Promise<RunSummary | null> {
  const obj = (v: unknown): Record<string, unknown> | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
  const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  const d = obj((await project.store.read(RUNS_DOC)).data as unknown);
  if (!d || !Array.isArray(d.runs)) return null;
  const runs = d.runs.map(obj).filter((r): r is Record<string, unknown> => !!r && typeof (r.status ?? r.state) === 'string');
  const startOf = (r: Record<string, unknown>) => str(r.created_at) ?? str(r.started_at) ?? '';
  const run = runs.find((r) => typeof d.current === 'string' && r.id === d.current) ?? runs.sort((x, y) => startOf(y).localeCompare(startOf(x)))[0];
  if (!run) return null;
  const out: RunSummary = { state: (str(run.status) ?? str(run.state))!, tasks: {}, items: [] };
  const segs = Array.isArray(run.segments) ? run.segments.map(obj).filter((g) => g !== undefined) : [];
  const lastEnd = str(segs[segs.length - 1]?.ended_at) ?? str(run.updated_at);
  Object.assign(out, defined({ id: str(run.id), started_at: startOf(run) || undefined, finished_at: out.state !== 'running' ? lastEnd : undefined, agent: str(obj(run.agent)?.name) }));
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
  return out;
}
