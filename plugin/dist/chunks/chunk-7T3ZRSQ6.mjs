#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  assertDocName
} from "./chunk-LIEEZQE5.mjs";
import {
  LanesError
} from "./chunk-B475TGAI.mjs";

// src/state/pid.ts
import fs from "node:fs";
import os from "node:os";
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
  host ??= os.hostname();
  return host;
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
  pidAlive,
  hostName,
  defineDoc
};
