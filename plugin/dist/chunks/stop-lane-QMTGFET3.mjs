#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  checkProtocol,
  ownedNotePaths,
  readSessions
} from "./chunk-3EKORY7J.mjs";
import {
  openLanes,
  statusPorcelain
} from "./chunk-RL5ROPAG.mjs";
import "./chunk-V4GO6SUC.mjs";
import "./chunk-AWQEDCZ2.mjs";
import {
  errorMessage
} from "./chunk-JZVDHGNO.mjs";
import "./chunk-4OAWNEMU.mjs";

// src/hooks/heavy/stop-lane.ts
import fs from "node:fs";
async function missingItems(lane, sessionId) {
  const out = { items: [], problems: [] };
  if (!fs.existsSync(lane.path)) return out;
  const lanes = await openLanes(lane.path);
  const doc = await readSessions(lanes.store);
  const owned = ownedNotePaths(doc, lane.path);
  const dirty = (await statusPorcelain(lane.path)).filter((e) => !owned.has(e.path));
  const mine = Object.values(doc).filter((r) => r.status === "active" && r.worktree === lane.path && sessionId !== void 0 && r.key === sessionId).sort((a, b) => b.started.localeCompare(a.started))[0];
  let treeReported = false;
  try {
    const proto = await checkProtocol(lanes, lane.path, "end", mine?.id);
    for (const i of proto.items) {
      if (i.ok) continue;
      if (i.id === "tree-committed" || /uncommitted/.test(i.detail)) treeReported = true;
      out.items.push(`${i.description} \u2014 ${i.detail.split("\n").slice(0, 6).join(" ")}`);
    }
  } catch (e) {
    out.problems.push(`the session protocol could not be checked: ${errorMessage(e).split("\n")[0]}`);
  }
  if (dirty.length && !treeReported) {
    const shown = dirty.slice(0, 10).map((e) => `${e.path} (${e.code.trim() === "??" ? "untracked" : e.code.trim()})`);
    out.items.unshift(`Commit (or discard) your changes \u2014 ${dirty.length} uncommitted: ${shown.join(", ")}${dirty.length > 10 ? ", ..." : ""}.`);
  }
  return out;
}
export {
  missingItems
};
