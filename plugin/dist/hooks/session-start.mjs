#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
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
  readDoc,
  readLanes
} from "../chunks/chunk-Q2MEEI3Y.mjs";
import {
  laneContaining
} from "../chunks/chunk-OUP5FXRK.mjs";
import "../chunks/chunk-IC7YTGSH.mjs";
import "../chunks/chunk-JPJMJVFU.mjs";
import "../chunks/chunk-CXNZ4SOU.mjs";
import "../chunks/chunk-5JH7MFI6.mjs";
import "../chunks/chunk-7RWYVW2G.mjs";
import "../chunks/chunk-B475TGAI.mjs";
import "../chunks/chunk-4OAWNEMU.mjs";

// src/hooks/lib/summary.ts
function planSummary(stateDir, lanes) {
  const plan = readDoc(stateDir, "plan")?.plan ?? null;
  const tasks = readDoc(stateDir, "tasks") ?? {};
  const queue = readDoc(stateDir, "merge-queue");
  const nLanes = Object.keys(lanes).length;
  const entries = Array.isArray(queue?.entries) ? queue.entries : [];
  const count = (states) => entries.filter((e) => states.includes(e.state)).length;
  const queued = count(["queued", "integrating", "gating", "landing"]);
  const failed = count(["failed"]);
  const queueText = `merge queue: ${queued} waiting${failed ? `, ${failed} failed` : ""}`;
  const lanesText = `${nLanes} lane${nLanes === 1 ? "" : "s"} open`;
  if (!plan || !Array.isArray(plan.tasks)) {
    return `Lanes: no plan in this repository yet; ${lanesText}; ${queueText}. /parallel <goal | tasks file | ROADMAP.md> plans the work and runs it in parallel lanes.`;
  }
  const by = {};
  for (const t of plan.tasks) {
    const s = tasks[t.id]?.status ?? "planned";
    by[s] = (by[s] ?? 0) + 1;
  }
  const ready = plan.tasks.filter(
    (t) => (tasks[t.id]?.status ?? "planned") === "planned" && (t.depends_on ?? []).every((d) => tasks[d]?.status === "done")
  ).length;
  const order = ["done", "in_progress", "planned", "blocked", "failed"];
  const parts = order.filter((s) => by[s]).map((s) => `${by[s]} ${s.replace("_", " ")}`);
  const waves = Array.isArray(plan.waves) ? plan.waves.length : 0;
  return `Lanes: plan of ${plan.tasks.length} task${plan.tasks.length === 1 ? "" : "s"} in ${waves} wave${waves === 1 ? "" : "s"} (${parts.join(", ")}; ${ready} ready to start); ${lanesText}; ${queueText}. The Lanes tools (status, next_tasks, ...) give details; /parallel continues the plan.`;
}

// src/hooks/session-start.ts
var EVENT = "SessionStart";
function context(text) {
  emitJson({ hookSpecificOutput: { hookEventName: EVENT, additionalContext: text } });
}
async function main() {
  const read = await readHookInput();
  if (!read.ok) {
    note(`${EVENT}: ${read.why}; no Lanes context added.`);
    trace(EVENT, "malformed");
    return 0;
  }
  const input = read.input;
  const loc = locate(str(input, "cwd"));
  if (!loc.ok) {
    note(`${EVENT}: ${loc.why}; Lanes has nothing to say here.`);
    trace(EVENT, "not-git");
    return 0;
  }
  const w = loc.where;
  if (!hasState(w)) {
    note(`${EVENT}: this repository does not use Lanes yet (no state in ${w.stateDir}); no context added.`);
    trace(EVENT, "no-state");
    return 0;
  }
  const lanes = readLanes(w.stateDir);
  const lane = laneContaining(lanes, w.cwd);
  if (!lane) {
    context(planSummary(w.stateDir, lanes));
    trace(EVENT, "summary");
    return 0;
  }
  const { laneContext } = await import("../chunks/session-start-lane-4KOBEVXG.mjs");
  const r = await laneContext(input, lane, w);
  context(r.text);
  trace(EVENT, "lane", { lane: lane.task, session: r.session_id, resumed: r.resumed });
  return 0;
}
main().then(
  (code) => exit(code),
  (e) => {
    note(`${EVENT}: internal error, no Lanes context added: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    trace(EVENT, "error");
    exit(0);
  }
);
