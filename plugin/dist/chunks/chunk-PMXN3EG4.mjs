#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
var { createRequire } = require("node:module");
var fs = require("node:fs");

// src/state/random.ts
var POOL = 256;
var pool;
var used = POOL;
var noDevice = false;
var requireBuiltin = createRequire(import.meta.url);
function fromDevice(n) {
  if (noDevice || n > POOL) return void 0;
  if (!pool || used + n > POOL) {
    let fd;
    try {
      fd = fs.openSync("/dev/urandom", "r");
      const buf = Buffer.allocUnsafe(POOL);
      let got = 0;
      while (got < POOL) {
        const r = fs.readSync(fd, buf, got, POOL - got, null);
        if (r <= 0) throw new Error("short read from /dev/urandom");
        got += r;
      }
      pool = buf;
      used = 0;
    } catch {
      noDevice = true;
      return void 0;
    } finally {
      if (fd !== void 0) fs.closeSync(fd);
    }
  }
  const out = Buffer.from(pool.subarray(used, used + n));
  pool.fill(0, used, used + n);
  used += n;
  return out;
}
function randomHex(n) {
  const bytes = fromDevice(n) ?? requireBuiltin("node:crypto").randomBytes(n);
  return bytes.toString("hex");
}
function sha256Hex(text) {
  return requireBuiltin("node:crypto").createHash("sha256").update(text, "utf8").digest("hex");
}

export {
  randomHex,
  sha256Hex
};
