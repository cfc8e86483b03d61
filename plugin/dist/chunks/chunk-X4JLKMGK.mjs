#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
var fs = require("node:fs");
var path = require("node:path");
import {
  log
} from "./chunk-XNIKMWZT.mjs";
import {
  assertSlug
} from "./chunk-DDI77WQF.mjs";
import {
  LanesError
} from "./chunk-OBLF3P63.mjs";

// src/state/records.ts
function nullProtoDeep(value) {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    for (const v of value) nullProtoDeep(v);
    return value;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  if (proto !== null) Object.setPrototypeOf(value, null);
  for (const k of Object.keys(value)) nullProtoDeep(value[k]);
  return value;
}
function parseRecords(text) {
  const root = JSON.parse(text);
  const stack = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== "object") continue;
    if (Array.isArray(v)) {
      for (const x of v) if (x !== null && typeof x === "object") stack.push(x);
      continue;
    }
    Object.setPrototypeOf(v, null);
    for (const k in v) {
      const x = v[k];
      if (x !== null && typeof x === "object") stack.push(x);
    }
  }
  return root;
}
function own(map, key) {
  return map != null && Object.hasOwn(map, key) ? map[key] : void 0;
}
function recordMap(entries) {
  const m = /* @__PURE__ */ Object.create(null);
  if (entries) for (const [k, v] of entries) m[k] = v;
  return m;
}

// src/state/docs.ts
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
    obj = parseRecords(text);
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
    return new LanesError(
      "STATE_CORRUPT",
      `State file ${file} is not valid (${reason}) and could not be moved aside: ${e.message}`,
      {
        hint: `Move ${file} out of the way yourself (keep a copy if it matters), then run the command again.`,
        details: { file }
      }
    );
  }
  log.error(`state file ${file} is not valid (${reason}); quarantined as ${q}`);
  const doc = path.basename(file, ".json");
  return new LanesError("STATE_CORRUPT", `State file ${file} is not valid (${reason}); it was moved aside to ${q}.`, {
    hint: `The next command starts "${doc}" afresh from its defaults; nothing else was reset. To keep the old contents, repair ${q} and move it back to ${file} while no Lanes command is running.`,
    details: { file, quarantine: q }
  });
}

// src/state/define.ts
var defined = /* @__PURE__ */ new Map();
var asStored = (stored) => stored;
function defineDoc(spec) {
  const name = assertDocName(spec.name);
  if (defined.has(name)) {
    throw new LanesError("INTERNAL", `The state document "${name}" is defined twice.`, {
      hint: "Define each state document once, with defineDoc in the module of the capability that owns it, and import that definition everywhere else."
    });
  }
  const def = Object.freeze({ name, empty: spec.empty, normalize: spec.normalize ?? asStored });
  defined.set(name, def);
  return def;
}

export {
  nullProtoDeep,
  own,
  recordMap,
  assertDocName,
  docFile,
  docText,
  loadDoc,
  parseDoc,
  diskVersion,
  quarantine,
  defineDoc
};
