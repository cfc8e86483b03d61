#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  DASH,
  NONE,
  SECTIONS,
  escapeFree,
  normalizeText
} from "./chunk-MGXXTUCH.mjs";
import {
  safeBlock,
  safeText
} from "./chunk-HOVPYJYW.mjs";

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
var PLAIN_WORDS = /^[A-Za-z][A-Za-z0-9_./@+-]*(?: [A-Za-z0-9_./@+-]+)*$/;
var RESERVED = /^(?:true|false|null|yes|no|on|off|y|n)$/i;
var ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,3})?Z$/;
var OID = /^(?=[0-9a-f]*[a-df])[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
function plainScalar(v) {
  if (v === null) return "null";
  if (typeof v === "number") return Number.isSafeInteger(v) && !Object.is(v, -0) ? String(v) : void 0;
  if (typeof v !== "string") return void 0;
  if (PLAIN_WORDS.test(v) && !RESERVED.test(v) || ISO_TIME.test(v) || OID.test(v)) return v;
  return void 0;
}
function plainFrontMatter(meta) {
  const lines = [];
  for (const [k, v] of Object.entries(meta)) {
    const s = plainScalar(v);
    if (s === void 0 || !PLAIN_WORDS.test(k) || k.includes(" ")) return void 0;
    lines.push(`${k}: ${s}`);
  }
  return lines.join("\n");
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
  noteMeta,
  renderWithFront,
  renderNotePlain
};
