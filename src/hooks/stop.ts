/**
 * Stop and SubagentStop. In a lane, an agent may not stop while its work is uncommitted
 * or the protocol's end items fail: the hook answers `{"decision":"block","reason":...}` listing
 * what is missing, and Claude Code hands that reason back to the model as a new turn.
 *
 * `stop_hook_active` is true when the agent is already continuing because a Stop hook blocked it.
 * Then the hook never blocks again: it lets the agent stop and tells the user (systemMessage) what
 * is still missing. One nudge per stop, never a loop (Claude Code itself gives up after 8).
 *
 * Outside a lane this is a few file reads and no output; the lane part (git, config) is a dynamic
 * import.
 */
import { readHookInput, str } from './lib/input.js';
import { actingLane } from './lib/lane.js';
import { emitJson, exit, note, trace } from './lib/output.js';
import { hasState, locate, readLanes } from './lib/where.js';
import { restoreLaunchEnv } from '../system/launch-env.js';

async function main(): Promise<{ code: number; event: string }> {
  const read = await readHookInput();
  if (!read.ok) {
    note(`Stop: ${read.why}; not checking anything, the agent may stop.`);
    trace('Stop', 'malformed');
    return { code: 0, event: 'Stop' };
  }
  const input = read.input;
  const event = str(input, 'hook_event_name') === 'SubagentStop' ? 'SubagentStop' : 'Stop';
  const loc = locate(str(input, 'cwd'));
  if (!loc.ok) {
    note(`${event}: ${loc.why}; nothing to check.`);
    trace(event, 'not-git');
    return { code: 0, event };
  }
  const w = loc.where;
  if (!hasState(w)) {
    note(`${event}: no Lanes state in ${w.mainRoot}; nothing to check.`);
    trace(event, 'no-state');
    return { code: 0, event };
  }
  const acting = actingLane(input, w, readLanes(w.stateDir));
  if (!acting) {
    trace(event, 'not-in-lane');
    return { code: 0, event };
  }
  const lane = acting.lane;
  const { missingItems } = await import('./heavy/stop-lane.js');
  const missing = await missingItems(lane, str(input, 'session_id'), w);
  for (const p of missing.problems) note(`${event}: ${p}`);
  if (missing.items.length === 0) {
    trace(event, 'allow', { lane: lane.task });
    return { code: 0, event };
  }
  const list = missing.items.map((i) => `- ${i}`).join('\n');
  if (input.stop_hook_active === true) {
    emitJson({
      systemMessage: `Lanes: the agent stopped in the lane of task ${lane.task} with protocol items still open:\n${list}`,
    });
    trace(event, 'allow-after-block', { lane: lane.task, missing: missing.items.length });
    return { code: 0, event };
  }
  const reason =
    `Lanes: task ${lane.task} is not ready to stop (lane ${lane.path}, branch ${lane.branch}). Still to do:\n${list}\n` +
    `Do these, then stop. If you cannot finish, record the blocker with log_session (kind "issue"), commit what you have, ` +
    `and end_session with status "blocked" and a summary saying why.`;
  emitJson({ decision: 'block', reason });
  trace(event, 'block', { lane: lane.task, missing: missing.items.length });
  return { code: 0, event };
}

restoreLaunchEnv();
main().then(
  (r) => exit(r.code),
  (e: unknown) => {
    note(`Stop: internal error, the agent may stop: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    trace('Stop', 'error');
    exit(0);
  },
);
