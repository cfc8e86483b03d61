/**
 * The picture at a glance (issue 6): plan progress by wave, lanes, claims, the merge queue, the
 * current run, resources and recent events, in one report shared by `lanes status`, the `status`
 * MCP tool and `lanes dashboard`.
 *
 * Strictly read-only and cheap, because it is polled while agents work (RELIABILITY.md rule 6):
 * state docs are read without the state lock, every git call runs with GIT_OPTIONAL_LOCKS=0, and
 * nothing here writes: no orphan recovery (listLanes runs it, and it may take the 'git' lock), no
 * claim reclaiming (listClaims rewrites the doc when a lease expired; here expired leases are just
 * left out). Lanes cost one `git status` each plus an ahead/behind count per new (tip, target)
 * pair; tips and commit times of all lanes come from one for-each-ref. A section that cannot be
 * read becomes a `problems` line, never a failed report: a dashboard must keep showing the rest.
 */
import fs from 'node:fs';
import path from 'node:path';
import { errorMessage } from '../../errors.js';
import { git } from '../../git/exec.js';
import { aheadBehind, refSha, statusPorcelain } from '../../git/refs.js';
import { listWorktrees, type WorktreeInfo } from '../../git/worktree.js';
import { readResources, type Resources } from '../../system/resources.js';
import { CLAIMS_DOC, emptyClaims, type ClaimsDoc, type ClaimMode } from '../claims/model.js';
import { goneReason } from '../claims/owner.js';
import type { Project } from '../project/project.js';
import { emptyLanes, LANES_DOC, type LaneState, type LanesDoc } from '../lanes/model.js';
import { isInside, lanesDir } from '../lanes/paths.js';
import { mergeStatus, type EntryView } from '../merge/index.js';
import { emptyQueue, MERGE_DOC, queueOf, type MergeQueueDoc } from '../merge/model.js';
import { appliesTo, needsFixByTask, needsFixFirst, type NeedsFix } from '../merge/needs-fix.js';
import { countByStatus, readPlan, type StoredPlan, type TaskStatus, type TasksDoc } from '../plan/tasks.js';
import { mapLimit } from '../../util/map-limit.js';

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

export const RUNS_DOC = 'runs';

export interface TaskBrief {
  id: string;
  title: string;
  status: TaskStatus;
  wave: number;
  depends_on: string[];
  estimate: number;
  owner?: string;
  note?: string;
  started_at?: string;
  finished_at?: string;
  landed_as?: string;
}

export interface PlanSummary {
  tasks: number;
  by_status: Record<TaskStatus, number>;
  /** Done tasks as a share of all tasks, 0..1. */
  progress: number;
  waves: Array<{ wave: number; done: number; tasks: TaskBrief[] }>;
  /** Pairs whose file scopes intersect (never run together): dashed edges in the graph. */
  conflicts: Array<{ a: string; b: string; files: string[] }>;
  critical_path: string[];
  parallelism: number;
  speedup: number;
}

export interface LaneStatus {
  /** 'foreign': a worktree in the lanes directory without a lane record. */
  kind: 'lane' | 'foreign';
  task_id?: string;
  state?: LaneState;
  task_status?: TaskStatus;
  owner?: string;
  branch?: string;
  path: string;
  missing: boolean;
  dirty_count: number;
  untracked_count: number;
  ahead?: number;
  behind?: number;
  created_at?: string;
  /** Seconds since the lane was made. */
  age_s?: number;
  /** Newest of the tip's commit time, the lane index's mtime and its dirty files' mtimes. */
  last_activity?: string;
  /** The merge queue sent it back (or a landing made it conflict): what its owner must fix. */
  needs_fix?: NeedsFix;
  problem?: string;
}

export interface ClaimStatus {
  owner: string;
  pattern: string;
  mode: ClaimMode;
  task?: string;
  pid?: number;
  expires_at: string;
}

export type MergeEntryBrief = Pick<EntryView, 'id' | 'task' | 'kind' | 'state' | 'queued_at' | 'attempts'> &
  Partial<Pick<EntryView, 'position' | 'started_at' | 'finished_at' | 'waited_ms' | 'last_error' | 'landed_as' | 'waiting_for'>> & { conflicts?: number };

export interface MergeSummary {
  processor: { running: boolean; pid?: number; since?: string };
  queue: MergeEntryBrief[];
  recent: MergeEntryBrief[];
  recent_failure_rate: number;
}

export interface EventBrief {
  ts: string;
  type: string;
  task?: string;
  /** The event's other fields, compact: `status=done owner=agent-1`. */
  text: string;
}

export interface StatusReport {
  repo: string;
  generated_at: string;
  /** How long this report took to build. */
  took_ms: number;
  target: string;
  target_sha?: string;
  plan: PlanSummary | null;
  lanes: LaneStatus[];
  claims: ClaimStatus[];
  merge: MergeSummary;
  run: RunSummary | null;
  resources: Resources;
  recent_events: EventBrief[];
  /** Sections that could not be read, and why. */
  problems: string[];
}

export interface StatusOptions {
  /** How many recent events (default 10). */
  events?: number;
  /** How many finished merge entries (default 5). */
  recentMerges?: number;
}

export async function status(project: Project, opts: StatusOptions = {}): Promise<StatusReport> {
  const t0 = performance.now();
  const problems: string[] = [];
  const guard = <T>(what: string, p: Promise<T>, fallback: T): Promise<T> =>
    p.catch((e: unknown) => {
      problems.push(`${what}: ${errorMessage(e).split('\n')[0]}`);
      return fallback;
    });
  const root = project.repo.mainRoot;
  const cfg = await project.config();
  const target = guard('target', refSha(root, `refs/heads/${cfg.target}`), undefined);
  const tips = laneTips(root);
  const [{ plan, tasks }, unordered, claims, merge, run, resources, events, targetSha, queueDoc] = await Promise.all([
    guard('plan', readPlan(project.store), { plan: null, tasks: {} }),
    guard('lanes', readLanes(project, cfg.worktrees.dir, target, tips), []),
    guard('claims', readClaims(project), []),
    guard('merge queue', readMerge(project, opts.recentMerges ?? 5), { processor: { running: false }, queue: [], recent: [], recent_failure_rate: 0 }),
    guard('run', readRunSummary(project), null),
    readResources(root),
    guard('events', project.store.readEvents({ limit: opts.events ?? 10 }), []),
    target,
    guard('lanes to fix', project.store.read<MergeQueueDoc>(MERGE_DOC, emptyQueue).then((d) => queueOf(d.data)), emptyQueue()),
  ]);
  for (const l of unordered) if (l.task_id && Object.hasOwn(tasks, l.task_id)) l.task_status = tasks[l.task_id]!.status;
  const fixes = await guard('lanes to fix', tips.then((t) => needsFixByTask(root, cfg.target, queueDoc, tasks, taskTips(t))), new Map<string, NeedsFix>());
  for (const l of unordered) {
    const nf = l.kind === 'lane' && l.task_id ? fixes.get(l.task_id) : undefined;
    if (appliesTo(nf, l.created_at)) l.needs_fix = nf;
  }
  const laneList = needsFixFirst(unordered);
  return {
    repo: root,
    generated_at: new Date().toISOString(),
    took_ms: Math.round(performance.now() - t0),
    target: cfg.target,
    ...(targetSha ? { target_sha: targetSha } : {}),
    plan: plan && summarizePlan(plan, tasks),
    lanes: laneList,
    claims,
    merge,
    run,
    resources,
    recent_events: events.map(briefEvent),
    problems,
  };
}

function summarizePlan(plan: StoredPlan, tasks: TasksDoc): PlanSummary {
  const def = new Map(plan.tasks.map((t) => [t.id, t]));
  const by = countByStatus(plan, tasks);
  const waves = plan.waves.map((ids, i) => {
    const list = ids.map((id): TaskBrief => {
      const d = def.get(id);
      const s = tasks[id];
      const b: TaskBrief = { id, title: d?.title ?? id, status: s?.status ?? 'planned', wave: i + 1, depends_on: d?.depends_on ?? [], estimate: d?.estimate ?? 1 };
      if (s?.owner) b.owner = s.owner;
      if (s?.note) b.note = s.note.length > 200 ? `${s.note.slice(0, 199)}…` : s.note;
      if (s?.started_at) b.started_at = s.started_at;
      if (s?.finished_at) b.finished_at = s.finished_at;
      if (s?.landed_as) b.landed_as = s.landed_as;
      return b;
    });
    return { wave: i + 1, done: list.filter((t) => t.status === 'done').length, tasks: list };
  });
  return {
    tasks: plan.tasks.length,
    by_status: by,
    progress: plan.tasks.length ? Math.round((by.done / plan.tasks.length) * 1000) / 1000 : 0,
    waves,
    conflicts: plan.conflicts.map((c) => ({ a: c.a, b: c.b, files: c.files })),
    critical_path: plan.critical_path,
    parallelism: plan.parallelism,
    speedup: plan.speedup,
  };
}

/** Lanes (records, plus unrecorded worktrees in the lanes dir), without recovery or locks. */
async function readLanes(project: Project, relDir: string, target: Promise<string | undefined>, tipsP: Promise<Map<string, { sha: string; time: number }>>): Promise<LaneStatus[]> {
  const root = project.repo.mainRoot;
  const [doc, worktrees, tips, targetSha] = await Promise.all([project.store.read<LanesDoc>(LANES_DOC, emptyLanes), listWorktrees(root), tipsP, target]);
  const admins = adminDirs(project.repo.commonDir);
  const byPath = new Map(worktrees.map((w) => [w.path, w]));
  const now = Date.now();
  const records = Object.values(doc.data).sort((a, b) => a.task.localeCompare(b.task));
  const views: LaneStatus[] = records.map((rec) => {
    const v: LaneStatus = { kind: 'lane', task_id: rec.task, state: rec.state, owner: rec.owner, branch: rec.branch, path: rec.path, missing: !fs.existsSync(rec.path), dirty_count: 0, untracked_count: 0, created_at: rec.created_at };
    const age = now - Date.parse(rec.created_at);
    if (Number.isFinite(age)) v.age_s = Math.max(0, Math.round(age / 1000));
    if (rec.problem) v.problem = rec.problem;
    if (!v.missing && !byPath.has(rec.path)) v.problem ??= 'not registered as a git worktree';
    return v;
  });
  let dir: string | undefined;
  try {
    dir = lanesDir(project.repo, relDir);
  } catch {
    dir = undefined; // a refused lanes dir is reported by start_task and lanes doctor
  }
  const known = new Set(records.map((r) => r.path));
  for (const w of worktrees) {
    if (!dir || known.has(w.path) || w.path === dir || !isInside(dir, w.path)) continue;
    const v: LaneStatus = { kind: 'foreign', path: w.path, missing: !fs.existsSync(w.path), dirty_count: 0, untracked_count: 0 };
    if (w.branch) v.branch = w.branch.replace(/^refs\/heads\//, '');
    views.push(v);
  }
  await mapLimit(views, 8, (v) => describeLane(v, byPath.get(v.path), tips, admins.get(v.path), root, targetSha));
  return views;
}

async function describeLane(
  v: LaneStatus,
  wt: WorktreeInfo | undefined,
  tips: Map<string, { sha: string; time: number }>,
  admin: string | undefined,
  root: string,
  targetSha: string | undefined,
): Promise<void> {
  const tip = v.branch ? tips.get(v.branch) : undefined;
  const sha = tip?.sha ?? wt?.head;
  let last = tip?.time ?? 0;
  const jobs: Array<Promise<void>> = [];
  if (!v.missing) {
    jobs.push(
      statusPorcelain(v.path, { collapseUntracked: true }).then((st) => {
        v.dirty_count = st.length;
        v.untracked_count = st.filter((e) => e.code === '??').length;
        // An agent editing without committing shows up only in its files' mtimes.
        for (const e of st.slice(0, 50)) last = Math.max(last, mtime(path.join(v.path, e.path)));
      }),
    );
  }
  if (sha && targetSha) jobs.push(aheadBehindCached(root, sha, targetSha).then((ab) => void Object.assign(v, ab)));
  const results = await Promise.allSettled(jobs);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed && !v.problem) v.problem = `git: ${errorMessage(failed.reason).split('\n')[0]}`;
  if (admin) last = Math.max(last, mtime(path.join(admin, 'index')));
  if (last > 0) v.last_activity = new Date(last).toISOString();
}

// Ahead/behind depends only on the two commits, so polling (watch, dashboard) asks git once per
// pair: with unchanged tips a refresh costs one `git status` per lane and nothing more.
const abCache = new Map<string, { ahead: number; behind: number }>();
async function aheadBehindCached(root: string, tip: string, target: string): Promise<{ ahead: number; behind: number }> {
  const key = `${root}\0${tip}\0${target}`;
  const hit = abCache.get(key);
  if (hit) return { ...hit };
  const ab = await aheadBehind(root, tip, target);
  if (abCache.size >= 2000) abCache.clear();
  abCache.set(key, ab);
  return { ...ab };
}

/** Tips and committer times of every lanes/* branch, in one git call. */
async function laneTips(root: string): Promise<Map<string, { sha: string; time: number }>> {
  const out = (await git(root, ['for-each-ref', '--format=%(refname:short)%00%(objectname)%00%(committerdate:unix)', 'refs/heads/lanes/'], { readOnly: true })).stdout;
  const tips = new Map<string, { sha: string; time: number }>();
  for (const line of out.split('\n')) {
    const [name, sha, time] = line.split('\0');
    if (name && sha) tips.set(name, { sha, time: Number(time) * 1000 || 0 });
  }
  return tips;
}

/** Task → tip of its lanes/<task> branch. */
function taskTips(tips: Map<string, { sha: string }>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, t] of tips) if (name.startsWith('lanes/')) out.set(name.slice('lanes/'.length), t.sha);
  return out;
}

/** Worktree path → its admin dir (`<common>/worktrees/<name>`), read once for all lanes. */
function adminDirs(commonDir: string): Map<string, string> {
  const out = new Map<string, string>();
  const base = path.join(commonDir, 'worktrees');
  let names: string[] = [];
  try {
    names = fs.readdirSync(base);
  } catch {
    return out;
  }
  for (const n of names) {
    try {
      const gitdir = fs.readFileSync(path.join(base, n, 'gitdir'), 'utf8').trim();
      out.set(path.dirname(gitdir), path.join(base, n));
    } catch {
      // not an admin dir
    }
  }
  return out;
}

function mtime(p: string): number {
  try {
    return fs.statSync(p).mtimeMs;
  } catch {
    return 0;
  }
}

/** Live claims straight from the doc: expired or dead-owner leases are left out, not reclaimed. */
async function readClaims(project: Project): Promise<ClaimStatus[]> {
  const doc = (await project.store.read<ClaimsDoc>(CLAIMS_DOC, emptyClaims)).data;
  const now = Date.now();
  const alive = new Map<number, boolean>();
  return (Array.isArray(doc.claims) ? doc.claims : [])
    .filter((c) => c && typeof c.owner === 'string' && typeof c.pattern === 'string' && goneReason(c, now, alive) === undefined)
    .map((c) => {
      const s: ClaimStatus = { owner: c.owner, pattern: c.pattern, mode: c.mode, expires_at: c.expires_at };
      if (c.task) s.task = c.task;
      if (c.pid !== undefined) s.pid = c.pid;
      return s;
    })
    .sort((a, b) => a.owner.localeCompare(b.owner) || a.pattern.localeCompare(b.pattern));
}

async function readMerge(project: Project, recent: number): Promise<MergeSummary> {
  const m = await mergeStatus(project, { recent });
  const brief = (e: EntryView): MergeEntryBrief => {
    const { id, task, kind, state, queued_at, attempts, position, started_at, finished_at, waited_ms, last_error, landed_as, waiting_for, conflicts } = e;
    const b: MergeEntryBrief = { id, task, kind, state, queued_at, attempts };
    Object.assign(b, defined({ position, started_at, finished_at, waited_ms, landed_as, waiting_for }));
    if (last_error) b.last_error = last_error.length > 300 ? `${last_error.slice(0, 299)}…` : last_error;
    if (conflicts?.length) b.conflicts = conflicts.length;
    return b;
  };
  const p = m.processor;
  return {
    processor: p.running ? defined({ running: true, pid: p.pid, since: p.since }) as MergeSummary['processor'] : { running: false },
    queue: m.queue.map(brief),
    recent: m.recent.map(brief),
    recent_failure_rate: m.recent_failure_rate,
  };
}

/**
 * The current run (else the newest) in the `runs` doc. The doc belongs to `lanes run`
 * (src/core/run/model.ts); only a few fields are read, each checked, so status keeps working with
 * a runs doc from an older or newer version.
 */
async function readRunSummary(project: Project): Promise<RunSummary | null> {
  const obj = (v: unknown): Record<string, unknown> | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
  const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  const d = obj((await project.store.read<unknown>(RUNS_DOC, () => null)).data);
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
    if (reason) item.reason = reason.length > 200 ? `${reason.slice(0, 199)}…` : reason;
    if (out.items.length < 500) out.items.push(item);
  }
  return out;
}

function briefEvent(e: { ts: string; type: string; [k: string]: unknown }): EventBrief {
  const { ts, type, pid: _pid, task, ...rest } = e;
  const text = Object.entries(rest)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v.replace(/\b([0-9a-f]{10})[0-9a-f]{30}(?:[0-9a-f]{24})?\b/g, '$1') : JSON.stringify(v)}`)
    .join(' ');
  const b: EventBrief = { ts, type, text: text.length > 240 ? `${text.slice(0, 239)}…` : text };
  if (typeof task === 'string') b.task = task;
  return b;
}

function defined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
