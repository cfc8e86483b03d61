#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  NOTICES_DOC,
  noticeText,
  pendingNotice
} from "../chunks/chunk-OGVBAODR.mjs";
import {
  actingLane
} from "../chunks/chunk-GWELAXJP.mjs";
import {
  ownerLeaseStale
} from "../chunks/chunk-3V2NFGLS.mjs";
import "../chunks/chunk-4VNXBQ3W.mjs";
import "../chunks/chunk-HOVPYJYW.mjs";
import "../chunks/chunk-CR6GQYF6.mjs";
import {
  emitJson,
  exit,
  note,
  reasonToStderr,
  trace
} from "../chunks/chunk-FZYQV7RA.mjs";
import {
  obj,
  readHookInput,
  str
} from "../chunks/chunk-UOSV2YDA.mjs";
import {
  hasState,
  locate,
  readDoc,
  readLanes,
  realish
} from "../chunks/chunk-Q2MEEI3Y.mjs";
import {
  describeOwner,
  describeUntil,
  laneContaining
} from "../chunks/chunk-OUP5FXRK.mjs";
import {
  leaseEnd
} from "../chunks/chunk-IC7YTGSH.mjs";
import {
  isInside
} from "../chunks/chunk-JPJMJVFU.mjs";
import {
  pidAlive
} from "../chunks/chunk-CXNZ4SOU.mjs";
import "../chunks/chunk-5JH7MFI6.mjs";
import "../chunks/chunk-7RWYVW2G.mjs";
import {
  isPlainScope,
  matchesScope
} from "../chunks/chunk-3EVUSF4T.mjs";
import "../chunks/chunk-B475TGAI.mjs";
import "../chunks/chunk-4OAWNEMU.mjs";

// src/hooks/pre-tool-use.ts
import os from "node:os";
import path2 from "node:path";

// src/core/claims/edit-policy.ts
import path from "node:path";

// src/core/claims/match.ts
var MAX_CACHED = 4096;
var matchers = /* @__PURE__ */ new Map();
function matcherFor(pattern) {
  let m = matchers.get(pattern);
  if (m) return m;
  if (isPlainScope(pattern)) {
    const dir = `${pattern}/`;
    m = (p) => p === pattern || p.startsWith(dir);
  } else {
    const segs = pattern.split("/");
    const pre = segs.slice(
      0,
      segs.findIndex((s) => !isPlainScope(s))
    ).join("/");
    const dir = `${pre}/`;
    m = (p) => (pre === "" || p === pre || p.startsWith(dir)) && matchesScope(pattern, p);
  }
  if (matchers.size >= MAX_CACHED) matchers.clear();
  matchers.set(pattern, m);
  return m;
}
function cleanPath(p) {
  let s = p.replace(/\/{2,}/g, "/");
  while (s.startsWith("./")) s = s.slice(2);
  return s.replace(/\/$/, "");
}
function findHolder(claims, path3, exceptOwner, now = Date.now()) {
  const list = Array.isArray(claims) ? claims : claims.claims;
  const p = cleanPath(path3);
  const nowIso = new Date(now).toISOString();
  let shared;
  for (const c of list) {
    if (c.owner === exceptOwner || shared && c.mode === "shared") continue;
    if (!matcherFor(c.pattern)(p) || c.expires_at <= nowIso && leaseEnd(c, now) <= now) continue;
    if (c.mode === "exclusive") return c;
    shared = c;
  }
  return shared;
}

// src/core/claims/edit-policy.ts
function isOwnClaim(c, lane, sessionId) {
  return c.owner === `task:${lane.task}` || c.task === lane.task || sessionId !== void 0 && c.session === sessionId;
}
function toPosix(p) {
  return p.split(path.sep).join("/");
}
function blockingClaim(ctx, lane, rel) {
  let others = ctx.claims.filter((c) => c && typeof c.pattern === "string" && !isOwnClaim(c, lane, ctx.sessionId));
  for (; ; ) {
    const h = findHolder(others, rel, void 0, ctx.now);
    if (!h || h.mode !== "exclusive") return void 0;
    if (h.pid === void 0 || h.host !== ctx.host || ctx.alive(h.pid)) return h;
    others = others.filter((c) => c !== h);
  }
}
function holderText(ctx, h) {
  const lane = h.task ? ctx.lanes[h.task] : void 0;
  const where = lane ? `, lane ${lane.branch}` : "";
  const why = h.reason ? `, claimed for "${h.reason}"` : "";
  return `${describeOwner(h)}${where}${why}, until ${describeUntil(h.expires_at, ctx.now)}`;
}
function checkEdit(ctx, abs) {
  const acting = ctx.acting;
  const target = laneContaining(ctx.lanes, abs);
  if (acting && !isInside(acting.path, abs)) {
    const inRepo = target !== void 0 || isInside(ctx.mainRoot, abs) || isInside(ctx.commonDir, abs);
    if (!inRepo) return { allow: true, why: "outside the repository" };
    const rel2 = target ? path.relative(target.path, abs) : isInside(ctx.mainRoot, abs) ? path.relative(ctx.mainRoot, abs) : void 0;
    const copy = rel2 !== void 0 && !rel2.startsWith(".git") ? path.join(acting.path, rel2) : void 0;
    const place = target ? `the lane of task ${target.task} (${target.path})` : isInside(ctx.commonDir, abs) ? `the repository's git directory` : `the main checkout (${ctx.mainRoot})`;
    const reason2 = `Lanes: refused: ${abs} is in ${place}, outside your lane. You work on task ${acting.task} in ${acting.path} (branch ${acting.branch}); edit only files inside that worktree and commit them there, so the work lands through the merge queue.` + (copy ? ` Edit your lane's copy instead: ${copy}` : "") + (target ? ` If task ${acting.task} needs a change in task ${target.task}'s files, record it with log_session (kind "issue") and tell the orchestrator.` : "");
    return { allow: false, reason: reason2, lane: acting };
  }
  const lane = acting ?? target;
  if (!lane) return { allow: true, why: "not in a lane" };
  const rel = toPosix(path.relative(lane.path, abs));
  if (rel === "") return { allow: true, lane, why: "the lane root itself" };
  const h = blockingClaim(ctx, lane, rel);
  if (!h) return { allow: true, lane, why: "no other owner holds it exclusively" };
  const holderTask = h.task ? ` task ${h.task}` : " its owner";
  const reason = `Lanes: refused: ${rel} is held exclusively by ${holderText(ctx, h)}. ${acting ? `You work on task ${lane.task}; ` : `This file is in the lane of task ${lane.task}; `}another lane owns this file, so editing it here would conflict when both land. Leave it to${holderTask}: work on files in your task's scope, or record the need with log_session (kind "issue") so the orchestrator can order the tasks (add_task / depends_on). list_claims shows who holds what; the claim ends when that task lands or its lease (${h.pattern}) expires.`;
  return { allow: false, reason, lane, holder: h };
}
function needsRenewal(claims, lane, now) {
  const owner = `task:${lane.task}`;
  return claims.some((c) => {
    if (!c || c.owner !== owner || typeof c.ttl_seconds !== "number") return false;
    const slackMs = Math.min(60, c.ttl_seconds / 2) * 1e3;
    return Date.parse(c.expires_at) < now + c.ttl_seconds * 1e3 - slackMs;
  });
}

// src/hooks/pre-tool-use.ts
var EDIT_TOOLS = /* @__PURE__ */ new Set(["Edit", "Write", "MultiEdit", "NotebookEdit"]);
var EVENT = "PreToolUse";
async function main() {
  const read = await readHookInput();
  if (!read.ok) {
    note(`${EVENT}: ${read.why}; nothing checked, the edit is allowed.`);
    trace(EVENT, "malformed");
    return 0;
  }
  const input = read.input;
  const tool = str(input, "tool_name");
  if (!tool || !EDIT_TOOLS.has(tool)) return 0;
  const ti = obj(input, "tool_input");
  const file = str(ti, "file_path") ?? str(ti, "notebook_path");
  if (!file) return 0;
  const loc = locate(str(input, "cwd"));
  if (!loc.ok) {
    note(`${EVENT}: ${loc.why}; nothing to check.`);
    trace(EVENT, "not-git");
    return 0;
  }
  const w = loc.where;
  if (!hasState(w)) {
    note(`${EVENT}: no Lanes state in ${w.mainRoot}; nothing to check.`);
    trace(EVENT, "no-state");
    return 0;
  }
  const lanes = readLanes(w.stateDir);
  if (Object.keys(lanes).length === 0) return 0;
  const acting = actingLane(input, w, lanes);
  const claimsDoc = readDoc(w.stateDir, "claims");
  const claims = Array.isArray(claimsDoc?.claims) ? claimsDoc.claims : [];
  const abs = realish(path2.resolve(w.cwd, file));
  const now = Date.now();
  const d = checkEdit(
    {
      mainRoot: w.mainRoot,
      commonDir: w.commonDir,
      lanes,
      claims,
      ...acting ? { acting: acting.lane } : {},
      ...str(input, "session_id") ? { sessionId: str(input, "session_id") } : {},
      now,
      host: os.hostname(),
      alive: pidAlive
    },
    abs
  );
  if (!d.allow) {
    reasonToStderr(d.reason);
    trace(EVENT, "block", { tool, file: abs, lane: d.lane?.task, holder: d.holder?.owner });
    return 2;
  }
  const sid = str(input, "session_id");
  if (d.lane && (needsRenewal(claims, d.lane, now) || ownerLeaseStale(w.stateDir, sid, now))) {
    try {
      const { renewLaneClaims } = await import("../chunks/renew-IUO6ZCCF.mjs");
      await renewLaneClaims(w.stateDir, d.lane.task, sid);
    } catch (e) {
      note(`${EVENT}: could not renew the claims of task ${d.lane.task}: ${e.message}`);
    }
  }
  const told = d.lane ? await deliverNotice(w.stateDir, d.lane.task) : void 0;
  trace(EVENT, told ? "allow+notice" : "allow", { tool, file: abs, lane: d.lane?.task, why: d.why, ...told ? { notice: told } : {} });
  return 0;
}
async function deliverNotice(stateDir, task) {
  const pending = pendingNotice(readDoc(stateDir, NOTICES_DOC.name), task);
  if (!pending) return void 0;
  try {
    const { claimNotice } = await import("../chunks/notice-PWWTISEH.mjs");
    const n = await claimNotice(stateDir, task, pending.id);
    if (!n) return void 0;
    emitJson({ hookSpecificOutput: { hookEventName: EVENT, additionalContext: noticeText(task, n) } });
    return n.id;
  } catch (e) {
    note(`${EVENT}: could not deliver the notice for task ${task}: ${e.message}`);
    return void 0;
  }
}
main().then(
  (code) => exit(code),
  (e) => {
    note(`${EVENT}: internal error, the edit is allowed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    trace(EVENT, "error");
    exit(0);
  }
);
