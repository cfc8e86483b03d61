#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  CLAIMS_DOC,
  PORTS_DOC,
  alreadyHeld,
  claimInTx,
  claimsOf,
  conflictError,
  conflictsFor,
  logPortsReclaimed,
  needsReclaim,
  parseClaimRequest,
  reclaimDoc,
  releasePatternsInTx,
  renewInTx,
  renewPortsInTx,
  sane
} from "./chunk-PVTTY4LC.mjs";
import {
  TASKS_DOC,
  taskHolder
} from "./chunk-3K7QMPJY.mjs";
import {
  OWNERS_DOC,
  assertAuthority,
  renewOwner
} from "./chunk-CR6GQYF6.mjs";
import {
  LANES_DOC,
  assertOwner,
  assertTtl
} from "./chunk-OUP5FXRK.mjs";
import {
  failpoint,
  hostName
} from "./chunk-CXNZ4SOU.mjs";
import {
  normalizeScope,
  scopesIntersect
} from "./chunk-3EVUSF4T.mjs";
import {
  isLanesError
} from "./chunk-B475TGAI.mjs";

// src/core/claims/detach.ts
async function editProcessLeases(store, pid, event, edit) {
  const host = hostName();
  const ours = (x) => x.pid === pid && x.host === host;
  const [c, p] = await Promise.all([store.read(CLAIMS_DOC), store.read(PORTS_DOC)]);
  const hasClaims = Array.isArray(c.data.claims) && c.data.claims.some(ours);
  const hasPorts = Array.isArray(p.data.leases) && p.data.leases.some(ours);
  if (!hasClaims && !hasPorts) return { claims: 0, ports: 0 };
  const r = await store.transact(async (tx) => {
    let claims = 0;
    let ports = 0;
    if (hasClaims) {
      const doc = claimsOf(tx);
      [doc.claims, claims] = edit(doc.claims, ours);
    }
    if (hasPorts) {
      const doc = tx.get(PORTS_DOC);
      [doc.leases, ports] = edit(doc.leases, ours);
    }
    return { claims, ports };
  });
  await store.appendEvent(event, { pid, ...r });
  return r;
}
function detachProcess(store, pid = process.pid) {
  return editProcessLeases(store, pid, "claims.process-detached", (list, ours) => {
    let n = 0;
    for (const x of list) {
      if (!ours(x)) continue;
      delete x.pid;
      n++;
    }
    return [list, n];
  });
}

// src/core/claims/api.ts
async function logReclaimed(store, reclaimed) {
  for (const { pid, ...r } of reclaimed)
    await store.appendEvent("claims.reclaimed", { ...r, ...pid !== void 0 ? { holder_pid: pid } : {} });
}
async function claimFiles(store, req) {
  const p = parseClaimRequest(req);
  const snap = (await store.read(CLAIMS_DOC)).data;
  const now = Date.now();
  if (Array.isArray(snap.claims) && snap.claims.every(sane) && !needsReclaim(snap, now)) {
    const conflicts = conflictsFor(snap.claims, p.id.owner, p.patterns, p.mode);
    if (conflicts.length && !store.shared) throw conflictError(conflicts, p.mode, now);
    const held = alreadyHeld(snap.claims, p, now);
    if (held) return held;
  }
  const out = { reclaimed: [] };
  const r = await store.transact(async (tx) => {
    try {
      return { ok: claimInTx(tx, req, out) };
    } catch (e) {
      if (isLanesError(e, "CONFLICT")) return { refused: e };
      throw e;
    }
  });
  await failpoint("claims.after-commit");
  await logReclaimed(store, out.reclaimed);
  if ("refused" in r) throw r.refused;
  await store.appendEvent("claims.claimed", { owner: req.owner, mode: r.ok[0]?.mode, paths: r.ok.map((c) => c.pattern) });
  return r.ok;
}
function claimHolder(tx, owner) {
  const m = /^task:([a-z0-9][a-z0-9-]{0,62})$/.exec(owner);
  if (!m) return { holder: owner };
  const task = m[1];
  const lanes = tx.get(LANES_DOC);
  const tasks = tx.get(TASKS_DOC);
  const lane = Object.hasOwn(lanes, task) ? lanes[task] : void 0;
  const t = Object.hasOwn(tasks, task) ? tasks[task] : void 0;
  return { holder: taskHolder(t) ?? (t?.status === "done" ? void 0 : lane?.owner), task };
}
async function releaseFiles(store, owner, paths, auth) {
  assertOwner(owner);
  if (auth) assertOwner(auth.actor);
  const patterns = paths === void 0 ? void 0 : [...new Set(paths.map((p) => normalizeScope(p)))];
  const out = { reclaimed: [] };
  const r = await store.transact(async (tx) => {
    if (auth) {
      const h = claimHolder(tx, owner);
      const what = h.task ? `The file scope of task "${h.task}" (${owner})` : `The claims of ${owner}`;
      assertAuthority(tx.get(OWNERS_DOC), {
        actor: auth.actor,
        holder: h.holder,
        what,
        ...h.task ? { task: h.task } : {},
        ...auth.force ? { force: true } : {}
      });
    }
    const doc = claimsOf(tx);
    out.reclaimed.push(...reclaimDoc(doc));
    if (patterns) return releasePatternsInTx(tx, owner, patterns);
    const released = doc.claims.filter((c) => c.owner === owner).map((c) => c.pattern);
    doc.claims = doc.claims.filter((c) => c.owner !== owner);
    return { released: [...new Set(released)], not_held: [] };
  });
  await failpoint("claims.release.after-commit");
  await logReclaimed(store, out.reclaimed);
  if (r.released.length)
    await store.appendEvent("claims.released", {
      owner,
      paths: r.released,
      ...auth && auth.actor !== owner ? { by: auth.actor } : {},
      ...auth?.force ? { forced: true } : {}
    });
  return r;
}
async function listClaims(store, filter = {}) {
  if (filter.owner !== void 0) assertOwner(filter.owner);
  const q = filter.path === void 0 ? void 0 : normalizeScope(filter.path);
  const cur = await store.read(CLAIMS_DOC);
  let claims = Array.isArray(cur.data.claims) ? cur.data.claims : [];
  if (needsReclaim(cur.data)) {
    const out = [];
    claims = await store.transact(async (tx) => {
      const doc = claimsOf(tx);
      out.push(...reclaimDoc(doc));
      return doc.claims.map((c) => ({ ...c }));
    });
    await logReclaimed(store, out);
  }
  return claims.filter(
    (c) => (filter.owner === void 0 || c.owner === filter.owner) && (q === void 0 || scopesIntersect(q, c.pattern).intersects)
  ).sort((a, b) => a.owner === b.owner ? a.pattern < b.pattern ? -1 : 1 : a.owner < b.owner ? -1 : 1);
}
async function renewClaims(store, owner, ttlSeconds) {
  assertOwner(owner);
  if (ttlSeconds !== void 0) assertTtl(ttlSeconds);
  const now = Date.now();
  const [c, p] = await Promise.all([store.read(CLAIMS_DOC), store.read(PORTS_DOC)]);
  const myClaims = (Array.isArray(c.data.claims) ? c.data.claims : []).filter((x) => x.owner === owner);
  const myPorts = (Array.isArray(p.data.leases) ? p.data.leases : []).filter((x) => x.owner === owner);
  await renewOwner(store, owner);
  const stale = [...myClaims, ...myPorts].some((x) => {
    const ttl = ttlSeconds ?? x.ttl_seconds;
    const slackMs = Math.min(60, ttl / 2) * 1e3;
    return Date.parse(x.expires_at) < now + ttl * 1e3 - slackMs;
  });
  if (!stale) return { claims: myClaims.length, ports: myPorts.length, wrote: false };
  const gone = { claims: [], ports: [] };
  const r = await store.transact(async (tx) => {
    const cl = renewInTx(tx, owner, ttlSeconds);
    gone.claims.push(...cl.reclaimed);
    if (myPorts.length === 0) return { claims: cl.renewed, ports: 0, wrote: true };
    const po = renewPortsInTx(tx, owner, ttlSeconds);
    gone.ports.push(...po.reclaimed);
    return { claims: cl.renewed, ports: po.renewed, wrote: true };
  });
  await logReclaimed(store, gone.claims);
  await logPortsReclaimed(store, gone.ports);
  return r;
}
function releaseProcess(store, pid = process.pid) {
  return editProcessLeases(store, pid, "claims.process-released", (list, ours) => {
    const kept = list.filter((x) => !ours(x));
    return [kept, list.length - kept.length];
  });
}

export {
  detachProcess,
  logReclaimed,
  claimFiles,
  releaseFiles,
  listClaims,
  renewClaims,
  releaseProcess
};
