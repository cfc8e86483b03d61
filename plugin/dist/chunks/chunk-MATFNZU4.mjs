#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
var fs = require("node:fs");
var path = require("node:path");
var fs2 = require("node:fs");
var path2 = require("node:path");
var fs3 = require("node:fs");
var path3 = require("node:path");
var crypto2 = require("node:crypto");
var fs5 = require("node:fs");
var path5 = require("node:path");
var crypto = require("node:crypto");
var fs4 = require("node:fs");
var os = require("node:os");
var path4 = require("node:path");
var fs6 = require("node:fs");
var fs7 = require("node:fs");
var os2 = require("node:os");
var path6 = require("node:path");
var fs8 = require("node:fs");
var path7 = require("node:path");
var fs9 = require("node:fs");
var path8 = require("node:path");
var path9 = require("node:path");
var fs10 = require("node:fs");
var path10 = require("node:path");
var fs11 = require("node:fs");
var path11 = require("node:path");
var path13 = require("node:path");
var fs12 = require("node:fs/promises");
var path12 = require("node:path");
var fs13 = require("node:fs");
var path14 = require("node:path");
var fs14 = require("node:fs");
import {
  lastFetch
} from "./chunk-2U67RZHV.mjs";
import {
  PLAN_LIMITS,
  buildPlan,
  parseTasks
} from "./chunk-D6KORC43.mjs";
import {
  readNoteFile,
  writeNote
} from "./chunk-X45R65UC.mjs";
import {
  parseNote
} from "./chunk-QVBTIUQL.mjs";
import {
  require_dist
} from "./chunk-YFNGQKDO.mjs";
import {
  CONFIG_FILE,
  MAX_CONFIG_BYTES,
  loadConfig,
  loadConfigAtCommit,
  parseConfig,
  resolveTarget
} from "./chunk-HNNOWZCP.mjs";
import {
  LIST_LIMIT,
  adminDirFor,
  assessLane,
  describeCommits,
  describeDirty,
  describeIgnored,
  diskUsage,
  forceRemoveWorktree,
  haveProc,
  listWorktrees,
  planTeardown,
  processesIn,
  recoverOrphans,
  removeAdminEntry,
  removeLane,
  teardownLane,
  withGitLock,
  worktreeOperation
} from "./chunk-P6UCBCK2.mjs";
import {
  logReclaimed
} from "./chunk-WBPZ3C4H.mjs";
import {
  targetRevs
} from "./chunk-KIH6SQKZ.mjs";
import {
  NOTICES_DOC
} from "./chunk-XASTUKNA.mjs";
import {
  ensureWork,
  fetchRefInto,
  pushWork
} from "./chunk-QRLVTEHX.mjs";
import {
  RUNS_DOC,
  countCommits,
  runCost,
  usageText,
  withSessionLock
} from "./chunk-T2TNQ7XT.mjs";
import {
  indexListing,
  trackedFiles,
  untrackedEntries
} from "./chunk-CSEEOK7H.mjs";
import {
  CLAIMS_DOC,
  claimInTx,
  claimsOf,
  conflictError,
  conflictsFor,
  parseClaimRequest,
  reclaimDoc,
  releaseOwnerInTx
} from "./chunk-UU23BLVG.mjs";
import {
  isPlainScope
} from "./chunk-ALOFWVRK.mjs";
import {
  branchTip,
  worktreeGitDir
} from "./chunk-5ICCUVIX.mjs";
import {
  OWNERS_DOC,
  TASKS_DOC,
  countByStatus,
  describeLiveness,
  ownerLiveness,
  readPlan,
  requirePlan,
  requireTask,
  setStatus,
  storePlan,
  touchOwnerInTx
} from "./chunk-6TI4QRGQ.mjs";
import {
  filterSessions,
  findCurrent,
  readSessions,
  redact,
  sessionKey
} from "./chunk-QKAPH3UL.mjs";
import {
  findNoteText,
  noteFile,
  noteFromRecord
} from "./chunk-7JRWJCHC.mjs";
import {
  ENTRIES_MAX,
  ENTRY_TEXT_MAX,
  entriesOf,
  entryCount,
  isoNow,
  normalizeText
} from "./chunk-K2H7HNW2.mjs";
import {
  killProcessGroup,
  runCommand
} from "./chunk-PR5W4QLA.mjs";
import {
  absoluteGitDir,
  branchTips,
  commonDirOf,
  refsUnder,
  resolveRepo,
  showToplevel
} from "./chunk-ESYJGOAB.mjs";
import {
  aheadBehind,
  commitTimeMs,
  isAncestor,
  isSha,
  presentCommits,
  refSha,
  resolveCommit,
  statusPorcelain,
  updateRefCas
} from "./chunk-AAYR2TCU.mjs";
import {
  lanesDir
} from "./chunk-DTMKN5XL.mjs";
import {
  filesAt,
  git,
  gitEnv,
  gitOut,
  objectInfo,
  readBlob,
  treeEntry,
  treeOf
} from "./chunk-5IGYGQZY.mjs";
import {
  LANES_DOC,
  assertOwner,
  assertTaskId,
  expiryFrom,
  goneReason,
  laneBranch,
  laneRef,
  taskOwner
} from "./chunk-ONL4JA75.mjs";
import {
  isInside
} from "./chunk-TKZFUNKZ.mjs";
import {
  childProcess
} from "./chunk-4CKTFQOR.mjs";
import {
  safeBlock,
  safeText
} from "./chunk-EFR7W7QO.mjs";
import {
  lockOwner,
  tryLock
} from "./chunk-566HZB6Q.mjs";
import {
  ensurePrivateDir
} from "./chunk-ZLPZGQGU.mjs";
import {
  act
} from "./chunk-UE4A2DQB.mjs";
import {
  failpoint,
  hostName,
  pidAlive,
  writeFileAtomic
} from "./chunk-PCFNT4JQ.mjs";
import {
  defineDoc,
  own,
  recordMap
} from "./chunk-X4JLKMGK.mjs";
import {
  log
} from "./chunk-XNIKMWZT.mjs";
import {
  assertSlug,
  slugify
} from "./chunk-DDI77WQF.mjs";
import {
  LanesError,
  errorMessage,
  isLanesError
} from "./chunk-OBLF3P63.mjs";
import {
  __toESM
} from "./chunk-4WZSK4NS.mjs";

// src/version.ts
var VERSION = "0.1.0";

// src/core/merge/model.ts
var MERGE_OP = "merge.process";
var STRATEGIES = ["merge", "squash", "rebase"];
var ENTRY_STATES = ["queued", "integrating", "gating", "landing", "held", "landed", "failed", "cancelled"];
var PROCESSING = ["integrating", "gating", "landing"];
var ACTIVE = ["queued", ...PROCESSING, "held"];
function sameIntent(a, b) {
  return a.new === b.new && a.old === b.old && a.pid === b.pid && a.host === b.host && a.target === b.target;
}
var emptyQueue = () => ({ seq: 0, entries: [], recent: [], lane_conflicts: recordMap() });
var HISTORY_KEEP = 200;
var RECENT_KEEP = 20;
function queueOf(doc) {
  if (!Array.isArray(doc.entries)) doc.entries = [];
  if (!Array.isArray(doc.recent)) doc.recent = [];
  if (typeof doc.lane_conflicts !== "object" || doc.lane_conflicts === null) doc.lane_conflicts = recordMap();
  if (!Number.isSafeInteger(doc.seq)) doc.seq = doc.entries.reduce((m, e) => Math.max(m, e.seq), 0);
  if (doc.landing === null) delete doc.landing;
  return doc;
}
var MERGE_DOC = defineDoc({ name: "merge-queue", empty: emptyQueue, normalize: queueOf });
function isActive(e) {
  return ACTIVE.includes(e.state);
}
function activeEntry(doc, task) {
  return doc.entries.find((e) => e.task === task && isActive(e));
}
function trimHistory(doc) {
  const finished = doc.entries.filter((e) => !isActive(e));
  if (finished.length <= HISTORY_KEEP) return;
  const drop = new Set(
    finished.sort((a, b) => a.seq - b.seq).slice(0, finished.length - HISTORY_KEEP).map((e) => e.id)
  );
  doc.entries = doc.entries.filter((e) => !drop.has(e.id));
}
function recordOutcome(doc, ok) {
  doc.recent.push(ok);
  if (doc.recent.length > RECENT_KEEP) doc.recent.splice(0, doc.recent.length - RECENT_KEEP);
}
function effectiveBatchSize(configured, recent) {
  if (configured <= 1 || recent.length < 10) return Math.max(1, configured);
  const rate = recent.filter((ok) => !ok).length / recent.length;
  if (rate >= 0.2) return 1;
  if (rate >= 0.1) return Math.min(configured, 4);
  return configured;
}
function nowIso() {
  return (/* @__PURE__ */ new Date()).toISOString();
}
function msSince(iso) {
  return iso ? Math.max(0, Date.now() - Date.parse(iso)) : void 0;
}
function capText(s, max = 4e3) {
  return s.length > max ? `...${s.slice(-(max - 3))}` : s;
}

// src/git/merge.ts

// src/git/version.ts
var MIN_GIT = [2, 38];
var cached;
function gitVersion() {
  cached ??= import("./dist-HSXWRZPZ.mjs").then(({ simpleGit }) => simpleGit().version()).then((v) => ({ major: v.major, minor: v.minor, patch: typeof v.patch === "number" ? v.patch : 0, installed: v.installed })).catch((e) => ({ major: 0, minor: 0, patch: 0, installed: false, error: e instanceof Error ? e.message : String(e) }));
  return cached;
}
function atLeast(v, min = MIN_GIT) {
  return v.installed && (v.major > min[0] || v.major === min[0] && v.minor >= min[1]);
}
function showVersion(v) {
  return v.installed ? `${v.major}.${v.minor}.${v.patch}` : "not installed";
}

// src/git/merge.ts
var SAFE = ["-c", "core.hooksPath=/dev/null", "-c", "gc.auto=0"];
var versionChecked;
function assertMergeTreeGit(_cwd) {
  versionChecked ??= (async () => {
    const v = await gitVersion();
    const [maj, min] = MIN_GIT;
    if (!atLeast(v)) {
      throw new LanesError(
        "UNSUPPORTED",
        `The merge queue needs git >= ${maj}.${min} for \`git merge-tree --write-tree\`; this is git ${showVersion(v)}.`,
        {
          hint: `Upgrade git to ${maj}.${min} or newer (lanes doctor checks it).`
        }
      );
    }
  })().catch((e) => {
    versionChecked = void 0;
    throw e;
  });
  return versionChecked;
}
async function mergeCheck(cwd, a, b) {
  const r = await git(cwd, ["merge-tree", "--write-tree", "--name-only", "--no-messages", "-z", a, b], { okCodes: [1] });
  const parts = r.stdout.split("\0");
  const tree = parts[0] ?? "";
  if (r.exitCode === 0 && isSha(tree)) return { clean: true, tree };
  const files = [];
  for (const p of parts.slice(1)) {
    if (p === "") break;
    files.push(p);
  }
  return { clean: false, files: [...new Set(files)] };
}
async function mergeCheckMany(cwd, pairs) {
  if (pairs.length === 0) return [];
  const input = pairs.map(([a, b]) => `${a} ${b}
`).join("");
  const out = (await git(cwd, ["merge-tree", "--stdin", "--name-only", "--no-messages"], { input, readOnly: true })).stdout;
  const parts = out.split("\0");
  const results = [];
  let i = 0;
  while (results.length < pairs.length && i < parts.length) {
    const status2 = parts[i++];
    i++;
    const files = [];
    while (i < parts.length && parts[i] !== "") files.push(parts[i++]);
    i++;
    results.push(status2 === "1" ? [] : [...new Set(files)]);
  }
  while (results.length < pairs.length) results.push([]);
  return results;
}
async function authorOf(cwd, commit) {
  const [name = "", email = "", date = ""] = (await gitOut(cwd, ["log", "-1", "--format=%an%x00%ae%x00%aI", commit, "--"], { readOnly: true })).split("\0");
  return { name, email, date };
}
var identityEnv;
function committerEnv(cwd) {
  const p = identityEnv ?? git(cwd, ["var", "GIT_COMMITTER_IDENT"], { readOnly: true, okCodes: [128] }).then(
    (r) => r.exitCode === 0 ? {} : {
      GIT_COMMITTER_NAME: "Lanes",
      GIT_COMMITTER_EMAIL: "lanes@localhost",
      GIT_AUTHOR_NAME: "Lanes",
      GIT_AUTHOR_EMAIL: "lanes@localhost"
    }
  );
  identityEnv = p;
  return p;
}
async function commitTree(cwd, tree, parents, message, author) {
  const env = { ...await committerEnv(cwd) };
  if (author?.name) Object.assign(env, { GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email, GIT_AUTHOR_DATE: author.date });
  const args = [...SAFE, "commit-tree", tree, ...parents.flatMap((p) => ["-p", p]), "-F", "-"];
  const sha = await gitOut(cwd, args, { env, input: message });
  if (!isSha(sha))
    throw new LanesError("GIT", `git commit-tree printed ${JSON.stringify(sha.slice(0, 80))}, not a commit id.`, {
      hint: "Run `git fsck` and retry."
    });
  return sha;
}
async function subjects(cwd, base, tip, limit = 20) {
  const out = await gitOut(cwd, ["log", `--max-count=${limit}`, "--format=%s", tip, `^${base}`, "--"], { readOnly: true });
  return out ? out.split("\n") : [];
}
async function isMergeCommit(cwd, commit) {
  const r = await git(cwd, ["rev-parse", "--verify", "--quiet", `${commit}^2`], { readOnly: true, okCodes: [1, 128] });
  return r.exitCode === 0;
}
async function fastForward(worktree, commit, reflogAction) {
  const r = await git(worktree, [...SAFE, "merge", "--ff-only", "--quiet", "--no-edit", commit], {
    okCodes: [1, 128],
    env: { GIT_REFLOG_ACTION: reflogAction }
  });
  return { ok: r.exitCode === 0, output: (r.stderr || r.stdout).trim() };
}
async function operationInProgress(worktree, commonDir) {
  return worktreeOperation(commonDir ? await worktreeGitDir(worktree, commonDir) : await absoluteGitDir(worktree));
}
async function unmergedFiles(worktree) {
  const out = await gitOut(worktree, ["diff", "--name-only", "--diff-filter=U", "-z"], { okCodes: [1, 128] });
  return [...new Set(out.split("\0").filter(Boolean))];
}
function integrationRoot(repo) {
  return path.join(repo.stateDir, "integration");
}
async function addIntegrationWorktree(repo, dir, commit) {
  fs.mkdirSync(path.dirname(dir), { recursive: true, mode: 448 });
  await git(repo.mainRoot, [...SAFE, "-c", "checkout.workers=0", "worktree", "add", "--quiet", "--detach", "--", dir, commit]);
}
function exactPattern(rel) {
  return `/${rel.replace(/[\\*?[\]!# ]/g, (c) => `\\${c}`)}`;
}
async function resetIntegration(dir, commit, keep = []) {
  await git(dir, [...SAFE, "checkout", "--quiet", "--force", "--detach", commit]);
  await git(dir, ["clean", "-ffdxq", ...keep.flatMap((k) => ["-e", exactPattern(k)])]);
}
async function removeIntegrationWorktree(repo, dir) {
  const root = integrationRoot(repo);
  const rel = path.relative(root, dir);
  if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) {
    throw new LanesError("INTERNAL", `Refusing to remove ${dir}: not an integration worktree under ${root}.`);
  }
  await forceRemoveWorktree(repo.mainRoot, dir);
  if (fs.existsSync(dir)) fs.rmSync(dir, { recursive: true, force: true });
  while (removeAdminEntry(repo.commonDir, dir)) ;
}
async function rebaseOnto(dir, base, tip, keep = []) {
  await resetIntegration(dir, tip, keep);
  const env = await committerEnv(dir);
  const r = await git(dir, [...SAFE, "rebase", "--quiet", "--no-autostash", "--no-fork-point", "--no-update-refs", base], {
    env,
    okCodes: [1, 128]
  });
  if (r.exitCode === 0) return { ok: true, commit: await gitOut(dir, ["rev-parse", "HEAD"]) };
  const files = await unmergedFiles(dir);
  await git(dir, ["rebase", "--abort"], { okCodes: [1, 128] });
  return { ok: false, files, message: (r.stderr || r.stdout).trim().slice(-2e3) };
}
async function revertOnto(dir, base, undo, message, keep = []) {
  await resetIntegration(dir, base, keep);
  const env = await committerEnv(dir);
  const merge = await isMergeCommit(dir, undo.landed_as);
  const range = !merge && undo.landed_from && undo.landed_from !== undo.landed_as ? `${undo.landed_from}..${undo.landed_as}` : undo.landed_as;
  const r = await git(dir, [...SAFE, "revert", "--no-edit", "--no-commit", ...merge ? ["-m", "1"] : [], range], {
    env,
    okCodes: [1, 128]
  });
  if (r.exitCode !== 0) {
    const files = await unmergedFiles(dir);
    await git(dir, ["revert", "--abort"], { okCodes: [1, 128] });
    await resetIntegration(dir, base, keep);
    return { ok: false, files, message: (r.stderr || r.stdout).trim().slice(-2e3) };
  }
  const staged = await git(dir, ["diff", "--cached", "--quiet"], { okCodes: [1] });
  if (staged.exitCode === 0) {
    await git(dir, ["revert", "--quit"], { okCodes: [1, 128] });
    return { ok: false, files: [], message: "the revert changes nothing: the landing is already undone on the target" };
  }
  await git(dir, [...SAFE, "commit", "--quiet", "--no-verify", "-F", "-"], { env, input: message });
  await git(dir, ["revert", "--quit"], { okCodes: [1, 128] });
  return { ok: true, commit: await gitOut(dir, ["rev-parse", "HEAD"]) };
}

// src/core/merge/after.ts
function queueIn(tx) {
  return tx.get(MERGE_DOC);
}
function moveTask(tx, task, status2, note) {
  const t = tx.get(TASKS_DOC)[task];
  if (!t) return;
  setStatus(t, status2 ?? t.status, { note: capText(note) });
}
function markLandedInTx(tx, landed, target, extra) {
  const doc = queueIn(tx);
  const tasks = tx.get(TASKS_DOC);
  const moved = [];
  for (const l of landed) {
    const e = doc.entries.find((x) => x.id === l.entry);
    if (!e || e.state === "landed") continue;
    e.state = "landed";
    e.landed_as = l.commit;
    e.landed_from = l.base;
    e.finished_at = nowIso();
    if (extra.unchecked) e.unchecked = true;
    delete e.last_error;
    delete e.cancel_requested;
    e.timings = {
      ...e.timings,
      ...extra.gates_ms !== void 0 ? { gates_ms: extra.gates_ms } : {},
      ...extra.land_ms !== void 0 ? { land_ms: extra.land_ms } : {}
    };
    const total = msSince(e.started_at);
    if (total !== void 0) e.timings.total_ms = total;
    recordOutcome(doc, true);
    moved.push(e);
    const t = tasks[e.task];
    if (e.kind === "revert") {
      if (t) {
        delete t.landed_as;
        delete t.owner;
        setStatus(t, "planned", {
          note: capText(
            `Landing ${e.revert_of?.landed_as.slice(0, 12) ?? ""} was reverted on ${target} by ${l.commit.slice(0, 12)}; the task is open again.`
          )
        });
      }
    } else {
      if (t) {
        t.landed_as = l.commit;
        setStatus(t, "done", {
          note: `landed as ${l.commit} on ${target}${extra.unchecked ? " (no gates configured: nothing was checked)" : ""}`
        });
      }
      releaseOwnerInTx(tx, taskOwner(e.task));
      delete doc.lane_conflicts[e.task];
    }
  }
  trimHistory(doc);
  return moved;
}
function markFailedInTx(tx, entryId, message, failure, opts = {}) {
  const doc = queueIn(tx);
  const e = doc.entries.find((x) => x.id === entryId);
  if (!e || e.state === "landed" || e.state === "failed" || e.state === "cancelled") return void 0;
  e.state = "failed";
  e.finished_at = nowIso();
  e.last_error = capText(message, 8e3);
  e.failure = failure;
  delete e.cancel_requested;
  if (opts.gated) recordOutcome(doc, false);
  const tasks = tx.get(TASKS_DOC);
  const t = tasks[e.task];
  if (t) {
    if (e.kind === "revert") setStatus(t, t.status, { note: capText(`The revert of ${e.task} did not land: ${message}`) });
    else if (t.status !== "done") setStatus(t, "in_progress", { note: capText(`merge failed: ${message}`) });
  }
  trimHistory(doc);
  return e;
}
function holdInTx(tx, entryId, reason) {
  const e = queueIn(tx).entries.find((x) => x.id === entryId);
  if (!e || !["integrating", "gating", "landing"].includes(e.state)) return;
  if (e.cancel_requested) {
    e.state = "cancelled";
    e.finished_at = nowIso();
    delete e.cancel_requested;
    return;
  }
  e.state = "held";
  e.held_reason = reason;
  e.last_error = `held for a human: ${reason}. A human approves it with \`lanes merge approve ${e.task}\`.`;
  moveTask(
    tx,
    e.task,
    void 0,
    `merge held: ${reason}. It lands once a human runs \`lanes merge approve ${e.task}\`; or revert the change to the gates, commit, cancel and queue again.`
  );
}
function requeueInTx(tx, ids, why) {
  const doc = queueIn(tx);
  for (const id of ids) {
    const e = doc.entries.find((x) => x.id === id);
    if (!e || !["integrating", "gating", "landing"].includes(e.state)) continue;
    if (e.cancel_requested) {
      e.state = "cancelled";
      e.finished_at = nowIso();
      delete e.cancel_requested;
      continue;
    }
    e.state = "queued";
    if (why) e.last_error = why;
  }
}
async function recheckInFlight(project, target, targetSha, landedTasks) {
  const landedTask = landedTasks.join(", ");
  const root = project.repo.mainRoot;
  const lanes = await refsUnder(root, "refs/heads/lanes/");
  const tasks = (await project.store.read(TASKS_DOC)).data;
  const queue = (await project.store.read(MERGE_DOC)).data;
  const lanesInFlight = lanes.map(({ name, sha }) => [name, sha]).filter(([task]) => !landedTasks.includes(task) && tasks[task]?.status !== "done");
  if (!lanesInFlight.length) return [];
  const results = await mergeCheckMany(
    root,
    lanesInFlight.map(([, sha]) => [targetSha, sha])
  );
  const found = [];
  const fresh2 = [];
  lanesInFlight.forEach(([task], i) => {
    const files = results[i] ?? [];
    if (!files.length) return;
    found.push({ task, files });
    const prev = queue.lane_conflicts[task];
    if (!prev || prev.files.join("\0") !== files.join("\0")) fresh2.push({ task, files });
  });
  const cleared = Object.keys(queue.lane_conflicts).filter((t) => !found.some((f) => f.task === t));
  if (fresh2.length || cleared.length) {
    await project.store.transact(async (tx) => {
      const doc = queueIn(tx);
      const notices = tx.get(NOTICES_DOC);
      for (const t of cleared) delete doc.lane_conflicts[t];
      for (const c of fresh2) {
        doc.lane_conflicts[c.task] = { target: targetSha, files: c.files };
        notices[c.task] = { id: targetSha, target, landed: [...landedTasks], files: c.files, at: nowIso() };
        const note = `After ${landedTask} landed, this lane conflicts with ${target} in: ${c.files.join(", ")}. Merge ${target} into the lane and resolve them before queueing (again).`;
        const t = tx.get(TASKS_DOC)[c.task];
        if (t && t.status !== "done") setStatus(t, t.status, { note: capText(note) });
        const e = doc.entries.find((x) => x.task === c.task && x.state === "queued");
        if (e) e.conflicts = [...(e.conflicts ?? []).filter((x) => x.with !== "target"), { with: "target", files: c.files }];
      }
      for (const t of Object.keys(notices)) if (!Object.hasOwn(doc.lane_conflicts, t)) delete notices[t];
    });
    for (const c of fresh2)
      await project.store.appendEvent("merge.conflict", { task: c.task, with: target, files: c.files, after: landedTask });
  }
  return fresh2;
}
async function recheckSafely(project, target, targetSha, landedTasks) {
  try {
    return { warnings: [], conflicts: await recheckInFlight(project, target, targetSha, landedTasks) };
  } catch (e) {
    return { warnings: [`could not re-check the lanes in flight: ${errorMessage(e)}`], conflicts: [] };
  }
}
async function removeLandedLanes(project, landed) {
  const warnings = [];
  for (const e of landed) {
    if (e.kind !== "land") continue;
    const w = await removeLandedLane(project, e.task);
    if (w) warnings.push(w);
  }
  return warnings;
}
async function cleanupAfterLanding(project, target, targetSha, landed, removeLanes) {
  const r = await recheckSafely(
    project,
    target,
    targetSha,
    landed.map((e) => e.task)
  );
  if (removeLanes) r.warnings.push(...await removeLandedLanes(project, landed));
  return r;
}
async function removeLandedLane(project, task) {
  try {
    await removeLane(project, { task_id: task });
    return void 0;
  } catch (e) {
    if (isLanesError(e, "NOT_FOUND")) return void 0;
    const msg = `the lane of ${task} was kept: ${errorMessage(e)}`;
    log.warn(msg);
    return msg;
  }
}

// src/core/merge/order.ts
function dependenciesOf(plan, task) {
  return plan?.tasks.find((t) => t.id === task)?.depends_on ?? [];
}
function pickBatch(doc, plan, tasks, max) {
  const queued = doc.entries.filter((e) => e.state === "queued" && !e.cancel_requested).sort((a, b) => a.seq - b.seq);
  const batch = [];
  const waiting = [];
  const ahead = /* @__PURE__ */ new Set();
  for (const e of queued) {
    const deps = e.kind === "revert" ? [] : dependenciesOf(plan, e.task);
    const on = deps.filter((d) => tasks[d]?.status !== "done" && !ahead.has(d));
    if (on.length) {
      waiting.push({ entry: e, on });
      continue;
    }
    if (batch.length < max) {
      batch.push(e);
      ahead.add(e.task);
    }
  }
  return { batch, waiting };
}
function positions(doc) {
  const out = /* @__PURE__ */ new Map();
  const order = doc.entries.filter((e) => e.state !== "landed" && e.state !== "failed" && e.state !== "cancelled").sort((a, b) => a.seq - b.seq);
  order.forEach((e, i) => out.set(e.id, i + 1));
  return out;
}

// src/core/merge/status.ts
function entryView(e, opts = {}) {
  const v = {
    id: e.id,
    task: e.task,
    kind: e.kind,
    state: e.state,
    target: e.target,
    strategy: e.strategy,
    tip: e.tip,
    queued_at: e.queued_at,
    attempts: e.attempts
  };
  if (opts.position !== void 0) v.position = opts.position;
  if (e.started_at) v.started_at = e.started_at;
  if (e.finished_at) v.finished_at = e.finished_at;
  const waited = e.state === "queued" ? msSince(e.queued_at) : e.timings?.wait_ms;
  if (waited !== void 0) v.waited_ms = waited;
  if (e.timings) v.timings = e.timings;
  if (e.last_error) v.last_error = e.last_error;
  if (e.landed_as) v.landed_as = e.landed_as;
  if (e.unchecked) v.unchecked = true;
  if (e.conflicts?.length) v.conflicts = e.conflicts;
  if (e.cancel_requested) v.cancel_requested = true;
  if (e.held_reason && e.state === "held") v.held_reason = e.held_reason;
  if (e.failure?.log) v.log = e.failure.log;
  if (opts.waiting_for?.length) v.waiting_for = opts.waiting_for;
  return v;
}
async function mergeStatus(project, opts = {}) {
  const target = (await project.config()).target;
  const [q, { plan, tasks }, targetSha] = await Promise.all([
    project.store.read(MERGE_DOC),
    readPlan(project.store),
    refSha(project.repo.mainRoot, `refs/heads/${target}`)
  ]);
  const doc = q.data;
  const pos = positions(doc);
  const view = (e) => {
    const on = e.state === "queued" && e.kind === "land" ? dependenciesOf(plan, e.task).filter((d) => own(tasks, d)?.status !== "done") : [];
    return entryView(e, { position: pos.get(e.id), waiting_for: on });
  };
  const match = (e) => opts.task === void 0 || e.task === opts.task;
  const active = doc.entries.filter((e) => pos.has(e.id) && match(e)).sort((a, b) => a.seq - b.seq);
  const finished = doc.entries.filter((e) => !pos.has(e.id) && match(e)).sort((a, b) => b.seq - a.seq).slice(0, opts.recent ?? 10);
  const owner = lockOwner(project.repo.stateDir, "queue");
  const running = owner !== void 0 && (owner.host !== hostName() || pidAlive(owner.pid));
  const fails = doc.recent.filter((ok) => !ok).length;
  return {
    target,
    ...targetSha ? { target_sha: targetSha } : {},
    processor: running ? { running, pid: owner.pid, host: owner.host, since: owner.since } : { running: false },
    interrupted: !running && active.some((e) => PROCESSING.includes(e.state)),
    queue: active.map(view),
    recent: finished.map(view),
    recent_failure_rate: doc.recent.length ? Math.round(fails / doc.recent.length * 100) / 100 : 0
  };
}
async function cancelMerge(project, taskId) {
  const task = assertSlug(taskId);
  const out = await project.store.transact(async (tx) => {
    const doc = queueIn(tx);
    const e = activeEntry(doc, task);
    if (!e) {
      const last = doc.entries.filter((x) => x.task === task).sort((a, b) => b.seq - a.seq)[0];
      throw new LanesError(
        "NOT_FOUND",
        `Task ${task} has nothing in the merge queue${last ? ` (its last entry ${last.id} is ${last.state})` : ""}.`,
        {
          hint: last?.state === "landed" ? `It already landed as ${last.landed_as?.slice(0, 12)}; to undo that, ${act("revert_landing", { task_id: task })}.` : `${act("merge_status")} lists the queue.`
        }
      );
    }
    if (e.state === "queued" || e.state === "held") {
      e.state = "cancelled";
      e.finished_at = nowIso();
      return { e: { ...e }, cancelled: true };
    }
    e.cancel_requested = true;
    return { e: { ...e }, cancelled: false };
  });
  await project.store.appendEvent("merge.cancel", { task, entry: out.e.id, immediate: out.cancelled });
  return {
    entry: entryView(out.e),
    cancelled: out.cancelled,
    pending: !out.cancelled
  };
}
async function queueRevert(project, taskId, opts = {}) {
  const task = assertSlug(taskId);
  const root = project.repo.mainRoot;
  await assertMergeTreeGit(root);
  const target = (await project.config()).target;
  const targetSha = await refSha(root, `refs/heads/${target}`);
  const [{ tasks }, q] = await Promise.all([readPlan(project.store), project.store.read(MERGE_DOC)]);
  const doc = q.data;
  const landedEntry = doc.entries.filter((e) => e.task === task && e.kind === "land" && e.state === "landed").sort((a, b) => b.seq - a.seq)[0];
  const landedAs = own(tasks, task)?.landed_as ?? landedEntry?.landed_as;
  if (!landedAs) {
    throw new LanesError("NOT_FOUND", `Task ${task} has no landing to revert.`, {
      hint: `${act("merge_status")} lists what landed; only a landed task can be reverted.`
    });
  }
  if (!targetSha || !await isAncestor(root, landedAs, targetSha)) {
    throw new LanesError("CONFLICT", `The landing of ${task} (${landedAs.slice(0, 12)}) is not on ${target}.`, {
      hint: "It may already be reverted or the target was reset; nothing to undo."
    });
  }
  const landedFrom = landedEntry?.landed_as === landedAs ? landedEntry.landed_from : void 0;
  if (landedFrom !== void 0 && landedFrom === landedAs) {
    throw new LanesError("CONFLICT", `Task ${task} made no commit of its own when it landed: its changes were already on ${target}.`, {
      hint: "There is no landing commit to revert; undo those changes with a new task instead."
    });
  }
  const out = await project.store.transact(async (tx) => {
    const d = queueIn(tx);
    const again = activeEntry(d, task);
    if (again) {
      if (again.kind !== "revert") {
        throw new LanesError("CONFLICT", `Task ${task} has an entry in the merge queue (${again.id}, ${again.state}).`, {
          hint: `Cancel it first (lanes merge cancel ${task}).`
        });
      }
      return { e: { ...again }, already: true };
    }
    d.seq += 1;
    const e = {
      id: `m${d.seq}`,
      seq: d.seq,
      task,
      kind: "revert",
      ref: `refs/heads/${target}`,
      tip: landedAs,
      strategy: "merge",
      target,
      state: "queued",
      queued_at: nowIso(),
      attempts: 0,
      revert_of: { landed_as: landedAs, ...landedFrom ? { landed_from: landedFrom } : {} },
      ...opts.requested_by ? { requested_by: opts.requested_by } : {}
    };
    d.entries.push(e);
    return { e: { ...e }, already: false };
  });
  if (!out.already) await project.store.appendEvent("merge.revert_queued", { task, entry: out.e.id, landed_as: landedAs });
  return { entry: entryView(out.e), already_queued: out.already };
}

// src/core/merge/target.ts
var OID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
async function readTargetTip(repo, target) {
  const ref = `refs/heads/${target}`;
  const [commit, tree, config] = await objectInfo(repo.mainRoot, [ref, `${ref}^{tree}`, `${ref}:${CONFIG_FILE}`]);
  const { oid: sha, type: ct } = commit;
  const { oid: treeOid, type: tt } = tree;
  if (!OID.test(sha) || ct !== "commit" || !OID.test(treeOid) || tt !== "tree") return void 0;
  const { oid: blob, type: bt } = config;
  const tip = { sha, tree: treeOid };
  if (OID.test(blob) && bt === "blob") tip.configBlob = blob;
  else if (bt !== "missing") tip.configBlob = "unusual";
  return tip;
}
var byCommit = /* @__PURE__ */ new Map();
var byBlob = /* @__PURE__ */ new Map();
function remember(map, key, make) {
  let p = map.get(key);
  if (!p) {
    if (map.size > 64) map.clear();
    p = make();
    p.catch(() => map.delete(key));
    map.set(key, p);
  }
  return p;
}
function configForTip(repo, tip, target) {
  return remember(
    byCommit,
    `${repo.commonDir}\0${target}\0${tip.sha}`,
    () => tip.configBlob === "unusual" ? loadConfigAtCommit(repo.mainRoot, tip.sha, { repo }) : configOfBlob(repo, tip.sha, tip.configBlob, target)
  );
}
function configAt(repo, commit, target) {
  return remember(byCommit, `${repo.commonDir}\0${target}\0${commit}`, async () => {
    const entry = await treeEntry(repo.mainRoot, commit, CONFIG_FILE);
    if (!entry) return configOfBlob(repo, commit, void 0, target);
    const { mode, type, oid, size } = entry;
    const plain = type === "blob" && (mode === "100644" || mode === "100755") && size <= MAX_CONFIG_BYTES && oid !== "";
    return plain ? configOfBlob(repo, commit, oid, target) : loadConfigAtCommit(repo.mainRoot, commit, { repo });
  });
}
function sameConfigAs(repo, commit, other, target) {
  const key = `${repo.commonDir}\0${target}\0${commit}`;
  if (!byCommit.has(key)) remember(byCommit, key, () => configAt(repo, other, target));
}
function configOfBlob(repo, commit, blob, target) {
  return remember(byBlob, `${repo.commonDir}\0${target}\0${blob ?? "none"}`, async () => {
    if (!blob) return parseConfig({}, `${target}:${CONFIG_FILE}`, { defaultTarget: target });
    const text = await readBlob(repo.mainRoot, blob);
    if (Buffer.byteLength(text) > MAX_CONFIG_BYTES) return loadConfigAtCommit(repo.mainRoot, commit, { repo });
    let json;
    try {
      json = JSON.parse(text.charCodeAt(0) === 65279 ? text.slice(1) : text);
    } catch {
      return loadConfigAtCommit(repo.mainRoot, commit, { repo });
    }
    return parseConfig(json, `${target}:${CONFIG_FILE}`, { defaultTarget: target });
  });
}

// src/core/merge/enqueue.ts
async function queueMerge(project, input) {
  const task = assertSlug(input.task_id);
  const { repo, store } = project;
  const root = repo.mainRoot;
  const [, cfg] = await Promise.all([assertMergeTreeGit(root), project.config()]);
  const target = cfg.target;
  const ref = laneRef(task);
  const [targetTip, tip] = await Promise.all([readTargetTip(repo, target), branchTip(root, repo.commonDir, laneBranch(task))]);
  if (!targetTip) {
    throw new LanesError("NOT_FOUND", `The target branch ${target} does not exist.`, {
      hint: 'Create it (or set "target" in .lanes/config.json), then queue again.'
    });
  }
  const targetSha = targetTip.sha;
  if (!tip) {
    throw new LanesError("NOT_FOUND", `Task ${task} has no lane (no branch lanes/${task}).`, {
      hint: `Start the task with ${act("start_lane", { task_id: task })}, commit the work in its lane, then queue it.`
    });
  }
  const { plan, tasks } = await readPlan(store);
  const state = tasks[task];
  if (state?.status === "done") throw alreadyDone(task, state.landed_as);
  const current = (await store.read(MERGE_DOC)).data;
  const existing = activeEntry(current, task);
  if (existing?.state === "held") {
    return result(current, existing, true, existing.conflicts ?? [], plan, tasks, [
      `It is held for a human: ${existing.held_reason ?? "it changes the gates"}. \`lanes merge approve ${task}\` lets it land; \`lanes merge cancel ${task}\` takes it out so a new commit can be queued.`
    ]);
  }
  if (existing && existing.state !== "queued")
    return result(current, existing, true, existing.conflicts ?? [], plan, tasks, [
      "It is being processed right now; its queued commit is what lands."
    ]);
  const [, ahead, strategy, conflicts] = await Promise.all([
    input.checked_tip === tip ? void 0 : assertLaneReady(project, task, ref),
    countCommits(root, [tip, `^${targetSha}`]),
    input.strategy ?? configForTip(repo, targetTip, target).then((c) => c.merge.strategy),
    checkConflicts(project, task, tip, targetSha, current, tasks)
  ]);
  if (ahead === 0) {
    throw new LanesError("INVALID_INPUT", `The lane of ${task} has no commits that are not already on ${target}.`, {
      hint: "Commit the work in the lane first (git commit), then queue it."
    });
  }
  await pushWork(project, task, tip);
  await failpoint("merge.queue-before-write");
  const out = await store.transact(async (tx) => {
    const doc = queueIn(tx);
    const now = tx.get(TASKS_DOC)[task];
    if (now?.status === "done") throw alreadyDone(task, now.landed_as);
    const again = activeEntry(doc, task);
    if (again) {
      if (again.state === "queued") {
        again.tip = tip;
        if (input.strategy) again.strategy = input.strategy;
        again.conflicts = conflicts;
      }
      return { entry: { ...again }, already: true, doc };
    }
    doc.seq += 1;
    const entry = {
      id: `m${doc.seq}`,
      seq: doc.seq,
      task,
      kind: "land",
      ref,
      tip,
      strategy,
      target,
      state: "queued",
      queued_at: nowIso(),
      attempts: 0,
      conflicts,
      ...input.requested_by ? { requested_by: input.requested_by } : {}
    };
    doc.entries.push(entry);
    return { entry: { ...entry }, already: false, doc: structuredClone(doc) };
  });
  if (!out.already) await store.appendEvent("merge.queued", { task, entry: out.entry.id, tip, strategy, conflicts: conflicts.length });
  return result(out.doc, out.entry, out.already, conflicts, plan, tasks, []);
}
function alreadyDone(task, landedAs) {
  return new LanesError("CONFLICT", `Task ${task} is already done${landedAs ? ` (landed as ${landedAs.slice(0, 12)})` : ""}.`, {
    hint: `Nothing to land. Add a follow-up task with ${act("add_task")} for further work.`
  });
}
function result(doc, entry, already, conflicts, plan, tasks, warnings) {
  const waiting = dependenciesOf(plan, entry.task).filter((d) => tasks[d]?.status !== "done");
  const w = [...warnings];
  if (conflicts.some((c) => c.with === "target"))
    w.push(
      `It conflicts with ${entry.target} as it is now: merge ${entry.target} into the lane and resolve the conflicts, or it will fail when processed.`
    );
  const position = positions(doc).get(entry.id) ?? 0;
  return {
    entry: entryView(entry, { position, waiting_for: waiting }),
    position,
    already_queued: already,
    conflicts,
    waiting_for: waiting,
    warnings: w
  };
}
async function assertLaneReady(project, task, ref) {
  const recorded = (await project.store.read(LANES_DOC)).data[task]?.path;
  const wt = (await listWorktrees(project.repo.mainRoot)).find((w) => w.branch === ref || recorded !== void 0 && w.path === recorded);
  if (!wt) return;
  const [op, dirty] = await Promise.all([operationInProgress(wt.path, project.repo.commonDir), statusPorcelain(wt.path)]);
  if (op) {
    throw new LanesError("UNSAFE", `The lane of ${task} (${wt.path}) has ${op} in progress.`, {
      hint: "Finish it (e.g. git rebase --continue, git merge --continue) or abort it in the lane, commit, then queue again.",
      details: { path: wt.path, operation: op }
    });
  }
  if (dirty.length) {
    throw new LanesError("UNSAFE", `The lane of ${task} (${wt.path}) has uncommitted work:
${describeDirty(dirty)}`, {
      hint: "Commit it (or discard what should not land), then queue again. Only committed work lands.",
      details: { path: wt.path, files: dirty.map((d) => d.path) }
    });
  }
}
async function checkConflicts(project, task, tip, targetSha, doc, tasks) {
  const root = project.repo.mainRoot;
  const others = /* @__PURE__ */ new Map();
  for (const e of doc.entries)
    if (e.task !== task && e.kind === "land" && ["queued", "integrating", "gating", "landing"].includes(e.state)) others.set(e.task, e.tip);
  for (const { name: t, sha } of await refsUnder(root, "refs/heads/lanes/"))
    if (t && t !== task && !others.has(t) && tasks[t]?.status === "in_progress") others.set(t, sha);
  if (project.store.shared) {
    await ensureWork(
      project,
      [...others].map(([t, sha]) => ({ task: t, tip: sha }))
    );
    const have = new Set(await presentCommits(root, [...others.values()]));
    for (const [t, sha] of others) if (!have.has(sha)) others.delete(t);
  }
  const names = ["target", ...others.keys()];
  const pairs = [[targetSha, tip], ...[...others.values()].map((sha) => [sha, tip])];
  const files = await mergeCheckMany(root, pairs);
  return names.flatMap((name, i) => files[i]?.length ? [{ with: name, files: files[i] }] : []);
}

// src/core/merge/logs.ts
var MAX_LOG_BYTES = 20 * 1024 * 1024;
var TAIL_BYTES = 1024 * 1024;
var KEEP_RUNS = 40;
var KEEP_BYTES = 200 * 1024 * 1024;
function logsDir(repo) {
  return path2.join(repo.stateDir, "gate-logs");
}
var ID_RE = /^[0-9a-z]+-[0-9a-z]+$/;
var GateLog = class {
  constructor(repo, meta) {
    this.repo = repo;
    this.meta = meta;
    const dir = logsDir(repo);
    ensurePrivateDir(dir, repo.stateDir);
    this.id = `${Date.now().toString(36)}-${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
    this.file = path2.join(dir, `${this.id}.log`);
    this.fd = fs2.openSync(this.file, "wx+", 384);
  }
  repo;
  meta;
  id;
  file;
  fd;
  written = 0;
  tail = [];
  tailSize = 0;
  dropped = 0;
  partial = "";
  /** A line of our own (which command starts, how it ended). */
  note(line) {
    this.flushPartial();
    this.put(Buffer.from(`${line}
`));
  }
  /** Where the log is now: pass it to `textFrom` to read what a command wrote. */
  mark() {
    return this.written;
  }
  /**
   * The head of what was written since `mark` (at most `max` bytes of the file), for finding a
   * runner's summary that scrolled out of the in-memory tail of a long run.
   */
  textFrom(mark, max = 8 * 1024 * 1024) {
    this.flushPartial();
    const len = Math.min(this.written - mark, max);
    if (len <= 0) return "";
    const buf = Buffer.alloc(len);
    fs2.readSync(this.fd, buf, 0, len, mark);
    return buf.toString("utf8");
  }
  /** Output of a command. Redaction works on whole lines, so a partial last line waits. */
  write(chunk) {
    const text = this.partial + chunk.toString("utf8");
    const cut = text.lastIndexOf("\n");
    if (cut === -1) {
      this.partial = text.length > 64 * 1024 ? (this.put(Buffer.from(redact(text))), "") : text;
      return;
    }
    this.partial = text.slice(cut + 1);
    this.put(Buffer.from(redact(text.slice(0, cut + 1))));
  }
  flushPartial() {
    if (!this.partial) return;
    const p = this.partial;
    this.partial = "";
    this.put(Buffer.from(`${redact(p)}
`));
  }
  put(b) {
    if (this.written < MAX_LOG_BYTES) {
      const room = MAX_LOG_BYTES - this.written;
      const head = b.length <= room ? b : b.subarray(0, room);
      fs2.writeSync(this.fd, head);
      this.written += head.length;
      if (head.length === b.length) return;
      b = b.subarray(head.length);
    }
    this.tail.push(b);
    this.tailSize += b.length;
    while (this.tailSize > TAIL_BYTES && this.tail.length > 1) {
      const first = this.tail.shift();
      this.tailSize -= first.length;
      this.dropped += first.length;
    }
  }
  /** Finishes the file, records it in the index and prunes old runs. */
  close(result2) {
    this.flushPartial();
    const truncated = this.dropped > 0 || this.tailSize > 0;
    if (truncated) {
      fs2.writeSync(
        this.fd,
        `
[... ${this.dropped} bytes left out: the log keeps the first ${MAX_LOG_BYTES} bytes and the last ${this.tailSize} ...]
`
      );
      fs2.writeSync(this.fd, Buffer.concat(this.tail));
    }
    fs2.closeSync(this.fd);
    const entry = {
      id: this.id,
      at: (/* @__PURE__ */ new Date()).toISOString(),
      ...this.meta,
      ok: result2.ok,
      ...result2.failed ? { failed: result2.failed } : {},
      ...result2.why ? { why: result2.why } : {},
      bytes: this.written + this.tailSize,
      ...truncated ? { truncated: true } : {}
    };
    fs2.appendFileSync(path2.join(logsDir(this.repo), "index.jsonl"), `${JSON.stringify(entry)}
`, { mode: 384 });
    pruneLogs(this.repo);
    return entry;
  }
};
function listGateLogs(repo, task) {
  let text;
  try {
    text = fs2.readFileSync(path2.join(logsDir(repo), "index.jsonl"), "utf8");
  } catch {
    return [];
  }
  const out = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    try {
      const e = JSON.parse(line);
      if (typeof e.id === "string" && ID_RE.test(e.id) && Array.isArray(e.tasks) && (task === void 0 || e.tasks.includes(task)))
        out.push(e);
    } catch {
    }
  }
  return out;
}
function readGateLog(repo, task, id) {
  const all = listGateLogs(repo, task);
  const entry = id ? all.find((e) => e.id === id) : all.at(-1);
  if (!entry) {
    throw new LanesError(
      "NOT_FOUND",
      id ? `No gate log ${id}${task ? ` for ${task}` : ""}.` : `No gate run of ${task ?? "any task"} is on record.`,
      {
        hint: "Gate logs are written when the merge queue runs gates; `lanes merge log --list` shows those kept."
      }
    );
  }
  const text = fs2.readFileSync(path2.join(logsDir(repo), `${entry.id}.log`), "utf8");
  return { entry, text };
}
function pruneLogs(repo) {
  const dir = logsDir(repo);
  const all = listGateLogs(repo);
  let bytes = 0;
  const keep = [];
  for (const e of [...all].reverse()) {
    if (keep.length >= KEEP_RUNS || keep.length > 0 && bytes + e.bytes > KEEP_BYTES) continue;
    keep.unshift(e);
    bytes += e.bytes;
  }
  if (keep.length === all.length) return;
  const ids = new Set(keep.map((e) => e.id));
  writeFileAtomic(path2.join(dir, "index.jsonl"), keep.map((e) => `${JSON.stringify(e)}
`).join(""));
  for (const name of fs2.readdirSync(dir)) {
    const m = /^(.+)\.log$/.exec(name);
    if (m && !ids.has(m[1])) fs2.rmSync(path2.join(dir, name), { force: true });
  }
}

// src/core/merge/hold.ts
var same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
function gateWeakenings(cur, next) {
  const out = [];
  for (const g of cur.gates) {
    const n = next.gates.find((x) => x.name === g.name);
    if (!n) out.push(`removes gate "${g.name}"`);
    else {
      if (!same(n.command, g.command))
        out.push(`changes the command of gate "${g.name}" (${JSON.stringify(g.command)} \u2192 ${JSON.stringify(n.command)})`);
      if (!same(n.env ?? {}, g.env ?? {})) out.push(`changes the environment of gate "${g.name}"`);
      if (n.timeout_seconds < g.timeout_seconds)
        out.push(`shortens the timeout of gate "${g.name}" (${g.timeout_seconds} s \u2192 ${n.timeout_seconds} s)`);
    }
  }
  for (const s of cur.setup) {
    const n = next.setup.find((x) => x.name === s.name);
    if (!n) out.push(`removes setup command "${s.name}"`);
    else if (!same(n.command, s.command) || !same(n.env ?? {}, s.env ?? {})) out.push(`changes setup command "${s.name}"`);
  }
  if (cur.merge.hold_gate_changes && !next.merge.hold_gate_changes) out.push("turns off merge.hold_gate_changes");
  return out;
}
async function holdReason(cur, load) {
  if (!cur.merge.hold_gate_changes) return void 0;
  let next;
  try {
    next = await load();
  } catch (e) {
    return `its .lanes/config.json does not load (${errorMessage(e).split("\n")[0]}); landing it would stop the merge queue`;
  }
  const w = gateWeakenings(cur, next);
  return w.length ? `it weakens the gates of ${cur.target}: it ${w.join("; ")}` : void 0;
}
async function approveMerge(project, taskId, by) {
  const task = assertSlug(taskId);
  const e = await project.store.transact(async (tx) => {
    const doc = queueIn(tx);
    const cur = activeEntry(doc, task);
    if (!cur || cur.state !== "held") {
      throw new LanesError("NOT_FOUND", `Task ${task} has no held merge entry${cur ? ` (its entry ${cur.id} is ${cur.state})` : ""}.`, {
        hint: "Only an entry held for changing the gates needs approval; `lanes merge status` shows the queue."
      });
    }
    cur.state = "queued";
    cur.approved = { by, at: nowIso(), tip: cur.tip };
    cur.last_error = `approved by ${by}: ${cur.held_reason ?? "gate change"}`;
    return { ...cur };
  });
  await project.store.appendEvent("merge.approved", { task, entry: e.id, by });
  return { entry: entryView(e) };
}

// src/git/object-reader.ts
var FORMAT = "%(objectname) %(objecttype)";
var ObjectReader = class {
  constructor(cwd) {
    this.cwd = cwd;
  }
  cwd;
  child;
  broken = false;
  buffered = "";
  waiting = [];
  /** What each name names (one `ObjectInfo` per name, in order), as objectInfo answers it. */
  async info(names) {
    if (names.some((n) => n.includes("\n") || n.includes("\r") || n === "")) throw new Error("object names must be one line each");
    const child = this.process();
    if (!child) return objectInfo(this.cwd, names);
    const answers = names.map(() => new Promise((res) => this.waiting.push(res)));
    child.ref();
    child.stdout.ref();
    child.stdin.write(`${names.join("\n")}
`);
    const lines = await Promise.all(answers);
    if (lines.some((l) => l === void 0)) return objectInfo(this.cwd, names);
    return lines.map((line, i) => parse(line, names[i]));
  }
  /** Ends the process (its stdin closes; it exits). */
  close() {
    const c = this.child;
    this.child = void 0;
    this.broken = true;
    if (c) {
      c.stdin.end();
      c.unref();
    }
    this.fail();
  }
  process() {
    if (this.child || this.broken) return this.child;
    let child;
    try {
      child = childProcess().spawn("git", ["cat-file", `--batch-check=${FORMAT}`], {
        cwd: this.cwd,
        env: gitEnv({ readOnly: true }),
        stdio: ["pipe", "pipe", "ignore"],
        windowsHide: true
      });
    } catch {
      this.broken = true;
      return void 0;
    }
    this.child = child;
    child.stdin.on("error", () => this.stop(child));
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk) => {
      if (this.child !== child) return;
      this.buffered += chunk;
      let nl;
      while ((nl = this.buffered.indexOf("\n")) >= 0) {
        const line = this.buffered.slice(0, nl);
        this.buffered = this.buffered.slice(nl + 1);
        this.waiting.shift()?.(line);
      }
      if (!this.waiting.length) idle(child);
    });
    child.once("error", () => this.stop(child));
    child.once("exit", () => this.stop(child));
    idle(child);
    return child;
  }
  stop(child) {
    if (this.child === child) {
      this.child = void 0;
      this.broken = true;
    }
    this.fail();
  }
  /** Every query still waiting answers undefined (and is asked again on its own). */
  fail() {
    for (const w of this.waiting.splice(0)) w(void 0);
  }
};
function idle(child) {
  child.unref();
  child.stdout.unref();
}
function parse(line, name) {
  if (line.endsWith(" missing") || line.endsWith(" ambiguous")) {
    const type2 = line.slice(line.lastIndexOf(" ") + 1);
    return { oid: name, type: type2 };
  }
  const [oid = "", type = ""] = line.split(" ");
  return { oid, type };
}

// src/core/merge/batch-journal.ts
var BatchJournal = class {
  constructor(store, data) {
    this.store = store;
    this.data = { ...data };
  }
  store;
  entry;
  data;
  /** The intent this batch recorded in the document, while it is there. */
  intent;
  async step(phase, patch = {}) {
    this.data = { ...this.data, ...patch, phase };
    if (this.intent && phase === "land" && patch.new === this.intent.new && patch.old === this.intent.old) return;
    if (!this.entry) this.entry = await this.store.journal.begin(MERGE_OP, this.data);
    else await this.entry.step(phase, { ...patch, phase });
  }
  /** Inside the transaction that takes the entries: records the landing about to happen. */
  recordInTx(tx, land) {
    const intent = {
      target: this.data.target,
      entries: [...this.data.entries],
      old: land.old,
      new: land.new,
      landing: land.landing.map((l) => ({ ...l })),
      unchecked: land.unchecked,
      phase: "land",
      pid: process.pid,
      host: hostName()
    };
    tx.get(MERGE_DOC).landing = intent;
    this.intent = intent;
    this.data = { ...this.data, old: land.old, new: land.new, landing: intent.landing, unchecked: land.unchecked, phase: "land" };
  }
  /** Inside the transaction that settles the batch's landing (landed, or back in the queue): the intent goes. */
  settleInTx(tx) {
    if (!this.intent) return;
    const doc = tx.get(MERGE_DOC);
    if (doc.landing && sameIntent(doc.landing, this.intent)) delete doc.landing;
    this.intent = void 0;
  }
  snapshot() {
    if (this.intent) return { id: "merge-queue", step: "land", data: { ...this.data }, intent: this.intent };
    return { id: this.entry?.id ?? "-", step: this.data.phase ?? "integrate", data: this.data };
  }
  async done() {
    await this.entry?.done();
    this.entry = void 0;
  }
  /** Left unsettled: the record stays for the next processor, this one included, to settle. */
  abandon() {
    this.entry?.abandon();
    this.entry = void 0;
    this.intent = void 0;
  }
};

// src/core/merge/batch-record.ts
function recordInTx(tx, target, integ, next, integrateMs) {
  const doc = queueIn(tx);
  for (const c of integ.conflicted) {
    const what = c.e.kind === "revert" ? `Later changes on ${target} touch the same lines: revert it by hand (git revert) in a new task.` : `Merge ${target} into the lane, resolve the conflicts, commit, and queue it again.`;
    markFailedInTx(tx, c.e.id, `${c.message}
${what}`, { kind: "conflict", files: c.files });
  }
  requeueInTx(
    tx,
    integ.deferred.map((e) => e.id),
    "conflicts with another entry of its batch; tried alone next"
  );
  for (const h of integ.held) holdInTx(tx, h.e.id, h.reason);
  if (integ.noop.length) markLandedInTx(tx, integ.noop, target, { unchecked: false });
  for (const l of integ.links) {
    const e = doc.entries.find((x) => x.id === l.entry);
    if (!e) continue;
    e.state = next;
    e.timings = { ...e.timings, integrate_ms: integrateMs };
  }
}
async function takeAndRecord(project, target, journal, integ, integrateMs, old) {
  return project.store.transact(async (tx) => {
    const doc = queueIn(tx);
    if (doc.landing) {
      throw new LanesError("BUSY", "Another merge processor has a landing in flight that is not settled; nothing was taken.", {
        hint: `Run the merge queue again once that processor has finished (${act("merge_status")}).`,
        details: { holder: { pid: doc.landing.pid, host: doc.landing.host } }
      });
    }
    const taken = new Set(
      claimInTx2(
        tx,
        [...integ.links.map((l) => l.entry), ...integ.conflicted.map((c) => c.e.id), ...integ.deferred.map((e) => e.id)].concat(
          integ.noop.map((n) => n.entry),
          integ.held.map((h) => h.e.id)
        )
      ).map((e) => e.id)
    );
    const cut = integ.links.findIndex((l) => !taken.has(l.entry));
    const links = cut < 0 ? integ.links : integ.links.slice(0, cut);
    requeueInTx(
      tx,
      integ.links.slice(links.length).map((l) => l.entry)
    );
    const mine = {
      links,
      conflicted: integ.conflicted.filter((c) => taken.has(c.e.id)),
      deferred: integ.deferred.filter((e) => taken.has(e.id)),
      noop: integ.noop.filter((n) => taken.has(n.entry)),
      held: integ.held.filter((h) => taken.has(h.e.id))
    };
    recordInTx(tx, target, mine, "landing", integrateMs);
    const last = links[links.length - 1];
    if (last) {
      journal.recordInTx(tx, {
        old,
        new: last.commit,
        landing: links.map((l) => ({ entry: l.entry, commit: l.commit, base: l.base })),
        unchecked: true
      });
    }
    return mine;
  });
}
async function claimEntries(project, ids) {
  return project.store.transact(async (tx) => claimInTx2(tx, ids));
}
function claimInTx2(tx, ids) {
  const doc = queueIn(tx);
  const out = [];
  for (const id of ids) {
    const e = doc.entries.find((x) => x.id === id);
    if (!e || e.state !== "queued" || e.cancel_requested) continue;
    e.state = "integrating";
    e.attempts += 1;
    const first = e.started_at === void 0;
    e.started_at ??= nowIso();
    if (first) e.timings = { ...e.timings, wait_ms: msSince(e.queued_at) ?? 0 };
    out.push({ ...e });
  }
  return out;
}

// src/core/merge/land.ts
async function targetCheckout(repo, target) {
  const want = `ref: refs/heads/${target}`;
  const head = (dir) => {
    try {
      return fs3.readFileSync(path3.join(dir, "HEAD"), "utf8").trim();
    } catch {
      return void 0;
    }
  };
  if (head(repo.commonDir) === want && repo.mainRoot !== repo.commonDir) return repo.mainRoot;
  const admin = path3.join(repo.commonDir, "worktrees");
  let names = [];
  try {
    names = fs3.readdirSync(admin);
  } catch {
    return void 0;
  }
  for (const n of names) {
    if (head(path3.join(admin, n)) !== want) continue;
    try {
      const gitdir = fs3.readFileSync(path3.join(admin, n, "gitdir"), "utf8").trim();
      const wt = path3.dirname(gitdir);
      if (fs3.existsSync(wt)) return wt;
    } catch {
    }
  }
  return void 0;
}
async function assertCheckoutClean(worktree, target, commonDir) {
  const [op, status2] = await Promise.all([operationInProgress(worktree, commonDir), statusPorcelain(worktree)]);
  const changed = status2.filter((e) => e.code !== "??");
  if (!op && changed.length === 0) return;
  const files = changed.slice(0, 10).map((e) => e.path);
  const what = op ? `${op} in progress` : `uncommitted changes (${files.join(", ")}${changed.length > 10 ? ", ..." : ""})`;
  throw new LanesError(
    "UNSAFE",
    `The target branch ${target} is checked out in ${worktree} with ${what}; nothing landed and nothing there was touched.`,
    {
      hint: `Commit, stash or discard those changes in ${worktree} (or check out another branch there), then run the merge queue again (lanes merge run). Lanes never stashes your edits.`,
      details: { worktree, files, operation: op }
    }
  );
}
async function advanceTarget(repo, target, oldSha, newSha, message) {
  const ref = `refs/heads/${target}`;
  return withGitLock(repo, `merge queue: ${message}`, async () => {
    const wt = await targetCheckout(repo, target);
    if (!wt) {
      if (await updateRefCas(repo.mainRoot, ref, newSha, oldSha, message)) return { ok: true };
      return { ok: false, moved: await refSha(repo.mainRoot, ref) };
    }
    const cur = await branchTip(repo.mainRoot, repo.commonDir, target);
    if (cur !== oldSha) return { ok: false, moved: cur };
    await assertCheckoutClean(wt, target, repo.commonDir);
    const ff = await fastForward(wt, newSha, message);
    const after = await branchTip(repo.mainRoot, repo.commonDir, target);
    if (after === newSha) return { ok: true, checkout: wt };
    if (after !== oldSha) return { ok: false, moved: after };
    throw new LanesError(
      "UNSAFE",
      `Could not fast-forward ${target} in its checkout ${wt}: ${ff.output.replace(/^(error|fatal): /gm, "")}`,
      {
        hint: `Nothing landed and nothing in ${wt} was touched. Move the files git names out of the way (or commit them), then run the merge queue again.`,
        details: { worktree: wt }
      }
    );
  });
}

// src/core/merge/processor.ts
var PROCESSOR_DOC = defineDoc({
  name: "processor",
  empty: () => ({ leases: /* @__PURE__ */ Object.create(null) }),
  normalize: (d) => d && typeof d.leases === "object" && d.leases !== null ? d : { leases: /* @__PURE__ */ Object.create(null) }
});
var TTL_SECONDS = 30;
function me() {
  return `merge:${hostName()}:${process.pid}`;
}
function fresh(now) {
  return {
    owner: me(),
    host: hostName(),
    pid: process.pid,
    renewed_at: new Date(now).toISOString(),
    expires_at: new Date(now + TTL_SECONDS * 1e3).toISOString(),
    ttl_seconds: TTL_SECONDS
  };
}
function assertProcessorInTx(tx, target, now = Date.now()) {
  const l = tx.get(PROCESSOR_DOC).leases[target];
  if (l && l.owner === me() && Date.parse(l.expires_at) - 5e3 > now) return;
  throw new LanesError("CONFLICT", `This merge processor no longer holds the lease on ${target}; nothing landed.`, {
    hint: `Another machine's processor took over (this one stalled past its lease). It lands the queue; watch ${act("merge_status")}.`,
    details: { target, holder: l?.owner }
  });
}
async function takeProcessor(project, target) {
  const { store } = project;
  if (!store.shared) return void 0;
  const now = Date.now();
  const holder = await store.transact(async (tx) => {
    const d = tx.get(PROCESSOR_DOC);
    const cur = d.leases[target];
    if (cur && cur.owner !== me() && goneReason(cur, now) === void 0) return cur;
    d.leases[target] = fresh(now);
    return void 0;
  });
  if (holder) {
    throw new LanesError(
      "BUSY",
      `The merge queue of ${target} is being processed on ${safeText(holder.host)} (${safeText(holder.owner)}).`,
      {
        hint: `That processor lands your entries too; watch ${act("merge_status")}. If that machine is gone, its lease ends ${TTL_SECONDS} s after its last renewal.`,
        details: { holder }
      }
    );
  }
  let lost = false;
  let stopped = false;
  let inFlight = Promise.resolve();
  const timer = setInterval(
    () => {
      inFlight = inFlight.then(async () => {
        if (stopped) return;
        try {
          const ok = await store.transact(async (tx) => {
            const d = tx.get(PROCESSOR_DOC);
            if (d.leases[target]?.owner !== me()) return false;
            d.leases[target] = fresh(Date.now());
            return true;
          });
          if (!ok) lost = true;
        } catch {
        }
      });
    },
    TTL_SECONDS * 1e3 / 3
  );
  timer.unref();
  return {
    get lost() {
      return lost;
    },
    release: async () => {
      stopped = true;
      clearInterval(timer);
      await inFlight;
      await store.transact(async (tx) => {
        const d = tx.get(PROCESSOR_DOC);
        if (d.leases[target]?.owner === me()) delete d.leases[target];
      }).catch(() => void 0);
    }
  };
}

// src/core/merge/batch-land.ts
async function landOnRemote(ctx, cur, next, message, landing, extra) {
  const { project, target } = ctx;
  const ref = `refs/heads/${target}`;
  const r = await project.store.transact(
    async (tx) => {
      const now = tx.remote.ref(ref);
      if (now !== cur) return { ok: false, moved: now };
      assertProcessorInTx(tx, target);
      const marked = markLandedInTx(tx, landing, target, {
        unchecked: extra.unchecked,
        ...extra.gates_ms !== void 0 ? { gates_ms: extra.gates_ms } : {}
      });
      tx.remote.pushRef(ref, cur, next);
      return { ok: true, marked };
    },
    { watch: [ref] }
  );
  if (r.ok) await advanceTarget(project.repo, target, cur, next, message).catch(() => void 0);
  return r;
}
var OwedRecheck = class {
  constructor(project, target) {
    this.project = project;
    this.target = target;
  }
  project;
  target;
  pending;
  running = Promise.resolve();
  add(sha, tasks) {
    this.pending = { sha, tasks: [...this.pending?.tasks ?? [], ...tasks] };
  }
  /** Starts the re-check owed so far, if any, after those already running; does not wait for it. */
  start(report) {
    const p = this.pending;
    if (!p) return;
    this.pending = void 0;
    this.running = this.running.then(async () => {
      const r = await recheckSafely(this.project, this.target, p.sha, p.tasks);
      report.warnings.push(...r.warnings);
      report.conflicts.push(...r.conflicts);
    });
  }
  /** Runs the re-check owed so far, and waits for every re-check started. */
  async flush(report) {
    this.start(report);
    await this.running;
  }
};
async function landSegment(ctx, journal, seg, cur, extra, report, after = []) {
  const { project, target } = ctx;
  const { store } = project;
  const last = seg[seg.length - 1];
  const all = [...seg, ...after];
  const q = (await store.read(MERGE_DOC)).data;
  const cancelled = all.filter((l) => q.entries.find((e) => e.id === l.entry)?.cancel_requested);
  if (cancelled.length) {
    await store.transact(async (tx) => {
      requeueInTx(
        tx,
        all.map((l) => l.entry)
      );
      journal.settleInTx(tx);
    });
    report.cancelled.push(...cancelled.map((l) => l.task));
    report.requeued.push(...all.filter((l) => !cancelled.includes(l)).map((l) => l.task));
    return "cancelled";
  }
  const landing = seg.map((l) => ({ entry: l.entry, commit: l.commit, base: l.base }));
  await journal.step("land", { old: cur, new: last.commit, landing, unchecked: extra.unchecked, pgid: void 0 });
  await failpoint("merge.before-land");
  const t0 = performance.now();
  const message = `lanes: land ${seg.map((l) => l.task).join(", ")}`;
  const r = store.shared ? await landOnRemote(ctx, cur, last.commit, message, landing, extra) : await advanceTarget(project.repo, target, cur, last.commit, message);
  const landMs = Math.round(performance.now() - t0);
  if (!r.ok) {
    await store.transact(async (tx) => {
      requeueInTx(
        tx,
        all.map((l) => l.entry),
        `${target} moved while it was being integrated; integrated again`
      );
      journal.settleInTx(tx);
    });
    report.requeued.push(...all.map((l) => l.task));
    ctx.onProgress(`${target} moved meanwhile; integrating again`);
    return "moved";
  }
  await failpoint("merge.after-land");
  let moved = [];
  if ("marked" in r && r.marked) moved = r.marked;
  else {
    await store.transact(async (tx) => {
      moved = markLandedInTx(tx, landing, target, {
        unchecked: extra.unchecked,
        land_ms: landMs,
        ...extra.gates_ms !== void 0 ? { gates_ms: extra.gates_ms } : {}
      });
      journal.settleInTx(tx);
    });
  }
  ctx.landedOn?.(last.commit, last.tree);
  for (const l of seg) {
    report.landed.push({ task: l.task, entry: l.entry, commit: l.commit, unchecked: extra.unchecked });
    await store.appendEvent("merge.landed", { task: l.task, entry: l.entry, commit: l.commit, target, unchecked: extra.unchecked });
  }
  ctx.onProgress(`landed ${seg.map((l) => l.task).join(", ")} on ${target} as ${last.commit.slice(0, 12)}`);
  const cfg = await configAt(project.repo, cur, target);
  if (cfg.merge.remove_lane_after_landing) {
    if (ctx.removeLanes) ctx.removeLanes(moved);
    else report.warnings.push(...await removeLandedLanes(project, moved));
  }
  ctx.recheck.add(
    last.commit,
    moved.map((e) => e.task)
  );
  if (cfg.gates.length) ctx.recheck.start(report);
  return "done";
}

// src/core/merge/bisect.ts
function bisect(size, results) {
  let lo = 0;
  let hi = size;
  let red = false;
  for (const [n, green] of results) {
    if (green) lo = Math.max(lo, n);
    else if (!red || n < hi) {
      hi = n;
      red = true;
    }
  }
  if (lo >= hi) return { land: lo, requeue: [] };
  if (!red) return { next: hi, land: lo, requeue: [] };
  if (hi - lo > 1) return { next: lo + hi >> 1, land: lo, requeue: [] };
  const requeue = [];
  for (let i = hi; i < size; i++) requeue.push(i);
  return { land: lo, fail: hi - 1, requeue };
}

// src/core/merge/checkout.ts

// src/core/merge/checkout-paths.ts
function defaultIntegrationBase(repo) {
  const uid = typeof process.getuid === "function" ? process.getuid() : 0;
  const hash = crypto.createHash("sha256").update(repo.commonDir).digest("hex").slice(0, 10);
  const name = path4.basename(repo.mainRoot).replace(/[^A-Za-z0-9_-]/g, "-").replace(/^-+/, "").slice(0, 40) || "repo";
  return path4.join(fs4.realpathSync(os.tmpdir()), `lanes-${uid}`, `${name}-${hash}`);
}
function integrationBase(repo, configured) {
  if (configured === void 0) return defaultIntegrationBase(repo);
  return path4.resolve(repo.mainRoot, configured);
}
function dotSegment(p) {
  return path4.resolve(p).split(path4.sep).find((s) => s.startsWith(".") && s !== ".");
}
function ensureBase(base, isDefault) {
  const top = isDefault ? path4.dirname(base) : base;
  fs4.mkdirSync(top, { recursive: true, mode: 448 });
  const st = fs4.lstatSync(top);
  const uid = typeof process.getuid === "function" ? process.getuid() : st.uid;
  if (isDefault && (st.isSymbolicLink() || !st.isDirectory() || st.uid !== uid)) {
    throw new LanesError("UNSAFE", `${top} is not a private directory of this user (a symlink, or owned by someone else).`, {
      hint: `Remove it, or set merge.integration_dir in .lanes/config.json to a directory of your own (with no path segment starting with ".").`
    });
  }
  if (isDefault && (st.mode & 63) !== 0) fs4.chmodSync(top, 448);
  fs4.mkdirSync(base, { recursive: true, mode: 448 });
}
function sweepOrphans(top) {
  let repos;
  try {
    repos = fs4.readdirSync(top);
  } catch {
    return;
  }
  for (const r of repos) {
    const repoDir = path4.join(top, r);
    let names;
    try {
      names = fs4.readdirSync(repoDir);
    } catch {
      continue;
    }
    let left = names.length;
    for (const n of names) {
      const dir = path4.join(repoDir, n);
      let gitdir;
      try {
        const m = /^gitdir: (.+)$/m.exec(fs4.readFileSync(path4.join(dir, ".git"), "utf8"));
        if (!m) continue;
        gitdir = m[1].trim();
      } catch {
        continue;
      }
      if (path4.isAbsolute(gitdir) && !fs4.existsSync(gitdir)) {
        fs4.rmSync(dir, { recursive: true, force: true });
        left--;
      }
    }
    if (left === 0) fs4.rmSync(repoDir, { recursive: true, force: true });
  }
}

// src/core/merge/checkout.ts
var emptyDoc = () => ({ checkouts: [] });
function docOf(d) {
  if (!Array.isArray(d.checkouts)) d.checkouts = [];
  return d;
}
var INTEGRATION_DOC = defineDoc({ name: "integration", empty: emptyDoc, normalize: docOf });
function checkoutName(target) {
  const plain = target.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40) || "target";
  return `${plain}-${crypto2.createHash("sha256").update(target).digest("hex").slice(0, 8)}`;
}
async function isOurWorktree(repo, dir) {
  if (!fs5.existsSync(path5.join(dir, ".git"))) return false;
  const common = await commonDirOf(dir);
  if (common === void 0) return false;
  const real = (p) => {
    try {
      return fs5.realpathSync(p);
    } catch {
      return p;
    }
  };
  return real(common) === real(repo.commonDir);
}
async function removeCheckoutDir(repo, rec) {
  const dir = path5.resolve(rec.dir);
  if (!isInside(path5.resolve(rec.root), dir) || dir === path5.resolve(rec.root)) {
    throw new LanesError("INTERNAL", `Refusing to remove ${dir}: not a gate checkout under ${rec.root}.`);
  }
  const halfMade = rec.ready === false && fs5.existsSync(dir) && !fs5.existsSync(path5.join(dir, ".git"));
  if (halfMade) fs5.rmSync(dir, { recursive: true, force: true });
  if (fs5.existsSync(dir) && !await isOurWorktree(repo, dir)) {
    throw new LanesError("UNSAFE", `${dir} exists but is not a gate checkout of this repository; Lanes leaves it alone.`, {
      hint: "Move it away, or set merge.integration_dir in .lanes/config.json to another directory."
    });
  }
  await forceRemoveWorktree(repo.mainRoot, dir);
  if (fs5.existsSync(dir) && await isOurWorktree(repo, dir)) fs5.rmSync(dir, { recursive: true, force: true });
  const admin = path5.join(repo.commonDir, "worktrees");
  for (const name of fs5.existsSync(admin) ? fs5.readdirSync(admin) : []) {
    try {
      if (path5.resolve(fs5.readFileSync(path5.join(admin, name, "gitdir"), "utf8").trim()) === path5.join(dir, ".git")) {
        fs5.rmSync(path5.join(admin, name), { recursive: true, force: true });
      }
    } catch {
    }
  }
}
async function updateRecord(project, target, fn) {
  await project.store.transact(async (tx) => {
    const doc = tx.get(INTEGRATION_DOC);
    fn(
      doc.checkouts.find((c) => c.target === target),
      doc
    );
  });
}
async function readCheckouts(project) {
  return (await project.store.read(INTEGRATION_DOC)).data.checkouts;
}
async function ensureCheckout(project, target, at, configuredDir) {
  const { repo } = project;
  const root = integrationBase(repo, configuredDir);
  const dir = path5.join(root, checkoutName(target));
  const rec = (await readCheckouts(project)).find((c) => c.target === target);
  if (rec && rec.ready && rec.dir === dir && await isOurWorktree(repo, dir)) return rec;
  await withGitLock(repo, "merge queue: gate checkout", async () => {
    if (rec) await removeCheckoutDir(repo, rec);
    await updateRecord(project, target, (_r, doc) => {
      doc.checkouts = doc.checkouts.filter((c) => c.target !== target);
      doc.checkouts.push({ target, dir, root, ready: false, keep: [], setup: {} });
    });
    ensureBase(root, configuredDir === void 0);
    if (configuredDir === void 0) sweepOrphans(path5.dirname(root));
    if (fs5.existsSync(dir)) await removeCheckoutDir(repo, { dir, root });
    await addIntegrationWorktree(repo, dir, at);
  });
  await updateRecord(project, target, (r) => {
    if (r) r.ready = true;
  });
  return { target, dir, root, ready: true, keep: [], setup: {} };
}
async function removeUnreadyCheckouts(project) {
  const bad = (await readCheckouts(project)).filter((c) => !c.ready);
  if (!bad.length) return;
  await withGitLock(project.repo, "merge queue: remove half-made gate checkouts", async () => {
    for (const c of bad) await removeCheckoutDir(project.repo, c);
  });
  await updateRecord(project, "", (_r, doc) => {
    doc.checkouts = doc.checkouts.filter((c) => c.ready);
  });
}
async function setupKey(dir, cmd) {
  if (!cmd.when_changed) return void 0;
  const specs = cmd.when_changed.map((p) => `:(top,glob)${p}`);
  const files = await indexListing(dir, specs);
  const h = crypto2.createHash("sha256");
  h.update(JSON.stringify([cmd.command, cmd.env ?? {}, cmd.when_changed]));
  h.update("\0");
  h.update(files);
  return h.digest("hex");
}
async function setupCheckout(project, rec, setup, ctx) {
  const ran = [];
  const skipped = [];
  for (const cmd of setup) {
    const key = await setupKey(rec.dir, cmd);
    if (key !== void 0 && Object.hasOwn(rec.setup, cmd.name) && rec.setup[cmd.name] === key) {
      ctx.log.note(`==> setup ${cmd.name}: skipped (${cmd.when_changed.join(", ")} unchanged)`);
      skipped.push(cmd.name);
      continue;
    }
    if (Object.hasOwn(rec.setup, cmd.name)) {
      delete rec.setup[cmd.name];
      await updateRecord(project, rec.target, (r2) => {
        if (r2) delete r2.setup[cmd.name];
      });
    }
    ctx.log.note(`==> setup ${cmd.name}: ${cmd.command.join(" ")}`);
    const r = await runCommand(cmd.command, {
      cwd: rec.dir,
      env: { ...ctx.env, ...cmd.env },
      timeoutMs: cmd.timeout_seconds * 1e3,
      maxOutputBytes: 256 * 1024,
      onOutput: (b) => ctx.log.write(b),
      onSpawn: async (pgid) => {
        await ctx.onSpawn?.(pgid);
        await failpoint("merge.during-setup");
      }
    });
    ran.push(cmd.name);
    const ok = !r.timedOut && r.exitCode === 0 && !r.error;
    ctx.log.note(`<== setup ${cmd.name}: ${ok ? "ok" : "failed"} (exit ${r.exitCode ?? r.signal ?? r.error}, ${r.durationMs} ms)`);
    if (!ok) {
      const why = r.timedOut ? `timed out after ${cmd.timeout_seconds} s (its process group was killed)` : r.error ? `could not start (${r.error})` : r.signal ? `was killed by ${r.signal}` : `exited with code ${r.exitCode}`;
      return {
        ok: false,
        ran,
        skipped,
        failed: {
          gate: `setup ${cmd.name}`,
          why,
          output: r.output,
          exit_code: r.exitCode,
          timed_out: r.timedOut,
          ...r.error ? { unrunnable: true } : {}
        }
      };
    }
    const made = await untrackedEntries(rec.dir);
    rec.keep = [.../* @__PURE__ */ new Set([...rec.keep, ...made])].sort();
    if (key !== void 0) rec.setup[cmd.name] = key;
    await updateRecord(project, rec.target, (x) => {
      if (!x) return;
      x.keep = rec.keep;
      if (key !== void 0) x.setup[cmd.name] = key;
    });
  }
  return { ok: true, ran, skipped };
}

// src/core/merge/summary.ts
var ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07/g;
var SUMMARY = [
  /^\s*\d+ (passing|failing|pending)\b/,
  // mocha
  /^\s*(Tests|Test Suites|Test Files):\s+.*\bfailed\b/,
  // jest
  /^\s*(Tests|Test Files)\s+\d+ failed\b/,
  // vitest
  /^=+ .*\b\d+ (failed|error|errors)\b.* =+$/,
  // pytest's closing line
  /^FAILED \S+::\S+/,
  // pytest short test summary
  /^ERROR \S+::\S+/,
  /^test result: FAILED\b/,
  // cargo
  /^# (fail|pass|tests) \d+/,
  // TAP (node:test, tape)
  /^\s*ℹ (fail|pass|tests) \d+/,
  // node:test spec reporter
  /^(FAIL|ok)\s+\S+\s+[\d.]+s$/,
  // go test per package
  /^\s*\d+ failed(, \d+ (passed|skipped))*/,
  // generic "N failed, N passed" (playwright, pytest -q)
  /^Ran \d+ tests? in [\d.]+s$/,
  // Python unittest's count
  /^FAILED \((failures|errors)=\d+/
  // and its verdict
];
var MOCHA_FAILING = /^\s*\d+ failing\b/;
var MOCHA_FIRST = /^\s*1\) \S/;
var FIRST = [
  /^\s*● (?!Console\b)\S/,
  // jest
  /^_{3,} \S.* _{3,}$/,
  // pytest
  /^not ok \d+/,
  // TAP
  /^\s*✖ \S/,
  // node:test spec reporter
  /^---- \S+ stdout ----$/,
  // cargo
  /^\s*--- FAIL: \S/,
  // go test
  /^\s*FAIL\s+\S+\s+>\s/,
  // vitest
  /^(FAIL|ERROR): \S+ \(\S+\)$/
  // Python unittest
];
var BLOCK_LINES = 24;
function endsBlock(line, title) {
  if (line === title) return false;
  if (/^\s*2\) \S/.test(line)) return true;
  if (/^\s*● \S/.test(line)) return true;
  if (/^_{3,} \S.* _{3,}$/.test(line) || /^=+ .* =+$/.test(line)) return true;
  if (/^(not )?ok \d+/.test(line) && !line.startsWith(title)) return true;
  if (/^---- \S+ stdout ----$/.test(line) || /^failures:$/.test(line) || /^test result:/.test(line)) return true;
  if (/^\s*⎯{3,}/.test(line) || /^\s*(Test Files|Tests|Test Suites):?\s+\d+ /.test(line)) return true;
  if (/^\s*--- (FAIL|PASS): /.test(line) || /^(FAIL|ok)\s+\S+\s+[\d.]+s$/.test(line)) return true;
  if (/^={20,}$/.test(line) || /^Ran \d+ tests? in /.test(line)) return true;
  return false;
}
function summarizeFailure(output) {
  const lines = output.replace(ANSI, "").replace(/\r\n?/g, "\n").split("\n");
  const summary = [];
  for (const l of lines) {
    if (SUMMARY.some((re) => re.test(l)) && !summary.includes(l.trim())) summary.push(l.trim());
  }
  const kept = summary.length > 6 ? summary.slice(-6) : summary;
  let first = [];
  let at = -1;
  for (const re of FIRST) {
    const i = lines.findIndex((l) => re.test(l));
    if (i !== -1 && (at === -1 || i < at)) at = i;
  }
  const failing = lines.findIndex((l) => MOCHA_FAILING.test(l));
  if (failing !== -1) {
    const i = lines.findIndex((l, j) => j > failing && MOCHA_FIRST.test(l));
    if (i !== -1 && (at === -1 || i < at || at < failing)) at = i;
  }
  if (at !== -1) {
    const title = lines[at];
    first = [title];
    for (let i = at + 1; i < lines.length && first.length <= BLOCK_LINES; i++) {
      const l = lines[i];
      if (endsBlock(l, title)) break;
      first.push(l);
    }
    while (first.length > 1 && /^(\s*|-{20,})$/.test(first[first.length - 1])) first.pop();
  }
  return { summary: kept, first_failure: first };
}
function lastLines(output, n = 10) {
  const lines = output.replace(ANSI, "").replace(/\r\n?/g, "\n").split("\n").filter((l) => l.trim() !== "");
  return lines.slice(-n);
}

// src/core/merge/gates.ts
var MAX_OUTPUT = 256 * 1024;
var TAIL_CHARS = 1500;
function whyFailed(r, timeoutSeconds) {
  return r.timedOut ? `timed out after ${timeoutSeconds} s (its process group was killed)` : r.error ? `could not start (${r.error})` : r.signal ? `was killed by ${r.signal}` : `exited with code ${r.exitCode}`;
}
function gateFailure(gate, why, output, r, full) {
  const clean = redact(output);
  const head = full !== void 0 && output.startsWith("[... ") ? summarizeFailure(redact(full)) : void 0;
  const tail = summarizeFailure(clean);
  const s = {
    summary: tail.summary.length ? tail.summary : head?.summary ?? [],
    first_failure: head?.first_failure.length ? head.first_failure : tail.first_failure
  };
  return {
    gate,
    why,
    output_tail: clean.length > TAIL_CHARS ? `...${clean.slice(-TAIL_CHARS)}` : clean,
    exit_code: r.exit_code,
    timed_out: r.timed_out,
    summary: s.summary,
    first_failure: s.first_failure,
    last_lines: lastLines(clean, 10),
    ...r.unrunnable ? { unrunnable: true } : {}
  };
}
async function runGates(gates, cwd, ctx) {
  const t0 = performance.now();
  const runs = [];
  for (const g of gates) {
    ctx.log?.note(`==> gate ${g.name}: ${g.command.join(" ")}`);
    const mark = ctx.log?.mark() ?? 0;
    const r = await runCommand(g.command, {
      cwd,
      env: { ...ctx.env, ...g.env },
      timeoutMs: g.timeout_seconds * 1e3,
      maxOutputBytes: MAX_OUTPUT,
      ...ctx.log ? { onOutput: (b) => ctx.log.write(b) } : {},
      ...ctx.onSpawn ? { onSpawn: ctx.onSpawn } : {}
    });
    const ok = !r.timedOut && r.exitCode === 0 && !r.error;
    const run = { name: g.name, ok, exit_code: r.exitCode, timed_out: r.timedOut, ms: r.durationMs };
    if (r.signal) run.signal = r.signal;
    runs.push(run);
    const why = whyFailed(r, g.timeout_seconds);
    ctx.log?.note(`<== gate ${g.name}: ${ok ? "passed" : why} (${r.durationMs} ms)`);
    if (!ok) {
      const full = r.output.startsWith("[... ") ? ctx.log?.textFrom(mark) : void 0;
      const failed = gateFailure(
        g.name,
        why,
        r.output,
        { exit_code: r.exitCode, timed_out: r.timedOut, ...r.error ? { unrunnable: true } : {} },
        full
      );
      return { ok: false, runs, ms: Math.round(performance.now() - t0), failed };
    }
  }
  return { ok: true, runs, ms: Math.round(performance.now() - t0) };
}
function failureReason(f, where) {
  const parts = [`gate "${f.gate}" ${f.why} on ${where.task} integrated onto ${where.target}.`];
  if (f.timed_out && f.last_lines.length)
    parts.push(`It was still running; its last output:
${f.last_lines.map((l) => `  ${l}`).join("\n")}`);
  if (f.summary.length) parts.push(`Summary: ${f.summary.join(" | ")}`);
  if (f.first_failure.length) parts.push(`First failure:
${f.first_failure.join("\n")}`);
  if (!f.timed_out && !f.summary.length && !f.first_failure.length) {
    parts.push(f.output_tail.trim() ? `Output (tail):
${f.output_tail.trimEnd()}` : "(no output)");
  }
  if (where.log) parts.push(`Full log: lanes merge log ${where.task}`);
  return parts.join("\n");
}

// src/core/merge/batch-gates.ts
async function gatePrefix(ctx, links, n, landed) {
  const at = links[n - 1];
  await ctx.journal.step("gates", { testing: at.commit, pgid: void 0 });
  await resetIntegration(ctx.rec.dir, at.commit, ctx.rec.keep);
  const tasks = links.slice(0, n).map((l) => l.task);
  ctx.onProgress(
    `gates on ${links.slice(landed, n).map((l) => l.task).join(", ")}`
  );
  ctx.report.gate_runs++;
  const env = { LANES_MERGE: "1", LANES_TARGET: ctx.target, LANES_TASKS: tasks.join(","), LANES_CANDIDATE: at.commit };
  const onSpawn = async (pgid) => {
    await ctx.journal.step("gates", { pgid });
    await failpoint("merge.during-gates");
  };
  const log2 = new GateLog(ctx.project.repo, { target: ctx.target, tasks, candidate: at.commit });
  let g;
  try {
    const t1 = performance.now();
    const s = await setupCheckout(ctx.project, ctx.rec, ctx.cfg.setup, { env, log: log2, onSpawn });
    if (s.ran.length) ctx.onProgress(`setup ran: ${s.ran.join(", ")}${s.skipped.length ? ` (skipped: ${s.skipped.join(", ")})` : ""}`);
    g = s.ok ? await runGates(ctx.cfg.gates, ctx.rec.dir, { env, onSpawn, log: log2 }) : {
      ok: false,
      runs: [],
      ms: Math.round(performance.now() - t1),
      failed: gateFailure(s.failed.gate, s.failed.why, s.failed.output, s.failed)
    };
  } finally {
    const entry = log2.close(
      g?.failed ? { ok: false, failed: g.failed.gate, why: g.failed.why } : { ok: g?.ok === true, ...g ? {} : { why: "interrupted" } }
    );
    if (g) g.log = entry.id;
  }
  return g;
}
function refuseUnrunnable(g, target) {
  if (g.failed?.unrunnable) {
    throw new LanesError("CONFIG", `Gate "${g.failed.gate}" ${g.failed.why}.`, {
      hint: `Fix gates in .lanes/config.json on ${target} (each an argv array of a program on PATH); the entries kept their places in the queue.`
    });
  }
  return g;
}

// src/core/merge/integrate.ts
async function integrateChain(ctx, old, oldTree, entries) {
  const held = [];
  const links = [];
  const conflicted = [];
  const deferred = [];
  const noop = [];
  let base = old;
  let baseTree = oldTree;
  for (const e of entries) {
    const onTarget = base === old;
    let r;
    try {
      r = await integrateOne(ctx, e, base, baseTree, onTarget);
    } catch (err) {
      if (!isLanesError(err, "GIT")) throw err;
      r = { conflict: { files: [], message: `git could not integrate lanes/${e.task}: ${err.message}` } };
    }
    if ("conflict" in r) {
      if (onTarget) conflicted.push({ e, ...r.conflict });
      else deferred.push(e);
    } else if (r.commit === base) {
      if (onTarget) noop.push({ entry: e.id, task: e.task, commit: base, base });
      else deferred.push(e);
    } else {
      const commit = r.commit;
      const reason = e.approved?.tip === e.tip || await sameConfig(ctx, base, baseTree, commit, r.tree) ? void 0 : await holdReason(await configAt(ctx.repo, base, ctx.target), () => configAt(ctx.repo, commit, ctx.target));
      if (reason) {
        held.push({ e, reason });
        continue;
      }
      const prev = base;
      base = r.commit;
      baseTree = r.tree ?? await treeOf(ctx.repo.mainRoot, base);
      links.push({ entry: e.id, task: e.task, commit: r.commit, base: prev, tree: baseTree });
    }
  }
  return { links, conflicted, deferred, noop, held };
}
async function sameConfig(ctx, base, baseTree, commit, tree) {
  if (!tree || !ctx.sameLanesDir) return false;
  if (!await ctx.sameLanesDir(baseTree, tree)) return false;
  sameConfigAs(ctx.repo, commit, base, ctx.target);
  return true;
}
async function integrateOne(ctx, e, base, baseTree, onTarget) {
  const root = ctx.repo.mainRoot;
  if (e.kind === "revert") {
    const undo = e.revert_of;
    const dir = await ctx.worktree(base);
    const msg2 = `Revert "${ctx.title(e.task)}" (${e.task})

This undoes the landing of lanes/${e.task} as ${undo.landed_as}, through the Lanes merge queue (entry ${e.id}).
`;
    const r = await revertOnto(dir, base, undo, msg2, ctx.keep);
    return r.ok ? { commit: r.commit } : { conflict: { files: r.files, message: r.message } };
  }
  if (e.strategy === "rebase") {
    const dir = await ctx.worktree(base);
    const r = await rebaseOnto(dir, base, e.tip, ctx.keep);
    return r.ok ? { commit: r.commit } : {
      conflict: {
        files: r.files,
        message: `rebasing lanes/${e.task} onto ${onTarget ? ctx.target : "the batch"} conflicts in: ${r.files.join(", ") || r.message}`
      }
    };
  }
  const mc = await mergeCheck(root, base, e.tip);
  if (!mc.clean) {
    return {
      conflict: {
        files: mc.files,
        message: `merging lanes/${e.task} into ${onTarget ? ctx.target : "the batch"} conflicts in: ${mc.files.join(", ") || "(see git merge-tree)"}`
      }
    };
  }
  if (mc.tree === baseTree) return { commit: base };
  if (e.strategy === "merge") {
    return {
      commit: await commitTree(
        root,
        mc.tree,
        [base, e.tip],
        `Merge lanes/${e.task}: ${ctx.title(e.task)}

Landed by the Lanes merge queue (entry ${e.id}).
`
      ),
      tree: mc.tree
    };
  }
  const body = (await subjects(root, base, e.tip)).map((x) => `* ${x}`).join("\n");
  const msg = `${ctx.title(e.task)} (${e.task})

Squash of lanes/${e.task}, landed by the Lanes merge queue (entry ${e.id}):
${body}
`;
  return { commit: await commitTree(root, mc.tree, [base], msg, await authorOf(root, e.tip)), tree: mc.tree };
}

// src/core/merge/recover.ts
async function settleRecord(project, rec) {
  const d = rec.data;
  if (d.pgid)
    killGateGroup(
      project,
      d.pgid,
      (await readCheckouts(project)).map((c) => c.dir)
    );
  const step = d.phase ?? rec.step;
  const rep = { journal: rec.id, step, outcome: "retried", landed: [], requeued: [] };
  let landed = [];
  if (d.new && d.landing?.length) {
    const now = await refSha(project.repo.mainRoot, `refs/heads/${d.target}`);
    if (now && (now === d.new || await isAncestor(project.repo.mainRoot, d.new, now))) landed = d.landing;
  }
  let moved = [];
  await project.store.transact(async (tx) => {
    if (landed.length) {
      moved = markLandedInTx(tx, landed, d.target, { unchecked: d.unchecked === true });
      rep.landed = landed.map((l) => l.entry);
      rep.outcome = "rolled-forward";
    }
    const doc = queueIn(tx);
    if (rec.intent && doc.landing && sameIntent(doc.landing, rec.intent)) delete doc.landing;
    rep.requeued = d.entries.filter((id) => PROCESSING.includes(doc.entries.find((e) => e.id === id)?.state ?? "queued"));
    requeueInTx(tx, d.entries, rep.outcome === "rolled-forward" ? void 0 : `retried after an interrupted ${step} step`);
  });
  if (landed.length && d.new) {
    const q = (await project.store.read(MERGE_DOC)).data;
    const entries = moved.length ? moved : q.entries.filter((e) => landed.some((l) => l.entry === e.id));
    const cfg = await configAt(project.repo, d.old ?? d.new, d.target);
    rep.warnings = (await cleanupAfterLanding(project, d.target, d.new, entries, cfg.merge.remove_lane_after_landing)).warnings;
  }
  return rep;
}
function killGateGroup(project, pgid, checkouts) {
  if (!haveProc()) {
    killProcessGroup(pgid);
    return;
  }
  const inside = [integrationRoot(project.repo), ...checkouts].flatMap((d) => processesIn(d));
  const members = inside.filter((pid) => pgroupOf(pid) === pgid);
  if (members.length) killProcessGroup(pgid);
  for (const pid of inside) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
    }
  }
}
function pgroupOf(pid) {
  try {
    const stat = fs6.readFileSync(`/proc/${pid}/stat`, "utf8");
    const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(rest[2]);
  } catch {
    return void 0;
  }
}
async function recoverMerges(project) {
  const { store } = project;
  const reports = [];
  for (const rec of (await store.journal.orphans()).filter((r) => r.op === MERGE_OP)) {
    const entry = await store.journal.adopt(rec);
    try {
      const rep = await settleRecord(project, { id: rec.id, step: rec.step, data: rec.data });
      reports.push(rep);
      await entry.done();
      log.warn(
        `recovered an interrupted merge (${rep.step}): ${rep.outcome}${rep.landed.length ? `, landed ${rep.landed.join(", ")}` : ""}`
      );
      await store.appendEvent("merge.recovered", { step: rep.step, outcome: rep.outcome, landed: rep.landed, requeued: rep.requeued });
    } catch (e) {
      entry.abandon();
      reports.push({ journal: rec.id, step: rec.step, outcome: "failed", landed: [], requeued: [], error: errorMessage(e) });
      log.error(`could not recover merge record ${rec.id}`, errorMessage(e));
    }
  }
  const intent = orphanIntent((await store.read(MERGE_DOC)).data.landing);
  if (intent) {
    const data = { ...intent, phase: "land" };
    try {
      const rep = await settleRecord(project, { id: "merge-queue", step: "land", data, intent });
      reports.push(rep);
      log.warn(`recovered an interrupted merge (land): ${rep.outcome}${rep.landed.length ? `, landed ${rep.landed.join(", ")}` : ""}`);
      await store.appendEvent("merge.recovered", { step: rep.step, outcome: rep.outcome, landed: rep.landed, requeued: rep.requeued });
    } catch (e) {
      reports.push({ journal: "merge-queue", step: "land", outcome: "failed", landed: [], requeued: [], error: errorMessage(e) });
      log.error("could not recover the landing recorded in the merge queue", errorMessage(e));
    }
  }
  const stuck = (await store.read(MERGE_DOC)).data.entries.filter((e) => PROCESSING.includes(e.state));
  if (stuck.length) {
    const ids = await store.transact(async (tx) => {
      const mine = queueIn(tx).entries.filter((e) => PROCESSING.includes(e.state)).map((e) => e.id);
      requeueInTx(tx, mine, "retried after an interrupted run");
      return mine;
    });
    if (ids.length) {
      reports.push({ journal: "-", step: "integrate", outcome: "retried", landed: [], requeued: ids });
      await store.appendEvent("merge.recovered", { step: "integrate", outcome: "retried", requeued: ids });
    }
  }
  await removeLeftoverWorktrees(project);
  return reports;
}
function orphanIntent(i) {
  if (!i || typeof i !== "object") return void 0;
  if (i.host !== hostName() || !Number.isSafeInteger(i.pid)) return void 0;
  if (i.pid !== process.pid && pidAlive(i.pid)) return void 0;
  const entries = Array.isArray(i.entries) ? i.entries.filter((e) => typeof e === "string") : [];
  const whole = typeof i.target === "string" && isSha(i.new) && isSha(i.old) && Array.isArray(i.landing) && i.landing.every((l) => l && typeof l.entry === "string" && isSha(l.commit) && isSha(l.base));
  return {
    ...i,
    entries,
    landing: whole ? i.landing : [],
    unchecked: i.unchecked === true
  };
}
async function removeLeftoverWorktrees(project) {
  await removeUnreadyCheckouts(project);
  const root = integrationRoot(project.repo);
  let names;
  try {
    names = fs6.readdirSync(root);
  } catch {
    return;
  }
  if (!names.length) return;
  await withGitLock(project.repo, "merge queue: remove leftover integration worktrees", async () => {
    for (const n of names) {
      const dir = `${root}/${n}`;
      if (isInside(root, dir)) await removeIntegrationWorktree(project.repo, dir);
    }
  });
}

// src/core/merge/batch.ts
var Integrator = class {
  constructor(project, target, plan, onProgress = () => {
  }, removeLanes) {
    this.project = project;
    this.target = target;
    this.plan = plan;
    this.onProgress = onProgress;
    this.removeLanes = removeLanes;
    this.recheck = new OwedRecheck(project, target);
  }
  project;
  target;
  plan;
  onProgress;
  removeLanes;
  checkout;
  /** merge.integration_dir of the target's config (set per batch, before the checkout is needed). */
  integrationDir;
  recheck;
  get repo() {
    return this.project.repo;
  }
  landedTip;
  /** A landing of this run moved the target to `sha` (the processor's next round starts there). */
  landedOn(sha, tree) {
    this.landedTip = tree ? { sha, tree } : void 0;
  }
  /** The tip the last landing left, once (undefined when unknown: read the target again). */
  takeLandedTip() {
    const t = this.landedTip;
    this.landedTip = void 0;
    return t;
  }
  /** The target's persistent gate checkout (detached HEAD), made or checked on first need. */
  async gateCheckout(at) {
    this.checkout ??= await ensureCheckout(this.project, this.target, at, this.integrationDir);
    return this.checkout;
  }
  async worktree(at) {
    return (await this.gateCheckout(at)).dir;
  }
  get keep() {
    return this.checkout?.keep ?? [];
  }
  /** The checkout stays for the next run (its setup is what makes the next gate run fast). */
  async dispose() {
    this.checkout = void 0;
    this.reader?.close();
    this.reader = void 0;
  }
  reader;
  /** Two trees' `.lanes` entries compared through one cat-file kept for the run (two lines, no process). */
  async sameLanesDir(a, b) {
    if (a === b) return true;
    this.reader ??= new ObjectReader(this.repo.mainRoot);
    const [x, y] = await this.reader.info([`${a}:.lanes`, `${b}:.lanes`]);
    return x?.type === "tree" && y?.type === "tree" && x.oid === y.oid;
  }
  title(task) {
    return this.plan?.tasks.find((t) => t.id === task)?.title ?? task;
  }
  /**
   * Runs one batch. `entries` are already marked integrating (ours), or, with `claimed: false`
   * (the gate-less fast path on local state), still queued as read: they are taken in the same
   * write that records the landing's intent, after integration. Returns 'moved' when the target
   * moved under us (the entries are back in the queue, to be integrated again).
   */
  async runBatch(entries, report, start, opts = {}) {
    const data = { target: this.target, entries: entries.map((e) => e.id), old: start.sha };
    const journal = new BatchJournal(this.project.store, data);
    this.landedTip = void 0;
    try {
      const outcome = await this.steps(journal, entries, report, start, opts.claimed !== false);
      await journal.done();
      if (outcome === "moved") this.landedTip = void 0;
      return outcome;
    } catch (e) {
      this.landedTip = void 0;
      try {
        await settleRecord(this.project, journal.snapshot());
        await journal.done();
      } catch {
        journal.abandon();
      }
      throw e;
    }
  }
  async steps(journal, entries, report, start, claimed) {
    const { store } = this.project;
    const old = start.sha;
    const cfg = await configAt(this.repo, old, this.target);
    this.integrationDir = cfg.merge.integration_dir;
    const gates = cfg.gates;
    if (!claimed && (gates.length || store.shared)) {
      entries = await claimEntries(
        this.project,
        entries.map((e) => e.id)
      );
      claimed = true;
      if (!entries.length) return "done";
    }
    const t0 = performance.now();
    let integ = await integrateChain(this, old, start.tree, entries);
    const integrateMs = Math.round(performance.now() - t0);
    if (!claimed) integ = await takeAndRecord(this.project, this.target, journal, integ, integrateMs, old);
    const record = claimed && (integ.conflicted.length || integ.deferred.length || integ.noop.length || integ.held.length || gates.length);
    if (record) await store.transact(async (tx) => recordInTx(tx, this.target, integ, gates.length ? "gating" : "landing", integrateMs));
    for (const c of integ.conflicted) {
      report.failed.push({ task: c.e.task, entry: c.e.id, kind: "conflict", message: c.message, files: c.files });
      await store.appendEvent("merge.failed", { task: c.e.task, entry: c.e.id, kind: "conflict", files: c.files });
      this.onProgress(`${c.e.task}: conflicts with ${this.target} (${c.files.join(", ")})`);
    }
    report.requeued.push(...integ.deferred.map((e) => e.task));
    for (const h of integ.held) {
      report.held.push({ task: h.e.task, entry: h.e.id, reason: h.reason });
      await store.appendEvent("merge.held", { task: h.e.task, entry: h.e.id, reason: h.reason });
      this.onProgress(`${h.e.task}: held for a human, ${h.reason}`);
    }
    for (const n of integ.noop) report.landed.push({ task: n.task, entry: n.entry, commit: n.commit, unchecked: false });
    const links = integ.links;
    if (!links.length) return "done";
    await failpoint("merge.after-integrate");
    if (!gates.length) {
      report.warnings.push(
        `No gates are configured in .lanes/config.json on ${this.target}: ${links.map((l) => l.task).join(", ")} landed without any check.`
      );
      return landSegment(this, journal, links, old, { unchecked: true }, report);
    }
    this.recheck.start(report);
    const rec = await this.gateCheckout(old);
    const results = /* @__PURE__ */ new Map();
    const green = /* @__PURE__ */ new Map();
    let landed = 0;
    let cur = old;
    const gating = { project: this.project, target: this.target, cfg, journal, rec, report, onProgress: this.onProgress };
    for (; ; ) {
      const step = bisect(links.length, green);
      if (step.land > landed) {
        const ms = results.get(step.land).ms;
        const out = await landSegment(
          this,
          journal,
          links.slice(landed, step.land),
          cur,
          { unchecked: false, gates_ms: ms },
          report,
          links.slice(step.land)
        );
        if (out !== "done") return out;
        cur = links[step.land - 1].commit;
        landed = step.land;
      }
      if (step.next !== void 0) {
        const g = refuseUnrunnable(await gatePrefix(gating, links, step.next, landed), this.target);
        results.set(step.next, g);
        green.set(step.next, g.ok);
        continue;
      }
      if (step.fail === void 0) return "done";
      return this.failCulprit(
        links[step.fail],
        results.get(step.fail + 1),
        step.requeue.map((i) => links[i]),
        report
      );
    }
  }
  /** The first failing link fails with its gate output; the links after it go back to the queue. */
  async failCulprit(culprit, red, rest, report) {
    const { store } = this.project;
    const f = red.failed;
    const message = failureReason(f, { task: culprit.task, target: this.target, ...red.log ? { log: red.log } : {} });
    await store.transact(async (tx) => {
      const failure = {
        kind: "gate",
        gate: f.gate,
        output_tail: f.output_tail,
        exit_code: f.exit_code,
        timed_out: f.timed_out,
        summary: f.summary,
        first_failure: f.first_failure,
        ...red.log ? { log: red.log } : {}
      };
      markFailedInTx(tx, culprit.entry, message, failure, { gated: true });
      const e = queueIn(tx).entries.find((x) => x.id === culprit.entry);
      if (e) e.gates = red.runs;
      requeueInTx(
        tx,
        rest.map((l) => l.entry),
        `integrated again without ${culprit.task}, whose gate failed`
      );
    });
    report.failed.push({ task: culprit.task, entry: culprit.entry, kind: "gate", message, gate: f.gate });
    report.requeued.push(...rest.map((l) => l.task));
    await store.appendEvent("merge.failed", { task: culprit.task, entry: culprit.entry, kind: "gate", gate: f.gate });
    this.onProgress(`${culprit.task}: gate ${f.gate} ${f.why}`);
    return "done";
  }
  /** Runs the re-check of the lanes in flight owed by the landings so far. */
  async flushRecheck(report) {
    await this.recheck.flush(report);
  }
};

// src/core/merge/batch-report.ts
function newReport() {
  return { landed: [], held: [], failed: [], requeued: [], cancelled: [], gate_runs: 0, warnings: [], conflicts: [] };
}

// src/core/remote/target.ts
function mirrorOfTarget(name, target) {
  return `refs/lanes-remote/${name}/heads/${target}`;
}
async function syncTarget(project, target) {
  const shared = project.store.shared;
  if (!shared) return void 0;
  const { repo } = project;
  const ref = `refs/heads/${target}`;
  const remote = await fetchRefInto(repo.commonDir, shared.setting.remote, ref, mirrorOfTarget(shared.remote.name, target), {
    env: process.env
  });
  const local = await refSha(repo.mainRoot, ref);
  if (!remote || local === remote) return { remote, local, diverged: false };
  if (local && !await isAncestor(repo.mainRoot, local, remote)) return { remote, local, diverged: true };
  if (!local) {
    await advanceTarget(repo, target, "0".repeat(40), remote, `lanes: ${target} from ${shared.setting.remote}`);
    return { remote, local: await refSha(repo.mainRoot, ref), diverged: false };
  }
  const r = await advanceTarget(repo, target, local, remote, `lanes: follow ${shared.setting.remote}/${target}`).catch((e) => {
    if (e instanceof LanesError && e.code === "UNSAFE") return { ok: false, moved: local };
    throw e;
  });
  return { remote, local: r.ok ? remote : local, diverged: false };
}
function divergedError(target, remote) {
  return new LanesError("CONFLICT", `Your ${target} has commits that ${remote}/${target} does not; nothing landed.`, {
    hint: `Landings go to ${remote}/${target}. Push your commits (git push ${remote} ${target}) or reset ${target} to ${remote}/${target}, then run the merge queue again.`
  });
}

// src/core/merge/process.ts
var MAX_MOVES = 5;
var QUEUE_LOCK = "queue";
async function takeQueueLock(project, staleMs) {
  const deadline = Date.now() + staleMs + 3e3;
  for (; ; ) {
    const r = await tryLock(project.repo.stateDir, QUEUE_LOCK, { purpose: "merge queue processor", staleMs, deadlineMs: staleMs + 1e3 });
    if ("release" in r) return r;
    const h = r.holder;
    const dead = h !== void 0 && h.host === hostName() && !pidAlive(h.pid);
    if (!dead || Date.now() > deadline) {
      const who = h ? `pid ${h.pid} on ${h.host} since ${h.since}` : "another process";
      throw new LanesError("BUSY", `The merge queue is busy: held by ${who}.`, {
        hint: `Another processor is working through the queue and will land your entry too; watch ${act("merge_status")}. Run it again only if that processor is gone.`,
        details: { holder: h }
      });
    }
    await new Promise((res) => setTimeout(res, 100));
  }
}
async function processMergeQueue(project, opts = {}) {
  const root = project.repo.mainRoot;
  await assertMergeTreeGit(root);
  const target = (await project.config()).target;
  const lock = await takeQueueLock(project, opts.lockStaleMs ?? 3e3);
  const result2 = { ...newReport(), target, batches: 0, recovered: [], waiting: [], remaining: 0 };
  let processor;
  try {
    processor = await takeProcessor(project, target);
    if (processor) await project.store.refresh();
    result2.recovered = await recoverMerges(project);
    for (const r of result2.recovered) result2.warnings.push(...r.warnings ?? []);
    const { plan } = await readPlan(project.store);
    const integrator = new Integrator(project, target, plan, opts.onProgress, opts.removeLanes);
    let moves = 0;
    try {
      for (; ; ) {
        if (lock.held.compromised || processor?.lost) {
          throw new LanesError("BUSY", "This processor lost the merge queue lock (its event loop stalled?); stopping.", {
            hint: "Run the merge queue again."
          });
        }
        if (opts.maxBatches !== void 0 && result2.batches >= opts.maxBatches) break;
        const synced = await syncTarget(project, target);
        if (synced?.diverged && synced.remote) throw divergedError(target, project.store.shared.setting.remote);
        if (synced?.remote && synced.local !== synced.remote) {
          const wt = await targetCheckout(project.repo, target);
          if (wt) await assertCheckoutClean(wt, target, project.repo.commonDir);
        }
        const known = integrator.takeLandedTip();
        const tip = known && !project.store.shared ? known : await readTargetTip(project.repo, target);
        if (!tip)
          throw new LanesError("NOT_FOUND", `The target branch ${target} does not exist.`, {
            hint: 'Create it (or fix "target" in .lanes/config.json), then run the queue again.'
          });
        const [{ plan: p, tasks }, q] = await Promise.all([readPlan(project.store), project.store.read(MERGE_DOC)]);
        const doc = q.data;
        const cfg = await (tip.configBlob === void 0 && tip === known ? configAt(project.repo, tip.sha, target) : configForTip(project.repo, tip, target));
        const { batch, waiting } = pickBatch(doc, p, tasks, effectiveBatchSize(cfg.merge.batch_size, doc.recent));
        result2.waiting = waiting.map((w) => ({ task: w.entry.task, entry: w.entry.id, on: w.on }));
        if (!batch.length) break;
        if (cfg.gates.length) {
          const wt = await targetCheckout(project.repo, target);
          if (wt) await assertCheckoutClean(wt, target, project.repo.commonDir);
        }
        const fast = !cfg.gates.length && !project.store.shared;
        const mine = fast ? batch.map((e) => ({ ...e })) : await claimEntries(
          project,
          batch.map((e) => e.id)
        );
        if (!mine.length) continue;
        result2.batches++;
        await ensureWork(
          project,
          mine.map((e) => ({ task: e.task, tip: e.tip }))
        );
        const outcome = await integrator.runBatch(mine, result2, tip, { claimed: !fast });
        moves = outcome === "moved" ? moves + 1 : 0;
        if (moves >= MAX_MOVES) {
          throw new LanesError("BUSY", `${target} moved ${MAX_MOVES} times in a row while entries were being integrated; stopping.`, {
            hint: "Something keeps committing to the target. Let it settle, then run the merge queue again; the entries kept their places."
          });
        }
      }
    } finally {
      await integrator.flushRecheck(result2);
      await integrator.dispose();
    }
    const after = (await project.store.read(MERGE_DOC)).data;
    result2.remaining = after.entries.filter((e) => e.state === "queued").length;
    return result2;
  } finally {
    await processor?.release();
    await lock.release();
  }
}

// src/render/merge.ts
var short = (sha) => sha ? sha.slice(0, 12) : "-";
function secs(ms) {
  if (ms === void 0) return "-";
  return ms < 1e3 ? `${ms} ms` : `${(ms / 1e3).toFixed(1)} s`;
}
function renderQueued(r) {
  const lines = [
    r.already_queued ? `${r.entry.task} was already queued (entry ${r.entry.id}, ${r.entry.state}, position ${r.position}).` : `Queued ${r.entry.task} (entry ${r.entry.id}, ${r.entry.strategy}, position ${r.position}, tip ${short(r.entry.tip)}).`
  ];
  for (const c of r.conflicts)
    lines.push(`Likely conflict with ${c.with === "target" ? r.entry.target : `lane ${c.with}`}: ${c.files.join(", ")}`);
  if (r.waiting_for.length) lines.push(`Waits for ${r.waiting_for.join(", ")} to land first.`);
  lines.push(...r.warnings);
  lines.push(`Run ${act("process_merge_queue")} to land it.`);
  return lines.join("\n");
}
function entryLine(e) {
  const parts = [`${e.position !== void 0 ? `${e.position}. ` : ""}${e.task}`, e.kind === "revert" ? "revert" : e.strategy, e.state];
  if (e.landed_as) parts.push(`as ${short(e.landed_as)}${e.unchecked ? " (unchecked: no gates)" : ""}`);
  if (e.waiting_for) parts.push(`waits for ${e.waiting_for.join(", ")}`);
  if (e.cancel_requested) parts.push("cancel requested");
  if (e.state === "held")
    parts.push(`held: ${safeText(e.held_reason ?? "changes the gates")}; a human runs \`lanes merge approve ${e.task}\``);
  if (e.state === "queued" && e.waited_ms !== void 0) parts.push(`queued ${secs(e.waited_ms)}`);
  if (e.timings?.total_ms !== void 0) parts.push(`took ${secs(e.timings.total_ms)}`);
  let line = parts.join("  ");
  if (e.conflicts?.length) line += `
     likely conflicts: ${e.conflicts.map((c) => `${c.with}: ${c.files.join(", ")}`).join("; ")}`;
  if (e.last_error && e.state !== "landed" && e.state !== "held") {
    const shown = e.last_error.split("\n").filter((l) => l.trim()).slice(0, e.state === "failed" ? 4 : 1);
    line += `
     last error: ${shown.map((l) => safeText(l)).join("\n       ")}`;
    if (e.log) line += `
     full log: lanes merge log ${e.task}`;
  }
  return line;
}
function renderStatus(s) {
  const lines = [
    `Target ${s.target} at ${short(s.target_sha)}; processor ${s.processor.running ? `running (pid ${s.processor.pid} since ${s.processor.since})` : "idle"}.`
  ];
  if (s.interrupted) lines.push("A processor was interrupted mid-way; the next run (lanes merge run) finishes or retries its entries.");
  lines.push(s.queue.length ? `Queue (${s.queue.length}):` : "The queue is empty.");
  for (const e of s.queue) lines.push(`  ${entryLine(e)}`);
  if (s.recent.length) {
    lines.push("Recent:");
    for (const e of s.recent) lines.push(`  ${entryLine(e)}`);
  }
  return lines.join("\n");
}
function renderProcessed(r) {
  const lines = [];
  for (const rec of r.recovered)
    lines.push(
      `Recovered an interrupted run (${rec.step}): ${rec.outcome}${rec.landed.length ? `, finished landing ${rec.landed.join(", ")}` : ""}.`
    );
  for (const l of r.landed)
    lines.push(`Landed ${l.task} on ${r.target} as ${short(l.commit)}${l.unchecked ? " (no gates configured: nothing was checked)" : ""}.`);
  for (const h of r.held) lines.push(`Held ${h.task}: ${safeText(h.reason)}. A human lets it land with \`lanes merge approve ${h.task}\`.`);
  for (const f of r.failed) lines.push(`Failed ${f.task} (${f.kind}): ${safeBlock(f.message)}`);
  for (const c of r.cancelled) lines.push(`Cancelled ${c}.`);
  for (const c of r.conflicts)
    lines.push(`Lane ${c.task} now conflicts with ${r.target} in: ${c.files.join(", ")} (recorded on the task).`);
  for (const w of r.waiting) lines.push(`Waiting: ${w.task} until ${w.on.join(", ")} land${w.on.length === 1 ? "s" : ""}.`);
  for (const w of [...new Set(r.warnings)]) lines.push(`Warning: ${w}`);
  if (!r.landed.length && !r.failed.length && !r.cancelled.length && !r.held.length) lines.push("Nothing to land.");
  lines.push(
    `${r.batches} batch${r.batches === 1 ? "" : "es"}, ${r.gate_runs} gate run${r.gate_runs === 1 ? "" : "s"}; ${r.remaining} entr${r.remaining === 1 ? "y" : "ies"} still queued.`
  );
  return lines.join("\n");
}
function renderLogList(entries) {
  if (!entries.length) return "No gate runs on record.";
  return entries.map(
    (e) => `${e.id}  ${e.at}  ${e.ok ? "passed" : `failed: ${safeText(e.failed ?? "?")} ${safeText(e.why ?? "")}`}  ${safeText(e.tasks.join(", "))} @ ${short(e.candidate)}  ${e.bytes} bytes${e.truncated ? " (truncated)" : ""}`
  ).join("\n");
}

// src/system/resources.ts
var MB = 1024 * 1024;
var cache = /* @__PURE__ */ new Map();
async function readResources(p, opts = {}) {
  const siTimeoutMs = opts.siTimeoutMs ?? 1500;
  const maxAgeMs = opts.maxAgeMs ?? 2e3;
  const key = `${path6.resolve(p)}\0${siTimeoutMs}`;
  const now = Date.now();
  for (const [k, v] of cache) if (now - v.at > 6e4) cache.delete(k);
  const hit = cache.get(key);
  if (hit && now - hit.at <= maxAgeMs) return hit.value;
  const value = measure(path6.resolve(p), siTimeoutMs);
  cache.set(key, { at: now, value });
  return value;
}
async function measure(p, siTimeoutMs) {
  const t0 = performance.now();
  const win = process.platform === "win32";
  const si = siTimeoutMs > 0 ? withTimeout(
    import("./lib-KOQKR443.mjs").then((m) => m.default),
    siTimeoutMs
  ) : Promise.resolve(void 0);
  const deadline = Date.now() + siTimeoutMs;
  const siCall = (f) => si.then((s) => s ? withTimeout(f(s), Math.max(0, deadline - Date.now())) : void 0);
  const [siMem, siLoad, disk] = await Promise.all([
    siCall((s) => s.mem()),
    win ? siCall((s) => s.currentLoad()) : Promise.resolve(void 0),
    diskOf(p)
  ]);
  const cg = process.platform === "linux" ? readCgroupLimits() : {};
  let cpus = Math.max(1, os2.availableParallelism());
  let cpuSource = "os";
  if (cg.cpus !== void 0 && cg.cpus < cpus) [cpus, cpuSource] = [cg.cpus, "cgroup"];
  let load1 = os2.loadavg()[0] ?? 0;
  let loadSource = "os";
  if (win) {
    const pct = siLoad?.currentLoad;
    [load1, loadSource] = typeof pct === "number" && Number.isFinite(pct) ? [pct / 100 * cpus, "systeminformation"] : [0, "unavailable"];
  }
  let memSource = "os";
  let memTotal = os2.totalmem();
  let memAvail = os2.freemem();
  if (siMem && siMem.total > 0 && Number.isFinite(siMem.available) && siMem.available > 0) {
    [memTotal, memAvail, memSource] = [siMem.total, siMem.available, "systeminformation"];
  }
  if (cg.memLimit !== void 0 && cg.memLimit < memTotal) {
    memTotal = cg.memLimit;
    memSource = "cgroup";
  }
  if (cg.memAvailable !== void 0 && cg.memAvailable < memAvail) {
    memAvail = cg.memAvailable;
    memSource = "cgroup";
  }
  return {
    cpus,
    load1: round2(load1),
    load_per_cpu: round2(load1 / cpus),
    mem_total_mb: Math.floor(memTotal / MB),
    mem_available_mb: Math.floor(Math.min(memAvail, memTotal) / MB),
    disk_free_mb: disk.free,
    disk_total_mb: disk.total,
    disk_path: disk.path,
    sources: { cpus: cpuSource, load: loadSource, memory: memSource, disk: disk.source },
    took_ms: Math.round(performance.now() - t0)
  };
}
async function diskOf(p) {
  for (let dir = p; ; dir = path6.dirname(dir)) {
    try {
      const s = await fs7.promises.statfs(dir);
      return { free: Math.floor(s.bavail * s.bsize / MB), total: Math.floor(s.blocks * s.bsize / MB), path: dir, source: "statfs" };
    } catch {
      if (path6.dirname(dir) === dir) return { free: 0, total: 0, path: p, source: "unavailable" };
    }
  }
}
function withTimeout(p, ms) {
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(void 0), ms);
    t.unref();
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      () => (clearTimeout(t), resolve(void 0))
    );
  });
}
function round2(n) {
  return Math.round(n * 100) / 100;
}
function readCgroupLimits(read = readText, root = "/sys/fs/cgroup") {
  const out = {};
  const self = read("/proc/self/cgroup") ?? "";
  const unlimited = (n) => !Number.isFinite(n) || n <= 0 || n >= 2 ** 60;
  const minInto = (k, v) => {
    out[k] = Math.min(out[k] ?? Infinity, v);
  };
  for (const line of self.split("\n")) {
    const m = /^\d+:([^:]*):(.*)$/.exec(line.trim());
    if (!m) continue;
    const [controllers, rel] = [m[1].split(","), m[2]];
    const v2 = controllers.length === 1 && controllers[0] === "";
    const mems = v2 ? root : controllers.includes("memory") ? path6.join(root, "memory") : void 0;
    const cpus = v2 ? root : controllers.includes("cpu") ? path6.join(root, controllers.join(",")) : void 0;
    for (const dir of ancestors(rel)) {
      if (mems) {
        const limitText = read(path6.join(mems, dir, v2 ? "memory.max" : "memory.limit_in_bytes"))?.trim();
        const limit = limitText === void 0 || limitText === "max" ? NaN : Number(limitText);
        if (!unlimited(limit)) {
          minInto("memLimit", limit);
          const usage = Number(read(path6.join(mems, dir, v2 ? "memory.current" : "memory.usage_in_bytes"))?.trim());
          const stat = read(path6.join(mems, dir, "memory.stat")) ?? "";
          const inactive = Number(new RegExp(`^${v2 ? "" : "total_"}inactive_file (\\d+)$`, "m").exec(stat)?.[1] ?? 0);
          if (Number.isFinite(usage)) minInto("memAvailable", Math.max(0, limit - Math.max(0, usage - inactive)));
        }
      }
      if (cpus) {
        let quota = NaN;
        let period = NaN;
        if (v2) {
          const [q, per] = (read(path6.join(cpus, dir, "cpu.max")) ?? "").trim().split(/\s+/);
          [quota, period] = [q === "max" ? NaN : Number(q), Number(per)];
        } else {
          quota = Number(read(path6.join(cpus, dir, "cpu.cfs_quota_us"))?.trim());
          period = Number(read(path6.join(cpus, dir, "cpu.cfs_period_us"))?.trim());
        }
        if (quota > 0 && period > 0) minInto("cpus", Math.max(1, Math.ceil(quota / period)));
      }
    }
  }
  return out;
}
function ancestors(rel) {
  const parts = rel.split("/").filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, parts.length - i).join("/")}`).concat("/");
}
function readText(file) {
  try {
    return fs7.readFileSync(file, "utf8");
  } catch {
    return void 0;
  }
}

// src/core/plan/parallelism.ts
var AGENTS_PER_IDLE_CPU = 2;
function recommendParallelism(res, cfg, opts = {}) {
  const r = cfg.resources;
  const limits = [];
  const why = /* @__PURE__ */ new Map();
  const add = (by, value, text) => {
    limits.push({ by, value: Math.max(0, Math.floor(value)) });
    why.set(by, text);
  };
  add("max_parallel", cfg.max_parallel, `max_parallel is ${cfg.max_parallel} in .lanes/config.json`);
  if (opts.width !== void 0)
    add("plan_width", opts.width, `the plan's widest wave has ${opts.width} task${opts.width === 1 ? "" : "s"}`);
  if (r.memory_per_agent_mb > 0) {
    const spare = res.mem_available_mb - r.min_free_memory_mb;
    const v = spare / r.memory_per_agent_mb;
    add(
      "memory",
      v,
      `memory: ${res.mem_available_mb} MB available, ${r.min_free_memory_mb} MB kept free, ${r.memory_per_agent_mb} MB per agent \u2192 ${Math.max(0, Math.floor(v))}`
    );
  }
  if (res.sources?.disk !== "unavailable") {
    const perLane = r.disk_per_lane_mb > 0 ? r.disk_per_lane_mb : opts.lane_disk_mb;
    const spare = res.disk_free_mb - r.min_free_disk_mb;
    if (perLane !== void 0 && perLane > 0) {
      const v = spare / perLane;
      add(
        "disk",
        v,
        `disk: ${res.disk_free_mb} MB free, ${r.min_free_disk_mb} MB kept free, ${perLane} MB per lane \u2192 ${Math.max(0, Math.floor(v))}`
      );
    } else if (spare < 0) {
      add("disk", 0, `disk: ${res.disk_free_mb} MB free is below the ${r.min_free_disk_mb} MB floor`);
    }
  }
  const pressure = Math.max(1, 2 * Math.max(0, res.load_per_cpu) / r.max_load_per_cpu);
  const cpu = Math.max(1, Math.floor(AGENTS_PER_IDLE_CPU * res.cpus / pressure));
  add(
    "cpu",
    cpu,
    `cpu: ${res.cpus} CPU${res.cpus === 1 ? "" : "s"} at load ${res.load_per_cpu} per CPU (busy at ${r.max_load_per_cpu}) \u2192 ${cpu}`
  );
  const min = Math.min(...limits.map((l) => l.value));
  const parallelism = Math.max(1, min);
  const binding = limits.filter((l) => l.value === min).map((l) => why.get(l.by));
  let reason = `${parallelism} at once, limited by ${binding.join("; and ")}`;
  if (min < 1) reason += ". Below the floor, so only 1 lane runs; free some resources or lower the floors in .lanes/config.json";
  return { parallelism, limits, reason };
}
var SAMPLE_LIMIT = 5e4;
async function estimateLaneDiskMb(repoDir, opts = {}) {
  const top = await showToplevel(repoDir);
  const files = await trackedFiles(top);
  if (files.length === 0) return 1;
  const stride = Math.max(1, files.length / (opts.sampleLimit ?? SAMPLE_LIMIT));
  const sample = [];
  for (let i = 0; i < files.length; i += stride) sample.push(files[Math.floor(i)]);
  let bytes = 0;
  for (let i = 0; i < sample.length; i += 1e3) {
    for (const f of sample.slice(i, i + 1e3)) {
      const st = fs8.lstatSync(path7.join(top, f), { throwIfNoEntry: false });
      if (!st || !st.isFile() && !st.isSymbolicLink()) continue;
      bytes += st.blocks > 0 ? st.blocks * 512 : Math.ceil(st.size / 4096) * 4096;
    }
    await new Promise((r) => setImmediate(r));
  }
  const indexBytes = files.reduce((n, f) => n + 72 + f.length, 0);
  const total = bytes * files.length / sample.length + indexBytes;
  return Math.max(1, Math.ceil(total / (1024 * 1024)));
}

// src/core/doctor/check.ts
async function guard(name, f) {
  try {
    return await f();
  } catch (e) {
    return failedCheck(name, errorMessage(e), e);
  }
}
function failedCheck(name, detail, e) {
  const check = { name, ok: false, level: "error", detail };
  if (isLanesError(e) && e.hint !== void 0) check.fix = e.hint;
  return check;
}

// src/core/doctor/repo-checks.ts
async function loadConfigChecked(repo) {
  try {
    const cfg = await loadConfig(repo.worktreeRoot, { repo });
    return [cfg, { name: "config", ok: true, level: "info", detail: `valid (target branch ${cfg.target})` }];
  } catch (e) {
    const target = await resolveTarget(repo).catch(() => "main");
    return [
      parseConfig({}, "defaults", { defaultTarget: target }),
      failedCheck("config", isLanesError(e) ? e.message : errorMessage(e), e)
    ];
  }
}
async function targetCheck(repo, target) {
  const sha = await refSha(repo.worktreeRoot, `refs/heads/${target}^{commit}`);
  if (sha) return { name: "target", ok: true, level: "info", detail: `branch ${target} at ${sha.slice(0, 12)}` };
  return {
    name: "target",
    ok: false,
    level: "error",
    detail: `the target branch ${target} does not exist`,
    fix: `Create it (git branch ${target}) or set "target" in .lanes/config.json to the branch lanes should land on.`
  };
}
async function cleanCheck(repo) {
  const files = (await statusPorcelain(repo.mainRoot, { trackedOnly: true })).map((e) => e.path);
  if (files.length === 0) return { name: "main worktree", ok: true, level: "info", detail: "clean" };
  const shown = files.slice(0, 10).join(", ") + (files.length > 10 ? `, and ${files.length - 10} more` : "");
  return {
    name: "main worktree",
    ok: false,
    level: "warn",
    detail: `${files.length} uncommitted change${files.length === 1 ? "" : "s"} in ${repo.mainRoot}: ${shown}`,
    fix: "Commit or stash them: Lanes will not advance a checked-out target branch over uncommitted changes."
  };
}
async function stateDirCheck(repo) {
  const name = "state dir";
  let st;
  try {
    st = await fs9.promises.lstat(repo.stateDir);
  } catch (e) {
    if (e.code === "ENOENT")
      return { name, ok: true, level: "info", detail: `${repo.stateDir} (created on first use)` };
    throw e;
  }
  if (st.isSymbolicLink()) {
    return {
      name,
      ok: false,
      level: "error",
      detail: `${repo.stateDir} is a symlink; Lanes refuses to keep its state through one`,
      fix: `Remove the symlink (rm ${repo.stateDir}); Lanes recreates the directory.`
    };
  }
  if (!st.isDirectory()) {
    return { name, ok: false, level: "error", detail: `${repo.stateDir} is not a directory`, fix: `Move ${repo.stateDir} out of the way.` };
  }
  return { name, ok: true, level: "info", detail: repo.stateDir };
}
function dotSegmentCheck(repo, cfg) {
  const name = "dot segments";
  const problems = [];
  const fixes = [];
  const lanesAt = path8.join(repo.mainRoot, cfg.worktrees.dir);
  const lanesDot = dotSegment(lanesAt);
  if (lanesDot) {
    problems.push(`lanes are made under ${lanesAt} ("${lanesDot}")`);
    fixes.push(
      dotSegment(repo.mainRoot) ? `move the repository out of ${repo.mainRoot} (it is itself under "${dotSegment(repo.mainRoot)}")` : 'set "worktrees": { "dir": "worktrees" } (or another name without a leading ".") in .lanes/config.json'
    );
  }
  let gatesAt;
  try {
    gatesAt = integrationBase(repo, cfg.merge.integration_dir);
  } catch (e) {
    return { name, ok: false, level: "warn", detail: `cannot tell where gate checkouts go: ${e.message}` };
  }
  const gatesDot = dotSegment(gatesAt);
  if (gatesDot) {
    problems.push(`gate checkouts are made under ${gatesAt} ("${gatesDot}")`);
    fixes.push(
      'set "merge": { "integration_dir": "../<repo>-lanes" } (or another absolute path without a segment starting with ".") in .lanes/config.json'
    );
  }
  if (!problems.length) return { name, ok: true, level: "info", detail: `lanes under ${lanesAt}, gate checkouts under ${gatesAt}` };
  return {
    name,
    ok: false,
    level: "warn",
    detail: `${problems.join("; ")}: test suites that refuse paths with a segment starting with "." (express, send) fail there`,
    fix: fixes.join("; ")
  };
}
async function worktreesDirCheck(repo, cfg) {
  const name = "worktrees dir";
  const root = fs9.realpathSync(repo.mainRoot);
  const want = path8.join(root, cfg.worktrees.dir);
  let existing = want;
  while (!fs9.lstatSync(existing, { throwIfNoEntry: false }) && existing !== root) existing = path8.dirname(existing);
  let real;
  try {
    real = await fs9.promises.realpath(existing);
  } catch {
    return {
      name,
      ok: false,
      level: "error",
      detail: `${path8.relative(root, existing)} is a dangling symlink`,
      fix: "Replace it with a real directory inside the repository."
    };
  }
  if (real === root || real.startsWith(root + path8.sep)) return { name, ok: true, level: "info", detail: want };
  return {
    name,
    ok: false,
    level: "error",
    detail: `${path8.relative(root, existing) || existing} resolves to ${real}, outside the repository`,
    fix: `Replace the symlink with a real directory, or set "worktrees.dir" in .lanes/config.json to a path inside the repository.`
  };
}

// src/core/doctor/resource-checks.ts
function resourceChecks(res, cfg, laneDiskMb) {
  const r = cfg.resources;
  const out = [];
  const cpuDetail = `${res.cpus} CPU${res.cpus === 1 ? "" : "s"}, load ${res.load1} (${res.load_per_cpu} per CPU)`;
  out.push(
    res.load_per_cpu > r.max_load_per_cpu ? {
      name: "cpu",
      ok: false,
      level: "warn",
      detail: `${cpuDetail}, above the ${r.max_load_per_cpu} per CPU limit`,
      fix: "Wait for other work to finish, or raise resources.max_load_per_cpu in .lanes/config.json."
    } : { name: "cpu", ok: true, level: "info", detail: cpuDetail }
  );
  const need = r.min_free_memory_mb + r.memory_per_agent_mb;
  const memDetail = `${res.mem_available_mb} MB available of ${res.mem_total_mb} MB`;
  out.push(
    res.mem_available_mb < need ? {
      name: "memory",
      ok: false,
      level: "warn",
      detail: `${memDetail}: less than one agent (${r.memory_per_agent_mb} MB) above the ${r.min_free_memory_mb} MB floor`,
      fix: "Close other programs, or lower resources.min_free_memory_mb / memory_per_agent_mb in .lanes/config.json."
    } : { name: "memory", ok: true, level: "info", detail: memDetail }
  );
  const lane = r.disk_per_lane_mb || laneDiskMb;
  const diskDetail = `${res.disk_free_mb} MB free of ${res.disk_total_mb} MB at ${res.disk_path}${lane ? `; a lane needs about ${lane} MB` : ""}`;
  if (res.sources.disk === "unavailable") {
    out.push({ name: "disk", ok: false, level: "warn", detail: `could not measure free disk space at ${res.disk_path}` });
  } else if (res.disk_free_mb < r.min_free_disk_mb) {
    out.push({
      name: "disk",
      ok: false,
      level: "error",
      detail: `${diskDetail}: below the ${r.min_free_disk_mb} MB floor`,
      fix: "Free disk space, or lower resources.min_free_disk_mb in .lanes/config.json."
    });
  } else if (lane && res.disk_free_mb < r.min_free_disk_mb + lane) {
    out.push({
      name: "disk",
      ok: false,
      level: "warn",
      detail: `${diskDetail}: not enough for one more lane above the ${r.min_free_disk_mb} MB floor`,
      fix: "Free disk space."
    });
  } else {
    out.push({ name: "disk", ok: true, level: "info", detail: diskDetail });
  }
  return out;
}

// src/core/doctor/doctor.ts
function gitVersionCheck(v) {
  const need = `${MIN_GIT[0]}.${MIN_GIT[1]}`;
  if (!v.installed) {
    return {
      name: "git",
      ok: false,
      level: "error",
      detail: `git is not installed or could not be run${v.error ? ` (${v.error})` : ""}`,
      fix: `Install git >= ${need}.`
    };
  }
  if (atLeast(v)) return { name: "git", ok: true, level: "info", detail: `git ${showVersion(v)}` };
  return {
    name: "git",
    ok: false,
    level: "error",
    detail: `git ${v.major}.${v.minor} is too old: Lanes needs git >= ${need} for git merge-tree --write-tree`,
    fix: `Upgrade git to ${need} or newer.`
  };
}
async function checkResources(cwd, opts = {}) {
  const resourcesP = readResources(cwd, opts);
  const [gitCheck, repoOrErr] = await Promise.all([
    guard("git", async () => gitVersionCheck(await gitVersion())),
    resolveRepo(cwd).catch((e) => e)
  ]);
  const checks = [gitCheck];
  let cfg;
  let laneDiskMb;
  if (repoOrErr instanceof Error || !repoOrErr) {
    const e = repoOrErr;
    checks.push({
      name: "repository",
      ok: false,
      level: "error",
      detail: isLanesError(e) ? e.message : errorMessage(e),
      fix: isLanesError(e) && e.hint ? e.hint : "Run Lanes from inside a git repository."
    });
  } else {
    const repo = repoOrErr;
    checks.push({ name: "repository", ok: true, level: "info", detail: repo.mainRoot });
    checks.push(
      repo.hasCommits ? { name: "commits", ok: true, level: "info", detail: "HEAD has a commit" } : {
        name: "commits",
        ok: false,
        level: "error",
        detail: "the repository has no commits yet, so there is nothing to branch lanes from",
        fix: 'Make a first commit, e.g. git commit --allow-empty -m "initial commit".'
      }
    );
    let configCheck;
    [cfg, configCheck] = await loadConfigChecked(repo);
    checks.push(configCheck);
    const config = cfg;
    const more = await Promise.all([
      repo.hasCommits ? guard("target", () => targetCheck(repo, config.target)) : void 0,
      guard("main worktree", () => cleanCheck(repo)),
      guard("state dir", () => stateDirCheck(repo)),
      guard("worktrees dir", () => worktreesDirCheck(repo, config)),
      guard("dot segments", async () => dotSegmentCheck(repo, config)),
      repo.hasCommits && config.resources.disk_per_lane_mb === 0 ? estimateLaneDiskMb(repo.worktreeRoot).catch(() => void 0) : void 0
    ]);
    laneDiskMb = more.pop();
    for (const c of more) if (c) checks.push(c);
  }
  cfg ??= parseConfig({}, "defaults");
  const resources = await resourcesP;
  checks.push(...resourceChecks(resources, cfg, laneDiskMb));
  const parallelism = recommendParallelism(resources, cfg, laneDiskMb === void 0 ? {} : { lane_disk_mb: laneDiskMb });
  return { ok: checks.every((c) => c.ok || c.level !== "error"), checks, resources, parallelism };
}

// src/render/doctor.ts
function renderDoctor(d) {
  const lines = d.checks.map(
    (c) => `${c.ok ? "ok  " : c.level === "error" ? "FAIL" : "warn"} ${safeText(c.name)}: ${safeText(c.detail)}${!c.ok && c.fix ? `
     fix: ${safeText(c.fix)}` : ""}`
  );
  lines.push(`Recommended parallelism: ${d.parallelism.parallelism} (${safeText(d.parallelism.reason)})`);
  lines.push(d.ok ? "Lanes can run here." : "Lanes cannot run here until the failed checks are fixed.");
  return lines.join("\n");
}

// src/core/lanes/cleanup.ts
async function cleanupLanes(project, opts = {}) {
  const recovered = opts.dryRun ? [] : await recoverOrphans(project);
  const out = {
    removed: [],
    kept: [],
    freed_bytes: 0,
    recovered: recovered.length,
    ...opts.dryRun ? { dry_run: true } : {}
  };
  const doc = (await project.store.read(LANES_DOC)).data;
  const { tasks } = await readPlan(project.store);
  for (const lane of Object.values(doc).sort((x, y) => x.task.localeCompare(y.task))) {
    const keep = (reason) => out.kept.push({ task_id: lane.task, path: lane.path, reason });
    if (lane.state === "starting") {
      keep(`still being started by ${lane.owner}`);
      continue;
    }
    try {
      const t = Object.hasOwn(tasks, lane.task) ? tasks[lane.task] : void 0;
      const a = await assessLane(project, lane, t);
      if (a.blocked) {
        keep(a.blocked);
        continue;
      }
      if (a.unlanded.length) {
        const missing = a.exists ? "" : ` (directory missing; keep them with \`git branch <name> ${a.unlanded[0].short}\`, then run gc again)`;
        keep(
          `${a.unlanded.length}${a.unlanded.length >= LIST_LIMIT ? "+" : ""} commit(s) not landed on ${lane.target} and kept by no other ref${missing}:
${describeCommits(a.unlanded)}`
        );
        continue;
      }
      if (a.exists && a.dirty.length) {
        keep(`${a.dirty.length} uncommitted file(s), e.g. ${safeText(a.dirty[0].path)}`);
        continue;
      }
      if (a.ignored.length) {
        keep(
          `${a.ignored.length} ignored file(s) removal would delete (move them out, or list caches in worktrees.disposable_ignored):
${describeIgnored(a.ignored)}`
        );
        continue;
      }
      const stale = !a.exists;
      if (!stale && t?.status === "in_progress" && !t.landed_as) {
        keep(`task in progress (owner ${safeText(t.owner ?? lane.owner)})`);
        continue;
      }
      const size = a.exists ? await diskUsage(lane.path) : 0;
      const done = opts.dryRun ? planTeardown(lane, a) : await teardownLane(project, lane, a);
      if (!opts.dryRun) await failpoint("lanes.gc.after-teardown");
      const why = stale ? "stale record: directory missing, nothing unlanded" : lane.state === "broken" ? "broken lane with nothing to lose" : `finished (${a.landedBy === "no-commits" ? "no commits" : "landed"}) and clean`;
      const reason = [why, ...opts.dryRun ? [] : done.notes].join("; ");
      out.removed.push({ task_id: lane.task, path: lane.path, reason, freed_bytes: size, backup_refs: done.backup_refs });
      out.freed_bytes += size;
    } catch (e) {
      keep(errorMessage(e));
    }
  }
  const cfg = await project.config();
  const dir = lanesDir(project.repo, cfg.worktrees.dir);
  const known = new Set(Object.values(doc).map((l) => l.path));
  for (const w of await listWorktrees(project.repo.mainRoot)) {
    if (known.has(w.path) || !isInside(dir, w.path) || w.path === dir) continue;
    out.kept.push({
      path: w.path,
      reason: `not a lane (no Lanes record)${w.branch ? ` on ${w.branch.replace(/^refs\/heads\//, "")}` : ""}; Lanes leaves it alone \u2014 remove it with git worktree remove if it is unneeded`
    });
  }
  out.kept.sort((x, y) => path9.basename(x.path).localeCompare(path9.basename(y.path)));
  return out;
}

// src/core/sessions/read.ts
async function logSession(project, input, key = sessionKey(input.session_key)) {
  if (input.id !== void 0) assertSlug(input.id, "session id");
  const text = redact(normalizeText(input.text));
  if (text === "") throw new LanesError("INVALID_INPUT", "The entry text is empty.", { hint: "Say what happened in a sentence or two." });
  if (text.length > ENTRY_TEXT_MAX) {
    throw new LanesError("INVALID_INPUT", `The entry is ${text.length} characters; the limit is ${ENTRY_TEXT_MAX}.`, {
      hint: "Summarise it, or split it into several entries."
    });
  }
  const first = findCurrent(await readSessions(project.store), project.repo.worktreeRoot, key, input.id);
  return withSessionLock(project, first.id, async () => {
    const rec = (await readSessions(project.store))[first.id] ?? first;
    if (rec.status !== "active") {
      throw new LanesError("CONFLICT", `Session ${rec.id} has already ended (${rec.status}).`, {
        hint: `Its note is final. Start a new session with ${act("start_session")} to keep logging.`
      });
    }
    const note = readNoteFile(rec) ?? noteFromRecord(rec, path10.basename(project.repo.mainRoot));
    if (entryCount(note) >= ENTRIES_MAX) {
      throw new LanesError("INVALID_INPUT", `Session ${rec.id} already holds ${ENTRIES_MAX} entries.`, {
        hint: `End this session with ${act("end_session")} and start a new one.`
      });
    }
    const entry = { at: isoNow(), text };
    entriesOf(note, input.kind).push(entry);
    writeNote(rec, note);
    return {
      session: rec,
      kind: input.kind,
      entry,
      counts: {
        progress: note.progress.length,
        decision: note.decisions.length,
        issue: note.issues.length,
        next_step: note.next_steps.length
      }
    };
  });
}
async function getSession(project, id) {
  assertSlug(id, "session id");
  const rec = own(await readSessions(project.store), id);
  if (!rec)
    throw new LanesError("NOT_FOUND", `There is no session "${id}".`, {
      hint: `${act("list_sessions")} shows the known sessions (query searches topics and summaries).`
    });
  const found = await findNoteText(rec, project.repo.mainRoot, await targetRevsIfGone(project, rec));
  if (!found) return { session: rec, note: null, markdown: null, source: null };
  return { session: rec, note: parseNote(found.text, found.from), markdown: found.text, source: found.from };
}
async function targetRevsIfGone(project, rec) {
  return fs10.existsSync(noteFile(rec)) ? [] : targetRevs(project);
}
async function listSessions(project, filter = {}) {
  if (filter.task_id !== void 0) assertSlug(filter.task_id);
  return filterSessions(await readSessions(project.store), filter);
}

// src/render/plan.ts
function renderPlan(plan, tasks) {
  const lines = [];
  const status2 = (id) => {
    const t = own(tasks, id);
    return t ? ` [${safeText(t.status)}]` : "";
  };
  lines.push(`Plan: ${plan.tasks.length} tasks in ${plan.waves.length} waves${plan.source ? ` (from ${safeText(plan.source)})` : ""}`);
  plan.waves.forEach((w, i) => lines.push(`  wave ${i + 1}: ${w.map((id) => id + status2(id)).join(", ")}`));
  if (plan.conflicts.length) {
    lines.push(`Conflicts (never run together): ${plan.conflicts.length}`);
    for (const c of plan.conflicts.slice(0, 20)) lines.push(`  ${c.a} <-> ${c.b}: ${safeText(c.files.join("; "))}`);
    if (plan.conflicts.length > 20) lines.push(`  ... ${plan.conflicts.length - 20} more`);
  } else {
    lines.push("Conflicts: none (every pair of tasks touches disjoint files)");
  }
  lines.push(`Critical path: ${plan.critical_path.join(" -> ")} (${plan.critical_path_hours} h)`);
  lines.push(
    `Sequential ${plan.sequential_hours} h; parallel ${plan.parallel_hours} h at parallelism ${plan.parallelism} (lower bound ${plan.lower_bound_hours} h); speedup ${plan.speedup}x`
  );
  for (const w of plan.warnings ?? []) lines.push(`Warning: ${safeText(w)}`);
  return lines.join("\n");
}
function renderPlanWork(r) {
  const lines = [renderPlan(r.plan), `Recommended parallelism: ${r.recommended_parallelism} (${safeText(r.parallelism_reason)})`];
  const m = r.at_max_parallel;
  if (m.parallelism > r.recommended_parallelism) {
    lines.push(`With ${m.parallelism} lanes (when the machine allows): ${m.parallel_hours} h, speedup ${m.speedup}x`);
  }
  return lines.join("\n");
}

// src/core/lanes/list.ts

// src/core/merge/needs-fix.ts
var MAX_FILES = 3;
async function needsFixByTask(root, target, queue, tasks, tips, notices) {
  const out = /* @__PURE__ */ new Map();
  const latest = /* @__PURE__ */ new Map();
  const active = /* @__PURE__ */ new Set();
  for (const e of queue.entries) {
    if (e.kind !== "land" || typeof e.task !== "string") continue;
    if (isActive(e)) active.add(e.task);
    const prev = latest.get(e.task);
    if (!prev || e.seq > prev.seq) latest.set(e.task, e);
  }
  const done = (task) => Object.hasOwn(tasks, task) && tasks[task]?.status === "done";
  for (const [task, e] of latest) {
    if (e.state !== "failed" || active.has(task) || done(task)) continue;
    const nf = { ...describeFailure(e), entry: e.id };
    if (e.finished_at) nf.since = e.finished_at;
    out.set(task, nf);
  }
  const recorded = Object.entries(queue.lane_conflicts).filter(
    ([task, c]) => !out.has(task) && !done(task) && c && Array.isArray(c.files) && c.files.length
  );
  await Promise.all(
    recorded.map(async ([task, c]) => {
      const tip = tips.get(task);
      if (tip && c.target && await isAncestor(root, c.target, tip).catch(() => false)) return;
      const told = notices && Object.hasOwn(notices, task) ? notices[task]?.delivered_at : void 0;
      out.set(task, { kind: "conflict", reason: conflictReason(target, c.files), ...told ? { told_at: told } : {} });
    })
  );
  return out;
}
function describeFailure(e) {
  const f = e.failure;
  if (f?.kind === "conflict") return { kind: "conflict", reason: conflictReason(e.target, f.files ?? []) };
  if (f?.kind === "gate") {
    const run = e.gates?.find((g) => !g.ok && g.name === f.gate) ?? e.gates?.find((g) => !g.ok);
    const how = run?.timed_out ? "timed out" : run?.signal ? `was killed (${run.signal})` : "failed";
    const n = failingCount(f.output_tail ?? "");
    return { kind: "gate", reason: `gate ${f.gate ?? run?.name ?? "?"} ${how}${n ? `, ${n} failing` : ""}` };
  }
  const first = (e.last_error ?? "").split("\n")[0].trim();
  return { kind: "error", reason: first ? clip(first, 160) : "the merge failed" };
}
function conflictReason(target, files) {
  const shown = files.slice(0, MAX_FILES).join(", ");
  const more = files.length > MAX_FILES ? ` and ${files.length - MAX_FILES} more` : "";
  return `conflicts with ${target}${shown ? ` in ${shown}${more}` : ""}`;
}
function failingCount(tail) {
  let n;
  for (const m of tail.matchAll(/\b(\d{1,7})\s+(?:tests?\s+)?(?:failed|failing|failures?)\b/gi)) n = Number(m[1]);
  return n && n > 0 ? n : void 0;
}
function clip(s, n) {
  return s.length > n ? `${s.slice(0, n - 1)}\u2026` : s;
}
function appliesTo(nf, createdAt) {
  if (!nf) return false;
  const made = createdAt ? Date.parse(createdAt) : Number.NaN;
  const since = nf.since ? Date.parse(nf.since) : Number.NaN;
  return !(made > since);
}
function needsFixFirst(list) {
  return [...list.filter((l) => l.needs_fix), ...list.filter((l) => !l.needs_fix)];
}

// src/util/map-limit.ts
async function mapLimit(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  return out;
}

// src/core/lanes/list.ts
var MAX_DIRTY = 50;
async function listLanes(project, opts = {}) {
  if (opts.recover !== false) await recoverOrphans(project);
  const cfg = await project.config();
  const root = project.repo.mainRoot;
  const [doc, { tasks }, worktrees, targetSha, queue] = await Promise.all([
    project.store.read(LANES_DOC),
    readPlan(project.store),
    listWorktrees(root),
    resolveCommit(root, cfg.target),
    project.store.read(MERGE_DOC).then((d) => d.data)
  ]);
  const byPath = new Map(worktrees.map((w) => [w.path, w]));
  const records = Object.values(doc.data).sort((a, b) => a.task.localeCompare(b.task));
  const views = await mapLimit(records, 4, async (rec) => {
    const wt = byPath.get(rec.path);
    const v = {
      task_id: rec.task,
      kind: "lane",
      state: rec.state,
      owner: rec.owner,
      path: rec.path,
      branch: rec.branch,
      base: rec.base,
      missing: !fs11.existsSync(rec.path),
      dirty: [],
      dirty_count: 0,
      untracked_count: 0
    };
    const ts = Object.hasOwn(tasks, rec.task) ? tasks[rec.task]?.status : void 0;
    if (ts) v.task_status = ts;
    if (rec.problem) v.problem = rec.problem;
    if (wt?.locked !== void 0) v.locked = wt.locked;
    if (wt?.prunable !== void 0) v.prunable = wt.prunable;
    await describe(project, v, `refs/heads/${rec.branch}`, targetSha, rec.base);
    return v;
  });
  let dir;
  try {
    dir = lanesDir(project.repo, cfg.worktrees.dir);
  } catch {
    dir = void 0;
  }
  const known = new Set(records.map((r) => r.path));
  const foreign = worktrees.filter((w) => dir && !known.has(w.path) && isInside(dir, w.path) && w.path !== dir);
  const foreignViews = await mapLimit(foreign, 4, async (w) => {
    const v = { kind: "foreign", path: w.path, missing: !fs11.existsSync(w.path), dirty: [], dirty_count: 0, untracked_count: 0 };
    if (w.branch) v.branch = w.branch.replace(/^refs\/heads\//, "");
    if (w.locked !== void 0) v.locked = w.locked;
    if (w.prunable !== void 0) v.prunable = w.prunable;
    await describe(project, v, w.branch ?? w.head ?? "HEAD", targetSha, void 0);
    return v;
  });
  const tips = new Map(views.filter((v) => v.task_id && v.head).map((v) => [v.task_id, v.head]));
  const notices = (await project.store.read(NOTICES_DOC)).data;
  const fixes = await needsFixByTask(root, cfg.target, queue, tasks, tips, notices);
  const made = new Map(records.map((rec) => [rec.task, rec.created_at]));
  for (const v of views) {
    const nf = v.task_id ? fixes.get(v.task_id) : void 0;
    if (appliesTo(nf, made.get(v.task_id))) v.needs_fix = nf;
  }
  const out = { target: cfg.target, lanes: needsFixFirst([...views, ...foreignViews]) };
  if (targetSha) out.target_sha = targetSha;
  return out;
}
async function describe(project, v, ref, targetSha, base) {
  const root = project.repo.mainRoot;
  const tip = await resolveCommit(root, ref).catch(() => void 0);
  if (tip) v.head = tip;
  const jobs = [];
  if (!v.missing) {
    jobs.push(
      statusPorcelain(v.path, { collapseUntracked: true }).then(
        (st) => {
          v.dirty_count = st.length;
          v.untracked_count = st.filter((e) => e.code === "??").length;
          v.dirty = st.slice(0, MAX_DIRTY).map((e) => `${e.code.trim()} ${e.path}`);
        },
        (e) => {
          v.problem = v.problem ?? `git status failed: ${e.message.split("\n")[0]}`;
        }
      )
    );
  }
  if (tip && targetSha) {
    jobs.push(aheadBehind(root, tip, targetSha).then((ab) => Object.assign(v, ab)));
  }
  if (base && targetSha) {
    jobs.push(
      countCommits(root, [`${base}..${targetSha}`]).then((n) => {
        v.base_behind_target = n;
      })
    );
  }
  let last = 0;
  if (tip) jobs.push(commitTimeMs(root, tip).then((t) => last = Math.max(last, t)));
  const admin = adminDirFor(project.repo.commonDir, v.path);
  if (admin) {
    try {
      last = Math.max(last, fs11.statSync(path11.join(admin, "index")).mtimeMs);
    } catch {
    }
  }
  await Promise.all(jobs.map((j) => j.catch(() => void 0)));
  if (last > 0) v.last_activity = new Date(last).toISOString();
}

// src/core/plan/ready.ts
function readyTasks(plan, tasks, slots) {
  const byId = new Map(plan.tasks.map((t) => [t.id, t]));
  const conflictsOf = /* @__PURE__ */ new Map();
  for (const c of plan.conflicts) {
    if (!conflictsOf.has(c.a)) conflictsOf.set(c.a, /* @__PURE__ */ new Set());
    if (!conflictsOf.has(c.b)) conflictsOf.set(c.b, /* @__PURE__ */ new Set());
    conflictsOf.get(c.a).add(c.b);
    conflictsOf.get(c.b).add(c.a);
  }
  const running = plan.tasks.filter((t) => tasks[t.id]?.status === "in_progress");
  if (running.some((t) => !t.parallel_ok)) return [];
  const rank = tailHours(plan);
  const candidates = plan.tasks.filter((t) => (tasks[t.id]?.status ?? "planned") === "planned").filter((t) => t.depends_on.every((d) => tasks[d]?.status === "done")).sort((x, y) => rank.get(y.id) - rank.get(x.id) || x.id.localeCompare(y.id));
  const chosen = [];
  const busy = new Set(running.map((t) => t.id));
  for (const t of candidates) {
    if (chosen.length >= slots) break;
    if (!t.parallel_ok && (busy.size > 0 || chosen.length > 0)) continue;
    const cs = conflictsOf.get(t.id);
    if (cs && [...busy].some((b) => cs.has(b))) continue;
    chosen.push({ task: byId.get(t.id), priority_hours: round22(rank.get(t.id)) });
    busy.add(t.id);
    if (!t.parallel_ok) break;
  }
  return chosen;
}
function tailHours(plan) {
  const dependents = /* @__PURE__ */ new Map();
  for (const t of plan.tasks) for (const d of t.depends_on) (dependents.get(d) ?? dependents.set(d, []).get(d)).push(t.id);
  const est = new Map(plan.tasks.map((t) => [t.id, t.estimate]));
  const memo = /* @__PURE__ */ new Map();
  const order = plan.waves.flat().reverse();
  for (const id of order) {
    let best = 0;
    for (const c of dependents.get(id) ?? []) best = Math.max(best, memo.get(c) ?? 0);
    memo.set(id, (est.get(id) ?? 1) + best);
  }
  return memo;
}
function round22(n) {
  return Math.round(n * 100) / 100;
}

// src/core/plan/planning.ts

// src/core/plan/sources.ts
var import_yaml = __toESM(require_dist(), 1);

// src/core/plan/roadmap.ts
var HEADING = /^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
var PRIORITY = /^priority\s+#?(\d+)\s*(?:[:.)\-\u2013\u2014]\s*)?(.*)$/i;
var META = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?\s*(status|depends on|depends|dependencies|files|estimate)\s*(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.*?)\s*$/i;
var BULLET = /^\s*[-*+]\s+(.+?)\s*$/;
var PLANNED = /^(planned|todo|to do|not started|pending|ready)\b/;
function fail(file, line, msg, hint) {
  return new LanesError("INVALID_INPUT", `${file}:${line}: ${msg}`, { hint, details: { file, line } });
}
function sections(text) {
  const out = [];
  let cur;
  let fence = false;
  text.split(/\r?\n/).forEach((raw, i) => {
    const delimiter = /^\s*(```|~~~)/.test(raw);
    if (delimiter) fence = !fence;
    const h = fence ? null : HEADING.exec(raw);
    if (h) {
      const level = h[1].length;
      if (cur && level <= cur.level) cur = void 0;
      const p = PRIORITY.exec(h[2]);
      if (p) {
        cur = { n: Number(p[1]), title: p[2].trim(), line: i + 1, level, body: [] };
        out.push(cur);
        return;
      }
    }
    cur?.body.push({ text: raw, line: i + 1, fenced: fence || delimiter });
  });
  return out;
}
var unmark = (s) => s.replace(/[`*_]/g, "").trim();
function hours(value, file, line) {
  const m = /^~?\s*(\d+(?:\.\d+)?)\s*(h|hrs?|hours?|m|mins?|minutes?|d|days?)?\.?$/i.exec(unmark(value));
  if (!m)
    throw fail(
      file,
      line,
      `cannot read the estimate "${value}"`,
      'Write the estimate in hours, e.g. "Estimate: 3h", "90m" or "1.5 hours".'
    );
  const x = Number(m[1]);
  const unit = (m[2] ?? "h").toLowerCase();
  return unit.startsWith("m") ? x / 60 : unit.startsWith("d") ? x * 8 : x;
}
function fileItems(value) {
  const ticked = [...value.matchAll(/`([^`]+)`/g)].map((m) => m[1].trim());
  if (ticked.length) return ticked;
  return value.split(",").map(unmark).filter(Boolean);
}
function parseRoadmap(text, file) {
  const all = sections(text);
  if (all.length === 0) {
    throw new LanesError("INVALID_INPUT", `${file}: no "### PRIORITY N: Title" sections found.`, {
      hint: 'Give each piece of work a heading like "### PRIORITY 1: Add login" with a "Status: Planned" line under it.'
    });
  }
  const byN = /* @__PURE__ */ new Map();
  for (const s of all) {
    const prev = byN.get(s.n);
    if (prev)
      throw fail(file, s.line, `PRIORITY ${s.n} is used twice (also line ${prev.line})`, "Give each section its own priority number.");
    byN.set(s.n, s);
  }
  const status2 = /* @__PURE__ */ new Map();
  for (const s of all) {
    const line = s.body.find((b) => !b.fenced && META.exec(b.text)?.[1]?.toLowerCase() === "status");
    const value = line ? unmark(META.exec(line.text)[2]) : "";
    status2.set(s.n, value.toLowerCase().replace(/^[^a-z]+/, ""));
  }
  const planned = all.filter((s) => PLANNED.test(status2.get(s.n) ?? ""));
  if (planned.length === 0) {
    const seen = [...new Set(all.map((s) => status2.get(s.n) || "no status"))].join(", ");
    throw new LanesError("INVALID_INPUT", `${file}: no section is Planned (statuses found: ${seen}).`, {
      hint: 'Mark the sections to do with a "Status: Planned" line.'
    });
  }
  const idOf = (s) => {
    const prefix = `p${s.n}-`;
    return prefix + slugify(s.title || `priority ${s.n}`, 63 - prefix.length);
  };
  return planned.map((s) => {
    const task = { id: idOf(s), title: (s.title || `Priority ${s.n}`).slice(0, PLAN_LIMITS.maxTitle) };
    const desc = [];
    const deps = [];
    const files = [];
    let fileList = "no";
    for (const b of s.body) {
      if (b.fenced) {
        desc.push(b.text);
        fileList = "no";
        continue;
      }
      const bullet = BULLET.exec(b.text);
      if (fileList !== "no" && bullet && !META.test(b.text)) {
        files.push(...fileItems(bullet[1]));
        fileList = "list";
        continue;
      }
      if (!(fileList === "await" && b.text.trim() === "")) fileList = "no";
      const m = META.exec(b.text);
      if (!m) {
        desc.push(b.text);
        continue;
      }
      const key = m[1].toLowerCase();
      const value = m[2];
      if (key === "files") {
        files.push(...fileItems(value));
        fileList = value === "" ? "await" : "no";
      } else if (key === "estimate") task.estimate = hours(value, file, b.line);
      else if (key !== "status") deps.push(...dependencies(value, byN, status2, idOf, file, b.line));
    }
    const description = desc.join("\n").trim();
    if (description) task.description = description.slice(0, PLAN_LIMITS.maxDescription);
    if (deps.length) task.depends_on = [...new Set(deps)];
    if (files.length) task.files = files;
    return task;
  });
}
function dependencies(value, byN, status2, idOf, file, line) {
  const out = [];
  for (const raw of value.split(/,|;|\band\b/i)) {
    const item = unmark(raw);
    if (!item || /^(none|nothing|n\/a|-)$/i.test(item)) continue;
    const ref = /^(?:priority|p)\s*#?(\d+)$/i.exec(item);
    if (!ref) {
      out.push(item);
      continue;
    }
    const target = byN.get(Number(ref[1]));
    if (!target) throw fail(file, line, `"${item}" names no PRIORITY section`, 'Depend on an existing "PRIORITY N" or on a task id.');
    if (PLANNED.test(status2.get(target.n) ?? "")) out.push(idOf(target));
  }
  return out;
}

// src/core/plan/sources.ts
async function loadTasksSource(file) {
  const text = await readSource(file);
  const ext = path12.extname(file).toLowerCase();
  if (ext === ".md" || ext === ".markdown") return parseRoadmap(text, file);
  const json = ext === ".json" || ext !== ".yaml" && ext !== ".yml" && /^\s*[[{]/.test(text);
  return taskList(json ? parseJson(text, file) : parseYamlText(text, file), file);
}
async function readSource(file) {
  let stat;
  try {
    stat = await fs12.stat(file);
  } catch (e) {
    if (e.code === "ENOENT") {
      throw new LanesError("NOT_FOUND", `Tasks file not found: ${file}`, {
        hint: "Pass the path of a tasks .yaml/.json file or a ROADMAP.md, relative to the current directory."
      });
    }
    throw new LanesError("INVALID_INPUT", `Cannot read tasks file ${file}: ${e.message}`, { cause: e });
  }
  if (!stat.isFile()) {
    throw new LanesError("INVALID_INPUT", `Not a file: ${file}`, { hint: "Pass a tasks .yaml/.json file or a ROADMAP.md." });
  }
  if (stat.size > PLAN_LIMITS.maxSourceBytes) {
    throw new LanesError(
      "INVALID_INPUT",
      `Tasks file ${file} is ${stat.size} bytes, more than the ${PLAN_LIMITS.maxSourceBytes} allowed.`,
      {
        hint: "Split the plan, or move long descriptions out of the tasks file."
      }
    );
  }
  return (await fs12.readFile(file, "utf8")).replace(/^\uFEFF/, "");
}
function syntaxError(file, kind, line, col, reason) {
  const where = line === void 0 ? file : `${file}:${line}${col === void 0 ? "" : `:${col}`}`;
  return new LanesError("INVALID_INPUT", `${where}: invalid ${kind}: ${reason}`, {
    hint: `Fix the ${kind} syntax${line === void 0 ? "" : ` at line ${line}`} and try again.`,
    details: { file, ...line === void 0 ? {} : { line }, ...col === void 0 ? {} : { column: col } }
  });
}
function parseJson(text, file) {
  try {
    return JSON.parse(text);
  } catch (e) {
    const reason = e.message.replace(/,? "[\s\S]*" is not valid JSON$/, "").replace(/ in JSON at position \d+.*$/, "");
    const at = jsonErrorOffset(text);
    const before = text.slice(0, at);
    const line = before.split("\n").length;
    return throwIt(syntaxError(file, "JSON", line, at - before.lastIndexOf("\n"), reason));
  }
}
var SCALAR = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
function jsonErrorOffset(text) {
  let i = 0;
  const ws = () => {
    while (i < text.length && " 	\n\r".includes(text[i])) i++;
  };
  const fail2 = () => {
    throw i;
  };
  const value = (depth) => {
    ws();
    const c = text[i];
    if (depth > 512) fail2();
    if (c === "{" || c === "[") {
      const close = c === "{" ? "}" : "]";
      i++;
      ws();
      if (text[i] === close) return void i++;
      for (; ; ) {
        if (c === "{") {
          ws();
          if (text[i] !== '"') fail2();
          value(depth + 1);
          ws();
          if (text[i] !== ":") fail2();
          i++;
        }
        value(depth + 1);
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === close) return void i++;
        else fail2();
      }
    }
    SCALAR.lastIndex = i;
    if (!SCALAR.test(text)) fail2();
    i = SCALAR.lastIndex;
  };
  try {
    value(0);
    ws();
    if (i < text.length) fail2();
  } catch (at) {
    if (typeof at === "number") return at;
    throw at;
  }
  return i;
}
function parseYamlText(text, file) {
  try {
    return (0, import_yaml.parse)(text);
  } catch (e) {
    if (e instanceof import_yaml.YAMLParseError) {
      const pos = e.linePos?.[0];
      return throwIt(syntaxError(file, "YAML", pos?.line, pos?.col, e.message.split(" at line ")[0] ?? e.message));
    }
    return throwIt(syntaxError(file, "YAML", void 0, void 0, e.message));
  }
}
function throwIt(e) {
  throw e;
}
function taskList(doc, file) {
  if (Array.isArray(doc)) return doc;
  if (doc && typeof doc === "object" && Array.isArray(doc.tasks)) return doc.tasks;
  throw new LanesError("INVALID_INPUT", `${file}: expected a list of tasks or an object with a "tasks" list.`, {
    hint: "Write `tasks:` followed by entries like `- id: api-auth` / `title: Add login` / `files: [src/api/**]`."
  });
}

// src/core/plan/planning.ts
async function planWork(project, input, cwd) {
  if (input.tasks === void 0 === (input.source === void 0)) {
    throw new LanesError(
      "INVALID_INPUT",
      "Give either `tasks` (a list) or `source` (a path to a tasks file or ROADMAP.md), not both or neither.",
      {
        hint: 'Example: { "tasks": [{ "id": "api", "title": "Build the API", "files": ["src/api/**"] }] }'
      }
    );
  }
  let tasks = input.tasks;
  let source;
  if (input.source !== void 0) {
    source = path13.resolve(cwd, input.source);
    tasks = await loadTasksSource(source);
  }
  const cfg = await project.config();
  const plain = plainScopes(parseTasks(tasks));
  const files = await filesAt(project.repo.mainRoot, `refs/heads/${cfg.target}`, plain);
  const draft = buildPlan(tasks, { parallelism: cfg.max_parallel, files });
  const width = Math.max(1, ...draft.waves.map((w) => w.length));
  const resources = await readResources(project.repo.mainRoot);
  const rec = recommendParallelism(resources, cfg, { width });
  const plan = await storePlan(project.store, tasks, {
    parallelism: rec.parallelism,
    files,
    ...source ? { source: path13.relative(project.repo.mainRoot, source) || source } : {},
    ...input.replace ? { replace: true } : {}
  });
  return {
    plan,
    recommended_parallelism: rec.parallelism,
    parallelism_reason: rec.reason,
    limits: rec.limits,
    resources,
    at_max_parallel: {
      parallelism: Math.min(cfg.max_parallel, width),
      parallel_hours: draft.parallel_hours,
      speedup: draft.speedup
    }
  };
}
function plainScopes(tasks) {
  const out = /* @__PURE__ */ new Set();
  for (const t of tasks) for (const f of t.files) if (isPlainScope(f)) out.add(f);
  return [...out];
}

// src/core/remote/status.ts
async function remoteBrief(project, target) {
  const { store, repo } = project;
  if (!store.shared) return { enabled: false };
  const at = lastFetch(store.dir, store.shared.remote.name);
  const out = { enabled: true, remote: store.shared.setting.remote, machine: hostName() };
  if (at !== void 0) {
    out.fetched_at = at;
    out.age_ms = Math.max(0, Date.now() - at);
  }
  const [remoteTip, localTip] = await Promise.all([
    refSha(repo.mainRoot, mirrorOfTarget(store.shared.remote.name, target)),
    refSha(repo.mainRoot, `refs/heads/${target}`)
  ]);
  out.target = { name: target, ...remoteTip ? { remote: remoteTip } : {}, ...localTip ? { local: localTip } : {} };
  const p = (await store.read(PROCESSOR_DOC)).data.leases[target];
  if (p) out.processor = { owner: p.owner, host: p.host, expires_at: p.expires_at };
  return out;
}
async function syncRemote(project, target) {
  await project.store.refresh();
  await syncTarget(project, target);
}
async function ownerMachines(project) {
  const here = hostName();
  const doc = (await project.store.read(OWNERS_DOC)).data;
  const out = /* @__PURE__ */ new Map();
  for (const l of Object.values(doc.leases ?? {})) if (l && typeof l.host === "string" && l.host !== here) out.set(l.owner, l.host);
  return out;
}

// src/core/status/claims.ts
async function readClaims(project) {
  const doc = (await project.store.read(CLAIMS_DOC)).data;
  const now = Date.now();
  const alive = /* @__PURE__ */ new Map();
  const here = hostName();
  return (Array.isArray(doc.claims) ? doc.claims : []).filter((c) => c && typeof c.owner === "string" && typeof c.pattern === "string" && goneReason(c, now, alive) === void 0).map((c) => {
    const s = { owner: c.owner, pattern: c.pattern, mode: c.mode, expires_at: c.expires_at };
    if (c.task) s.task = c.task;
    if (c.pid !== void 0) s.pid = c.pid;
    if (typeof c.host === "string" && c.host !== here) s.machine = c.host;
    return s;
  }).sort((a, b) => a.owner.localeCompare(b.owner) || a.pattern.localeCompare(b.pattern));
}

// src/core/status/brief.ts
function defined(o) {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== void 0));
}
function shorten(s, max) {
  return s.length > max ? `${s.slice(0, max - 1)}\u2026` : s;
}

// src/core/status/events.ts
function briefEvent(e) {
  const { ts, type, pid: _pid, task, ...rest } = e;
  const text = Object.entries(rest).filter(([, v]) => v !== void 0 && v !== null).map(
    ([k, v]) => `${k}=${typeof v === "string" ? v.replace(/\b([0-9a-f]{10})[0-9a-f]{30}(?:[0-9a-f]{24})?\b/g, "$1") : JSON.stringify(v)}`
  ).join(" ");
  const b = { ts, type, text: shorten(text, 240) };
  if (typeof task === "string") b.task = task;
  return b;
}

// src/core/status/lanes.ts
async function lanesToFix(root, target, queue, tasks, tips, notices) {
  return needsFixByTask(root, target, queue, tasks, taskTips(await tips), notices);
}
function withTaskState(lanes, tasks, fixes) {
  for (const l of lanes) if (l.task_id && Object.hasOwn(tasks, l.task_id)) l.task_status = tasks[l.task_id].status;
  for (const l of lanes) {
    const nf = l.kind === "lane" && l.task_id ? fixes.get(l.task_id) : void 0;
    if (appliesTo(nf, l.created_at)) l.needs_fix = nf;
  }
  return needsFixFirst(lanes);
}
async function readLanes(project, relDir, target, tipsP) {
  const root = project.repo.mainRoot;
  const [doc, worktrees, tips, targetSha] = await Promise.all([project.store.read(LANES_DOC), listWorktrees(root), tipsP, target]);
  const admins = adminDirs(project.repo.commonDir);
  const byPath = new Map(worktrees.map((w) => [w.path, w]));
  const now = Date.now();
  const records = Object.values(doc.data).sort((a, b) => a.task.localeCompare(b.task));
  const views = records.map((rec) => {
    const v = {
      kind: "lane",
      task_id: rec.task,
      state: rec.state,
      owner: rec.owner,
      branch: rec.branch,
      path: rec.path,
      missing: !fs13.existsSync(rec.path),
      dirty_count: 0,
      untracked_count: 0,
      created_at: rec.created_at
    };
    const age2 = now - Date.parse(rec.created_at);
    if (Number.isFinite(age2)) v.age_s = Math.max(0, Math.round(age2 / 1e3));
    if (rec.problem) v.problem = rec.problem;
    if (!v.missing && !byPath.has(rec.path)) v.problem ??= "not registered as a git worktree";
    return v;
  });
  let dir;
  try {
    dir = lanesDir(project.repo, relDir);
  } catch {
    dir = void 0;
  }
  const known = new Set(records.map((r) => r.path));
  for (const w of worktrees) {
    if (!dir || known.has(w.path) || w.path === dir || !isInside(dir, w.path)) continue;
    const v = { kind: "foreign", path: w.path, missing: !fs13.existsSync(w.path), dirty_count: 0, untracked_count: 0 };
    if (w.branch) v.branch = w.branch.replace(/^refs\/heads\//, "");
    views.push(v);
  }
  await mapLimit(views, 8, (v) => describeLane(v, byPath.get(v.path), tips, admins.get(v.path), root, targetSha));
  return views;
}
async function describeLane(v, wt, tips, admin, root, targetSha) {
  const tip = v.branch ? tips.get(v.branch) : void 0;
  const sha = tip?.sha ?? wt?.head;
  let last = tip?.time ?? 0;
  const jobs = [];
  if (!v.missing) {
    jobs.push(
      statusPorcelain(v.path, { collapseUntracked: true }).then((st) => {
        v.dirty_count = st.length;
        v.untracked_count = st.filter((e) => e.code === "??").length;
        for (const e of st.slice(0, 50)) last = Math.max(last, mtime(path14.join(v.path, e.path)));
      })
    );
  }
  if (sha && targetSha) jobs.push(aheadBehindCached(root, sha, targetSha).then((ab) => void Object.assign(v, ab)));
  const results = await Promise.allSettled(jobs);
  const failed = results.find((r) => r.status === "rejected");
  if (failed && !v.problem) v.problem = `git: ${errorMessage(failed.reason).split("\n")[0]}`;
  if (admin) last = Math.max(last, mtime(path14.join(admin, "index")));
  if (last > 0) v.last_activity = new Date(last).toISOString();
}
var abCache = /* @__PURE__ */ new Map();
async function aheadBehindCached(root, tip, target) {
  const key = `${root}\0${tip}\0${target}`;
  const hit = abCache.get(key);
  if (hit) return { ...hit };
  const ab = await aheadBehind(root, tip, target);
  if (abCache.size >= 2e3) abCache.clear();
  abCache.set(key, ab);
  return { ...ab };
}
function laneTips(root) {
  return branchTips(root, "refs/heads/lanes/");
}
function taskTips(tips) {
  const out = /* @__PURE__ */ new Map();
  for (const [name, t] of tips) if (name.startsWith("lanes/")) out.set(name.slice("lanes/".length), t.sha);
  return out;
}
function adminDirs(commonDir) {
  const out = /* @__PURE__ */ new Map();
  const base = path14.join(commonDir, "worktrees");
  let names = [];
  try {
    names = fs13.readdirSync(base);
  } catch {
    return out;
  }
  for (const n of names) {
    try {
      const gitdir = fs13.readFileSync(path14.join(base, n, "gitdir"), "utf8").trim();
      out.set(path14.dirname(gitdir), path14.join(base, n));
    } catch {
    }
  }
  return out;
}
function mtime(p) {
  try {
    return fs13.statSync(p).mtimeMs;
  } catch {
    return 0;
  }
}

// src/core/status/plan.ts
function summarizePlan(plan, tasks, machines) {
  const def = new Map(plan.tasks.map((t) => [t.id, t]));
  const by = countByStatus(plan, tasks);
  const waves = plan.waves.map((ids, i) => {
    const list = ids.map((id) => {
      const d = def.get(id);
      const s = tasks[id];
      const b = {
        id,
        title: d?.title ?? id,
        status: s?.status ?? "planned",
        wave: i + 1,
        depends_on: d?.depends_on ?? [],
        estimate: d?.estimate ?? 1
      };
      if (s?.owner) b.owner = s.owner;
      const m = s?.owner ? machines?.get(s.owner) : void 0;
      if (m) b.machine = m;
      if (s?.note) b.note = shorten(s.note, 200);
      if (s?.started_at) b.started_at = s.started_at;
      if (s?.finished_at) b.finished_at = s.finished_at;
      if (s?.landed_as) b.landed_as = s.landed_as;
      return b;
    });
    return { wave: i + 1, done: list.filter((t) => t.status === "done").length, tasks: list };
  });
  return {
    tasks: plan.tasks.length,
    by_status: by,
    progress: plan.tasks.length ? Math.round(by.done / plan.tasks.length * 1e3) / 1e3 : 0,
    waves,
    conflicts: plan.conflicts.map((c) => ({ a: c.a, b: c.b, files: c.files })),
    critical_path: plan.critical_path,
    parallelism: plan.parallelism,
    speedup: plan.speedup
  };
}

// src/core/status/queue.ts
function emptyMergeSummary() {
  return { processor: { running: false }, queue: [], recent: [], recent_failure_rate: 0 };
}
async function readMerge(project, recent) {
  const m = await mergeStatus(project, { recent });
  const brief = (e) => {
    const {
      id,
      task,
      kind,
      state,
      queued_at,
      attempts,
      position,
      started_at,
      finished_at,
      waited_ms,
      last_error,
      landed_as,
      waiting_for,
      conflicts
    } = e;
    const b = { id, task, kind, state, queued_at, attempts };
    Object.assign(b, defined({ position, started_at, finished_at, waited_ms, landed_as, waiting_for }));
    if (last_error) b.last_error = shorten(last_error, 300);
    if (conflicts?.length) b.conflicts = conflicts.length;
    return b;
  };
  const p = m.processor;
  return {
    processor: p.running ? defined({ running: true, pid: p.pid, since: p.since }) : { running: false },
    queue: m.queue.map(brief),
    recent: m.recent.map(brief),
    recent_failure_rate: m.recent_failure_rate
  };
}

// src/core/run/reset-time.ts
var UNIT_MS = {
  s: 1e3,
  sec: 1e3,
  second: 1e3,
  m: 6e4,
  min: 6e4,
  minute: 6e4,
  h: 36e5,
  hr: 36e5,
  hour: 36e5,
  d: 864e5,
  day: 864e5
};
var MAX_RESET_MS = 8 * 864e5;
function parseReset(text, now, bare = false) {
  const t = text.trim();
  const sane = (at) => at > now && at - now <= MAX_RESET_MS ? at : void 0;
  const epoch = (bare ? /^(\d{10,13})$/ : /\|\s*(\d{10,13})\b/).exec(t);
  if (epoch) {
    const n = Number(epoch[1]);
    return sane(n < 1e12 ? n * 1e3 : n);
  }
  if (bare && /^\d+(?:\.\d+)?$/.test(t)) return sane(now + Number(t) * 1e3);
  const ra = /retry[- _]after["']?\s*[:=]?\s*["']?(\d+(?:\.\d+)?)\s*(s|sec|seconds?|m|min|minutes?)?\b/i.exec(t);
  if (ra) return sane(now + Number(ra[1]) * (ra[2]?.startsWith("m") ? 6e4 : 1e3));
  const rel = /(?:resets?|try again|retry|available again)\s+in\s+((?:\d+(?:\.\d+)?\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)\b[\s,and]*)+)/i.exec(
    t
  );
  if (rel) {
    let ms = 0;
    for (const p of rel[1].matchAll(/(\d+(?:\.\d+)?)\s*([a-z]+)/gi)) {
      const word = p[2].toLowerCase();
      const unit = word.length > 1 ? word.replace(/s$/, "") : word;
      ms += Number(p[1]) * (UNIT_MS[unit] ?? UNIT_MS[unit[0]] ?? 0);
    }
    if (ms > 0) return sane(now + ms);
  }
  const iso = /(?:resets?|until|at)\s+(?:at\s+)?(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)/i.exec(t);
  if (iso) {
    const at = Date.parse(iso[1]);
    if (Number.isFinite(at)) return sane(at);
  }
  const clock = (bare ? /^()(\d{1,2})(?::(\d{2}))?\s*([ap]\.?m\.?)?/i : /(resets?|try again|available again|until)\s+(?:at\s+)?(\d{1,2})(?::(\d{2}))?\s*([ap]\.?m\.?)?(?![\d:])/i).exec(t);
  if (clock) {
    let h = Number(clock[2]);
    const min = clock[3] !== void 0 ? Number(clock[3]) : 0;
    const ampm = clock[4]?.toLowerCase().replace(/\./g, "");
    if (!ampm && clock[3] === void 0) return void 0;
    if (ampm === "pm" && h < 12) h += 12;
    if (ampm === "am" && h === 12) h = 0;
    if (h > 23 || min > 59) return void 0;
    const d = new Date(now);
    d.setHours(h, min, 0, 0);
    if (d.getTime() <= now) d.setDate(d.getDate() + 1);
    return sane(d.getTime());
  }
  return void 0;
}

// src/core/run/limits.ts
var COMMON_LIMIT_PATTERNS = [
  "usage limit (?:reached|exceeded)",
  "you've (?:hit|reached) your (?:[\\w-]+ )*limit",
  "\\brate[ _-]?limit(?:ed|_error| exceeded| reached)\\b",
  "\\boverloaded_error\\b",
  "\\b(?:HTTP |status:? ?|error:? ?|\\()429\\b",
  "429 Too Many Requests"
];
var MAX_TEXT = 300;
function clip2(s) {
  const one = s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "").replace(/\s+/g, " ").replace(/[\x00-\x1f\x7f]/g, "").trim();
  return one.length > MAX_TEXT ? `${one.slice(0, MAX_TEXT - 3)}...` : one;
}
function compilePatterns(sources) {
  const out = [];
  for (const s of sources) {
    try {
      out.push(new RegExp(s, "i"));
    } catch {
    }
  }
  return out;
}
function reasonFor(text, status2, type) {
  if (status2 === 529 || type === "overloaded_error" || /overloaded/i.test(text)) return `overloaded${status2 ? ` (${status2})` : ""}`;
  if (/usage limit|hit your|reached your|quota|spend limit/i.test(text)) return "usage limit";
  return `rate limit${status2 ? ` (${status2})` : ""}`;
}
function claudeEvent(ev, patterns, now) {
  const status2 = typeof ev.api_error_status === "number" ? ev.api_error_status : void 0;
  const type = typeof ev.api_error_type === "string" ? ev.api_error_type : void 0;
  if (ev.type === "result") {
    const text = typeof ev.result === "string" ? ev.result : "";
    const limitStatus = status2 === 429 || status2 === 529 || type === "rate_limit_error" || type === "overloaded_error";
    const byText = text ? matchText(text, patterns, now) : void 0;
    if (ev.is_error !== true && !limitStatus) return void 0;
    if (!limitStatus && !byText) return void 0;
    return {
      reason: reasonFor(text, status2, type),
      text: clip2(text || `api error ${status2 ?? type}`),
      ...resetOf(text, now, byText?.resetAt)
    };
  }
  if (ev.type === "assistant" && ev.is_api_error_message === true && (ev.error === "rate_limit" || status2 === 429 || status2 === 529)) {
    const content = ev.message?.content ?? [];
    const text = content.map((c) => c.type === "text" ? c.text ?? "" : "").join(" ");
    return { reason: reasonFor(text, status2, type), text: clip2(text), ...resetOf(text, now) };
  }
  return void 0;
}
function resetOf(text, now, known) {
  const at = known ?? parseReset(text, now);
  return at !== void 0 ? { resetAt: at } : {};
}
function matchText(text, patterns, now) {
  for (const re of patterns) {
    const m = re.exec(text);
    if (!m) continue;
    const named = m.groups?.reset;
    const resetAt = (named !== void 0 ? parseReset(named, now, true) : void 0) ?? parseReset(text, now);
    return { reason: reasonFor(text), text: clip2(text), ...resetAt !== void 0 ? { resetAt } : {} };
  }
  return void 0;
}
var LimitWatch = class {
  constructor(sources, clock = Date.now) {
    this.clock = clock;
    this.patterns = compilePatterns(sources);
  }
  clock;
  hit;
  patterns;
  line(line, stream = "stdout") {
    const s = line.trim();
    if (!s) return;
    let found;
    if (s[0] === "{") {
      let ev;
      try {
        ev = JSON.parse(s);
      } catch {
        ev = void 0;
      }
      if (ev && typeof ev === "object") {
        found = claudeEvent(ev, this.patterns, this.clock());
        if (!found && stream === "stdout") return;
      }
    }
    found ??= matchText(s, this.patterns, this.clock());
    if (found)
      this.hit = { ...found, ...found.resetAt === void 0 && this.hit?.resetAt !== void 0 ? { resetAt: this.hit.resetAt } : {} };
  }
  get limit() {
    return this.hit;
  }
};
var RESET_MARGIN_MS = 1e3;
var MAX_BACKOFF_MS = 36e5;
var LimitGate = class {
  constructor(o, restored) {
    this.o = o;
    this.clock = o.clock ?? Date.now;
    if (restored && Date.parse(restored.until) > this.clock()) this.pause = restored;
  }
  o;
  pause;
  streak = 0;
  lastStart = -Infinity;
  clock;
  /** Records a limit; returns the pause now in force (a later reset extends it, never shortens it). */
  hit(h, task) {
    const now = this.clock();
    this.streak++;
    const backoff = Math.min(MAX_BACKOFF_MS, this.o.backoffSeconds * 1e3 * 2 ** (this.streak - 1));
    const until = h.resetAt !== void 0 ? h.resetAt + RESET_MARGIN_MS : now + backoff;
    const current = this.pause ? Date.parse(this.pause.until) : 0;
    if (!this.pause || until > current)
      this.pause = { reason: h.reason, until: new Date(Math.max(until, current)).toISOString(), ...task ? { task } : {} };
    return this.pause;
  }
  /** An attempt got through without a limit: back-off starts from its base again. */
  ok() {
    this.streak = 0;
  }
  /** The pause in force now, or undefined (a pause that has run out is cleared). */
  paused() {
    if (this.pause && Date.parse(this.pause.until) <= this.clock()) this.pause = void 0;
    return this.pause;
  }
  /** Ms until the next agent may start under `max_starts_per_minute` (0: now). */
  startDelay() {
    if (!(this.o.maxStartsPerMinute > 0)) return 0;
    const gap = 6e4 / this.o.maxStartsPerMinute;
    return Math.max(0, this.lastStart + gap - this.clock());
  }
  /** How many agents may start now: all of `wanted`, or one at a time when paced. */
  startsAllowed(wanted) {
    if (this.paused()) return 0;
    if (!(this.o.maxStartsPerMinute > 0)) return wanted;
    return this.startDelay() === 0 ? Math.min(1, wanted) : 0;
  }
  started() {
    this.lastStart = this.clock();
  }
};
function pauseText(p, now = Date.now()) {
  const at = new Date(p.until);
  const hm = `${String(at.getHours()).padStart(2, "0")}:${String(at.getMinutes()).padStart(2, "0")}`;
  const secs2 = Math.ceil((at.getTime() - now) / 1e3);
  const day = `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, "0")}-${String(at.getDate()).padStart(2, "0")}`;
  const when = new Date(now).toDateString() === at.toDateString() ? hm : `${day} ${hm}`;
  return `paused: ${p.reason}, resumes ${when}${secs2 > 0 && secs2 < 120 ? ` (in ${secs2} s)` : ""}`;
}

// src/core/status/run.ts
async function readRunSummary(project, now = Date.now()) {
  const obj = (v) => v && typeof v === "object" && !Array.isArray(v) ? v : void 0;
  const str = (v) => typeof v === "string" ? v : void 0;
  const d = obj((await project.store.read(RUNS_DOC)).data);
  if (!d || !Array.isArray(d.runs)) return null;
  const runs = d.runs.map(obj).filter((r) => !!r && typeof (r.status ?? r.state) === "string");
  const startOf = (r) => str(r.created_at) ?? str(r.started_at) ?? "";
  const run = runs.find((r) => typeof d.current === "string" && r.id === d.current) ?? runs.sort((x, y) => startOf(y).localeCompare(startOf(x)))[0];
  if (!run) return null;
  const out = { state: str(run.status) ?? str(run.state), tasks: {}, items: [] };
  const segs = Array.isArray(run.segments) ? run.segments.map(obj).filter((g) => g !== void 0) : [];
  const lastEnd = str(segs[segs.length - 1]?.ended_at) ?? str(run.updated_at);
  Object.assign(
    out,
    defined({
      id: str(run.id),
      started_at: startOf(run) || void 0,
      finished_at: out.state !== "running" ? lastEnd : void 0,
      agent: str(obj(run.agent)?.name)
    })
  );
  if (typeof run.parallelism === "number") out.parallelism = run.parallelism;
  for (const [key, raw] of Object.entries(obj(run.tasks) ?? {})) {
    const t = obj(raw);
    const state = str(t?.state);
    if (!t || !state) continue;
    out.tasks[state] = (out.tasks[state] ?? 0) + 1;
    const attempts = Array.isArray(t.attempts) ? t.attempts : [];
    const item = { task: str(t.id) ?? key, state, attempts: attempts.length };
    const since = str(obj(attempts[attempts.length - 1])?.started_at) ?? str(t.started_at);
    if (since) item.since = since;
    const reason2 = str(t.reason);
    if (reason2) item.reason = shorten(reason2, 200);
    if (out.items.length < 500) out.items.push(item);
  }
  const p = obj(run.paused);
  const reason = str(p?.reason);
  const until = str(p?.until);
  if (out.state === "running" && reason && until && Number.isFinite(Date.parse(until))) {
    const task = str(p?.task);
    out.paused = { reason, until, ...task ? { task } : {}, text: pauseText({ reason, until }, now) };
  }
  const cost = await costOf(project, run);
  if (cost) out.cost = cost;
  return out;
}
async function costOf(project, run) {
  const tasks = /* @__PURE__ */ Object.create(null);
  const raw = run.tasks && typeof run.tasks === "object" ? run.tasks : {};
  let any = false;
  for (const [key, t] of Object.entries(raw)) {
    const attempts = t && typeof t === "object" && Array.isArray(t.attempts) ? t.attempts : [];
    const usable = attempts.filter((a) => {
      const u = a && typeof a === "object" ? a.usage : void 0;
      return !!u && typeof u === "object" && typeof u.input_tokens === "number";
    });
    if (!usable.length) continue;
    any = true;
    tasks[key] = { id: key, attempts: usable };
  }
  if (!any) return void 0;
  let prices;
  try {
    prices = (await project.config()).prices;
  } catch {
    prices = void 0;
  }
  const total = runCost({ id: typeof run.id === "string" ? run.id : "", tasks }, prices).total;
  if (!total) return void 0;
  const { models: _models, ...brief } = total;
  return { ...brief, text: usageText(total) };
}

// src/core/status/status.ts
async function status(project, opts = {}) {
  const t0 = performance.now();
  const problems = [];
  const guard2 = (what, p, fallback) => p.catch((e) => {
    problems.push(`${what}: ${errorMessage(e).split("\n")[0]}`);
    return fallback;
  });
  const root = project.repo.mainRoot;
  const cfg = await project.config();
  const target = guard2("target", refSha(root, `refs/heads/${cfg.target}`), void 0);
  const tips = laneTips(root);
  const [{ plan, tasks }, unordered, claims, merge, run, resources, events, targetSha, queueDoc] = await Promise.all([
    guard2("plan", readPlan(project.store), { plan: null, tasks: {} }),
    guard2("lanes", readLanes(project, cfg.worktrees.dir, target, tips), []),
    guard2("claims", readClaims(project), []),
    guard2("merge queue", readMerge(project, opts.recentMerges ?? 5), emptyMergeSummary()),
    guard2("run", readRunSummary(project), null),
    readResources(root),
    guard2("events", project.store.readEvents({ limit: opts.events ?? 10 }), []),
    target,
    guard2(
      "lanes to fix",
      project.store.read(MERGE_DOC).then((d) => d.data),
      emptyQueue()
    )
  ]);
  const remote = project.store.shared ? await guard2("remote", remoteBrief(project, cfg.target), void 0) : void 0;
  const machines = project.store.shared ? await guard2("owners", ownerMachines(project), /* @__PURE__ */ new Map()) : void 0;
  const fixes = await guard2(
    "lanes to fix",
    lanesToFix(root, cfg.target, queueDoc, tasks, tips, (await project.store.read(NOTICES_DOC)).data),
    /* @__PURE__ */ new Map()
  );
  return {
    repo: root,
    generated_at: (/* @__PURE__ */ new Date()).toISOString(),
    took_ms: Math.round(performance.now() - t0),
    target: cfg.target,
    ...targetSha ? { target_sha: targetSha } : {},
    plan: plan && summarizePlan(plan, tasks, machines),
    lanes: withTaskState(unordered, tasks, fixes),
    claims,
    merge,
    run,
    resources,
    recent_events: events.map(briefEvent),
    ...remote ? { remote } : {},
    problems
  };
}

// src/render/remote.ts
function age(ms) {
  if (ms < 2e3) return "just now";
  if (ms < 12e4) return `${Math.round(ms / 1e3)} s ago`;
  if (ms < 72e5) return `${Math.round(ms / 6e4)} min ago`;
  return `${Math.round(ms / 36e5)} h ago`;
}
function renderEnabled(r) {
  const lines = [`Shared state goes through ${safeText(r.remote)} (${safeText(r.url)}) under refs/lanes/*.`];
  if (r.seeded.length) lines.push(`Put on the remote: ${r.seeded.join(", ")}.`);
  for (const x of r.replaced) lines.push(`The remote already had ${x.doc}; this clone's copy is kept in ${safeText(x.kept)}.`);
  return lines.join("\n");
}
function renderRemoteBrief(b) {
  if (!b.enabled) return "Shared state is local to this clone (lanes remote enable <remote> shares it with other machines).";
  const lines = [
    `remote ${safeText(b.remote ?? "")}, this machine ${safeText(b.machine ?? "")}, view ${b.age_ms === void 0 ? "never read" : age(b.age_ms)}`
  ];
  const t = b.target;
  if (t) {
    const r = t.remote ? t.remote.slice(0, 12) : "absent";
    const l = t.local ? t.local.slice(0, 12) : "absent";
    lines.push(`target ${safeText(t.name)}: remote ${r}, here ${l}${t.remote && t.local && t.remote !== t.local ? " (differs)" : ""}`);
  }
  if (b.processor) lines.push(`merge processor: ${safeText(b.processor.owner)} on ${safeText(b.processor.host)}`);
  return lines.join("\n");
}

// src/render/color.ts
var STATE_SGR = Object.freeze(
  Object.assign(/* @__PURE__ */ Object.create(null), { planned: 90, in_progress: 34, done: 32, blocked: 33, failed: 31 })
);
var NEEDS_FIX_SGR = 35;
function sgr(code, text) {
  return `\x1B[${code}m${text}\x1B[0m`;
}
function colorEnabled(stream = process.stdout, env = process.env) {
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== void 0 && force !== "") return force !== "0" && force.toLowerCase() !== "false";
  if (env.TERM === "dumb") return false;
  return !!stream.isTTY;
}
function stateColor(state) {
  return state !== void 0 && Object.hasOwn(STATE_SGR, state) ? STATE_SGR[state] : void 0;
}
function paintState(on, state, text) {
  const code = stateColor(state);
  return on && code !== void 0 ? sgr(code, text) : text;
}

// src/render/format.ts
function dur(ms) {
  const s = Math.max(0, Math.round(ms / 1e3));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m`;
  if (s < 86400) return `${Math.floor(s / 3600)}h${String(Math.floor(s % 3600 / 60)).padStart(2, "0")}m`;
  return `${Math.floor(s / 86400)}d${Math.floor(s % 86400 / 3600)}h`;
}
function clockMs(ms) {
  const s = Math.max(0, Math.floor(ms / 1e3));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}
function localClock(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, "0")).join(":");
}
function isoClock(iso) {
  return iso.slice(11, 19);
}
function firstLine(s) {
  return s.split("\n")[0] ?? "";
}
function sgr2(code, text) {
  return `\x1B[${code}m${text}\x1B[0m`;
}
function table(head, rows, maxWidth = Infinity) {
  const w = head.map((h, i) => Math.min(maxWidth, Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length))));
  const line = (r) => r.map((c, i) => i === r.length - 1 ? c : c.padEnd(w[i])).join("  ").trimEnd();
  return [line(head), ...rows.map(line)];
}
function clip3(line, width) {
  const visible = line.replace(/\x1b\[[0-9;]*m/g, "");
  if (visible.length <= width) return line;
  let out = "";
  let cols = 0;
  for (let i = 0; i < line.length && cols < width - 1; i++) {
    const esc = line[i] === "\x1B" ? /^\x1b\[[0-9;]*m/.exec(line.slice(i)) : null;
    if (esc) {
      out += esc[0];
      i += esc[0].length - 1;
      continue;
    }
    out += line[i];
    cols++;
  }
  return `${out}\u2026${visible.length !== line.length ? "\x1B[0m" : ""}`;
}

// src/render/status.ts
var MARK = { planned: ".", in_progress: ">", done: "+", blocked: "!", failed: "x" };
var COLOR = STATE_SGR;
var NEEDS_FIX_COLOR = NEEDS_FIX_SGR;
function renderStatus2(s, opts = {}) {
  const now = opts.now ?? Date.now();
  const paint = (code, t) => opts.color && code ? sgr2(code, t) : t;
  const bold = (t) => opts.color ? sgr2(1, t) : t;
  const ago = (iso) => iso ? `${dur(now - Date.parse(iso))} ago` : "-";
  const lines = [];
  const at = s.target_sha ? ` @ ${s.target_sha.slice(0, 8)}` : " (no commits)";
  lines.push(`${bold("Lanes status")} for ${s.repo}  (target ${s.target}${at})  ${localClock(s.generated_at)}, took ${s.took_ms} ms`);
  if (s.remote?.enabled) lines.push(`${bold("Remote")}: ${renderRemoteBrief(s.remote).split("\n").join("; ")}`);
  if (!s.plan) lines.push(`${bold("Plan")}: none yet (lanes plan <tasks file>)`);
  else {
    const p = s.plan;
    const b = p.by_status;
    const counts = ["done", "in_progress", "planned", "blocked", "failed"].map(
      (k) => paint(b[k] ? COLOR[k] : void 0, `${b[k]} ${k.replace("_", " ")}`)
    );
    lines.push(
      `${bold("Plan")}: ${p.tasks} tasks ${bar(p.progress, 20)} ${Math.round(p.progress * 100)}%  ${counts.join(", ")}  (parallelism ${p.parallelism}, predicted speedup ${p.speedup}x)`
    );
    for (const w of p.waves) {
      const items = w.tasks.map(
        (t) => paint(
          COLOR[t.status],
          `${MARK[t.status] ?? "?"}${t.id}${t.status === "in_progress" && t.owner ? `@${t.owner}${t.machine ? ` on ${t.machine}` : ""}` : ""}`
        )
      );
      lines.push(`  wave ${w.wave}  ${w.done}/${w.tasks.length}  ${items.join("  ")}`);
    }
    lines.push(
      `  (+ done  > in progress  . planned  ! blocked  x failed)${p.conflicts.length ? `  ${p.conflicts.length} conflicting pair${p.conflicts.length === 1 ? "" : "s"} never run together` : ""}`
    );
  }
  if (s.run) {
    const r2 = s.run;
    const counts = Object.entries(r2.tasks).map(([k, n]) => `${n} ${k}`).join(", ");
    const when = r2.state !== "running" && r2.finished_at ? `(stopped ${ago(r2.finished_at)})` : r2.started_at ? `since ${localClock(r2.started_at)} (${ago(r2.started_at)})` : "";
    const with_ = [r2.parallelism ? `parallelism ${r2.parallelism}` : "", r2.agent ? `agent ${r2.agent}` : ""].filter(Boolean).join(", ");
    lines.push(`${bold("Run")}${r2.id ? ` ${r2.id}` : ""}: ${r2.state} ${when}${with_ ? `, ${with_}` : ""}${counts ? `: ${counts}` : ""}`);
    if (r2.paused) lines.push(paint(33, `  ${safeText(r2.paused.text)}${r2.paused.task ? ` (task ${safeText(r2.paused.task)} hit it)` : ""}`));
    if (r2.cost) lines.push(`  cost: ${safeText(r2.cost.text)} (estimate)`);
    const busy = r2.items.filter((i) => i.state === "running" || i.state === "retry" || i.state === "starting");
    if (busy.length)
      lines.push(
        `  working: ${busy.map((i) => `${i.task} (${i.state}${i.attempts > 1 ? `, attempt ${i.attempts}` : ""}${i.since ? `, ${dur(now - Date.parse(i.since))}` : ""})`).join("  ")}`
      );
    for (const i of r2.items.filter((x) => x.state === "blocked" && x.reason).slice(0, 5))
      lines.push(paint(33, `  blocked ${i.task}: ${i.reason}`));
  }
  const fixes = s.lanes.filter((l) => l.needs_fix).length;
  lines.push(
    `${bold("Lanes")}: ${s.lanes.length ? s.lanes.length : "none"}${fixes ? `, ${paint(NEEDS_FIX_COLOR, `${fixes} need${fixes === 1 ? "s" : ""} a fix`)}` : ""}`
  );
  if (s.lanes.length) {
    const rows = s.lanes.map((l) => laneRow(l, now));
    const [head, ...body] = table(["TASK", "LANE", "TASK STATE", "DIRTY", "AHEAD/BEHIND", "AGE", "ACTIVE", "OWNER"], rows);
    lines.push(`  ${head}`);
    s.lanes.forEach((l, i) => {
      if (!l.needs_fix) return void lines.push(`  ${body[i]}`);
      lines.push(
        paint(NEEDS_FIX_COLOR, `  ${body[i]}`),
        paint(NEEDS_FIX_COLOR, `    needs fix: ${safeText(l.needs_fix.reason)}${toldText(l.needs_fix)}`)
      );
    });
    for (const l of s.lanes) if (l.problem) lines.push(paint(33, `  ! ${l.task_id ?? l.path}: ${l.problem}`));
  }
  const owners = new Set(s.claims.map((c) => c.owner)).size;
  lines.push(`${bold("Claims")}: ${s.claims.length ? `${s.claims.length} (${owners} owner${owners === 1 ? "" : "s"})` : "none"}`);
  const shown = s.claims.slice(0, 12);
  lines.push(
    ...table(
      ["OWNER", "MODE", "PATTERN", "UNTIL"],
      shown.map((c) => [c.machine ? `${c.owner} on ${c.machine}` : c.owner, c.mode, c.pattern, localClock(c.expires_at)])
    ).map((l) => `  ${l}`).slice(shown.length ? 0 : 1)
  );
  if (s.claims.length > shown.length) lines.push(`  ... and ${s.claims.length - shown.length} more (lanes claims)`);
  const m = s.merge;
  const proc = m.processor.running ? `processor running (pid ${m.processor.pid ?? "?"}${m.processor.since ? `, since ${localClock(m.processor.since)}` : ""})` : "no processor running";
  lines.push(
    `${bold("Merge queue")}: ${m.queue.length ? `${m.queue.length} waiting` : "empty"}, ${proc}${m.recent.length ? `, recent failure rate ${Math.round(m.recent_failure_rate * 100)}%` : ""}`
  );
  for (const e of m.queue)
    lines.push(`  ${e.position ?? "-"}. ${e.task}  ${paint(e.state === "queued" ? void 0 : 36, e.state)}${queueNote(e)}`);
  if (m.recent.length) {
    lines.push(
      `  recent: ${m.recent.map((e) => paint(e.state === "landed" ? 32 : e.state === "failed" ? 31 : 90, `${e.task} ${e.state}${e.landed_as ? ` ${e.landed_as.slice(0, 8)}` : ""}`)).join("  ")}`
    );
    const failed = m.recent.find((e) => e.state === "failed" && e.last_error);
    if (failed) lines.push(paint(31, `  last failure (${failed.task}): ${failed.last_error.split("\n")[0]}`));
  }
  const r = s.resources;
  lines.push(
    `${bold("Resources")}: ${r.cpus} CPUs, load ${r.load1.toFixed(2)}; memory ${r.mem_available_mb} MB available of ${r.mem_total_mb}; disk ${r.disk_free_mb} MB free`
  );
  if (s.recent_events.length) {
    lines.push(bold("Recent events:"));
    for (const e of s.recent_events.slice().reverse())
      lines.push(`  ${localClock(e.ts)} ${e.type}${e.task ? ` ${e.task}` : ""}${e.text ? ` ${e.text}` : ""}`);
  }
  for (const p of s.problems) lines.push(paint(33, `! could not read ${p}`));
  return (opts.width ? lines.map((l) => clip3(l, opts.width)) : lines).join("\n");
}
function laneRow(l, now) {
  const ab = l.ahead === void 0 ? "-" : `${l.ahead}/${l.behind ?? 0}`;
  const dirty = l.missing ? l.state === "starting" ? "-" : "missing" : l.dirty_count ? `${l.dirty_count}${l.untracked_count ? ` (${l.untracked_count} new)` : ""}` : "clean";
  const name = l.kind === "foreign" ? `(${safeText(l.branch ?? l.path)})` : l.task_id ?? "?";
  return [
    name,
    l.kind === "foreign" ? "foreign" : l.state ?? "-",
    l.needs_fix ? "needs fix" : l.task_status?.replace("_", " ") ?? "-",
    dirty,
    ab,
    l.age_s === void 0 ? "-" : dur(l.age_s * 1e3),
    l.last_activity ? `${dur(now - Date.parse(l.last_activity))} ago` : "-",
    safeText(l.owner ?? "-")
  ];
}
function queueNote(e) {
  const parts = [];
  if (e.waited_ms !== void 0 && e.state === "queued") parts.push(`waited ${dur(e.waited_ms)}`);
  if (e.attempts > 1) parts.push(`attempt ${e.attempts}`);
  if (e.waiting_for?.length) parts.push(`waits for ${e.waiting_for.join(", ")}`);
  if (e.conflicts) parts.push(`${e.conflicts} likely conflict${e.conflicts === 1 ? "" : "s"}`);
  if (e.kind === "revert") parts.push("revert");
  return parts.length ? `  (${parts.join("; ")})` : "";
}
function bar(frac, n) {
  const full = Math.round(Math.min(1, Math.max(0, frac)) * n);
  return `[${"#".repeat(full)}${"-".repeat(n - full)}]`;
}
function toldText(nf) {
  return nf.told_at ? `; agent told ${localClock(nf.told_at)}` : "";
}

// src/core/lanes/take.ts
async function takeTask(project, input) {
  const task = assertTaskId(input.task_id);
  const owner = assertOwner(input.owner);
  await recoverOrphans(project);
  const { store } = project;
  const cfg = await project.config();
  const ttl = cfg.claims.default_ttl_seconds;
  const def = requireTask(requirePlan((await readPlan(store)).plan), task);
  const reclaimed = [];
  const r = await store.transact(async (tx) => {
    const tasks = tx.get(TASKS_DOC);
    const t = Object.hasOwn(tasks, task) ? tasks[task] : void 0;
    const doc = tx.get(LANES_DOC);
    const lane = Object.hasOwn(doc, task) ? doc[task] : void 0;
    if (t?.status === "done") {
      throw new LanesError(
        "CONFLICT",
        `Task "${task}" is already done${t.landed_as ? ` (landed as ${t.landed_as})` : ""}; there is nothing to take over.`,
        {
          hint: `Add a follow-up task with ${act("add_task")} instead.`
        }
      );
    }
    if (lane?.state === "starting") {
      throw new LanesError("CONFLICT", `The lane of ${task} is still being started by ${lane.owner}.`, {
        hint: "Wait for that start to finish or fail, then try again."
      });
    }
    if (lane?.state === "broken") {
      throw new LanesError("CONFLICT", `Task "${task}" has a broken lane at ${lane.path}: ${lane.problem ?? "unknown problem"}.`, {
        hint: `Inspect it, then remove it (\`lanes remove ${task} --force\` keeps a backup ref of its work) and start the task again.`
      });
    }
    if (lane && !fs14.existsSync(lane.path)) {
      throw new LanesError("CONFLICT", `The lane of ${task} is recorded at ${lane.path}, but that directory is missing.`, {
        hint: `Run ${act("cleanup_lanes")} to clear it, then start the task.`
      });
    }
    const from = lane?.owner ?? (t && t.status !== "planned" ? t.owner : void 0);
    const owners = tx.get(OWNERS_DOC);
    let because;
    if (from === void 0) {
      throw new LanesError("CONFLICT", `Task "${task}" has no owner and no lane: there is nothing to take over.`, {
        hint: `Start it instead (${act("start_lane", { task_id: task })}).`
      });
    }
    if (from === owner) because = "same-owner";
    else {
      const l = ownerLiveness(owners, from);
      if (l.live && !input.force) {
        throw new LanesError(
          "CONFLICT",
          `Task "${task}" belongs to ${describeLiveness(l)}; it is not taken over while its owner is live.`,
          {
            hint: `Ask ${from} to hand it over (${act("update_task", { task_id: task })} to planned), or wait until the lease ends and take it then. A human can take it anyway with \`lanes take ${task} --force\`.`,
            details: { holder: from, ...l.expires_at ? { expires_at: l.expires_at } : {} }
          }
        );
      }
      because = l.live ? "forced" : l.why;
    }
    const claims = claimsOf(tx);
    reclaimed.push(...reclaimDoc(claims));
    const held = [];
    if (def.files.length) {
      const req = {
        owner: taskOwner(task),
        task,
        paths: def.files,
        mode: "exclusive",
        ttl_seconds: ttl,
        reason: `scope of task ${task}`
      };
      const p = parseClaimRequest(req);
      const conflicts = conflictsFor(claims.claims, p.id.owner, p.patterns, p.mode);
      if (conflicts.length) throw conflictError(conflicts, p.mode);
      held.push(...claimInTx(tx, req).map((c) => c.pattern));
    }
    let moved = 0;
    const now = Date.now();
    if (from !== owner) {
      for (const c of claims.claims) {
        if (c.owner !== from || c.task !== task) continue;
        c.owner = owner;
        delete c.pid;
        delete c.session;
        const next = expiryFrom(now, c.ttl_seconds || ttl);
        if (next > c.expires_at) c.expires_at = next;
        moved++;
        held.push(c.pattern);
      }
    }
    touchOwnerInTx(tx, { owner, ttl_seconds: ttl, ...input.pid !== void 0 ? { pid: input.pid } : {} }, now);
    const state = tasks[task] ??= { id: task, status: "planned", updated_at: new Date(now).toISOString(), history: [] };
    const note = from !== owner ? `taken over from ${from} (${because})` : `resumed by ${owner}`;
    setStatus(state, "in_progress", { owner, note });
    if (lane) lane.owner = owner;
    return { from, because, lane: lane ? { path: lane.path, branch: lane.branch } : void 0, claims: [...new Set(held)], moved };
  });
  await logReclaimed(store, reclaimed);
  if (r.from !== owner) {
    await store.appendEvent("task.taken_over", {
      task,
      from: r.from,
      to: owner,
      because: r.because,
      ...input.force ? { forced: true } : {},
      claims_moved: r.moved
    });
  }
  return {
    task_id: task,
    owner,
    from: r.from,
    because: r.because,
    ...r.lane ? { path: r.lane.path, branch: r.lane.branch } : {},
    claims: r.claims,
    moved_claims: r.moved
  };
}

export {
  VERSION,
  mergeCheck,
  operationInProgress,
  STRATEGIES,
  ENTRY_STATES,
  PROCESSING,
  emptyQueue,
  queueOf,
  MERGE_DOC,
  activeEntry,
  effectiveBatchSize,
  removeLandedLane,
  pickBatch,
  mergeStatus,
  cancelMerge,
  queueRevert,
  readTargetTip,
  configForTip,
  queueMerge,
  logsDir,
  listGateLogs,
  readGateLog,
  approveMerge,
  processMergeQueue,
  renderQueued,
  renderStatus,
  renderProcessed,
  renderLogList,
  readResources,
  recommendParallelism,
  checkResources,
  renderDoctor,
  cleanupLanes,
  logSession,
  getSession,
  listSessions,
  renderPlan,
  renderPlanWork,
  listLanes,
  readyTasks,
  planWork,
  remoteBrief,
  syncRemote,
  COMMON_LIMIT_PATTERNS,
  LimitWatch,
  LimitGate,
  pauseText,
  status,
  renderEnabled,
  renderRemoteBrief,
  NEEDS_FIX_SGR,
  sgr,
  colorEnabled,
  paintState,
  clockMs,
  isoClock,
  firstLine,
  sgr2,
  table,
  renderStatus2,
  toldText,
  takeTask
};
