#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  hostName,
  writeFileAtomic
} from "./chunk-CXNZ4SOU.mjs";

// src/state/seen.ts
import fs from "node:fs";
var GRACE_MS = 5e3;
var book;
function loadBook(file) {
  if (book?.file === file) return;
  let seen = /* @__PURE__ */ new Map();
  try {
    seen = new Map(JSON.parse(fs.readFileSync(file, "utf8")));
  } catch {
  }
  book = { file, seen, dirty: false };
}
function isLease(v) {
  const r = v;
  return typeof r.owner === "string" && typeof r.host === "string" && typeof r.expires_at === "string";
}
var tokenOf = (r) => `${r.host}\0${r.owner}\0${r.expires_at}`;
function ttlMsOf(r) {
  if (typeof r.ttl_seconds === "number" && r.ttl_seconds > 0) return r.ttl_seconds * 1e3;
  const from = typeof r.renewed_at === "string" ? r.renewed_at : typeof r.leased_at === "string" ? r.leased_at : void 0;
  const d = from ? Date.parse(r.expires_at) - Date.parse(from) : NaN;
  return Number.isFinite(d) && d > 0 ? d : 7 * 864e5;
}
function firstSeen(token, now) {
  const b = book;
  let t = b.seen.get(token);
  if (t === void 0) {
    b.seen.set(token, t = now);
    b.dirty = true;
  }
  return t;
}
function leaseEnd(r, now = Date.now()) {
  const written = Date.parse(r.expires_at);
  if (!book || !isLease(r) || r.host === hostName()) return written;
  return firstSeen(tokenOf(r), now) + ttlMsOf(r) + GRACE_MS;
}
function observeLeases(value, now = Date.now()) {
  if (!book) return;
  const walk = (v, depth) => {
    if (v === null || typeof v !== "object" || depth > 6) return;
    if (Array.isArray(v)) {
      for (const x of v) walk(x, depth + 1);
      return;
    }
    if (isLease(v) && v.host !== hostName()) firstSeen(tokenOf(v), now);
    for (const x of Object.values(v)) walk(x, depth + 1);
  };
  walk(value, 0);
}
function saveBook(keep) {
  const b = book;
  if (!b || !b.dirty) return;
  const old = Date.now() - 7 * 864e5;
  for (const [k, t] of b.seen) if (t < old || keep && !keep(k)) b.seen.delete(k);
  try {
    writeFileAtomic(b.file, JSON.stringify([...b.seen]) + "\n", 384, { durable: false });
    b.dirty = false;
  } catch {
  }
}

export {
  loadBook,
  leaseEnd,
  observeLeases,
  saveBook
};
