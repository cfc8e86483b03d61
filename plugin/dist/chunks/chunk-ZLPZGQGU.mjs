#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
var fs = require("node:fs");
var path = require("node:path");
import {
  LanesError
} from "./chunk-OBLF3P63.mjs";

// src/state/safedir.ts
function ensurePrivateDir(dir, root) {
  const top = path.resolve(root ?? path.dirname(dir));
  const rel = path.relative(top, dir);
  if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) {
    throw new LanesError("INVALID_INPUT", `State directory ${dir} is not inside ${top}.`);
  }
  fs.mkdirSync(top, { recursive: true, mode: 448 });
  let cur = top;
  for (const part of rel.split(path.sep)) {
    cur = path.join(cur, part);
    let st = lstatOrUndefined(cur);
    if (!st) {
      try {
        fs.mkdirSync(cur, { mode: 448 });
      } catch (e) {
        if (e.code !== "EEXIST") throw e;
      }
      st = fs.lstatSync(cur);
    }
    if (st.isSymbolicLink()) {
      throw new LanesError("UNSAFE", `Refusing to use state directory ${dir}: ${cur} is a symbolic link (to ${readLink(cur)}).`, {
        hint: `Lanes keeps its state in a real, private directory so it cannot be redirected elsewhere. Remove the link (rm ${cur}) and Lanes recreates the directory on the next command.`,
        details: { dir, link: cur }
      });
    }
    if (!st.isDirectory()) {
      throw new LanesError("UNSAFE", `Refusing to use state directory ${dir}: ${cur} is not a directory.`, {
        hint: `Move ${cur} out of the way and run the command again.`,
        details: { dir, path: cur }
      });
    }
  }
  const mode = fs.statSync(dir).mode & 511;
  if (mode & 63) fs.chmodSync(dir, 448);
}
function lstatOrUndefined(p) {
  try {
    return fs.lstatSync(p);
  } catch (e) {
    if (e.code === "ENOENT") return void 0;
    throw e;
  }
}
function readLink(p) {
  try {
    return fs.readlinkSync(p);
  } catch {
    return "?";
  }
}

export {
  ensurePrivateDir
};
