import type { Command } from 'commander';
import { runScriptedAgent, scriptedOptionsFromEnv } from '../../agent/scripted.js';
import { restoreLaunchEnv } from '../../system/launch-env.js';
import { action } from '../run.js';

/**
 * `lanes agent scripted`: the built-in scripted agent `lanes run --agent scripted` (and the demo)
 * starts in each lane. It reads its task from LANES_TASK_ID and works in the current directory.
 */
export function registerAgent(program: Command): void {
  const agent = program.command('agent').description('built-in agents for `lanes run` (the demo uses the scripted one)');
  agent
    .command('scripted')
    .description(
      "make the task's scripted edits in this lane, commit them and end (reads LANES_TASK_ID; LANES_SCRIPTED_UNIT_MS per estimate hour, default 1000)",
    )
    .option('--task <id>', 'the task (default: LANES_TASK_ID)')
    .option('--unit-ms <ms>', 'milliseconds per estimate hour', (v) => Number.parseInt(v, 10))
    .option('--no-session', 'skip the session protocol (start/log/end_session)')
    .action(
      action(async (o: { task?: string; unitMs?: number; session: boolean }) => {
        // `lanes run` starts this Node without NODE_EXTRA_CA_CERTS (src/core/run/agent.ts): the
        // git processes and commands the agent starts get it back, whichever entry loaded this.
        restoreLaunchEnv();
        const env = { ...process.env, ...(o.task ? { LANES_TASK_ID: o.task } : {}) };
        const opts = scriptedOptionsFromEnv(env);
        if (o.unitMs !== undefined && Number.isFinite(o.unitMs) && o.unitMs >= 0) opts.unitMs = o.unitMs;
        await runScriptedAgent({ ...opts, session: o.session });
      }),
    );
}
