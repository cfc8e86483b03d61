#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
import {
  external_exports,
  formatIssue,
  showValue,
  valueAt
} from "./chunk-6O67LTXW.mjs";
import {
  intersectNormalized,
  isPlainScope,
  normalizeScope
} from "./chunk-ALOFWVRK.mjs";
import {
  SLUG_RE,
  SLUG_RULE,
  isSlug,
  slugify
} from "./chunk-DDI77WQF.mjs";
import {
  LanesError
} from "./chunk-OBLF3P63.mjs";

// src/core/plan/graph.ts
var MAX_LISTED = 10;
function buildGraph(tasks, idsChecked = false) {
  const n = tasks.length;
  const problems = [];
  const index = /* @__PURE__ */ new Map();
  const ids = new Array(n);
  let edges = 0;
  for (let i = 0; i < n; i++) {
    const t = tasks[i];
    const id = t.id;
    ids[i] = id;
    edges += t.depends_on.length;
    if (!idsChecked && !isSlug(id)) {
      problems.push(
        `tasks[${i}]: invalid id ${JSON.stringify(String(id).slice(0, 80))}: use ${SLUG_RULE} (for example "${slugify(String(id))}")`
      );
      continue;
    }
    const first = index.get(id);
    if (first !== void 0) problems.push(`task id "${id}" is used twice: tasks[${first}] and tasks[${i}]`);
    else index.set(id, i);
  }
  const depStart = new Int32Array(n + 1);
  const depList = new Int32Array(edges);
  const outStart = new Int32Array(n + 1);
  const seen = new Int32Array(n);
  let e = 0;
  for (let i = 0; i < n; i++) {
    const t = tasks[i];
    depStart[i] = e;
    for (const d of t.depends_on) {
      const j = index.get(d);
      if (d === t.id) problems.push(`task "${t.id}" depends on itself`);
      else if (j === void 0) problems.push(`task "${t.id}" depends on unknown task "${d}"${suggest(d, index)}`);
      else if (seen[j] !== i + 1) {
        seen[j] = i + 1;
        depList[e++] = j;
        outStart[j + 1] = outStart[j + 1] + 1;
      }
    }
  }
  depStart[n] = e;
  if (problems.length) {
    const shown = problems.slice(0, MAX_LISTED);
    if (problems.length > MAX_LISTED) shown.push(`... and ${problems.length - MAX_LISTED} more`);
    throw new LanesError("INVALID_INPUT", `Invalid task graph:
  ${shown.join("\n  ")}`, {
      hint: "Give every task a unique slug id and make depends_on name existing tasks other than the task itself.",
      details: { problems }
    });
  }
  for (let i = 0; i < n; i++) outStart[i + 1] = outStart[i + 1] + outStart[i];
  const outList = new Int32Array(e);
  const fill = outStart.slice(0, n);
  for (let i = 0; i < n; i++) {
    for (let k = depStart[i], end = depStart[i + 1]; k < end; k++) {
      const j = depList[k];
      const at = fill[j];
      outList[at] = i;
      fill[j] = at + 1;
    }
  }
  const g = { ids, index, depStart, depList: e < edges ? depList.slice(0, e) : depList, outStart, outList };
  const order = kahnCsr(g.depStart, g.outStart, g.outList);
  if (order.length < n) {
    const cycle = findCycle(g, order, n).map((i) => ids[i]);
    const shown = cycle.length > 21 ? [...cycle.slice(0, 10), `... ${cycle.length - 16} more ...`, ...cycle.slice(-6)] : cycle;
    throw new LanesError("INVALID_INPUT", `Dependency cycle: ${shown.join(" -> ")} ("a -> b" means a depends on b).`, {
      hint: "Remove one of these dependencies (or merge the tasks) so that the tasks can be ordered.",
      details: { cycle }
    });
  }
  return { ...g, order };
}
function kahnCsr(depStart, outStart, outList) {
  const n = depStart.length - 1;
  const waiting = new Int32Array(n);
  const order = new Int32Array(n);
  let tail = 0;
  for (let i = 0; i < n; i++) {
    const w = depStart[i + 1] - depStart[i];
    waiting[i] = w;
    if (w === 0) order[tail++] = i;
  }
  for (let head = 0; head < tail; head++) {
    const t = order[head];
    for (let k = outStart[t], end = outStart[t + 1]; k < end; k++) {
      const d = outList[k];
      const left = waiting[d] - 1;
      waiting[d] = left;
      if (left === 0) order[tail++] = d;
    }
  }
  return tail < n ? order.slice(0, tail) : order;
}
function findCycle(g, ordered, n) {
  const done = new Uint8Array(n);
  for (const i of ordered) done[i] = 1;
  const start = done.indexOf(0);
  const pos = /* @__PURE__ */ new Map();
  const walk = [];
  let cur = start;
  while (!pos.has(cur)) {
    pos.set(cur, walk.length);
    walk.push(cur);
    let next = -1;
    for (let k = g.depStart[cur], end = g.depStart[cur + 1]; k < end && next === -1; k++) {
      if (!done[g.depList[k]]) next = g.depList[k];
    }
    cur = next;
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
  return quickParse(input) ?? parseWithSchema(input);
}
function parseWithSchema(input) {
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
  const files = [];
  (t.files ?? []).forEach((f, j) => {
    const s = scope(f, input, i, j);
    if (!files.includes(s)) files.push(s);
  });
  return {
    id: t.id,
    title: t.title,
    description: t.description ?? "",
    depends_on: dedupe(t.depends_on ?? []),
    files,
    estimate: t.estimate,
    parallel_ok: t.parallel_ok
  };
}
function dedupe(xs) {
  if (xs.length > 16) return [...new Set(xs)];
  const out = xs.slice();
  for (let k = 1; k < out.length; k++) {
    if (out.lastIndexOf(out[k], k - 1) !== -1) return [...new Set(xs)];
  }
  return out;
}
function isSlugText(s) {
  const n = s.length;
  if (n < 1 || n > 63) return false;
  for (let k = 0; k < n; k++) {
    const c = s.charCodeAt(k);
    if (!(c >= 97 && c <= 122 || c >= 48 && c <= 57 || c === 45 && k > 0)) return false;
  }
  return true;
}
function quickParse(input) {
  if (!Array.isArray(input) || input.length < 1 || input.length > L.maxTasks) return null;
  const out = new Array(input.length);
  for (let i = 0; i < input.length; i++) {
    const t = input[i];
    if (typeof t !== "object" || t === null || Array.isArray(t)) return null;
    for (const k in t) if (!isField(k)) return null;
    const { id, title, description, depends_on, files, estimate, parallel_ok } = t;
    if (typeof id !== "string" || !isSlugText(id) || typeof title !== "string") return null;
    const trimmed = title.trim();
    if (trimmed.length < 1 || trimmed.length > L.maxTitle) return null;
    if (description !== void 0 && (typeof description !== "string" || description.length > L.maxDescription)) return null;
    if (estimate !== void 0 && !(typeof estimate === "number" && estimate > 0 && estimate <= L.maxEstimateHours)) return null;
    if (parallel_ok !== void 0 && typeof parallel_ok !== "boolean") return null;
    let deps = [];
    if (depends_on !== void 0) {
      if (!Array.isArray(depends_on) || depends_on.length > L.maxDependsOn) return null;
      for (let k = 0; k < depends_on.length; k++) {
        const d = depends_on[k];
        if (typeof d !== "string" || !isSlugText(d)) return null;
      }
      deps = dedupe(depends_on);
    }
    let scopes = [];
    if (files !== void 0) {
      if (!Array.isArray(files) || files.length > L.maxFiles) return null;
      scopes = files.slice();
      let m = 0;
      for (let k = 0; k < scopes.length; k++) {
        const f = scopes[k];
        if (typeof f !== "string" || f.length < 1 || f.length > L.maxScopeLength) return null;
        const s = tryNormalizeScope(f);
        if (s === null) return null;
        if (m === 0 || scopes.lastIndexOf(s, m - 1) === -1) scopes[m++] = s;
      }
      if (m < scopes.length) scopes.length = m;
    }
    out[i] = {
      id,
      title: trimmed,
      description: description === void 0 ? "" : description,
      depends_on: deps,
      files: scopes,
      estimate: estimate === void 0 ? L.defaultEstimateHours : estimate,
      parallel_ok: parallel_ok === void 0 ? true : parallel_ok
    };
  }
  return out;
}
function isField(k) {
  switch (k) {
    case "id":
    case "title":
    case "description":
    case "depends_on":
    case "files":
    case "estimate":
    case "parallel_ok":
      return true;
    default:
      return false;
  }
}
function tryNormalizeScope(f) {
  try {
    return normalizeScope(f);
  } catch (e) {
    if (e instanceof LanesError) return null;
    throw e;
  }
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
var round2 = (x) => Math.round(x * 100) / 100;
var EPS = 1e-9;
function prepare(tasks, graph, conflicts) {
  const n = tasks.length;
  const est = new Float64Array(n);
  const solo = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const t = tasks[i];
    est[i] = t.estimate;
    solo[i] = t.parallel_ok ? 0 : 1;
  }
  const ends = new Int32Array(conflicts.length * 2);
  let m = 0;
  const clashStart = new Int32Array(n + 1);
  for (const c of conflicts) {
    const a = graph.index.get(c.a);
    const b = graph.index.get(c.b);
    if (a === void 0 || b === void 0) continue;
    ends[m++] = a;
    ends[m++] = b;
    clashStart[a + 1] = clashStart[a + 1] + 1;
    clashStart[b + 1] = clashStart[b + 1] + 1;
  }
  for (let i = 0; i < n; i++) clashStart[i + 1] = clashStart[i + 1] + clashStart[i];
  const clashList = new Int32Array(m);
  const fill = clashStart.slice(0, n);
  for (let k = 0; k < m; k += 2) {
    const a = ends[k];
    const b = ends[k + 1];
    const pa = fill[a];
    const pb = fill[b];
    clashList[pa] = b;
    clashList[pb] = a;
    fill[a] = pa + 1;
    fill[b] = pb + 1;
  }
  const { order, outStart, outList } = graph;
  const tail = new Float64Array(n);
  for (let k = n - 1; k >= 0; k--) {
    const i = order[k];
    let best = 0;
    for (let q = outStart[i], end = outStart[i + 1]; q < end; q++) {
      const t = tail[outList[q]];
      if (t > best) best = t;
    }
    tail[i] = best + est[i];
  }
  return { est, solo, clashStart, clashList, tail };
}
function schedule(tasks, graph, conflicts, parallelism) {
  const n = tasks.length;
  const p = prepare(tasks, graph, conflicts);
  const { order, depStart, depList } = graph;
  const upTo = new Float64Array(n);
  const pred = new Int32Array(n).fill(-1);
  for (let k = 0; k < n; k++) {
    const i = order[k];
    let best = 0;
    for (let q = depStart[i], end2 = depStart[i + 1]; q < end2; q++) {
      const d = depList[q];
      const u = upTo[d];
      if (u > best + EPS || pred[i] === -1 && u >= best) {
        best = u;
        pred[i] = d;
      }
    }
    upTo[i] = best + p.est[i];
  }
  let end = -1;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    if (end === -1 || upTo[i] > upTo[end] + EPS) end = i;
  }
  const path = [];
  for (let i = end; i !== -1; i = pred[i]) path.push(i);
  path.reverse();
  let sequential = 0;
  for (let i = 0; i < n; i++) sequential += p.est[i];
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
function waves(graph, { solo, clashStart, clashList, tail }) {
  const { order, depStart, depList } = graph;
  const n = graph.ids.length;
  const depth = new Int32Array(n);
  let maxDepth = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    let dd = 0;
    for (let q = depStart[i], end = depStart[i + 1]; q < end; q++) {
      const x = depth[depList[q]] + 1;
      if (x > dd) dd = x;
    }
    depth[i] = dd;
    if (dd > maxDepth) maxDepth = dd;
  }
  const at = new Int32Array(maxDepth + 2);
  for (let i = 0; i < n; i++) {
    const d = depth[i] + 1;
    at[d] = at[d] + 1;
  }
  for (let d = 0; d <= maxDepth; d++) at[d + 1] = at[d + 1] + at[d];
  const visit = new Int32Array(n);
  const put = at.slice(0, maxDepth + 1);
  for (let i = 0; i < n; i++) {
    const d = depth[i];
    const k = put[d];
    visit[k] = i;
    put[d] = k + 1;
  }
  const tmp = new Int32Array(n);
  for (let d = 0; d <= maxDepth; d++) sortByChain(visit, at[d], at[d + 1], tail, tmp);
  const wave = new Int32Array(n).fill(-1);
  const size = [];
  const skip = new Int32Array(n + 1);
  for (let w = 0; w <= n; w++) skip[w] = w;
  const open = (w) => {
    while (skip[w] !== w) {
      skip[w] = skip[skip[w]];
      w = skip[w];
    }
    return w;
  };
  const taken = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) {
    const i = visit[v];
    let min = 0;
    for (let q = depStart[i], end = depStart[i + 1]; q < end; q++) {
      const x = wave[depList[q]] + 1;
      if (x > min) min = x;
    }
    let w;
    if (solo[i]) w = size.length;
    else {
      w = open(min);
      const c0 = clashStart[i];
      const c1 = clashStart[i + 1];
      if (c1 > c0) {
        for (let q = c0; q < c1; q++) {
          const cw = wave[clashList[q]];
          if (cw >= w) taken[cw] = i + 1;
        }
        while (w < size.length && taken[w] === i + 1) w = open(w + 1);
      }
    }
    if (w === size.length) size.push(0);
    size[w] = size[w] + 1;
    wave[i] = w;
    if (solo[i]) skip[w] = w + 1;
  }
  const out = size.map((k) => new Array(k));
  const fill = new Int32Array(size.length);
  for (let i = 0; i < n; i++) {
    const w = wave[i];
    const k = fill[w];
    out[w][k] = graph.ids[i];
    fill[w] = k + 1;
  }
  return out;
}
function sortByChain(visit, lo, hi, tail, tmp) {
  const before = (a, b) => tail[a] > tail[b] || tail[a] === tail[b] && a < b;
  const RUN = 16;
  for (let s = lo; s < hi; s += RUN) {
    const e = Math.min(s + RUN, hi);
    for (let k = s + 1; k < e; k++) {
      const x = visit[k];
      let j = k - 1;
      while (j >= s && before(x, visit[j])) {
        visit[j + 1] = visit[j];
        j--;
      }
      visit[j + 1] = x;
    }
  }
  for (let width = RUN; lo + width < hi; width *= 2) {
    for (let s = lo; s + width < hi; s += 2 * width) {
      const mid = s + width;
      const e = Math.min(s + 2 * width, hi);
      let i = s;
      let j = mid;
      let o = s;
      while (i < mid && j < e) tmp[o++] = before(visit[j], visit[i]) ? visit[j++] : visit[i++];
      while (i < mid) tmp[o++] = visit[i++];
      while (j < e) tmp[o++] = visit[j++];
      for (let k = s; k < e; k++) visit[k] = tmp[k];
    }
  }
}
function listSchedule(graph, { est, solo, clashStart, clashList, tail }, workers) {
  const n = est.length;
  const { depStart, outStart, outList } = graph;
  const waiting = new Int32Array(n);
  const finish = new Float64Array(n);
  const running = new Uint8Array(n);
  const priority = new Float64Array(n);
  for (let i = 0; i < n; i++) priority[i] = -Math.round(tail[i] * 1e6);
  const ready = new Heap(n);
  const busy = new Heap(workers);
  for (let i = 0; i < n; i++) {
    waiting[i] = depStart[i + 1] - depStart[i];
    if (waiting[i] === 0) ready.push(i, priority[i]);
  }
  const deferred = new Int32Array(n);
  let now = 0;
  let soloRunning = false;
  let done = 0;
  while (done < n) {
    if (!soloRunning) {
      let held = 0;
      while (busy.size < workers && ready.size > 0) {
        const t = ready.pop();
        if (solo[t]) {
          if (busy.size === 0) {
            begin(t, now);
            soloRunning = true;
          } else deferred[held++] = t;
          break;
        }
        let clash = false;
        for (let q = clashStart[t], end = clashStart[t + 1]; q < end && !clash; q++) {
          if (running[clashList[q]]) clash = true;
        }
        if (clash) deferred[held++] = t;
        else begin(t, now);
      }
      for (let k = 0; k < held; k++) ready.push(deferred[k], priority[deferred[k]]);
    }
    if (busy.size === 0) throw new Error("list schedule stalled");
    now = busy.peekKey();
    while (busy.size > 0 && busy.peekKey() <= now + EPS) {
      const t = busy.pop();
      running[t] = 0;
      if (solo[t]) soloRunning = false;
      done++;
      for (let q = outStart[t], end = outStart[t + 1]; q < end; q++) {
        const d = outList[q];
        const left = waiting[d] - 1;
        waiting[d] = left;
        if (left === 0) ready.push(d, priority[d]);
      }
    }
  }
  const start = new Float64Array(n);
  for (let i = 0; i < n; i++) start[i] = finish[i] - est[i];
  return { makespan: now, start };
  function begin(t, at) {
    const f = at + est[t];
    finish[t] = f;
    running[t] = 1;
    busy.push(t, f);
  }
}

// src/core/plan/scope-index.ts
var ScopeIndex = class {
  owners = [];
  scopes = [];
  built = null;
  get size() {
    return this.scopes.length;
  }
  /** Adds a NORMALIZED scope (see normalizeScope) owned by a task. */
  add(owner, scope2) {
    this.owners.push(owner);
    this.scopes.push(scope2);
    this.built = null;
  }
  build() {
    if (this.built) return this.built;
    const { scopes } = this;
    const n = scopes.length;
    const keys = scanKeys(scopes);
    const { keyLen, keyHash } = keys;
    const cap = tableSize(n);
    const mask = cap - 1;
    const slots = new Int32Array(cap);
    const rep = new Int32Array(n);
    const groupOf = new Int32Array(n);
    let groups = 0;
    let emptyGroup = -1;
    for (let e = 0; e < n; e++) {
      const h = keyHash[e];
      let at = h & mask;
      let g = -1;
      for (let s = slots[at]; s !== 0; s = slots[at]) {
        if (keyHash[rep[s - 1]] === h && sameKey(scopes, keyLen, rep[s - 1], e)) {
          g = s - 1;
          break;
        }
        at = at + 1 & mask;
      }
      if (g === -1) {
        g = groups++;
        rep[g] = e;
        slots[at] = g + 1;
        if (keyLen[e] === 0) emptyGroup = g;
      }
      groupOf[e] = g;
    }
    const start = new Int32Array(groups + 1);
    for (let e = 0; e < n; e++) {
      const g = groupOf[e] + 1;
      start[g] = start[g] + 1;
    }
    for (let g = 0; g < groups; g++) start[g + 1] = start[g + 1] + start[g];
    const members = new Int32Array(n);
    const fill = start.slice(0, groups);
    for (let e = 0; e < n; e++) {
      const g = groupOf[e];
      const k = fill[g];
      members[k] = e;
      fill[g] = k + 1;
    }
    const upStart = new Int32Array(groups + 1);
    const up = [];
    for (let g = 0; g < groups; g++) {
      upStart[g] = up.length;
      const r = rep[g];
      if (emptyGroup !== -1 && g !== emptyGroup) up.push(emptyGroup);
      for (let q = keys.preStart[r], qe = keys.preStart[r + 1]; q < qe; q++) {
        const h = keys.preHash[q];
        const len = keys.preLen[q];
        for (let at = h & mask, s = slots[at]; s !== 0; at = at + 1 & mask, s = slots[at]) {
          const cr = rep[s - 1];
          if (keyHash[cr] === h && keyLen[cr] === len && isKeyPrefix(scopes, len, cr, r)) up.push(s - 1);
        }
      }
    }
    upStart[groups] = up.length;
    this.built = { start, members, upStart, up: Int32Array.from(up) };
    return this.built;
  }
  /** Calls `fn` once for each unordered pair of scopes of different owners that may intersect. */
  forEachCandidate(fn) {
    const { owners, scopes } = this;
    this.eachPair((i, j) => {
      if (owners[i] !== owners[j]) {
        fn({ owner: owners[i], scope: scopes[i] }, { owner: owners[j], scope: scopes[j] });
      }
    });
  }
  /**
   * Each candidate pair of entries once, same-owner pairs included: within a group in insertion
   * order, then the entry with the shorter key first.
   */
  eachPair(fn) {
    const { start, members, upStart, up } = this.build();
    const groups = start.length - 1;
    for (let g = 0; g < groups; g++) {
      const lo = start[g];
      const hi = start[g + 1];
      for (let a = lo; a < hi; a++) for (let b = a + 1; b < hi; b++) fn(members[a], members[b]);
      for (let u = upStart[g], ue = upStart[g + 1]; u < ue; u++) {
        const h = up[u];
        for (let a = start[h], ae = start[h + 1]; a < ae; a++) {
          for (let b = lo; b < hi; b++) fn(members[a], members[b]);
        }
      }
    }
  }
  /** How many pairs forEachCandidate visits, same-owner pairs included, without visiting them. */
  candidateCount() {
    const { start, upStart, up } = this.build();
    const groups = start.length - 1;
    let total = 0;
    for (let g = 0; g < groups; g++) {
      const m = start[g + 1] - start[g];
      total += m * (m - 1) / 2;
      for (let u = upStart[g], ue = upStart[g + 1]; u < ue; u++) {
        const h = up[u];
        total += m * (start[h + 1] - start[h]);
      }
    }
    return total;
  }
};
var SLASH = 47;
var FNV_BASIS = 2166136261 | 0;
var FNV_PRIME = 16777619;
function tableSize(n) {
  let cap = 16;
  while (cap < 2 * n) cap *= 2;
  return cap;
}
function scanKeys(scopes) {
  const n = scopes.length;
  const keyLen = new Int32Array(n);
  const keyHash = new Int32Array(n);
  const preStart = new Int32Array(n + 1);
  let preHash = new Int32Array(Math.max(16, 2 * n));
  let preLen = new Int32Array(preHash.length);
  let m = 0;
  const put = (h, len) => {
    if (m === preHash.length) {
      const bigger = new Int32Array(2 * m);
      bigger.set(preHash);
      preHash = bigger;
      const longer = new Int32Array(2 * m);
      longer.set(preLen);
      preLen = longer;
    }
    preHash[m] = h;
    preLen[m] = len;
    m++;
  };
  for (let e = 0; e < n; e++) {
    const scope2 = scopes[e];
    preStart[e] = m;
    let h = FNV_BASIS;
    let atSlash = FNV_BASIS;
    let lastSlash = -1;
    let len = -1;
    for (let k = 0; k < scope2.length; k++) {
      const c = scope2.charCodeAt(k);
      if (c === 42 || c === 63 || c === 91 || c === 123 || c === 40 || c === 92) {
        len = lastSlash + 1;
        break;
      }
      if (c === SLASH) {
        if (lastSlash !== -1) put(atSlash, lastSlash + 1);
        h = Math.imul(h ^ c, FNV_PRIME);
        lastSlash = k;
        atSlash = h;
      } else h = Math.imul(h ^ c, FNV_PRIME);
    }
    if (len === -1) {
      if (lastSlash !== -1) put(atSlash, lastSlash + 1);
      keyLen[e] = scope2.length + 1;
      keyHash[e] = Math.imul(h ^ SLASH, FNV_PRIME);
    } else {
      keyLen[e] = len;
      keyHash[e] = atSlash;
    }
  }
  preStart[n] = m;
  return { keyLen, keyHash, preStart, preHash, preLen };
}
function keyChar(scope2, k) {
  return k < scope2.length ? scope2.charCodeAt(k) : SLASH;
}
function sameKey(scopes, keyLen, a, b) {
  return keyLen[a] === keyLen[b] && isKeyPrefix(scopes, keyLen[a], a, b);
}
function isKeyPrefix(scopes, len, a, b) {
  const sa = scopes[a];
  const sb = scopes[b];
  for (let k = 0; k < len; k++) if (keyChar(sa, k) !== keyChar(sb, k)) return false;
  return true;
}
function conflictsOfNormalized(tasks, stats, files) {
  const index = new ScopeIndex();
  for (const t of tasks) for (const scope2 of t.files) index.add(t.id, scope2);
  const byPair = /* @__PURE__ */ new Map();
  let comparisons = 0;
  index.forEachCandidate((x, y) => {
    comparisons++;
    const r = intersectNormalized(x.scope, y.scope, files);
    if (!r.intersects) return;
    const [ea, eb] = x.owner < y.owner ? [x, y] : [y, x];
    const key = `${ea.owner}
${eb.owner}`;
    let c = byPair.get(key);
    if (!c) byPair.set(key, c = { a: ea.owner, b: eb.owner, hits: [] });
    c.hits.push([`${ea.scope} \u2229 ${eb.scope}`, r.witness]);
  });
  if (stats) {
    stats.scopes = index.size;
    stats.comparisons = comparisons;
  }
  const out = [];
  for (const { a, b, hits } of byPair.values()) {
    hits.sort((x, y) => x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0);
    const witness = hits.find((h) => h[1] !== void 0)?.[1];
    out.push({ a, b, files: hits.map((h) => h[0]), ...witness === void 0 ? {} : { witness } });
  }
  return out.sort((x, y) => x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0);
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
  const graph = buildGraph(tasks, true);
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
