#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
var { fileURLToPath } = require("node:url");
var fs = require("node:fs");
var { createRequire } = require("node:module");
var { createRequire: createRequire2 } = require("node:module");
var fs2 = require("node:fs");
var path = require("node:path");
var fs3 = require("node:fs");
var fs4 = require("node:fs");

// src/hooks/session-end.ts

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
var MARKER = /\u27e6([a-z_]+)((?: [a-z_]+=[^\s\u27e7]*)*)\u27e7/g;
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

// src/errors.ts
var LanesError = class extends Error {
  name = "LanesError";
  code;
  hint;
  details;
  constructor(code, message, options = {}) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.code = code;
    this.hint = options.hint;
    this.details = options.details;
  }
  /** Message plus hint, the way every entry point shows it. */
  describe() {
    return this.hint ? `${this.message}
${this.hint}` : this.message;
  }
};

// src/util/slug.ts
var SLUG_RE = /^[a-z0-9][a-z0-9-]{0,62}$/;
var SLUG_RULE = "lowercase letters, digits and hyphens, starting with a letter or digit, at most 63 characters";
function isSlug(s) {
  return typeof s === "string" && SLUG_RE.test(s);
}
function assertSlug(s, what = "task id") {
  if (isSlug(s)) return s;
  const shown = typeof s === "string" ? JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}...` : s) : String(s);
  throw new LanesError("INVALID_INPUT", `Invalid ${what} ${shown}: use ${SLUG_RULE} (for example "api-auth").`);
}

// src/state/seen.ts

// src/state/random.ts
var requireBuiltin = createRequire(import.meta.url);

// src/state/atomic.ts
var ORPHAN_AGE_MS = 60 * 60 * 1e3;

// src/state/seen.ts
var book;
function loadBook(file) {
  if (book?.file === file) return;
  let seen = /* @__PURE__ */ new Map();
  try {
    seen = new Map(JSON.parse(fs.readFileSync(file, "utf8")));
  } catch {
  }
  book = { file, seen, dirty: false };
}

// src/core/claims/owner.ts
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

// src/state/records.ts
function parseRecords(text) {
  const root = JSON.parse(text);
  const stack = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== "object") continue;
    if (Array.isArray(v)) {
      for (const x of v) if (x !== null && typeof x === "object") stack.push(x);
      continue;
    }
    Object.setPrototypeOf(v, null);
    for (const k in v) {
      const x = v[k];
      if (x !== null && typeof x === "object") stack.push(x);
    }
  }
  return root;
}
function recordMap(entries) {
  const m = /* @__PURE__ */ Object.create(null);
  if (entries) for (const [k, v] of entries) m[k] = v;
  return m;
}

// src/state/docs.ts
var RESERVED = /* @__PURE__ */ new Set(["commit"]);
function assertDocName(doc) {
  assertSlug(doc, "state document name");
  if (RESERVED.has(doc)) throw new LanesError("INVALID_INPUT", `"${doc}" is reserved and cannot name a state document.`);
  return doc;
}
function parseDoc(text) {
  let obj;
  try {
    obj = parseRecords(text);
  } catch (e) {
    return { ok: false, reason: text.length === 0 ? "the file is empty" : e.message };
  }
  if (typeof obj !== "object" || obj === null || Array.isArray(obj)) return { ok: false, reason: "not a JSON object" };
  const o = obj;
  if (!Number.isSafeInteger(o.version) || o.version < 0) return { ok: false, reason: 'no valid "version"' };
  if (!("data" in o)) return { ok: false, reason: 'no "data"' };
  return { ok: true, version: o.version, data: o.data };
}

// src/state/define.ts
var defined = /* @__PURE__ */ new Map();
var asStored = (stored) => stored;
function defineDoc(spec) {
  const name = assertDocName(spec.name);
  if (defined.has(name)) {
    throw new LanesError("INTERNAL", `The state document "${name}" is defined twice.`, {
      hint: "Define each state document once, with defineDoc in the module of the capability that owns it, and import that definition everywhere else."
    });
  }
  const def = Object.freeze({ name, empty: spec.empty, normalize: spec.normalize ?? asStored });
  defined.set(name, def);
  return def;
}

// src/core/lanes/model.ts
var emptyLanes = () => ({});
var LANES_DOC = defineDoc({ name: "lanes", empty: emptyLanes });
function mcpActor(env = process.env, pid = process.pid) {
  if (env.LANES_OWNER) return { owner: assertOwner(env.LANES_OWNER) };
  const sid = env.CLAUDE_SESSION_ID || env.CLAUDE_CODE_SESSION_ID;
  return sid ? { owner: `session:${ownerPart(sid)}` } : { owner: `session:${pid}`, pid };
}
function mcpOwner(env = process.env, pid = process.pid) {
  return mcpActor(env, pid).owner;
}

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

// src/system/child-process.ts
var requireBuiltin2 = createRequire2(import.meta.url);
var loaded;
function childProcess() {
  return loaded ??= requireBuiltin2("node:child_process");
}

// src/hooks/lib/where.ts
function realOr(p) {
  try {
    return fs2.realpathSync(p);
  } catch {
    return p;
  }
}
function fromGit(cwd) {
  try {
    const { execFileSync } = childProcess();
    const out = execFileSync("git", ["rev-parse", "--show-toplevel", "--git-common-dir"], {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      env: { ...process.env, GIT_OPTIONAL_LOCKS: "0" },
      timeout: 5e3
    });
    const [top = "", common = ""] = out.split("\n");
    if (!top || !common) return { ok: false, why: `${cwd} is not inside a git work tree` };
    return { ok: true, where: build(cwd, realOr(top), realOr(path.resolve(cwd, common))) };
  } catch {
    return { ok: false, why: `${cwd} is not inside a git repository` };
  }
}
function build(cwd, top, commonDir) {
  const mainRoot = path.basename(commonDir) === ".git" ? path.dirname(commonDir) : top;
  return { cwd, top, commonDir, mainRoot, stateDir: path.join(commonDir, "lanes") };
}
function commonOf(gitDir) {
  try {
    const rel = fs2.readFileSync(path.join(gitDir, "commondir"), "utf8").trim();
    if (rel) return realOr(path.resolve(gitDir, rel));
  } catch {
  }
  return realOr(gitDir);
}
function locate(cwd) {
  if (typeof cwd !== "string" || cwd === "") return { ok: false, why: "the input has no cwd" };
  let real;
  try {
    real = fs2.realpathSync(cwd);
  } catch {
    return { ok: false, why: `the directory ${cwd} does not exist` };
  }
  if (process.env.GIT_DIR || process.env.GIT_WORK_TREE || process.env.GIT_COMMON_DIR) return fromGit(real);
  for (let dir = real; ; ) {
    const dotGit = path.join(dir, ".git");
    let st;
    try {
      st = fs2.statSync(dotGit, { throwIfNoEntry: false });
    } catch {
      st = void 0;
    }
    if (st?.isDirectory()) {
      if (!fs2.existsSync(path.join(dotGit, "HEAD"))) return fromGit(real);
      return { ok: true, where: build(real, dir, commonOf(dotGit)) };
    }
    if (st?.isFile()) {
      let m = null;
      try {
        m = /^gitdir:\s*(.+?)\s*$/m.exec(fs2.readFileSync(dotGit, "utf8"));
      } catch {
        m = null;
      }
      if (!m) return fromGit(real);
      return { ok: true, where: build(real, dir, commonOf(path.resolve(dir, m[1]))) };
    }
    const parent = path.dirname(dir);
    if (parent === dir) return { ok: false, why: `${cwd} is not inside a git repository` };
    dir = parent;
  }
}
function readDoc(stateDir, name) {
  if (fs2.existsSync(path.join(stateDir, "remote", "enabled.json"))) loadBook(path.join(stateDir, "remote", "seen.json"));
  const file = path.join(stateDir, `${name}.json`);
  if (!fs2.existsSync(file)) return void 0;
  let text;
  try {
    text = fs2.readFileSync(file, "utf8");
  } catch {
    return void 0;
  }
  const r = parseDoc(text);
  return r.ok ? r.data : void 0;
}
function hasState(w) {
  try {
    return fs2.statSync(w.stateDir, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false;
  }
}

// src/hooks/lib/owner.ts
function sessionOwner(sid) {
  return mcpOwner({ CLAUDE_SESSION_ID: sid, CLAUDE_CODE_SESSION_ID: sid });
}

// src/hooks/lib/input.ts
var MAX_BYTES = 64 * 1024 * 1024;
function readHookInput(opts = {}) {
  if (stdinIsTerminal()) return Promise.resolve({ ok: false, why: "no input: stdin is a terminal, not the JSON Claude Code sends" });
  const max = opts.maxBytes ?? MAX_BYTES;
  try {
    const buf = fs3.readFileSync(0);
    if (buf.length > max) return Promise.resolve({ ok: false, why: `input larger than ${max} bytes` });
    return Promise.resolve(parseHookInput(buf.toString("utf8")));
  } catch {
    return readStream(opts, max);
  }
}
function stdinIsTerminal() {
  try {
    const st = fs3.fstatSync(0);
    return st.isCharacterDevice() && st.rdev !== fs3.statSync("/dev/null").rdev;
  } catch {
    return false;
  }
}
function readStream(opts, max) {
  const stdin = process.stdin;
  return new Promise((resolve) => {
    const chunks = [];
    let size = 0;
    let done = false;
    const finish = (r) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      stdin.removeAllListeners("data");
      stdin.removeAllListeners("end");
      stdin.removeAllListeners("error");
      stdin.pause();
      stdin.unref?.();
      resolve(r);
    };
    const timer = setTimeout(
      () => finish({ ok: false, why: `no complete input on stdin within ${opts.timeoutMs ?? 5e3} ms` }),
      opts.timeoutMs ?? 5e3
    );
    timer.unref();
    stdin.on("data", (c) => {
      size += c.length;
      if (size > max) return finish({ ok: false, why: `input larger than ${max} bytes` });
      chunks.push(c);
    });
    stdin.on("end", () => finish(parseHookInput(Buffer.concat(chunks).toString("utf8"))));
    stdin.on("error", (e) => finish({ ok: false, why: `could not read stdin: ${e.message}` }));
  });
}
function parseHookInput(text) {
  const t = text.replace(/^\uFEFF/, "").trim();
  if (t === "") return { ok: false, why: "empty input (expected the hook JSON on stdin)" };
  let v;
  try {
    v = JSON.parse(t);
  } catch (e) {
    return { ok: false, why: `input is not JSON (${e.message.slice(0, 120)})` };
  }
  if (typeof v !== "object" || v === null || Array.isArray(v)) return { ok: false, why: "input is JSON but not an object" };
  return { ok: true, input: v };
}
function str(input, key) {
  const v = input?.[key];
  return typeof v === "string" && v !== "" ? v : void 0;
}

// src/hooks/lib/output.ts
function writeFd(fd, raw) {
  const text = speak(raw, "tools");
  try {
    fs4.writeSync(fd, text);
  } catch {
    (fd === 1 ? process.stdout : process.stderr).write(text);
  }
}
function note(msg) {
  writeFd(2, `lanes: ${msg.endsWith("\n") ? msg : `${msg}
`}`);
}
function elapsedMs() {
  return Math.round(process.uptime() * 1e3);
}
function trace(event, outcome, fields = {}) {
  const file = process.env.LANES_HOOK_TRACE;
  if (!file) return;
  try {
    fs4.appendFileSync(file, `${JSON.stringify({ event, outcome, ms: elapsedMs(), pid: process.pid, ...fields })}
`);
  } catch {
  }
}
function exit(code) {
  process.exit(code);
}

// src/system/launch-env.ts
var MOVED_CA_VAR = "LANES_NODE_EXTRA_CA_CERTS";
function restoreLaunchEnv(env = process.env) {
  const moved = env[MOVED_CA_VAR];
  if (moved === void 0) return;
  delete env[MOVED_CA_VAR];
  if (!env.NODE_EXTRA_CA_CERTS) env.NODE_EXTRA_CA_CERTS = moved;
}

// src/hooks/session-end.ts
var EVENT = "SessionEnd";
var FINISHER_AFTER_MS = 900;
function where(input) {
  const first = locate(str(input, "cwd"));
  if (first.ok) return first;
  const project = process.env.CLAUDE_PROJECT_DIR;
  if (project && project !== str(input, "cwd")) {
    const second = locate(project);
    if (second.ok) return second;
  }
  return first;
}
function hasWork(w, sid) {
  const sessions = readDoc(w.stateDir, "sessions") ?? {};
  if (Object.values(sessions).some((r) => r && r.status === "active" && r.key === sid)) return true;
  const owner = sessionOwner(sid);
  const mine = (x) => x && (x.session === sid || x.owner === owner);
  const claims = readDoc(w.stateDir, "claims")?.claims;
  if (Array.isArray(claims) && claims.some(mine)) return true;
  const ports = readDoc(w.stateDir, "ports")?.leases;
  if (Array.isArray(ports) && ports.some(mine)) return true;
  return leaseOf(readDoc(w.stateDir, "owners"), owner) !== void 0;
}
function startFinisher(input) {
  try {
    const child = childProcess().spawn(process.execPath, [fileURLToPath(import.meta.url), "--finish"], {
      detached: true,
      stdio: "ignore",
      env: { ...process.env, LANES_HOOK_INPUT: JSON.stringify({ session_id: input.session_id, cwd: input.cwd, reason: input.reason }) }
    });
    child.unref();
    trace(EVENT, "finisher-started", { child: child.pid });
  } catch (e) {
    note(`${EVENT}: could not start the detached finisher: ${e.message}`);
  }
}
async function main() {
  const finishing = process.argv[2] === "--finish";
  const read = finishing ? parseHookInput(process.env.LANES_HOOK_INPUT ?? "") : await readHookInput({ timeoutMs: 500 });
  if (!read.ok) {
    note(`${EVENT}: ${read.why}; no session finished.`);
    trace(EVENT, "malformed");
    return 0;
  }
  const input = read.input;
  const sid = str(input, "session_id");
  const loc = where(input);
  if (!loc.ok) {
    note(`${EVENT}: ${loc.why}; nothing to finish.`);
    trace(EVENT, "not-git");
    return 0;
  }
  const w = loc.where;
  if (!hasState(w)) {
    note(`${EVENT}: no Lanes state in ${w.mainRoot}; nothing to finish.`);
    trace(EVENT, "no-state");
    return 0;
  }
  if (!sid || !hasWork(w, sid)) {
    trace(EVENT, "nothing", { finishing });
    return 0;
  }
  const timer = finishing ? void 0 : setTimeout(() => startFinisher(input), FINISHER_AFTER_MS);
  timer?.unref();
  const { finishSession } = await import("./heavy/session-end-work.mjs");
  const r = await finishSession(w, sid, str(input, "reason") ?? "other", str(input, "transcript_path"));
  if (timer) clearTimeout(timer);
  for (const line of r.report) note(`${EVENT}: ${line}`);
  trace(EVENT, finishing ? "finished-detached" : "finished", {
    sessions: r.sessions,
    claims: r.claims,
    ports: r.ports,
    total_ms: elapsedMs()
  });
  return 0;
}
restoreLaunchEnv();
main().then(
  (code) => exit(code),
  (e) => {
    note(`${EVENT}: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    trace(EVENT, "error");
    exit(0);
  }
);
