#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
import {
  DEFAULT_TTL_SECONDS,
  assertOwner,
  assertTtl,
  describeUntil,
  expiryFrom,
  ownerPart
} from "./chunk-ONL4JA75.mjs";
import {
  leaseEnd
} from "./chunk-566HZB6Q.mjs";
import {
  act
} from "./chunk-UE4A2DQB.mjs";
import {
  failpoint,
  hostName,
  pidAlive
} from "./chunk-PCFNT4JQ.mjs";
import {
  defineDoc,
  recordMap
} from "./chunk-X4JLKMGK.mjs";
import {
  assertSlug
} from "./chunk-DDI77WQF.mjs";
import {
  LanesError
} from "./chunk-OBLF3P63.mjs";

// src/core/claims/liveness.ts
var emptyOwners = () => ({ leases: {} });
function normalizeOwners(doc) {
  if (typeof doc.leases !== "object" || doc.leases === null || Array.isArray(doc.leases)) doc.leases = recordMap();
  return doc;
}
var OWNERS_DOC = defineDoc({ name: "owners", empty: emptyOwners, normalize: normalizeOwners });
function saneLease(l) {
  const r = l;
  return typeof r === "object" && r !== null && typeof r.owner === "string" && typeof r.expires_at === "string" && typeof r.host === "string";
}
function leaseOf(doc, owner) {
  const leases = doc?.leases;
  if (typeof leases !== "object" || leases === null || !Object.hasOwn(leases, owner)) return void 0;
  const l = leases[owner];
  return saneLease(l) ? l : void 0;
}
function legacyPid(owner) {
  let m = /^session:(\d{1,10})$/.exec(owner);
  if (m) return Number(m[1]);
  m = /^cli:[^@]*@([^:]*):(\d{1,10})$/.exec(owner);
  if (m && m[1] === ownerPart(hostName())) return Number(m[2]);
  return void 0;
}
function ownerLiveness(doc, owner, now2 = Date.now()) {
  const l = leaseOf(doc, owner);
  if (!l) {
    const pid = legacyPid(owner);
    if (pid !== void 0 && pidAlive(pid)) return { live: true, owner, pid };
    return { live: false, owner, why: pid !== void 0 ? "dead-pid" : "no-lease" };
  }
  if (!(leaseEnd(l, now2) > now2)) return { live: false, owner, why: "expired", expires_at: l.expires_at };
  if (l.pid !== void 0 && l.host === hostName() && !pidAlive(l.pid))
    return { live: false, owner, why: "dead-pid", expires_at: l.expires_at };
  return { live: true, owner, expires_at: l.expires_at, ...l.pid !== void 0 ? { pid: l.pid } : {} };
}
function touchOwnerInTx(tx, t, now2 = Date.now()) {
  const owner = assertOwner(t.owner);
  const ttl = assertTtl(t.ttl_seconds ?? DEFAULT_TTL_SECONDS);
  const doc = tx.get(OWNERS_DOC);
  const lease = {
    owner,
    host: hostName(),
    renewed_at: new Date(now2).toISOString(),
    expires_at: expiryFrom(now2, ttl),
    ttl_seconds: ttl
  };
  const before = leaseOf(doc, owner);
  const pid = t.pid ?? (before?.host === lease.host && Date.parse(before.expires_at) > now2 ? before.pid : void 0);
  if (pid !== void 0) lease.pid = pid;
  for (const k of Object.keys(doc.leases)) {
    const l = doc.leases[k];
    if (!saneLease(l) || Date.parse(l.expires_at) < now2 - 864e5) delete doc.leases[k];
  }
  doc.leases[owner] = lease;
  return { ...lease };
}
function fresh(l, t, now2) {
  if (!l || t.pid !== void 0 && l.pid !== t.pid || l.host !== hostName()) return false;
  const ttl = t.ttl_seconds ?? l.ttl_seconds;
  return Date.parse(l.expires_at) >= now2 + ttl * 1e3 - Math.min(60, ttl / 2) * 1e3;
}
async function touchOwner(store, t) {
  assertOwner(t.owner);
  const cur = (await store.read(OWNERS_DOC)).data;
  if (fresh(leaseOf(cur, t.owner), t, Date.now())) return;
  await store.transact(async (tx) => void touchOwnerInTx(tx, t));
}
async function renewOwner(store, owner) {
  const cur = leaseOf((await store.read(OWNERS_DOC)).data, owner);
  if (!cur || !(Date.parse(cur.expires_at) > Date.now())) return false;
  const t = { owner, ttl_seconds: cur.ttl_seconds, ...cur.pid !== void 0 ? { pid: cur.pid } : {} };
  if (fresh(cur, t, Date.now())) return false;
  return store.transact(async (tx) => {
    const l = leaseOf(tx.get(OWNERS_DOC), owner);
    if (!l || !(Date.parse(l.expires_at) > Date.now())) return false;
    touchOwnerInTx(tx, t);
    return true;
  });
}
async function releaseOwner(store, owner) {
  if (!leaseOf((await store.read(OWNERS_DOC)).data, owner)) return false;
  return store.transact(async (tx) => {
    const doc = tx.get(OWNERS_DOC);
    if (!Object.hasOwn(doc.leases, owner)) return false;
    delete doc.leases[owner];
    return true;
  });
}
async function readOwners(store) {
  return (await store.read(OWNERS_DOC)).data;
}
function describeLiveness(l, now2 = Date.now()) {
  if (l.live)
    return l.expires_at ? `${l.owner}, whose lease ends at ${describeUntil(l.expires_at, now2)}` : `${l.owner}, alive as pid ${l.pid} on this host`;
  if (l.why === "expired") return `${l.owner}, whose lease ended at ${l.expires_at}`;
  if (l.why === "dead-pid") return `${l.owner}, whose process has ended`;
  return `${l.owner}, which has no lease`;
}
function assertAuthority(doc, a, now2 = Date.now()) {
  if (a.force || a.holder === void 0 || a.holder === a.actor) return;
  const l = ownerLiveness(doc, a.holder, now2);
  if (!l.live) return;
  const take = a.task ? `, or once its lease ends take the task over (${act("take_task", { task_id: a.task })})` : "";
  throw new LanesError("CONFLICT", `${a.what} belongs to ${describeLiveness(l, now2)}; you are ${a.actor}. Nothing was changed.`, {
    hint: `Ask that owner to do it, work on something else${take}. A human can override this at the CLI with --force.`,
    details: { holder: a.holder, actor: a.actor, ...l.expires_at ? { expires_at: l.expires_at } : {} }
  });
}

// src/core/plan/tasks.ts
var TASK_STATUSES = ["planned", "in_progress", "done", "blocked", "failed"];
var emptyPlan = () => ({ plan: null });
var emptyTasks = () => ({});
var PLAN_DOC = defineDoc({ name: "plan", empty: emptyPlan });
var TASKS_DOC = defineDoc({ name: "tasks", empty: emptyTasks });
var HISTORY_MAX = 20;
function now() {
  return (/* @__PURE__ */ new Date()).toISOString();
}
function newTaskState(id, at = now()) {
  return { id, status: "planned", updated_at: at, history: [{ at, status: "planned" }] };
}
function setStatus(t, status, fields = {}) {
  const at = now();
  t.status = status;
  t.updated_at = at;
  if (fields.owner !== void 0) t.owner = fields.owner;
  if (fields.note !== void 0) t.note = fields.note;
  if (status === "in_progress") t.started_at ??= at;
  if (status === "done" || status === "failed") t.finished_at = at;
  t.history.push({ at, status, ...fields.owner ? { owner: fields.owner } : {}, ...fields.note ? { note: fields.note } : {} });
  if (t.history.length > HISTORY_MAX) t.history.splice(0, t.history.length - HISTORY_MAX);
}
async function readPlan(store) {
  const [p, t] = await Promise.all([store.read(PLAN_DOC), store.read(TASKS_DOC)]);
  return { plan: p.data.plan, tasks: t.data };
}
function requirePlan(plan) {
  if (!plan) {
    throw new LanesError("NOT_FOUND", "There is no plan yet.", {
      hint: `Create one with ${act("plan_work")}.`
    });
  }
  return plan;
}
function requireTask(plan, id) {
  assertSlug(id);
  const t = plan.tasks.find((x) => x.id === id);
  if (!t) {
    const known = plan.tasks.slice(0, 12).map((x) => x.id).join(", ");
    throw new LanesError("NOT_FOUND", `There is no task "${id}" in the plan.`, {
      hint: `Known tasks: ${known}${plan.tasks.length > 12 ? ", ..." : ""}. Add it with ${act("add_task")} if it is new.`
    });
  }
  return t;
}
async function storePlan(store, input, opts) {
  const { buildPlan } = await import("./plan-3USHGP5J.mjs");
  const plan = buildPlan(input, { parallelism: opts.parallelism, ...opts.files ? { files: opts.files } : {} });
  const stored = await store.transact(async (tx) => {
    const tasks = tx.get(TASKS_DOC);
    const ids = new Set(plan.tasks.map((t) => t.id));
    const dropped = Object.values(tasks).filter((t) => !ids.has(t.id) && t.status === "in_progress");
    if (dropped.length && !opts.replace) {
      throw new LanesError("CONFLICT", `The new plan drops tasks that are in progress: ${dropped.map((t) => t.id).join(", ")}.`, {
        hint: "Keep those tasks in the new plan, finish them first, or pass replace: true (their lanes are kept)."
      });
    }
    for (const id of Object.keys(tasks)) if (!ids.has(id)) delete tasks[id];
    for (const t of plan.tasks) tasks[t.id] ??= newTaskState(t.id);
    const at = now();
    const stored2 = { ...plan, created_at: at, updated_at: at, ...opts.source ? { source: opts.source } : {} };
    tx.get(PLAN_DOC).plan = stored2;
    return stored2;
  });
  await failpoint("plan.after-store");
  await store.appendEvent("plan.stored", { tasks: plan.tasks.length, waves: plan.waves.length, source: opts.source });
  return stored;
}
async function addTask(store, input) {
  const { buildPlan } = await import("./plan-3USHGP5J.mjs");
  const out = await store.transact(async (tx) => {
    const doc = tx.get(PLAN_DOC);
    const plan = requirePlan(doc.plan);
    const id = input?.id;
    if (typeof id === "string" && plan.tasks.some((t) => t.id === id)) {
      throw new LanesError("CONFLICT", `Task "${id}" is already in the plan.`, {
        hint: `Pick another id, or change it with ${act("update_task", { task_id: id })}.`
      });
    }
    const next = buildPlan([...plan.tasks, input], {
      parallelism: plan.parallelism,
      ...plan.file_scopes ? { files: plan.file_scopes } : {}
    });
    const stored = { ...next, created_at: plan.created_at, updated_at: now(), ...plan.source ? { source: plan.source } : {} };
    doc.plan = stored;
    const task = next.tasks[next.tasks.length - 1];
    tx.get(TASKS_DOC)[task.id] = newTaskState(task.id);
    return { plan: stored, task };
  });
  await store.appendEvent("task.added", { task: out.task.id });
  return out;
}
function taskHolder(t) {
  return t && t.owner && (t.status === "in_progress" || t.status === "blocked" || t.status === "failed") ? t.owner : void 0;
}
async function updateTask(store, u) {
  assertSlug(u.id);
  const out = await store.transact(async (tx) => applyTaskUpdate(tx, u));
  await store.appendEvent("task.status", {
    task: u.id,
    status: u.status,
    owner: u.owner,
    note: u.note,
    ...u.actor !== void 0 ? { by: u.actor } : {},
    ...u.force ? { forced: true } : {}
  });
  return out;
}
function applyTaskUpdate(tx, u) {
  assertSlug(u.id);
  if (u.owner !== void 0) assertOwner(u.owner);
  const plan = requirePlan(tx.get(PLAN_DOC).plan);
  const def = requireTask(plan, u.id);
  const tasks = tx.get(TASKS_DOC);
  const t = tasks[u.id] ??= newTaskState(u.id);
  if (u.expect_status && t.status !== u.expect_status) {
    throw new LanesError("CONFLICT", `Task "${u.id}" is ${t.status}${t.owner ? ` (owner ${t.owner})` : ""}, not ${u.expect_status}.`, {
      hint: `Read its state with ${act("get_plan")} and decide again.`
    });
  }
  if (u.actor !== void 0) {
    const owners = tx.get(OWNERS_DOC);
    assertAuthority(owners, {
      actor: assertOwner(u.actor),
      holder: taskHolder(t),
      what: `Task "${u.id}"`,
      task: u.id,
      ...u.force ? { force: true } : {}
    });
    touchOwnerInTx(tx, {
      owner: u.actor,
      ...u.actor_ttl_seconds !== void 0 ? { ttl_seconds: u.actor_ttl_seconds } : {},
      ...u.actor_pid !== void 0 ? { pid: u.actor_pid } : {}
    });
  }
  if (u.status === "in_progress") {
    if (t.status === "in_progress" && t.owner && u.owner && t.owner !== u.owner && !u.force) {
      const l = ownerLiveness(tx.get(OWNERS_DOC), t.owner);
      throw new LanesError(
        "CONFLICT",
        `Task "${u.id}" is already started by ${describeLiveness(l)} (since ${t.started_at ?? t.updated_at}).`,
        {
          hint: l.live ? `Pick another task with ${act("next_tasks")}, or ask that owner to release it (${act("update_task", { task_id: u.id })} to planned).` : `Its owner is gone: take it over with ${act("take_task", { task_id: u.id })}, which keeps its lane and commits.`
        }
      );
    }
    if (t.status === "done") {
      throw new LanesError("CONFLICT", `Task "${u.id}" is already done${t.landed_as ? ` (landed as ${t.landed_as})` : ""}.`, {
        hint: `Add a follow-up task with ${act("add_task")} instead of reopening it.`
      });
    }
    const notDone = def.depends_on.filter((d) => tasks[d]?.status !== "done");
    if (notDone.length) {
      throw new LanesError("CONFLICT", `Task "${u.id}" depends on tasks that are not done: ${notDone.join(", ")}.`, {
        hint: `Start a ready task instead (${act("next_tasks")} lists them).`
      });
    }
  }
  if (u.status === "planned") delete t.owner;
  setStatus(t, u.status, {
    ...u.owner !== void 0 && u.status !== "planned" ? { owner: u.owner } : {},
    ...u.note !== void 0 ? { note: u.note } : {}
  });
  return { ...t, history: [...t.history] };
}
function countByStatus(plan, tasks) {
  const out = { planned: 0, in_progress: 0, done: 0, blocked: 0, failed: 0 };
  for (const t of plan?.tasks ?? []) out[tasks[t.id]?.status ?? "planned"]++;
  return out;
}

export {
  OWNERS_DOC,
  ownerLiveness,
  touchOwnerInTx,
  touchOwner,
  renewOwner,
  releaseOwner,
  readOwners,
  describeLiveness,
  assertAuthority,
  TASK_STATUSES,
  PLAN_DOC,
  TASKS_DOC,
  setStatus,
  readPlan,
  requirePlan,
  requireTask,
  storePlan,
  addTask,
  taskHolder,
  updateTask,
  applyTaskUpdate,
  countByStatus
};
