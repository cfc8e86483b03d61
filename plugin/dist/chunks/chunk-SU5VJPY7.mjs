#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);

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

// src/util/log.ts
var LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };
function threshold() {
  const v = (process.env.LANES_LOG ?? "warn").toLowerCase();
  return v in LEVELS ? LEVELS[v] : LEVELS.warn;
}
function write(level, msg, extra) {
  if (LEVELS[level] < threshold()) return;
  const tail = extra === void 0 ? "" : ` ${typeof extra === "string" ? extra : safeJson(extra)}`;
  process.stderr.write(`lanes ${level}: ${msg}${tail}
`);
}
function safeJson(v) {
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}
var log = {
  debug: (msg, extra) => write("debug", msg, extra),
  info: (msg, extra) => write("info", msg, extra),
  warn: (msg, extra) => write("warn", msg, extra),
  error: (msg, extra) => write("error", msg, extra)
};

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

// src/state/docs.ts
import fs from "node:fs";
import path from "node:path";
var RESERVED = /* @__PURE__ */ new Set(["commit"]);
function assertDocName(doc) {
  assertSlug(doc, "state document name");
  if (RESERVED.has(doc)) throw new LanesError("INVALID_INPUT", `"${doc}" is reserved and cannot name a state document.`);
  return doc;
}
function docFile(dir, doc) {
  return path.join(dir, `${doc}.json`);
}
function docText(version, dataJson) {
  return `{"version":${version},"data":${dataJson ?? "null"}}
`;
}
function loadDoc(file) {
  let text;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    if (e.code === "ENOENT") return void 0;
    throw e;
  }
  return parseDoc(text);
}
function parseDoc(text) {
  let obj;
  try {
    obj = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: text.length === 0 ? "the file is empty" : e.message };
  }
  if (typeof obj !== "object" || obj === null || Array.isArray(obj)) return { ok: false, reason: "not a JSON object" };
  const o = obj;
  if (!Number.isSafeInteger(o.version) || o.version < 0) return { ok: false, reason: 'no valid "version"' };
  if (!("data" in o)) return { ok: false, reason: 'no "data"' };
  return { ok: true, version: o.version, data: o.data };
}
function diskVersion(file) {
  try {
    const r = loadDoc(file);
    return r === void 0 ? 0 : r.ok ? r.version : -1;
  } catch {
    return -1;
  }
}
function quarantine(file, reason) {
  const stamp = (/* @__PURE__ */ new Date()).toISOString().replace(/[:.]/g, "-");
  let q = `${file}.corrupt-${stamp}`;
  if (fs.existsSync(q)) q = `${q}-${process.pid}`;
  try {
    fs.renameSync(file, q);
  } catch (e) {
    return new LanesError("STATE_CORRUPT", `State file ${file} is not valid (${reason}) and could not be moved aside: ${e.message}`, {
      hint: `Move ${file} out of the way yourself (keep a copy if it matters), then run the command again.`,
      details: { file }
    });
  }
  log.error(`state file ${file} is not valid (${reason}); quarantined as ${q}`);
  const doc = path.basename(file, ".json");
  return new LanesError("STATE_CORRUPT", `State file ${file} is not valid (${reason}); it was moved aside to ${q}.`, {
    hint: `The next command starts "${doc}" afresh from its defaults; nothing else was reset. To keep the old contents, repair ${q} and move it back to ${file} while no Lanes command is running.`,
    details: { file, quarantine: q }
  });
}

export {
  LanesError,
  isLanesError,
  errorMessage,
  SLUG_RE,
  SLUG_RULE,
  isSlug,
  assertSlug,
  slugify,
  log,
  assertDocName,
  docFile,
  docText,
  loadDoc,
  parseDoc,
  diskVersion,
  quarantine
};
