#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
var fs = require("node:fs");
var fs2 = require("node:fs");
import {
  noteFile,
  readNoteFast
} from "./chunk-7JRWJCHC.mjs";
import {
  INDEX_MAX,
  SESSIONS_DOC,
  sectionFilled
} from "./chunk-K2H7HNW2.mjs";
import {
  runCommand
} from "./chunk-PR5W4QLA.mjs";
import {
  showToplevel
} from "./chunk-ESYJGOAB.mjs";
import {
  statusPorcelain
} from "./chunk-AAYR2TCU.mjs";
import {
  LANES_DOC
} from "./chunk-ONL4JA75.mjs";
import {
  act
} from "./chunk-UE4A2DQB.mjs";
import {
  own
} from "./chunk-X4JLKMGK.mjs";
import {
  LanesError
} from "./chunk-OBLF3P63.mjs";

// src/core/sessions/records.ts
function sessionKey(input, env = process.env, pid = process.pid) {
  if (input !== void 0 && input.trim() !== "") return { key: input.trim(), explicit: true };
  const sid = (env.CLAUDE_SESSION_ID || env.CLAUDE_CODE_SESSION_ID)?.trim();
  if (sid) return { key: sid, explicit: false };
  return { key: `pid:${pid}`, explicit: false };
}
async function readSessions(store) {
  return (await store.read(SESSIONS_DOC)).data;
}
var newestFirst = (a, b) => b.started.localeCompare(a.started) || b.id.localeCompare(a.id);
function activeIn(doc, worktree, key) {
  const active = Object.values(doc).filter((r) => r.status === "active" && r.worktree === worktree);
  const mine = active.filter((r) => r.key === key.key).sort(newestFirst);
  if (mine[0]) return mine[0];
  return !key.explicit && active.length === 1 ? active[0] : void 0;
}
function findCurrent(doc, worktree, key, id) {
  if (id !== void 0) {
    const r = own(doc, id);
    if (!r)
      throw new LanesError("NOT_FOUND", `There is no session "${id}".`, { hint: `${act("list_sessions")} shows the known sessions.` });
    return r;
  }
  const active = Object.values(doc).filter((r) => r.status === "active" && (r.started_from === worktree || r.worktree === worktree));
  const mine = active.filter((r) => r.key === key.key).sort(newestFirst);
  if (mine.length === 1) return mine[0];
  if (mine.length > 1) {
    throw new LanesError(
      "CONFLICT",
      `Several sessions are active for this caller: ${mine.map((r) => `${r.id} (${r.task ?? r.topic})`).join(", ")}.`,
      {
        hint: `Pass the id of the session you mean (${act("start_session")} returned it).`
      }
    );
  }
  if (!key.explicit && active.length === 1) return active[0];
  if (active.length > 1) {
    throw new LanesError(
      "CONFLICT",
      `Several sessions are active in ${worktree}: ${active.map((r) => r.id).join(", ")}; none belongs to this caller.`,
      {
        hint: "Pass the id of the session you mean."
      }
    );
  }
  throw new LanesError("NOT_FOUND", `No session is active here (${worktree}).`, {
    hint: `Start one with ${act("start_session")} first.`
  });
}
function pruneIndex(doc) {
  const ids = Object.keys(doc);
  if (ids.length <= INDEX_MAX) return;
  const ended = Object.values(doc).filter((r) => r.status !== "active").sort((a, b) => (a.ended ?? a.started).localeCompare(b.ended ?? b.started));
  for (const r of ended.slice(0, ids.length - INDEX_MAX)) delete doc[r.id];
}
function filterSessions(doc, f) {
  const words = (f.query ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  const all = Object.values(doc).filter((r) => f.task_id === void 0 || r.task === f.task_id).filter((r) => f.status === void 0 || r.status === f.status).filter((r) => {
    if (words.length === 0) return true;
    const hay = [r.topic, r.summary ?? "", r.type, r.task ?? "", r.id].join("\n").toLowerCase();
    return words.every((w) => hay.includes(w));
  }).sort(newestFirst);
  return { sessions: all.slice(0, f.limit ?? 20), total: all.length };
}
async function laneAt(store, worktree) {
  const lanes = (await store.read(LANES_DOC)).data;
  return Object.values(lanes).find((l) => l.path === worktree || realOr(l.path) === worktree);
}
async function laneOf(store, task) {
  const lanes = (await store.read(LANES_DOC)).data;
  return own(lanes, task);
}
function realOr(p) {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}
function ownedNotePaths(doc, worktree) {
  return new Set(
    Object.values(doc).filter((r) => r.worktree === worktree).map((r) => r.path)
  );
}

// src/core/sessions/protocol.ts

// src/util/redact.ts
var REDACTED = "[REDACTED]";
var mask = (kind) => `[REDACTED:${kind}]`;
var hasLetterAndDigit = (s) => /[A-Za-z]/.test(s) && /\d/.test(s);
var TOKEN_RULES = [
  // A whole PEM private key block (RSA, EC, OPENSSH, ENCRYPTED, plain PKCS#8); a block cut off by
  // an output cap is masked to the end of the text.
  {
    kind: "private-key",
    re: /-----BEGIN ([A-Z0-9]+ ){0,3}PRIVATE KEY( BLOCK)?-----[\s\S]*?(-----END ([A-Z0-9]+ ){0,3}PRIVATE KEY( BLOCK)?-----|$)/g
  },
  { kind: "anthropic-key", re: /\bsk-ant-[A-Za-z0-9_-]{20,}/g },
  { kind: "openai-key", re: /\bsk-(?:proj-|svcacct-|admin-|None-)?[A-Za-z0-9_-]{20,}/g, accept: (m) => hasLetterAndDigit(m.slice(3)) },
  { kind: "github-token", re: /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{30,255}\b/g },
  { kind: "github-token", re: /\bgithub_pat_[A-Za-z0-9_]{22,255}\b/g },
  { kind: "aws-access-key", re: /\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|ANPA)[0-9A-Z]{16}\b/g },
  { kind: "slack-token", re: /\bxox[abposr]-[A-Za-z0-9-]{10,250}/g },
  { kind: "slack-token", re: /\bxapp-\d-[A-Za-z0-9-]{10,250}/g },
  { kind: "slack-webhook", re: /https:\/\/hooks\.slack\.com\/(?:services|workflows)\/[A-Za-z0-9_/-]{10,300}/g },
  { kind: "stripe-key", re: /\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,250}\b/g },
  { kind: "npm-token", re: /\bnpm_[A-Za-z0-9]{36}\b/g },
  { kind: "google-api-key", re: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  { kind: "jwt", re: /\beyJ[A-Za-z0-9_-]{8,4000}\.eyJ[A-Za-z0-9_-]{8,8000}\.[A-Za-z0-9_-]{0,4000}/g }
];
var STRONG = String.raw`(?:password|passwd|passphrase|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|client[_-]?secret|credentials?|auth)`;
var WEAK = String.raw`(?:key|signature|salt|cookie)`;
var ASSIGN = new RegExp(
  String.raw`(?<![A-Za-z0-9_.-])(["']?)([A-Za-z0-9_.-]{0,60}?(${STRONG}|${WEAK})s?)\1(\s*)([:=])(?![=>:])(\s*)` + String.raw`(?:"([^"\n]*)"|'([^'\n]*)'|([^\s"'\x60,;)}\]]+))`,
  "gi"
);
var AUTH_HEADER = /\b((?:proxy-)?authorization["']?\s*[:=]\s*["']?)((?:bearer|basic|token|digest|apikey)\s+)?([^\s"',;]{6,4000})/gi;
var BEARER = /\b(bearer\s+)([A-Za-z0-9._~+/=-]{16,4000})/gi;
var URL_PASSWORD = /\b([a-z][a-z0-9+.-]{1,20}:\/\/[^\s:@/]{1,200}:)([^\s@/]{1,400})(@)/gi;
var PROSE = new RegExp(String.raw`\b(${STRONG}|${WEAK})(s?\b[ \t]+(?:is[ \t]+|was[ \t]+)?)([A-Za-z0-9+/=_-]{20,4000})`, "gi");
var CODE_WORDS = /* @__PURE__ */ new Set([
  "string",
  "number",
  "boolean",
  "bigint",
  "symbol",
  "object",
  "any",
  "unknown",
  "never",
  "void",
  "undefined",
  "null",
  "none",
  "nil",
  "true",
  "false",
  "yes",
  "no",
  "await",
  "new",
  "typeof",
  "function",
  "async",
  "required",
  "optional",
  "redacted",
  "secret",
  "token",
  "password",
  "str",
  "int",
  "bool"
]);
function entropy(s) {
  const counts = /* @__PURE__ */ new Map();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}
function looksRandom(s) {
  if (s.length < 20 || !/^[A-Za-z0-9+/=_-]+$/.test(s) || !hasLetterAndDigit(s)) return false;
  const isHex = /^[0-9a-fA-F]+$/.test(s);
  return entropy(s) >= (isHex ? 3 : 3.5);
}
function unquotedIsSecret(value, spaced, sep) {
  if (value.length < 4) return false;
  if (value.startsWith("$") || value.startsWith("{") || value.startsWith("<") || value.startsWith("%")) return false;
  if (/[()[\]]/.test(value)) return false;
  if (CODE_WORDS.has(value.toLowerCase().replace(/[?!|&]+$/, ""))) return false;
  if (/^[A-Za-z_$][\w$]*(\??\.[A-Za-z_$][\w$]*)+$/.test(value)) return false;
  if (sep === "=" && !spaced) return true;
  if (/^[A-Za-z_$][\w$]*[,;]?$/.test(value)) return /\d/.test(value) || value.length >= 16 && !/^[A-Z][a-z]/.test(value);
  return true;
}
function isMask(v) {
  return v.startsWith("[REDACTED");
}
function redact(text) {
  if (!text) return text;
  let out = text;
  for (const rule of TOKEN_RULES) {
    out = out.replace(rule.re, (m) => rule.accept && !rule.accept(m) ? m : mask(rule.kind));
  }
  out = out.replace(URL_PASSWORD, (_m, pre, _pw, at) => `${pre}${REDACTED}${at}`);
  out = out.replace(AUTH_HEADER, (m, pre, scheme, value) => {
    if (isMask(value)) return m;
    if (!scheme && !(hasLetterAndDigit(value) || value.length >= 20)) return m;
    return `${pre}${scheme ?? ""}${REDACTED}`;
  });
  out = out.replace(BEARER, (m, pre, value) => isMask(value) || !hasLetterAndDigit(value) ? m : `${pre}${REDACTED}`);
  out = out.replace(
    ASSIGN,
    (m, q, name, word, sp1, sep, sp2, dq, sq, bare) => {
      const weak = new RegExp(`^${WEAK}$`, "i").test(word);
      const head = `${q}${name}${q}${sp1}${sep}${sp2}`;
      if (dq !== void 0 || sq !== void 0) {
        const v2 = dq ?? sq;
        const quote = dq !== void 0 ? '"' : "'";
        if (v2.length < 4 || isMask(v2) || v2.startsWith("${") || weak && !looksRandom(v2)) return m;
        if (!weak && /^\d{1,11}$/.test(v2) && !/pass/i.test(word)) return m;
        return `${head}${quote}${REDACTED}${quote}`;
      }
      const v = bare ?? "";
      if (isMask(v)) return m;
      const trail = /[.,;:!?]+$/.exec(v)?.[0] ?? "";
      const core = trail ? v.slice(0, -trail.length) : v;
      if (weak) return looksRandom(core) ? `${head}${REDACTED}${trail}` : m;
      if (/^\d{1,11}$/.test(core) && !/pass/i.test(word)) return m;
      return unquotedIsSecret(core, sp1.length > 0 || sp2.length > 0, sep) ? `${head}${REDACTED}${trail}` : m;
    }
  );
  out = out.replace(
    PROSE,
    (m, _w, _sp, value) => looksRandom(value) ? m.slice(0, m.length - value.length) + REDACTED : m
  );
  return out;
}

// src/core/sessions/protocol.ts
var OUTPUT_TAIL = 1200;
function sessionFor(doc, worktree, id) {
  if (id !== void 0) return own(doc, id);
  const here = Object.values(doc).filter((r) => r.worktree === worktree).sort((a, b) => b.started.localeCompare(a.started));
  return here.find((r) => r.status === "active") ?? here[0];
}
async function worktreeTop(dir, known) {
  if (!fs2.existsSync(dir)) {
    throw new LanesError("NOT_FOUND", `The worktree ${dir} does not exist.`, {
      hint: "Run the checks from inside the lane (or pass its path)."
    });
  }
  const real = fs2.realpathSync(dir);
  if (real === known) return real;
  try {
    return fs2.realpathSync(await showToplevel(real));
  } catch {
    return real;
  }
}
function tail(s, n) {
  const t = s.trimEnd();
  return t.length > n ? `...${t.slice(-n)}` : t;
}
async function checkProtocol(project, worktreeDir, phase, sessionId) {
  const [cfg, worktree, doc] = await Promise.all([
    project.config(),
    worktreeTop(worktreeDir, project.repo.worktreeRoot),
    readSessions(project.store)
  ]);
  const items = cfg.session[phase];
  const rec = sessionFor(doc, worktree, sessionId);
  let note = null;
  const getNote = async () => {
    if (note === null) {
      try {
        note = rec ? await readNoteFast(rec) : void 0;
      } catch {
        note = void 0;
      }
    }
    return note;
  };
  const noSession = `No session log for this worktree yet: start one with ${act("start_session")}.`;
  const check = async (item) => {
    const base = { id: item.id, description: item.description };
    const c = item.check;
    switch (c.kind) {
      case "log_exists": {
        if (!rec) return { ...base, ok: false, detail: noSession };
        const file = noteFile(rec);
        return fs2.existsSync(file) ? { ...base, ok: true, detail: `${rec.path} (session ${rec.id}, ${rec.status})` } : { ...base, ok: false, detail: `Session ${rec.id}'s log ${rec.path} is missing from ${rec.worktree}.` };
      }
      case "tree_committed": {
        const notes = ownedNotePaths(doc, worktree);
        const dirty = (await statusPorcelain(worktree)).filter((e) => !notes.has(e.path));
        if (dirty.length === 0) return { ...base, ok: true, detail: "Nothing uncommitted." };
        const shown = dirty.slice(0, 10).map((e) => `${e.path} (${e.code.trim() === "??" ? "untracked" : e.code.trim()})`);
        return {
          ...base,
          ok: false,
          detail: `${dirty.length} uncommitted: ${redact(shown.join(", "))}${dirty.length > 10 ? ", ..." : ""}. Commit them (or discard them).`
        };
      }
      case "section_filled": {
        const n = await getNote();
        if (!rec || !n) return { ...base, ok: false, detail: rec ? `Session ${rec.id}'s log cannot be read.` : noSession };
        const filled = sectionFilled(n, c.section);
        if (filled === void 0) return { ...base, ok: false, detail: `The log has no "${c.section}" section.` };
        return filled ? { ...base, ok: true, detail: `"${c.section}" has content.` } : { ...base, ok: false, detail: `"${c.section}" is empty: add to it with ${act("log_session")}.` };
      }
      case "command": {
        const timeoutMs = (c.timeout_seconds ?? 60) * 1e3;
        const r = await runCommand(c.command, { cwd: worktree, timeoutMs, maxOutputBytes: 16 * 1024 });
        const ok = r.exitCode === 0 && !r.timedOut;
        const what = r.timedOut ? `timed out after ${timeoutMs / 1e3} s` : r.error ? `could not start: ${r.error}` : r.exitCode === null ? `killed by ${r.signal ?? "a signal"}` : `exit ${r.exitCode}`;
        const out = tail(redact(r.output), OUTPUT_TAIL);
        const shown = redact(c.command.join(" "));
        const cmd = shown.length > 200 ? `${shown.slice(0, 200)}...` : shown;
        return { ...base, ok, detail: `${cmd}: ${what} in ${r.durationMs} ms${!ok && out ? `
${out}` : ""}` };
      }
    }
  };
  const results = new Array(items.length);
  await Promise.all(items.map(async (item, i) => item.check.kind === "command" ? void 0 : results[i] = await check(item)));
  for (let i = 0; i < items.length; i++) if (items[i].check.kind === "command") results[i] = await check(items[i]);
  return { ok: results.every((r) => r.ok), phase, ...rec ? { session_id: rec.id } : {}, items: results };
}
function formatChecklist(r) {
  if (r.items.length === 0) return `No ${r.phase} items are configured.`;
  return r.items.map((i) => `- [${i.ok ? "x" : " "}] ${i.description}${i.ok ? "" : ` \u2014 ${i.detail.split("\n")[0]}`}`).join("\n");
}

export {
  redact,
  sessionKey,
  readSessions,
  activeIn,
  findCurrent,
  pruneIndex,
  filterSessions,
  laneAt,
  laneOf,
  ownedNotePaths,
  checkProtocol,
  formatChecklist
};
