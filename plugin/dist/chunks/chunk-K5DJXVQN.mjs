#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
import {
  ENTRY_RE,
  NONE,
  SECTIONS,
  normalizeText,
  unescapeFree
} from "./chunk-K2H7HNW2.mjs";
import {
  LanesError
} from "./chunk-OBLF3P63.mjs";

// src/core/sessions/note-body.ts
function splitFrontMatter(text) {
  const t = text.replace(/\r\n?/g, "\n").replace(/^\uFEFF/, "");
  const fm = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(t);
  return fm ? { front: fm[1], body: t.slice(fm[0].length) } : void 0;
}
function splitSections(body) {
  const out = [];
  let cur;
  for (const line of body.split("\n")) {
    const m = /^## (.+?)\s*$/.exec(line);
    if (m) {
      cur = { heading: m[1], lines: [] };
      out.push(cur);
    } else if (cur) {
      cur.lines.push(line);
    }
  }
  return out;
}
function sectionText(lines) {
  const t = lines.join("\n").trim();
  return t === NONE ? "" : t;
}
function parseEntries(lines) {
  const entries = [];
  let cur;
  for (const line of lines) {
    if (line.startsWith("- ")) {
      const m = ENTRY_RE.exec(line);
      cur = m ? { at: m[1], lines: [m[2]] } : { lines: [line.slice(2)] };
      entries.push(cur);
    } else if (cur && (line.startsWith("  ") || line.trim() === "")) {
      cur.lines.push(line.startsWith("  ") ? line.slice(2) : "");
    } else if (line.trim() !== "" && line.trim() !== NONE) {
      cur = { lines: [line] };
      entries.push(cur);
    }
  }
  return entries.map((e) => ({ ...e.at ? { at: e.at } : {}, text: normalizeText(e.lines.join("\n")) })).filter((e) => e.text !== "");
}
function listWithMore(lines, item) {
  const items = [];
  let more = 0;
  for (const line of lines) {
    const mm = /^- \.\.\. and (\d+) more$/.exec(line);
    if (mm) more = Number(mm[1]);
    else {
      const x = item(line);
      if (x !== void 0) items.push(x);
    }
  }
  return { items, more };
}
function parseFiles(lines) {
  const { items, more } = listWithMore(lines, (line) => {
    const m = /^- (?:\+(\d+) -(\d+)|binary) (.+?)( \(uncommitted\))?$/.exec(line);
    if (!m) return void 0;
    const f = { path: m[3] };
    if (m[1] !== void 0) {
      f.added = Number(m[1]);
      f.deleted = Number(m[2]);
    }
    if (m[4]) f.uncommitted = true;
    return f;
  });
  return { files: items, more };
}
function parseCommits(lines) {
  const { items, more } = listWithMore(lines, (line) => {
    const m = /^- ([0-9a-f]{4,64}) ?(.*)$/.exec(line);
    return m ? { short: m[1], subject: m[2] } : void 0;
  });
  return { commits: items, more };
}
function parseBody(note, body) {
  const byHeading = new Map(Object.values(SECTIONS).map((h) => [h.toLowerCase(), h]));
  for (const s of splitSections(body)) {
    const known = byHeading.get(s.heading.toLowerCase());
    switch (known) {
      case SECTIONS.objective:
        note.objective = unescapeFree(sectionText(s.lines));
        break;
      case SECTIONS.progress:
        note.progress = parseEntries(s.lines);
        break;
      case SECTIONS.decision:
        note.decisions = parseEntries(s.lines);
        break;
      case SECTIONS.files: {
        const r = parseFiles(s.lines);
        note.files = r.files;
        note.files_more = r.more;
        break;
      }
      case SECTIONS.commits: {
        const r = parseCommits(s.lines);
        note.commits = r.commits;
        note.commits_more = r.more;
        break;
      }
      case SECTIONS.issue:
        note.issues = parseEntries(s.lines);
        break;
      case SECTIONS.next_step:
        note.next_steps = parseEntries(s.lines);
        break;
      case SECTIONS.reflection:
        note.reflection = unescapeFree(sectionText(s.lines));
        break;
      default:
        note.extra.push({ heading: s.heading, body: s.lines.join("\n").trim() });
    }
  }
  return note;
}
function nextStepsOf(text) {
  const split = splitFrontMatter(text);
  if (!split) return void 0;
  for (const s of splitSections(split.body)) if (s.heading.toLowerCase() === SECTIONS.next_step.toLowerCase()) return parseEntries(s.lines);
  return [];
}

// src/core/sessions/note-meta.ts
function badNote(source, why) {
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
function metaFromObject(obj, source) {
  if (!obj || typeof obj !== "object" || Array.isArray(obj)) throw badNote(source, "the front matter is not a YAML mapping");
  const o = obj;
  const id = str(o.id);
  if (!id) throw badNote(source, "the front matter has no id");
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

export {
  splitFrontMatter,
  parseBody,
  nextStepsOf,
  badNote,
  metaFromObject
};
