#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  parseBody,
  splitFrontMatter
} from "./chunk-TR43XEEA.mjs";
import {
  noteFile,
  writeNoteText
} from "./chunk-LBGVLIKN.mjs";
import {
  renderNote,
  require_dist
} from "./chunk-VUBDBMAH.mjs";
import {
  emptyNote
} from "./chunk-MGXXTUCH.mjs";
import {
  LanesError
} from "./chunk-B475TGAI.mjs";
import {
  __toESM
} from "./chunk-4OAWNEMU.mjs";

// src/core/sessions/files.ts
import fs from "node:fs";

// src/core/sessions/note-parse.ts
var import_yaml = __toESM(require_dist(), 1);
function bad(source, why) {
  return new LanesError("INVALID_INPUT", `The session note ${source} could not be read: ${why}.`, {
    hint: 'Session notes are Markdown with YAML front matter between --- lines and "## " sections; fix the file by hand or restore it from git.'
  });
}
function str(v) {
  if (v === null || v === void 0) return null;
  if (v instanceof Date) return `${v.toISOString().slice(0, 19)}Z`;
  return String(v);
}
function usageOf(v) {
  if (!v || typeof v !== "object" || Array.isArray(v)) return {};
  const u = v;
  const n = (k) => typeof u[k] === "number" && Number.isFinite(u[k]) ? u[k] : 0;
  const usage = {
    input_tokens: n("input_tokens"),
    output_tokens: n("output_tokens"),
    cache_read_tokens: n("cache_read_tokens"),
    cache_creation_tokens: n("cache_creation_tokens"),
    models: Array.isArray(u.models) ? u.models.filter((m) => typeof m === "string") : []
  };
  if (typeof u.cost_usd === "number") usage.cost_usd = u.cost_usd;
  return { usage };
}
function parseMeta(yamlText, source) {
  let obj;
  try {
    obj = import_yaml.default.parse(yamlText);
  } catch (e) {
    throw bad(source, `invalid YAML front matter (${e.message.split("\n")[0]})`);
  }
  if (!obj || typeof obj !== "object" || Array.isArray(obj)) throw bad(source, "the front matter is not a YAML mapping");
  const o = obj;
  const id = str(o.id);
  if (!id) throw bad(source, "the front matter has no id");
  const dur = o.duration_minutes;
  return {
    id,
    topic: str(o.topic) ?? "",
    type: str(o.type) ?? "",
    status: str(o.status) ?? "active",
    task: str(o.task),
    repo: str(o.repo) ?? "",
    branch: str(o.branch) ?? "",
    started: str(o.started) ?? "",
    ended: str(o.ended),
    duration_minutes: typeof dur === "number" ? dur : dur == null ? null : Number(dur),
    summary: str(o.summary),
    end_reason: str(o.end_reason),
    start_commit: str(o.start_commit),
    base: str(o.base),
    ...usageOf(o.usage)
  };
}
function parseNote(text, source = "note") {
  const split = splitFrontMatter(text);
  if (!split) throw bad(source, "it does not start with YAML front matter between --- lines");
  return parseBody(emptyNote(parseMeta(split.front, source)), split.body);
}

// src/core/sessions/files.ts
function writeNote(rec, note) {
  writeNoteText(rec, renderNote(note));
}
function readNoteFile(rec) {
  let text;
  try {
    text = fs.readFileSync(noteFile(rec), "utf8");
  } catch (e) {
    if (e.code === "ENOENT" || e.code === "ENOTDIR") return void 0;
    throw e;
  }
  return parseNote(text, rec.path);
}

export {
  parseNote,
  writeNote,
  readNoteFile
};
