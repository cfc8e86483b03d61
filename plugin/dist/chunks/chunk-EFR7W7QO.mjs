#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));

// src/util/escape.ts
var CONTROL_LINE = /[\x00-\x1f\x7f-\x9f]/g;
var CONTROL_BLOCK = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;
function show(c) {
  const n = c.charCodeAt(0);
  if (c === "\n") return "\\n";
  if (c === "\r") return "\\r";
  if (c === "	") return "\\t";
  return `\\x${n.toString(16).padStart(2, "0")}`;
}
function safeText(s) {
  if (s === void 0 || s === null) return "";
  return String(s).replace(CONTROL_LINE, show);
}
function safeBlock(s) {
  if (s === void 0 || s === null) return "";
  return String(s).replace(/\r\n/g, "\n").replace(CONTROL_BLOCK, show);
}

export {
  safeText,
  safeBlock
};
