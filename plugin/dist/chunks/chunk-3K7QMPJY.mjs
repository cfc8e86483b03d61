#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  OWNERS_DOC,
  assertAuthority,
  describeLiveness,
  ownerLiveness,
  touchOwnerInTx
} from "./chunk-CR6GQYF6.mjs";
import {
  assertOwner
} from "./chunk-OUP5FXRK.mjs";
import {
  act,
  failpoint
} from "./chunk-CXNZ4SOU.mjs";
import {
  defineDoc
} from "./chunk-5JH7MFI6.mjs";
import {
  LanesError,
  assertSlug
} from "./chunk-B475TGAI.mjs";

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
  const { buildPlan } = await import("./plan-6LDNODBF.mjs");
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
  const { buildPlan } = await import("./plan-6LDNODBF.mjs");
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
