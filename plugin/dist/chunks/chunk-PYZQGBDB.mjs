#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
import {
  require_dist
} from "./chunk-YFNGQKDO.mjs";
import {
  noteMeta,
  renderWithFront
} from "./chunk-K2H7HNW2.mjs";
import {
  __toESM
} from "./chunk-4WZSK4NS.mjs";

// src/core/sessions/note-render.ts
var import_yaml = __toESM(require_dist(), 1);
function renderNote(note) {
  return renderWithFront(note, import_yaml.default.stringify(noteMeta(note), { lineWidth: 0 }).trimEnd());
}

export {
  renderNote
};
