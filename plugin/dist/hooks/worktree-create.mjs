#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  copyIncluded,
  startLane
} from "../chunks/chunk-JCBWFSEQ.mjs";
import {
  loadConfig
} from "../chunks/chunk-EBQ6BYEB.mjs";
import "../chunks/chunk-6TPH2DJD.mjs";
import {
  sessionOwner
} from "../chunks/chunk-2QH2GIOI.mjs";
import {
  ADHOC_TITLE_PREFIX,
  CLAUDE_NAME_RE,
  taskIdFor
} from "../chunks/chunk-ITFLEEQQ.mjs";
import {
  listWorktrees,
  withGitLock
} from "../chunks/chunk-D5WNJKZ4.mjs";
import {
  lanesDir,
  openProject
} from "../chunks/chunk-7I66P2CN.mjs";
import {
  git,
  resolveRepo
} from "../chunks/chunk-TNE6FGIO.mjs";
import "../chunks/chunk-HXLULYCU.mjs";
import {
  addTask,
  readPlan,
  storePlan
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
  emitLine,
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
  locate
} from "../chunks/chunk-7ZLIPW43.mjs";
import "../chunks/chunk-JPJMJVFU.mjs";
import "../chunks/chunk-LIEEZQE5.mjs";
import "../chunks/chunk-YZJAPDEG.mjs";
import "../chunks/chunk-3EVUSF4T.mjs";
import {
  errorMessage
} from "../chunks/chunk-B475TGAI.mjs";
import "../chunks/chunk-4OAWNEMU.mjs";

// src/hooks/worktree-create.ts
import fs from "node:fs";
import path from "node:path";
var EVENT = "WorktreeCreate";
var Refused = class extends Error {
};
async function plainWorktree(repo, name, cfg, locked) {
  if (name.length > 64 || !CLAUDE_NAME_RE.test(name) || name.split("/").some((s) => s === "." || s === "..")) {
    throw new Refused(
      `invalid worktree name ${JSON.stringify(name.slice(0, 80))}: use letters, digits, ".", "_" and "-" (segments separated by "/"), at most 64 characters`
    );
  }
  const dir = lanesDir(repo, ".claude/worktrees", { create: true });
  const wt = path.join(dir, ...name.split("/"));
  const registered = (await listWorktrees(repo.mainRoot)).find((w) => w.path === wt);
  if (registered) return wt;
  if (fs.existsSync(wt) && fs.readdirSync(wt).length > 0)
    throw new Refused(`${wt} already exists and is not an empty directory or a registered worktree`);
  const add = async () => {
    await git(repo.mainRoot, ["worktree", "add", "--quiet", "--no-track", "-b", `worktree-${name}`, "--", wt, "HEAD"]);
  };
  if (locked) await withGitLock(repo, `${EVENT} ${name}`, add);
  else await add();
  const inc = await copyIncluded(repo.mainRoot, wt, cfg?.worktrees.include_file ?? ".worktreeinclude");
  if (inc.copied.length) note(`${EVENT}: copied ${inc.copied.join(", ")} (.worktreeinclude)`);
  for (const s of inc.skipped) note(`${EVENT}: did not copy ${s.path}: ${s.reason}`);
  return wt;
}
async function laneWorktree(project, cfg, name, sid) {
  const task = taskIdFor(name);
  if (task !== name) note(`${EVENT}: worktree name ${JSON.stringify(name)} is not a task id; using task "${task}"`);
  const existing = (await project.store.read(LANES_DOC)).data[task];
  if (existing?.state === "ready" && fs.existsSync(existing.path)) {
    note(`${EVENT}: entering the existing lane of task ${task} (${existing.path})`);
    return existing.path;
  }
  const { plan } = await readPlan(project.store);
  if (!plan?.tasks.some((t) => t.id === task)) {
    const adhoc = {
      id: task,
      title: `${ADHOC_TITLE_PREFIX} ${name}`,
      description: `Created for Claude Code's worktree "${name}" (claude --worktree, EnterWorktree or a subagent with isolation: worktree) by the Lanes WorktreeCreate hook. It has no file scope.`,
      files: []
    };
    if (plan) await addTask(project.store, adhoc);
    else await storePlan(project.store, [adhoc], { parallelism: cfg.max_parallel, source: "claude-code-worktree" });
    note(`${EVENT}: added task ${task} to the plan for this worktree`);
  }
  const owner = sid ? sessionOwner(sid) : `claude-worktree:${task}`;
  const r = await startLane(project, { task_id: task, owner });
  note(`${EVENT}: lane ${r.branch} ready at ${r.path}${r.included.length ? `; copied ${r.included.join(", ")}` : ""}`);
  return r.path;
}
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
    wt = await plainWorktree(repo, name, cfg, stateful);
    trace(EVENT, "plain", { name, path: wt });
  } else {
    wt = await laneWorktree(await openProject(loc.where.cwd, repo), cfg, name, str(read.input, "session_id"));
    trace(EVENT, "lane", { name, path: wt });
  }
  emitLine(wt);
  return 0;
}
main().then(
  (code) => exit(code),
  (e) => {
    const msg = e instanceof Refused ? e.message : errorMessage(e);
    note(
      `${EVENT}: no worktree was created: ${msg}
(To let Claude Code create its worktrees without Lanes, set "worktrees": { "claude_worktree_hooks": false } in .lanes/config.json.)`
    );
    trace(EVENT, "error", { message: msg.slice(0, 300) });
    exit(1);
  }
);
