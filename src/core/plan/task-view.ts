/**
 * `lanes task show <task>`: one task from every side — its state and owner (and whether the
 * owner's lease is live), its lane (path, branch, ahead/behind the target), the claims held for
 * it, its merge queue entry (state, last failure), the last gate log and its session notes.
 * Read-only: it takes no locks and rolls nothing back.
 */
import path from 'node:path';
import { LanesError } from '../../errors.js';
import { listClaims } from '../claims/api.js';
import { describeLiveness, ownerLiveness, readOwners } from '../claims/liveness.js';
import { listLanes, type LaneView } from '../lanes/list.js';
import { listGateLogs, logsDir } from '../merge/logs.js';
import { mergeStatus, type EntryView } from '../merge/status.js';
import type { Project } from '../project/project.js';
import { listSessions } from '../sessions/read.js';
import { assertSlug } from '../../util/slug.js';
import { readPlan, type TaskStatus } from './tasks.js';

export interface TaskView {
  id: string;
  title: string;
  status: TaskStatus;
  depends_on: string[];
  files: string[];
  owner?: { name: string; live: boolean; lease: string };
  note?: string;
  landed_as?: string;
  lane?: Pick<LaneView, 'path' | 'branch' | 'ahead' | 'behind' | 'dirty_count' | 'missing' | 'needs_fix' | 'last_activity'>;
  claims: Array<{ owner: string; pattern: string; mode: string; expires_at: string }>;
  merge?: Pick<EntryView, 'id' | 'state' | 'position' | 'attempts' | 'last_error' | 'landed_as' | 'held_reason'>;
  gate_log?: { id: string; at: string; ok: boolean; failed?: string; path: string };
  sessions: Array<{ id: string; status: string; topic: string; summary?: string; note: string }>;
}

export async function taskView(project: Project, id: string): Promise<TaskView> {
  assertSlug(id);
  const { plan, tasks } = await readPlan(project.store);
  const spec = plan?.tasks.find((t) => t.id === id);
  const state = Object.hasOwn(tasks, id) ? tasks[id] : undefined;
  if (!spec && !state) {
    throw new LanesError('NOT_FOUND', `There is no task "${id}" in the plan.`, {
      hint: '`lanes plan` shows the tasks; add one with `lanes task add <id> <title>`.',
    });
  }
  const [owners, lanes, claims, queue, sessions] = await Promise.all([
    readOwners(project.store),
    listLanes(project, { recover: false }),
    listClaims(project.store),
    mergeStatus(project, { task: id }),
    listSessions(project, { task_id: id, limit: 10 }),
  ]);
  const v: TaskView = {
    id,
    title: spec?.title ?? id,
    status: state?.status ?? 'planned',
    depends_on: spec?.depends_on ?? [],
    files: spec?.files ?? [],
    claims: [],
    sessions: [],
  };
  if (state?.owner) {
    const l = ownerLiveness(owners, state.owner);
    v.owner = { name: state.owner, live: l.live, lease: describeLiveness(l) };
  }
  if (state?.note) v.note = state.note;
  if (state?.landed_as) v.landed_as = state.landed_as;
  const lane = lanes.lanes.find((l) => l.kind === 'lane' && l.task_id === id);
  if (lane) {
    v.lane = { path: lane.path, missing: lane.missing, dirty_count: lane.dirty_count };
    for (const k of ['branch', 'ahead', 'behind', 'needs_fix', 'last_activity'] as const)
      if (lane[k] !== undefined) (v.lane as Record<string, unknown>)[k] = lane[k];
  }
  const holders = new Set([`task:${id}`, ...(state?.owner ? [state.owner] : [])]);
  v.claims = claims
    .filter((c) => holders.has(c.owner))
    .map((c) => ({ owner: c.owner, pattern: c.pattern, mode: c.mode, expires_at: c.expires_at }));
  const entry = [...queue.queue, ...queue.recent].find((e) => e.task === id);
  if (entry) {
    v.merge = { id: entry.id, state: entry.state, attempts: entry.attempts };
    for (const k of ['position', 'last_error', 'landed_as', 'held_reason'] as const)
      if (entry[k] !== undefined) (v.merge as Record<string, unknown>)[k] = entry[k];
  }
  const log = listGateLogs(project.repo, id).at(-1);
  if (log)
    v.gate_log = {
      id: log.id,
      at: log.at,
      ok: log.ok,
      ...(log.failed ? { failed: log.failed } : {}),
      path: path.join(logsDir(project.repo), `${log.id}.log`),
    };
  v.sessions = sessions.sessions.map((s) => ({
    id: s.id,
    status: s.status,
    topic: s.topic,
    ...(s.summary ? { summary: s.summary } : {}),
    note: path.join(s.worktree, s.path),
  }));
  return v;
}
