#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
import {
  safeBlock,
  safeText
} from "./chunk-EFR7W7QO.mjs";
import {
  defineDoc
} from "./chunk-X4JLKMGK.mjs";
import {
  randomHex
} from "./chunk-PMXN3EG4.mjs";
import {
  slugify
} from "./chunk-DDI77WQF.mjs";

// src/core/sessions/model.ts
var SESSION_TYPES = ["feature", "bugfix", "refactor", "research", "orchestration", "docs", "test", "chore"];
var END_STATUSES = ["completed", "partial", "blocked", "abandoned"];
var ENTRY_KINDS = ["progress", "decision", "issue", "next_step"];
var SECTIONS = {
  objective: "Objective",
  progress: "Progress log",
  decision: "Decisions",
  files: "Files changed",
  commits: "Commits",
  issue: "Issues",
  next_step: "Next steps",
  reflection: "Reflection"
};
var emptySessions = () => ({});
var SESSIONS_DOC = defineDoc({ name: "sessions", empty: emptySessions });
var INDEX_MAX = 1e3;
var ENTRIES_MAX = 2e3;
var ENTRY_TEXT_MAX = 4e3;
var FILES_MAX = 300;
var COMMITS_MAX = 100;
function isoNow(d = /* @__PURE__ */ new Date()) {
  return `${d.toISOString().slice(0, 19)}Z`;
}
function newSessionId(topic) {
  return `${slugify(topic, 40)}-${randomHex(3)}`;
}
function notePathFor(dir, id, started) {
  const clean = dir.replace(/\\/g, "/").replace(/^\.\/+/, "").replace(/\/+$/, "");
  return `${clean}/${started.slice(0, 10)}-${id}.md`;
}
function durationMinutes(started, ended) {
  const ms = Date.parse(ended) - Date.parse(started);
  return Number.isFinite(ms) ? Math.max(0, Math.round(ms / 6e3) / 10) : 0;
}
function emptyNote(meta, objective = "") {
  return {
    meta,
    objective,
    progress: [],
    decisions: [],
    files: [],
    files_more: 0,
    commits: [],
    commits_more: 0,
    issues: [],
    next_steps: [],
    reflection: "",
    extra: []
  };
}
function entriesOf(note, kind) {
  switch (kind) {
    case "progress":
      return note.progress;
    case "decision":
      return note.decisions;
    case "issue":
      return note.issues;
    case "next_step":
      return note.next_steps;
  }
}
function entryCount(note) {
  return note.progress.length + note.decisions.length + note.issues.length + note.next_steps.length;
}

// src/core/sessions/note.ts
var NONE = "_(none)_";
var DASH = " \u2014 ";
var ENTRY_RE = /^- (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ) — (.*)$/;
function escapeFree(text) {
  return text.split("\n").map((l) => /^\\*#/.test(l) ? `\\${l}` : l).join("\n");
}
function unescapeFree(text) {
  return text.split("\n").map((l) => /^\\+#/.test(l) ? l.slice(1) : l).join("\n");
}
function normalizeText(text) {
  return text.replace(/\r\n?/g, "\n").split("\n").map((l) => l.replace(/[ \t]+$/, "")).join("\n").trim();
}
function sectionFilled(note, heading) {
  const h = heading.trim().replace(/^#+\s*/, "").toLowerCase();
  switch (h) {
    case SECTIONS.objective.toLowerCase():
      return note.objective.trim() !== "";
    case SECTIONS.progress.toLowerCase():
      return note.progress.length > 0;
    case SECTIONS.decision.toLowerCase():
      return note.decisions.length > 0;
    case SECTIONS.files.toLowerCase():
      return note.files.length + note.files_more > 0;
    case SECTIONS.commits.toLowerCase():
      return note.commits.length + note.commits_more > 0;
    case SECTIONS.issue.toLowerCase():
      return note.issues.length > 0;
    case SECTIONS.next_step.toLowerCase():
      return note.next_steps.length > 0;
    case SECTIONS.reflection.toLowerCase():
      return note.reflection.trim() !== "";
  }
  const x = note.extra.find((s) => s.heading.toLowerCase() === h);
  return x === void 0 ? void 0 : x.body.trim() !== "" && x.body.trim() !== NONE;
}

// src/core/sessions/note-front.ts
var META_KEYS = [
  "id",
  "topic",
  "type",
  "status",
  "task",
  "repo",
  "branch",
  "started",
  "ended",
  "duration_minutes",
  "summary",
  "end_reason",
  "start_commit",
  "base"
];
function renderEntries(entries) {
  if (entries.length === 0) return NONE;
  return entries.map((e) => {
    const [first = "", ...rest] = safeBlock(normalizeText(e.text)).split("\n");
    const head = e.at ? `- ${e.at}${DASH}${first}` : `- ${first}`;
    return [head, ...rest.map((l) => l === "" ? "" : `  ${l}`)].join("\n");
  }).join("\n");
}
function renderFiles(files, more) {
  if (files.length === 0 && more === 0) return NONE;
  const lines = files.map((f) => {
    const counts = f.added === void 0 || f.deleted === void 0 ? "binary" : `+${f.added} -${f.deleted}`;
    return `- ${counts} ${safeText(f.path)}${f.uncommitted ? " (uncommitted)" : ""}`;
  });
  if (more > 0) lines.push(`- ... and ${more} more`);
  return lines.join("\n");
}
function renderCommits(commits, more) {
  if (commits.length === 0 && more === 0) return NONE;
  const lines = commits.map((c) => `- ${safeText(c.short)} ${safeText(c.subject)}`);
  if (more > 0) lines.push(`- ... and ${more} more`);
  return lines.join("\n");
}
function renderFree(text) {
  const t = safeBlock(normalizeText(text));
  return t ? escapeFree(t) : NONE;
}
function noteMeta(note) {
  const meta = {};
  for (const k of META_KEYS) {
    const v = note.meta[k] ?? null;
    meta[k] = typeof v === "string" ? safeBlock(v) : v;
  }
  if (note.meta.usage) meta.usage = note.meta.usage;
  return meta;
}
var PLAIN_WORDS = /^[A-Za-z][A-Za-z0-9_./@+(),'-]*(?: [A-Za-z0-9_./@+(),'-]+)*$/;
var RESERVED = /^(?:true|false|null|yes|no|on|off|y|n)$/i;
var ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,3})?Z$/;
var OID = /^(?=[0-9a-f]*[a-df])[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
var KEY = /^[a-z][a-z0-9_]*$/;
var DECIMAL = /^-?\d+\.\d+$/;
function plainScalar(v) {
  if (v === null) return "null";
  if (typeof v === "number") {
    if (Object.is(v, -0) || !Number.isFinite(v)) return void 0;
    if (Number.isSafeInteger(v)) return String(v);
    return DECIMAL.test(String(v)) ? String(v) : void 0;
  }
  if (typeof v !== "string") return void 0;
  if (PLAIN_WORDS.test(v) && !RESERVED.test(v) || ISO_TIME.test(v) || OID.test(v)) return v;
  return void 0;
}
function plainEntry(k, v, top) {
  if (!KEY.test(k)) return void 0;
  const indent = top ? "" : "  ";
  const s = plainScalar(v);
  if (s !== void 0) return [`${indent}${k}: ${s}`];
  if (!v || typeof v !== "object") return void 0;
  if (Array.isArray(v)) {
    if (v.length === 0) return [`${indent}${k}: []`];
    const items = v.map(plainScalar);
    if (items.some((x) => x === void 0)) return void 0;
    return [`${indent}${k}:`, ...items.map((x) => `${indent}  - ${x}`)];
  }
  const entries = Object.entries(v);
  if (!top || entries.length === 0 || Object.getPrototypeOf(v) !== Object.prototype) return void 0;
  const lines = [`${k}:`];
  for (const [kk, vv] of entries) {
    const sub = plainEntry(kk, vv, false);
    if (!sub) return void 0;
    lines.push(...sub);
  }
  return lines;
}
function plainFrontMatter(meta) {
  const lines = [];
  for (const [k, v] of Object.entries(meta)) {
    const entry = plainEntry(k, v, true);
    if (!entry) return void 0;
    lines.push(...entry);
  }
  return lines.join("\n");
}
function scalarOf(text) {
  if (text === "null") return null;
  if (text === "[]") return [];
  if (/^-?\d+$/.test(text) || DECIMAL.test(text)) return Number(text);
  return text;
}
function parsePlainFront(front) {
  const out = {};
  let open;
  let subList;
  for (const line of front.split("\n")) {
    const m = /^( *)(?:([a-z][a-z0-9_]*):(?: (.*))?|- (.*))$/.exec(line);
    if (!m) return void 0;
    const depth = m[1].length;
    const [key, value, item] = [m[2], m[3], m[4]];
    if (depth === 0) {
      if (key === void 0 || Object.hasOwn(out, key)) return void 0;
      open = void 0;
      subList = void 0;
      if (value !== void 0) out[key] = scalarOf(value);
      else {
        open = { key };
        out[key] = void 0;
      }
    } else if (depth === 2) {
      if (!open) return void 0;
      subList = void 0;
      if (item !== void 0) {
        if (open.map) return void 0;
        (open.list ??= []).push(scalarOf(item));
      } else {
        if (open.list || key === void 0) return void 0;
        const map = open.map ??= {};
        if (Object.hasOwn(map, key)) return void 0;
        if (value !== void 0) map[key] = scalarOf(value);
        else map[key] = subList = [];
      }
      out[open.key] = open.map ?? open.list;
    } else if (depth === 4) {
      if (!subList || item === void 0) return void 0;
      subList.push(scalarOf(item));
    } else return void 0;
  }
  if (Object.values(out).some((v) => v === void 0)) return void 0;
  return plainFrontMatter(out) === front ? out : void 0;
}
function renderWithFront(note, front) {
  const title = safeText(normalizeText(note.meta.topic).split("\n")[0]) || note.meta.id;
  const parts = [
    `---
${front}
---`,
    `# Session: ${title}`,
    `## ${SECTIONS.objective}

${renderFree(note.objective)}`,
    `## ${SECTIONS.progress}

${renderEntries(note.progress)}`,
    `## ${SECTIONS.decision}

${renderEntries(note.decisions)}`,
    `## ${SECTIONS.files}

${renderFiles(note.files, note.files_more)}`,
    `## ${SECTIONS.commits}

${renderCommits(note.commits, note.commits_more)}`,
    `## ${SECTIONS.issue}

${renderEntries(note.issues)}`,
    `## ${SECTIONS.next_step}

${renderEntries(note.next_steps)}`,
    `## ${SECTIONS.reflection}

${renderFree(note.reflection)}`,
    ...note.extra.map((x) => `## ${safeText(x.heading)}

${safeBlock(x.body).trim()}`)
  ];
  return `${parts.join("\n\n")}
`;
}
function renderNotePlain(note) {
  const front = plainFrontMatter(noteMeta(note));
  return front === void 0 ? void 0 : renderWithFront(note, front);
}

export {
  SESSION_TYPES,
  END_STATUSES,
  ENTRY_KINDS,
  SECTIONS,
  SESSIONS_DOC,
  INDEX_MAX,
  ENTRIES_MAX,
  ENTRY_TEXT_MAX,
  FILES_MAX,
  COMMITS_MAX,
  isoNow,
  newSessionId,
  notePathFor,
  durationMinutes,
  emptyNote,
  entriesOf,
  entryCount,
  NONE,
  ENTRY_RE,
  unescapeFree,
  normalizeText,
  sectionFilled,
  noteMeta,
  parsePlainFront,
  renderWithFront,
  renderNotePlain
};
