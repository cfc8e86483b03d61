#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
import {
  loadConfig
} from "../chunks/chunk-HNNOWZCP.mjs";
import "../chunks/chunk-6O67LTXW.mjs";
import {
  adoptClaudeWorktree,
  createPlainWorktree,
  emitLine,
  exit,
  note,
  taskIdFor,
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
import {
  sessionOwner
} from "../chunks/chunk-GFRYN5UQ.mjs";
import "../chunks/chunk-UU23BLVG.mjs";
import "../chunks/chunk-ALOFWVRK.mjs";
import "../chunks/chunk-5ICCUVIX.mjs";
import {
  hasState,
  locate
} from "../chunks/chunk-4W232WJ3.mjs";
import "../chunks/chunk-6TI4QRGQ.mjs";
import {
  openProject
} from "../chunks/chunk-PR5W4QLA.mjs";
import {
  resolveRepo
} from "../chunks/chunk-ESYJGOAB.mjs";
import "../chunks/chunk-AAYR2TCU.mjs";
import "../chunks/chunk-DTMKN5XL.mjs";
import "../chunks/chunk-V47YI7EL.mjs";
import "../chunks/chunk-5IGYGQZY.mjs";
import "../chunks/chunk-ONL4JA75.mjs";
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

// src/hooks/worktree-create.ts
var EVENT = "WorktreeCreate";
var say = (m) => note(`${EVENT}: ${m}`);
async function main() {
  const read = await readHookInput();
  if (!read.ok) {
    note(`${EVENT}: ${read.why}; cannot create a worktree without its name.`);
    trace(EVENT, "malformed");
    return 1;
  }
  const name = str(read.input, "name");
  if (!name) {
    note(`${EVENT}: the input has no worktree name; nothing created.`);
    return 1;
  }
  const loc = locate(str(read.input, "cwd"));
  if (!loc.ok) {
    note(`${EVENT}: ${loc.why}; Lanes creates worktrees only in git repositories.`);
    trace(EVENT, "not-git");
    return 1;
  }
  const repo = await resolveRepo(loc.where.cwd);
  const stateful = hasState(loc.where);
  let cfg;
  try {
    cfg = await loadConfig(repo.mainRoot, { repo });
  } catch (e) {
    if (stateful) {
      note(`${EVENT}: .lanes/config.json could not be loaded, so no worktree was created: ${errorMessage(e)}`);
      return 1;
    }
  }
  let wt;
  if (!stateful || !cfg || !cfg.worktrees.claude_worktree_hooks) {
    note(
      `${EVENT}: ${!stateful ? "this repository does not use Lanes yet" : "worktrees.claude_worktree_hooks is off"}; creating a plain Claude Code worktree (not a lane).`
    );
    wt = await createPlainWorktree(repo, name, cfg?.worktrees.include_file ?? ".worktreeinclude", stateful, say);
    trace(EVENT, "plain", { name, path: wt });
  } else {
    const sid = str(read.input, "session_id");
    wt = await adoptClaudeWorktree(
      await openProject(loc.where.cwd, repo),
      cfg,
      name,
      sid ? sessionOwner(sid) : `claude-worktree:${taskIdFor(name)}`,
      say
    );
    trace(EVENT, "lane", { name, path: wt });
  }
  emitLine(wt);
  return 0;
}
restoreLaunchEnv();
main().then(
  (code) => exit(code),
  (e) => {
    const msg = errorMessage(e);
    note(
      `${EVENT}: no worktree was created: ${msg}
(To let Claude Code create its worktrees without Lanes, set "worktrees": { "claude_worktree_hooks": false } in .lanes/config.json.)`
    );
    trace(EVENT, "error", { message: msg.slice(0, 300) });
    exit(1);
  }
);
