#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
import {
  OFFLINE_RE,
  assertRef,
  assertRemote,
  netGit,
  offlineError,
  pushAtomic
} from "./chunk-Q62EWIYE.mjs";
import {
  isAncestor,
  isSha,
  presentCommits,
  refSha
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

// src/git/remote-refs.ts
async function remoteUrl(cwd, name) {
  assertRemote(name);
  if (!/^[A-Za-z0-9._-]+$/.test(name)) return void 0;
  const r = await git(cwd, ["config", "--get", `remote.${name}.url`], { okCodes: [1], readOnly: true });
  return r.exitCode === 0 ? r.stdout.trim() || void 0 : void 0;
}
async function fetchRefInto(cwd, remote, ref, into, opts = {}) {
  assertRemote(remote);
  assertRef(ref);
  if (!into.startsWith("refs/lanes-remote/")) throw new LanesError("INTERNAL", `fetch target ${into} is not a mirror ref`);
  const r = await netGit(
    cwd,
    remote,
    `fetch ${ref}`,
    ["fetch", "--quiet", "--no-tags", "--no-write-fetch-head", remote, `+${ref}:${into}`],
    opts
  );
  if (r.exitCode !== 0) {
    if (/couldn't find remote ref|no such ref/i.test(r.stderr)) return void 0;
    if (OFFLINE_RE.test(r.stderr) || r.exitCode === 128) throw offlineError(remote, `fetch ${ref}`, r.stderr);
    throw new LanesError("GIT", `git fetch ${remote} ${ref} failed: ${safeText(r.stderr.trim())}`);
  }
  const out = await git(cwd, ["rev-parse", "--verify", "--quiet", `${into}^{commit}`], { okCodes: [1], readOnly: true });
  return out.exitCode === 0 ? out.stdout.trim() : void 0;
}
async function setMirrorRef(cwd, ref, sha) {
  if (!ref.startsWith("refs/lanes-remote/") || !isSha(sha)) throw new LanesError("INTERNAL", `bad mirror update ${ref} ${sha}`);
  await git(cwd, ["update-ref", ref, sha], { okCodes: [1, 128] });
}

// src/core/remote/work.ts
var workRef = (task) => `refs/lanes/work/${task}`;
var mirror = (name, task) => `refs/lanes-remote/${name}/work/${task}`;
async function remember(project, name, task, sha) {
  await setMirrorRef(project.repo.commonDir, mirror(name, task), sha).catch(() => void 0);
}
async function pushWork(project, task, tip) {
  const shared = project.store.shared;
  if (!shared) return void 0;
  const cwd = project.repo.commonDir;
  const opts = { env: process.env };
  let expect = await refSha(cwd, mirror(shared.remote.name, task)) ?? null;
  for (let i = 0; i < 3; i++) {
    if (expect === tip) return "current";
    const r = await pushAtomic(cwd, shared.setting.remote, [{ ref: workRef(task), expect, next: tip }], opts);
    if (r.ok) {
      await remember(project, shared.remote.name, task, tip);
      return "pushed";
    }
    if (r.kind === "rejected") {
      throw new LanesError("REMOTE_REJECTED", `The remote refused the work of ${task}: ${r.reason}.`, {
        hint: "Allow this account to push refs/lanes/*; the lane and its commits are untouched here."
      });
    }
    const now = await fetchWork(project, task) ?? null;
    if (now !== null && !await isAncestor(project.repo.mainRoot, now, tip)) {
      throw new LanesError(
        "CONFLICT",
        `The work of ${task} on the remote moved on without this lane's commits (taken over on another machine?).`,
        {
          hint: `Nothing was overwritten. Compare ${workRef(task)} on the remote with this lane before going on (git fetch origin ${workRef(task)}).`,
          details: { task, remote: now, local: tip }
        }
      );
    }
    expect = now;
  }
  throw new LanesError("BUSY", `Could not push the work of ${task}: the remote kept changing it.`, { hint: "Run the command again." });
}
async function fetchWork(project, task) {
  const shared = project.store.shared;
  if (!shared) return void 0;
  return fetchRefInto(project.repo.commonDir, shared.setting.remote, workRef(task), mirror(shared.remote.name, task), { env: process.env });
}
async function ensureWork(project, wanted) {
  if (!project.store.shared) return;
  const have = new Set(
    await presentCommits(
      project.repo.mainRoot,
      wanted.map((w) => w.tip)
    )
  );
  for (const w of wanted) if (!have.has(w.tip)) await fetchWork(project, w.task).catch(() => void 0);
}

export {
  remoteUrl,
  fetchRefInto,
  pushWork,
  fetchWork,
  ensureWork
};
