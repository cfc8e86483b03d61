#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  releaseOwnerInTx,
  releasePortsInTx
} from "./chunk-5PRR2DMC.mjs";
import {
  TASKS_DOC,
  emptyTasks,
  setStatus
} from "./chunk-ODNPWKIC.mjs";
import {
  ZERO_SHA,
  commitsNotIn,
  contentLanded,
  createRef,
  deleteRefCas,
  git,
  isAncestor,
  killProcessGroup,
  refSha,
  resolveCommit,
  snapshotWorktree,
  stashCreate,
  statusPorcelain
} from "./chunk-PLLR5K5N.mjs";
import {
  failpoint,
  holdsLock,
  withLock,
  writeFileAtomic
} from "./chunk-TGF4WI42.mjs";
import {
  pidAlive
} from "./chunk-GSYLAAW2.mjs";
import {
  LANES_DOC,
  REMOVE_OP,
  START_OP,
  archiveRef,
  backupRef,
  emptyLanes,
  laneRef,
  lockReason,
  taskOwner
} from "./chunk-N53VYYAD.mjs";
import {
  isInside
} from "./chunk-JPJMJVFU.mjs";
import {
  LanesError,
  errorMessage,
  log
} from "./chunk-SU5VJPY7.mjs";

// src/git/worktree.ts
import fs from "node:fs";
import path from "node:path";
async function listWorktrees(cwd) {
  const out = (await git(cwd, ["worktree", "list", "--porcelain", "-z"], { readOnly: true })).stdout;
  const list = [];
  let cur;
  for (const field of out.split("\0")) {
    if (field === "") {
      if (cur) list.push(cur);
      cur = void 0;
      continue;
    }
    const sp = field.indexOf(" ");
    const key = sp < 0 ? field : field.slice(0, sp);
    const val = sp < 0 ? "" : field.slice(sp + 1);
    if (key === "worktree") {
      if (cur) list.push(cur);
      cur = { path: val, detached: false, bare: false };
      continue;
    }
    if (!cur) continue;
    if (key === "HEAD") cur.head = val;
    else if (key === "branch") cur.branch = val;
    else if (key === "detached") cur.detached = true;
    else if (key === "bare") cur.bare = true;
    else if (key === "locked") cur.locked = val;
    else if (key === "prunable") cur.prunable = val;
  }
  if (cur) list.push(cur);
  return list;
}
async function checkoutSettings(cwd, commonDir) {
  const r = await git(cwd, ["config", "--get-regexp", "^(checkout\\.workers|core\\.hookspath)$"], { readOnly: true, okCodes: [1] });
  const keys = new Set(r.stdout.split("\n").map((l) => l.split(" ")[0]?.toLowerCase()).filter(Boolean));
  let hook = keys.has("core.hookspath");
  if (!hook) {
    try {
      fs.accessSync(path.join(commonDir, "hooks", "post-checkout"), fs.constants.X_OK);
      hook = true;
    } catch {
      hook = false;
    }
  }
  return { configArgs: keys.has("checkout.workers") ? [] : ["-c", "checkout.workers=0"], postCheckoutHook: hook };
}
async function addWorktree(cwd, o) {
  await git(cwd, [
    ...o.configArgs ?? [],
    "worktree",
    "add",
    "--quiet",
    "--lock",
    "--reason",
    o.lockReason,
    "--no-track",
    ...o.noCheckout ? ["--no-checkout"] : [],
    "-b",
    o.branch,
    "--",
    o.path,
    o.commit
  ]);
}
async function checkoutWorktree(worktree, commit, settings = {}) {
  await git(worktree, [...settings.configArgs ?? [], "reset", "--hard", "--quiet", "--no-recurse-submodules"]);
  if (settings.postCheckoutHook !== false) await git(worktree, ["hook", "run", "--ignore-missing", "post-checkout", "--", ZERO_SHA, commit, "1"]);
}
async function removeWorktree(cwd, worktree, opts = {}) {
  const r = await git(cwd, ["worktree", "remove", ...opts.force ? ["--force"] : [], "--", worktree], { okCodes: [128, 1] });
  if (r.exitCode === 0) return { ok: true };
  return { ok: false, reason: (r.stderr.trim() || r.stdout.trim()).replace(/^fatal: /, "") };
}
async function lockWorktree(cwd, worktree, reason) {
  await git(cwd, ["worktree", "lock", "--reason", reason, "--", worktree], { okCodes: [128] });
}
async function unlockWorktree(cwd, worktree) {
  await git(cwd, ["worktree", "unlock", "--", worktree], { okCodes: [128] });
}
function adminDirFor(commonDir, worktree) {
  const root = path.join(commonDir, "worktrees");
  let names;
  try {
    names = fs.readdirSync(root);
  } catch {
    return void 0;
  }
  const want = path.join(path.resolve(worktree), ".git");
  for (const name of names) {
    const dir = path.join(root, name);
    try {
      if (fs.readFileSync(path.join(dir, "gitdir"), "utf8").trim() === want) return dir;
    } catch {
    }
  }
  return void 0;
}
function removeAdminEntry(commonDir, worktree) {
  if (fs.existsSync(worktree)) {
    throw new LanesError("UNSAFE", `Refusing to drop git's record of ${worktree}: the directory still exists.`, {
      hint: "Remove the worktree with `git worktree remove` (or `lanes remove`) instead."
    });
  }
  const dir = adminDirFor(commonDir, worktree);
  if (!dir) return false;
  const root = path.join(commonDir, "worktrees");
  if (path.dirname(dir) !== root || fs.lstatSync(dir).isSymbolicLink()) {
    throw new LanesError("UNSAFE", `Unexpected worktree admin directory ${dir}.`, { hint: "Inspect it by hand; Lanes removes only plain entries under <git dir>/worktrees." });
  }
  fs.rmSync(dir, { recursive: true, force: true });
  try {
    fs.rmdirSync(root);
  } catch {
  }
  return true;
}

// src/core/lanes/gitlock.ts
import fs2 from "node:fs";
import path2 from "node:path";
function withGitLock(repo, purpose, fn) {
  if (holdsLock(repo.stateDir, "git")) return fn();
  return withLock(repo.stateDir, "git", () => fn(), { purpose });
}
function ensureExcluded(repo, relDir) {
  const line = `/${relDir.split("/").filter((s) => s !== "" && s !== ".").join("/")}/`;
  const file = path2.join(repo.commonDir, "info", "exclude");
  let text = "";
  try {
    text = fs2.readFileSync(file, "utf8");
  } catch {
    fs2.mkdirSync(path2.dirname(file), { recursive: true });
  }
  if (text.split("\n").some((l) => l.trim() === line)) return;
  const sep = text === "" || text.endsWith("\n") ? "" : "\n";
  writeFileAtomic(file, `${text}${sep}# Lanes worktrees (one per task)
${line}
`, 420);
}

// src/core/lanes/teardown.ts
import fs3 from "node:fs";
async function assessLane(lanes, lane, task) {
  const root = lanes.repo.mainRoot;
  const exists = fs3.existsSync(lane.path);
  const [tip, targetSha, dirty] = await Promise.all([
    refSha(root, laneRef(lane.task)),
    resolveCommit(root, lane.target).catch(() => void 0),
    exists ? statusPorcelain(lane.path).catch(() => []) : Promise.resolve([])
  ]);
  const a = { exists, dirty, unlanded: [] };
  if (tip) a.tip = tip;
  if (targetSha) a.targetSha = targetSha;
  if (!tip) a.landedBy = "no-branch";
  else if (tip === lane.base) a.landedBy = "no-commits";
  else if (targetSha && await isAncestor(root, tip, targetSha)) a.landedBy = "ancestor";
  else if (task?.landed_as && targetSha && await landedAs(root, tip, task.landed_as, targetSha)) a.landedBy = "landed_as";
  if (tip && !a.landedBy) a.unlanded = await commitsNotIn(root, tip, targetSha ? [targetSha, lane.base] : [lane.base], 20);
  return a;
}
async function landedAs(root, tip, landedAs2, targetSha) {
  const sha = await resolveCommit(root, landedAs2).catch(() => void 0);
  if (!sha || !await isAncestor(root, sha, targetSha)) return false;
  return await contentLanded(root, tip, sha) !== false;
}
function describeDirty(dirty, max = 20) {
  const lines = dirty.slice(0, max).map((e) => `  ${e.code === "??" ? "untracked" : `changed (${e.code.trim()})`}: ${e.path}`);
  if (dirty.length > max) lines.push(`  ... and ${dirty.length - max} more`);
  return lines.join("\n");
}
function describeCommits(commits) {
  return commits.map((c) => `  ${c.short} ${c.subject}`).join("\n");
}
function refusal(lane, a) {
  const parts = [];
  if (a.dirty.length) parts.push(`${a.dirty.length} uncommitted file${a.dirty.length === 1 ? "" : "s"}:
${describeDirty(a.dirty)}`);
  if (a.unlanded.length) parts.push(`commits not landed on ${lane.target}:
${describeCommits(a.unlanded)}`);
  if (!parts.length) return void 0;
  return new LanesError("UNSAFE", `Refusing to remove the lane of ${lane.task} (${lane.path}): it has ${parts.join("\nand ")}`, {
    hint: "Commit and land the work first (queue_merge), or ask a human to run `lanes remove --force`, which keeps a backup ref of everything.",
    details: { dirty: a.dirty, unlanded: a.unlanded }
  });
}
async function teardownLane(lanes, lane, a, opts = {}) {
  const { repo, store } = lanes;
  const root = repo.mainRoot;
  const out = { removed_worktree: false, deleted_branch: false, backup_refs: [], released_claims: 0, released_ports: [] };
  const data = { task: lane.task, token: lane.token, path: lane.path, ...a.tip ? { tip: a.tip } : {}, force: opts.force === true };
  const entry = await store.journal.begin(REMOVE_OP, data);
  await failpoint("lanes.remove.after-journal");
  try {
    await withGitLock(repo, `remove lane ${lane.task}`, async () => {
      const tip = await refSha(root, laneRef(lane.task));
      if (tip !== a.tip) {
        throw new LanesError("CONFLICT", `The branch of ${lane.task} moved while it was being removed (now ${tip?.slice(0, 12) ?? "gone"}).`, {
          hint: "Nothing was removed. Look at list_worktrees and try again."
        });
      }
      if (opts.force) out.backup_refs = await backup(lanes, lane, a);
      else if (a.landedBy === "landed_as" && a.tip) {
        const ref = archiveRef(lane.task);
        if (await createRef(root, ref, a.tip, `lanes: original commits of squash-landed ${lane.task}`)) out.backup_refs.push(ref);
      }
      const registered = (await listWorktrees(root)).find((w) => w.path === lane.path);
      if (fs3.existsSync(lane.path)) {
        await unlockWorktree(root, lane.path);
        await failpoint("lanes.remove.after-unlock");
        const r = await removeWorktree(root, lane.path, { force: opts.force === true });
        if (!r.ok) {
          if (registered) await lockWorktree(root, lane.path, lockReason(lane.task));
          throw new LanesError("UNSAFE", `git refused to remove ${lane.path}: ${r.reason}`, {
            hint: "Nothing was removed and the lane is locked again. Commit or discard the changes git names, then try again."
          });
        }
        out.removed_worktree = true;
      } else if (registered) {
        out.removed_worktree = removeAdminEntry(repo.commonDir, lane.path);
      }
      await entry.step("worktree-removed");
      await failpoint("lanes.remove.after-worktree");
      if (a.tip) {
        out.deleted_branch = await deleteRefCas(root, laneRef(lane.task), a.tip);
        if (!out.deleted_branch) out.branch_kept = `${lane.branch} moved after it was checked; kept`;
      }
    });
  } catch (e) {
    await entry.done();
    throw e;
  }
  await failpoint("lanes.remove.before-state");
  await store.transact(async (tx) => {
    const r = dropLaneInTx(tx, lane.task, lane.token, `lane removed${opts.force ? " (forced)" : ""}`);
    out.released_claims = r.claims;
    out.released_ports = r.ports;
    if (r.task_status) out.task_status = r.task_status;
  });
  await entry.done();
  await store.appendEvent("lane.removed", { task: lane.task, forced: opts.force === true, backup_refs: out.backup_refs, deleted_branch: out.deleted_branch });
  return out;
}
async function backup(lanes, lane, a) {
  const root = lanes.repo.mainRoot;
  const at = /* @__PURE__ */ new Date();
  const ref = backupRef(lane.task, at);
  const refs = [];
  const save = async (name, sha) => {
    if (!await createRef(root, name, sha, `lanes: backup of ${lane.task} before forced removal`)) {
      throw new LanesError("GIT", `Could not create the backup ref ${name}.`, { hint: "Nothing was removed. Check the repository (git fsck), then try again." });
    }
    refs.push(name);
  };
  if (a.tip && a.tip !== lane.base) await save(ref, a.tip);
  if (a.exists && a.dirty.length) {
    const stash = await stashCreate(lane.path, `lanes: uncommitted changes of ${lane.task}`);
    if (stash) await save(`${ref}-stash`, stash);
    if (a.dirty.some((e) => e.code === "??")) {
      const snap = await snapshotWorktree(lane.path, `lanes: working tree of ${lane.task} with untracked files`);
      if (snap) await save(`${ref}-worktree`, snap);
    }
  }
  return refs;
}
function dropLaneInTx(tx, task, token, note) {
  const claims = releaseOwnerInTx(tx, taskOwner(task));
  const ports = releasePortsInTx(tx, taskOwner(task));
  const doc = tx.get(LANES_DOC, emptyLanes);
  if (doc[task]?.token === token) delete doc[task];
  const t = tx.get(TASKS_DOC, emptyTasks)[task];
  if (t && t.status === "in_progress") {
    delete t.owner;
    setStatus(t, "planned", { note });
  }
  return { claims, ports, ...t ? { task_status: t.status } : {} };
}

// src/core/lanes/recover.ts
import fs5 from "node:fs";

// src/core/lanes/probe.ts
import fs4 from "node:fs";
import path3 from "node:path";
function procCwd(pid) {
  try {
    return fs4.readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return void 0;
  }
}
function haveProc() {
  return fs4.existsSync("/proc/self/cwd");
}
function processesIn(dir) {
  if (!haveProc()) return [];
  const out = [];
  let names;
  try {
    names = fs4.readdirSync("/proc");
  } catch {
    return [];
  }
  for (const n of names) {
    if (!/^\d+$/.test(n)) continue;
    const pid = Number(n);
    if (pid === process.pid) continue;
    const cwd = procCwd(pid);
    if (cwd && isInside(dir, cwd.replace(/ \(deleted\)$/, ""))) out.push(pid);
  }
  return out;
}
var sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function settleCheckout(commonDir, worktree, maxMs = 3e4) {
  const admin = adminDirFor(commonDir, worktree);
  if (!admin) return { complete: false };
  const lock = path3.join(admin, "index.lock");
  const end = Date.now() + maxMs;
  while (fs4.existsSync(lock) && Date.now() < end) {
    if (haveProc() && processesIn(worktree).length === 0) break;
    await sleep(50);
  }
  return { admin, complete: fs4.existsSync(path3.join(admin, "index")) && !fs4.existsSync(lock) };
}
async function diskUsage(dir) {
  let total = 0;
  const walk = async (d) => {
    let entries;
    try {
      entries = await fs4.promises.readdir(d, { withFileTypes: true });
    } catch {
      return;
    }
    await Promise.all(
      entries.map(async (e) => {
        const p = path3.join(d, e.name);
        try {
          const st = await fs4.promises.lstat(p);
          total += st.blocks !== void 0 ? st.blocks * 512 : st.size;
          if (e.isDirectory()) await walk(p);
        } catch {
        }
      })
    );
  };
  await walk(dir);
  return total;
}

// src/core/lanes/recover.ts
var START_STEPS = ["begin", "claim", "worktree", "setup", "scope", "ready"];
function reached(step, which) {
  return START_STEPS.indexOf(step) >= START_STEPS.indexOf(which);
}
async function rollbackStart(lanes, d, step) {
  const { repo } = lanes;
  const rep = { task: d.task, op: START_OP, outcome: "rolled_back", removed_worktree: false, deleted_branch: false };
  const keep = (why) => {
    rep.kept = rep.kept ? `${rep.kept}; ${why}` : why;
  };
  const lane = (await lanes.store.read(LANES_DOC, emptyLanes)).data[d.task];
  const ours = lane?.token === d.token;
  if (reached(step, "worktree")) {
    try {
      await withGitLock(repo, `roll back start of ${d.task}`, async () => {
        if (d.setup_pgid) stopSetup(d.setup_pgid, d.path);
        const registered = (await listWorktrees(repo.mainRoot)).find((w) => w.path === d.path);
        const exists = fs5.existsSync(d.path);
        let gone = !registered && !exists;
        if (registered && !exists) {
          gone = removeAdminEntry(repo.commonDir, d.path);
          rep.removed_worktree = gone;
        } else if (registered) {
          const co = await settleCheckout(repo.commonDir, d.path);
          if (!co.complete) {
            await unlockWorktree(repo.mainRoot, d.path);
            const r = await removeWorktree(repo.mainRoot, d.path, { force: true });
            if (!r.ok) {
              await lockWorktree(repo.mainRoot, d.path, lockReason(d.task));
              keep(`git refused to remove the unfinished checkout: ${r.reason}`);
            }
            gone = rep.removed_worktree = r.ok;
          } else {
            const work = await workIn(d.path, d.base);
            if (work) {
              keep(`${d.path} has changes beyond what setup copied (${work}); kept for you to inspect`);
            } else {
              await unlockWorktree(repo.mainRoot, d.path);
              const r = await removeWorktree(repo.mainRoot, d.path);
              if (!r.ok) {
                await lockWorktree(repo.mainRoot, d.path, lockReason(d.task));
                keep(`git refused to remove it: ${r.reason}`);
              }
              gone = rep.removed_worktree = r.ok;
            }
          }
        } else if (exists) {
          try {
            fs5.rmdirSync(d.path);
            gone = true;
          } catch {
            keep(`${d.path} exists, is not a git worktree and is not empty`);
          }
        }
        if (gone) {
          const tip = await refSha(repo.mainRoot, laneRef(d.task));
          if (tip === d.base) rep.deleted_branch = await deleteRefCas(repo.mainRoot, laneRef(d.task), d.base);
          else if (tip && ours) keep(`branch ${d.branch} moved to ${tip.slice(0, 12)} (not the recorded base); kept`);
        }
      });
    } catch (e) {
      keep(`rollback stopped: ${errorMessage(e)}`);
      rep.error = errorMessage(e);
    }
  }
  if (!ours) {
    if (!rep.removed_worktree && !rep.deleted_branch && !rep.kept) rep.outcome = "nothing";
    else if (rep.kept) rep.outcome = "kept";
    return rep;
  }
  await lanes.store.transact(async (tx) => {
    const doc = tx.get(LANES_DOC, emptyLanes);
    const rec = doc[d.task];
    if (rec?.token !== d.token) return;
    releaseOwnerInTx(tx, taskOwner(d.task));
    releasePortsInTx(tx, taskOwner(d.task));
    const t = tx.get(TASKS_DOC, emptyTasks)[d.task];
    if (t && t.status === "in_progress" && t.owner === d.owner && !rec.resumed) {
      delete t.owner;
      setStatus(t, "planned", { note: rep.kept ? `start rolled back; lane kept: ${rep.kept}` : "start rolled back" });
    }
    if (rep.kept) {
      rec.state = "broken";
      rec.problem = rep.kept;
    } else {
      delete doc[d.task];
    }
  });
  if (rep.kept) rep.outcome = "kept";
  await lanes.store.appendEvent("lane.rolled_back", { task: d.task, kept: rep.kept });
  return rep;
}
async function workIn(worktree, base) {
  const head = await refSha(worktree, "HEAD");
  if (head && head !== base) return `HEAD is at ${head.slice(0, 12)}, not the base`;
  const st = await statusPorcelain(worktree);
  if (st.length === 0) return void 0;
  const shown = st.slice(0, 5).map((e) => `${e.code.trim()} ${e.path}`).join(", ");
  return `${st.length} changed or untracked file${st.length === 1 ? "" : "s"}: ${shown}${st.length > 5 ? ", ..." : ""}`;
}
function stopSetup(pgid, lane) {
  if (!pidAlive(pgid)) return;
  const cwd = procCwd(pgid);
  if (!cwd || !isInside(lane, cwd.replace(/ \(deleted\)$/, ""))) return;
  killProcessGroup(pgid, "SIGKILL");
}
async function finishRemove(lanes, d) {
  const { repo } = lanes;
  const rep = { task: d.task, op: REMOVE_OP, outcome: "finished", removed_worktree: false, deleted_branch: false };
  const stillThere = await withGitLock(repo, `finish removal of ${d.task}`, async () => {
    const registered = (await listWorktrees(repo.mainRoot)).find((w) => w.path === d.path);
    if (fs5.existsSync(d.path)) {
      if (registered) await lockWorktree(repo.mainRoot, d.path, lockReason(d.task));
      return true;
    }
    if (registered) rep.removed_worktree = removeAdminEntry(repo.commonDir, d.path);
    if (d.tip) rep.deleted_branch = await deleteRefCas(repo.mainRoot, laneRef(d.task), d.tip);
    return false;
  });
  if (stillThere) {
    rep.outcome = "nothing";
    return rep;
  }
  await lanes.store.transact(async (tx) => {
    if (tx.get(LANES_DOC, emptyLanes)[d.task]?.token !== d.token) return;
    dropLaneInTx(tx, d.task, d.token, "lane removed (finished after a crash)");
  });
  return rep;
}
async function recoverOrphans(lanes) {
  const ours = (r) => r.op === START_OP || r.op === REMOVE_OP;
  if (!(await lanes.store.journal.orphans()).some(ours)) return [];
  return withGitLock(lanes.repo, "recover interrupted lanes operations", async () => {
    const reports = [];
    for (const rec of (await lanes.store.journal.orphans()).filter(ours)) {
      const entry = await lanes.store.journal.adopt(rec);
      try {
        const rep = rec.op === START_OP ? await recoverStart(lanes, rec) : await finishRemove(lanes, rec.data);
        reports.push(rep);
        await entry.done();
        if (rep.outcome !== "nothing") log.warn(`recovered an interrupted ${rec.op} of ${rep.task}: ${rep.outcome}${rep.kept ? ` (${rep.kept})` : ""}`);
      } catch (e) {
        log.error(`could not recover ${rec.op} ${rec.id}`, errorMessage(e));
        reports.push({ task: String(rec.data.task), op: rec.op, outcome: "failed", removed_worktree: false, deleted_branch: false, error: errorMessage(e) });
      }
    }
    return reports;
  });
}
async function recoverStart(lanes, rec) {
  const d = rec.data;
  const lane = (await lanes.store.read(LANES_DOC, emptyLanes)).data[d.task];
  if (lane?.token === d.token && lane.state === "ready") {
    return { task: d.task, op: START_OP, outcome: "finished", removed_worktree: false, deleted_branch: false };
  }
  return rollbackStart(lanes, d, rec.step);
}

export {
  listWorktrees,
  checkoutSettings,
  addWorktree,
  checkoutWorktree,
  adminDirFor,
  withGitLock,
  ensureExcluded,
  assessLane,
  describeDirty,
  describeCommits,
  refusal,
  teardownLane,
  haveProc,
  processesIn,
  diskUsage,
  rollbackStart,
  recoverOrphans
};
