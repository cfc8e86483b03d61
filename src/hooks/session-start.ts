/**
 * SessionStart. In a lane: start (or resume) the session log and hand the agent its
 * task, scope, claims, recorded conflicts, the previous session's next steps (quoted as data) and
 * the start checklist as additional context. Elsewhere in a repository that uses Lanes: one line
 * on the plan and the queue. The lane part needs config (zod) and git, so it is a dynamic import
 * that sessions outside a lane never load.
 */
import { readHookInput, str } from './lib/input.js';
import { emitJson, exit, note, trace } from './lib/output.js';
import { planSummary } from './lib/summary.js';
import { laneContaining } from '../core/lanes/model.js';
import { hasState, locate, readLanes } from './lib/where.js';
import { restoreLaunchEnv } from '../system/launch-env.js';

const EVENT = 'SessionStart';

function context(text: string): void {
  emitJson({ hookSpecificOutput: { hookEventName: EVENT, additionalContext: text } });
}

async function main(): Promise<number> {
  const read = await readHookInput();
  if (!read.ok) {
    note(`${EVENT}: ${read.why}; no Lanes context added.`);
    trace(EVENT, 'malformed');
    return 0;
  }
  const input = read.input;
  const loc = locate(str(input, 'cwd'));
  if (!loc.ok) {
    note(`${EVENT}: ${loc.why}; Lanes has nothing to say here.`);
    trace(EVENT, 'not-git');
    return 0;
  }
  const w = loc.where;
  if (!hasState(w)) {
    note(`${EVENT}: this repository does not use Lanes yet (no state in ${w.stateDir}); no context added.`);
    trace(EVENT, 'no-state');
    return 0;
  }
  const lanes = readLanes(w.stateDir);
  const lane = laneContaining(lanes, w.cwd);
  if (!lane) {
    context(planSummary(w.stateDir, lanes));
    trace(EVENT, 'summary');
    return 0;
  }
  const { laneContext } = await import('./heavy/session-start-lane.js');
  const r = await laneContext(input, lane, w);
  context(r.text);
  trace(EVENT, 'lane', { lane: lane.task, session: r.session_id, resumed: r.resumed });
  return 0;
}

restoreLaunchEnv();
main().then(
  (code) => exit(code),
  (e: unknown) => {
    note(`${EVENT}: internal error, no Lanes context added: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    trace(EVENT, 'error');
    exit(0);
  },
);
