#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  speak,
  speakAll
} from "./chunk-CXNZ4SOU.mjs";

// src/hooks/lib/output.ts
import fs from "node:fs";
function writeFd(fd, raw) {
  const text = speak(raw, "tools");
  try {
    fs.writeSync(fd, text);
  } catch {
    (fd === 1 ? process.stdout : process.stderr).write(text);
  }
}
function note(msg) {
  writeFd(2, `lanes: ${msg.endsWith("\n") ? msg : `${msg}
`}`);
}
function reasonToStderr(text) {
  writeFd(2, text.endsWith("\n") ? text : `${text}
`);
}
var emitted = false;
function emitJson(value) {
  if (emitted) throw new Error("hook output already written");
  emitted = true;
  writeFd(1, `${JSON.stringify(speakAll(value, "tools"))}
`);
}
function emitLine(line) {
  writeFd(1, `${line}
`);
}
function elapsedMs() {
  return Math.round(process.uptime() * 1e3);
}
function trace(event, outcome, fields = {}) {
  const file = process.env.LANES_HOOK_TRACE;
  if (!file) return;
  try {
    fs.appendFileSync(file, `${JSON.stringify({ event, outcome, ms: elapsedMs(), pid: process.pid, ...fields })}
`);
  } catch {
  }
}
function exit(code) {
  process.exit(code);
}

export {
  note,
  reasonToStderr,
  emitJson,
  emitLine,
  elapsedMs,
  trace,
  exit
};
