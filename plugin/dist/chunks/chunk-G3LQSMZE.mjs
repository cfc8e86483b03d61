#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
var fs = require("node:fs");
var os = require("node:os");
var fs2 = require("node:fs");
var fs3 = require("node:fs");
var path = require("node:path");
import {
  randomHex
} from "./chunk-G23BEX64.mjs";
import {
  log
} from "./chunk-XNIKMWZT.mjs";
import {
  LanesError
} from "./chunk-IIFEABOA.mjs";

// src/state/pid.ts
function pidAlive(pid) {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    return e.code === "EPERM";
  }
  return !isZombie(pid);
}
function isZombie(pid) {
  let stat;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return false;
  }
  const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
  return state === "Z" || state === "X";
}
var host;
function hostName() {
  host ??= process.env.LANES_MACHINE || os.hostname();
  return host;
}

// src/util/failpoint.ts
var parsed;
var parsedFrom;
function points() {
  const raw = process.env.LANES_FAILPOINT ?? "";
  if (parsed && parsedFrom === raw) return parsed;
  parsed = /* @__PURE__ */ new Map();
  parsedFrom = raw;
  for (const item of raw.split(",")) {
    const t = item.trim();
    if (!t) continue;
    const i = t.indexOf(":");
    parsed.set(i < 0 ? t : t.slice(0, i), i < 0 ? "kill" : t.slice(i + 1));
  }
  return parsed;
}
async function failpoint(name) {
  if (!process.env.LANES_FAILPOINT) return;
  const action = points().get(name);
  if (action === void 0) return;
  if (action === "kill") {
    process.kill(process.pid, "SIGKILL");
    await new Promise(() => {
    });
  }
  if (action === "exit") process.exit(99);
  if (action === "throw") throw new LanesError("INTERNAL", `failpoint ${name} fired`);
  if (action.startsWith("sleep:")) {
    await new Promise((r) => setTimeout(r, Number(action.slice(6)) || 0));
  }
  if (action.startsWith("pause:")) {
    const file = action.slice(6);
    fs2.writeFileSync(`${file}.reached`, `${process.pid}
`);
    while (!fs2.existsSync(file)) await new Promise((r) => setTimeout(r, 20));
  }
}
function failpointSync(name) {
  if (!process.env.LANES_FAILPOINT) return;
  const action = points().get(name);
  if (action === void 0) return;
  if (action === "kill") {
    process.kill(process.pid, "SIGKILL");
    const sab = new Int32Array(new SharedArrayBuffer(4));
    for (; ; ) Atomics.wait(sab, 0, 0, 1e3);
  }
  if (action === "exit") process.exit(99);
  if (action === "throw") throw new LanesError("INTERNAL", `failpoint ${name} fired`);
}

// src/state/atomic.ts
var TEMP_RE = /^\.(.+)\.(\d+)\.([0-9a-f]+)\.tmp$/;
var ORPHAN_AGE_MS = 60 * 60 * 1e3;
function tempPathFor(file) {
  const rand = randomHex(6);
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${rand}.tmp`);
}
function writeTempFile(file, data, mode = 384, durable = true) {
  const tmp = tempPathFor(file);
  const buf = typeof data === "string" ? Buffer.from(data) : data;
  const fd = fs3.openSync(tmp, "wx", mode);
  try {
    fs3.fchmodSync(fd, mode);
    let off = 0;
    while (off < buf.length) off += fs3.writeSync(fd, buf, off, buf.length - off);
    if (durable) fs3.fsyncSync(fd);
  } catch (e) {
    fs3.closeSync(fd);
    rmQuiet(tmp);
    throw e;
  }
  fs3.closeSync(fd);
  return tmp;
}
function writeFileAtomic(file, data, mode = 384, opts = {}) {
  const durable = opts.durable !== false;
  const tmp = writeTempFile(file, data, mode, durable);
  try {
    opts.beforeRename?.();
    if (durable) failpointSync("state.before-rename");
    fs3.renameSync(tmp, file);
  } catch (e) {
    rmQuiet(tmp);
    throw e;
  }
  if (durable && opts.syncDir !== false) fsyncDir(path.dirname(file));
}
function fsyncDir(dir) {
  const fd = fs3.openSync(dir, "r");
  try {
    fs3.fsyncSync(fd);
  } catch (e) {
    const code = e.code;
    if (code !== "EINVAL" && code !== "EISDIR") throw e;
  } finally {
    fs3.closeSync(fd);
  }
}
function rmQuiet(file) {
  try {
    fs3.unlinkSync(file);
  } catch {
  }
}
function sweepTempFiles(dir, keep) {
  let names;
  try {
    names = fs3.readdirSync(dir);
  } catch (e) {
    if (e.code === "ENOENT") return 0;
    throw e;
  }
  let removed = 0;
  for (const name of names) {
    const m = TEMP_RE.exec(name);
    if (!m || keep?.has(name)) continue;
    const p = path.join(dir, name);
    if (pidAlive(Number(m[2])) && !isOld(p)) continue;
    try {
      fs3.unlinkSync(p);
      removed++;
      log.debug(`removed orphan temp file ${p}`);
    } catch (e) {
      if (e.code !== "ENOENT") log.warn(`could not remove orphan temp file ${p}`, String(e));
    }
  }
  return removed;
}
function hasOrphanTemps(dir) {
  let names;
  try {
    names = fs3.readdirSync(dir);
  } catch {
    return false;
  }
  return names.some((n) => {
    const m = TEMP_RE.exec(n);
    return m !== null && (!pidAlive(Number(m[2])) || isOld(path.join(dir, n)));
  });
}
function isOld(p) {
  try {
    return Date.now() - fs3.lstatSync(p).mtimeMs > ORPHAN_AGE_MS;
  } catch {
    return false;
  }
}

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
  pidAlive,
  hostName,
  failpoint,
  failpointSync,
  TEMP_RE,
  writeTempFile,
  writeFileAtomic,
  fsyncDir,
  rmQuiet,
  sweepTempFiles,
  hasOrphanTemps,
  act,
  speak,
  speakAll
};
