#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  require_dist
} from "./chunk-2FZSOMBH.mjs";
import {
  adminDirFor,
  assessLane,
  describeCommits,
  diskUsage,
  listWorktrees,
  recoverOrphans,
  teardownLane
} from "./chunk-ZZQBMDTR.mjs";
import {
  PLAN_LIMITS,
  buildPlan,
  countByStatus,
  readPlan,
  storePlan
} from "./chunk-W2R4PFVF.mjs";
import {
  aheadBehind,
  commitTimeMs,
  git,
  gitOut,
  isInside,
  lanesDir,
  loadConfig,
  parseConfig,
  resolveCommit,
  resolveRepo,
  resolveTarget,
  statusPorcelain
} from "./chunk-Z3Z457CP.mjs";
import {
  LANES_DOC,
  emptyLanes
} from "./chunk-6SIQ243J.mjs";
import {
  LanesError,
  errorMessage,
  isLanesError,
  slugify
} from "./chunk-HJMLCJJU.mjs";
import {
  __toESM
} from "./chunk-4OAWNEMU.mjs";

// src/version.ts
var VERSION = "0.1.0";

// src/core/planning.ts
import path4 from "node:path";

// src/system/resources.ts
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
var MB = 1024 * 1024;
var cache = /* @__PURE__ */ new Map();
async function readResources(p, opts = {}) {
  const siTimeoutMs = opts.siTimeoutMs ?? 1500;
  const maxAgeMs = opts.maxAgeMs ?? 2e3;
  const key = `${path.resolve(p)}\0${siTimeoutMs}`;
  const now = Date.now();
  for (const [k, v] of cache) if (now - v.at > 6e4) cache.delete(k);
  const hit = cache.get(key);
  if (hit && now - hit.at <= maxAgeMs) return hit.value;
  const value = measure(path.resolve(p), siTimeoutMs);
  cache.set(key, { at: now, value });
  return value;
}
async function measure(p, siTimeoutMs) {
  const t0 = performance.now();
  const win = process.platform === "win32";
  const si = siTimeoutMs > 0 ? withTimeout(import("./lib-VVZUBHAL.mjs").then((m) => m.default), siTimeoutMs) : Promise.resolve(void 0);
  const deadline = Date.now() + siTimeoutMs;
  const siCall = (f) => si.then((s) => s ? withTimeout(f(s), Math.max(0, deadline - Date.now())) : void 0);
  const [siMem, siLoad, disk] = await Promise.all([
    siCall((s) => s.mem()),
    win ? siCall((s) => s.currentLoad()) : Promise.resolve(void 0),
    diskOf(p)
  ]);
  const cg = process.platform === "linux" ? readCgroupLimits() : {};
  let cpus = Math.max(1, os.availableParallelism());
  let cpuSource = "os";
  if (cg.cpus !== void 0 && cg.cpus < cpus) [cpus, cpuSource] = [cg.cpus, "cgroup"];
  let load1 = os.loadavg()[0] ?? 0;
  let loadSource = "os";
  if (win) {
    const pct = siLoad?.currentLoad;
    [load1, loadSource] = typeof pct === "number" && Number.isFinite(pct) ? [pct / 100 * cpus, "systeminformation"] : [0, "unavailable"];
  }
  let memSource = "os";
  let memTotal = os.totalmem();
  let memAvail = os.freemem();
  if (siMem && siMem.total > 0 && Number.isFinite(siMem.available) && siMem.available > 0) {
    [memTotal, memAvail, memSource] = [siMem.total, siMem.available, "systeminformation"];
  }
  if (cg.memLimit !== void 0 && cg.memLimit < memTotal) {
    memTotal = cg.memLimit;
    memSource = "cgroup";
  }
  if (cg.memAvailable !== void 0 && cg.memAvailable < memAvail) {
    memAvail = cg.memAvailable;
    memSource = "cgroup";
  }
  return {
    cpus,
    load1: round2(load1),
    load_per_cpu: round2(load1 / cpus),
    mem_total_mb: Math.floor(memTotal / MB),
    mem_available_mb: Math.floor(Math.min(memAvail, memTotal) / MB),
    disk_free_mb: disk.free,
    disk_total_mb: disk.total,
    disk_path: disk.path,
    sources: { cpus: cpuSource, load: loadSource, memory: memSource, disk: disk.source },
    took_ms: Math.round(performance.now() - t0)
  };
}
async function diskOf(p) {
  for (let dir = p; ; dir = path.dirname(dir)) {
    try {
      const s = await fs.promises.statfs(dir);
      return { free: Math.floor(s.bavail * s.bsize / MB), total: Math.floor(s.blocks * s.bsize / MB), path: dir, source: "statfs" };
    } catch {
      if (path.dirname(dir) === dir) return { free: 0, total: 0, path: p, source: "unavailable" };
    }
  }
}
function withTimeout(p, ms) {
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(void 0), ms);
    t.unref();
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      () => (clearTimeout(t), resolve(void 0))
    );
  });
}
function round2(n) {
  return Math.round(n * 100) / 100;
}
function readCgroupLimits(read = readText, root = "/sys/fs/cgroup") {
  const out = {};
  const self = read("/proc/self/cgroup") ?? "";
  const unlimited = (n) => !Number.isFinite(n) || n <= 0 || n >= 2 ** 60;
  const minInto = (k, v) => {
    out[k] = Math.min(out[k] ?? Infinity, v);
  };
  for (const line of self.split("\n")) {
    const m = /^\d+:([^:]*):(.*)$/.exec(line.trim());
    if (!m) continue;
    const [controllers, rel] = [m[1].split(","), m[2]];
    const v2 = controllers.length === 1 && controllers[0] === "";
    const mems = v2 ? root : controllers.includes("memory") ? path.join(root, "memory") : void 0;
    const cpus = v2 ? root : controllers.includes("cpu") ? path.join(root, controllers.join(",")) : void 0;
    for (const dir of ancestors(rel)) {
      if (mems) {
        const limitText = read(path.join(mems, dir, v2 ? "memory.max" : "memory.limit_in_bytes"))?.trim();
        const limit = limitText === void 0 || limitText === "max" ? NaN : Number(limitText);
        if (!unlimited(limit)) {
          minInto("memLimit", limit);
          const usage = Number(read(path.join(mems, dir, v2 ? "memory.current" : "memory.usage_in_bytes"))?.trim());
          const stat = read(path.join(mems, dir, "memory.stat")) ?? "";
          const inactive = Number(new RegExp(`^${v2 ? "" : "total_"}inactive_file (\\d+)$`, "m").exec(stat)?.[1] ?? 0);
          if (Number.isFinite(usage)) minInto("memAvailable", Math.max(0, limit - Math.max(0, usage - inactive)));
        }
      }
      if (cpus) {
        let quota = NaN;
        let period = NaN;
        if (v2) {
          const [q, per] = (read(path.join(cpus, dir, "cpu.max")) ?? "").trim().split(/\s+/);
          [quota, period] = [q === "max" ? NaN : Number(q), Number(per)];
        } else {
          quota = Number(read(path.join(cpus, dir, "cpu.cfs_quota_us"))?.trim());
          period = Number(read(path.join(cpus, dir, "cpu.cfs_period_us"))?.trim());
        }
        if (quota > 0 && period > 0) minInto("cpus", Math.max(1, Math.ceil(quota / period)));
      }
    }
  }
  return out;
}
function ancestors(rel) {
  const parts = rel.split("/").filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, parts.length - i).join("/")}`).concat("/");
}
function readText(file) {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return void 0;
  }
}

// src/core/parallelism.ts
import fs2 from "node:fs";
import path2 from "node:path";
var AGENTS_PER_IDLE_CPU = 2;
function recommendParallelism(res, cfg, opts = {}) {
  const r = cfg.resources;
  const limits = [];
  const why = /* @__PURE__ */ new Map();
  const add = (by, value, text) => {
    limits.push({ by, value: Math.max(0, Math.floor(value)) });
    why.set(by, text);
  };
  add("max_parallel", cfg.max_parallel, `max_parallel is ${cfg.max_parallel} in .lanes/config.json`);
  if (opts.width !== void 0) add("plan_width", opts.width, `the plan's widest wave has ${opts.width} task${opts.width === 1 ? "" : "s"}`);
  if (r.memory_per_agent_mb > 0) {
    const spare = res.mem_available_mb - r.min_free_memory_mb;
    const v = spare / r.memory_per_agent_mb;
    add("memory", v, `memory: ${res.mem_available_mb} MB available, ${r.min_free_memory_mb} MB kept free, ${r.memory_per_agent_mb} MB per agent \u2192 ${Math.max(0, Math.floor(v))}`);
  }
  if (res.sources?.disk !== "unavailable") {
    const perLane = r.disk_per_lane_mb > 0 ? r.disk_per_lane_mb : opts.lane_disk_mb;
    const spare = res.disk_free_mb - r.min_free_disk_mb;
    if (perLane !== void 0 && perLane > 0) {
      const v = spare / perLane;
      add("disk", v, `disk: ${res.disk_free_mb} MB free, ${r.min_free_disk_mb} MB kept free, ${perLane} MB per lane \u2192 ${Math.max(0, Math.floor(v))}`);
    } else if (spare < 0) {
      add("disk", 0, `disk: ${res.disk_free_mb} MB free is below the ${r.min_free_disk_mb} MB floor`);
    }
  }
  const pressure = Math.max(1, 2 * Math.max(0, res.load_per_cpu) / r.max_load_per_cpu);
  const cpu = Math.max(1, Math.floor(AGENTS_PER_IDLE_CPU * res.cpus / pressure));
  add("cpu", cpu, `cpu: ${res.cpus} CPU${res.cpus === 1 ? "" : "s"} at load ${res.load_per_cpu} per CPU (busy at ${r.max_load_per_cpu}) \u2192 ${cpu}`);
  const min = Math.min(...limits.map((l) => l.value));
  const parallelism = Math.max(1, min);
  const binding = limits.filter((l) => l.value === min).map((l) => why.get(l.by));
  let reason = `${parallelism} at once, limited by ${binding.join("; and ")}`;
  if (min < 1) reason += ". Below the floor, so only 1 lane runs; free some resources or lower the floors in .lanes/config.json";
  return { parallelism, limits, reason };
}
var SAMPLE_LIMIT = 5e4;
async function estimateLaneDiskMb(repoDir, opts = {}) {
  const top = await gitOut(repoDir, ["rev-parse", "--show-toplevel"], { readOnly: true });
  const out = (await git(top, ["ls-files", "-z", "--cached"], { readOnly: true })).stdout;
  const files = out.split("\0").filter(Boolean);
  if (files.length === 0) return 1;
  const stride = Math.max(1, files.length / (opts.sampleLimit ?? SAMPLE_LIMIT));
  const sample = [];
  for (let i = 0; i < files.length; i += stride) sample.push(files[Math.floor(i)]);
  let bytes = 0;
  for (let i = 0; i < sample.length; i += 1e3) {
    for (const f of sample.slice(i, i + 1e3)) {
      const st = fs2.lstatSync(path2.join(top, f), { throwIfNoEntry: false });
      if (!st || !st.isFile() && !st.isSymbolicLink()) continue;
      bytes += st.blocks > 0 ? st.blocks * 512 : Math.ceil(st.size / 4096) * 4096;
    }
    await new Promise((r) => setImmediate(r));
  }
  const indexBytes = files.reduce((n, f) => n + 72 + f.length, 0);
  const total = bytes * files.length / sample.length + indexBytes;
  return Math.max(1, Math.ceil(total / (1024 * 1024)));
}

// src/core/plan/sources.ts
var import_yaml = __toESM(require_dist(), 1);
import fs3 from "node:fs/promises";
import path3 from "node:path";

// src/core/plan/roadmap.ts
var HEADING = /^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
var PRIORITY = /^priority\s+#?(\d+)\s*(?:[:.)\-\u2013\u2014]\s*)?(.*)$/i;
var META = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?\s*(status|depends on|depends|dependencies|files|estimate)\s*(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.*?)\s*$/i;
var BULLET = /^\s*[-*+]\s+(.+?)\s*$/;
var PLANNED = /^(planned|todo|to do|not started|pending|ready)\b/;
function fail(file, line, msg, hint) {
  return new LanesError("INVALID_INPUT", `${file}:${line}: ${msg}`, { hint, details: { file, line } });
}
function sections(text) {
  const out = [];
  let cur;
  let fence = false;
  text.split(/\r?\n/).forEach((raw, i) => {
    const delimiter = /^\s*(```|~~~)/.test(raw);
    if (delimiter) fence = !fence;
    const h = fence ? null : HEADING.exec(raw);
    if (h) {
      const level = h[1].length;
      if (cur && level <= cur.level) cur = void 0;
      const p = PRIORITY.exec(h[2]);
      if (p) {
        cur = { n: Number(p[1]), title: p[2].trim(), line: i + 1, level, body: [] };
        out.push(cur);
        return;
      }
    }
    cur?.body.push({ text: raw, line: i + 1, fenced: fence || delimiter });
  });
  return out;
}
var unmark = (s) => s.replace(/[`*_]/g, "").trim();
function hours(value, file, line) {
  const m = /^~?\s*(\d+(?:\.\d+)?)\s*(h|hrs?|hours?|m|mins?|minutes?|d|days?)?\.?$/i.exec(unmark(value));
  if (!m) throw fail(file, line, `cannot read the estimate "${value}"`, 'Write the estimate in hours, e.g. "Estimate: 3h", "90m" or "1.5 hours".');
  const x = Number(m[1]);
  const unit = (m[2] ?? "h").toLowerCase();
  return unit.startsWith("m") ? x / 60 : unit.startsWith("d") ? x * 8 : x;
}
function fileItems(value) {
  const ticked = [...value.matchAll(/`([^`]+)`/g)].map((m) => m[1].trim());
  if (ticked.length) return ticked;
  return value.split(",").map(unmark).filter(Boolean);
}
function parseRoadmap(text, file) {
  const all = sections(text);
  if (all.length === 0) {
    throw new LanesError("INVALID_INPUT", `${file}: no "### PRIORITY N: Title" sections found.`, {
      hint: 'Give each piece of work a heading like "### PRIORITY 1: Add login" with a "Status: Planned" line under it.'
    });
  }
  const byN = /* @__PURE__ */ new Map();
  for (const s of all) {
    const prev = byN.get(s.n);
    if (prev) throw fail(file, s.line, `PRIORITY ${s.n} is used twice (also line ${prev.line})`, "Give each section its own priority number.");
    byN.set(s.n, s);
  }
  const status2 = /* @__PURE__ */ new Map();
  for (const s of all) {
    const line = s.body.find((b) => !b.fenced && META.exec(b.text)?.[1]?.toLowerCase() === "status");
    const value = line ? unmark(META.exec(line.text)[2]) : "";
    status2.set(s.n, value.toLowerCase().replace(/^[^a-z]+/, ""));
  }
  const planned = all.filter((s) => PLANNED.test(status2.get(s.n) ?? ""));
  if (planned.length === 0) {
    const seen = [...new Set(all.map((s) => status2.get(s.n) || "no status"))].join(", ");
    throw new LanesError("INVALID_INPUT", `${file}: no section is Planned (statuses found: ${seen}).`, {
      hint: 'Mark the sections to do with a "Status: Planned" line.'
    });
  }
  const idOf = (s) => {
    const prefix = `p${s.n}-`;
    return prefix + slugify(s.title || `priority ${s.n}`, 63 - prefix.length);
  };
  return planned.map((s) => {
    const task = { id: idOf(s), title: (s.title || `Priority ${s.n}`).slice(0, PLAN_LIMITS.maxTitle) };
    const desc = [];
    const deps = [];
    const files = [];
    let fileList = "no";
    for (const b of s.body) {
      if (b.fenced) {
        desc.push(b.text);
        fileList = "no";
        continue;
      }
      const bullet = BULLET.exec(b.text);
      if (fileList !== "no" && bullet && !META.test(b.text)) {
        files.push(...fileItems(bullet[1]));
        fileList = "list";
        continue;
      }
      if (!(fileList === "await" && b.text.trim() === "")) fileList = "no";
      const m = META.exec(b.text);
      if (!m) {
        desc.push(b.text);
        continue;
      }
      const key = m[1].toLowerCase();
      const value = m[2];
      if (key === "files") {
        files.push(...fileItems(value));
        fileList = value === "" ? "await" : "no";
      } else if (key === "estimate") task.estimate = hours(value, file, b.line);
      else if (key !== "status") deps.push(...dependencies(value, byN, status2, idOf, file, b.line));
    }
    const description = desc.join("\n").trim();
    if (description) task.description = description.slice(0, PLAN_LIMITS.maxDescription);
    if (deps.length) task.depends_on = [...new Set(deps)];
    if (files.length) task.files = files;
    return task;
  });
}
function dependencies(value, byN, status2, idOf, file, line) {
  const out = [];
  for (const raw of value.split(/,|;|\band\b/i)) {
    const item = unmark(raw);
    if (!item || /^(none|nothing|n\/a|-)$/i.test(item)) continue;
    const ref = /^(?:priority|p)\s*#?(\d+)$/i.exec(item);
    if (!ref) {
      out.push(item);
      continue;
    }
    const target = byN.get(Number(ref[1]));
    if (!target) throw fail(file, line, `"${item}" names no PRIORITY section`, 'Depend on an existing "PRIORITY N" or on a task id.');
    if (PLANNED.test(status2.get(target.n) ?? "")) out.push(idOf(target));
  }
  return out;
}

// src/core/plan/sources.ts
async function loadTasksSource(file) {
  const text = await readSource(file);
  const ext = path3.extname(file).toLowerCase();
  if (ext === ".md" || ext === ".markdown") return parseRoadmap(text, file);
  const json = ext === ".json" || ext !== ".yaml" && ext !== ".yml" && /^\s*[[{]/.test(text);
  return taskList(json ? parseJson(text, file) : parseYamlText(text, file), file);
}
async function readSource(file) {
  let stat;
  try {
    stat = await fs3.stat(file);
  } catch (e) {
    if (e.code === "ENOENT") {
      throw new LanesError("NOT_FOUND", `Tasks file not found: ${file}`, {
        hint: "Pass the path of a tasks .yaml/.json file or a ROADMAP.md, relative to the current directory."
      });
    }
    throw new LanesError("INVALID_INPUT", `Cannot read tasks file ${file}: ${e.message}`, { cause: e });
  }
  if (!stat.isFile()) {
    throw new LanesError("INVALID_INPUT", `Not a file: ${file}`, { hint: "Pass a tasks .yaml/.json file or a ROADMAP.md." });
  }
  if (stat.size > PLAN_LIMITS.maxSourceBytes) {
    throw new LanesError("INVALID_INPUT", `Tasks file ${file} is ${stat.size} bytes, more than the ${PLAN_LIMITS.maxSourceBytes} allowed.`, {
      hint: "Split the plan, or move long descriptions out of the tasks file."
    });
  }
  return (await fs3.readFile(file, "utf8")).replace(/^\uFEFF/, "");
}
function syntaxError(file, kind, line, col, reason) {
  const where = line === void 0 ? file : `${file}:${line}${col === void 0 ? "" : `:${col}`}`;
  return new LanesError("INVALID_INPUT", `${where}: invalid ${kind}: ${reason}`, {
    hint: `Fix the ${kind} syntax${line === void 0 ? "" : ` at line ${line}`} and try again.`,
    details: { file, ...line === void 0 ? {} : { line }, ...col === void 0 ? {} : { column: col } }
  });
}
function parseJson(text, file) {
  try {
    return JSON.parse(text);
  } catch (e) {
    const reason = e.message.replace(/,? "[\s\S]*" is not valid JSON$/, "").replace(/ in JSON at position \d+.*$/, "");
    const at = jsonErrorOffset(text);
    const before = text.slice(0, at);
    const line = before.split("\n").length;
    return throwIt(syntaxError(file, "JSON", line, at - before.lastIndexOf("\n"), reason));
  }
}
var SCALAR = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
function jsonErrorOffset(text) {
  let i = 0;
  const ws = () => {
    while (i < text.length && " 	\n\r".includes(text[i])) i++;
  };
  const fail2 = () => {
    throw i;
  };
  const value = (depth) => {
    ws();
    const c = text[i];
    if (depth > 512) fail2();
    if (c === "{" || c === "[") {
      const close = c === "{" ? "}" : "]";
      i++;
      ws();
      if (text[i] === close) return void i++;
      for (; ; ) {
        if (c === "{") {
          ws();
          if (text[i] !== '"') fail2();
          value(depth + 1);
          ws();
          if (text[i] !== ":") fail2();
          i++;
        }
        value(depth + 1);
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === close) return void i++;
        else fail2();
      }
    }
    SCALAR.lastIndex = i;
    if (!SCALAR.test(text)) fail2();
    i = SCALAR.lastIndex;
  };
  try {
    value(0);
    ws();
    if (i < text.length) fail2();
  } catch (at) {
    if (typeof at === "number") return at;
    throw at;
  }
  return i;
}
function parseYamlText(text, file) {
  try {
    return (0, import_yaml.parse)(text);
  } catch (e) {
    if (e instanceof import_yaml.YAMLParseError) {
      const pos = e.linePos?.[0];
      return throwIt(syntaxError(file, "YAML", pos?.line, pos?.col, e.message.split(" at line ")[0] ?? e.message));
    }
    return throwIt(syntaxError(file, "YAML", void 0, void 0, e.message));
  }
}
function throwIt(e) {
  throw e;
}
function taskList(doc, file) {
  if (Array.isArray(doc)) return doc;
  if (doc && typeof doc === "object" && Array.isArray(doc.tasks)) return doc.tasks;
  throw new LanesError("INVALID_INPUT", `${file}: expected a list of tasks or an object with a "tasks" list.`, {
    hint: "Write `tasks:` followed by entries like `- id: api-auth` / `title: Add login` / `files: [src/api/**]`."
  });
}

// src/core/planning.ts
async function planWork(lanes, input, cwd) {
  if (input.tasks === void 0 === (input.source === void 0)) {
    throw new LanesError("INVALID_INPUT", "Give either `tasks` (a list) or `source` (a path to a tasks file or ROADMAP.md), not both or neither.", {
      hint: 'Example: { "tasks": [{ "id": "api", "title": "Build the API", "files": ["src/api/**"] }] }'
    });
  }
  let tasks = input.tasks;
  let source;
  if (input.source !== void 0) {
    source = path4.resolve(cwd, input.source);
    tasks = await loadTasksSource(source);
  }
  const cfg = await lanes.config();
  const draft = buildPlan(tasks, { parallelism: cfg.max_parallel });
  const width = Math.max(1, ...draft.waves.map((w) => w.length));
  const resources = await readResources(lanes.repo.mainRoot);
  const rec = recommendParallelism(resources, cfg, { width });
  const plan = await storePlan(lanes.store, tasks, {
    parallelism: rec.parallelism,
    ...source ? { source: path4.relative(lanes.repo.mainRoot, source) || source } : {},
    ...input.replace ? { replace: true } : {}
  });
  return {
    plan,
    recommended_parallelism: rec.parallelism,
    parallelism_reason: rec.reason,
    limits: rec.limits,
    resources,
    at_max_parallel: {
      parallelism: Math.min(cfg.max_parallel, width),
      parallel_hours: draft.parallel_hours,
      speedup: draft.speedup
    }
  };
}

// src/render/plan.ts
function renderPlan(plan, tasks) {
  const lines = [];
  const status2 = (id) => tasks?.[id] ? ` [${tasks[id].status}]` : "";
  lines.push(`Plan: ${plan.tasks.length} tasks in ${plan.waves.length} waves${plan.source ? ` (from ${plan.source})` : ""}`);
  plan.waves.forEach((w, i) => lines.push(`  wave ${i + 1}: ${w.map((id) => id + status2(id)).join(", ")}`));
  if (plan.conflicts.length) {
    lines.push(`Conflicts (never run together): ${plan.conflicts.length}`);
    for (const c of plan.conflicts.slice(0, 20)) lines.push(`  ${c.a} <-> ${c.b}: ${c.files.join("; ")}`);
    if (plan.conflicts.length > 20) lines.push(`  ... ${plan.conflicts.length - 20} more`);
  } else {
    lines.push("Conflicts: none (every pair of tasks touches disjoint files)");
  }
  lines.push(`Critical path: ${plan.critical_path.join(" -> ")} (${plan.critical_path_hours} h)`);
  lines.push(
    `Sequential ${plan.sequential_hours} h; parallel ${plan.parallel_hours} h at parallelism ${plan.parallelism} (lower bound ${plan.lower_bound_hours} h); speedup ${plan.speedup}x`
  );
  for (const w of plan.warnings ?? []) lines.push(`Warning: ${w}`);
  return lines.join("\n");
}
function renderPlanWork(r) {
  const lines = [renderPlan(r.plan), `Recommended parallelism: ${r.recommended_parallelism} (${r.parallelism_reason})`];
  const m = r.at_max_parallel;
  if (m.parallelism > r.recommended_parallelism) {
    lines.push(`With ${m.parallelism} lanes (when the machine allows): ${m.parallel_hours} h, speedup ${m.speedup}x`);
  }
  return lines.join("\n");
}

// src/core/lanes/cleanup.ts
import path5 from "node:path";
async function cleanupLanes(lanes) {
  const recovered = await recoverOrphans(lanes);
  const out = { removed: [], kept: [], freed_bytes: 0, recovered: recovered.length };
  const doc = (await lanes.store.read(LANES_DOC, emptyLanes)).data;
  const { tasks } = await readPlan(lanes.store);
  for (const lane of Object.values(doc).sort((x, y) => x.task.localeCompare(y.task))) {
    const keep = (reason) => out.kept.push({ task_id: lane.task, path: lane.path, reason });
    if (lane.state === "starting") {
      keep(`still being started by ${lane.owner}`);
      continue;
    }
    try {
      const t = tasks[lane.task];
      const a = await assessLane(lanes, lane, t);
      if (a.unlanded.length) {
        keep(`${a.unlanded.length}${a.unlanded.length >= 20 ? "+" : ""} commit(s) not landed on ${lane.target}${a.exists ? "" : " (directory missing; recreate it with `git worktree add " + lane.path + " " + lane.branch + "`)"}:
${describeCommits(a.unlanded)}`);
        continue;
      }
      if (a.exists && a.dirty.length) {
        keep(`${a.dirty.length} uncommitted file(s), e.g. ${a.dirty[0].path}`);
        continue;
      }
      const stale = !a.exists;
      if (!stale && t?.status === "in_progress" && !t.landed_as) {
        keep(`task in progress (owner ${t.owner ?? lane.owner})`);
        continue;
      }
      const size = a.exists ? await diskUsage(lane.path) : 0;
      await teardownLane(lanes, lane, a);
      const reason = stale ? "stale record: directory missing, nothing unlanded" : lane.state === "broken" ? "broken lane with nothing to lose" : `finished (${a.landedBy === "no-commits" ? "no commits" : "landed"}) and clean`;
      out.removed.push({ task_id: lane.task, path: lane.path, reason, freed_bytes: size });
      out.freed_bytes += size;
    } catch (e) {
      keep(errorMessage(e));
    }
  }
  const cfg = await lanes.config();
  const dir = lanesDir(lanes.repo, cfg.worktrees.dir);
  const known = new Set(Object.values(doc).map((l) => l.path));
  for (const w of await listWorktrees(lanes.repo.mainRoot)) {
    if (known.has(w.path) || !isInside(dir, w.path) || w.path === dir) continue;
    out.kept.push({ path: w.path, reason: `not a lane (no Lanes record)${w.branch ? ` on ${w.branch.replace(/^refs\/heads\//, "")}` : ""}; Lanes leaves it alone \u2014 remove it with git worktree remove if it is unneeded` });
  }
  out.kept.sort((x, y) => path5.basename(x.path).localeCompare(path5.basename(y.path)));
  return out;
}

// src/core/lanes/list.ts
import fs4 from "node:fs";
import path6 from "node:path";
var MAX_DIRTY = 50;
async function listLanes(lanes) {
  await recoverOrphans(lanes);
  const cfg = await lanes.config();
  const root = lanes.repo.mainRoot;
  const [doc, { tasks }, worktrees, targetSha] = await Promise.all([
    lanes.store.read(LANES_DOC, emptyLanes),
    readPlan(lanes.store),
    listWorktrees(root),
    resolveCommit(root, cfg.target)
  ]);
  const byPath = new Map(worktrees.map((w) => [w.path, w]));
  const records = Object.values(doc.data).sort((a, b) => a.task.localeCompare(b.task));
  const views = await mapLimit(records, 4, async (rec) => {
    const wt = byPath.get(rec.path);
    const v = { task_id: rec.task, kind: "lane", state: rec.state, owner: rec.owner, path: rec.path, branch: rec.branch, base: rec.base, missing: !fs4.existsSync(rec.path), dirty: [], dirty_count: 0, untracked_count: 0 };
    const ts = tasks[rec.task]?.status;
    if (ts) v.task_status = ts;
    if (rec.problem) v.problem = rec.problem;
    if (wt?.locked !== void 0) v.locked = wt.locked;
    if (wt?.prunable !== void 0) v.prunable = wt.prunable;
    await describe(lanes, v, `refs/heads/${rec.branch}`, targetSha, rec.base);
    return v;
  });
  let dir;
  try {
    dir = lanesDir(lanes.repo, cfg.worktrees.dir);
  } catch {
    dir = void 0;
  }
  const known = new Set(records.map((r) => r.path));
  const foreign = worktrees.filter((w) => dir && !known.has(w.path) && isInside(dir, w.path) && w.path !== dir);
  const foreignViews = await mapLimit(foreign, 4, async (w) => {
    const v = { kind: "foreign", path: w.path, missing: !fs4.existsSync(w.path), dirty: [], dirty_count: 0, untracked_count: 0 };
    if (w.branch) v.branch = w.branch.replace(/^refs\/heads\//, "");
    if (w.locked !== void 0) v.locked = w.locked;
    if (w.prunable !== void 0) v.prunable = w.prunable;
    await describe(lanes, v, w.branch ?? w.head ?? "HEAD", targetSha, void 0);
    return v;
  });
  const out = { target: cfg.target, lanes: [...views, ...foreignViews] };
  if (targetSha) out.target_sha = targetSha;
  return out;
}
async function describe(lanes, v, ref, targetSha, base) {
  const root = lanes.repo.mainRoot;
  const tip = await resolveCommit(root, ref).catch(() => void 0);
  if (tip) v.head = tip;
  const jobs = [];
  if (!v.missing) {
    jobs.push(
      statusPorcelain(v.path, { collapseUntracked: true }).then(
        (st) => {
          v.dirty_count = st.length;
          v.untracked_count = st.filter((e) => e.code === "??").length;
          v.dirty = st.slice(0, MAX_DIRTY).map((e) => `${e.code.trim()} ${e.path}`);
        },
        (e) => {
          v.problem = v.problem ?? `git status failed: ${e.message.split("\n")[0]}`;
        }
      )
    );
  }
  if (tip && targetSha) {
    jobs.push(aheadBehind(root, tip, targetSha).then((ab) => Object.assign(v, ab)));
  }
  if (base && targetSha) {
    jobs.push(
      git(root, ["rev-list", "--count", `${base}..${targetSha}`], { readOnly: true }).then((r) => {
        v.base_behind_target = Number.parseInt(r.stdout.trim(), 10) || 0;
      })
    );
  }
  let last = 0;
  if (tip) jobs.push(commitTimeMs(root, tip).then((t) => last = Math.max(last, t)));
  const admin = adminDirFor(lanes.repo.commonDir, v.path);
  if (admin) {
    try {
      last = Math.max(last, fs4.statSync(path6.join(admin, "index")).mtimeMs);
    } catch {
    }
  }
  await Promise.all(jobs.map((j) => j.catch(() => void 0)));
  if (last > 0) v.last_activity = new Date(last).toISOString();
}
async function mapLimit(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

// src/core/doctor.ts
import fs5 from "node:fs";
import path7 from "node:path";
var MIN_GIT = [2, 38];
function parseGitVersion(out) {
  const m = /git version (\d+)\.(\d+)(?:\.(\d+))?/.exec(out);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : void 0;
}
function gitVersionCheck(versionOutput) {
  const v = parseGitVersion(versionOutput);
  const need = `${MIN_GIT[0]}.${MIN_GIT[1]}`;
  if (!v) {
    return { name: "git", ok: false, level: "error", detail: `could not read the git version from ${JSON.stringify(versionOutput.trim())}`, fix: `Install git >= ${need}.` };
  }
  const [major, minor] = v;
  const shown = `${major}.${minor}`;
  if (major > MIN_GIT[0] || major === MIN_GIT[0] && minor >= MIN_GIT[1]) {
    return { name: "git", ok: true, level: "info", detail: `git ${v.join(".")}` };
  }
  return {
    name: "git",
    ok: false,
    level: "error",
    detail: `git ${shown} is too old: Lanes needs git >= ${need} for git merge-tree --write-tree`,
    fix: `Upgrade git to ${need} or newer.`
  };
}
async function checkResources(cwd, opts = {}) {
  const resourcesP = readResources(cwd, opts);
  const [gitCheck, repoOrErr] = await Promise.all([
    guard("git", async () => gitVersionCheck((await git(cwd, ["--version"], { readOnly: true })).stdout)),
    resolveRepo(cwd).catch((e) => e)
  ]);
  const checks = [gitCheck];
  let cfg;
  let laneDiskMb;
  if (repoOrErr instanceof Error || !repoOrErr) {
    const e = repoOrErr;
    checks.push({
      name: "repository",
      ok: false,
      level: "error",
      detail: isLanesError(e) ? e.message : errorMessage(e),
      fix: isLanesError(e) && e.hint ? e.hint : "Run Lanes from inside a git repository."
    });
  } else {
    const repo = repoOrErr;
    checks.push({ name: "repository", ok: true, level: "info", detail: repo.mainRoot });
    checks.push(
      repo.hasCommits ? { name: "commits", ok: true, level: "info", detail: "HEAD has a commit" } : {
        name: "commits",
        ok: false,
        level: "error",
        detail: "the repository has no commits yet, so there is nothing to branch lanes from",
        fix: 'Make a first commit, e.g. git commit --allow-empty -m "initial commit".'
      }
    );
    let configCheck;
    [cfg, configCheck] = await loadConfigChecked(repo);
    checks.push(configCheck);
    const config = cfg;
    const more = await Promise.all([
      repo.hasCommits ? guard("target", () => targetCheck(repo, config.target)) : void 0,
      guard("main worktree", () => cleanCheck(repo)),
      guard("state dir", () => stateDirCheck(repo)),
      guard("worktrees dir", () => worktreesDirCheck(repo, config)),
      repo.hasCommits && config.resources.disk_per_lane_mb === 0 ? estimateLaneDiskMb(repo.worktreeRoot).catch(() => void 0) : void 0
    ]);
    laneDiskMb = more.pop();
    for (const c of more) if (c) checks.push(c);
  }
  cfg ??= parseConfig({}, "defaults");
  const resources = await resourcesP;
  checks.push(...resourceChecks(resources, cfg, laneDiskMb));
  const parallelism = recommendParallelism(resources, cfg, laneDiskMb === void 0 ? {} : { lane_disk_mb: laneDiskMb });
  return { ok: checks.every((c) => c.ok || c.level !== "error"), checks, resources, parallelism };
}
async function guard(name, f) {
  try {
    return await f();
  } catch (e) {
    return { name, ok: false, level: "error", detail: errorMessage(e), fix: isLanesError(e) ? e.hint : void 0 };
  }
}
async function loadConfigChecked(repo) {
  try {
    const cfg = await loadConfig(repo.worktreeRoot, { repo });
    return [cfg, { name: "config", ok: true, level: "info", detail: `valid (target branch ${cfg.target})` }];
  } catch (e) {
    const target = await resolveTarget(repo).catch(() => "main");
    return [
      parseConfig({}, "defaults", { defaultTarget: target }),
      { name: "config", ok: false, level: "error", detail: isLanesError(e) ? e.message : errorMessage(e), fix: isLanesError(e) ? e.hint : void 0 }
    ];
  }
}
async function targetCheck(repo, target) {
  const r = await git(repo.worktreeRoot, ["rev-parse", "--verify", "--quiet", `refs/heads/${target}^{commit}`], { readOnly: true, okCodes: [1, 128] });
  if (r.exitCode === 0) return { name: "target", ok: true, level: "info", detail: `branch ${target} at ${r.stdout.trim().slice(0, 12)}` };
  return {
    name: "target",
    ok: false,
    level: "error",
    detail: `the target branch ${target} does not exist`,
    fix: `Create it (git branch ${target}) or set "target" in .lanes/config.json to the branch lanes should land on.`
  };
}
async function cleanCheck(repo) {
  const out = (await git(repo.mainRoot, ["status", "--porcelain", "-z", "--untracked-files=no"], { readOnly: true })).stdout;
  const files = [];
  const parts = out.split("\0");
  for (let i = 0; i < parts.length; i++) {
    const e = parts[i];
    if (e.length < 4) continue;
    files.push(e.slice(3));
    if (e[0] === "R" || e[0] === "C") i++;
  }
  if (files.length === 0) return { name: "main worktree", ok: true, level: "info", detail: "clean" };
  const shown = files.slice(0, 10).join(", ") + (files.length > 10 ? `, and ${files.length - 10} more` : "");
  return {
    name: "main worktree",
    ok: false,
    level: "warn",
    detail: `${files.length} uncommitted change${files.length === 1 ? "" : "s"} in ${repo.mainRoot}: ${shown}`,
    fix: "Commit or stash them: Lanes will not advance a checked-out target branch over uncommitted changes."
  };
}
async function stateDirCheck(repo) {
  const name = "state dir";
  let st;
  try {
    st = await fs5.promises.lstat(repo.stateDir);
  } catch (e) {
    if (e.code === "ENOENT") return { name, ok: true, level: "info", detail: `${repo.stateDir} (created on first use)` };
    throw e;
  }
  if (st.isSymbolicLink()) {
    return {
      name,
      ok: false,
      level: "error",
      detail: `${repo.stateDir} is a symlink; Lanes refuses to keep its state through one`,
      fix: `Remove the symlink (rm ${repo.stateDir}); Lanes recreates the directory.`
    };
  }
  if (!st.isDirectory()) {
    return { name, ok: false, level: "error", detail: `${repo.stateDir} is not a directory`, fix: `Move ${repo.stateDir} out of the way.` };
  }
  return { name, ok: true, level: "info", detail: repo.stateDir };
}
async function worktreesDirCheck(repo, cfg) {
  const name = "worktrees dir";
  const root = fs5.realpathSync(repo.mainRoot);
  const want = path7.join(root, cfg.worktrees.dir);
  let existing = want;
  while (!fs5.lstatSync(existing, { throwIfNoEntry: false }) && existing !== root) existing = path7.dirname(existing);
  let real;
  try {
    real = await fs5.promises.realpath(existing);
  } catch {
    return {
      name,
      ok: false,
      level: "error",
      detail: `${path7.relative(root, existing)} is a dangling symlink`,
      fix: "Replace it with a real directory inside the repository."
    };
  }
  if (real === root || real.startsWith(root + path7.sep)) return { name, ok: true, level: "info", detail: want };
  return {
    name,
    ok: false,
    level: "error",
    detail: `${path7.relative(root, existing) || existing} resolves to ${real}, outside the repository`,
    fix: `Replace the symlink with a real directory, or set "worktrees.dir" in .lanes/config.json to a path inside the repository.`
  };
}
function resourceChecks(res, cfg, laneDiskMb) {
  const r = cfg.resources;
  const out = [];
  const cpuDetail = `${res.cpus} CPU${res.cpus === 1 ? "" : "s"}, load ${res.load1} (${res.load_per_cpu} per CPU)`;
  out.push(
    res.load_per_cpu > r.max_load_per_cpu ? {
      name: "cpu",
      ok: false,
      level: "warn",
      detail: `${cpuDetail}, above the ${r.max_load_per_cpu} per CPU limit`,
      fix: "Wait for other work to finish, or raise resources.max_load_per_cpu in .lanes/config.json."
    } : { name: "cpu", ok: true, level: "info", detail: cpuDetail }
  );
  const need = r.min_free_memory_mb + r.memory_per_agent_mb;
  const memDetail = `${res.mem_available_mb} MB available of ${res.mem_total_mb} MB`;
  out.push(
    res.mem_available_mb < need ? {
      name: "memory",
      ok: false,
      level: "warn",
      detail: `${memDetail}: less than one agent (${r.memory_per_agent_mb} MB) above the ${r.min_free_memory_mb} MB floor`,
      fix: "Close other programs, or lower resources.min_free_memory_mb / memory_per_agent_mb in .lanes/config.json."
    } : { name: "memory", ok: true, level: "info", detail: memDetail }
  );
  const lane = r.disk_per_lane_mb || laneDiskMb;
  const diskDetail = `${res.disk_free_mb} MB free of ${res.disk_total_mb} MB at ${res.disk_path}${lane ? `; a lane needs about ${lane} MB` : ""}`;
  if (res.sources.disk === "unavailable") {
    out.push({ name: "disk", ok: false, level: "warn", detail: `could not measure free disk space at ${res.disk_path}` });
  } else if (res.disk_free_mb < r.min_free_disk_mb) {
    out.push({
      name: "disk",
      ok: false,
      level: "error",
      detail: `${diskDetail}: below the ${r.min_free_disk_mb} MB floor`,
      fix: "Free disk space, or lower resources.min_free_disk_mb in .lanes/config.json."
    });
  } else if (lane && res.disk_free_mb < r.min_free_disk_mb + lane) {
    out.push({ name: "disk", ok: false, level: "warn", detail: `${diskDetail}: not enough for one more lane above the ${r.min_free_disk_mb} MB floor`, fix: "Free disk space." });
  } else {
    out.push({ name: "disk", ok: true, level: "info", detail: diskDetail });
  }
  return out;
}

// src/render/doctor.ts
function renderDoctor(d) {
  const lines = d.checks.map((c) => `${c.ok ? "ok  " : c.level === "error" ? "FAIL" : "warn"} ${c.name}: ${c.detail}${!c.ok && c.fix ? `
     fix: ${c.fix}` : ""}`);
  lines.push(`Recommended parallelism: ${d.parallelism.parallelism} (${d.parallelism.reason})`);
  lines.push(d.ok ? "Lanes can run here." : "Lanes cannot run here until the failed checks are fixed.");
  return lines.join("\n");
}

// src/core/status.ts
async function status(lanes, opts = {}) {
  const [{ plan, tasks }, resources, events] = await Promise.all([
    readPlan(lanes.store),
    readResources(lanes.repo.mainRoot),
    lanes.store.readEvents({ limit: opts.events ?? 10 })
  ]);
  return {
    repo: lanes.repo.mainRoot,
    plan: plan && {
      tasks: plan.tasks.length,
      by_status: countByStatus(plan, tasks),
      waves: plan.waves.map((w, i) => ({
        wave: i + 1,
        tasks: w.map((id) => ({ id, status: tasks[id]?.status ?? "planned", ...tasks[id]?.owner ? { owner: tasks[id].owner } : {} }))
      })),
      parallelism: plan.parallelism,
      speedup: plan.speedup
    },
    resources,
    recent_events: events
  };
}

// src/render/status.ts
var MARK = { planned: ".", in_progress: ">", done: "+", blocked: "!", failed: "x" };
function renderStatus(s) {
  const lines = [`Lanes status for ${s.repo}`];
  if (!s.plan) lines.push("Plan: none yet (lanes plan <tasks file>)");
  else {
    const b = s.plan.by_status;
    lines.push(
      `Plan: ${s.plan.tasks} tasks: ${b.done} done, ${b.in_progress} in progress, ${b.planned} planned, ${b.blocked} blocked, ${b.failed} failed (parallelism ${s.plan.parallelism}, predicted speedup ${s.plan.speedup}x)`
    );
    for (const w of s.plan.waves) {
      lines.push(`  wave ${w.wave}: ${w.tasks.map((t) => `${MARK[t.status] ?? "?"}${t.id}${t.owner ? `@${t.owner}` : ""}`).join("  ")}`);
    }
    lines.push("  (+ done  > in progress  . planned  ! blocked  x failed)");
  }
  const r = s.resources;
  lines.push(
    `Resources: ${r.cpus} CPUs, load ${r.load1.toFixed(2)}; memory ${r.mem_available_mb} MB available of ${r.mem_total_mb}; disk ${r.disk_free_mb} MB free`
  );
  if (s.recent_events.length) {
    lines.push("Recent events:");
    for (const e of s.recent_events.slice(-10)) {
      const { ts, type, pid: _pid, ...rest } = e;
      lines.push(`  ${ts.slice(11, 19)} ${type} ${JSON.stringify(rest)}`);
    }
  }
  return lines.join("\n");
}

export {
  VERSION,
  planWork,
  renderPlan,
  renderPlanWork,
  cleanupLanes,
  listLanes,
  checkResources,
  renderDoctor,
  status,
  renderStatus
};
