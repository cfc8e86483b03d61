#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  readNoteText,
  writeNoteText
} from "./chunk-LNABDZ4S.mjs";
import {
  parseNote
} from "./chunk-72GQWGIZ.mjs";
import {
  renderNote
} from "./chunk-DVMOCOCF.mjs";

// src/core/sessions/files.ts
function writeNote(rec, note) {
  writeNoteText(rec, renderNote(note));
}
function readNoteFile(rec) {
  const text = readNoteText(rec);
  return text === void 0 ? void 0 : parseNote(text, rec.path);
}

export {
  writeNote,
  readNoteFile
};
