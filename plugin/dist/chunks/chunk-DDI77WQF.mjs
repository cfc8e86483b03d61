#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
import {
  LanesError
} from "./chunk-OBLF3P63.mjs";

// src/util/slug.ts
var SLUG_RE = /^[a-z0-9][a-z0-9-]{0,62}$/;
var SLUG_RULE = "lowercase letters, digits and hyphens, starting with a letter or digit, at most 63 characters";
function isSlug(s) {
  return typeof s === "string" && SLUG_RE.test(s);
}
function assertSlug(s, what = "task id") {
  if (isSlug(s)) return s;
  const shown = typeof s === "string" ? JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}...` : s) : String(s);
  throw new LanesError("INVALID_INPUT", `Invalid ${what} ${shown}: use ${SLUG_RULE} (for example "api-auth").`);
}
function slugify(text, max = 63) {
  const s = text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, max).replace(/-+$/g, "");
  return s || "task";
}

export {
  SLUG_RE,
  SLUG_RULE,
  isSlug,
  assertSlug,
  slugify
};
