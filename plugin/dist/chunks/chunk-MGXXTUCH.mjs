#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  defineDoc
} from "./chunk-5JH7MFI6.mjs";
import {
  slugify
} from "./chunk-B475TGAI.mjs";

// src/core/sessions/model.ts
import crypto from "node:crypto";
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
  return `${slugify(topic, 40)}-${crypto.randomBytes(3).toString("hex")}`;
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
  DASH,
  ENTRY_RE,
  escapeFree,
  unescapeFree,
  normalizeText,
  sectionFilled
};
