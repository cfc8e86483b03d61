#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
var fs = require("node:fs");
import {
  resolveRepo
} from "./chunk-ESYJGOAB.mjs";
import {
  childProcess
} from "./chunk-4CKTFQOR.mjs";
import {
  StateStore
} from "./chunk-566HZB6Q.mjs";

// src/core/project/project.ts
async function openProject(cwd, preresolved) {
  const repo = preresolved ?? await resolveRepo(cwd);
  const store = await StateStore.open(repo.stateDir);
  let cfg;
  return {
    repo,
    store,
    // Loaded on first use: the config module brings zod (tens of ms to load), and the SessionEnd
    // hook, for one, opens the repository without ever reading the config.
    config: () => cfg ??= import("./load-QG7CNWGB.mjs").then((m) => m.loadConfig(repo.mainRoot, { repo }))
  };
}

// src/system/process-group.ts
function killProcessGroup(pgid, signal = "SIGKILL") {
  if (!Number.isSafeInteger(pgid) || pgid <= 1) return false;
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}
var live = /* @__PURE__ */ new Map();
var exitHook = false;
function trackGroup(pgid, kind) {
  live.set(pgid, kind);
  if (!exitHook) {
    exitHook = true;
    process.once("exit", () => {
      for (const g of live.keys()) killProcessGroup(g, "SIGKILL");
    });
  }
}
function releaseGroup(pgid, kill = true) {
  if (kill) killProcessGroup(pgid, "SIGKILL");
  live.delete(pgid);
}
function spawnGroup(file, args, opts) {
  const child = childProcess().spawn(file, args, { cwd: opts.cwd, env: opts.env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  if (child.pid !== void 0) trackGroup(child.pid, opts.kind);
  return child;
}
async function stopGroup(pgid, exited, graceMs) {
  killProcessGroup(pgid, "SIGTERM");
  const timer = setTimeout(() => killProcessGroup(pgid, "SIGKILL"), graceMs);
  timer.unref();
  try {
    return await exited;
  } finally {
    clearTimeout(timer);
  }
}
function processGroupOf(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const pg = Number(fields[2]);
    return Number.isSafeInteger(pg) ? pg : void 0;
  } catch {
    return void 0;
  }
}
function killGroupsMarked(entry) {
  if (process.platform !== "linux" || !fs.existsSync("/proc/self/stat")) return 0;
  const own = processGroupOf("self");
  const groups = /* @__PURE__ */ new Set();
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    let environ;
    try {
      environ = fs.readFileSync(`/proc/${name}/environ`, "latin1");
    } catch {
      continue;
    }
    if (!environ.split("\0").includes(entry)) continue;
    const pg = processGroupOf(Number(name));
    if (pg !== void 0 && pg > 1 && pg !== own) groups.add(pg);
  }
  for (const g of groups) killProcessGroup(g, "SIGKILL");
  return groups.size;
}

// src/system/command.ts
var DEFAULT_MAX_OUTPUT = 64 * 1024;
var Tail = class {
  constructor(max) {
    this.max = max;
  }
  max;
  chunks = [];
  size = 0;
  dropped = 0;
  push(b) {
    this.chunks.push(b);
    this.size += b.length;
    while (this.size > this.max && this.chunks.length > 0) {
      const first = this.chunks[0];
      const excess = this.size - this.max;
      if (first.length <= excess) {
        this.chunks.shift();
        this.size -= first.length;
        this.dropped += first.length;
      } else {
        this.chunks[0] = first.subarray(excess);
        this.size -= excess;
        this.dropped += excess;
      }
    }
  }
  text() {
    const body = Buffer.concat(this.chunks).toString("utf8");
    return this.dropped > 0 ? `[... ${this.dropped} earlier bytes dropped ...]
${body}` : body;
  }
};
async function runCommand(argv, opts) {
  const [file, ...args] = argv;
  const started = performance.now();
  const tail = new Tail(opts.maxOutputBytes ?? DEFAULT_MAX_OUTPUT);
  if (!file) return { exitCode: null, signal: null, timedOut: false, output: "", durationMs: 0, error: "empty command" };
  const child = spawnGroup(file, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, kind: "command" });
  const drained = new Promise((resolve) => child.once("close", () => resolve()));
  const take = (b) => {
    tail.push(b);
    opts.onOutput?.(b);
  };
  child.stdout?.on("data", take);
  child.stderr?.on("data", take);
  const pid = child.pid;
  const exited = new Promise((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
    child.once("error", (e) => resolve({ code: null, signal: null, error: e.message }));
  });
  let timedOut = false;
  let timer;
  if (pid !== void 0) {
    if (opts.timeoutMs !== void 0) {
      timer = setTimeout(() => {
        timedOut = true;
        killProcessGroup(pid, "SIGKILL");
      }, opts.timeoutMs);
    }
    if (opts.onSpawn) {
      try {
        await opts.onSpawn(pid);
      } catch (e) {
        if (timer) clearTimeout(timer);
        releaseGroup(pid);
        throw e;
      }
    }
  }
  const exit = await exited;
  if (timer) clearTimeout(timer);
  if (pid !== void 0) {
    releaseGroup(pid, opts.killGroupOnExit !== false || timedOut);
  }
  await Promise.race([drained, new Promise((r2) => setTimeout(r2, 200))]);
  child.stdout?.destroy();
  child.stderr?.destroy();
  let output = tail.text();
  if (exit.error) output += `${output && !output.endsWith("\n") ? "\n" : ""}could not run ${file}: ${exit.error}
`;
  const r = {
    exitCode: exit.code,
    signal: exit.signal,
    timedOut,
    output,
    durationMs: Math.round(performance.now() - started)
  };
  if (exit.error) r.error = exit.error;
  return r;
}

export {
  openProject,
  killProcessGroup,
  releaseGroup,
  spawnGroup,
  stopGroup,
  killGroupsMarked,
  runCommand
};
