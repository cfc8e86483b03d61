#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  withConfigMemo
} from "./chunk-VUZAWV5N.mjs";
import {
  checkProtocol,
  ownedNotePaths,
  readSessions
} from "./chunk-DTYUGQKU.mjs";
import "./chunk-LNABDZ4S.mjs";
import "./chunk-R2U3LM5R.mjs";
import "./chunk-GYJ3GKLR.mjs";
import {
  pushWork
} from "./chunk-RBPSIS4R.mjs";
import {
  openProject
} from "./chunk-EY3Y3RLT.mjs";
import "./chunk-52USVQ3E.mjs";
import {
  repoFromPaths
} from "./chunk-KGMTQYBH.mjs";
import {
  refSha,
  statusPorcelain
} from "./chunk-YIOGP5OK.mjs";
import "./chunk-QMES3QEG.mjs";
import "./chunk-2KXZDJML.mjs";
import "./chunk-BLGZ45JF.mjs";
import "./chunk-HOVPYJYW.mjs";
import "./chunk-OUP5FXRK.mjs";
import "./chunk-IC7YTGSH.mjs";
import "./chunk-JPJMJVFU.mjs";
import "./chunk-CXNZ4SOU.mjs";
import "./chunk-5JH7MFI6.mjs";
import "./chunk-7RWYVW2G.mjs";
import {
  errorMessage
} from "./chunk-B475TGAI.mjs";
import "./chunk-4OAWNEMU.mjs";

// src/hooks/heavy/stop-lane.ts
import fs from "node:fs";
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
