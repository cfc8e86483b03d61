#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  noteFile,
  writeNoteText
} from "./chunk-LBGVLIKN.mjs";
import {
  parseNote
} from "./chunk-72GQWGIZ.mjs";
import {
  renderNote
} from "./chunk-DVMOCOCF.mjs";

// src/core/sessions/files.ts
import fs from "node:fs";
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
  writeNote,
  readNoteFile
};
