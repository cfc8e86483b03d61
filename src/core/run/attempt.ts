/**
 * One attempt of a task: the agent launched in the task's lane (argv template, its own process
 * group, LANES_* variables, its output logged and watched for limits and usage), ended when it
 * outlives the agent timeout, and its exit handed to the task-state rules.
 */
import fs from 'node:fs';
import { activityOf } from './activity.js';
import { expandArgv } from './agent.js';
import type { RunContext } from './context.js';
import { countedAttempts, nowIso, type RunAttempt, type RunTask } from './model.js';
import { agentExited, block } from './outcome.js';
import { lanePrompt } from './prompt.js';
import { logsDir } from './report.js';
import { spawnAgent } from './spawn.js';

/** Variables of a surrounding Claude Code session that must not leak into an agent's own session. */
const OUTER_SESSION_ENV = [
  'CLAUDECODE',
  'CLAUDE_CODE_ENTRYPOINT',
  'CLAUDE_SESSION_ID',
  'CLAUDE_PROJECT_DIR',
  'CLAUDE_PLUGIN_ROOT',
  'CLAUDE_PLUGIN_DATA',
];

export async function launch(ctx: RunContext, rt: RunTask): Promise<void> {
  const def = ctx.taskDef(rt.id);
  if (!rt.path || !fs.existsSync(rt.path)) {
    await block(ctx, rt, `its lane ${rt.path ?? ''} is gone`);
    return;
  }
  const { run, project, opts } = ctx;
  const attempt: RunAttempt = { n: rt.attempts.length + 1, started_at: nowIso() };
  const counted = countedAttempts(rt) + 1;
  const prompt = lanePrompt({
    task: def,
    lane: rt.path,
    branch: rt.branch ?? `lanes/${rt.id}`,
    target: ctx.cfg.target,
    attempt: counted,
    ...(rt.reason ? { previous: rt.reason } : {}),
    ...(opts.agent.hooks === false ? { hooks: false } : {}),
  });
  const argv = expandArgv(run.agent.argv, {
    task_id: def.id,
    title: def.title,
    description: def.description ?? '',
    worktree: rt.path,
    prompt,
  });
  const logFile = `${logsDir(project.repo.stateDir, run.id)}/${rt.id}.log`;
  fs.mkdirSync(logsDir(project.repo.stateDir, run.id), { recursive: true, mode: 0o700 });
  fs.appendFileSync(
    logFile,
    `\n=== lanes run ${run.id}: ${rt.id}, attempt ${counted} at ${attempt.started_at}\n=== ${run.agent.argv.join(' ')}\n`,
    { mode: 0o600 },
  );
  rt.state = 'running';
  rt.attempts.push(attempt);
  const output = ctx.pauses.output();
  const proc = spawnAgent(argv, {
    cwd: rt.path,
    env: {
      ...opts.agent.env,
      LANES_TASK_ID: rt.id,
      LANES_RUN_ID: run.id,
      // The agent acts as the run (its MCP server and CLI calls): the owner of its task and lane.
      LANES_OWNER: run.owner,
      LANES_WORKTREE: rt.path,
      LANES_MAIN_ROOT: project.repo.mainRoot,
      LANES_ATTEMPT: String(counted),
    },
    logFile,
    dropEnv: OUTER_SESSION_ENV,
    onLine: (line, stream) => {
      output.line(line, stream);
      const text = activityOf(line);
      if (text) ctx.emit({ type: 'agent.activity', task: rt.id, text });
    },
  });
  ctx.agents.set(rt.id, proc);
  if (proc.pid !== undefined) attempt.pgid = proc.pid;
  ctx.emit({ type: 'agent.started', task: rt.id, attempt: counted, ...(proc.pid !== undefined ? { pid: proc.pid } : {}), log: logFile });
  // At once, not coalesced: the record of a running agent is what a crash recovery relies on.
  void ctx.save(true);
  let timedOut = false;
  const limit = opts.agentTimeoutMs;
  const timer = limit ? setTimeout(() => ((timedOut = true), void proc.stop(ctx.killGraceMs)), limit) : undefined;
  const exit = await proc.done;
  if (timer) clearTimeout(timer);
  if (timedOut && !ctx.ended.has(rt.id)) exit.error = `timed out after ${Math.round(limit! / 1000)} s (its process group was ended)`;
  await agentExited(ctx, rt, attempt, counted, exit, output);
}
