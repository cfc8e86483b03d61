#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
import {
  formatPreviousNextSteps,
  previousNextSteps,
  startSession
} from "../../chunks/chunk-KIH6SQKZ.mjs";
import {
  str
} from "../../chunks/chunk-RJNADHBY.mjs";
import {
  NOTICES_DOC,
  claimNoticeIn,
  noticeText,
  pendingNotice
} from "../../chunks/chunk-XASTUKNA.mjs";
import {
  withConfigMemo
} from "../../chunks/chunk-OWYGGYIP.mjs";
import "../../chunks/chunk-5ICCUVIX.mjs";
import {
  readDoc
} from "../../chunks/chunk-4W232WJ3.mjs";
import {
  readPlan
} from "../../chunks/chunk-6TI4QRGQ.mjs";
import {
  checkProtocol,
  formatChecklist,
  sessionKey
} from "../../chunks/chunk-QKAPH3UL.mjs";
import "../../chunks/chunk-7JRWJCHC.mjs";
import "../../chunks/chunk-K5DJXVQN.mjs";
import "../../chunks/chunk-K2H7HNW2.mjs";
import {
  openProject
} from "../../chunks/chunk-PR5W4QLA.mjs";
import {
  repoFromPaths
} from "../../chunks/chunk-ESYJGOAB.mjs";
import "../../chunks/chunk-AAYR2TCU.mjs";
import "../../chunks/chunk-DTMKN5XL.mjs";
import "../../chunks/chunk-V47YI7EL.mjs";
import "../../chunks/chunk-5IGYGQZY.mjs";
import {
  describeOwner,
  describeUntil
} from "../../chunks/chunk-ONL4JA75.mjs";
import "../../chunks/chunk-TKZFUNKZ.mjs";
import "../../chunks/chunk-4CKTFQOR.mjs";
import "../../chunks/chunk-EFR7W7QO.mjs";
import "../../chunks/chunk-566HZB6Q.mjs";
import "../../chunks/chunk-ZLPZGQGU.mjs";
import "../../chunks/chunk-UE4A2DQB.mjs";
import "../../chunks/chunk-PCFNT4JQ.mjs";
import "../../chunks/chunk-X4JLKMGK.mjs";
import "../../chunks/chunk-PMXN3EG4.mjs";
import "../../chunks/chunk-XNIKMWZT.mjs";
import "../../chunks/chunk-DDI77WQF.mjs";
import {
  errorMessage
} from "../../chunks/chunk-OBLF3P63.mjs";
import "../../chunks/chunk-4WZSK4NS.mjs";

// src/hooks/heavy/session-start-lane.ts
var TOOL_PREFIX = "mcp__plugin_lanes_lanes__";
async function laneContext(input, lane, w) {
  const project = withConfigMemo(
    await openProject(lane.path, await repoFromPaths({ worktreeRoot: lane.path, commonDir: w.commonDir, mainRoot: w.mainRoot }))
  );
  const stateDir = project.store.dir;
  const sid = str(input, "session_id");
  const lines = [];
  let session;
  let sessionProblem;
  try {
    const r = await startSession(project, { task_id: lane.task, type: "feature" }, sessionKey(sid));
    session = { id: r.session.id, path: r.note_path, resumed: r.resumed };
  } catch (e) {
    sessionProblem = errorMessage(e).split("\n")[0];
  }
  const { plan, tasks } = await readPlan(project.store);
  const def = plan?.tasks.find((t) => t.id === lane.task);
  const state = tasks[lane.task];
  lines.push(`Lanes: you are in the lane of task \`${lane.task}\`${def ? ` \u2014 ${def.title}` : ""}.`);
  lines.push(
    `Worktree: ${lane.path} (branch ${lane.branch}, lands on ${lane.target} through the merge queue). Edit and commit only inside this worktree.`
  );
  if (state)
    lines.push(
      `Task status: ${state.status}${state.owner ? ` (owner ${state.owner})` : ""}${state.note ? `; last note: ${JSON.stringify(state.note.slice(0, 300))}` : ""}.`
    );
  if (def?.description && def.description !== def.title) lines.push(`Task description (from the plan):
${def.description.slice(0, 2e3)}`);
  if (def?.depends_on.length) {
    lines.push(`Depends on: ${def.depends_on.map((d) => `${d} (${tasks[d]?.status ?? "planned"})`).join(", ")}.`);
  }
  lines.push(
    def?.files.length ? `Scope (the files this task may change): ${def.files.join(", ")}.` : 'Scope: none declared, so nothing stops this task from overlapping others; claim files before editing them (claim_files with owner "task:' + lane.task + '").'
  );
  const claims = (readDoc(stateDir, "claims")?.claims ?? []).filter(
    (c) => c && (c.owner === `task:${lane.task}` || c.task === lane.task)
  );
  if (claims.length) {
    lines.push(
      `Claims held for it: ${claims.slice(0, 20).map((c) => `${c.pattern} (${c.mode}, ${describeOwner(c)}, until ${describeUntil(c.expires_at)})`).join("; ")}.`
    );
  }
  const conflicts = [];
  for (const c of plan?.conflicts ?? []) {
    if (c.a !== lane.task && c.b !== lane.task) continue;
    const other = c.a === lane.task ? c.b : c.a;
    conflicts.push(`plan: overlaps task ${other} (${c.files.slice(0, 3).join("; ")}), so the two never run together`);
  }
  const queue = readDoc(stateDir, "merge-queue");
  const recorded = queue?.lane_conflicts?.[lane.task];
  if (recorded)
    conflicts.push(`merge queue: after a landing, conflicts with ${recorded.target} on ${recorded.files.slice(0, 10).join(", ")}`);
  for (const e of queue?.entries ?? []) {
    if (e.task !== lane.task) continue;
    if (["queued", "integrating", "gating", "landing"].includes(e.state)) {
      for (const c of e.conflicts ?? [])
        conflicts.push(`queued entry ${e.id}: likely conflict with ${c.with} on ${c.files.slice(0, 10).join(", ")}`);
    } else if (e.state === "failed" && e.failure) {
      conflicts.push(
        `entry ${e.id} failed (${e.failure.kind}${e.failure.gate ? ` ${e.failure.gate}` : ""}${e.failure.files?.length ? ` on ${e.failure.files.slice(0, 10).join(", ")}` : ""})`
      );
    }
  }
  if (conflicts.length) lines.push(`Conflicts recorded against this task:
${conflicts.map((c) => `- ${c}`).join("\n")}`);
  const pending = pendingNotice(readDoc(stateDir, NOTICES_DOC.name), lane.task);
  if (pending) {
    const now = (/* @__PURE__ */ new Date()).toISOString();
    const told = await project.store.transact(async (tx) => claimNoticeIn(tx.get(NOTICES_DOC), lane.task, pending.id, now)).catch(() => void 0);
    if (told) lines.push(noticeText(lane.task, told));
  }
  if (session) {
    lines.push(
      `Session log: ${session.resumed ? "resumed" : "started"} ${session.id} at ${session.path}. Record progress, decisions, issues and next steps with log_session as you go; Lanes commits the note itself when the session ends.`
    );
  } else {
    lines.push(
      `Session log: could not be started (${sessionProblem}). Start it with start_session { topic, type, task_id: "${lane.task}" }.`
    );
  }
  try {
    const prev = await previousNextSteps(project, lane.task);
    if (prev && prev.session_id !== session?.id) lines.push(formatPreviousNextSteps(prev, 3e3));
  } catch (e) {
    lines.push(`(The previous session's note could not be read: ${errorMessage(e).split("\n")[0]})`);
  }
  try {
    const checklist = await checkProtocol(project, lane.path, "start", session?.id);
    lines.push(`Start checklist:
${formatChecklist(checklist)}`);
    const end = (await project.config()).session.end;
    if (end.length) lines.push(`Before you stop (the Stop hook checks these):
${end.map((i) => `- ${i.description}`).join("\n")}`);
  } catch (e) {
    lines.push(`(The session protocol could not be checked: ${errorMessage(e).split("\n")[0]})`);
  }
  lines.push(
    `When the work is committed: end_session { status, summary } (Lanes commits the note in the lane), then queue_merge { task_id: "${lane.task}" } so the lane lands with its note. The Lanes tools are named ${TOOL_PREFIX}<tool>; load them with ToolSearch "select:${TOOL_PREFIX}log_session,..." if they are not listed.`
  );
  return { text: lines.join("\n"), ...session ? { session_id: session.id, resumed: session.resumed } : {} };
}
export {
  laneContext
};
