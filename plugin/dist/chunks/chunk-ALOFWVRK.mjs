#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
import {
  LanesError
} from "./chunk-OBLF3P63.mjs";

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
function pick(a) {
  if (a.length === 0) return void 0;
  for (const cp of PREFERRED) if (has(a, cp)) return String.fromCodePoint(cp);
  for (let i = 0; i < a.length; i += 2) {
    const cp = Math.max(a[i], 32);
    if (cp <= a[i + 1]) return String.fromCodePoint(cp);
  }
  return String.fromCodePoint(a[0]);
}

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
function intersectNfa(a, b, budget = 2e5) {
  const nb = b.edges.length;
  const seen = /* @__PURE__ */ new Map();
  const keys = [];
  const parent = [];
  const chars = [];
  const push = (key, from, ch) => {
    if (seen.has(key)) return;
    seen.set(key, keys.length);
    keys.push(key);
    parent.push(from);
    chars.push(ch);
  };
  for (const sa of a.starts) for (const sb of b.starts) push(sa * nb + sb, -1, "");
  for (let qi = 0; qi < keys.length; qi++) {
    if (qi >= budget) return { intersects: true };
    const key = keys[qi];
    const pa = Math.floor(key / nb);
    const pb = key % nb;
    if (a.accept[pa] && b.accept[pb]) {
      let w = "";
      for (let i = qi; i >= 0 && parent[i] !== -1; i = parent[i]) w = chars[i] + w;
      return { intersects: true, witness: readable(w, a, b) };
    }
    for (const ea of a.edges[pa]) {
      for (const eb of b.edges[pb]) {
        const ch = pick(intersect(ea.set, eb.set));
        if (ch !== void 0) push(ea.to * nb + eb.to, qi, ch);
      }
    }
  }
  return { intersects: false };
}
function readable(w, a, b) {
  const segs = w.split("/");
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i];
    if (seg !== "" && !seg.startsWith(".")) continue;
    const trial = [...segs.slice(0, i), `x${seg}`, ...segs.slice(i + 1)].join("/");
    if (nfaMatches(a, trial) && nfaMatches(b, trial)) segs[i] = `x${seg}`;
  }
  return segs.join("/");
}
function nfaMatches(nfa, path) {
  let cur = new Set(nfa.starts);
  for (const ch of path) {
    const cp = ch.codePointAt(0);
    const next = /* @__PURE__ */ new Set();
    for (const s of cur) for (const e of nfa.edges[s]) if (has(e.set, cp)) next.add(e.to);
    if (next.size === 0) return false;
    cur = next;
  }
  for (const s of cur) if (nfa.accept[s]) return true;
  return false;
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
function intersectNormalized(a, b, files) {
  const pa = isPlainScope(a);
  const pb = isPlainScope(b);
  if (pa && pb) {
    const [short, long] = a.length <= b.length ? [a, b] : [b, a];
    const nested = long === short || long.startsWith(`${short}/`) && !files?.has(short);
    return nested ? { intersects: true, witness: long } : { intersects: false };
  }
  const ka = literalKey(a, pa);
  const kb = literalKey(b, pb);
  if (!(ka.length <= kb.length ? kb.startsWith(ka) : ka.startsWith(kb))) return { intersects: false };
  if (files && (pa && files.has(a) || pb && files.has(b))) {
    const [file, glob] = pa ? [a, b] : [b, a];
    return nfaMatches(compiled(glob), file) ? { intersects: true, witness: file } : { intersects: false };
  }
  return intersectNfa(compiled(a), compiled(b));
}
function literalKey(scope, plain) {
  if (plain) return `${scope}/`;
  const first = scope.search(GLOB_CHARS);
  return scope.slice(0, scope.lastIndexOf("/", first) + 1);
}
function scopesIntersect(a, b) {
  return intersectNormalized(normalizeScope(a), normalizeScope(b));
}

export {
  normalizeScope,
  isPlainScope,
  intersectNormalized,
  scopesIntersect
};
