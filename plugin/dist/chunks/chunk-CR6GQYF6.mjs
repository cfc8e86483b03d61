#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  DEFAULT_TTL_SECONDS,
  assertOwner,
  assertTtl,
  describeUntil,
  expiryFrom,
  ownerPart
} from "./chunk-OUP5FXRK.mjs";
import {
  leaseEnd
} from "./chunk-IC7YTGSH.mjs";
import {
  act,
  hostName,
  pidAlive
} from "./chunk-CXNZ4SOU.mjs";
import {
  defineDoc,
  recordMap
} from "./chunk-5JH7MFI6.mjs";
import {
  LanesError
} from "./chunk-B475TGAI.mjs";

// src/core/claims/liveness.ts
var emptyOwners = () => ({ leases: {} });
function normalizeOwners(doc) {
  if (typeof doc.leases !== "object" || doc.leases === null || Array.isArray(doc.leases)) doc.leases = recordMap();
  return doc;
}
var OWNERS_DOC = defineDoc({ name: "owners", empty: emptyOwners, normalize: normalizeOwners });
function saneLease(l) {
  const r = l;
  return typeof r === "object" && r !== null && typeof r.owner === "string" && typeof r.expires_at === "string" && typeof r.host === "string";
}
function leaseOf(doc, owner) {
  const leases = doc?.leases;
  if (typeof leases !== "object" || leases === null || !Object.hasOwn(leases, owner)) return void 0;
  const l = leases[owner];
  return saneLease(l) ? l : void 0;
}
function legacyPid(owner) {
  let m = /^session:(\d{1,10})$/.exec(owner);
  if (m) return Number(m[1]);
  m = /^cli:[^@]*@([^:]*):(\d{1,10})$/.exec(owner);
  if (m && m[1] === ownerPart(hostName())) return Number(m[2]);
  return void 0;
}
function ownerLiveness(doc, owner, now = Date.now()) {
  const l = leaseOf(doc, owner);
  if (!l) {
    const pid = legacyPid(owner);
    if (pid !== void 0 && pidAlive(pid)) return { live: true, owner, pid };
    return { live: false, owner, why: pid !== void 0 ? "dead-pid" : "no-lease" };
  }
  if (!(leaseEnd(l, now) > now)) return { live: false, owner, why: "expired", expires_at: l.expires_at };
  if (l.pid !== void 0 && l.host === hostName() && !pidAlive(l.pid))
    return { live: false, owner, why: "dead-pid", expires_at: l.expires_at };
  return { live: true, owner, expires_at: l.expires_at, ...l.pid !== void 0 ? { pid: l.pid } : {} };
}
function touchOwnerInTx(tx, t, now = Date.now()) {
  const owner = assertOwner(t.owner);
  const ttl = assertTtl(t.ttl_seconds ?? DEFAULT_TTL_SECONDS);
  const doc = tx.get(OWNERS_DOC);
  const lease = {
    owner,
    host: hostName(),
    renewed_at: new Date(now).toISOString(),
    expires_at: expiryFrom(now, ttl),
    ttl_seconds: ttl
  };
  const before = leaseOf(doc, owner);
  const pid = t.pid ?? (before?.host === lease.host && Date.parse(before.expires_at) > now ? before.pid : void 0);
  if (pid !== void 0) lease.pid = pid;
  for (const k of Object.keys(doc.leases)) {
    const l = doc.leases[k];
    if (!saneLease(l) || Date.parse(l.expires_at) < now - 864e5) delete doc.leases[k];
  }
  doc.leases[owner] = lease;
  return { ...lease };
}
function fresh(l, t, now) {
  if (!l || t.pid !== void 0 && l.pid !== t.pid || l.host !== hostName()) return false;
  const ttl = t.ttl_seconds ?? l.ttl_seconds;
  return Date.parse(l.expires_at) >= now + ttl * 1e3 - Math.min(60, ttl / 2) * 1e3;
}
async function touchOwner(store, t) {
  assertOwner(t.owner);
  const cur = (await store.read(OWNERS_DOC)).data;
  if (fresh(leaseOf(cur, t.owner), t, Date.now())) return;
  await store.transact(async (tx) => void touchOwnerInTx(tx, t));
}
async function renewOwner(store, owner) {
  const cur = leaseOf((await store.read(OWNERS_DOC)).data, owner);
  if (!cur || !(Date.parse(cur.expires_at) > Date.now())) return false;
  const t = { owner, ttl_seconds: cur.ttl_seconds, ...cur.pid !== void 0 ? { pid: cur.pid } : {} };
  if (fresh(cur, t, Date.now())) return false;
  return store.transact(async (tx) => {
    const l = leaseOf(tx.get(OWNERS_DOC), owner);
    if (!l || !(Date.parse(l.expires_at) > Date.now())) return false;
    touchOwnerInTx(tx, t);
    return true;
  });
}
async function releaseOwner(store, owner) {
  if (!leaseOf((await store.read(OWNERS_DOC)).data, owner)) return false;
  return store.transact(async (tx) => {
    const doc = tx.get(OWNERS_DOC);
    if (!Object.hasOwn(doc.leases, owner)) return false;
    delete doc.leases[owner];
    return true;
  });
}
async function readOwners(store) {
  return (await store.read(OWNERS_DOC)).data;
}
function describeLiveness(l, now = Date.now()) {
  if (l.live)
    return l.expires_at ? `${l.owner}, whose lease ends at ${describeUntil(l.expires_at, now)}` : `${l.owner}, alive as pid ${l.pid} on this host`;
  if (l.why === "expired") return `${l.owner}, whose lease ended at ${l.expires_at}`;
  if (l.why === "dead-pid") return `${l.owner}, whose process has ended`;
  return `${l.owner}, which has no lease`;
}
function assertAuthority(doc, a, now = Date.now()) {
  if (a.force || a.holder === void 0 || a.holder === a.actor) return;
  const l = ownerLiveness(doc, a.holder, now);
  if (!l.live) return;
  const take = a.task ? `, or once its lease ends take the task over (${act("take_task", { task_id: a.task })})` : "";
  throw new LanesError("CONFLICT", `${a.what} belongs to ${describeLiveness(l, now)}; you are ${a.actor}. Nothing was changed.`, {
    hint: `Ask that owner to do it, work on something else${take}. A human can override this at the CLI with --force.`,
    details: { holder: a.holder, actor: a.actor, ...l.expires_at ? { expires_at: l.expires_at } : {} }
  });
}

export {
  OWNERS_DOC,
  leaseOf,
  ownerLiveness,
  touchOwnerInTx,
  touchOwner,
  renewOwner,
  releaseOwner,
  readOwners,
  describeLiveness,
  assertAuthority
};
