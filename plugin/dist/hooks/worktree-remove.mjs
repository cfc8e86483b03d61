#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  removeLane
} from "../chunks/chunk-GZJ43MRW.mjs";
import {
  ADHOC_TITLE_PREFIX
} from "../chunks/chunk-ITFLEEQQ.mjs";
import {
  listWorktrees
} from "../chunks/chunk-D5WNJKZ4.mjs";
import {
  openProject
} from "../chunks/chunk-7I66P2CN.mjs";
import {
  git
} from "../chunks/chunk-TNE6FGIO.mjs";
import "../chunks/chunk-HXLULYCU.mjs";
import {
  PLAN_DOC,
  TASKS_DOC,
  setStatus
} from "../chunks/chunk-4R6DCJOC.mjs";
import "../chunks/chunk-DTZGG44N.mjs";
import "../chunks/chunk-4VNXBQ3W.mjs";
import "../chunks/chunk-HOVPYJYW.mjs";
import "../chunks/chunk-NAZ4J2TS.mjs";
import {
  LANES_DOC
} from "../chunks/chunk-I5EBTHHD.mjs";
import "../chunks/chunk-7T3ZRSQ6.mjs";
import {
  exit,
  note,
  trace
} from "../chunks/chunk-BIWEIAR5.mjs";
import {
  readHookInput,
  str
} from "../chunks/chunk-UOSV2YDA.mjs";
import {
  hasState,
  locate,
  realish
} from "../chunks/chunk-7ZLIPW43.mjs";
import "../chunks/chunk-JPJMJVFU.mjs";
import "../chunks/chunk-LIEEZQE5.mjs";
import "../chunks/chunk-3EVUSF4T.mjs";
import {
  errorMessage
} from "../chunks/chunk-B475TGAI.mjs";
import "../chunks/chunk-4OAWNEMU.mjs";

// src/hooks/worktree-remove.ts
import fs from "node:fs";
var EVENT = "WorktreeRemove";
async function plainRemove(mainRoot, wt) {
  const info = (await listWorktrees(mainRoot)).find((w) => w.path === wt);
  if (!info) {
    note(`${EVENT}: ${wt} is not a worktree of this repository; nothing removed.`);
    return fs.existsSync(wt) ? 1 : 0;
  }
  const r = await git(mainRoot, ["worktree", "remove", "--", wt], { okCodes: [1, 128] });
  if (r.exitCode !== 0) {
    note(`${EVENT}: kept ${wt}: git refused to remove it (${(r.stderr.trim() || r.stdout.trim()).replace(/^fatal: /, "")}).`);
    return 1;
  }
  const branch = info.branch?.replace(/^refs\/heads\//, "");
  if (branch?.startsWith("worktree-")) {
    const d = await git(mainRoot, ["branch", "-d", "--", branch], { okCodes: [1] });
    if (d.exitCode !== 0) note(`${EVENT}: removed ${wt}; kept branch ${branch} (not merged: ${d.stderr.trim().split("\n")[0]}).`);
  }
  note(`${EVENT}: removed ${wt}.`);
  return 0;
}
async function main() {
  const read = await readHookInput();
  if (!read.ok) {
    note(`${EVENT}: ${read.why}; nothing removed.`);
    trace(EVENT, "malformed");
    return 1;
  }
  const given = str(read.input, "worktree_path") ?? str(read.input, "path");
  if (!given) {
    note(`${EVENT}: the input names no worktree_path; nothing removed.`);
    return 1;
  }
  const wt = realish(given);
  const loc = locate(fs.existsSync(wt) ? wt : str(read.input, "cwd"));
  if (!loc.ok) {
    note(`${EVENT}: ${loc.why}; nothing removed.`);
    trace(EVENT, "not-git");
    return fs.existsSync(wt) ? 1 : 0;
  }
  const w = loc.where;
  if (!hasState(w)) {
    const code = await plainRemove(w.mainRoot, wt);
    trace(EVENT, code === 0 ? "plain-removed" : "plain-kept", { path: wt });
    return code;
  }
  const project = await openProject(w.mainRoot);
  const lane = Object.values((await project.store.read(LANES_DOC)).data).find((l) => l.path === wt);
  if (!lane) {
    const code = await plainRemove(w.mainRoot, wt);
    trace(EVENT, code === 0 ? "plain-removed" : "plain-kept", { path: wt });
    return code;
  }
  try {
    const r = await removeLane(project, { task_id: lane.task });
    note(
      `${EVENT}: removed the lane of task ${lane.task} (${r.landed_by}); branch ${r.deleted_branch ? "deleted" : "kept"}.${r.notes.map((n) => ` Kept: ${n}.`).join("")}`
    );
  } catch (e) {
    note(`${EVENT}: kept the lane of task ${lane.task} at ${wt}: ${errorMessage(e)}`);
    trace(EVENT, "kept", { lane: lane.task });
    return 1;
  }
  await project.store.transact(async (tx) => {
    const def = tx.get(PLAN_DOC).plan?.tasks.find((t2) => t2.id === lane.task);
    const t = tx.get(TASKS_DOC)[lane.task];
    if (def?.title.startsWith(ADHOC_TITLE_PREFIX) && t && t.status !== "done") {
      setStatus(t, "done", { note: "Claude Code worktree removed; nothing of it was left unlanded" });
    }
  });
  trace(EVENT, "removed", { lane: lane.task });
  return 0;
}
main().then(
  (code) => exit(code),
  (e) => {
    note(`${EVENT}: internal error, nothing removed: ${errorMessage(e)}`);
    trace(EVENT, "error");
    exit(1);
  }
);
