/**
 * Beginning a run: a new run record, or the interrupted one resumed (`lanes run` again after
 * Ctrl-C, or after a crash). One transaction decides, so two `lanes run` started together cannot
 * both take the same run: the second is refused while the first one's process is alive.
 *
 * Resuming settles what the previous process left: attempts still open are closed as interrupted,
 * tasks that were starting or running continue in their lanes (or start again when start_task
 * was rolled back), and agents a crashed `lanes run` could not end are ended now (found by the
 * LANES_RUN_ID in their environment; see spawn.ts).
 */
import fs from 'node:fs';
import { LanesError } from '../../errors.js';
import { hostName, nullProtoDeep, pidAlive } from '../../state/index.js';
import type { Project } from '../project/project.js';
import { emptyLanes, LANES_DOC, type LanesDoc } from '../lanes/model.js';
import type { TasksDoc } from '../plan/tasks.js';
import type { AgentSpec } from './agent.js';
import { emptyRuns, findRun, INTERRUPTED_NOTE, newRunId, nowIso, runOwner, runsOf, RUNS_DOC, trimRuns, type RunRecord, type RunsDoc } from './model.js';
import { killLeftoverAgents } from './spawn.js';

export interface BeginInput {
  agent: AgentSpec;
  /** Given: used (a resumed run takes it too). Absent: a new run asks `defaultParallelism`. */
  parallelism?: number;
  defaultParallelism: () => Promise<number>;
  retries: number;
  source?: string;
  /** The tasks doc as read at the start. */
  tasks: TasksDoc;
}

export async function beginRun(project: Project, input: BeginInput): Promise<{ run: RunRecord; resumed: boolean }> {
  const me = { pid: process.pid, host: hostName(), started_at: nowIso() };
  const lanesDoc = (await project.store.read<LanesDoc>(LANES_DOC, emptyLanes)).data;
  const fresh = input.parallelism ?? (await input.defaultParallelism());
  const laneOf = (task: string, owner: string) => {
    const lane = lanesDoc[task];
    return lane && lane.owner === owner && lane.state === 'ready' && fs.existsSync(lane.path) ? lane : undefined;
  };

  const out = await project.store.transact(async (tx) => {
    const doc = runsOf(tx.get<RunsDoc>(RUNS_DOC, emptyRuns));
    const prev = doc.current ? findRun(doc, doc.current) : undefined;
    if (prev && prev.status !== 'finished') {
      const seg = prev.segments[prev.segments.length - 1];
      if (prev.status === 'running' && seg && !seg.ended_at && seg.host === me.host && pidAlive(seg.pid) && seg.pid !== process.pid) {
        throw new LanesError('BUSY', `Run ${prev.id} is in progress (pid ${seg.pid} since ${seg.started_at}).`, {
          hint: 'Watch it with `lanes status`, or stop it with Ctrl-C (or kill -INT that pid); `lanes run` then resumes it.',
        });
      }
      if (seg && !seg.ended_at) {
        seg.ended_at = nowIso();
        seg.ended_by = 'crash';
      }
      for (const rt of Object.values(prev.tasks)) {
        for (const a of rt.attempts) {
          if (a.ended_at) continue;
          a.ended_at = seg?.ended_at ?? nowIso();
          a.outcome = 'interrupted';
          a.reason = 'lanes run stopped';
          delete a.pgid;
        }
        if (rt.state === 'running' || rt.state === 'starting') {
          const lane = laneOf(rt.id, prev.owner);
          if (lane) {
            rt.state = 'interrupted';
            rt.reason = INTERRUPTED_NOTE;
            rt.path = lane.path;
            rt.branch = lane.branch;
          } else rt.state = 'pending';
        }
      }
      prev.status = 'running';
      prev.agent = { name: input.agent.name, argv: input.agent.argv };
      if (input.parallelism !== undefined) prev.parallelism = input.parallelism;
      prev.retries = input.retries;
      prev.segments.push(me);
      prev.updated_at = nowIso();
      return { run: nullProtoDeep(structuredClone(prev)), resumed: true };
    }
    const id = newRunId();
    const run: RunRecord = {
      id,
      owner: runOwner(id),
      status: 'running',
      created_at: me.started_at,
      updated_at: me.started_at,
      parallelism: fresh,
      agent: { name: input.agent.name, argv: input.agent.argv },
      retries: input.retries,
      ...(input.source ? { source: input.source } : {}),
      segments: [me],
      tasks: {},
    };
    doc.runs.push(run);
    doc.current = id;
    trimRuns(doc);
    // structuredClone gives records a prototype again; `run.tasks` is keyed by task ids.
    return { run: nullProtoDeep(structuredClone(run)), resumed: false };
  });

  // A crashed `lanes run` cannot have ended its agents: end them now (only if they are its own).
  if (out.resumed) killLeftoverAgents(out.run.id);
  // Tasks of ours that the state shows in progress without a run entry (a crash right after
  // start_task recorded them): continue in their lanes.
  const run = out.run;
  for (const [id, st] of Object.entries(input.tasks)) {
    if (st.status !== 'in_progress' || st.owner !== run.owner || run.tasks[id]) continue;
    const lane = laneOf(id, run.owner);
    if (lane) run.tasks[id] = { id, state: 'interrupted', attempts: [], path: lane.path, branch: lane.branch, reason: INTERRUPTED_NOTE };
  }
  return out;
}
