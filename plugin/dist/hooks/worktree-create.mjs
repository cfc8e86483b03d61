#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  loadConfig
} from "../chunks/chunk-V3OS6LIP.mjs";
import {
  sessionOwner
} from "../chunks/chunk-3V2NFGLS.mjs";
import {
  adoptClaudeWorktree,
  createPlainWorktree,
  taskIdFor
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
import {
  resolveRepo
} from "../chunks/chunk-KGMTQYBH.mjs";
import "../chunks/chunk-YIOGP5OK.mjs";
import "../chunks/chunk-QMES3QEG.mjs";
import "../chunks/chunk-2KXZDJML.mjs";
import "../chunks/chunk-BLGZ45JF.mjs";
import "../chunks/chunk-4VNXBQ3W.mjs";
import "../chunks/chunk-HOVPYJYW.mjs";
import "../chunks/chunk-CR6GQYF6.mjs";
import {
  emitLine,
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
  locate
} from "../chunks/chunk-Q2MEEI3Y.mjs";
import "../chunks/chunk-OUP5FXRK.mjs";
import "../chunks/chunk-IC7YTGSH.mjs";
import "../chunks/chunk-JPJMJVFU.mjs";
import "../chunks/chunk-CXNZ4SOU.mjs";
import "../chunks/chunk-5JH7MFI6.mjs";
import "../chunks/chunk-7RWYVW2G.mjs";
import "../chunks/chunk-YZJAPDEG.mjs";
import "../chunks/chunk-3EVUSF4T.mjs";
import {
  errorMessage
} from "../chunks/chunk-B475TGAI.mjs";
import "../chunks/chunk-4OAWNEMU.mjs";

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
