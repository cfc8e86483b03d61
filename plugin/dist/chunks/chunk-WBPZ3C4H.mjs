#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
var path = require("node:path");
var fs = require("node:fs");
var net = require("node:net");
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
} from "./chunk-UU23BLVG.mjs";
import {
  normalizeScope,
  scopesIntersect
} from "./chunk-ALOFWVRK.mjs";
import {
  OWNERS_DOC,
  TASKS_DOC,
  assertAuthority,
  renewOwner,
  taskHolder
} from "./chunk-6TI4QRGQ.mjs";
import {
  LANES_DOC,
  assertOwner,
  assertTtl
} from "./chunk-ONL4JA75.mjs";
import {
  readRemoteSetting
} from "./chunk-566HZB6Q.mjs";
import {
  failpoint,
  hostName
} from "./chunk-PCFNT4JQ.mjs";
import {
  nullProtoDeep
} from "./chunk-X4JLKMGK.mjs";
import {
  LanesError,
  isLanesError
} from "./chunk-OBLF3P63.mjs";

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

// src/core/claims/service.ts

// src/system/line-socket.ts
var MAX_SOCKET_PATH = 100;
function readLines(sock, onValue, onClose) {
  let buf = "";
  sock.setEncoding("utf8");
  sock.on("data", (chunk) => {
    buf += chunk;
    let nl;
    while ((nl = buf.indexOf("\n")) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      if (!line) continue;
      let v;
      try {
        v = JSON.parse(line);
      } catch {
        sock.destroy();
        return;
      }
      onValue(v);
    }
  });
  sock.on("error", () => sock.destroy());
  sock.on("close", onClose);
}
function wrap(sock) {
  return {
    send: (value) => !sock.destroyed && sock.write(JSON.stringify(value) + "\n"),
    hold: (on) => on ? sock.ref() : sock.unref(),
    close: () => sock.destroy(),
    get closed() {
      return sock.destroyed;
    }
  };
}
function connectLines(file, onValue, onClose) {
  return new Promise((resolve, reject) => {
    const sock = net.createConnection(file);
    const early = (e) => {
      sock.destroy();
      if (e.code === "ENOENT" || e.code === "ECONNREFUSED" || e.code === "ENOTSOCK") resolve(void 0);
      else reject(e);
    };
    sock.once("error", early);
    sock.once("connect", () => {
      sock.off("error", early);
      sock.setNoDelay(true);
      sock.unref();
      readLines(sock, onValue, onClose);
      resolve(wrap(sock));
    });
  });
}
async function listenLines(file, onConnection) {
  try {
    if (fs.lstatSync(file).isSocket()) fs.unlinkSync(file);
  } catch (e) {
    if (e.code !== "ENOENT") return void 0;
  }
  const server = net.createServer((sock) => {
    sock.setNoDelay(true);
    sock.unref();
    readLines(sock, onConnection(wrap(sock)), () => {
    });
  });
  const ok = await new Promise((resolve) => {
    server.once("error", () => resolve(false));
    server.listen(file, () => resolve(true));
  });
  if (!ok) return void 0;
  server.on("error", () => {
  });
  server.unref();
  return () => {
    server.close();
    try {
      fs.unlinkSync(file);
    } catch {
    }
  };
}

// src/core/claims/writes.ts
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
function applyRelease(tx, w, reclaimed) {
  const { owner, patterns, auth } = w;
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
  reclaimed.push(...reclaimDoc(doc));
  if (patterns) return releasePatternsInTx(tx, owner, patterns);
  const released = doc.claims.filter((c) => c.owner === owner).map((c) => c.pattern);
  doc.claims = doc.claims.filter((c) => c.owner !== owner);
  return { released: [...new Set(released)], not_held: [] };
}
var asRefusal = (e) => ({
  refused: {
    code: e.code,
    message: e.message,
    ...e.hint !== void 0 ? { hint: e.hint } : {},
    ...e.details !== void 0 ? { details: e.details } : {}
  }
});
function applyOne(tx, w, reclaimed) {
  const mark = reclaimed.length;
  try {
    return { ok: w.op === "claim" ? claimInTx(tx, w.req, { reclaimed }) : applyRelease(tx, w, reclaimed) };
  } catch (e) {
    if (w.op === "claim" ? isLanesError(e, "CONFLICT") : e instanceof LanesError) return asRefusal(e);
    reclaimed.length = mark;
    throw e;
  }
}
function restorable(tx) {
  const before = /* @__PURE__ */ new Map();
  return {
    view: {
      get: (doc) => {
        const d = tx.get(doc);
        if (!before.has(d)) before.set(d, JSON.stringify(d));
        return d;
      }
    },
    restore() {
      for (const [d, text] of before) {
        const o = d;
        for (const k of Object.keys(o)) delete o[k];
        Object.assign(o, nullProtoDeep(JSON.parse(text)));
      }
    }
  };
}
function applyAll(tx, writes, reclaimed, withdrawn) {
  if (writes.length === 1) return [withdrawn(0) ? { alone: true } : applyOne(tx, writes[0], reclaimed)];
  const { view, restore } = restorable(tx);
  const failed = /* @__PURE__ */ new Set();
  for (; ; ) {
    let at = -1;
    try {
      reclaimed.length = 0;
      return writes.map((w, i) => {
        if (failed.has(i) || withdrawn(i)) return { alone: true };
        at = i;
        return applyOne(view, w, reclaimed);
      });
    } catch (e) {
      if (at < 0) throw e;
      failed.add(at);
      restore();
    }
  }
}
async function runWrites(store, writes, logReclaimed2, withdrawn = () => false) {
  const reclaimed = [];
  const answers = await store.transact(async (tx) => {
    const out = applyAll(tx, writes, reclaimed, withdrawn);
    await failpoint("claims.writes.before-commit");
    return out;
  });
  await logReclaimed2(store, reclaimed);
  return answers;
}
function answerOf(a) {
  if ("refused" in a) {
    const r = a.refused;
    throw new LanesError(r.code, r.message, {
      ...r.hint !== void 0 ? { hint: r.hint } : {},
      ...r.details !== void 0 ? { details: r.details } : {}
    });
  }
  return a.ok;
}

// src/core/claims/service.ts
var SERVICE_SOCKET = "claims.sock";
var ANSWER_TIMEOUT_MS = 5e3;
var SHUN_MS = 6e4;
var monotonic = () => process.hrtime.bigint();
var offered = false;
function offerClaimService() {
  offered = true;
}
var Service = class {
  constructor(store, log, unlisten) {
    this.store = store;
    this.log = log;
    this.unlisten = unlisten;
  }
  store;
  log;
  unlisten;
  queue = [];
  running = false;
  batches = 0;
  writes = 0;
  closed = false;
  close() {
    this.closed = true;
    this.unlisten();
  }
  submit(write) {
    return new Promise((resolve) => {
      this.queue.push({ write, answer: resolve, gone: () => false });
      void this.drain();
    });
  }
  /** What a connection's values go to: each is one write, or the connection is closed. */
  connection(conn) {
    return (v) => {
      const m = v;
      if (!m || typeof m.id !== "number" || !isWrite(m.write) || typeof m.deadline !== "string" || !/^\d{1,30}$/.test(m.deadline))
        return conn.close();
      const id = m.id;
      const deadline = BigInt(m.deadline);
      this.queue.push({ write: m.write, answer: (a) => conn.send({ id, answer: a }), gone: () => conn.closed || monotonic() >= deadline });
      void this.drain();
    };
  }
  async drain() {
    if (this.running) return;
    this.running = true;
    const keep = setInterval(() => {
    }, 1 << 30);
    try {
      while (this.queue.length) {
        await new Promise((r) => setImmediate(r));
        const batch = this.queue.splice(0).filter((q) => !q.gone());
        if (!batch.length) continue;
        if (readRemoteSetting(this.store.dir)) {
          this.close();
          for (const q of batch) q.answer({ alone: true });
          continue;
        }
        let answers;
        try {
          answers = await runWrites(
            this.store,
            batch.map((q) => q.write),
            this.log,
            (i) => batch[i].gone()
          );
        } catch (e) {
          answers = batch.map(() => isLanesError(e) ? asRefusal(e) : { alone: true });
        }
        this.batches++;
        this.writes += batch.length;
        await failpoint("claims.service.before-answer");
        batch.forEach((q, i) => q.answer(answers[i]));
      }
    } finally {
      clearInterval(keep);
      this.running = false;
    }
  }
};
function isWrite(w) {
  const x = w;
  if (!x || typeof x !== "object") return false;
  if (x.op === "claim") return !!x.req && typeof x.req === "object";
  if (x.op !== "release" || typeof x.owner !== "string") return false;
  if (x.patterns !== void 0 && !(Array.isArray(x.patterns) && x.patterns.every((p) => typeof p === "string"))) return false;
  const a = x.auth;
  return a === void 0 || typeof a === "object" && a !== null && typeof a.actor === "string";
}
var Link = class {
  constructor(socket) {
    this.socket = socket;
  }
  socket;
  conn;
  service;
  /** Until then (monotonic ns) this process writes alone: the service did not answer in time. */
  shunUntil = 0n;
  connecting;
  next = 1;
  waiting = /* @__PURE__ */ new Map();
  /** Connected, serving, or neither (then the caller writes alone). */
  ready(store, log) {
    if (this.service?.closed) this.service = void 0;
    if (this.conn && !this.conn.closed || this.service || monotonic() < this.shunUntil) return Promise.resolve();
    this.connecting ??= this.connect(store, log).catch(() => void 0).finally(() => this.connecting = void 0);
    return this.connecting;
  }
  async connect(store, log) {
    this.conn = await this.dial();
    if (this.conn || !offered) return;
    await store.locked(async () => {
      this.conn = await this.dial();
      if (this.conn) return;
      let service;
      const close = await listenLines(this.socket, (conn) => service?.connection(conn) ?? (() => conn.close()));
      if (close) this.service = service = new Service(store, log, close);
    });
  }
  dial() {
    return connectLines(
      this.socket,
      (v) => {
        const m = v;
        if (m && typeof m.id === "number") this.waiting.get(m.id)?.(m.answer);
      },
      () => {
        this.conn = void 0;
        for (const done of this.waiting.values()) done(void 0);
      }
    );
  }
  /**
   * The service's answer, or undefined when the connection ended first or the deadline passed
   * (the service applies nothing of this write once its deadline passed: the caller may then
   * apply it alone without a late copy of it landing after).
   */
  async ask(write) {
    const conn = this.conn;
    if (!conn || conn.closed || monotonic() < this.shunUntil) return void 0;
    const id = this.next++;
    const deadline = monotonic() + BigInt(ANSWER_TIMEOUT_MS) * 1000000n;
    let timer;
    const answer = new Promise((resolve) => {
      this.waiting.set(id, resolve);
      const expire = () => {
        const left = deadline - monotonic();
        if (left > 0n) return void (timer = setTimeout(expire, Number(left / 1000000n) + 1));
        this.shunUntil = monotonic() + BigInt(SHUN_MS) * 1000000n;
        conn.close();
      };
      timer = setTimeout(expire, ANSWER_TIMEOUT_MS);
    });
    conn.hold(true);
    conn.send({ id, write, deadline: String(deadline) });
    try {
      return await answer;
    } finally {
      clearTimeout(timer);
      this.waiting.delete(id);
      if (!this.waiting.size) conn.hold(false);
    }
  }
};
var links = /* @__PURE__ */ new Map();
function linkFor(store) {
  if (store.shared || process.platform === "win32" || process.env.LANES_CLAIM_SERVICE === "0") return void 0;
  let link = links.get(store.dir);
  if (!link) {
    const socket = path.join(store.dir, SERVICE_SOCKET);
    if (Buffer.byteLength(socket) > MAX_SOCKET_PATH) return void 0;
    links.set(store.dir, link = new Link(socket));
  }
  return link;
}
async function submitWrite(store, write, log) {
  const link = linkFor(store);
  if (link) {
    await link.ready(store, log);
    const a2 = link.service ? await link.service.submit(write) : await link.ask(write);
    if (a2 && !("alone" in a2)) return a2;
  }
  const [a] = await runWrites(store, [write], log);
  return a;
}
function stopClaimService() {
  for (const link of links.values()) {
    link.service?.close();
    link.service = void 0;
    link.conn?.close();
  }
  links.clear();
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
  const answer = await submitWrite(store, { op: "claim", req }, logReclaimed);
  await failpoint("claims.after-commit");
  const claims = answerOf(answer);
  await store.appendEvent("claims.claimed", { owner: req.owner, mode: claims[0]?.mode, paths: claims.map((c) => c.pattern) });
  return claims;
}
async function releaseFiles(store, owner, paths, auth) {
  assertOwner(owner);
  if (auth) assertOwner(auth.actor);
  const patterns = paths === void 0 ? void 0 : [...new Set(paths.map((p) => normalizeScope(p)))];
  const write = { op: "release", owner, ...patterns ? { patterns } : {}, ...auth ? { auth } : {} };
  const answer = await submitWrite(store, write, logReclaimed);
  await failpoint("claims.release.after-commit");
  const r = answerOf(answer);
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
  offerClaimService,
  stopClaimService,
  logReclaimed,
  claimFiles,
  releaseFiles,
  listClaims,
  renewClaims,
  releaseProcess
};
