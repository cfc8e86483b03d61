#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  str
} from "./chunk-UOSV2YDA.mjs";
import {
  laneContaining
} from "./chunk-OUP5FXRK.mjs";

// src/hooks/lib/agent.ts
import fs from "node:fs";
import path from "node:path";
var MARKER_RE = /Lanes task:\s*`?([a-z0-9][a-z0-9-]{0,62})(?![a-z0-9-])/;
var ID_RE = /^[A-Za-z0-9_-]{1,128}$/;
var HEAD_BYTES = 64 * 1024;
function subagentTranscript(input) {
  const agent = str(input, "agent_id");
  if (!agent || !ID_RE.test(agent)) return void 0;
  const given = str(input, "agent_transcript_path");
  if (given) return given;
  const main = str(input, "transcript_path");
  const session = str(input, "session_id");
  if (!main || !session || !ID_RE.test(session)) return void 0;
  return path.join(path.dirname(main), session, "subagents", `agent-${agent}.jsonl`);
}
function readHead(file) {
  let fd;
  try {
    fd = fs.openSync(file, "r");
    const buf = Buffer.alloc(HEAD_BYTES);
    const n = fs.readSync(fd, buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, n).toString("utf8");
  } catch {
    return void 0;
  } finally {
    if (fd !== void 0) fs.closeSync(fd);
  }
}
function firstPrompt(head) {
  for (const line of head.split("\n")) {
    if (!line.trim()) continue;
    let rec;
    try {
      rec = JSON.parse(line);
    } catch {
      return void 0;
    }
    if (rec.type !== "user" || rec.message?.role !== "user") continue;
    const c = rec.message.content;
    if (typeof c === "string") return c;
    if (Array.isArray(c)) {
      return c.map(
        (b) => b && typeof b === "object" && b.type === "text" ? String(b.text ?? "") : ""
      ).join("\n");
    }
    return void 0;
  }
  return void 0;
}
function taskInPrompt(prompt) {
  return MARKER_RE.exec(prompt)?.[1];
}
function subagentTask(input) {
  const file = subagentTranscript(input);
  if (!file) return void 0;
  const head = readHead(file);
  const prompt = head === void 0 ? void 0 : firstPrompt(head);
  return prompt === void 0 ? void 0 : taskInPrompt(prompt);
}

// src/hooks/lib/lane.ts
function actingLane(input, where, lanes) {
  const here = laneContaining(lanes, where.cwd);
  if (here) return { lane: here, via: "cwd" };
  const task = subagentTask(input);
  const lane = task ? lanes[task] : void 0;
  return lane && typeof lane.path === "string" ? { lane, via: "subagent" } : void 0;
}

export {
  actingLane
};
