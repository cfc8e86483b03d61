#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
import {
  isSha
} from "./chunk-AAYR2TCU.mjs";
import {
  git
} from "./chunk-5IGYGQZY.mjs";
import {
  safeText
} from "./chunk-EFR7W7QO.mjs";
import {
  LanesError
} from "./chunk-OBLF3P63.mjs";

// src/git/remote.ts
var DEFAULT_TIMEOUT_MS = 3e4;
var NET_CONFIG = ["-c", "http.lowSpeedLimit=1", "-c", "http.lowSpeedTime=20", "-c", "core.hooksPath=/dev/null", "-c", "gc.auto=0"];
var OFFLINE_RE = /Connection refused|Could not resolve host|unable to connect|Failed to connect|Connection timed out|Connection reset|timed out|unable to access|returned error: 5\d\d|early EOF|remote end hung up|Could not read from remote repository|Network is unreachable|No route to host|transfer closed|RPC failed|Empty reply/i;
function assertRemote(remote) {
  if (!remote || remote.startsWith("-") || /[\x00-\x1f\x7f]/.test(remote)) {
    throw new LanesError("INVALID_INPUT", `Invalid remote ${JSON.stringify(remote.slice(0, 80))}.`, {
      hint: "Name a configured remote (e.g. origin) or give its URL."
    });
  }
}
var PUSHABLE_RE = /^refs\/(?:lanes\/[a-z0-9][a-z0-9/_.-]*|heads\/[A-Za-z0-9][A-Za-z0-9/_.-]*)$/;
function pushableRefProblem(ref) {
  if (!PUSHABLE_RE.test(ref)) return "is neither under refs/lanes/ nor a branch (refs/heads/...)";
  if (ref.includes("..") || ref.includes("//") || ref.endsWith(".lock") || ref.endsWith("/") || ref.endsWith(".") || ref.includes("/.")) {
    return "is not a well-formed ref name";
  }
  return void 0;
}
function assertRef(ref) {
  const problem = pushableRefProblem(ref);
  if (problem) throw new LanesError("INTERNAL", `Refusing to push ${JSON.stringify(ref)}: it ${problem}.`);
}
function offlineError(remote, what, stderr, cause) {
  const detail = stderr.trim().split("\n").filter(Boolean).slice(-2).join(" / ");
  return new LanesError("OFFLINE", `Could not reach the remote ${JSON.stringify(remote)} to ${what}: ${safeText(detail) || "no answer"}.`, {
    hint: "Nothing was changed on the remote. Work in your lanes, commits and local state still works; shared claims, tasks and landings need the remote: check the network or the server and run the command again.",
    details: { remote, stderr: stderr.slice(-2e3) },
    cause
  });
}
async function netGit(cwd, remote, what, args, opts, extra = {}) {
  let r;
  try {
    r = await git(cwd, [...NET_CONFIG, ...args], {
      env: opts.env,
      timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      okCodes: [1, 128, 129],
      ...extra
    });
  } catch (e) {
    if (e instanceof LanesError && e.details?.exitCode === -1) {
      throw offlineError(remote, what, `no answer within ${Math.round((opts.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1e3)} s`, e);
    }
    throw e;
  }
  return r;
}
async function lsRemote(cwd, remote, patterns, opts = {}) {
  assertRemote(remote);
  const list = (Array.isArray(patterns) ? patterns : [`${patterns}*`]).map((p) => {
    if (!p.startsWith("refs/") || /[\x00-\x20\x7f~^:?[\\]/.test(p.slice(0, p.endsWith("*") ? -1 : void 0)))
      throw new LanesError("INTERNAL", `bad ref pattern ${JSON.stringify(p)}`);
    return p;
  });
  const r = await netGit(cwd, remote, "list its shared state", ["ls-remote", "--refs", remote, ...list], opts);
  if (r.exitCode !== 0) {
    if (OFFLINE_RE.test(r.stderr)) throw offlineError(remote, "list its shared state", r.stderr);
    throw new LanesError("GIT", `git ls-remote ${remote} failed: ${safeText(r.stderr.trim())}`, {
      hint: "Check that the remote exists and that you may read it."
    });
  }
  const out = /* @__PURE__ */ new Map();
  const wanted = (ref) => list.some((p) => p.endsWith("*") ? ref.startsWith(p.slice(0, -1)) : ref === p);
  for (const line of r.stdout.split("\n")) {
    const [oid, ref] = line.split("	");
    if (oid && ref && isSha(oid) && wanted(ref)) out.set(ref, oid);
  }
  return out;
}
async function presentObjects(cwd, oids, opts = {}) {
  if (oids.length === 0) return /* @__PURE__ */ new Set();
  const r = await git(cwd, ["cat-file", "--batch-check"], { env: opts.env, input: oids.join("\n") + "\n", readOnly: true });
  const have = /* @__PURE__ */ new Set();
  for (const line of r.stdout.split("\n")) {
    const [oid, type] = line.split(" ");
    if (oid && type && type !== "missing") have.add(oid);
  }
  return have;
}
async function fetchObjects(cwd, remote, oids, opts = {}) {
  assertRemote(remote);
  const missing = oids.filter((o) => isSha(o));
  if (missing.length === 0) return "ok";
  const r = await netGit(
    cwd,
    remote,
    "fetch its shared state",
    ["fetch", "--no-tags", "--no-write-fetch-head", "--no-auto-gc", "--quiet", remote, ...missing],
    opts
  );
  if (r.exitCode === 0) return "ok";
  if (/not our ref|no such remote ref|couldn't find remote ref|unadvertised object/i.test(r.stderr)) return "moved";
  if (OFFLINE_RE.test(r.stderr)) throw offlineError(remote, "fetch its shared state", r.stderr);
  throw new LanesError("GIT", `git fetch ${remote} failed: ${safeText(r.stderr.trim())}`, {
    hint: "Check that the remote exists and that you may read it."
  });
}
async function readBlobs(cwd, specs, opts = {}) {
  if (specs.length === 0) return [];
  const known = specs.map((s) => blobMemo.get(s));
  if (known.every((k) => k !== void 0)) return known;
  const read = await readBlobsFromGit(cwd, specs, opts);
  specs.forEach((s, i) => {
    const text = read[i];
    if (text !== void 0) rememberBlob(s, text);
  });
  return read;
}
var blobMemo = /* @__PURE__ */ new Map();
var IMMUTABLE_SPEC = /^(?:[0-9a-f]{40}|[0-9a-f]{64}):[^\n]+$/;
var MEMO_ENTRIES = 64;
function rememberBlob(spec, text) {
  if (!IMMUTABLE_SPEC.test(spec) || text.length > 4 * 1024 * 1024) return;
  blobMemo.delete(spec);
  blobMemo.set(spec, text);
  if (blobMemo.size > MEMO_ENTRIES) blobMemo.delete(blobMemo.keys().next().value);
}
async function readBlobsFromGit(cwd, specs, opts) {
  const r = await git(cwd, ["cat-file", "--batch"], { env: opts.env, input: specs.join("\n") + "\n", readOnly: true });
  const buf = Buffer.from(r.stdout, "utf8");
  const out = [];
  let pos = 0;
  for (let i = 0; i < specs.length; i++) {
    const nl = buf.indexOf(10, pos);
    const header = buf.subarray(pos, nl).toString("utf8");
    pos = nl + 1;
    if (header.endsWith(" missing") || header.endsWith(" ambiguous")) {
      out.push(void 0);
      continue;
    }
    const size = Number(header.split(" ")[2]);
    out.push(buf.subarray(pos, pos + size).toString("utf8"));
    pos += size + 1;
  }
  return out;
}
function parsePorcelain(stdout) {
  const refs = [];
  for (const line of stdout.split("\n")) {
    const m = /^(.)\t([^\t]*)\t(.*)$/.exec(line);
    if (!m) continue;
    const spec = m[2];
    refs.push({ flag: m[1], ref: spec.slice(spec.lastIndexOf(":") + 1), summary: m[3] });
  }
  return refs;
}
var CONTENDED_RE = /stale info|fetch first|non-fast-forward|failed to update ref|cannot lock ref|incorrect old value|reference already exists|but expected|failed to lock/i;
var COLLATERAL_RE = /atomic push failed|atomic transaction failed/i;
async function pushAtomic(cwd, remote, updates, opts = {}) {
  assertRemote(remote);
  if (updates.length === 0) return { ok: true, refs: [] };
  const args = ["push", "--atomic", "--porcelain", "--no-verify"];
  const specs = [];
  for (const u of updates) {
    assertRef(u.ref);
    if (u.expect !== null && !isSha(u.expect)) throw new LanesError("INTERNAL", `bad expected value for ${u.ref}`);
    if (u.next !== null && !isSha(u.next)) throw new LanesError("INTERNAL", `bad new value for ${u.ref}`);
    if (u.next === u.expect) throw new LanesError("INTERNAL", `push of ${u.ref} would not change it, so its lease would not be checked`);
    args.push(`--force-with-lease=${u.ref}:${u.expect ?? ""}`);
    specs.push(u.next === null ? `:${u.ref}` : `${u.next}:${u.ref}`);
  }
  const r = await netGit(cwd, remote, "push shared state", [...args, remote, ...specs], opts);
  const refs = parsePorcelain(r.stdout);
  if (r.exitCode === 0 && refs.every((s) => s.flag !== "!")) return { ok: true, refs };
  const rejected = refs.filter((s) => s.flag === "!");
  if (rejected.length === 0) {
    if (OFFLINE_RE.test(r.stderr) || r.exitCode === 128) throw offlineError(remote, "push shared state", r.stderr);
    throw new LanesError("GIT", `git push ${remote} failed (exit ${r.exitCode}): ${safeText(r.stderr.trim())}`);
  }
  const causes = rejected.filter((s) => !COLLATERAL_RE.test(s.summary));
  const contended = causes.filter((s) => CONTENDED_RE.test(s.summary));
  const policy = causes.filter((s) => !CONTENDED_RE.test(s.summary));
  if (policy.length > 0) {
    const reason = policy.map((s) => `${s.ref} ${s.summary}`).join("; ");
    const said = r.stderr.split("\n").filter((l) => l.startsWith("remote:")).map((l) => l.slice(7).trim()).filter(Boolean).slice(-5).join(" / ");
    return {
      ok: false,
      kind: "rejected",
      refs,
      reason: safeText(said ? `${reason} (the server said: ${said})` : reason),
      message: r.stderr
    };
  }
  const names = (contended.length > 0 ? contended : rejected).map((s) => s.ref);
  return { ok: false, kind: "contended", refs, contended: names, message: r.stderr };
}

export {
  OFFLINE_RE,
  assertRemote,
  pushableRefProblem,
  assertRef,
  offlineError,
  netGit,
  lsRemote,
  presentObjects,
  fetchObjects,
  readBlobs,
  rememberBlob,
  pushAtomic
};
