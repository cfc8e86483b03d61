#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
var crypto = require("node:crypto");
var net = require("node:net");
import {
  intersectNormalized,
  isPlainScope,
  normalizeScope
} from "./chunk-ALOFWVRK.mjs";
import {
  DEFAULT_TTL_SECONDS,
  assertOwner,
  assertText,
  assertTtl,
  describeOwner,
  describeUntil,
  expiryFrom,
  goneReason,
  identityOf,
  withIdentity
} from "./chunk-ONL4JA75.mjs";
import {
  act
} from "./chunk-UE4A2DQB.mjs";
import {
  hostName
} from "./chunk-PCFNT4JQ.mjs";
import {
  defineDoc
} from "./chunk-X4JLKMGK.mjs";
import {
  LanesError
} from "./chunk-OBLF3P63.mjs";

// src/core/claims/ports.ts

// src/system/port-probe.ts
function tryBind(host, port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.unref();
    srv.once("error", (e) => {
      resolve(e.code === "EADDRNOTAVAIL" || e.code === "EAFNOSUPPORT" ? "no-family" : "busy");
    });
    srv.listen({ host, port, exclusive: true }, () => srv.close(() => resolve("free")));
  });
}
async function portFree(port) {
  if (await tryBind("127.0.0.1", port) !== "free") return false;
  return await tryBind("::1", port) !== "busy";
}

// src/core/claims/ports.ts
var DEFAULT_PORT_RANGE = { lo: 2e4, hi: 29999 };
var MAX_PROBES = 512;
var emptyPorts = () => ({ leases: [] });
function normalizePorts(doc) {
  if (!Array.isArray(doc.leases)) doc.leases = [];
  doc.leases = doc.leases.filter((l) => typeof l === "object" && l !== null && typeof l.owner === "string" && Number.isInteger(l.port));
  return doc;
}
var PORTS_DOC = defineDoc({ name: "ports", empty: emptyPorts, normalize: normalizePorts });
function preferredPort(owner, range = DEFAULT_PORT_RANGE) {
  const h = crypto.createHash("sha256").update(owner).digest().readUInt32BE(0);
  return range.lo + h % (range.hi - range.lo + 1);
}
function reclaimPortsDoc(doc, now = Date.now(), keep) {
  const alive = /* @__PURE__ */ new Map();
  const out = [];
  doc.leases = doc.leases.filter((l) => {
    let why = goneReason(l, now, alive);
    if (why === "expired" && l.owner === keep) why = void 0;
    if (!why) return true;
    out.push({ owner: l.owner, reason: why, ports: [l.port], ...l.pid !== void 0 ? { pid: l.pid } : {} });
    return false;
  });
  return out;
}
async function logPortsReclaimed(store, gone) {
  for (const { pid, ...g } of gone) await store.appendEvent("ports.reclaimed", { ...g, ...pid !== void 0 ? { holder_pid: pid } : {} });
}
function checkRange(r) {
  if (!Number.isInteger(r.lo) || !Number.isInteger(r.hi) || r.lo < 1024 || r.hi > 65535 || r.lo > r.hi) {
    throw new LanesError("INVALID_INPUT", `Invalid port range ${r.lo}-${r.hi}.`, {
      hint: "Use unprivileged ports: 1024 <= lo <= hi <= 65535."
    });
  }
  return r;
}
async function leasePort(store, req) {
  const id = identityOf(req);
  const ttl = assertTtl(req.ttl_seconds ?? DEFAULT_TTL_SECONDS);
  const range = checkRange(req.range ?? DEFAULT_PORT_RANGE);
  const gone = [];
  const out = await store.transact(async (tx) => {
    const now = Date.now();
    const doc = tx.get(PORTS_DOC);
    gone.push(...reclaimPortsDoc(doc, now));
    const mine = doc.leases.find((l) => l.owner === id.owner);
    if (mine) {
      const next = expiryFrom(now, ttl);
      if (next > mine.expires_at) mine.expires_at = next;
      mine.ttl_seconds = ttl;
      return { lease: { ...mine }, reused: true };
    }
    const taken = new Set(doc.leases.map((l) => l.port));
    const size = range.hi - range.lo + 1;
    const start = preferredPort(id.owner, range) - range.lo;
    let probes = 0;
    for (let i = 0; i < size && probes < MAX_PROBES; i++) {
      const port = range.lo + (start + i) % size;
      if (taken.has(port)) continue;
      probes++;
      if (!await portFree(port)) continue;
      const at = new Date(now).toISOString();
      const lease = withIdentity({ port, leased_at: at, expires_at: expiryFrom(now, ttl), ttl_seconds: ttl }, id);
      doc.leases.push(lease);
      return { lease: { ...lease }, reused: false };
    }
    throw new LanesError("BUSY", `No free port for ${id.owner} in ${range.lo}-${range.hi} (${probes} tried, ${taken.size} leased).`, {
      hint: "Release ports of finished lanes (`lanes port <owner> --release`) or stop servers that hold ports in that range, then retry."
    });
  });
  await logPortsReclaimed(store, gone);
  if (!out.reused) await store.appendEvent("ports.leased", { owner: id.owner, port: out.lease.port });
  return out;
}
function releasePortsInTx(tx, owner) {
  const doc = tx.get(PORTS_DOC);
  const freed = doc.leases.filter((l) => l.owner === owner).map((l) => l.port);
  if (freed.length) doc.leases = doc.leases.filter((l) => l.owner !== owner);
  return freed;
}
async function releasePorts(store, owner) {
  assertOwner(owner);
  const cur = await store.read(PORTS_DOC);
  if (!Array.isArray(cur.data.leases) || !cur.data.leases.some((l) => l.owner === owner)) return [];
  const freed = await store.transact(async (tx) => releasePortsInTx(tx, owner));
  if (freed.length) await store.appendEvent("ports.released", { owner, ports: freed });
  return freed;
}
function renewPortsInTx(tx, owner, ttlSeconds, now = Date.now()) {
  const doc = tx.get(PORTS_DOC);
  const reclaimed = reclaimPortsDoc(doc, now, owner);
  let renewed = 0;
  for (const l of doc.leases) {
    if (l.owner !== owner) continue;
    const next = expiryFrom(now, ttlSeconds ?? l.ttl_seconds);
    if (ttlSeconds !== void 0) l.ttl_seconds = ttlSeconds;
    if (next > l.expires_at) l.expires_at = next;
    renewed++;
  }
  return { renewed, reclaimed };
}

// src/core/claims/model.ts
var CLAIM_MODES = ["exclusive", "shared"];
var emptyClaims = () => ({ claims: [] });
var CLAIMS_DOC = defineDoc({ name: "claims", empty: emptyClaims });
var LIMITS = { maxPaths: 200, maxReason: 500 };

// src/core/claims/tx.ts
function parseClaimRequest(req) {
  const id = identityOf(req);
  if (!Array.isArray(req.paths) || req.paths.length === 0) {
    throw new LanesError("INVALID_INPUT", "A claim needs at least one path.", {
      hint: 'Pass repo-relative files or globs, e.g. ["src/api/**"].'
    });
  }
  if (req.paths.length > LIMITS.maxPaths) {
    throw new LanesError("INVALID_INPUT", `A claim may name at most ${LIMITS.maxPaths} paths (got ${req.paths.length}).`, {
      hint: 'Claim a directory or a glob ("src/api/**") instead of many single files.'
    });
  }
  const patterns = [...new Set(req.paths.map((p) => normalizeScope(p)))];
  const mode = req.mode ?? "exclusive";
  if (!CLAIM_MODES.includes(mode)) {
    throw new LanesError("INVALID_INPUT", `Unknown claim mode ${JSON.stringify(mode)}.`, {
      hint: 'Use "exclusive" (default) or "shared".'
    });
  }
  const parsed = { id, patterns, mode, ttl: assertTtl(req.ttl_seconds ?? DEFAULT_TTL_SECONDS) };
  const files = (req.file_paths ?? []).map((f) => normalizeScope(f)).filter((f) => isPlainScope(f) && patterns.includes(f));
  if (files.length) parsed.files = new Set(files);
  if (req.reason !== void 0) parsed.reason = assertText(req.reason, "reason", LIMITS.maxReason);
  return parsed;
}
function claimsOf(tx) {
  const doc = tx.get(CLAIMS_DOC);
  if (!Array.isArray(doc.claims)) doc.claims = [];
  else if (doc.claims.some((c) => !sane(c))) doc.claims = doc.claims.filter(sane);
  return doc;
}
function sane(c) {
  const r = c;
  return typeof r === "object" && r !== null && typeof r.owner === "string" && typeof r.pattern === "string" && (r.mode === "exclusive" || r.mode === "shared") && typeof r.expires_at === "string" && typeof r.host === "string";
}
function reclaimDoc(doc, now = Date.now(), keep) {
  const alive = /* @__PURE__ */ new Map();
  const gone = /* @__PURE__ */ new Map();
  doc.claims = doc.claims.filter((c) => {
    let why = goneReason(c, now, alive);
    if (why === "expired" && c.owner === keep) why = void 0;
    if (!why) return true;
    const key = `${c.owner}\0${why}\0${c.pid ?? ""}`;
    let g = gone.get(key);
    if (!g) {
      g = { owner: c.owner, reason: why, paths: [] };
      if (c.pid !== void 0) g.pid = c.pid;
      if (c.task !== void 0) g.task = c.task;
      gone.set(key, g);
    }
    g.paths.push(c.pattern);
    return false;
  });
  return [...gone.values()];
}
function needsReclaim(doc, now = Date.now()) {
  const alive = /* @__PURE__ */ new Map();
  return Array.isArray(doc.claims) && doc.claims.some((c) => sane(c) && goneReason(c, now, alive) !== void 0);
}
var pairCache = /* @__PURE__ */ new Map();
var cachedPairs = 0;
function intersect(a, b, aFile = false, bFile = false) {
  const ka = aFile ? `\0${a}` : a;
  const kb = bFile ? `\0${b}` : b;
  let row = pairCache.get(ka);
  let r = row?.get(kb);
  if (!r) {
    if (cachedPairs > 5e4) {
      pairCache.clear();
      cachedPairs = 0;
      row = void 0;
    }
    const files = aFile || bFile ? /* @__PURE__ */ new Set([...aFile ? [a] : [], ...bFile ? [b] : []]) : void 0;
    r = intersectNormalized(a, b, files);
    if (!row) pairCache.set(ka, row = /* @__PURE__ */ new Map());
    row.set(kb, r);
    cachedPairs++;
  }
  return r;
}
function conflictsFor(claims, owner, patterns, mode, files) {
  const out = [];
  for (const c of claims) {
    if (c.owner === owner || mode === "shared" && c.mode === "shared") continue;
    for (const p of patterns) {
      const hit = intersect(p, c.pattern, files?.has(p) === true, c.file === true);
      if (!hit.intersects) continue;
      const conflict = { pattern: p, held: c.pattern, mode: c.mode, owner: c.owner, expires_at: c.expires_at };
      if (c.host !== void 0 && c.host !== hostName()) conflict.host = c.host;
      if (c.task !== void 0) conflict.task = c.task;
      if (hit.witness !== void 0) conflict.witness = hit.witness;
      out.push(conflict);
    }
  }
  return out;
}
function conflictError(conflicts, mode, now = Date.now()) {
  const shown = conflicts.slice(0, 6).map((c) => {
    const who = describeOwner(c);
    const how = c.mode === "shared" ? " (shared)" : "";
    if (c.pattern === c.held) return `${c.pattern} is held by ${who}${how} until ${describeUntil(c.expires_at, now)}`;
    const both = c.witness ? `; both cover ${c.witness}` : "";
    return `${c.pattern} overlaps ${c.held}, held by ${who}${how} until ${describeUntil(c.expires_at, now)}${both}`;
  });
  const more = conflicts.length > shown.length ? `; and ${conflicts.length - shown.length} more` : "";
  const latest = conflicts.reduce((a, c) => c.expires_at > a ? c.expires_at : a, "");
  const holders = [...new Set(conflicts.map((c) => describeOwner(c)))];
  const allShared = mode === "exclusive" && conflicts.every((c) => c.mode === "shared");
  return new LanesError("CONFLICT", `Could not claim: ${shown.join("; ")}${more}. Nothing was claimed.`, {
    hint: `Pick other files or wait (the last of these leases ends at ${describeUntil(latest, now)}), or ask ${holders.join(", ")} to release them (${act("release_files")}).` + (allShared ? ' These are shared claims: claim with mode "shared" if you only need to read them.' : ""),
    details: { conflicts }
  });
}
function claimInTx(tx, req, out, now = Date.now()) {
  const p = parseClaimRequest(req);
  const doc = claimsOf(tx);
  const reclaimed = reclaimDoc(doc, now);
  out?.reclaimed.push(...reclaimed);
  const conflicts = conflictsFor(doc.claims, p.id.owner, p.patterns, p.mode, p.files);
  if (conflicts.length) throw conflictError(conflicts, p.mode, now);
  const at = new Date(now).toISOString();
  const expires = expiryFrom(now, p.ttl);
  const mine = /* @__PURE__ */ new Map();
  for (const c of doc.claims) {
    if (c.owner !== p.id.owner) continue;
    const renewed = expiryFrom(now, Math.max(1, c.ttl_seconds || p.ttl));
    if (renewed > c.expires_at) c.expires_at = renewed;
    mine.set(c.pattern, c);
  }
  const result = [];
  for (const pattern of p.patterns) {
    const old = mine.get(pattern);
    const rec = withIdentity(
      {
        pattern,
        mode: p.mode,
        claimed_at: old?.claimed_at ?? at,
        expires_at: old && old.expires_at > expires ? old.expires_at : expires,
        ttl_seconds: p.ttl
      },
      p.id
    );
    const reason = p.reason ?? old?.reason;
    if (reason !== void 0) rec.reason = reason;
    if (p.files?.has(pattern)) rec.file = true;
    if (old) doc.claims[doc.claims.indexOf(old)] = rec;
    else doc.claims.push(rec);
    result.push(rec);
  }
  return result.map((r) => ({ ...r }));
}
function alreadyHeld(claims, p, now = Date.now()) {
  const mine = claims.filter((c) => c.owner === p.id.owner);
  const fresh = (c) => {
    const ttl = Math.max(c.ttl_seconds, p.ttl);
    return Date.parse(c.expires_at) >= now + ttl * 1e3 - Math.min(60, ttl / 2) * 1e3;
  };
  if (!mine.every(fresh)) return void 0;
  const out = [];
  for (const pattern of p.patterns) {
    const c = mine.find((x) => x.pattern === pattern);
    if (!c || c.mode !== p.mode || c.ttl_seconds !== p.ttl || p.reason !== void 0 && c.reason !== p.reason) return void 0;
    if (c.file === true !== (p.files?.has(pattern) === true)) return void 0;
    if (c.pid !== p.id.pid || c.host !== p.id.host || c.session !== p.id.session || c.task !== p.id.task) return void 0;
    out.push({ ...c });
  }
  return out;
}
function releaseOwnerInTx(tx, owner) {
  const doc = claimsOf(tx);
  const before = doc.claims.length;
  doc.claims = doc.claims.filter((c) => c.owner !== owner);
  return before - doc.claims.length;
}
function releasePatternsInTx(tx, owner, patterns) {
  const doc = claimsOf(tx);
  const want = new Set(patterns);
  const released = /* @__PURE__ */ new Set();
  doc.claims = doc.claims.filter((c) => {
    if (c.owner !== owner || !want.has(c.pattern)) return true;
    released.add(c.pattern);
    return false;
  });
  return { released: [...released], not_held: patterns.filter((p) => !released.has(p)) };
}
function renewInTx(tx, owner, ttlSeconds, now = Date.now()) {
  const doc = claimsOf(tx);
  const reclaimed = reclaimDoc(doc, now, owner);
  let renewed = 0;
  for (const c of doc.claims) {
    if (c.owner !== owner) continue;
    const ttl = ttlSeconds ?? c.ttl_seconds;
    const next = expiryFrom(now, ttl);
    if (ttlSeconds !== void 0) c.ttl_seconds = ttlSeconds;
    if (next > c.expires_at) c.expires_at = next;
    renewed++;
  }
  return { renewed, reclaimed };
}

export {
  PORTS_DOC,
  logPortsReclaimed,
  leasePort,
  releasePortsInTx,
  releasePorts,
  renewPortsInTx,
  CLAIM_MODES,
  CLAIMS_DOC,
  parseClaimRequest,
  claimsOf,
  sane,
  reclaimDoc,
  needsReclaim,
  conflictsFor,
  conflictError,
  claimInTx,
  alreadyHeld,
  releaseOwnerInTx,
  releasePatternsInTx,
  renewInTx
};
