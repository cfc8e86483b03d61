#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
var fs = require("node:fs");
var path = require("node:path");
import {
  git
} from "./chunk-5IGYGQZY.mjs";
import {
  ensurePrivateDir
} from "./chunk-ZLPZGQGU.mjs";
import {
  writeFileAtomic
} from "./chunk-PCFNT4JQ.mjs";

// src/state/remote/mirror.ts
function mirrorRef(name, doc) {
  return `refs/lanes-remote/${name}/state/${doc}`;
}
async function mirrorRefs(cwd, name, env) {
  const prefix = `refs/lanes-remote/${name}/state/`;
  const r = await git(cwd, ["for-each-ref", "--format=%(objectname) %(refname)", prefix], { env, readOnly: true });
  const out = /* @__PURE__ */ new Map();
  for (const line of r.stdout.split("\n")) {
    const [oid, ref] = line.split(" ");
    if (oid && ref?.startsWith(prefix)) out.set(ref.slice(prefix.length), oid);
  }
  return out;
}
async function advanceMirror(cwd, name, seen, held, env) {
  const lines = [];
  for (const s of seen) {
    const h = held.get(s.doc);
    if (h && (h.gen >= s.gen || h.oid === s.oid)) continue;
    lines.push(`update ${mirrorRef(name, s.doc)} ${s.oid} ${h ? h.oid : ""}`.trimEnd());
  }
  await Promise.all(
    lines.map((l) => git(cwd, ["update-ref", "--stdin"], { env, input: `${l}
`, okCodes: [1, 128] }).catch(() => void 0))
  );
}
async function casMirrorRefs(cwd, moves, env) {
  if (!moves.length) return;
  const zero = "0".repeat(40);
  const input = moves.map((m) => `update ${m.ref} ${m.next} ${m.expect ?? zero}`).join("\n") + "\n";
  await git(cwd, ["update-ref", "--stdin"], { env, input });
}
function recordFile(stateDir, name) {
  return path.join(stateDir, "remote", `${name}.json`);
}
function lastFetch(stateDir, name) {
  try {
    const r = JSON.parse(fs.readFileSync(recordFile(stateDir, name), "utf8"));
    return typeof r.fetchedAt === "number" ? r.fetchedAt : void 0;
  } catch {
    return void 0;
  }
}
function recordFetch(stateDir, root, name, at) {
  const prev = lastFetch(stateDir, name);
  if (prev !== void 0 && prev >= at) return;
  ensurePrivateDir(path.join(stateDir, "remote"), root);
  writeFileAtomic(recordFile(stateDir, name), JSON.stringify({ fetchedAt: at }) + "\n", 384, { durable: false });
}

export {
  mirrorRef,
  mirrorRefs,
  advanceMirror,
  casMirrorRefs,
  lastFetch,
  recordFetch
};
