#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
var fs = require("node:fs");
var path = require("node:path");
var fs2 = require("node:fs");
import {
  addPlainWorktree,
  copyIncluded,
  listWorktrees,
  removeLane,
  removeWorktree,
  startLane,
  withGitLock
} from "./chunk-P6UCBCK2.mjs";
import {
  PLAN_DOC,
  TASKS_DOC,
  addTask,
  readPlan,
  setStatus,
  storePlan
} from "./chunk-6TI4QRGQ.mjs";
import {
  deleteMergedBranch
} from "./chunk-ESYJGOAB.mjs";
import {
  lanesDir
} from "./chunk-DTMKN5XL.mjs";
import {
  LANES_DOC
} from "./chunk-ONL4JA75.mjs";
import {
  speak
} from "./chunk-UE4A2DQB.mjs";
import {
  isSlug,
  slugify
} from "./chunk-DDI77WQF.mjs";
import {
  LanesError
} from "./chunk-OBLF3P63.mjs";

// src/core/lanes/claude-worktree.ts
var CLAUDE_NAME_RE = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;
var ADHOC_TITLE_PREFIX = "Claude Code worktree";
function taskIdFor(name) {
  return isSlug(name) ? name : slugify(name);
}
async function createPlainWorktree(repo, name, includeFile, locked, note2) {
  if (name.length > 64 || !CLAUDE_NAME_RE.test(name) || name.split("/").some((s) => s === "." || s === "..")) {
    throw new LanesError(
      "INVALID_INPUT",
      `invalid worktree name ${JSON.stringify(name.slice(0, 80))}: use letters, digits, ".", "_" and "-" (segments separated by "/"), at most 64 characters`
    );
  }
  const dir = lanesDir(repo, ".claude/worktrees", { create: true });
  const wt = path.join(dir, ...name.split("/"));
  const registered = (await listWorktrees(repo.mainRoot)).find((w) => w.path === wt);
  if (registered) return wt;
  if (fs.existsSync(wt) && fs.readdirSync(wt).length > 0) {
    throw new LanesError("CONFLICT", `${wt} already exists and is not an empty directory or a registered worktree`);
  }
  const add = async () => {
    await addPlainWorktree(repo.mainRoot, { path: wt, branch: `worktree-${name}`, commit: "HEAD" });
  };
  if (locked) await withGitLock(repo, `claude worktree ${name}`, add);
  else await add();
  const inc = await copyIncluded(repo.mainRoot, wt, includeFile);
  if (inc.copied.length) note2(`copied ${inc.copied.join(", ")} (.worktreeinclude)`);
  for (const s of inc.skipped) note2(`did not copy ${s.path}: ${s.reason}`);
  return wt;
}
async function adoptClaudeWorktree(project, cfg, name, owner, note2) {
  const task = taskIdFor(name);
  if (task !== name) note2(`worktree name ${JSON.stringify(name)} is not a task id; using task "${task}"`);
  const lanes = (await project.store.read(LANES_DOC)).data;
  const existing = Object.hasOwn(lanes, task) ? lanes[task] : void 0;
  if (existing?.state === "ready" && fs.existsSync(existing.path)) {
    note2(`entering the existing lane of task ${task} (${existing.path})`);
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
    note2(`added task ${task} to the plan for this worktree`);
  }
  const r = await startLane(project, { task_id: task, owner });
  note2(`lane ${r.branch} ready at ${r.path}${r.included.length ? `; copied ${r.included.join(", ")}` : ""}`);
  return r.path;
}
async function removePlainWorktree(mainRoot, wt, note2) {
  const info = (await listWorktrees(mainRoot)).find((w) => w.path === wt);
  if (!info) {
    note2(`${wt} is not a worktree of this repository; nothing removed.`);
    return !fs.existsSync(wt);
  }
  const r = await removeWorktree(mainRoot, wt);
  if (!r.ok) {
    note2(`kept ${wt}: git refused to remove it (${r.reason}).`);
    return false;
  }
  const branch = info.branch?.replace(/^refs\/heads\//, "");
  if (branch?.startsWith("worktree-")) {
    const d = await deleteMergedBranch(mainRoot, branch);
    if (!d.ok) note2(`removed ${wt}; kept branch ${branch} (not merged: ${d.reason}).`);
  }
  note2(`removed ${wt}.`);
  return true;
}
async function dropClaudeWorktree(project, lane) {
  const r = await removeLane(project, { task_id: lane.task });
  await project.store.transact(async (tx) => {
    const def = tx.get(PLAN_DOC).plan?.tasks.find((t2) => t2.id === lane.task);
    const tasks = tx.get(TASKS_DOC);
    const t = Object.hasOwn(tasks, lane.task) ? tasks[lane.task] : void 0;
    if (def?.title.startsWith(ADHOC_TITLE_PREFIX) && t && t.status !== "done") {
      setStatus(t, "done", { note: "Claude Code worktree removed; nothing of it was left unlanded" });
    }
  });
  return r;
}

// src/hooks/lib/output.ts
function writeFd(fd, raw) {
  const text = speak(raw, "tools");
  try {
    fs2.writeSync(fd, text);
  } catch {
    (fd === 1 ? process.stdout : process.stderr).write(text);
  }
}
function note(msg) {
  writeFd(2, `lanes: ${msg.endsWith("\n") ? msg : `${msg}
`}`);
}
function emitLine(line) {
  writeFd(1, `${line}
`);
}
function elapsedMs() {
  return Math.round(process.uptime() * 1e3);
}
function trace(event, outcome, fields = {}) {
  const file = process.env.LANES_HOOK_TRACE;
  if (!file) return;
  try {
    fs2.appendFileSync(file, `${JSON.stringify({ event, outcome, ms: elapsedMs(), pid: process.pid, ...fields })}
`);
  } catch {
  }
}
function exit(code) {
  process.exit(code);
}

export {
  taskIdFor,
  createPlainWorktree,
  adoptClaudeWorktree,
  removePlainWorktree,
  dropClaudeWorktree,
  note,
  emitLine,
  trace,
  exit
};
