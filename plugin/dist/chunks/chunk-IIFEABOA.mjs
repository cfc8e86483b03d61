#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));

// src/errors.ts
var LanesError = class extends Error {
  name = "LanesError";
  code;
  hint;
  details;
  constructor(code, message, options = {}) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.code = code;
    this.hint = options.hint;
    this.details = options.details;
  }
  /** Message plus hint, the way every entry point shows it. */
  describe() {
    return this.hint ? `${this.message}
${this.hint}` : this.message;
  }
};
function isLanesError(e, code) {
  return e instanceof LanesError && (code === void 0 || e.code === code);
}
function errorMessage(e) {
  if (e instanceof LanesError) return e.describe();
  if (e instanceof Error) return e.message;
  return String(e);
}

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
  LanesError,
  isLanesError,
  errorMessage,
  SLUG_RE,
  SLUG_RULE,
  isSlug,
  assertSlug,
  slugify
};
