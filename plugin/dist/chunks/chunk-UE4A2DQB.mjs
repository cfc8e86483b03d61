#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));

// src/core/hints/actions.ts
var ACTIONS = {
  plan_work: { tool: "plan_work", cli: "lanes plan <tasks file>" },
  get_plan: { tool: "get_plan", cli: "lanes plan" },
  next_tasks: { tool: "next_tasks", cli: "lanes next" },
  add_task: { tool: "add_task", cli: "lanes task add <id> <title>" },
  update_task: { tool: "update_task", cli: "lanes task set {task_id} <status>" },
  take_task: { tool: "update_task", cli: "lanes take {task_id}", fixed: "takeover: true" },
  start_lane: { tool: "start_lane", cli: "lanes start {task_id}" },
  list_lanes: { tool: "list_lanes", cli: "lanes list" },
  remove_lane: { tool: "remove_lane", cli: "lanes remove {task_id}" },
  cleanup_lanes: { tool: "cleanup_lanes", cli: "lanes cleanup" },
  queue_merge: { tool: "queue_merge", cli: "lanes merge queue {task_id}" },
  process_merge_queue: { tool: "process_merge_queue", cli: "lanes merge run" },
  merge_status: { tool: "merge_status", cli: "lanes merge status" },
  list_claims: { tool: "list_claims", cli: "lanes claims" },
  release_files: { tool: "release_files", cli: "lanes release {owner}" },
  start_session: { tool: "start_session", shape: "{ topic, type }", cli: "lanes session start <topic>" },
  log_session: { tool: "log_session", cli: "lanes session log <kind> <text>" },
  end_session: { tool: "end_session", cli: "lanes session end <status> <summary>" },
  list_sessions: { tool: "list_sessions", cli: "lanes session list" },
  get_session: { tool: "get_session", cli: "lanes session show {session_id}" },
  force_remove: { cli: "lanes remove --force {task_id}" },
  revert_landing: { cli: "lanes merge revert {task_id}" }
};
var RENAMED = {
  start_task: "start_lane",
  list_worktrees: "list_lanes",
  remove_worktree: "remove_lane",
  cleanup_worktrees: "cleanup_lanes"
};
var CLI_PLACEHOLDER = { task_id: "task", session_id: "id" };
var OPEN = "\u27E6";
var CLOSE = "\u27E7";
var MARKER = /\u27e6([a-z_]+)((?: [a-z_]+=[^\s\u27e7]*)*)\u27e7/g;
function act(name, args = {}) {
  const a = Object.entries(args).map(([k, v]) => ` ${k}=${encodeURIComponent(v)}`).join("");
  return `${OPEN}${name}${a}${CLOSE}`;
}
function speak(text, audience) {
  if (!text.includes(OPEN)) return text;
  return text.replace(MARKER, (whole, name, rest) => {
    const key = Object.hasOwn(RENAMED, name) ? RENAMED[name] : name;
    const def = Object.hasOwn(ACTIONS, key) ? ACTIONS[key] : void 0;
    if (!def) return whole;
    const args = /* @__PURE__ */ new Map();
    for (const kv of rest.trim().split(" ").filter(Boolean)) {
      const i = kv.indexOf("=");
      args.set(kv.slice(0, i), decodeURIComponent(kv.slice(i + 1)));
    }
    const cli = def.cli.replace(
      /\{([a-z_]+)\}/g,
      (_, k) => args.get(k) ?? `<${Object.hasOwn(CLI_PLACEHOLDER, k) ? CLI_PLACEHOLDER[k] : k}>`
    );
    if (!def.tool) return audience === "cli" ? `run \`${cli}\`` : `ask a human to run \`${cli}\``;
    if (audience === "cli") return `\`${cli}\``;
    const parts = [...args].map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
    if (def.fixed) parts.push(def.fixed);
    if (parts.length) return `${def.tool} { ${parts.join(", ")} }`;
    return def.shape ? `${def.tool} ${def.shape}` : def.tool;
  });
}
function speakAll(value, audience) {
  const walk = (v) => {
    if (typeof v === "string") return speak(v, audience);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") {
      const out = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x);
      return out;
    }
    return v;
  };
  return walk(value);
}

export {
  act,
  speak,
  speakAll
};
