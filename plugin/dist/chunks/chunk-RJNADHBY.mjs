#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
var fs = require("node:fs");

// src/hooks/lib/input.ts
var MAX_BYTES = 64 * 1024 * 1024;
function readHookInput(opts = {}) {
  if (stdinIsTerminal()) return Promise.resolve({ ok: false, why: "no input: stdin is a terminal, not the JSON Claude Code sends" });
  const max = opts.maxBytes ?? MAX_BYTES;
  try {
    const buf = fs.readFileSync(0);
    if (buf.length > max) return Promise.resolve({ ok: false, why: `input larger than ${max} bytes` });
    return Promise.resolve(parseHookInput(buf.toString("utf8")));
  } catch {
    return readStream(opts, max);
  }
}
function stdinIsTerminal() {
  try {
    const st = fs.fstatSync(0);
    return st.isCharacterDevice() && st.rdev !== fs.statSync("/dev/null").rdev;
  } catch {
    return false;
  }
}
function readStream(opts, max) {
  const stdin = process.stdin;
  return new Promise((resolve) => {
    const chunks = [];
    let size = 0;
    let done = false;
    const finish = (r) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      stdin.removeAllListeners("data");
      stdin.removeAllListeners("end");
      stdin.removeAllListeners("error");
      stdin.pause();
      stdin.unref?.();
      resolve(r);
    };
    const timer = setTimeout(
      () => finish({ ok: false, why: `no complete input on stdin within ${opts.timeoutMs ?? 5e3} ms` }),
      opts.timeoutMs ?? 5e3
    );
    timer.unref();
    stdin.on("data", (c) => {
      size += c.length;
      if (size > max) return finish({ ok: false, why: `input larger than ${max} bytes` });
      chunks.push(c);
    });
    stdin.on("end", () => finish(parseHookInput(Buffer.concat(chunks).toString("utf8"))));
    stdin.on("error", (e) => finish({ ok: false, why: `could not read stdin: ${e.message}` }));
  });
}
function parseHookInput(text) {
  const t = text.replace(/^\uFEFF/, "").trim();
  if (t === "") return { ok: false, why: "empty input (expected the hook JSON on stdin)" };
  let v;
  try {
    v = JSON.parse(t);
  } catch (e) {
    return { ok: false, why: `input is not JSON (${e.message.slice(0, 120)})` };
  }
  if (typeof v !== "object" || v === null || Array.isArray(v)) return { ok: false, why: "input is JSON but not an object" };
  return { ok: true, input: v };
}
function str(input, key) {
  const v = input?.[key];
  return typeof v === "string" && v !== "" ? v : void 0;
}

export {
  readHookInput,
  str
};
