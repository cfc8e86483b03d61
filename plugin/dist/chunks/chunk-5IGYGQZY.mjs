#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
var { existsSync } = require("node:fs");
import {
  childProcess
} from "./chunk-4CKTFQOR.mjs";
import {
  LanesError
} from "./chunk-OBLF3P63.mjs";

// src/git/exec.ts
function gitEnv(opts = {}) {
  const env = { ...opts.env };
  if (opts.readOnly) env.GIT_OPTIONAL_LOCKS = "0";
  env.GIT_TERMINAL_PROMPT = "0";
  env.GIT_EDITOR = env.GIT_EDITOR ?? "true";
  env.GIT_PAGER = "cat";
  return { ...process.env, ...env };
}
async function git(cwd, args, opts = {}) {
  let r;
  try {
    r = await run(args, cwd, gitEnv(opts), opts.input, opts.timeoutMs);
  } catch (cause) {
    const gone = !existsSync(cwd);
    throw new LanesError(
      "GIT",
      gone ? `could not run git ${args[0] ?? ""}: the directory ${cwd} does not exist` : `could not run git ${args[0] ?? ""}: ${cause.message}`,
      {
        hint: gone ? "The directory was removed; run the command from an existing checkout." : "Check that git is installed and on PATH.",
        cause
      }
    );
  }
  const exitCode = r.code ?? -1;
  const out = { stdout: r.stdout, stderr: r.stderr, exitCode };
  if (exitCode !== 0 && !(opts.okCodes ?? []).includes(exitCode)) {
    const what = args.filter((a) => !a.startsWith("-c") && !a.includes("=")).slice(0, 3).join(" ");
    throw new LanesError("GIT", `git ${what} failed (exit ${exitCode}): ${out.stderr.trim() || out.stdout.trim()}`, {
      details: { args, exitCode, stderr: out.stderr.slice(-4e3) }
    });
  }
  return out;
}
async function gitOut(cwd, args, opts = {}) {
  return (await git(cwd, args, opts)).stdout.trim();
}
var MAX_BUFFER = 64 * 1024 * 1024;
function run(args, cwd, env, input, timeoutMs) {
  return new Promise((resolve, reject) => {
    const child = childProcess().spawn("git", args, {
      cwd,
      env,
      stdio: [input === void 0 ? "ignore" : "pipe", "pipe", "pipe"],
      windowsHide: true
    });
    const out = [];
    const err = [];
    let size = 0;
    let killed = false;
    const kill = () => {
      if (killed) return;
      killed = true;
      child.kill("SIGTERM");
    };
    const collect = (into) => (c) => {
      size += c.length;
      if (size > MAX_BUFFER) return kill();
      into.push(c);
    };
    child.stdout.on("data", collect(out));
    child.stderr.on("data", collect(err));
    const timer = timeoutMs !== void 0 && timeoutMs > 0 ? setTimeout(kill, timeoutMs) : void 0;
    let started = false;
    child.once("spawn", () => {
      started = true;
    });
    child.once("error", (e) => {
      if (timer) clearTimeout(timer);
      if (!started) reject(e);
    });
    const text = (b) => Buffer.concat(b).toString("utf8");
    child.once("close", (code) => {
      if (timer) clearTimeout(timer);
      resolve({ code: killed ? null : code, stdout: text(out), stderr: text(err) });
    });
    child.once("exit", () => {
      if (!killed) return;
      if (timer) clearTimeout(timer);
      child.stdout.destroy();
      child.stderr.destroy();
      resolve({ code: null, stdout: text(out), stderr: text(err) });
    });
    if (input !== void 0) {
      child.stdin.on("error", () => {
      });
      child.stdin.end(input);
    }
  });
}

// src/git/tree.ts
var MAX_PATHSPEC_CHARS = 1e5;
async function filesAt(root, ref, plain) {
  const out = /* @__PURE__ */ new Set();
  if (plain.length === 0) return out;
  const wanted = new Set(plain);
  const chars = plain.reduce((n, p) => n + p.length + 1, 0);
  const paths = chars <= MAX_PATHSPEC_CHARS ? ["--", ...plain] : [];
  const r = await git(root, ["--literal-pathspecs", "ls-tree", "-r", "-z", "--full-tree", "--end-of-options", ref, ...paths], {
    readOnly: true,
    okCodes: [128]
  });
  if (r.exitCode !== 0) return out;
  for (const entry of r.stdout.split("\0")) {
    const tab = entry.indexOf("	");
    if (tab < 0) continue;
    const mode = entry.slice(0, entry.indexOf(" "));
    const p = entry.slice(tab + 1);
    if ((mode === "100644" || mode === "100755" || mode === "120000") && wanted.has(p)) out.add(p);
  }
  return out;
}
async function treeEntry(cwd, commit, rel) {
  const entry = (await git(cwd, ["ls-tree", "--full-tree", "-l", commit, "--", rel], { readOnly: true })).stdout.trim();
  if (!entry) return void 0;
  const [mode = "", type = "", oid = "", size = ""] = entry.split(/\s+/);
  return { mode, type, oid, size: Number(size) };
}
async function readBlob(cwd, oid) {
  return (await git(cwd, ["cat-file", "blob", oid], { readOnly: true })).stdout;
}
async function fileAt(cwd, rev, rel) {
  const r = await git(cwd, ["show", `${rev}:${rel}`], { readOnly: true, okCodes: [128] });
  return r.exitCode === 0 ? r.stdout : void 0;
}
async function treeOf(cwd, rev) {
  return (await git(cwd, ["rev-parse", `${rev}^{tree}`], { readOnly: true })).stdout.trim();
}
async function objectInfo(cwd, names) {
  const input = `${names.join("\n")}
`;
  const lines = (await git(cwd, ["cat-file", "--batch-check=%(objectname) %(objecttype)"], { input, readOnly: true })).stdout.split("\n");
  return names.map((_n, i) => {
    const [oid = "", type = ""] = (lines[i] ?? "").split(" ");
    return { oid, type };
  });
}

export {
  gitEnv,
  git,
  gitOut,
  filesAt,
  treeEntry,
  readBlob,
  fileAt,
  treeOf,
  objectInfo
};
