#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
var fs = require("node:fs");
var os = require("node:os");
var fs2 = require("node:fs");
var fs3 = require("node:fs");
var path = require("node:path");
import {
  randomHex
} from "./chunk-PMXN3EG4.mjs";
import {
  log
} from "./chunk-XNIKMWZT.mjs";
import {
  LanesError
} from "./chunk-OBLF3P63.mjs";

// src/state/pid.ts
function pidAlive(pid) {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    return e.code === "EPERM";
  }
  return !isZombie(pid);
}
function isZombie(pid) {
  let stat;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return false;
  }
  const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
  return state === "Z" || state === "X";
}
var host;
function hostName() {
  host ??= process.env.LANES_MACHINE || os.hostname();
  return host;
}

// src/util/failpoint.ts
var parsed;
var parsedFrom;
function points() {
  const raw = process.env.LANES_FAILPOINT ?? "";
  if (parsed && parsedFrom === raw) return parsed;
  parsed = /* @__PURE__ */ new Map();
  parsedFrom = raw;
  for (const item of raw.split(",")) {
    const t = item.trim();
    if (!t) continue;
    const i = t.indexOf(":");
    parsed.set(i < 0 ? t : t.slice(0, i), i < 0 ? "kill" : t.slice(i + 1));
  }
  return parsed;
}
async function failpoint(name) {
  if (!process.env.LANES_FAILPOINT) return;
  const action = points().get(name);
  if (action === void 0) return;
  if (action === "kill") {
    process.kill(process.pid, "SIGKILL");
    await new Promise(() => {
    });
  }
  if (action === "exit") process.exit(99);
  if (action === "throw") throw new LanesError("INTERNAL", `failpoint ${name} fired`);
  if (action.startsWith("sleep:")) {
    await new Promise((r) => setTimeout(r, Number(action.slice(6)) || 0));
  }
  if (action.startsWith("pause:")) {
    const file = action.slice(6);
    fs2.writeFileSync(`${file}.reached`, `${process.pid}
`);
    while (!fs2.existsSync(file)) await new Promise((r) => setTimeout(r, 20));
  }
}
function failpointSync(name) {
  if (!process.env.LANES_FAILPOINT) return;
  const action = points().get(name);
  if (action === void 0) return;
  if (action === "kill") {
    process.kill(process.pid, "SIGKILL");
    const sab = new Int32Array(new SharedArrayBuffer(4));
    for (; ; ) Atomics.wait(sab, 0, 0, 1e3);
  }
  if (action === "exit") process.exit(99);
  if (action === "throw") throw new LanesError("INTERNAL", `failpoint ${name} fired`);
}

// src/state/atomic.ts
var TEMP_RE = /^\.(.+)\.(\d+)\.([0-9a-f]+)\.tmp$/;
var ORPHAN_AGE_MS = 60 * 60 * 1e3;
function tempPathFor(file) {
  const rand = randomHex(6);
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${rand}.tmp`);
}
function writeTempFile(file, data, mode = 384, durable = true) {
  const tmp = tempPathFor(file);
  const buf = typeof data === "string" ? Buffer.from(data) : data;
  const fd = fs3.openSync(tmp, "wx", mode);
  try {
    fs3.fchmodSync(fd, mode);
    let off = 0;
    while (off < buf.length) off += fs3.writeSync(fd, buf, off, buf.length - off);
    if (durable) fs3.fsyncSync(fd);
  } catch (e) {
    fs3.closeSync(fd);
    rmQuiet(tmp);
    throw e;
  }
  fs3.closeSync(fd);
  return tmp;
}
function writeFileAtomic(file, data, mode = 384, opts = {}) {
  const durable = opts.durable !== false;
  const tmp = writeTempFile(file, data, mode, durable);
  try {
    opts.beforeRename?.();
    if (durable) failpointSync("state.before-rename");
    fs3.renameSync(tmp, file);
  } catch (e) {
    rmQuiet(tmp);
    throw e;
  }
  if (durable && opts.syncDir !== false) fsyncDir(path.dirname(file));
}
function fsyncDir(dir) {
  const fd = fs3.openSync(dir, "r");
  try {
    fs3.fsyncSync(fd);
  } catch (e) {
    const code = e.code;
    if (code !== "EINVAL" && code !== "EISDIR") throw e;
  } finally {
    fs3.closeSync(fd);
  }
}
function rmQuiet(file) {
  try {
    fs3.unlinkSync(file);
  } catch {
  }
}
function sweepTempFiles(dir, keep) {
  let names;
  try {
    names = fs3.readdirSync(dir);
  } catch (e) {
    if (e.code === "ENOENT") return 0;
    throw e;
  }
  let removed = 0;
  for (const name of names) {
    const m = TEMP_RE.exec(name);
    if (!m || keep?.has(name)) continue;
    const p = path.join(dir, name);
    if (pidAlive(Number(m[2])) && !isOld(p)) continue;
    try {
      fs3.unlinkSync(p);
      removed++;
      log.debug(`removed orphan temp file ${p}`);
    } catch (e) {
      if (e.code !== "ENOENT") log.warn(`could not remove orphan temp file ${p}`, String(e));
    }
  }
  return removed;
}
function hasOrphanTemps(dir) {
  let names;
  try {
    names = fs3.readdirSync(dir);
  } catch {
    return false;
  }
  return names.some((n) => {
    const m = TEMP_RE.exec(n);
    return m !== null && (!pidAlive(Number(m[2])) || isOld(path.join(dir, n)));
  });
}
function isOld(p) {
  try {
    return Date.now() - fs3.lstatSync(p).mtimeMs > ORPHAN_AGE_MS;
  } catch {
    return false;
  }
}

export {
  pidAlive,
  hostName,
  failpoint,
  failpointSync,
  TEMP_RE,
  writeTempFile,
  writeFileAtomic,
  fsyncDir,
  rmQuiet,
  sweepTempFiles,
  hasOrphanTemps
};
