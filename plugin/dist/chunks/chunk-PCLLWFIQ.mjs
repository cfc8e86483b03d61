#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
var os2 = require("node:os");
var fs2 = require("node:fs");
var os = require("node:os");
var path2 = require("node:path");
var { createHash, randomBytes } = require("node:crypto");
var fs = require("node:fs");
var path = require("node:path");
var { deflateSync } = require("node:zlib");
var path3 = require("node:path");
import {
  advanceMirror,
  casMirrorRefs,
  lastFetch,
  mirrorRef,
  mirrorRefs,
  recordFetch
} from "./chunk-2U67RZHV.mjs";
import {
  fetchObjects,
  lsRemote,
  presentObjects,
  pushAtomic,
  pushableRefProblem,
  readBlobs,
  rememberBlob
} from "./chunk-Q62EWIYE.mjs";
import {
  configGet,
  isSha
} from "./chunk-AAYR2TCU.mjs";
import {
  git,
  gitOut
} from "./chunk-5IGYGQZY.mjs";
import {
  randomHex,
  sha256Hex
} from "./chunk-PMXN3EG4.mjs";
import {
  LanesError
} from "./chunk-OBLF3P63.mjs";

// src/state/remote/store.ts

// src/git/root-commit.ts

// src/git/loose-objects.ts
var stores = /* @__PURE__ */ new Map();
function looseObjectStore(cwd, env) {
  const key = `${cwd}\0${env?.GIT_DIR ?? ""}\0${env?.GIT_OBJECT_DIRECTORY ?? ""}`;
  let p = stores.get(key);
  if (!p) {
    p = probe(cwd, env).catch(() => void 0);
    stores.set(key, p);
  }
  return p;
}
async function probe(cwd, env) {
  const [where, shared] = await Promise.all([
    git(cwd, ["rev-parse", "--git-path", "objects", "--show-object-format"], { env, readOnly: true }),
    configGet(cwd, "core.sharedRepository", env)
  ]);
  const [dir = "", format = ""] = where.stdout.trim().split("\n");
  if (format !== "sha1" || shared !== void 0 || !dir) return void 0;
  const abs = path.resolve(cwd, dir);
  return fs.statSync(abs).isDirectory() ? { dir: abs } : void 0;
}
function writeLooseObject(store, type, body) {
  const raw = Buffer.concat([Buffer.from(`${type} ${body.length}\0`), body]);
  const oid = createHash("sha1").update(raw).digest("hex");
  const sub = path.join(store.dir, oid.slice(0, 2));
  const file = path.join(sub, oid.slice(2));
  if (fs.existsSync(file)) return oid;
  fs.mkdirSync(sub, { recursive: true });
  const tmp = path.join(sub, `tmp_obj_${randomBytes(6).toString("hex")}`);
  fs.writeFileSync(tmp, deflateSync(raw), { mode: 292, flag: "wx" });
  try {
    fs.linkSync(tmp, file);
  } catch (e) {
    if (e.code !== "EEXIST") throw e;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  return oid;
}
function treeBody(entries) {
  const sorted = [...entries].sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)));
  return Buffer.concat(sorted.flatMap((e) => [Buffer.from(`100644 ${e.name}\0`), Buffer.from(e.oid, "hex")]));
}
function rootCommitBody(tree, who, when, message) {
  const stamp = `${who} ${Math.floor(when)} +0000`;
  return Buffer.from(`tree ${tree}
author ${stamp}
committer ${stamp}

${message.endsWith("\n") ? message : `${message}
`}`);
}

// src/git/root-commit.ts
var LANES_NAME = "lanes";
var LANES_EMAIL = "lanes@localhost";
async function writeRootCommits(cwd, commits, opts = {}) {
  const names = commits.map((c) => Object.keys(c.files).sort());
  for (const n of names.flat())
    if (!/^[A-Za-z0-9._-]+$/.test(n)) throw new LanesError("INTERNAL", `bad file name in a state commit: ${JSON.stringify(n)}`);
  const store = await looseObjectStore(cwd, opts.env);
  if (store) {
    const when = Date.now() / 1e3;
    return commits.map((c, i) => {
      const entries = names[i].map((name) => ({ name, oid: writeLooseObject(store, "blob", Buffer.from(c.files[name])) }));
      const tree = writeLooseObject(store, "tree", treeBody(entries));
      const commit = writeLooseObject(store, "commit", rootCommitBody(tree, `${LANES_NAME} <${LANES_EMAIL}>`, when, c.message));
      for (const name of names[i]) rememberBlob(`${commit}:${name}`, c.files[name]);
      return commit;
    });
  }
  const tmp = fs2.mkdtempSync(path2.join(os.tmpdir(), "lanes-state-"));
  let blobs;
  try {
    const paths = commits.flatMap(
      (c, i) => names[i].map((n, j) => {
        const p = path2.join(tmp, `${i}-${j}`);
        fs2.writeFileSync(p, c.files[n], { mode: 384 });
        return p;
      })
    );
    blobs = (await git(cwd, ["hash-object", "-w", "--no-filters", "--stdin-paths"], { env: opts.env, input: paths.join("\n") + "\n" })).stdout.trim().split("\n");
  } finally {
    fs2.rmSync(tmp, { recursive: true, force: true });
  }
  let k = 0;
  const trees = names.map((ns) => ns.map((n) => `100644 blob ${blobs[k++]}	${n}`).join("\n"));
  const treeOids = (await git(cwd, ["mktree", "--batch"], { env: opts.env, input: trees.join("\n\n") + "\n" })).stdout.trim().split("\n");
  const env = {
    ...opts.env,
    GIT_AUTHOR_NAME: LANES_NAME,
    GIT_AUTHOR_EMAIL: LANES_EMAIL,
    GIT_COMMITTER_NAME: LANES_NAME,
    GIT_COMMITTER_EMAIL: LANES_EMAIL
  };
  const out = [];
  for (let i = 0; i < commits.length; i++) {
    const tree = treeOids[i];
    if (!tree || !isSha(tree) || !isSha(blobs[0] ?? "")) throw new LanesError("GIT", "git could not write a shared-state commit");
    out.push((await git(cwd, ["-c", "commit.gpgSign=false", "commit-tree", tree, "-m", commits[i].message], { env })).stdout.trim());
  }
  return out;
}

// src/state/remote/format.ts
var STATE_PREFIX = "refs/lanes/state/";
var DOC_FILE = "doc.json";
var DOC_RE = /^[a-z0-9][a-z0-9-]{0,62}$/;
function assertRemoteDocName(doc) {
  if (!DOC_RE.test(doc)) {
    throw new LanesError("INVALID_INPUT", `Invalid shared document name ${JSON.stringify(doc.slice(0, 80))}.`, {
      hint: "Document names are lowercase letters, digits and hyphens."
    });
  }
  return doc;
}
function parseStored(doc, text, oid) {
  try {
    const s = JSON.parse(text ?? "");
    if (s && s.lanes === 1 && s.doc === doc && Number.isInteger(s.gen)) return s;
  } catch {
  }
  throw new LanesError(
    "STATE_CORRUPT",
    `The shared document "${doc}" on the remote (commit ${oid.slice(0, 12)}) is not a Lanes state document.`,
    {
      hint: `Something other than Lanes wrote ${STATE_PREFIX}${doc}. Inspect it with git show ${oid}:${DOC_FILE}; Lanes will not overwrite it.`
    }
  );
}
function makeView(docs, fetchedAt) {
  const pick = (doc) => {
    const d = docs.get(doc);
    if (!d) throw new LanesError("INTERNAL", `shared document "${doc}" was not among those read`);
    return d;
  };
  return {
    fetchedAt,
    get: (doc, init) => {
      const d = pick(doc);
      return d.exists ? d.data : init();
    },
    gen: (doc) => pick(doc).gen
  };
}

// src/state/remote/read.ts
var absent = () => ({ exists: false, oid: null, gen: 0, data: void 0 });
async function parseAll(ctx, names, oids) {
  const present = names.filter((d) => oids.has(d));
  const texts = await readBlobs(
    ctx.cwd,
    present.map((d) => `${oids.get(d)}:${DOC_FILE}`),
    ctx
  );
  const out = /* @__PURE__ */ new Map();
  for (const d of names) out.set(d, absent());
  present.forEach((d, k) => {
    const oid = oids.get(d);
    const s = parseStored(d, texts[k], oid);
    out.set(d, { exists: s.data !== null, oid, gen: s.gen, data: s.data });
  });
  return out;
}
async function fetchDocs(ctx, docs, watch = []) {
  const names = [...new Set(docs.map(assertRemoteDocName))];
  for (let i = 0; ; i++) {
    const refs = await lsRemote(ctx.cwd, ctx.remote, [`${STATE_PREFIX}*`, ...watch], ctx);
    const at = ctx.now();
    const oids = /* @__PURE__ */ new Map();
    for (const d of names) {
      const o = refs.get(STATE_PREFIX + d);
      if (o) oids.set(d, o);
    }
    const wanted = [...oids.values()];
    const have = await presentObjects(ctx.cwd, wanted, ctx);
    const missing = wanted.filter((o) => !have.has(o));
    if (await fetchObjects(ctx.cwd, ctx.remote, missing, ctx) === "moved") {
      if (i >= 5)
        throw new LanesError("BUSY", `The shared state on ${ctx.remote} kept changing while it was read.`, {
          hint: "Run the command again."
        });
      continue;
    }
    const out = await parseAll(ctx, names, oids);
    await remember(
      ctx,
      [...out].flatMap(([doc, d]) => d.oid ? [{ doc, oid: d.oid, gen: d.gen }] : []),
      at
    );
    const watched = /* @__PURE__ */ new Map();
    for (const w of watch) if (refs.has(w)) watched.set(w, refs.get(w));
    return { docs: out, refs: watched, at, cached: false };
  }
}
async function cachedDocs(ctx, docs) {
  const names = docs.map(assertRemoteDocName);
  const refs = await mirrorRefs(ctx.cwd, ctx.name, ctx.env);
  const oids = /* @__PURE__ */ new Map();
  for (const d of names) if (refs.has(d)) oids.set(d, refs.get(d));
  const out = await parseAll(ctx, names, oids);
  const st = await localState(ctx);
  return { docs: out, refs: /* @__PURE__ */ new Map(), at: lastFetch(st.dir, ctx.name), cached: true };
}
var stateDirs = /* @__PURE__ */ new Map();
async function localState(ctx) {
  let st = stateDirs.get(ctx.cwd);
  if (!st) {
    const common = path3.resolve(ctx.cwd, await gitOut(ctx.cwd, ["rev-parse", "--git-common-dir"], { env: ctx.env, readOnly: true }));
    st = { dir: path3.join(common, "lanes"), root: common };
    stateDirs.set(ctx.cwd, st);
  }
  return st;
}
async function remember(ctx, seen, at) {
  try {
    const held = await mirrorGens(
      ctx,
      seen.map((s) => s.doc)
    );
    await advanceMirror(ctx.cwd, ctx.name, seen, held, ctx.env);
    if (at !== void 0) {
      const st = await localState(ctx);
      recordFetch(st.dir, st.root, ctx.name, at);
    }
  } catch {
  }
}
async function mirrorGens(ctx, docs) {
  const refs = await mirrorRefs(ctx.cwd, ctx.name, ctx.env);
  const list = docs.filter((d) => refs.has(d));
  const texts = await readBlobs(
    ctx.cwd,
    list.map((d) => `${refs.get(d)}:${DOC_FILE}`),
    ctx
  );
  const out = /* @__PURE__ */ new Map();
  list.forEach((d, i) => {
    try {
      out.set(d, { oid: refs.get(d), gen: parseStored(d, texts[i], refs.get(d)).gen });
    } catch {
      out.set(d, { oid: refs.get(d), gen: -1 });
    }
  });
  return out;
}
async function advanceMirrorFrom(ctx, moves) {
  try {
    await casMirrorRefs(
      ctx.cwd,
      moves.map((m) => ({ ref: mirrorRef(ctx.name, m.doc), next: m.oid, expect: m.from })),
      ctx.env
    );
    return true;
  } catch {
    return false;
  }
}

// src/state/remote/store.ts
var RemoteStore = class {
  remote;
  /** The slug naming this remote in local refs and files. */
  name;
  opts;
  ctx;
  constructor(opts) {
    this.opts = opts;
    this.remote = opts.remote;
    this.name = /^[a-z0-9][a-z0-9-]{0,62}$/.test(opts.remote) ? opts.remote : `url-${sha256Hex(opts.remote).slice(0, 16)}`;
    this.ctx = { ...opts, name: this.name, now: () => this.now() };
  }
  now() {
    return (this.opts.now ?? Date.now)();
  }
  /** The documents as they are on the remote now. Throws OFFLINE when it cannot be reached. */
  async read(docs) {
    const r = await fetchDocs(this.ctx, docs);
    return makeView(r.docs, r.at);
  }
  /** The documents and watched refs as they are on the remote now, with the commits read. */
  readDocs(docs, watch = []) {
    return fetchDocs(this.ctx, docs, watch);
  }
  /**
   * The documents as this clone last saw them, without the network; `fetchedAt` says how old the
   * view is (undefined: never read). For showing state while offline, never for deciding.
   */
  async readCached(docs) {
    const r = await cachedDocs(this.ctx, docs);
    return makeView(r.docs, r.at);
  }
  /** Read `docs`, decide with `fn`, and push the decision as one compare-and-swap. */
  async transact(docs, fn, topts = {}) {
    const names = [...new Set(docs.map(assertRemoteDocName))];
    const watch = topts.watch ?? [];
    const maxAttempts = this.opts.maxAttempts ?? 8;
    const offlineRetries = this.opts.offlineRetries ?? 2;
    let offline = 0;
    let contended = [];
    let optimistic = topts.optimistic === true && watch.length === 0;
    let pending;
    for (let attempt = 1; attempt <= maxAttempts; ) {
      let read;
      try {
        read = optimistic ? await cachedDocs(this.ctx, names) : await fetchDocs(this.ctx, names, watch);
      } catch (e) {
        if (!(e instanceof LanesError && e.code === "OFFLINE") || ++offline > offlineRetries) throw this.withPending(e, pending);
        await this.backoff(offline);
        continue;
      }
      const wasOptimistic = optimistic;
      optimistic = false;
      if (pending) {
        const landed = [...pending.commits].some(([d, oid]) => read.docs.get(d)?.oid === oid);
        if (landed) return { result: pending.result, pushed: true, attempts: attempt, docs: read.docs };
        pending = void 0;
      }
      const { tx, data, touched, deleted, extra } = this.makeTx(names, read, attempt);
      let result;
      try {
        result = await fn(tx);
      } catch (e) {
        if (wasOptimistic) continue;
        throw e;
      }
      const { updates, commits } = await this.plan(read.docs, data, touched, deleted, extra.size > 0);
      updates.push(...extra.values());
      if (updates.length === 0 && wasOptimistic && touched.size > 0) continue;
      if (updates.length === 0) return { result, pushed: false, attempts: attempt, docs: read.docs };
      let outcome;
      try {
        outcome = await pushAtomic(this.opts.cwd, this.remote, updates, this.opts);
      } catch (e) {
        if (!(e instanceof LanesError && e.code === "OFFLINE")) throw e;
        pending = { commits, result };
        if (++offline > offlineRetries) throw this.withPending(e, pending);
        await this.backoff(offline);
        continue;
      }
      if (outcome.ok) {
        const after = new Map(read.docs);
        const seen = [...commits].map(([doc, oid]) => {
          const gen = read.docs.get(doc).gen + 1;
          const value = deleted.has(doc) ? null : data.has(doc) ? data.get(doc) : read.docs.get(doc).data;
          after.set(doc, { exists: value !== null && value !== void 0, oid, gen, data: value });
          return { doc, oid, gen };
        });
        const moved = await advanceMirrorFrom(
          this.ctx,
          seen.map((x) => ({ ...x, from: read.docs.get(x.doc).oid }))
        );
        if (!moved) await remember(this.ctx, seen, wasOptimistic ? void 0 : read.at);
        return { result, pushed: true, attempts: attempt, docs: after };
      }
      if (outcome.kind === "rejected") {
        throw new LanesError(
          "REMOTE_REJECTED",
          `The remote ${JSON.stringify(this.remote)} refused the change to ${[...touched, ...extra.keys()].join(", ")}: ${outcome.reason}.`,
          {
            hint: "Nothing was changed (the push is atomic). A server hook or a protection rule refused it: for refs/lanes/* allow this account to push there; a protected branch needs a bot account or the forge's merge queue (see the README's section on machines).",
            details: { refs: outcome.refs }
          }
        );
      }
      pending = { commits, result };
      contended = outcome.contended.map((r) => r.replace(STATE_PREFIX, ""));
      if (wasOptimistic) continue;
      attempt++;
      if (attempt <= maxAttempts) await this.backoff(attempt - 1);
    }
    if (pending) {
      const last = await fetchDocs(this.ctx, names).catch(() => void 0);
      if (last && [...pending.commits].some(([d, oid]) => last.docs.get(d)?.oid === oid)) {
        return { result: pending.result, pushed: true, attempts: maxAttempts, docs: last.docs };
      }
    }
    throw new LanesError(
      "BUSY",
      `Gave up after ${maxAttempts} tries: other machines kept changing ${contended.join(", ") || names.join(", ")} on ${JSON.stringify(this.remote)} first.`,
      {
        hint: "Nothing of this change was written. Run the command again; if it keeps happening, fewer processes should write these documents at once.",
        details: { contended, attempts: maxAttempts }
      }
    );
  }
  makeTx(names, read, attempt) {
    const data = /* @__PURE__ */ new Map();
    const touched = /* @__PURE__ */ new Set();
    const deleted = /* @__PURE__ */ new Set();
    const extra = /* @__PURE__ */ new Map();
    const known = (doc) => {
      const d = read.docs.get(doc);
      if (!d) throw new LanesError("INTERNAL", `shared document "${doc}" is not part of this transaction (${names.join(", ")})`);
      touched.add(doc);
      return d;
    };
    const tx = {
      attempt,
      fetchedAt: read.at,
      cached: read.cached,
      get: (doc, init) => {
        const d = known(doc);
        if (!data.has(doc)) data.set(doc, d.exists ? structuredClone(d.data) : init());
        deleted.delete(doc);
        return data.get(doc);
      },
      set: (doc, value) => {
        known(doc);
        if (value === void 0) throw new LanesError("INVALID_INPUT", `shared document "${doc}" was set to undefined`);
        data.set(doc, value);
        deleted.delete(doc);
      },
      delete: (doc) => {
        known(doc);
        deleted.add(doc);
      },
      ref: (name) => read.refs.get(name),
      pushRef: (ref, expect, next) => {
        const problem = pushableRefProblem(ref);
        if (problem || ref.startsWith(STATE_PREFIX))
          throw new LanesError(
            "INVALID_INPUT",
            `Cannot push ${JSON.stringify(ref)} with shared state: it ${problem ?? "is a shared document"}.`
          );
        if (touched.size === 0)
          throw new LanesError("INVALID_INPUT", "A transaction that moves a ref must first read a document (the lease that allows it).");
        extra.set(ref, { ref, expect, next });
      }
    };
    return { tx, data, touched, deleted, extra };
  }
  /**
   * New commits for the changed and the merely-read documents, and a lease on each. A deleted (or
   * never written) document is a commit holding null, which every reader takes for absent: ref
   * deletions would lose the generation count and could not assert an absence.
   */
  async plan(read, data, touched, deleted, movesRefs) {
    const values = /* @__PURE__ */ new Map();
    let anyChange = movesRefs;
    for (const doc of touched) {
      const d = read.get(doc);
      let value = d.exists ? d.data : null;
      if (deleted.has(doc)) value = null;
      else if (data.has(doc)) value = data.get(doc);
      if (value === void 0) throw new LanesError("INVALID_INPUT", `shared document "${doc}" was set to undefined`);
      if (JSON.stringify(value) !== JSON.stringify(d.exists ? d.data : null)) anyChange = true;
      values.set(doc, value);
    }
    const updates = [];
    const commits = /* @__PURE__ */ new Map();
    if (!anyChange) return { updates, commits };
    const tx = randomHex(8);
    const machine = this.opts.machine ?? os2.hostname();
    const docs = [...touched];
    const oids = await writeRootCommits(
      this.opts.cwd,
      docs.map((doc) => {
        const gen = read.get(doc).gen + 1;
        const stored = { lanes: 1, doc, gen, tx, machine, at: this.now(), data: values.get(doc) };
        return { files: { [DOC_FILE]: JSON.stringify(stored) + "\n" }, message: `lanes state ${doc} gen ${gen}` };
      }),
      this.opts
    );
    docs.forEach((doc, i) => {
      updates.push({ ref: STATE_PREFIX + doc, expect: read.get(doc).oid, next: oids[i] });
      commits.set(doc, oids[i]);
    });
    return { updates, commits };
  }
  withPending(e, pending) {
    if (!pending || !(e instanceof LanesError)) return e;
    return new LanesError(e.code, `${e.message} The last push may or may not have landed before the connection failed.`, {
      hint: `${e.hint ?? ""} Read the state again once the remote answers to see whether it did.`.trim(),
      details: { ...e.details, maybeLanded: [...pending.commits.keys()] },
      cause: e
    });
  }
  backoff(k) {
    const base = this.opts.backoffMs ?? 40;
    const ms = Math.min(2e3, base * 2 ** Math.min(k, 6)) * (0.5 + Math.random());
    return new Promise((r) => setTimeout(r, ms));
  }
};

export {
  STATE_PREFIX,
  assertRemoteDocName,
  RemoteStore
};
