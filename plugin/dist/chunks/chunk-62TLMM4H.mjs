#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
import {
  parseNote
} from "./chunk-KJWAQU7Z.mjs";
import {
  renderNote
} from "./chunk-EB3OHDRK.mjs";
import {
  readNoteText,
  writeNoteText
} from "./chunk-NL4HFEE4.mjs";

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
