#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
var os2 = require("node:os");
var path5 = require("node:path");
var fs = require("node:fs");
var os = require("node:os");
var path2 = require("node:path");
var fs2 = require("node:fs");
var { createRequire } = require("node:module");
var path = require("node:path");
var fs3 = require("node:fs");
var fs4 = require("node:fs");
var path3 = require("node:path");
var { createRequire: createRequire2 } = require("node:module");
var fs5 = require("node:fs");
var path4 = require("node:path");
var fs6 = require("node:fs");

// src/hooks/pre-tool-use.ts

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

// src/util/escape.ts
var CONTROL_LINE = /[\x00-\x1f\x7f-\x9f]/g;
function show(c) {
  const n = c.charCodeAt(0);
  if (c === "\n") return "\\n";
  if (c === "\r") return "\\r";
  if (c === "	") return "\\t";
  return `\\x${n.toString(16).padStart(2, "0")}`;
}
function safeText(s) {
  if (s === void 0 || s === null) return "";
  return String(s).replace(CONTROL_LINE, show);
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
  let obj2;
  try {
    obj2 = parseRecords(text);
  } catch (e) {
    return { ok: false, reason: text.length === 0 ? "the file is empty" : e.message };
  }
  if (typeof obj2 !== "object" || obj2 === null || Array.isArray(obj2)) return { ok: false, reason: "not a JSON object" };
  const o = obj2;
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

// src/core/merge/notices.ts
var emptyNotices = () => /* @__PURE__ */ Object.create(null);
var NOTICES_DOC = defineDoc({ name: "notices", empty: emptyNotices });
var MAX_FILES = 10;
function pendingNotice(doc, task) {
  if (!doc || typeof doc !== "object" || !Object.hasOwn(doc, task)) return void 0;
  const n = doc[task];
  if (!n || typeof n !== "object" || typeof n.id !== "string" || n.delivered_at) return void 0;
  return Array.isArray(n.files) && n.files.length ? n : void 0;
}
function noticeText(task, n) {
  const target = safeText(n.target);
  const landed = n.landed.map((t) => safeText(t)).join(", ") || "another task";
  const shown = n.files.slice(0, MAX_FILES).map((f) => safeText(f));
  const more = n.files.length > MAX_FILES ? ` and ${n.files.length - MAX_FILES} more` : "";
  return `Lanes: ${target} moved under task ${safeText(task)}: ${landed} landed on ${target} (${safeText(n.id).slice(0, 12)}), and this lane now conflicts with ${target} in: ${shown.join(", ")}${more}. Resolve it now, while the change is fresh: commit your work, merge ${target} into the lane (\`git merge ${target}\` in the lane's worktree), resolve those files, run the tests and commit the merge; then carry on. Until then the merge queue would refuse this lane (${act("queue_merge", { task_id: task })} reports the conflict).`;
}

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

// src/core/claims/edit-policy.ts

// src/state/seen.ts

// src/state/random.ts
var requireBuiltin = createRequire(import.meta.url);

// src/state/atomic.ts
var ORPHAN_AGE_MS = 60 * 60 * 1e3;

// src/state/seen.ts
var GRACE_MS = 5e3;
var book;
function loadBook(file) {
  if (book?.file === file) return;
  let seen = /* @__PURE__ */ new Map();
  try {
    seen = new Map(JSON.parse(fs2.readFileSync(file, "utf8")));
  } catch {
  }
  book = { file, seen, dirty: false };
}
function isLease(v) {
  const r = v;
  return typeof r.owner === "string" && typeof r.host === "string" && typeof r.expires_at === "string";
}
var tokenOf = (r) => `${r.host}\0${r.owner}\0${r.expires_at}`;
function ttlMsOf(r) {
  if (typeof r.ttl_seconds === "number" && r.ttl_seconds > 0) return r.ttl_seconds * 1e3;
  const from = typeof r.renewed_at === "string" ? r.renewed_at : typeof r.leased_at === "string" ? r.leased_at : void 0;
  const d = from ? Date.parse(r.expires_at) - Date.parse(from) : NaN;
  return Number.isFinite(d) && d > 0 ? d : 7 * 864e5;
}
function firstSeen(token, now) {
  const b = book;
  let t = b.seen.get(token);
  if (t === void 0) {
    b.seen.set(token, t = now);
    b.dirty = true;
  }
  return t;
}
function leaseEnd(r, now = Date.now()) {
  const written = Date.parse(r.expires_at);
  if (!book || !isLease(r) || r.host === hostName()) return written;
  return firstSeen(tokenOf(r), now) + ttlMsOf(r) + GRACE_MS;
}

// src/core/plan/charset.ts
var MAX = 1114111;
var SLASH = 47;
var ANY = [0, MAX];
var NO_SLASH = [0, SLASH - 1, SLASH + 1, MAX];
function single(cp) {
  return [cp, cp];
}
function fromRanges(ranges) {
  const sorted = ranges.filter(([lo, hi]) => lo <= hi).sort((x, y) => x[0] - y[0]);
  const out = [];
  for (const [lo, hi] of sorted) {
    const last = out.length - 1;
    if (last > 0 && lo <= out[last] + 1) out[last] = Math.max(out[last], hi);
    else out.push(lo, hi);
  }
  return out;
}
function union(a, b) {
  const r = [];
  for (const s of [a, b]) for (let i = 0; i < s.length; i += 2) r.push([s[i], s[i + 1]]);
  return fromRanges(r);
}
function complement(a) {
  const out = [];
  let next = 0;
  for (let i = 0; i < a.length; i += 2) {
    const lo = a[i];
    if (lo > next) out.push(next, lo - 1);
    next = a[i + 1] + 1;
  }
  if (next <= MAX) out.push(next, MAX);
  return out;
}
function intersect(a, b) {
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i], b[j]);
    const hi = Math.min(a[i + 1], b[j + 1]);
    if (lo <= hi) out.push(lo, hi);
    if (a[i + 1] < b[j + 1]) i += 2;
    else j += 2;
  }
  return out;
}
function has(a, cp) {
  for (let i = 0; i < a.length; i += 2) {
    if (cp < a[i]) return false;
    if (cp <= a[i + 1]) return true;
  }
  return false;
}
var PREFERRED = [..."xabcdefghijklmnopqrstuvwyz0123456789_-."].map((c) => c.codePointAt(0));

// src/core/plan/glob-parse.ts
var SCOPE_LIMITS = {
  maxLength: 512,
  /** Brace and group expansion beyond this is refused: `{a,b}/{c,d}/...` grows exponentially. */
  maxAlternatives: 256,
  maxTokens: 8192
};
var GLOB_CHARS = /[*?[{(\\]/;
function bad(scope, why, hint) {
  const shown = JSON.stringify(scope.length > 80 ? `${scope.slice(0, 80)}...` : scope);
  return new LanesError("INVALID_INPUT", `Invalid file scope ${shown}: ${why}.`, { hint, details: { scope } });
}
function parseScope(scope) {
  const seqs = flatten(parseSeq(scope, scope, false), scope);
  let total = 0;
  for (const seq of seqs) {
    total += seq.length;
    if (seq[0]?.k === "sep") throw bad(scope, "one of its alternatives is an absolute path", 'Remove the leading "/".');
    if (hasDotDot(seq)) throw bad(scope, 'one of its alternatives contains a ".." segment', "Scopes cannot leave the repository.");
  }
  if (total > SCOPE_LIMITS.maxTokens) throw tooMany(scope);
  return seqs;
}
function tooMany(scope) {
  return bad(scope, `it expands to too many alternatives (limit ${SCOPE_LIMITS.maxAlternatives})`, "Split it into several simpler scopes.");
}
function hasDotDot(seq) {
  let run = [];
  for (const t of [...seq, { k: "sep" }]) {
    if (t.k === "sep") {
      if (run.length === 2 && run[0] === 46 && run[1] === 46) return true;
      run = [];
    } else run.push(t.k === "lit" ? t.cp : -1);
  }
  return false;
}
function flatten(nodes, scope) {
  let acc = [[]];
  for (const node of nodes) {
    if (node.k !== "alt") {
      for (const seq of acc) seq.push(node);
      continue;
    }
    const subs = node.alts.flatMap((alt) => flatten(alt, scope));
    if (acc.length * subs.length > SCOPE_LIMITS.maxAlternatives) throw tooMany(scope);
    acc = acc.flatMap((a) => subs.map((b) => [...a, ...b]));
  }
  return acc;
}
var lit = (c) => ({ k: "lit", cp: c.codePointAt(0) });
function parseSeq(s, scope, pipeIsLiteral) {
  const out = [];
  let i = 0;
  while (i < s.length) {
    const c = String.fromCodePoint(s.codePointAt(i));
    const next = s[i + c.length];
    if ("*?@+!".includes(c) && next === "(") {
      throw bad(scope, `the extglob "${c}(" is not supported`, 'Use braces for alternatives ("src/{a,b}/**") or "*" for any name.');
    }
    if (c === "\\" && i + 1 < s.length) {
      const e = String.fromCodePoint(s.codePointAt(i + 1));
      out.push(lit(e));
      i += 1 + e.length;
      continue;
    }
    if (c === "*") out.push({ k: "star" });
    else if (c === "?") out.push({ k: "set", set: NO_SLASH });
    else if (c === "/") out.push({ k: "sep" });
    else if (c === "|" && !pipeIsLiteral) {
      throw bad(scope, '"|" outside a (...) group', 'Write alternatives with braces: "src/{a,b}/**".');
    } else if (c === "[") {
      const r = parseClass(s, i);
      if (r) {
        out.push(r.tok);
        i = r.end;
        continue;
      }
      out.push(lit(c));
    } else if (c === "+" && i > 0 && ")]}".includes(s[i - 1]) && s[i - 2] !== "\\") {
      throw bad(scope, `"${s[i - 1]}+" repeats a group`, 'Escape the plus as "\\+", or list the names with braces.');
    } else if (c === "{") {
      const end = matchClose(s, i);
      if (end === -1)
        out.push(lit(c));
      else {
        out.push(...brace(s.slice(i + 1, end), scope, pipeIsLiteral));
        i = end + 1;
        continue;
      }
    } else if (c === "(" || c === ")") {
      const end = c === "(" ? matchClose(s, i) : -1;
      if (end === -1) throw bad(scope, `it has an unbalanced "${c}"`, 'Escape a literal parenthesis as "\\(" or "\\)".');
      const alts = group(s.slice(i + 1, end), scope);
      i = end + 1;
      const q = quantifierEnd(s, i);
      if (q > i) alts.push([]);
      out.push({ k: "alt", alts }, ...q > i ? [{ k: "wild" }] : []);
      i = q;
      continue;
    } else out.push(lit(c));
    i += c.length;
  }
  return out;
}
function brace(inner, scope, pipeIsLiteral) {
  const parts = splitTop(inner, ",");
  if (parts.length > 1) return [{ k: "alt", alts: parts.map((p) => parseSeq(p, scope, pipeIsLiteral)) }];
  return [lit("{"), ...parseSeq(inner, scope, pipeIsLiteral), lit("}")];
}
function group(inner, scope) {
  const alts = splitTop(inner, "|").map((p) => parseSeq(p, scope, false));
  alts.push([lit("("), ...parseSeq(inner, scope, true), lit(")")]);
  return alts;
}
function quantifierEnd(s, i) {
  let k = i;
  while (k < s.length && "*?+".includes(s[k])) k++;
  return k;
}
function classEnd(s, i) {
  let k = i + 1;
  if (s[k] === "!" || s[k] === "^") k++;
  if (s[k] === "]") k++;
  while (k < s.length) {
    if (s[k] === "\\") k += 2;
    else if (s[k] === "[" && s[k + 1] === ":" && /^\[:[a-z]+:\]/.test(s.slice(k))) k = s.indexOf(":]", k) + 2;
    else if (s[k] === "]") return k;
    else k++;
  }
  return -1;
}
function parseClass(s, i) {
  const end = classEnd(s, i);
  if (end === -1) return null;
  let k = i + 1;
  const bang = s[k] === "!";
  const caret = s[k] === "^";
  if (bang || caret) k++;
  if (s[k] === "]") return { tok: { k: "wild" }, end: end + 1 };
  const ranges = [];
  const read = () => {
    if (s[k] === "\\") k++;
    const cp = s.codePointAt(k);
    k += cp > 65535 ? 2 : 1;
    return cp;
  };
  while (k < end) {
    const lo = read();
    if (s[k] === "-" && k + 1 < end) {
      k++;
      ranges.push([lo, read()]);
    } else ranges.push([lo, lo]);
  }
  let set = fromRanges(ranges);
  if (caret) set = intersect(complement(set), NO_SLASH);
  if (bang) set = union(set, NO_SLASH);
  return { tok: { k: "set", set, text: s.slice(i, end + 1) }, end: end + 1 };
}
function matchClose(s, i) {
  const open = s[i];
  const close = open === "{" ? "}" : ")";
  let depth = 0;
  for (let k = i; k < s.length; k++) {
    const c = s[k];
    if (c === "\\") k++;
    else if (c === "[") {
      const e = classEnd(s, k);
      if (e !== -1) k = e;
    } else if (c === open) depth++;
    else if (c === close && --depth === 0) return k;
  }
  return -1;
}
function splitTop(s, sep) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s[k];
    if (c === "\\") k++;
    else if (c === "[") {
      const e = classEnd(s, k);
      if (e !== -1) k = e;
    } else if (c === "{" || c === "(") depth++;
    else if ((c === "}" || c === ")") && depth > 0) depth--;
    else if (c === sep && depth === 0) {
      parts.push(s.slice(start, k));
      start = k + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

// src/core/plan/scope-normalize.ts
var ESCAPABLE = /* @__PURE__ */ new Set([..."*?[]{}()!|,@+\\"]);
var normalizedCache = /* @__PURE__ */ new Map();
function normalizeScope(raw) {
  if (typeof raw !== "string") {
    throw new LanesError("INVALID_INPUT", `Invalid file scope ${String(raw)}: expected a string.`, {
      hint: 'Give scopes as repository-relative paths or globs, for example "src/api/**".'
    });
  }
  if (isPlainlyNormal(raw)) return raw;
  const hit = normalizedCache.get(raw);
  if (hit !== void 0) return hit;
  const s = normalizeUncached(raw);
  if (normalizedCache.size > 1e5) normalizedCache.clear();
  normalizedCache.set(raw, s);
  normalizedCache.set(s, s);
  return s;
}
function normalizeUncached(raw) {
  const s = clean(raw);
  parseScope(s);
  return s;
}
function isPlainlyNormal(s) {
  const n = s.length;
  if (n === 0 || n > SCOPE_LIMITS.maxLength) return false;
  const first = s.charCodeAt(0);
  if (first === 47 || first === 126 || first === 33 || n > 1 && s.charCodeAt(1) === 58) return false;
  let segStart = 0;
  let dots = 0;
  for (let k = 0; k < n; k++) {
    const c = s.charCodeAt(k);
    if (c < 33 || c > 126) return false;
    switch (c) {
      case 92:
      // \
      case 40:
      // (
      case 41:
      // )
      case 124:
      // |
      case 91:
      // [
      case 93:
      // ]
      case 123:
      // {
      case 125:
        return false;
      case 47:
        if (k === segStart || dots === k - segStart) return false;
        segStart = k + 1;
        dots = 0;
        break;
      case 46:
        if (dots === k - segStart) dots++;
        break;
    }
  }
  return segStart < n && dots !== n - segStart;
}
function clean(raw) {
  const rel = 'Use a path relative to the repository root, for example "src/api/**".';
  let s = raw.trim();
  if (s === "") throw bad(raw, "it is empty", rel);
  if (s.length > SCOPE_LIMITS.maxLength) {
    throw bad(raw, `it is longer than ${SCOPE_LIMITS.maxLength} characters`, 'Use a shorter glob such as "dir/**".');
  }
  if (/[\u0000-\u001f\u007f]/.test(s)) throw bad(raw, "it contains a control character", rel);
  for (let i = s.indexOf("\\"); i !== -1; i = s.indexOf("\\", i + 2)) {
    if (!ESCAPABLE.has(s[i + 1] ?? "")) {
      throw bad(raw, "it contains a backslash", 'Separate directories with "/"; "\\" only escapes a glob character such as "\\*".');
    }
  }
  if (s.startsWith("/") || /^[A-Za-z]:([/\\]|$)/.test(s) || s === "~" || s.startsWith("~/")) {
    throw bad(raw, "it is an absolute path", rel);
  }
  s = s.replace(/\/{2,}/g, "/");
  while (s.startsWith("./")) s = s.slice(2);
  s = s.replace(/(^|\/)\.(?=\/|$)/g, "$1").replace(/\/{2,}/g, "/").replace(/^\//, "");
  if (s === "" || s === ".") return "**";
  if (s.startsWith("!")) {
    throw bad(raw, "negated scopes are not supported", "List the files the task may touch; a scope cannot exclude files.");
  }
  if (s.split("/").includes("..")) throw bad(raw, 'it contains a ".." segment', rel);
  if (/(^|[^\\])\{/.test(s) && s.includes("..")) {
    throw bad(raw, '".." inside braces is not supported (no ranges such as {1..3})', "List the values instead: {1,2,3}.");
  }
  if (/\[:[a-z]+:\]/.test(s)) {
    throw bad(raw, "POSIX classes such as [[:alpha:]] are not supported", "Use a range instead: [a-zA-Z].");
  }
  if (s.endsWith("/")) s += "**";
  return s;
}

// src/core/plan/glob-nfa.ts
var SLASH2 = single(47);
var Builder = class {
  edges = [];
  eps = [];
  finals = [];
  state() {
    this.edges.push([]);
    this.eps.push([]);
    return this.edges.length - 1;
  }
  edge(from, set, to = this.state()) {
    this.edges[from].push({ set, to });
    return to;
  }
  e(from, to) {
    this.eps[from].push(to);
  }
  /** `set*` on a fresh state, so the loop cannot leak into a sibling alternative. */
  loop(from, set) {
    const k = this.state();
    this.e(from, k);
    this.edge(k, set, k);
    return k;
  }
  /** `(/.*)?`: the directory itself or anything under it. */
  under(from) {
    const k = this.state();
    this.e(from, k);
    const m = this.edge(from, SLASH2);
    this.edge(m, ANY, m);
    this.e(m, k);
    return k;
  }
};
var isGlobstar = (seg) => seg.length >= 2 && seg.every((t) => t.k === "star");
function buildSeq(b, seq, start) {
  const segs = [[]];
  for (const t of seq) {
    if (t.k === "sep") segs.push([]);
    else segs[segs.length - 1].push(t);
  }
  const segments = segs.filter((seg, i) => !(i > 0 && isGlobstar(seg) && isGlobstar(segs[i - 1])));
  const n = segments.length;
  let cur = start;
  let sepEaten = false;
  segments.forEach((seg, si) => {
    if (isGlobstar(seg)) {
      if (n === 1) cur = b.loop(cur, ANY);
      else if (si === n - 1)
        cur = b.under(cur);
      else {
        if (si === n - 2 && segments[n - 1].length === 0) b.finals.push(cur);
        if (si > 0 && !sepEaten) cur = b.edge(cur, SLASH2);
        const k2 = b.state();
        b.e(cur, k2);
        const m = b.loop(cur, ANY);
        b.edge(m, SLASH2, k2);
        cur = k2;
        sepEaten = true;
      }
      return;
    }
    if (si > 0 && !sepEaten) cur = b.edge(cur, SLASH2);
    sepEaten = false;
    for (let k2 = 0; k2 < seg.length; k2++) {
      const t = seg[k2];
      if (t.k === "star" && seg[k2 + 1]?.k === "star") {
        while (seg[k2 + 1]?.k === "star") k2++;
        cur = b.loop(cur, ANY);
      } else cur = buildTok(b, t, cur);
    }
  });
  const plain = seq.every((t) => t.k === "lit" || t.k === "sep");
  if (plain) return b.under(cur);
  const k = b.state();
  b.e(cur, k);
  b.edge(cur, SLASH2, k);
  return k;
}
function buildTok(b, t, cur) {
  switch (t.k) {
    case "lit":
      return b.edge(cur, single(t.cp));
    case "star":
      return b.loop(cur, NO_SLASH);
    case "wild":
      return b.loop(cur, ANY);
    case "sep":
      return b.edge(cur, SLASH2);
    case "set": {
      const k = b.edge(cur, t.set);
      if (t.text) {
        const cps = [...t.text].map((c2) => c2.codePointAt(0));
        let c = cur;
        cps.forEach((cp, i) => {
          c = i === cps.length - 1 ? b.edge(c, single(cp), k) : b.edge(c, single(cp));
        });
      }
      return k;
    }
  }
}
function compileScope(scope) {
  const b = new Builder();
  const starts = parseScope(scope).map((seq) => {
    const s = b.state();
    b.finals.push(buildSeq(b, seq, s));
    return s;
  });
  if (GLOB_CHARS.test(scope)) {
    const s = b.state();
    let cur = s;
    for (const c of scope) cur = b.edge(cur, single(c.codePointAt(0)));
    b.finals.push(cur);
    starts.push(s);
  }
  return eliminateEpsilons(b, starts);
}
function eliminateEpsilons(b, starts) {
  const n = b.edges.length;
  const isFinal = new Uint8Array(n);
  for (const f of b.finals) isFinal[f] = 1;
  const accept = new Uint8Array(n);
  const edges = new Array(n);
  const mark = new Int32Array(n).fill(-1);
  for (let s = 0; s < n; s++) {
    const stack = [s];
    mark[s] = s;
    const merged = /* @__PURE__ */ new Map();
    while (stack.length) {
      const c = stack.pop();
      if (isFinal[c]) accept[s] = 1;
      for (const e of b.edges[c]) {
        const prev = merged.get(e.to);
        merged.set(e.to, prev ? union(prev, e.set) : e.set);
      }
      for (const t of b.eps[c]) {
        if (mark[t] !== s) {
          mark[t] = s;
          stack.push(t);
        }
      }
    }
    edges[s] = [...merged].map(([to, set]) => ({ set, to }));
  }
  return { starts, accept, edges };
}
function nfaMatches(nfa, path6) {
  let cur = new Set(nfa.starts);
  for (const ch of path6) {
    const cp = ch.codePointAt(0);
    const next = /* @__PURE__ */ new Set();
    for (const s of cur) for (const e of nfa.edges[s]) if (has(e.set, cp)) next.add(e.to);
    if (next.size === 0) return false;
    cur = next;
  }
  for (const s of cur) if (nfa.accept[s]) return true;
  return false;
}

// src/core/plan/scope-match.ts
var nfaCache = /* @__PURE__ */ new Map();
function compiled(scope) {
  let nfa = nfaCache.get(scope);
  if (!nfa) {
    if (nfaCache.size > 2e4) nfaCache.clear();
    nfa = compileScope(scope);
    nfaCache.set(scope, nfa);
  }
  return nfa;
}
function isPlainScope(scope) {
  return !GLOB_CHARS.test(scope);
}
function matchesScope(scope, path6) {
  const s = normalizeScope(scope);
  if (isPlainScope(s)) return path6 === s || path6.startsWith(`${s}/`);
  return nfaMatches(compiled(s), path6);
}

// src/core/claims/match.ts
var MAX_CACHED = 4096;
var matchers = /* @__PURE__ */ new Map();
function matcherFor(pattern) {
  let m = matchers.get(pattern);
  if (m) return m;
  if (isPlainScope(pattern)) {
    const dir = `${pattern}/`;
    m = (p) => p === pattern || p.startsWith(dir);
  } else {
    const segs = pattern.split("/");
    const pre = segs.slice(
      0,
      segs.findIndex((s) => !isPlainScope(s))
    ).join("/");
    const dir = `${pre}/`;
    m = (p) => (pre === "" || p === pre || p.startsWith(dir)) && matchesScope(pattern, p);
  }
  if (matchers.size >= MAX_CACHED) matchers.clear();
  matchers.set(pattern, m);
  return m;
}
function cleanPath(p) {
  let s = p.replace(/\/{2,}/g, "/");
  while (s.startsWith("./")) s = s.slice(2);
  return s.replace(/\/$/, "");
}
function findHolder(claims, path6, exceptOwner, now = Date.now()) {
  const list = Array.isArray(claims) ? claims : claims.claims;
  const p = cleanPath(path6);
  const nowIso = new Date(now).toISOString();
  let shared;
  for (const c of list) {
    if (c.owner === exceptOwner || shared && c.mode === "shared") continue;
    if (!matcherFor(c.pattern)(p) || c.expires_at <= nowIso && leaseEnd(c, now) <= now) continue;
    if (c.mode === "exclusive") return c;
    shared = c;
  }
  return shared;
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
function describeOwner(id) {
  const on = typeof id.host === "string" && id.host !== hostName() ? ` on ${id.host}` : "";
  if (id.task && (id.owner === `task:${id.task}` || id.owner === id.task)) return `task ${id.task}${on}`;
  return (id.task ? `${id.owner} (task ${id.task})` : id.owner) + on;
}
function describeUntil(iso, now = Date.now()) {
  const t = Date.parse(iso);
  const d = new Date(t);
  const hhmm = `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
  const s = Math.max(0, Math.round((t - now) / 1e3));
  const rel = s < 90 ? `${s} s` : s < 5400 ? `${Math.round(s / 60)} min` : `${Math.round(s / 360) / 10} h`;
  return `${hhmm} (in ${rel})`;
}

// src/util/paths.ts
function isInside(root, p) {
  const rel = path.relative(root, p);
  return rel === "" || !rel.startsWith("..") && !path.isAbsolute(rel);
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
function laneContaining(lanes, dir) {
  for (const l of Object.values(lanes)) {
    if (l && typeof l.path === "string" && isInside(l.path, dir)) return l;
  }
  return void 0;
}

// src/core/claims/edit-policy.ts
function isOwnClaim(c, lane, sessionId) {
  return c.owner === `task:${lane.task}` || c.task === lane.task || sessionId !== void 0 && c.session === sessionId;
}
function toPosix(p) {
  return p.split(path2.sep).join("/");
}
function blockingClaim(ctx, lane, rel) {
  let others = ctx.claims.filter((c) => c && typeof c.pattern === "string" && !isOwnClaim(c, lane, ctx.sessionId));
  for (; ; ) {
    const h = findHolder(others, rel, void 0, ctx.now);
    if (!h || h.mode !== "exclusive") return void 0;
    if (h.pid === void 0 || h.host !== ctx.host || ctx.alive(h.pid)) return h;
    others = others.filter((c) => c !== h);
  }
}
function holderText(ctx, h) {
  const lane = h.task ? ctx.lanes[h.task] : void 0;
  const where = lane ? `, lane ${lane.branch}` : "";
  const why = h.reason ? `, claimed for "${h.reason}"` : "";
  return `${describeOwner(h)}${where}${why}, until ${describeUntil(h.expires_at, ctx.now)}`;
}
function checkEdit(ctx, abs) {
  const acting = ctx.acting;
  const target = laneContaining(ctx.lanes, abs);
  if (acting && !isInside(acting.path, abs)) {
    const inRepo = target !== void 0 || isInside(ctx.mainRoot, abs) || isInside(ctx.commonDir, abs);
    if (!inRepo) return { allow: true, why: "outside the repository" };
    const rel2 = target ? path2.relative(target.path, abs) : isInside(ctx.mainRoot, abs) ? path2.relative(ctx.mainRoot, abs) : void 0;
    const copy = rel2 !== void 0 && !rel2.startsWith(".git") ? path2.join(acting.path, rel2) : void 0;
    const place = target ? `the lane of task ${target.task} (${target.path})` : isInside(ctx.commonDir, abs) ? `the repository's git directory` : `the main checkout (${ctx.mainRoot})`;
    const reason2 = `Lanes: refused: ${abs} is in ${place}, outside your lane. You work on task ${acting.task} in ${acting.path} (branch ${acting.branch}); edit only files inside that worktree and commit them there, so the work lands through the merge queue.` + (copy ? ` Edit your lane's copy instead: ${copy}` : "") + (target ? ` If task ${acting.task} needs a change in task ${target.task}'s files, record it with log_session (kind "issue") and tell the orchestrator.` : "");
    return { allow: false, reason: reason2, lane: acting };
  }
  const lane = acting ?? target;
  if (!lane) return { allow: true, why: "not in a lane" };
  const rel = toPosix(path2.relative(lane.path, abs));
  if (rel === "") return { allow: true, lane, why: "the lane root itself" };
  const h = blockingClaim(ctx, lane, rel);
  if (!h) return { allow: true, lane, why: "no other owner holds it exclusively" };
  const holderTask = h.task ? ` task ${h.task}` : " its owner";
  const reason = `Lanes: refused: ${rel} is held exclusively by ${holderText(ctx, h)}. ${acting ? `You work on task ${lane.task}; ` : `This file is in the lane of task ${lane.task}; `}another lane owns this file, so editing it here would conflict when both land. Leave it to${holderTask}: work on files in your task's scope, or record the need with log_session (kind "issue") so the orchestrator can order the tasks (add_task / depends_on). list_claims shows who holds what; the claim ends when that task lands or its lease (${h.pattern}) expires.`;
  return { allow: false, reason, lane, holder: h };
}
function needsRenewal(claims, lane, now) {
  const owner = `task:${lane.task}`;
  return claims.some((c) => {
    if (!c || c.owner !== owner || typeof c.ttl_seconds !== "number") return false;
    const slackMs = Math.min(60, c.ttl_seconds / 2) * 1e3;
    return Date.parse(c.expires_at) < now + c.ttl_seconds * 1e3 - slackMs;
  });
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
function obj(input, key) {
  const v = input?.[key];
  return typeof v === "object" && v !== null && !Array.isArray(v) ? v : void 0;
}

// src/hooks/lib/agent.ts
var MARKER_RE = /Lanes task:\s*`?([a-z0-9][a-z0-9-]{0,62})(?![a-z0-9-])/;
var ID_RE = /^[A-Za-z0-9_-]{1,128}$/;
var HEAD_BYTES = 64 * 1024;
function subagentTranscript(input) {
  const agent = str(input, "agent_id");
  if (!agent || !ID_RE.test(agent)) return void 0;
  const given = str(input, "agent_transcript_path");
  if (given) return given;
  const main2 = str(input, "transcript_path");
  const session = str(input, "session_id");
  if (!main2 || !session || !ID_RE.test(session)) return void 0;
  return path3.join(path3.dirname(main2), session, "subagents", `agent-${agent}.jsonl`);
}
function readHead(file) {
  let fd;
  try {
    fd = fs4.openSync(file, "r");
    const buf = Buffer.alloc(HEAD_BYTES);
    const n = fs4.readSync(fd, buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, n).toString("utf8");
  } catch {
    return void 0;
  } finally {
    if (fd !== void 0) fs4.closeSync(fd);
  }
}
function firstPrompt(head) {
  for (const line of head.split("\n")) {
    if (!line.trim()) continue;
    let rec;
    try {
      rec = JSON.parse(line);
    } catch {
      return void 0;
    }
    if (rec.type !== "user" || rec.message?.role !== "user") continue;
    const c = rec.message.content;
    if (typeof c === "string") return c;
    if (Array.isArray(c)) {
      return c.map(
        (b) => b && typeof b === "object" && b.type === "text" ? String(b.text ?? "") : ""
      ).join("\n");
    }
    return void 0;
  }
  return void 0;
}
function taskInPrompt(prompt) {
  return MARKER_RE.exec(prompt)?.[1];
}
function subagentTask(input) {
  const file = subagentTranscript(input);
  if (!file) return void 0;
  const head = readHead(file);
  const prompt = head === void 0 ? void 0 : firstPrompt(head);
  return prompt === void 0 ? void 0 : taskInPrompt(prompt);
}

// src/hooks/lib/lane.ts
function actingLane(input, where, lanes) {
  const here = laneContaining(lanes, where.cwd);
  if (here) return { lane: here, via: "cwd" };
  const task = subagentTask(input);
  const lane = task ? lanes[task] : void 0;
  return lane && typeof lane.path === "string" ? { lane, via: "subagent" } : void 0;
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
    return fs5.realpathSync(p);
  } catch {
    return p;
  }
}
function realish(p) {
  const abs = path4.resolve(p);
  const rest = [];
  let cur = abs;
  while (!fs5.existsSync(cur)) {
    const parent = path4.dirname(cur);
    if (parent === cur) return abs;
    rest.push(path4.basename(cur));
    cur = parent;
  }
  try {
    return path4.join(fs5.realpathSync(cur), ...rest.reverse());
  } catch {
    return abs;
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
    return { ok: true, where: build(cwd, realOr(top), realOr(path4.resolve(cwd, common))) };
  } catch {
    return { ok: false, why: `${cwd} is not inside a git repository` };
  }
}
function build(cwd, top, commonDir) {
  const mainRoot = path4.basename(commonDir) === ".git" ? path4.dirname(commonDir) : top;
  return { cwd, top, commonDir, mainRoot, stateDir: path4.join(commonDir, "lanes") };
}
function commonOf(gitDir) {
  try {
    const rel = fs5.readFileSync(path4.join(gitDir, "commondir"), "utf8").trim();
    if (rel) return realOr(path4.resolve(gitDir, rel));
  } catch {
  }
  return realOr(gitDir);
}
function locate(cwd) {
  if (typeof cwd !== "string" || cwd === "") return { ok: false, why: "the input has no cwd" };
  let real;
  try {
    real = fs5.realpathSync(cwd);
  } catch {
    return { ok: false, why: `the directory ${cwd} does not exist` };
  }
  if (process.env.GIT_DIR || process.env.GIT_WORK_TREE || process.env.GIT_COMMON_DIR) return fromGit(real);
  for (let dir = real; ; ) {
    const dotGit = path4.join(dir, ".git");
    let st;
    try {
      st = fs5.statSync(dotGit, { throwIfNoEntry: false });
    } catch {
      st = void 0;
    }
    if (st?.isDirectory()) {
      if (!fs5.existsSync(path4.join(dotGit, "HEAD"))) return fromGit(real);
      return { ok: true, where: build(real, dir, commonOf(dotGit)) };
    }
    if (st?.isFile()) {
      let m = null;
      try {
        m = /^gitdir:\s*(.+?)\s*$/m.exec(fs5.readFileSync(dotGit, "utf8"));
      } catch {
        m = null;
      }
      if (!m) return fromGit(real);
      return { ok: true, where: build(real, dir, commonOf(path4.resolve(dir, m[1]))) };
    }
    const parent = path4.dirname(dir);
    if (parent === dir) return { ok: false, why: `${cwd} is not inside a git repository` };
    dir = parent;
  }
}
function readDoc(stateDir, name) {
  if (fs5.existsSync(path4.join(stateDir, "remote", "enabled.json"))) loadBook(path4.join(stateDir, "remote", "seen.json"));
  const file = path4.join(stateDir, `${name}.json`);
  if (!fs5.existsSync(file)) return void 0;
  let text;
  try {
    text = fs5.readFileSync(file, "utf8");
  } catch {
    return void 0;
  }
  const r = parseDoc(text);
  return r.ok ? r.data : void 0;
}
function hasState(w) {
  try {
    return fs5.statSync(w.stateDir, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false;
  }
}
function readLanes(stateDir) {
  const d = readDoc(stateDir, "lanes");
  return d && typeof d === "object" && !Array.isArray(d) ? d : {};
}

// src/hooks/lib/owner.ts
function sessionOwner(sid) {
  return mcpOwner({ CLAUDE_SESSION_ID: sid, CLAUDE_CODE_SESSION_ID: sid });
}
function ownerLeaseStale(stateDir, sid, now) {
  if (!sid) return false;
  const l = leaseOf(readDoc(stateDir, "owners"), sessionOwner(sid));
  if (!l || typeof l.ttl_seconds !== "number") return false;
  const t = Date.parse(l.expires_at);
  return t > now && t < now + l.ttl_seconds * 1e3 - Math.min(60, l.ttl_seconds / 2) * 1e3;
}

// src/hooks/lib/output.ts
function writeFd(fd, raw) {
  const text = speak(raw, "tools");
  try {
    fs6.writeSync(fd, text);
  } catch {
    (fd === 1 ? process.stdout : process.stderr).write(text);
  }
}
function note(msg) {
  writeFd(2, `lanes: ${msg.endsWith("\n") ? msg : `${msg}
`}`);
}
function reasonToStderr(text) {
  writeFd(2, text.endsWith("\n") ? text : `${text}
`);
}
var emitted = false;
function emitJson(value) {
  if (emitted) throw new Error("hook output already written");
  emitted = true;
  writeFd(1, `${JSON.stringify(speakAll(value, "tools"))}
`);
}
function elapsedMs() {
  return Math.round(process.uptime() * 1e3);
}
function trace(event, outcome, fields = {}) {
  const file = process.env.LANES_HOOK_TRACE;
  if (!file) return;
  try {
    fs6.appendFileSync(file, `${JSON.stringify({ event, outcome, ms: elapsedMs(), pid: process.pid, ...fields })}
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

// src/hooks/pre-tool-use.ts
var EDIT_TOOLS = /* @__PURE__ */ new Set(["Edit", "Write", "MultiEdit", "NotebookEdit"]);
var EVENT = "PreToolUse";
async function main() {
  const read = await readHookInput();
  if (!read.ok) {
    note(`${EVENT}: ${read.why}; nothing checked, the edit is allowed.`);
    trace(EVENT, "malformed");
    return 0;
  }
  const input = read.input;
  const tool = str(input, "tool_name");
  if (!tool || !EDIT_TOOLS.has(tool)) return 0;
  const ti = obj(input, "tool_input");
  const file = str(ti, "file_path") ?? str(ti, "notebook_path");
  if (!file) return 0;
  const loc = locate(str(input, "cwd"));
  if (!loc.ok) {
    note(`${EVENT}: ${loc.why}; nothing to check.`);
    trace(EVENT, "not-git");
    return 0;
  }
  const w = loc.where;
  if (!hasState(w)) {
    note(`${EVENT}: no Lanes state in ${w.mainRoot}; nothing to check.`);
    trace(EVENT, "no-state");
    return 0;
  }
  const lanes = readLanes(w.stateDir);
  if (Object.keys(lanes).length === 0) return 0;
  const acting = actingLane(input, w, lanes);
  const claimsDoc = readDoc(w.stateDir, "claims");
  const claims = Array.isArray(claimsDoc?.claims) ? claimsDoc.claims : [];
  const abs = realish(path5.resolve(w.cwd, file));
  const now = Date.now();
  const d = checkEdit(
    {
      mainRoot: w.mainRoot,
      commonDir: w.commonDir,
      lanes,
      claims,
      ...acting ? { acting: acting.lane } : {},
      ...str(input, "session_id") ? { sessionId: str(input, "session_id") } : {},
      now,
      host: os2.hostname(),
      alive: pidAlive
    },
    abs
  );
  if (!d.allow) {
    reasonToStderr(d.reason);
    trace(EVENT, "block", { tool, file: abs, lane: d.lane?.task, holder: d.holder?.owner });
    return 2;
  }
  const sid = str(input, "session_id");
  if (d.lane && (needsRenewal(claims, d.lane, now) || ownerLeaseStale(w.stateDir, sid, now))) {
    try {
      const { renewLaneClaims } = await import("./heavy/renew.mjs");
      await renewLaneClaims(w.stateDir, d.lane.task, sid);
    } catch (e) {
      note(`${EVENT}: could not renew the claims of task ${d.lane.task}: ${e.message}`);
    }
  }
  const told = d.lane ? await deliverNotice(w.stateDir, d.lane.task) : void 0;
  trace(EVENT, told ? "allow+notice" : "allow", { tool, file: abs, lane: d.lane?.task, why: d.why, ...told ? { notice: told } : {} });
  return 0;
}
async function deliverNotice(stateDir, task) {
  const pending = pendingNotice(readDoc(stateDir, NOTICES_DOC.name), task);
  if (!pending) return void 0;
  try {
    const { claimNotice } = await import("./heavy/notice.mjs");
    const n = await claimNotice(stateDir, task, pending.id);
    if (!n) return void 0;
    emitJson({ hookSpecificOutput: { hookEventName: EVENT, additionalContext: noticeText(task, n) } });
    return n.id;
  } catch (e) {
    note(`${EVENT}: could not deliver the notice for task ${task}: ${e.message}`);
    return void 0;
  }
}
restoreLaunchEnv();
main().then(
  (code) => exit(code),
  (e) => {
    note(`${EVENT}: internal error, the edit is allowed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    trace(EVENT, "error");
    exit(0);
  }
);
