#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
var fs = require("node:fs");
var path = require("node:path");
var fs2 = require("node:fs");
import {
  metaFromObject,
  parseBody,
  splitFrontMatter
} from "./chunk-K5DJXVQN.mjs";
import {
  emptyNote,
  parsePlainFront,
  renderNotePlain
} from "./chunk-K2H7HNW2.mjs";
import {
  fileAt
} from "./chunk-5IGYGQZY.mjs";
import {
  isInside
} from "./chunk-TKZFUNKZ.mjs";
import {
  act
} from "./chunk-UE4A2DQB.mjs";
import {
  writeFileAtomic
} from "./chunk-PCFNT4JQ.mjs";
import {
  LanesError
} from "./chunk-OBLF3P63.mjs";

// src/core/sessions/note-io.ts
function noteFile(rec) {
  return path.join(rec.worktree, ...rec.path.split("/"));
}
function ensureNoteDir(worktree, relFile) {
  if (!fs.existsSync(worktree)) {
    throw new LanesError("NOT_FOUND", `The worktree ${worktree} no longer exists, so its session note cannot be written.`, {
      hint: `The lane was removed. End the session with ${act("end_session")} (the index keeps its record) and start a new one where you work now.`
    });
  }
  const dir = path.dirname(path.join(worktree, ...relFile.split("/")));
  fs.mkdirSync(dir, { recursive: true });
  const real = fs.realpathSync(dir);
  const root = fs.realpathSync(worktree);
  if (!isInside(root, real) || real === root || real.split(path.sep).includes(".git")) {
    throw new LanesError("UNSAFE", `The session notes directory ${dir} resolves to ${real}, outside the worktree ${root}.`, {
      hint: "Remove the symlink, or point session.dir in .lanes/config.json at a plain directory inside the repository."
    });
  }
  return real;
}
function writeNoteText(rec, text) {
  const dir = ensureNoteDir(rec.worktree, rec.path);
  const file = path.join(dir, path.basename(rec.path));
  try {
    if (fs.lstatSync(file).isSymbolicLink()) {
      throw new LanesError("UNSAFE", `The session note ${file} is a symlink; refusing to write through it.`, {
        hint: "Remove the symlink."
      });
    }
  } catch (e) {
    if (e.code !== "ENOENT") throw e;
  }
  writeFileAtomic(file, text, 420);
}
async function findNoteText(rec, repoDir, revs = []) {
  try {
    return { text: fs.readFileSync(noteFile(rec), "utf8"), from: noteFile(rec) };
  } catch {
  }
  for (const rev of [rec.note_commit, ...revs]) {
    if (!rev || rev.startsWith("-")) continue;
    const text = await fileAt(repoDir, rev, rec.path);
    if (text !== void 0) return { text, from: `${rev}:${rec.path}` };
  }
  return void 0;
}

// src/core/sessions/note-read.ts
function parseNotePlain(text, source = "note") {
  const split = splitFrontMatter(text);
  const obj = split ? parsePlainFront(split.front) : void 0;
  return split && obj ? parseBody(emptyNote(metaFromObject(obj, source)), split.body) : void 0;
}
async function readNoteFast(rec) {
  const text = readNoteText(rec);
  if (text === void 0) return void 0;
  return parseNotePlain(text, rec.path) ?? (await import("./note-parse-YXKMMSNO.mjs")).parseNote(text, rec.path);
}
function readNoteText(rec) {
  try {
    return fs2.readFileSync(noteFile(rec), "utf8");
  } catch (e) {
    if (e.code === "ENOENT" || e.code === "ENOTDIR") return void 0;
    throw e;
  }
}
async function writeNoteFast(rec, note) {
  writeNoteText(rec, renderNotePlain(note) ?? (await import("./note-render-Z5TX7JAY.mjs")).renderNote(note));
}
function noteFromRecord(rec, repoName) {
  return emptyNote(
    {
      id: rec.id,
      topic: rec.topic,
      type: rec.type,
      status: rec.status,
      task: rec.task ?? null,
      repo: repoName,
      branch: rec.branch,
      started: rec.started,
      ended: rec.ended ?? null,
      duration_minutes: null,
      summary: rec.summary ?? null,
      end_reason: rec.end_reason ?? null,
      start_commit: rec.start_commit ?? null,
      base: null
    },
    rec.topic
  );
}

export {
  noteFile,
  writeNoteText,
  findNoteText,
  readNoteFast,
  readNoteText,
  writeNoteFast,
  noteFromRecord
};
