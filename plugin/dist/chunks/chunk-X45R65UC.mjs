#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
import {
  parseNote
} from "./chunk-QVBTIUQL.mjs";
import {
  renderNote
} from "./chunk-PYZQGBDB.mjs";
import {
  readNoteText,
  writeNoteText
} from "./chunk-7JRWJCHC.mjs";

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
