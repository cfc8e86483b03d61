#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
var fs = require("node:fs");
var crypto = require("node:crypto");
var fs3 = require("node:fs");
var path2 = require("node:path");
var fs2 = require("node:fs");
var path = require("node:path");
import {
  diffNumstat,
  hasChanges,
  isIgnored,
  statusRecords
} from "./chunk-CSEEOK7H.mjs";
import {
  branchTipFiles,
  headOf,
  readHeadFiles
} from "./chunk-5ICCUVIX.mjs";
import {
  checkProtocol,
  findCurrent,
  laneAt,
  readSessions,
  redact,
  sessionKey
} from "./chunk-QKAPH3UL.mjs";
import {
  noteFile,
  noteFromRecord,
  readNoteFast,
  writeNoteFast
} from "./chunk-7JRWJCHC.mjs";
import {
  COMMITS_MAX,
  FILES_MAX,
  SESSIONS_DOC,
  durationMinutes,
  entryCount,
  isoNow,
  normalizeText
} from "./chunk-K2H7HNW2.mjs";
import {
  openProject
} from "./chunk-PR5W4QLA.mjs";
import {
  currentBranch,
  resolveRepo
} from "./chunk-ESYJGOAB.mjs";
import {
  git,
  gitOut
} from "./chunk-5IGYGQZY.mjs";
import {
  withLock
} from "./chunk-566HZB6Q.mjs";
import {
  act
} from "./chunk-UE4A2DQB.mjs";
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

// src/core/sessions/usage.ts

// src/core/run/model.ts
var RUNS_KEEP = 20;
var emptyRuns = () => ({ current: null, runs: [] });
var INTERRUPTED_NOTE = "The previous attempt was stopped because `lanes run` was interrupted; the lane keeps what it had done. Continue from there.";
function nowIso() {
  return (/* @__PURE__ */ new Date()).toISOString();
}
function newRunId(at = /* @__PURE__ */ new Date()) {
  const ts = at.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return `${ts}-${crypto.randomBytes(2).toString("hex")}`;
}
function runOwner(id) {
  return `run:${id}`;
}
var LIMITED_NOTE = "The previous attempt was stopped by a usage or rate limit (not by anything you did); the lane keeps what it had done. Continue from there.";
function countedAttempts(t) {
  return t.attempts.filter((a) => a.outcome !== "interrupted" && a.outcome !== "limited").length;
}
function agentMs(t) {
  return t.attempts.reduce((s, a) => s + (a.ms ?? 0), 0);
}
function laneMs(t) {
  return (t.start_ms ?? 0) + agentMs(t);
}
function taskMs(t) {
  return laneMs(t) + (t.handoff_ms ?? 0) + (t.merge?.ms ?? 0);
}
function wallMs(r, now = Date.now()) {
  return r.segments.reduce((s, g) => s + Math.max(0, (g.ended_at ? Date.parse(g.ended_at) : now) - Date.parse(g.started_at)), 0);
}
function findRun(doc, id) {
  return doc.runs.find((r) => r.id === id);
}
function runsOf(doc) {
  if (!Array.isArray(doc.runs)) doc.runs = [];
  if (doc.current !== null && typeof doc.current !== "string") doc.current = null;
  return doc;
}
var RUNS_DOC = defineDoc({ name: "runs", empty: emptyRuns, normalize: runsOf });
function trimRuns(doc) {
  const done = doc.runs.filter((r) => r.id !== doc.current);
  if (done.length <= RUNS_KEEP) return;
  const drop = new Set(done.slice(0, done.length - RUNS_KEEP).map((r) => r.id));
  doc.runs = doc.runs.filter((r) => !drop.has(r.id));
}

// src/core/run/cost.ts
var DEFAULT_PRICES = {
  opus: { input: 5, output: 25 },
  "claude-opus-4-5": { input: 5, output: 25 },
  "claude-opus-4-1": { input: 15, output: 75 },
  "claude-opus-4-2": { input: 15, output: 75 },
  "claude-opus-4-0": { input: 15, output: 75 },
  "claude-opus-4-20250514": { input: 15, output: 75 },
  sonnet: { input: 3, output: 15 },
  haiku: { input: 1, output: 5 },
  "claude-3-5-haiku": { input: 0.8, output: 4 },
  "claude-3-haiku": { input: 0.25, output: 1.25 }
};
var zero = () => ({ input_tokens: 0, output_tokens: 0, cache_read_tokens: 0, cache_creation_tokens: 0 });
function num(v) {
  return typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : 0;
}
function countsOf(u) {
  if (!u) return zero();
  return {
    input_tokens: num(u.input_tokens ?? u.inputTokens),
    output_tokens: num(u.output_tokens ?? u.outputTokens),
    cache_read_tokens: num(u.cache_read_input_tokens ?? u.cacheReadInputTokens ?? u.cacheReadTokens),
    cache_creation_tokens: num(u.cache_creation_input_tokens ?? u.cacheCreationInputTokens ?? u.cacheWriteTokens)
  };
}
function add(a, b) {
  return {
    input_tokens: a.input_tokens + b.input_tokens,
    output_tokens: a.output_tokens + b.output_tokens,
    cache_read_tokens: a.cache_read_tokens + b.cache_read_tokens,
    cache_creation_tokens: a.cache_creation_tokens + b.cache_creation_tokens
  };
}
var isEmpty = (c) => !c.input_tokens && !c.output_tokens && !c.cache_read_tokens && !c.cache_creation_tokens;
function priceFor(model, table) {
  if (Object.hasOwn(table, model)) return table[model];
  const id = model.toLowerCase();
  let best;
  for (const k of Object.keys(table)) if (id.includes(k.toLowerCase()) && (!best || k.length > best.length)) best = k;
  return best ? table[best] : void 0;
}
function priceTable(overrides) {
  const t = Object.assign(/* @__PURE__ */ Object.create(null), DEFAULT_PRICES);
  for (const [k, v] of Object.entries(overrides ?? {})) t[k] = v;
  return t;
}
function costOf(c, p) {
  const read = p.cache_read ?? p.input * 0.1;
  const write = p.cache_write ?? p.input * 1.25;
  return (c.input_tokens * p.input + c.output_tokens * p.output + c.cache_read_tokens * read + c.cache_creation_tokens * write) / 1e6;
}
function priced(models, table, reported) {
  let total = zero();
  let cost = 0;
  let anyPrice = false;
  const unpriced = [];
  for (const [m, c] of Object.entries(models)) {
    total = add(total, c);
    const p = priceFor(m, table);
    if (p) {
      cost += costOf(c, p);
      anyPrice = true;
    } else if (!isEmpty(c)) unpriced.push(m);
  }
  return {
    ...total,
    ...anyPrice ? { cost_usd: round6(cost) } : {},
    ...reported !== void 0 ? { reported_cost_usd: round6(reported) } : {},
    models,
    ...unpriced.length ? { unpriced } : {}
  };
}
function round6(x) {
  return Math.round(x * 1e6) / 1e6;
}
var UsageMeter = class {
  /** Per message id: the last usage seen for it (repeated per content block), and its model. */
  messages = /* @__PURE__ */ new Map();
  result;
  anon = 0;
  line(line) {
    const s = line.trim();
    if (!s.startsWith("{") || !s.includes("usage")) return;
    let ev;
    try {
      ev = JSON.parse(s);
    } catch {
      return;
    }
    if (ev.type === "assistant") {
      const msg = ev.message;
      if (!msg?.usage) return;
      const model = typeof msg.model === "string" && msg.model !== "<synthetic>" ? msg.model : "unknown";
      if (model === "unknown" && isEmpty(countsOf(msg.usage))) return;
      const id = typeof msg.id === "string" ? msg.id : `#${this.anon++}`;
      this.messages.set(id, { model, counts: countsOf(msg.usage) });
      return;
    }
    if (ev.type === "result") {
      const mu = ev.modelUsage;
      const models = {};
      if (mu && typeof mu === "object" && Object.keys(mu).length) {
        for (const [m, u] of Object.entries(mu)) models[m] = countsOf(u);
      } else if (ev.usage && typeof ev.usage === "object") {
        const c = countsOf(ev.usage);
        if (!isEmpty(c)) models[this.mainModel() ?? "unknown"] = c;
      }
      const reported = typeof ev.total_cost_usd === "number" ? ev.total_cost_usd : void 0;
      const prev = this.result;
      if (prev) for (const [m, c] of Object.entries(prev.models)) models[m] = add(models[m] ?? zero(), c);
      const sum = prev?.reported !== void 0 || reported !== void 0 ? (prev?.reported ?? 0) + (reported ?? 0) : void 0;
      this.result = { models, ...sum !== void 0 ? { reported: sum } : {} };
    }
  }
  mainModel() {
    const n = /* @__PURE__ */ new Map();
    for (const { model, counts } of this.messages.values()) n.set(model, (n.get(model) ?? 0) + counts.output_tokens + 1);
    return [...n].sort((a, b) => b[1] - a[1])[0]?.[0];
  }
  /** Tokens per model for the attempt so far (undefined: the output said nothing about usage). */
  models() {
    if (this.result) return this.result;
    if (!this.messages.size) return void 0;
    const models = {};
    for (const { model, counts } of this.messages.values()) models[model] = add(models[model] ?? zero(), counts);
    return { models };
  }
  usage(table) {
    const m = this.models();
    return m ? priced(m.models, table, m.reported) : void 0;
  }
};
function sumUsage(list, table) {
  const models = {};
  let reported;
  let any = false;
  for (const u of list) {
    if (!u) continue;
    any = true;
    const per = u.models && Object.keys(u.models).length ? u.models : {
      unknown: {
        input_tokens: u.input_tokens,
        output_tokens: u.output_tokens,
        cache_read_tokens: u.cache_read_tokens,
        cache_creation_tokens: u.cache_creation_tokens
      }
    };
    for (const [m, c] of Object.entries(per)) models[m] = add(models[m] ?? zero(), c);
    if (u.reported_cost_usd !== void 0) reported = (reported ?? 0) + u.reported_cost_usd;
  }
  return any ? priced(models, table, reported) : void 0;
}
function usageText(u) {
  if (!u) return "no usage reported";
  const parts = [`${tokens(u.input_tokens)} in`, `${tokens(u.output_tokens)} out`];
  if (u.cache_read_tokens) parts.push(`${tokens(u.cache_read_tokens)} cache read`);
  if (u.cache_creation_tokens) parts.push(`${tokens(u.cache_creation_tokens)} cache write`);
  if (u.cost_usd !== void 0) parts.push(`~${dollars(u.cost_usd)}${u.unpriced?.length ? ` (+ unpriced ${u.unpriced.join(", ")})` : ""}`);
  else if (u.unpriced?.length) parts.push(`no price for ${u.unpriced.join(", ")}`);
  return parts.join(" \xB7 ");
}
function tokens(n) {
  if (n >= 1e6) return `${(n / 1e6).toFixed(n >= 1e7 ? 0 : 1)}M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(n >= 1e4 ? 0 : 1)}k`;
  return String(n);
}
function dollars(x) {
  return x >= 100 ? `$${x.toFixed(0)}` : x >= 0.01 || x === 0 ? `$${x.toFixed(2)}` : `$${x.toFixed(4)}`;
}
function runCost(run, prices) {
  const table = priceTable(prices);
  const tasks = /* @__PURE__ */ Object.create(null);
  for (const rt of Object.values(run.tasks)) {
    const u = sumUsage(
      rt.attempts.map((a) => a.usage),
      table
    );
    if (u) tasks[rt.id] = u;
  }
  const total = sumUsage(Object.values(tasks), table);
  return { run_id: run.id, tasks, ...total ? { total } : {}, estimate: true };
}

// src/core/sessions/usage.ts
var MAX_TRANSCRIPT_BYTES = 64 * 1024 * 1024;
function sessionUsage(u) {
  const out = {
    input_tokens: u.input_tokens,
    output_tokens: u.output_tokens,
    cache_read_tokens: u.cache_read_tokens,
    cache_creation_tokens: u.cache_creation_tokens,
    models: Object.keys(u.models ?? {}).sort()
  };
  if (u.cost_usd !== void 0) out.cost_usd = u.cost_usd;
  return out;
}
var USAGE_KEY = Buffer.from('"usage"');
var NL = 10;
var CHUNK = 1 << 20;
function scanLines(buf, end, meter) {
  const region = buf.subarray(0, end);
  let i = region.indexOf(USAGE_KEY);
  while (i >= 0) {
    const start = region.lastIndexOf(NL, i) + 1;
    let stop = region.indexOf(NL, i);
    if (stop < 0) stop = end;
    meter.line(region.toString("utf8", start, stop));
    i = stop < end ? region.indexOf(USAGE_KEY, stop + 1) : -1;
  }
}
function transcriptUsage(file) {
  if (!file) return void 0;
  let fd;
  try {
    fd = fs.openSync(file, "r");
  } catch {
    return void 0;
  }
  const meter = new UsageMeter();
  try {
    if (fs.fstatSync(fd).size > MAX_TRANSCRIPT_BYTES) return void 0;
    let buf = Buffer.allocUnsafe(CHUNK);
    let kept = 0;
    let total = 0;
    for (; ; ) {
      if (kept === buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, kept);
        buf = bigger;
      }
      const n = fs.readSync(fd, buf, kept, buf.length - kept, null);
      total += n;
      if (total > MAX_TRANSCRIPT_BYTES) return void 0;
      if (n === 0) {
        scanLines(buf, kept, meter);
        break;
      }
      const filled = kept + n;
      const lastNl = buf.lastIndexOf(NL, filled - 1);
      if (lastNl < kept) {
        kept = filled;
        continue;
      }
      scanLines(buf, lastNl + 1, meter);
      buf.copy(buf, 0, lastNl + 1, filled);
      kept = filled - lastNl - 1;
    }
  } catch {
    return void 0;
  } finally {
    fs.closeSync(fd);
  }
  const u = meter.usage(priceTable(void 0));
  return u ? sessionUsage(u) : void 0;
}

// src/core/sessions/end.ts

// src/git/log.ts
async function mergeBase(cwd, a, b) {
  const r = await git(cwd, ["merge-base", "--end-of-options", a, b], { readOnly: true, okCodes: [1, 128] });
  return r.exitCode === 0 ? r.stdout.trim() || void 0 : void 0;
}
async function countCommits(cwd, revs) {
  const r = await git(cwd, ["rev-list", "--count", ...revs], { readOnly: true });
  return Number.parseInt(r.stdout.trim(), 10) || 0;
}
async function shortLog(cwd, range, max) {
  const r = await git(cwd, ["log", "--no-color", "--format=%h%x00%s", `--max-count=${max}`, ...range, "--"], {
    readOnly: true,
    okCodes: [128]
  });
  if (r.exitCode !== 0) return void 0;
  const out = [];
  for (const line of r.stdout.split("\n")) {
    if (!line) continue;
    const [short = "", subject = ""] = line.split("\0");
    out.push({ short, subject });
  }
  return out;
}

// src/core/sessions/git-info.ts

// src/git/commit.ts
var QUIET_COMMIT = ["-c", "core.hooksPath=/dev/null", "-c", "commit.gpgsign=false", "-c", "gc.auto=0", "-c", "maintenance.auto=false"];
async function commitOnly(worktreeDir, spec, message, opts = {}) {
  const run = async (args) => {
    let r = await git(worktreeDir, [...QUIET_COMMIT, ...args], { okCodes: [1, 128] });
    if (r.exitCode !== 0 && r.stderr.includes("index.lock")) {
      await new Promise((res) => setTimeout(res, 150));
      r = await git(worktreeDir, [...QUIET_COMMIT, ...args], { okCodes: [1, 128] });
    }
    return r;
  };
  const firstLine = (r) => (r.stderr.trim() || r.stdout.trim()).split("\n")[0] ?? "";
  const add2 = await run(["add", "--", spec]);
  if (add2.exitCode !== 0) return { committed: false, reason: `git add failed: ${firstLine(add2)}` };
  const c = await run(["commit", "--quiet", "--no-verify", "--no-edit", "-m", message, "--only", "--", spec]);
  if (c.exitCode !== 0) {
    await git(worktreeDir, ["reset", "--quiet", "--", spec], { okCodes: [1, 128] });
    return { committed: false, reason: `git commit failed: ${firstLine(c)}` };
  }
  return { committed: true, sha: opts.headAfter?.() ?? await gitOut(worktreeDir, ["rev-parse", "HEAD"], { readOnly: true }) };
}

// src/core/sessions/git-info.ts
var NOTE_COMMIT_PREFIX = "lanes: session note";
function cleanPath(p) {
  return redact(p.replace(/[\r\n]/g, "?"));
}
function countLines(file) {
  try {
    const st = fs2.statSync(file);
    if (!st.isFile() || st.size > 4 * 1024 * 1024) return void 0;
    const buf = fs2.readFileSync(file);
    if (buf.includes(0)) return void 0;
    if (buf.length === 0) return 0;
    let n = 0;
    for (const b of buf) if (b === 10) n++;
    return buf[buf.length - 1] === 10 ? n : n + 1;
  } catch {
    return void 0;
  }
}
function excludeSpecs(exclude) {
  return exclude.filter(Boolean).map((e) => `:(exclude,top)${e}`);
}
async function filesChanged(worktree, baseOrPending, exclude = [], opts = {}) {
  const specs = [":(top)", ...excludeSpecs(exclude)];
  const early = opts.mergeBaseOf ? diffNumstat(worktree, opts.mergeBaseOf, specs, { mergeBaseOf: true }) : void 0;
  const [[base, diff], status] = await Promise.all([
    (async () => {
      const b = await baseOrPending;
      const d = early ? await early : void 0;
      return [b, d ?? (b ? await diffNumstat(worktree, b, specs) : void 0)];
    })(),
    statusRecords(worktree, specs)
  ]);
  const dirty = /* @__PURE__ */ new Set();
  const untracked = [];
  for (const rec of status ?? []) {
    const p = rec.slice(3);
    dirty.add(p);
    if (rec.startsWith("??")) untracked.push(p);
  }
  const byPath = /* @__PURE__ */ new Map();
  for (const d of diff ?? []) {
    const f = { ...d };
    if (dirty.has(d.path)) f.uncommitted = true;
    byPath.set(d.path, f);
  }
  for (const p of untracked) {
    if (byPath.has(p)) continue;
    const n = countLines(path.join(worktree, p));
    byPath.set(p, n === void 0 ? { path: p, uncommitted: true } : { path: p, added: n, deleted: 0, uncommitted: true });
  }
  if (!base) {
    for (const p of dirty) if (!byPath.has(p)) byPath.set(p, { path: p, uncommitted: true });
  }
  const all = [...byPath.values()].sort((a, b) => a.path.localeCompare(b.path));
  return {
    files: all.slice(0, FILES_MAX).map((f) => ({ ...f, path: cleanPath(f.path) })),
    more: Math.max(0, all.length - FILES_MAX)
  };
}
async function commitsSince(worktree, since) {
  const range = since ? [`${since}..HEAD`] : ["HEAD"];
  const log = await shortLog(worktree, range, COMMITS_MAX * 5);
  if (!log) return { commits: [], more: 0 };
  const all = [];
  for (const { short, subject } of log) {
    if (subject.startsWith(NOTE_COMMIT_PREFIX)) continue;
    all.push({ short, subject: redact(subject) });
  }
  return { commits: all.slice(0, COMMITS_MAX), more: Math.max(0, all.length - COMMITS_MAX) };
}
async function commitSessionNote(worktreeDir, notePath, message, opts = {}) {
  const rel = path.isAbsolute(notePath) ? path.relative(worktreeDir, notePath) : notePath;
  if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel))
    return { committed: false, reason: `${notePath} is not inside ${worktreeDir}` };
  message ??= `${NOTE_COMMIT_PREFIX} ${path.basename(rel, ".md").replace(/^\d{4}-\d\d-\d\d-/, "")}`;
  const spec = `:(literal,top)${rel.split(path.sep).join("/")}`;
  if (!fs2.existsSync(path.join(worktreeDir, rel))) return { committed: false, reason: "the note file does not exist" };
  const commonDir = opts.commonDir;
  const disk = commonDir === void 0 ? void 0 : readHeadFiles(worktreeDir, commonDir);
  const branch = disk ? disk.branch : await currentBranch(worktreeDir);
  if (!branch) return { committed: false, reason: "HEAD is detached: commit the note yourself if you want it kept" };
  const headAfter = () => {
    const after = commonDir === void 0 ? void 0 : readHeadFiles(worktreeDir, commonDir);
    return after?.branch === branch ? after.commit : void 0;
  };
  const r = await commitOnly(worktreeDir, spec, message, { headAfter });
  if (r.committed) return r;
  if (r.reason.startsWith("git add failed") && await isIgnored(worktreeDir, rel))
    return { committed: false, reason: `${rel} is ignored by .gitignore, so it is not committed` };
  if (r.reason.startsWith("git commit failed") && !await hasChanges(worktreeDir, [spec]))
    return { committed: false, reason: "the note is already committed as it is" };
  return r;
}

// src/core/sessions/lock.ts
function sessionLockName(id) {
  return `session-${id}`.slice(0, 63).replace(/-+$/, "");
}
function withSessionLock(project, id, fn, opts = {}) {
  return withLock(project.store.dir, sessionLockName(id), fn, { purpose: `session note ${id}`, ...opts });
}

// src/core/sessions/end.ts
async function gitFacts(project, rec) {
  if (!fs3.existsSync(rec.worktree)) return void 0;
  const lane = await laneAt(project.store, rec.worktree);
  const notesDir = path2.posix.dirname(rec.path);
  const tip = lane ? branchTipFiles(project.repo.commonDir, lane.target) : void 0;
  const base = (async () => {
    const mb = lane ? await mergeBase(rec.worktree, "HEAD", tip ?? `refs/heads/${lane.target}`) : void 0;
    return mb ?? lane?.base ?? rec.start_commit;
  })();
  const disk = readHeadFiles(rec.worktree, project.repo.commonDir);
  const none = rec.start_commit !== void 0 && disk?.commit === rec.start_commit;
  const [files, commits, head] = await Promise.all([
    filesChanged(rec.worktree, base, [notesDir], tip ? { mergeBaseOf: tip } : {}),
    none ? { commits: [], more: 0 } : commitsSince(rec.worktree, rec.start_commit),
    disk ?? headOf(rec.worktree, project.repo.commonDir)
  ]);
  const b = await base;
  return { ...b ? { base: b } : {}, ...head.branch ? { branch: head.branch } : {}, files, commits };
}
function outcomeText(status, summary, reflection) {
  return [`Outcome: ${status}. ${summary}`.trim(), reflection ?? ""].filter(Boolean).join("\n\n");
}
async function finishSession(project, first, opts) {
  const pending = gitFacts(project, first);
  let usage;
  if (typeof opts.usage === "function") {
    await new Promise((resolve) => setImmediate(resolve));
    usage = opts.usage();
  } else usage = opts.usage;
  const facts = await pending;
  const out = await withSessionLock(
    project,
    first.id,
    async () => {
      const rec = (await readSessions(project.store))[first.id] ?? first;
      if (rec.status !== "active") return { done: false, session: rec };
      const ended = isoNow();
      let status = typeof opts.status === "string" ? opts.status : "partial";
      let commit = { committed: false, reason: "the worktree no longer exists, so the note could not be written" };
      if (facts) {
        const note = await readNoteFast(rec) ?? noteFromRecord(rec, path2.basename(project.repo.mainRoot));
        note.files = facts.files.files;
        note.files_more = facts.files.more;
        note.commits = facts.commits.commits;
        note.commits_more = facts.commits.more;
        if (typeof opts.status === "function") status = opts.status(note);
        const m = note.meta;
        m.status = status;
        m.ended = ended;
        m.duration_minutes = durationMinutes(m.started || rec.started, ended);
        m.summary = opts.summary;
        m.end_reason = opts.reason ?? null;
        m.base = facts.base ?? null;
        if (usage) m.usage = usage;
        if (facts.branch) m.branch = redact(facts.branch);
        note.reflection = outcomeText(status, opts.summary, opts.reflection);
        await writeNoteFast(rec, note);
        commit = rec.worktree === project.repo.mainRoot ? {
          committed: false,
          reason: "this is the main checkout: Lanes writes the note there but does not commit it; commit it with your work"
        } : await commitSessionNote(rec.worktree, rec.path, `${NOTE_COMMIT_PREFIX} ${rec.id}`, {
          commonDir: project.repo.commonDir
        });
      }
      const session = await project.store.update(SESSIONS_DOC, (doc) => {
        const r = doc[rec.id] ??= { ...rec };
        r.status = status;
        r.ended = ended;
        r.updated = ended;
        r.summary = opts.summary;
        if (opts.reason) r.end_reason = opts.reason;
        if (usage) r.usage = usage;
        if (facts?.branch) r.branch = redact(facts.branch);
        if (commit.committed) {
          r.note_commit = commit.sha;
          delete r.note_uncommitted;
        } else {
          r.note_uncommitted = commit.reason;
        }
        return { ...r };
      });
      const result = {
        session,
        note_path: noteFile(session),
        committed: commit.committed,
        ...commit.committed ? { note_commit: commit.sha } : { not_committed_reason: commit.reason },
        files: facts?.files.files ?? [],
        files_more: facts?.files.more ?? 0,
        commits: facts?.commits.commits ?? [],
        commits_more: facts?.commits.more ?? 0
      };
      return { done: true, result };
    },
    opts.lock ?? {}
  );
  if (out.done) {
    await project.store.appendEvent("session.ended", {
      session: first.id,
      task: first.task,
      status: out.result.session.status,
      reason: opts.reason,
      note_commit: out.result.note_commit
    });
  }
  return out;
}
async function endSession(project, input, key = sessionKey(input.session_key)) {
  if (input.id !== void 0) assertSlug(input.id, "session id");
  const summary = redact(normalizeText(input.summary));
  if (!summary)
    throw new LanesError("INVALID_INPUT", "The summary is empty.", { hint: "Say in a sentence or two what the session achieved." });
  const rec = findCurrent(await readSessions(project.store), project.repo.worktreeRoot, key, input.id);
  const ended = (s) => new LanesError("CONFLICT", `Session ${s.id} has already ended (${s.status}${s.ended ? ` at ${s.ended}` : ""}).`, {
    hint: `Its note is final; ${act("get_session")} shows it. Start a new session for new work.`
  });
  if (rec.status !== "active") throw ended(rec);
  const reflection = input.reflection !== void 0 ? redact(normalizeText(input.reflection)) : void 0;
  const out = await finishSession(project, rec, { status: input.status, summary, ...reflection ? { reflection } : {} });
  if (!out.done) throw ended(out.session);
  const protocol = fs3.existsSync(rec.worktree) ? await checkProtocol(project, rec.worktree, "end", rec.id) : {
    ok: false,
    phase: "end",
    session_id: rec.id,
    items: [{ id: "worktree", description: "The session's worktree exists.", ok: false, detail: `${rec.worktree} no longer exists.` }]
  };
  return { ...out.result, protocol };
}
async function completeSessionFast(opts) {
  const t0 = performance.now();
  const ms = () => Math.round(performance.now() - t0);
  let lanes = opts.lanes;
  if (!lanes) {
    const repo = await resolveRepo(opts.cwd);
    if (!fs3.existsSync(repo.stateDir)) return { done: false, ms: ms(), reason: "this repository has no Lanes state" };
    lanes = await openProject(opts.cwd, repo);
  }
  if (opts.id !== void 0) assertSlug(opts.id, "session id");
  let rec;
  try {
    rec = findCurrent(await readSessions(lanes.store), lanes.repo.worktreeRoot, sessionKey(opts.session_key), opts.id);
  } catch (e) {
    if (isLanesError(e, "NOT_FOUND") || isLanesError(e, "CONFLICT")) return { done: false, ms: ms(), reason: e.message };
    throw e;
  }
  if (rec.status !== "active")
    return { done: false, ms: ms(), reason: `session ${rec.id} has already ended (${rec.status})`, session: rec };
  const reason = opts.reason ? redact(opts.reason.slice(0, 200)) : "unknown";
  const out = await finishSession(lanes, rec, {
    // Work logged or committed but never wrapped up is partial; a session that did nothing is abandoned.
    status: (note) => entryCount(note) > 0 || note.commits.length > 0 ? "partial" : "abandoned",
    summary: `The session ended (${reason}) without end_session.`,
    reason,
    // proper-lockfile's floor is 2 s stale; a hook killed at 1.5 s must not wait longer than it lives.
    lock: { staleMs: 2e3, deadlineMs: 2100 },
    usage: opts.usage ?? (() => transcriptUsage(opts.transcript))
  });
  if (!out.done)
    return { done: false, ms: ms(), reason: `session ${rec.id} has already ended (${out.session.status})`, session: out.session };
  return { done: true, ms: ms(), result: out.result };
}

export {
  countCommits,
  INTERRUPTED_NOTE,
  nowIso,
  newRunId,
  runOwner,
  LIMITED_NOTE,
  countedAttempts,
  agentMs,
  laneMs,
  taskMs,
  wallMs,
  findRun,
  RUNS_DOC,
  trimRuns,
  priceTable,
  UsageMeter,
  sumUsage,
  usageText,
  dollars,
  runCost,
  transcriptUsage,
  withSessionLock,
  endSession,
  completeSessionFast
};
