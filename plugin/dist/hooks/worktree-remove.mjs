#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  dropClaudeWorktree,
  removePlainWorktree
} from "../chunks/chunk-EAAD7644.mjs";
import "../chunks/chunk-D7IQK7OL.mjs";
import "../chunks/chunk-LOXFRWKM.mjs";
import "../chunks/chunk-RBPSIS4R.mjs";
import "../chunks/chunk-IRVJ2KSG.mjs";
import "../chunks/chunk-PVTTY4LC.mjs";
import "../chunks/chunk-DJKRICCN.mjs";
import "../chunks/chunk-3K7QMPJY.mjs";
import {
  openProject
} from "../chunks/chunk-EY3Y3RLT.mjs";
import "../chunks/chunk-52USVQ3E.mjs";
import "../chunks/chunk-KGMTQYBH.mjs";
import "../chunks/chunk-YIOGP5OK.mjs";
import "../chunks/chunk-QMES3QEG.mjs";
import "../chunks/chunk-2KXZDJML.mjs";
import "../chunks/chunk-BLGZ45JF.mjs";
import "../chunks/chunk-4VNXBQ3W.mjs";
import "../chunks/chunk-HOVPYJYW.mjs";
import "../chunks/chunk-CR6GQYF6.mjs";
import {
  exit,
  note,
  trace
} from "../chunks/chunk-FZYQV7RA.mjs";
import {
  readHookInput,
  str
} from "../chunks/chunk-UOSV2YDA.mjs";
import {
  hasState,
  locate,
  realish
} from "../chunks/chunk-Q2MEEI3Y.mjs";
import {
  LANES_DOC
} from "../chunks/chunk-OUP5FXRK.mjs";
import "../chunks/chunk-IC7YTGSH.mjs";
import "../chunks/chunk-JPJMJVFU.mjs";
import "../chunks/chunk-CXNZ4SOU.mjs";
import "../chunks/chunk-5JH7MFI6.mjs";
import "../chunks/chunk-7RWYVW2G.mjs";
import "../chunks/chunk-3EVUSF4T.mjs";
import {
  errorMessage
} from "../chunks/chunk-B475TGAI.mjs";
import "../chunks/chunk-4OAWNEMU.mjs";

// src/hooks/worktree-remove.ts
import fs from "node:fs";
var EVENT = "WorktreeRemove";
var say = (m) => note(`${EVENT}: ${m}`);
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
    const code = await removePlainWorktree(w.mainRoot, wt, say) ? 0 : 1;
    trace(EVENT, code === 0 ? "plain-removed" : "plain-kept", { path: wt });
    return code;
  }
  const project = await openProject(w.mainRoot);
  const lane = Object.values((await project.store.read(LANES_DOC)).data).find((l) => l.path === wt);
  if (!lane) {
    const code = await removePlainWorktree(w.mainRoot, wt, say) ? 0 : 1;
    trace(EVENT, code === 0 ? "plain-removed" : "plain-kept", { path: wt });
    return code;
  }
  try {
    const r = await dropClaudeWorktree(project, lane);
    note(
      `${EVENT}: removed the lane of task ${lane.task} (${r.landed_by}); branch ${r.deleted_branch ? "deleted" : "kept"}.${r.notes.map((n) => ` Kept: ${n}.`).join("")}`
    );
  } catch (e) {
    note(`${EVENT}: kept the lane of task ${lane.task} at ${wt}: ${errorMessage(e)}`);
    trace(EVENT, "kept", { lane: lane.task });
    return 1;
  }
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
