#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
var os = require("node:os");
import {
  leaseEnd
} from "./chunk-566HZB6Q.mjs";
import {
  act
} from "./chunk-UE4A2DQB.mjs";
import {
  hostName,
  pidAlive
} from "./chunk-PCFNT4JQ.mjs";
import {
  defineDoc
} from "./chunk-X4JLKMGK.mjs";
import {
  assertSlug
} from "./chunk-DDI77WQF.mjs";
import {
  LanesError,
  isLanesError
} from "./chunk-OBLF3P63.mjs";

// src/core/claims/owner.ts
var DEFAULT_TTL_SECONDS = 1800;
var MAX_TTL_SECONDS = 7 * 86400;
var OWNER_RE = /^[A-Za-z0-9][A-Za-z0-9._:@+-]{0,127}$/;
var OWNER_RULE = 'letters, digits and . _ : @ + -, starting with a letter or digit, at most 128 characters (e.g. "task:api-auth")';
var CONTROL = /[\x00-\x1f\x7f]/;
function ownerPart(s) {
  return s.replace(/[^A-Za-z0-9._+-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40) || "x";
}
function assertOwner(owner) {
  if (typeof owner === "string" && OWNER_RE.test(owner)) return owner;
  const shown = typeof owner === "string" ? JSON.stringify(owner.slice(0, 80)) : String(owner);
  if (typeof owner === "string" && CONTROL.test(owner)) {
    throw new LanesError("INVALID_INPUT", `Invalid owner ${shown}: it contains a control character.`, { hint: `Use ${OWNER_RULE}.` });
  }
  throw new LanesError("INVALID_INPUT", `Invalid owner ${shown}.`, { hint: `Use ${OWNER_RULE}.` });
}
var OWNER_RULE_TEXT = OWNER_RULE;
function assertTtl(ttl) {
  if (Number.isSafeInteger(ttl) && ttl >= 1 && ttl <= MAX_TTL_SECONDS) return ttl;
  throw new LanesError("INVALID_INPUT", `Invalid ttl_seconds ${String(ttl)}.`, {
    hint: `Use a whole number of seconds from 1 to ${MAX_TTL_SECONDS} (7 days).`
  });
}
var SESSION_MAX = 200;
function isText(v, max) {
  return typeof v === "string" && v.length > 0 && v.length <= max && !CONTROL.test(v);
}
function assertText(v, what, max) {
  if (isText(v, max)) return v;
  throw new LanesError("INVALID_INPUT", `Invalid ${what}.`, { hint: `Use 1 to ${max} characters without control characters.` });
}
function identityOf(input) {
  const id = {
    owner: assertOwner(input.owner),
    host: input.host === void 0 ? hostName() : assertText(input.host, "host", 255)
  };
  if (input.task !== void 0) id.task = assertSlug(input.task);
  if (input.session !== void 0) id.session = assertText(input.session, "session", SESSION_MAX);
  if (input.pid !== void 0) {
    if (!Number.isSafeInteger(input.pid) || input.pid <= 0) {
      throw new LanesError("INVALID_INPUT", `Invalid pid ${String(input.pid)}.`, {
        hint: "Give the positive pid of the live process that holds the lease, or none."
      });
    }
    id.pid = input.pid;
  }
  return id;
}
function withIdentity(rec, id) {
  const out = { ...rec, owner: id.owner, host: id.host };
  if (id.task !== void 0) out.task = id.task;
  if (id.session !== void 0) out.session = id.session;
  if (id.pid !== void 0) out.pid = id.pid;
  return out;
}
function goneReason(l, now, alive = /* @__PURE__ */ new Map()) {
  if (!(leaseEnd(l, now) > now)) return "expired";
  if (l.pid !== void 0 && l.host === hostName()) {
    let a = alive.get(l.pid);
    if (a === void 0) alive.set(l.pid, a = pidAlive(l.pid));
    if (!a) return "dead-pid";
  }
  return void 0;
}
function expiryFrom(now, ttlSeconds) {
  return new Date(now + ttlSeconds * 1e3).toISOString();
}
function describeOwner(id) {
  const on = typeof id.host === "string" && id.host !== hostName() ? ` on ${id.host}` : "";
  if (id.task && (id.owner === `task:${id.task}` || id.owner === id.task)) return `task ${id.task}${on}`;
  return (id.task ? `${id.owner} (task ${id.task})` : id.owner) + on;
}
function describeUntil(iso, now = Date.now()) {
  const t = Date.parse(iso);
  const d = new Date(t);
  const hhmm = `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
  const s = Math.max(0, Math.round((t - now) / 1e3));
  const rel = s < 90 ? `${s} s` : s < 5400 ? `${Math.round(s / 60)} min` : `${Math.round(s / 360) / 10} h`;
  return `${hhmm} (in ${rel})`;
}

// src/core/lanes/model.ts
var START_OP = "lanes.start";
var REMOVE_OP = "lanes.remove";
var emptyLanes = () => ({});
var LANES_DOC = defineDoc({ name: "lanes", empty: emptyLanes });
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
function mcpActor(env = process.env, pid = process.pid) {
  if (env.LANES_OWNER) return { owner: assertOwner(env.LANES_OWNER) };
  const sid = env.CLAUDE_SESSION_ID || env.CLAUDE_CODE_SESSION_ID;
  return sid ? { owner: `session:${ownerPart(sid)}` } : { owner: `session:${pid}`, pid };
}
function mcpOwner(env = process.env, pid = process.pid) {
  return mcpActor(env, pid).owner;
}
function cliOwner(env = process.env) {
  if (env.LANES_OWNER) return assertOwner(env.LANES_OWNER);
  let user = "user";
  try {
    user = os.userInfo().username;
  } catch {
    user = env.USER ?? "user";
  }
  return `cli:${ownerPart(user)}@${ownerPart(os.hostname())}`;
}
function assertTaskId(id) {
  try {
    return assertSlug(id, "task id");
  } catch (e) {
    if (!isLanesError(e)) throw e;
    throw new LanesError(e.code, e.message, {
      hint: e.hint ?? `Use the id of a task in the plan (${act("get_plan")} or ${act("next_tasks")} lists them).`
    });
  }
}
function boundTo(owner, env = process.env) {
  const me = mcpActor(env);
  if (me.pid !== void 0 && owner === me.owner) return { pid: me.pid };
  const sid = env.CLAUDE_SESSION_ID || env.CLAUDE_CODE_SESSION_ID;
  return sid && isText(sid, SESSION_MAX) ? { session: sid } : {};
}

export {
  DEFAULT_TTL_SECONDS,
  MAX_TTL_SECONDS,
  OWNER_RE,
  ownerPart,
  assertOwner,
  OWNER_RULE_TEXT,
  assertTtl,
  assertText,
  identityOf,
  withIdentity,
  goneReason,
  expiryFrom,
  describeOwner,
  describeUntil,
  START_OP,
  REMOVE_OP,
  LANES_DOC,
  laneBranch,
  laneRef,
  lockReason,
  taskOwner,
  backupRef,
  archiveRef,
  mcpActor,
  mcpOwner,
  cliOwner,
  assertTaskId,
  boundTo
};
