#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
var fs = require("node:fs");
import {
  dropClaudeWorktree,
  exit,
  note,
  removePlainWorktree,
  trace
} from "../chunks/chunk-QJ2VWD4X.mjs";
import "../chunks/chunk-P6UCBCK2.mjs";
import {
  restoreLaunchEnv
} from "../chunks/chunk-7KS2UEHU.mjs";
import "../chunks/chunk-WBPZ3C4H.mjs";
import {
  readHookInput,
  str
} from "../chunks/chunk-RJNADHBY.mjs";
import "../chunks/chunk-QRLVTEHX.mjs";
import "../chunks/chunk-Q62EWIYE.mjs";
import "../chunks/chunk-CSEEOK7H.mjs";
import "../chunks/chunk-UU23BLVG.mjs";
import "../chunks/chunk-ALOFWVRK.mjs";
import "../chunks/chunk-5ICCUVIX.mjs";
import {
  hasState,
  locate,
  realish
} from "../chunks/chunk-4W232WJ3.mjs";
import "../chunks/chunk-6TI4QRGQ.mjs";
import {
  openProject
} from "../chunks/chunk-PR5W4QLA.mjs";
import "../chunks/chunk-ESYJGOAB.mjs";
import "../chunks/chunk-AAYR2TCU.mjs";
import "../chunks/chunk-DTMKN5XL.mjs";
import "../chunks/chunk-V47YI7EL.mjs";
import "../chunks/chunk-5IGYGQZY.mjs";
import {
  LANES_DOC
} from "../chunks/chunk-ONL4JA75.mjs";
import "../chunks/chunk-TKZFUNKZ.mjs";
import "../chunks/chunk-4CKTFQOR.mjs";
import "../chunks/chunk-EFR7W7QO.mjs";
import "../chunks/chunk-566HZB6Q.mjs";
import "../chunks/chunk-ZLPZGQGU.mjs";
import "../chunks/chunk-UE4A2DQB.mjs";
import "../chunks/chunk-PCFNT4JQ.mjs";
import "../chunks/chunk-X4JLKMGK.mjs";
import "../chunks/chunk-PMXN3EG4.mjs";
import "../chunks/chunk-XNIKMWZT.mjs";
import "../chunks/chunk-DDI77WQF.mjs";
import {
  errorMessage
} from "../chunks/chunk-OBLF3P63.mjs";
import "../chunks/chunk-4WZSK4NS.mjs";

// src/hooks/worktree-remove.ts
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
restoreLaunchEnv();
main().then(
  (code) => exit(code),
  (e) => {
    note(`${EVENT}: internal error, nothing removed: ${errorMessage(e)}`);
    trace(EVENT, "error");
    exit(1);
  }
);
