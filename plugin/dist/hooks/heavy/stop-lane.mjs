#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
var fs = require("node:fs");
import {
  pushWork
} from "../../chunks/chunk-QRLVTEHX.mjs";
import "../../chunks/chunk-Q62EWIYE.mjs";
import {
  withConfigMemo
} from "../../chunks/chunk-OWYGGYIP.mjs";
import {
  checkProtocol,
  ownedNotePaths,
  readSessions
} from "../../chunks/chunk-QKAPH3UL.mjs";
import "../../chunks/chunk-7JRWJCHC.mjs";
import "../../chunks/chunk-K5DJXVQN.mjs";
import "../../chunks/chunk-K2H7HNW2.mjs";
import {
  openProject
} from "../../chunks/chunk-PR5W4QLA.mjs";
import {
  repoFromPaths
} from "../../chunks/chunk-ESYJGOAB.mjs";
import {
  refSha,
  statusPorcelain
} from "../../chunks/chunk-AAYR2TCU.mjs";
import "../../chunks/chunk-DTMKN5XL.mjs";
import "../../chunks/chunk-V47YI7EL.mjs";
import "../../chunks/chunk-5IGYGQZY.mjs";
import "../../chunks/chunk-ONL4JA75.mjs";
import "../../chunks/chunk-TKZFUNKZ.mjs";
import "../../chunks/chunk-4CKTFQOR.mjs";
import "../../chunks/chunk-EFR7W7QO.mjs";
import "../../chunks/chunk-566HZB6Q.mjs";
import "../../chunks/chunk-ZLPZGQGU.mjs";
import "../../chunks/chunk-UE4A2DQB.mjs";
import "../../chunks/chunk-PCFNT4JQ.mjs";
import "../../chunks/chunk-X4JLKMGK.mjs";
import "../../chunks/chunk-PMXN3EG4.mjs";
import "../../chunks/chunk-XNIKMWZT.mjs";
import "../../chunks/chunk-DDI77WQF.mjs";
import {
  errorMessage
} from "../../chunks/chunk-OBLF3P63.mjs";
import "../../chunks/chunk-4WZSK4NS.mjs";

// src/hooks/heavy/stop-lane.ts
async function missingItems(lane, sessionId, w) {
  const out = { items: [], problems: [] };
  if (!fs.existsSync(lane.path)) return out;
  const repo = await repoFromPaths({ worktreeRoot: lane.path, commonDir: w.commonDir, mainRoot: w.mainRoot });
  const project = withConfigMemo(await openProject(lane.path, repo));
  const doc = await readSessions(project.store);
  const mine = Object.values(doc).filter((r) => r.status === "active" && r.worktree === lane.path && sessionId !== void 0 && r.key === sessionId).sort((a, b) => b.started.localeCompare(a.started))[0];
  let treeReported = false;
  let treeChecked = false;
  try {
    treeChecked = (await project.config()).session.end.some((i) => i.check.kind === "tree_committed");
    const proto = await checkProtocol(project, lane.path, "end", mine?.id);
    for (const i of proto.items) {
      if (i.ok) continue;
      if (i.id === "tree-committed" || /uncommitted/.test(i.detail)) treeReported = true;
      out.items.push(`${i.description} \u2014 ${i.detail.split("\n").slice(0, 6).join(" ")}`);
    }
  } catch (e) {
    treeChecked = false;
    out.problems.push(`the session protocol could not be checked: ${errorMessage(e).split("\n")[0]}`);
  }
  await shareWork(project, lane, out);
  if (treeChecked) return out;
  const owned = ownedNotePaths(doc, lane.path);
  const dirty = (await statusPorcelain(lane.path)).filter((e) => !owned.has(e.path));
  if (dirty.length && !treeReported) {
    const shown = dirty.slice(0, 10).map((e) => `${e.path} (${e.code.trim() === "??" ? "untracked" : e.code.trim()})`);
    out.items.unshift(
      `Commit (or discard) your changes \u2014 ${dirty.length} uncommitted: ${shown.join(", ")}${dirty.length > 10 ? ", ..." : ""}.`
    );
  }
  return out;
}
async function shareWork(project, lane, out) {
  if (!project.store.shared) return;
  try {
    const tip = await refSha(project.repo.mainRoot, `refs/heads/${lane.branch}`);
    if (tip && tip !== lane.base) await pushWork(project, lane.task, tip);
  } catch (e) {
    out.problems.push(`the lane's work could not be pushed to the remote: ${errorMessage(e).split("\n")[0]}`);
  }
}
export {
  missingItems
};
