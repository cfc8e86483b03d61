#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  logReclaimed
} from "./chunk-6TPH2DJD.mjs";
import {
  addWorktree,
  checkoutSettings,
  checkoutWorktree,
  ensureExcluded,
  listWorktrees,
  recoverOrphans,
  rollbackStart,
  withGitLock
} from "./chunk-D5WNJKZ4.mjs";
import {
  lanePathFor,
  lanesDir,
  realpathOrUndefined,
  refSha,
  resolveCommit,
  revInputProblem,
  runCommand
} from "./chunk-7I66P2CN.mjs";
import {
  git
} from "./chunk-TNE6FGIO.mjs";
import {
  CLAIMS_DOC,
  claimInTx,
  conflictError,
  conflictsFor,
  parseClaimRequest,
  reclaimDoc,
  sane
} from "./chunk-HXLULYCU.mjs";
import {
  TASKS_DOC,
  applyTaskUpdate,
  readPlan,
  requirePlan,
  requireTask
} from "./chunk-4R6DCJOC.mjs";
import {
  failpoint
} from "./chunk-DTZGG44N.mjs";
import {
  OWNERS_DOC,
  describeLiveness,
  ownerLiveness,
  readOwners,
  touchOwnerInTx
} from "./chunk-NAZ4J2TS.mjs";
import {
  LANES_DOC,
  START_OP,
  assertOwner,
  assertTaskId,
  laneBranch,
  laneRef,
  lockReason,
  taskOwner
} from "./chunk-I5EBTHHD.mjs";
import {
  isInside
} from "./chunk-JPJMJVFU.mjs";
import {
  act
} from "./chunk-LIEEZQE5.mjs";
import {
  isPlainScope
} from "./chunk-3EVUSF4T.mjs";
import {
  LanesError,
  errorMessage
} from "./chunk-B475TGAI.mjs";

// src/core/lanes/include.ts
import fs from "node:fs";
import path from "node:path";
var MAX_PATTERN_BYTES = 256 * 1024;
var PARALLEL = 8;
var { O_RDONLY, O_NOFOLLOW, O_WRONLY, O_CREAT, O_EXCL } = fs.constants;
async function includedFiles(mainRoot, includeFile) {
  const file = path.join(mainRoot, includeFile);
  let st;
  try {
    st = fs.lstatSync(file);
  } catch {
    return { files: [] };
  }
  if (!st.isFile()) return { files: [], problem: `${includeFile} is not a regular file (a symlink?); it was not read` };
  if (st.size > MAX_PATTERN_BYTES)
    return { files: [], problem: `${includeFile} is larger than ${MAX_PATTERN_BYTES} bytes; it was not read` };
  const text = fs.readFileSync(file, "utf8");
  if (!text.split("\n").some((l) => l.trim() !== "" && !l.startsWith("#"))) return { files: [] };
  const matched = (await git(mainRoot, ["ls-files", "-z", "--others", "--ignored", `--exclude-from=${file}`], { readOnly: true })).stdout.split("\0").filter(Boolean);
  if (matched.length === 0) return { files: [] };
  const ignored = (await git(mainRoot, ["check-ignore", "-z", "--stdin"], { readOnly: true, input: `${matched.join("\0")}\0`, okCodes: [1] })).stdout.split("\0").filter(Boolean);
  return { files: [...new Set(ignored)].sort() };
}
async function copyIncluded(mainRoot, lane, includeFile) {
  const out = { copied: [], skipped: [], bytes: 0 };
  const { files, problem } = await includedFiles(mainRoot, includeFile);
  if (problem) out.skipped.push({ path: includeFile, reason: problem });
  if (files.length === 0) return out;
  const root = fs.realpathSync(mainRoot);
  const laneReal = fs.realpathSync(lane);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const rel = files[next++];
      try {
        const r = await copyOne(root, laneReal, rel);
        if (typeof r === "number") {
          out.copied.push(rel);
          out.bytes += r;
        } else {
          out.skipped.push({ path: rel, reason: r.skipped });
        }
      } catch (e) {
        out.skipped.push({ path: rel, reason: e.message });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, files.length) }, worker));
  out.copied.sort();
  return out;
}
async function copyOne(root, lane, rel) {
  if (path.isAbsolute(rel) || rel.split("/").includes("..")) return { skipped: "not a plain relative path" };
  const src = path.join(root, rel);
  const dst = path.join(lane, rel);
  if (realpathOrUndefined(path.dirname(src)) !== path.dirname(src)) return { skipped: "a directory on its path is a symlink" };
  const st = await fs.promises.lstat(src);
  if (!await mkdirsNoFollow(lane, path.dirname(rel))) return { skipped: "a directory on its path in the lane is a symlink or a file" };
  if (st.isSymbolicLink()) {
    const real = realpathOrUndefined(src);
    if (real === void 0 || !isInside(root, real) || isInside(path.join(root, ".git"), real)) {
      return { skipped: "symlink leading outside the repository (not followed)" };
    }
    await fs.promises.symlink(await fs.promises.readlink(src), dst);
    return 0;
  }
  if (!st.isFile()) return { skipped: "not a regular file" };
  const from = await fs.promises.open(src, O_RDONLY | O_NOFOLLOW);
  try {
    const fst = await from.stat();
    if (!fst.isFile()) return { skipped: "not a regular file" };
    const to = await fs.promises.open(dst, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, fst.mode & 511);
    try {
      const buf = Buffer.allocUnsafe(Math.min(1 << 20, Math.max(1, fst.size)));
      let total = 0;
      for (; ; ) {
        const { bytesRead } = await from.read(buf, 0, buf.length, null);
        if (bytesRead === 0) break;
        let off = 0;
        while (off < bytesRead) off += (await to.write(buf, off, bytesRead - off)).bytesWritten;
        total += bytesRead;
      }
      await to.chmod(fst.mode & 511);
      return total;
    } finally {
      await to.close();
    }
  } finally {
    await from.close();
  }
}
async function mkdirsNoFollow(base, rel) {
  let cur = base;
  for (const part of rel.split("/")) {
    if (part === "" || part === ".") continue;
    cur = path.join(cur, part);
    let st;
    try {
      st = await fs.promises.lstat(cur);
    } catch {
      try {
        await fs.promises.mkdir(cur);
      } catch (e) {
        if (e.code !== "EEXIST") throw e;
      }
      st = await fs.promises.lstat(cur);
    }
    if (!st.isDirectory()) return false;
  }
  return true;
}

// src/core/lanes/start.ts
import crypto from "node:crypto";
import fs2 from "node:fs";

// src/git/tree.ts
var MAX_PATHSPEC_CHARS = 1e5;
async function filesAt(root, ref, plain) {
  const out = /* @__PURE__ */ new Set();
  if (plain.length === 0) return out;
  const wanted = new Set(plain);
  const chars = plain.reduce((n, p) => n + p.length + 1, 0);
  const paths = chars <= MAX_PATHSPEC_CHARS ? ["--", ...plain] : [];
  const r = await git(root, ["--literal-pathspecs", "ls-tree", "-r", "-z", "--full-tree", "--end-of-options", ref, ...paths], {
    readOnly: true,
    okCodes: [128]
  });
  if (r.exitCode !== 0) return out;
  for (const entry of r.stdout.split("\0")) {
    const tab = entry.indexOf("	");
    if (tab < 0) continue;
    const mode = entry.slice(0, entry.indexOf(" "));
    const p = entry.slice(tab + 1);
    if ((mode === "100644" || mode === "100755" || mode === "120000") && wanted.has(p)) out.add(p);
  }
  return out;
}

// src/core/lanes/setup.ts
var MESSAGE_TAIL = 2e3;
async function runSetup(commands, cwd, opts = {}) {
  const results = [];
  for (const [i, cmd] of commands.entries()) {
    const r = await runSetupCommand(cmd, cwd, opts);
    results.push(r);
    if (!r.ok) {
      const why = r.timed_out ? `timed out after ${cmd.timeout_seconds} s (its process group was killed)` : r.signal ? `was killed by ${r.signal}` : `exited with code ${r.exit_code}`;
      const tail = r.output_tail.length > MESSAGE_TAIL ? `...${r.output_tail.slice(-MESSAGE_TAIL)}` : r.output_tail;
      throw new LanesError(
        "CONFIG",
        `Setup command "${cmd.name}" (${cmd.command.join(" ")}) ${why}.${tail.trim() ? `
Output (tail):
${tail.trimEnd()}` : ""}`,
        {
          hint: `Fix setup[${i}] in .lanes/config.json or what it depends on, then start the task again.`,
          details: { setup: results }
        }
      );
    }
  }
  return results;
}
async function runSetupCommand(cmd, cwd, opts = {}) {
  const r = await runCommand(cmd.command, {
    cwd,
    env: { ...opts.env, ...cmd.env },
    timeoutMs: cmd.timeout_seconds * 1e3,
    maxOutputBytes: opts.maxOutput ?? 64 * 1024,
    ...opts.onSpawn ? { onSpawn: (pid) => opts.onSpawn(cmd.name, pid) } : {}
  });
  const out = {
    name: cmd.name,
    ok: !r.timedOut && r.exitCode === 0 && !r.error,
    timed_out: r.timedOut,
    ms: r.durationMs,
    output_tail: r.output
  };
  if (r.exitCode !== null) out.exit_code = r.exitCode;
  if (r.signal) out.signal = r.signal;
  return out;
}

// src/core/lanes/owned.ts
function mine(doc, task, token) {
  const rec = doc[task];
  if (rec?.token !== token) {
    throw new LanesError("CONFLICT", `The lane record of ${task} was changed by another process while starting.`, {
      hint: `Look at ${act("list_lanes")}, then start the task again if needed.`
    });
  }
  return rec;
}
async function resumeLane(project, rec, files, o) {
  const { store } = project;
  const out = { reclaimed: [] };
  const claims = await store.transact(async (tx) => {
    const cur = mine(tx.get(LANES_DOC), rec.task, rec.token);
    const t = tx.get(TASKS_DOC)[rec.task];
    if (t?.status !== "in_progress" || t.owner !== o.owner)
      applyTaskUpdate(tx, { id: rec.task, status: "in_progress", owner: o.owner, note: `resumed in lane ${rec.branch}` });
    touchOwnerInTx(tx, { owner: o.owner, ttl_seconds: o.ttl, ...o.pid !== void 0 ? { pid: o.pid } : {} });
    if (files.length) {
      cur.claims = claimInTx(
        tx,
        {
          owner: taskOwner(rec.task),
          task: rec.task,
          paths: files,
          mode: "exclusive",
          ttl_seconds: o.ttl,
          reason: `scope of task ${rec.task}`
        },
        out
      ).map((c) => c.pattern);
    }
    return cur.claims ?? [];
  });
  await logReclaimed(store, out.reclaimed);
  await store.appendEvent("lane.resumed", { task: rec.task, owner: o.owner, path: rec.path });
  return { ...resultOf(rec, true), claims };
}
function resultOf(rec, existing) {
  return {
    task_id: rec.task,
    owner: rec.owner,
    path: rec.path,
    branch: rec.branch,
    base: rec.base,
    base_ref: rec.base_ref,
    target: rec.target,
    claims: rec.claims ?? [],
    included: rec.included ?? [],
    include_skipped: [],
    setup: [],
    existing,
    resumed: existing
  };
}
function laneExists(rec, owners) {
  if (rec.state === "starting") {
    return new LanesError("CONFLICT", `Task "${rec.task}" is already started by ${rec.owner} (its lane is still being set up).`, {
      hint: `Pick another task with ${act("next_tasks")}, or wait and look at ${act("list_lanes")}.`
    });
  }
  if (rec.state === "broken") {
    return new LanesError("CONFLICT", `Task "${rec.task}" has a broken lane at ${rec.path}: ${rec.problem ?? "unknown problem"}.`, {
      hint: `Inspect it, then remove it (\`lanes remove ${rec.task}\`, or --force to keep a backup ref of its work) and start again.`
    });
  }
  const l = ownerLiveness(owners, rec.owner);
  return new LanesError("CONFLICT", `Task "${rec.task}" is already started by ${describeLiveness(l)} (lane ${rec.path}).`, {
    hint: l.live ? `Pick another task with ${act("next_tasks")}, or ask that owner to release it. The same owner starting it again gets the lane back (set LANES_OWNER, or pass owner).` : `Its owner is gone: take it over with ${act("take_task", { task_id: rec.task })}, which keeps the lane, its commits and its notes.`,
    details: { holder: rec.owner, live: l.live, ...l.expires_at ? { expires_at: l.expires_at } : {} }
  });
}

// src/core/lanes/start.ts
async function startLane(project, input) {
  const task = assertTaskId(input.task_id);
  const owner = assertOwner(input.owner);
  if (input.base !== void 0) {
    const problem = revInputProblem(input.base);
    if (problem)
      throw new LanesError("INVALID_INPUT", `Invalid base ${JSON.stringify(input.base.slice(0, 80))}: it ${problem}.`, {
        hint: "Pass a branch name, tag or commit id, or leave base out to start from the target branch."
      });
  }
  await recoverOrphans(project);
  const { repo, store } = project;
  const cfg = await project.config();
  const { plan } = await readPlan(store);
  const def = requireTask(requirePlan(plan), task);
  const lanesNow = (await store.read(LANES_DOC)).data;
  const existing = Object.hasOwn(lanesNow, task) ? lanesNow[task] : void 0;
  const ttl = cfg.claims.default_ttl_seconds;
  if (existing) {
    if (existing.state === "ready" && existing.owner === owner && fs2.existsSync(existing.path))
      return resumeLane(project, existing, def.files, { owner, ttl, pid: input.pid });
    throw laneExists(existing, await readOwners(store));
  }
  const baseRef = input.base ?? cfg.target;
  const dir = lanesDir(repo, cfg.worktrees.dir);
  const path2 = lanePathFor(dir, task);
  const branch = laneBranch(task);
  const [base, , worktrees, checkout] = await Promise.all([
    resolveCommit(repo.mainRoot, baseRef),
    assertBranchFree(project, task),
    listWorktrees(repo.mainRoot),
    checkoutSettings(repo.mainRoot, repo.commonDir)
  ]);
  if (!base) throw await noBase(project, baseRef, input.base !== void 0);
  if (worktrees.some((w) => w.path === path2)) {
    throw new LanesError("CONFLICT", `git already has a worktree registered at ${path2} (its directory is missing or empty).`, {
      hint: `Run ${act("cleanup_lanes")} to clear stale lanes, then start the task again.`
    });
  }
  const filePaths = [...await filesAt(repo.mainRoot, base, def.files.filter(isPlainScope))];
  if (def.files.length) await preflightScope(project, task, def.files, ttl, filePaths);
  const token = crypto.randomUUID();
  const data = { task, owner, token, path: path2, branch, base, base_ref: baseRef, target: cfg.target };
  const entry = await store.journal.begin(START_OP, data);
  const fail = async (e) => {
    let report;
    try {
      report = await rollbackStart(project, entry.record.data, entry.record.step);
    } catch (re) {
      report = { task, op: START_OP, outcome: "failed", removed_worktree: false, deleted_branch: false, error: errorMessage(re) };
    }
    if (report.outcome !== "failed") await entry.done();
    throw withRollback(e, report);
  };
  try {
    await store.transact(async (tx) => {
      const doc = tx.get(LANES_DOC);
      const before = tx.get(TASKS_DOC)[task];
      const resumed = before?.status === "in_progress" && before.owner === owner;
      applyTaskUpdate(tx, { id: task, status: "in_progress", owner, note: `lane ${branch}` });
      const other = Object.hasOwn(doc, task) ? doc[task] : void 0;
      if (other) throw laneExists(other, tx.get(OWNERS_DOC));
      touchOwnerInTx(tx, { owner, ttl_seconds: ttl, ...input.pid !== void 0 ? { pid: input.pid } : {} });
      const rec = {
        task,
        owner,
        branch,
        path: path2,
        base,
        base_ref: baseRef,
        target: cfg.target,
        state: "starting",
        token,
        created_at: (/* @__PURE__ */ new Date()).toISOString()
      };
      if (resumed) rec.resumed = true;
      doc[task] = rec;
    });
  } catch (e) {
    return fail(e);
  }
  try {
    await failpoint("lanes.start.after-claim");
    await entry.step("worktree");
    await withGitLock(repo, `start_lane ${task}`, async () => {
      ensureExcluded(repo, cfg.worktrees.dir);
      if (lanesDir(repo, cfg.worktrees.dir, { create: true }) !== dir) {
        throw new LanesError("UNSAFE", `The lanes directory changed while starting ${task}.`, {
          hint: "Check what replaced it, then start the task again."
        });
      }
      lanePathFor(dir, task);
      await assertBranchFree(project, task);
      await addWorktree(repo.mainRoot, { path: path2, branch, commit: base, lockReason: lockReason(task), noCheckout: true });
    });
    await failpoint("lanes.start.before-checkout");
    await checkoutWorktree(path2, base, checkout);
    await failpoint("lanes.start.after-worktree");
    await entry.step("setup");
    const inc = await copyIncluded(repo.mainRoot, path2, cfg.worktrees.include_file);
    let fired = false;
    const during = async () => {
      if (fired) return;
      fired = true;
      await failpoint("lanes.start.during-setup");
    };
    const setup = await runSetup(cfg.setup, path2, {
      env: { LANES_TASK: task, LANES_WORKTREE: path2, LANES_MAIN_ROOT: repo.mainRoot, LANES_BASE: base },
      // Recorded so a recovery can stop a command a crashed start left running.
      onSpawn: async (name, pid) => {
        await entry.step("setup", { setup_pgid: pid, setup_name: name });
        await during();
      }
    });
    await during();
    await entry.step("scope");
    const claims = await store.transact(async (tx) => {
      const rec = mine(tx.get(LANES_DOC), task, token);
      const held = def.files.length ? claimInTx(tx, {
        owner: taskOwner(task),
        task,
        paths: def.files,
        file_paths: filePaths,
        mode: "exclusive",
        ttl_seconds: ttl,
        reason: `scope of task ${task}`
      }).map((c) => c.pattern) : [];
      rec.claims = held;
      rec.included = inc.copied;
      return held;
    });
    await failpoint("lanes.start.before-ready");
    await entry.step("ready");
    const ready = await store.transact(async (tx) => {
      const rec = mine(tx.get(LANES_DOC), task, token);
      rec.state = "ready";
      rec.ready_at = (/* @__PURE__ */ new Date()).toISOString();
      return { ...rec };
    });
    await entry.done();
    await store.appendEvent("lane.started", { task, owner, branch, base, path: path2, claims: claims.length, included: inc.copied.length });
    return {
      ...resultOf(ready, false),
      claims,
      include_skipped: inc.skipped,
      setup: setup.map((s) => ({ name: s.name, ms: s.ms }))
    };
  } catch (e) {
    return fail(e);
  }
}
async function assertBranchFree(project, task) {
  const tip = await refSha(project.repo.mainRoot, laneRef(task));
  if (tip) {
    throw new LanesError("CONFLICT", `A branch ${laneBranch(task)} already exists (at ${tip.slice(0, 12)}).`, {
      hint: `It may hold earlier work for this task: land it, rename it (git branch -m ${laneBranch(task)} <new name>) or delete it once it is safe, then start the task again.`
    });
  }
}
async function noBase(project, rev, explicit) {
  if (!await resolveCommit(project.repo.mainRoot, "HEAD") && !explicit) {
    return new LanesError("NOT_A_REPO", `The repository ${project.repo.mainRoot} has no commits yet.`, {
      hint: 'Commit something first (git commit --allow-empty -m "initial"); lanes branch off a commit.'
    });
  }
  return explicit ? new LanesError("INVALID_INPUT", `Base ${JSON.stringify(rev)} does not name a commit.`, {
    hint: "Pass an existing branch, tag or commit id (a single revision, not a range)."
  }) : new LanesError("INVALID_INPUT", `The target branch "${rev}" does not exist.`, {
    hint: 'Pass base explicitly, or set "target" in .lanes/config.json to an existing branch.'
  });
}
async function preflightScope(project, task, files, ttl, filePaths) {
  const req = parseClaimRequest({ owner: taskOwner(task), task, paths: files, file_paths: filePaths, mode: "exclusive", ttl_seconds: ttl });
  const doc = (await project.store.read(CLAIMS_DOC)).data;
  if (!Array.isArray(doc.claims)) return;
  doc.claims = doc.claims.filter(sane);
  reclaimDoc(doc);
  const conflicts = conflictsFor(doc.claims, req.id.owner, req.patterns, req.mode, req.files);
  if (conflicts.length) throw conflictError(conflicts, req.mode);
}
function withRollback(e, report) {
  if (!report.kept && !report.error) return e;
  const note = report.error ? `Rolling back also failed: ${report.error}.` : `The half-made lane was kept: ${report.kept}.`;
  if (e instanceof LanesError) {
    return new LanesError(e.code, `${e.message}
${note}`, {
      hint: e.hint ?? `See ${act("list_lanes")}.`,
      details: { ...e.details, rollback: report },
      cause: e.cause
    });
  }
  return new LanesError("INTERNAL", `${errorMessage(e)}
${note}`, {
    hint: `See ${act("list_lanes")}.`,
    cause: e,
    details: { rollback: report }
  });
}

export {
  filesAt,
  copyIncluded,
  startLane
};
