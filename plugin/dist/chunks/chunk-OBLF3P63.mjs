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

export {
  LanesError,
  isLanesError,
  errorMessage
};
