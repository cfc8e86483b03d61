#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  isPlainScope,
  matchesScope
} from "./chunk-DRMYFPW3.mjs";

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
    const pre = segs.slice(0, segs.findIndex((s) => !isPlainScope(s))).join("/");
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
function findHolder(claims, path, exceptOwner, now = Date.now()) {
  const list = Array.isArray(claims) ? claims : claims.claims;
  const p = cleanPath(path);
  const nowIso = new Date(now).toISOString();
  let shared;
  for (const c of list) {
    if (c.owner === exceptOwner || shared && c.mode === "shared") continue;
    if (!matcherFor(c.pattern)(p) || c.expires_at <= nowIso) continue;
    if (c.mode === "exclusive") return c;
    shared = c;
  }
  return shared;
}

export {
  findHolder
};
