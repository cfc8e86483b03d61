#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  LanesError,
  act,
  assertSlug,
  isLanesError
} from "./chunk-LVS2VVTN.mjs";

// src/core/lanes/model.ts
import os from "node:os";
var LANES_DOC = "lanes";
var START_OP = "lanes.start";
var REMOVE_OP = "lanes.remove";
var emptyLanes = () => ({});
function laneBranch(task) {
  return `lanes/${task}`;
}
function laneRef(task) {
  return `refs/heads/${laneBranch(task)}`;
}
function lockReason(task) {
  return `lanes:${task}`;
}
function taskOwner(task) {
  return `task:${task}`;
}
function backupRef(task, at = /* @__PURE__ */ new Date()) {
  const ts = at.toISOString().replace(/[-:.]/g, "");
  return `refs/lanes/backup/${task}/${ts}`;
}
function archiveRef(task, at = /* @__PURE__ */ new Date()) {
  return `refs/lanes/landed/${task}/${at.toISOString().replace(/[-:.]/g, "")}`;
}
function ownerPart(s) {
  return s.replace(/[^A-Za-z0-9._+-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40) || "x";
}
function mcpOwner(env = process.env, pid = process.pid) {
  const sid = env.CLAUDE_SESSION_ID || env.CLAUDE_CODE_SESSION_ID;
  return sid ? `session:${ownerPart(sid)}` : `session:${pid}`;
}
function cliOwner(pid = process.pid) {
  let user = "user";
  try {
    user = os.userInfo().username;
  } catch {
    user = process.env.USER ?? "user";
  }
  return `cli:${ownerPart(user)}@${ownerPart(os.hostname())}:${pid}`;
}
function assertTaskId(id) {
  try {
    return assertSlug(id, "task id");
  } catch (e) {
    if (!isLanesError(e)) throw e;
    throw new LanesError(e.code, e.message, { hint: e.hint ?? `Use the id of a task in the plan (${act("get_plan")} or ${act("next_tasks")} lists them).` });
  }
}

export {
  LANES_DOC,
  START_OP,
  REMOVE_OP,
  emptyLanes,
  laneBranch,
  laneRef,
  lockReason,
  taskOwner,
  backupRef,
  archiveRef,
  mcpOwner,
  cliOwner,
  assertTaskId
};
