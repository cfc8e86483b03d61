#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  external_exports,
  formatIssue,
  showValue,
  valueAt
} from "./chunk-YZJAPDEG.mjs";
import {
  conflictsOfNormalized,
  isPlainScope,
  normalizeScope
} from "./chunk-3EVUSF4T.mjs";
import {
  LanesError,
  SLUG_RE,
  SLUG_RULE,
  isSlug,
  slugify
} from "./chunk-B475TGAI.mjs";

// src/core/plan/graph.ts
var MAX_LISTED = 10;
function buildGraph(tasks) {
  const problems = [];
  const index = /* @__PURE__ */ new Map();
  tasks.forEach((t, i) => {
    if (!isSlug(t.id)) {
      problems.push(
        `tasks[${i}]: invalid id ${JSON.stringify(String(t.id).slice(0, 80))}: use ${SLUG_RULE} (for example "${slugify(String(t.id))}")`
      );
      return;
    }
    const first = index.get(t.id);
    if (first !== void 0) problems.push(`task id "${t.id}" is used twice: tasks[${first}] and tasks[${i}]`);
    else index.set(t.id, i);
  });
  const deps = new Array(tasks.length);
  const dependents = Array.from({ length: tasks.length }, () => []);
  tasks.forEach((t, i) => {
    const mine = [];
    for (const d of t.depends_on) {
      const j = index.get(d);
      if (d === t.id) problems.push(`task "${t.id}" depends on itself`);
      else if (j === void 0) problems.push(`task "${t.id}" depends on unknown task "${d}"${suggest(d, index)}`);
      else if (!mine.includes(j)) {
        mine.push(j);
        dependents[j].push(i);
      }
    }
    deps[i] = mine;
  });
  if (problems.length) {
    const shown = problems.slice(0, MAX_LISTED);
    if (problems.length > MAX_LISTED) shown.push(`... and ${problems.length - MAX_LISTED} more`);
    throw new LanesError("INVALID_INPUT", `Invalid task graph:
  ${shown.join("\n  ")}`, {
      hint: "Give every task a unique slug id and make depends_on name existing tasks other than the task itself.",
      details: { problems }
    });
  }
  const ids = tasks.map((t) => t.id);
  const order = kahn(deps, dependents);
  if (order.length < tasks.length) {
    const cycle = findCycle(deps, order, tasks.length).map((i) => ids[i]);
    const shown = cycle.length > 21 ? [...cycle.slice(0, 10), `... ${cycle.length - 16} more ...`, ...cycle.slice(-6)] : cycle;
    throw new LanesError("INVALID_INPUT", `Dependency cycle: ${shown.join(" -> ")} ("a -> b" means a depends on b).`, {
      hint: "Remove one of these dependencies (or merge the tasks) so that the tasks can be ordered.",
      details: { cycle }
    });
  }
  return { ids, index, deps, dependents, order };
}
function kahn(deps, dependents) {
  const n = deps.length;
  const waiting = new Int32Array(n);
  const order = [];
  for (let i = 0; i < n; i++) {
    waiting[i] = deps[i].length;
    if (waiting[i] === 0) order.push(i);
  }
  for (let head = 0; head < order.length; head++) {
    for (const d of dependents[order[head]]) {
      const left = waiting[d] - 1;
      waiting[d] = left;
      if (left === 0) order.push(d);
    }
  }
  return order;
}
function findCycle(deps, ordered, n) {
  const done = new Uint8Array(n);
  for (const i of ordered) done[i] = 1;
  const start = done.indexOf(0);
  const pos = /* @__PURE__ */ new Map();
  const walk = [];
  let cur = start;
  while (!pos.has(cur)) {
    pos.set(cur, walk.length);
    walk.push(cur);
    cur = deps[cur].find((d) => !done[d]);
  }
  const cycle = walk.slice(pos.get(cur));
  const first = cycle.indexOf(cycle.reduce((m, x) => Math.min(m, x)));
  const rotated = [...cycle.slice(first), ...cycle.slice(0, first)];
  return [...rotated, rotated[0]];
}
function suggest(id, index) {
  const scored = [];
  const limit = Math.max(2, Math.floor(id.length / 3));
  for (const known of index.keys()) {
    if (Math.abs(known.length - id.length) > limit && !known.includes(id) && !id.includes(known)) continue;
    const d = known.includes(id) || id.includes(known) ? 1 : distance(id, known, limit);
    if (d <= limit) scored.push([d, known]);
  }
  scored.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1));
  const best = scored.slice(0, 3).map(([, k]) => `"${k}"`);
  return best.length ? ` (did you mean ${best.join(" or ")}?)` : "";
}
function distance(a, b, limit) {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length];
}

// src/core/plan/model.ts
var PLAN_LIMITS = {
  maxTasks: 1e4,
  maxTitle: 200,
  maxDescription: 2e4,
  maxDependsOn: 100,
  maxFiles: 200,
  maxScopeLength: 512,
  maxEstimateHours: 1e3,
  defaultEstimateHours: 1,
  maxParallelism: 256,
  maxSourceBytes: 5 * 1024 * 1024
};
var L = PLAN_LIMITS;
var slug = external_exports.string().regex(SLUG_RE, { error: `must be ${SLUG_RULE}` });
var TaskInputSchema = external_exports.strictObject({
  id: slug.describe('a slug such as "api-auth", unique in the plan; names the branch lanes/<id>'),
  title: external_exports.string().trim().min(1).max(L.maxTitle).describe("One line saying what the task delivers"),
  description: external_exports.string().max(L.maxDescription).optional().describe("What to do and how to know it is done"),
  depends_on: external_exports.array(slug).max(L.maxDependsOn).optional().describe("Ids of tasks that must land first"),
  files: external_exports.array(external_exports.string().min(1).max(L.maxScopeLength)).max(L.maxFiles).optional().describe('File scope: repo-relative paths or globs ("src/api/**"); a plain path includes everything under it'),
  estimate: external_exports.number().positive().max(L.maxEstimateHours).default(L.defaultEstimateHours).describe("estimated hours of work, default 1"),
  parallel_ok: external_exports.boolean().default(true).describe("false: the task runs alone, e.g. a repo-wide rename")
});
var TasksSchema = external_exports.array(TaskInputSchema).min(1, { error: "there are no tasks" }).max(L.maxTasks, { error: `more than ${L.maxTasks} tasks` });
var FIELDS = Object.keys(TaskInputSchema.shape);
var ALIASES = {
  deps: "depends_on",
  dependencies: "depends_on",
  depends: "depends_on",
  dependsOn: "depends_on",
  after: "depends_on",
  needs: "depends_on",
  blocked_by: "depends_on",
  scope: "files",
  scopes: "files",
  paths: "files",
  globs: "files",
  name: "title",
  summary: "title",
  hours: "estimate",
  est: "estimate",
  parallel: "parallel_ok",
  parallelOk: "parallel_ok",
  details: "description",
  body: "description",
  notes: "description"
};
var EXAMPLE = 'A task looks like {"id": "api-auth", "title": "Add login", "depends_on": ["db-schema"], "files": ["src/api/**"], "estimate": 2}.';
function taskLabel(input, index) {
  const t = Array.isArray(input) ? input[index] : void 0;
  const id = t && typeof t === "object" ? t.id : void 0;
  return typeof id === "string" && id.length <= 80 ? `tasks[${index}] (id ${JSON.stringify(id)})` : `tasks[${index}]`;
}
function describeIssue(issue, input) {
  const [index, ...rest] = issue.path;
  if (issue.code === "unrecognized_keys") {
    const where = typeof index === "number" ? taskLabel(input, index) : "tasks";
    const named = issue.keys.map((k) => Object.hasOwn(ALIASES, k) ? `"${k}" (did you mean "${ALIASES[k]}"?)` : `"${k}"`);
    return `${where}: unknown field ${named.join(", ")}; fields are ${FIELDS.join(", ")}`;
  }
  if (issue.code === "invalid_type" && typeof index === "number" && rest.length === 0 && valueAt(input, issue.path) !== void 0) {
    return `${taskLabel(input, index)}: expected a task object, got ${showValue(valueAt(input, issue.path))}`;
  }
  const line = formatIssue(issue, { input, schema: TasksSchema, root: "tasks" });
  const v = valueAt(input, issue.path);
  if (issue.code === "invalid_format" && typeof v === "string" && (rest[0] === "id" || rest[0] === "depends_on")) {
    return `${line} (for example "${slugify(v)}")`;
  }
  return line;
}
function parseTasks(input) {
  if (!Array.isArray(input)) {
    throw new LanesError("INVALID_INPUT", `Expected a list of tasks, got ${input === null ? "null" : typeof input}.`, {
      hint: `Pass an array of tasks (or an object with a "tasks" array). ${EXAMPLE}`
    });
  }
  const fast = quickParse(input);
  if (fast) return fast.map((t, i) => normalize(t, input, i));
  const r = TasksSchema.safeParse(input);
  if (!r.success) {
    const lines = r.error.issues.map((i) => describeIssue(i, input));
    const shown = lines.slice(0, 8).join("\n  ") + (lines.length > 8 ? `
  ... and ${lines.length - 8} more` : "");
    throw new LanesError("INVALID_INPUT", `Invalid task list (${lines.length} problem${lines.length === 1 ? "" : "s"}):
  ${shown}`, {
      hint: `Fix these fields and plan again. ${EXAMPLE}`,
      details: { issues: lines.slice(0, 100) }
    });
  }
  return r.data.map((t, i) => normalize(t, input, i));
}
function normalize(t, input, i) {
  const deps = t.depends_on ?? [];
  const files = [];
  (t.files ?? []).forEach((f, j) => {
    const s = scope(f, input, i, j);
    if (!files.includes(s)) files.push(s);
  });
  return {
    id: t.id,
    title: t.title,
    description: t.description ?? "",
    depends_on: deps.length > 1 ? [...new Set(deps)] : [...deps],
    files,
    estimate: t.estimate,
    parallel_ok: t.parallel_ok
  };
}
var ALLOWED = new Set(FIELDS);
var isSlugList = (v) => Array.isArray(v) && v.length <= L.maxDependsOn && v.every((d) => typeof d === "string" && SLUG_RE.test(d));
var isScopeList = (v) => Array.isArray(v) && v.length <= L.maxFiles && v.every((f) => typeof f === "string" && f.length >= 1 && f.length <= L.maxScopeLength);
function quickParse(input) {
  if (!Array.isArray(input) || input.length < 1 || input.length > L.maxTasks) return null;
  const out = new Array(input.length);
  for (let i = 0; i < input.length; i++) {
    const t = input[i];
    if (typeof t !== "object" || t === null || Array.isArray(t)) return null;
    for (const k in t) if (!ALLOWED.has(k)) return null;
    const { id, title, description, depends_on, files, estimate, parallel_ok } = t;
    if (typeof id !== "string" || !SLUG_RE.test(id) || typeof title !== "string") return null;
    const trimmed = title.trim();
    if (trimmed.length < 1 || trimmed.length > L.maxTitle) return null;
    if (description !== void 0 && (typeof description !== "string" || description.length > L.maxDescription)) return null;
    if (depends_on !== void 0 && !isSlugList(depends_on)) return null;
    if (files !== void 0 && !isScopeList(files)) return null;
    if (estimate !== void 0 && !(typeof estimate === "number" && estimate > 0 && estimate <= L.maxEstimateHours)) return null;
    if (parallel_ok !== void 0 && typeof parallel_ok !== "boolean") return null;
    out[i] = {
      id,
      title: trimmed,
      ...description === void 0 ? {} : { description },
      ...depends_on === void 0 ? {} : { depends_on },
      ...files === void 0 ? {} : { files },
      estimate: estimate ?? L.defaultEstimateHours,
      parallel_ok: parallel_ok ?? true
    };
  }
  return out;
}
function scope(f, input, i, j) {
  try {
    return normalizeScope(f);
  } catch (e) {
    if (!(e instanceof LanesError)) throw e;
    throw new LanesError("INVALID_INPUT", `${taskLabel(input, i)}: files[${j}]: ${e.message}`, {
      ...e.hint === void 0 ? {} : { hint: e.hint },
      details: { ...e.details, task_index: i, field: `files[${j}]` }
    });
  }
}

// src/core/plan/heap.ts
var Heap = class {
  items;
  keys;
  size = 0;
  constructor(capacity) {
    this.items = new Int32Array(Math.max(1, capacity));
    this.keys = new Float64Array(Math.max(1, capacity));
  }
  before(i, j) {
    const a = this.keys[i];
    const b = this.keys[j];
    return a < b || a === b && this.items[i] < this.items[j];
  }
  swap(i, j) {
    const it = this.items[i];
    this.items[i] = this.items[j];
    this.items[j] = it;
    const k = this.keys[i];
    this.keys[i] = this.keys[j];
    this.keys[j] = k;
  }
  peek() {
    return this.size > 0 ? this.items[0] : -1;
  }
  peekKey() {
    return this.size > 0 ? this.keys[0] : Infinity;
  }
  push(item, key) {
    if (this.size === this.items.length) {
      const items = new Int32Array(this.size * 2);
      items.set(this.items);
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      this.items = items;
      this.keys = keys;
    }
    let i = this.size++;
    this.items[i] = item;
    this.keys[i] = key;
    while (i > 0) {
      const p = i - 1 >> 1;
      if (!this.before(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }
  /** Removes and returns the first item, or -1 when empty. */
  pop() {
    if (this.size === 0) return -1;
    const top = this.items[0];
    this.size--;
    if (this.size > 0) {
      this.items[0] = this.items[this.size];
      this.keys[0] = this.keys[this.size];
      let i = 0;
      for (; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.size && this.before(l, m)) m = l;
        if (r < this.size && this.before(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }
};

// src/core/plan/schedule.ts
var NONE = [];
var round2 = (x) => Math.round(x * 100) / 100;
var EPS = 1e-9;
function prepare(tasks, graph, conflicts) {
  const n = tasks.length;
  const est = tasks.map((t) => t.estimate);
  const solo = tasks.map((t) => !t.parallel_ok);
  const clash = new Array(n).fill(NONE);
  const link = (a, b) => {
    if (clash[a] === NONE) clash[a] = [];
    clash[a].push(b);
  };
  for (const c of conflicts) {
    const a = graph.index.get(c.a);
    const b = graph.index.get(c.b);
    if (a === void 0 || b === void 0) continue;
    link(a, b);
    link(b, a);
  }
  const tail = new Float64Array(n);
  for (let k = n - 1; k >= 0; k--) {
    const i = graph.order[k];
    let best = 0;
    for (const d of graph.dependents[i]) best = Math.max(best, tail[d]);
    tail[i] = best + est[i];
  }
  return { est, solo, clash, tail };
}
function schedule(tasks, graph, conflicts, parallelism) {
  const n = tasks.length;
  const p = prepare(tasks, graph, conflicts);
  const upTo = new Float64Array(n);
  const pred = new Int32Array(n).fill(-1);
  for (const i of graph.order) {
    let best = 0;
    for (const d of graph.deps[i]) {
      if (upTo[d] > best + EPS || pred[i] === -1 && upTo[d] >= best) {
        best = upTo[d];
        pred[i] = d;
      }
    }
    upTo[i] = best + p.est[i];
  }
  let end = -1;
  for (const i of graph.order) if (end === -1 || upTo[i] > upTo[end] + EPS) end = i;
  const path = [];
  for (let i = end; i !== -1; i = pred[i]) path.push(i);
  path.reverse();
  const sequential = p.est.reduce((s, x) => s + x, 0);
  const { makespan } = listSchedule(graph, p, parallelism);
  const cp = end === -1 ? 0 : upTo[end];
  return {
    waves: waves(graph, p),
    critical_path: path.map((i) => graph.ids[i]),
    critical_path_hours: round2(cp),
    sequential_hours: round2(sequential),
    parallel_hours: round2(makespan),
    lower_bound_hours: round2(Math.max(cp, sequential / parallelism)),
    speedup: makespan > 0 ? round2(sequential / makespan) : 1
  };
}
function waves(graph, { solo, clash, tail }) {
  const n = graph.ids.length;
  const depth = new Int32Array(n);
  for (const i of graph.order) for (const d of graph.deps[i]) depth[i] = Math.max(depth[i], depth[d] + 1);
  const buckets = [];
  for (let i = 0; i < n; i++) (buckets[depth[i]] ??= []).push(i);
  const visit = [];
  for (const b of buckets) {
    if (!b) continue;
    b.sort((x, y) => tail[y] - tail[x] || x - y);
    for (const i of b) visit.push(i);
  }
  const wave = new Int32Array(n).fill(-1);
  const out = [];
  const skip = Array.from({ length: n + 1 }, (_, i) => i);
  const open = (w) => {
    while (skip[w] !== w) {
      skip[w] = skip[skip[w]];
      w = skip[w];
    }
    return w;
  };
  for (const i of visit) {
    let min = 0;
    for (const d of graph.deps[i]) min = Math.max(min, wave[d] + 1);
    let w;
    if (solo[i]) w = out.length;
    else {
      const others = clash[i];
      w = open(min);
      if (others.length > 0) {
        const taken = /* @__PURE__ */ new Set();
        for (const c of others) if (wave[c] >= w) taken.add(wave[c]);
        while (w < out.length && taken.has(w)) w = open(w + 1);
      }
    }
    if (w === out.length) out.push([]);
    out[w].push(i);
    wave[i] = w;
    if (solo[i]) skip[w] = w + 1;
  }
  return out.map((ws) => ws.sort((a, b) => a - b).map((i) => graph.ids[i]));
}
function listSchedule(graph, { est, solo, clash, tail }, workers) {
  const n = est.length;
  const waiting = new Int32Array(n);
  const finish = new Float64Array(n);
  const running = new Uint8Array(n);
  const priority = (t) => -Math.round(tail[t] * 1e6);
  const ready = new Heap(n);
  const busy = new Heap(workers);
  for (let i = 0; i < n; i++) {
    waiting[i] = graph.deps[i].length;
    if (waiting[i] === 0) ready.push(i, priority(i));
  }
  const deferred = [];
  let now = 0;
  let soloRunning = false;
  let done = 0;
  while (done < n) {
    if (!soloRunning) {
      deferred.length = 0;
      while (busy.size < workers && ready.size > 0) {
        const t = ready.pop();
        if (solo[t]) {
          if (busy.size === 0) begin(t);
          else deferred.push(t);
          break;
        }
        if (conflictsRunning(t)) deferred.push(t);
        else begin(t);
      }
      for (const t of deferred) ready.push(t, priority(t));
    }
    if (busy.size === 0) throw new Error("list schedule stalled");
    now = busy.peekKey();
    while (busy.size > 0 && busy.peekKey() <= now + EPS) {
      const t = busy.pop();
      running[t] = 0;
      if (solo[t]) soloRunning = false;
      done++;
      for (const d of graph.dependents[t]) {
        const left = waiting[d] - 1;
        waiting[d] = left;
        if (left === 0) ready.push(d, priority(d));
      }
    }
  }
  const start = new Float64Array(n);
  for (let i = 0; i < n; i++) start[i] = finish[i] - est[i];
  return { makespan: now, start };
  function conflictsRunning(t) {
    for (const c of clash[t]) if (running[c]) return true;
    return false;
  }
  function begin(t) {
    finish[t] = now + est[t];
    running[t] = 1;
    if (solo[t]) soloRunning = true;
    busy.push(t, finish[t]);
  }
}

// src/core/plan/plan.ts
function buildPlan(input, opts) {
  const p = opts.parallelism;
  if (!Number.isInteger(p) || p < 1 || p > PLAN_LIMITS.maxParallelism) {
    throw new LanesError("INVALID_INPUT", `Invalid parallelism ${String(p)}.`, {
      hint: `Use a whole number of workers from 1 to ${PLAN_LIMITS.maxParallelism}.`
    });
  }
  const list = isTasksObject(input) ? input.tasks : input;
  const tasks = parseTasks(list);
  const graph = buildGraph(tasks);
  const fileScopes = plainFileScopes(tasks, opts.files);
  const conflicts = conflictsOfNormalized(tasks, void 0, fileScopes);
  const s = schedule(tasks, graph, conflicts, p);
  const unscoped = tasks.filter((t) => t.files.length === 0).map((t) => t.id);
  const warnings = unscoped.length ? [
    `${unscoped.length} task${unscoped.length === 1 ? " has" : "s have"} no files, so ${unscoped.length === 1 ? "its" : "their"} conflicts cannot be checked: ${unscoped.slice(0, 10).join(", ")}${unscoped.length > 10 ? ", ..." : ""}`
  ] : [];
  return {
    tasks,
    waves: s.waves,
    conflicts,
    critical_path: s.critical_path,
    critical_path_hours: s.critical_path_hours,
    sequential_hours: s.sequential_hours,
    parallel_hours: s.parallel_hours,
    lower_bound_hours: s.lower_bound_hours,
    speedup: s.speedup,
    parallelism: p,
    ...fileScopes.size ? { file_scopes: [...fileScopes].sort() } : {},
    ...warnings.length ? { warnings } : {}
  };
}
function plainFileScopes(tasks, files) {
  const out = /* @__PURE__ */ new Set();
  if (!files) return out;
  const known = files instanceof Set ? files : new Set(files);
  if (!known.size) return out;
  for (const t of tasks) for (const f of t.files) if (known.has(f) && isPlainScope(f)) out.add(f);
  return out;
}
function isTasksObject(x) {
  return typeof x === "object" && x !== null && !Array.isArray(x) && "tasks" in x;
}

export {
  PLAN_LIMITS,
  parseTasks,
  buildPlan
};
