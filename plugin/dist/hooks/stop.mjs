#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  actingLane
} from "../chunks/chunk-GWELAXJP.mjs";
import {
  emitJson,
  exit,
  note,
  trace
} from "../chunks/chunk-FZYQV7RA.mjs";
import {
  readHookInput,
  str
} from "../chunks/chunk-UOSV2YDA.mjs";
import {
  hasState,
  locate,
  readLanes
} from "../chunks/chunk-Q2MEEI3Y.mjs";
import "../chunks/chunk-OUP5FXRK.mjs";
import "../chunks/chunk-IC7YTGSH.mjs";
import "../chunks/chunk-JPJMJVFU.mjs";
import "../chunks/chunk-CXNZ4SOU.mjs";
import "../chunks/chunk-5JH7MFI6.mjs";
import "../chunks/chunk-7RWYVW2G.mjs";
import "../chunks/chunk-B475TGAI.mjs";
import "../chunks/chunk-4OAWNEMU.mjs";

// src/hooks/stop.ts
async function main() {
  const read = await readHookInput();
  if (!read.ok) {
    note(`Stop: ${read.why}; not checking anything, the agent may stop.`);
    trace("Stop", "malformed");
    return { code: 0, event: "Stop" };
  }
  const input = read.input;
  const event = str(input, "hook_event_name") === "SubagentStop" ? "SubagentStop" : "Stop";
  const loc = locate(str(input, "cwd"));
  if (!loc.ok) {
    note(`${event}: ${loc.why}; nothing to check.`);
    trace(event, "not-git");
    return { code: 0, event };
  }
  const w = loc.where;
  if (!hasState(w)) {
    note(`${event}: no Lanes state in ${w.mainRoot}; nothing to check.`);
    trace(event, "no-state");
    return { code: 0, event };
  }
  const acting = actingLane(input, w, readLanes(w.stateDir));
  if (!acting) {
    trace(event, "not-in-lane");
    return { code: 0, event };
  }
  const lane = acting.lane;
  const { missingItems } = await import("../chunks/stop-lane-U7FKPDRF.mjs");
  const missing = await missingItems(lane, str(input, "session_id"), w);
  for (const p of missing.problems) note(`${event}: ${p}`);
  if (missing.items.length === 0) {
    trace(event, "allow", { lane: lane.task });
    return { code: 0, event };
  }
  const list = missing.items.map((i) => `- ${i}`).join("\n");
  if (input.stop_hook_active === true) {
    emitJson({
      systemMessage: `Lanes: the agent stopped in the lane of task ${lane.task} with protocol items still open:
${list}`
    });
    trace(event, "allow-after-block", { lane: lane.task, missing: missing.items.length });
    return { code: 0, event };
  }
  const reason = `Lanes: task ${lane.task} is not ready to stop (lane ${lane.path}, branch ${lane.branch}). Still to do:
${list}
Do these, then stop. If you cannot finish, record the blocker with log_session (kind "issue"), commit what you have, and end_session with status "blocked" and a summary saying why.`;
  emitJson({ decision: "block", reason });
  trace(event, "block", { lane: lane.task, missing: missing.items.length });
  return { code: 0, event };
}
main().then(
  (r) => exit(r.code),
  (e) => {
    note(`Stop: internal error, the agent may stop: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    trace("Stop", "error");
    exit(0);
  }
);
