#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));

// src/util/log.ts
var LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };
function threshold() {
  const v = (process.env.LANES_LOG ?? "warn").toLowerCase();
  return v in LEVELS ? LEVELS[v] : LEVELS.warn;
}
function write(level, msg, extra) {
  if (LEVELS[level] < threshold()) return;
  const tail = extra === void 0 ? "" : ` ${typeof extra === "string" ? extra : safeJson(extra)}`;
  process.stderr.write(`lanes ${level}: ${msg}${tail}
`);
}
function safeJson(v) {
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}
var log = {
  debug: (msg, extra) => write("debug", msg, extra),
  info: (msg, extra) => write("info", msg, extra),
  warn: (msg, extra) => write("warn", msg, extra),
  error: (msg, extra) => write("error", msg, extra)
};

export {
  log
};
