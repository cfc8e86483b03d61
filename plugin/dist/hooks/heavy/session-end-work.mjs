#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
var fs = require("node:fs");
import {
  completeSessionFast,
  transcriptUsage
} from "../../chunks/chunk-T2TNQ7XT.mjs";
import "../../chunks/chunk-CSEEOK7H.mjs";
import {
  sessionOwner
} from "../../chunks/chunk-GFRYN5UQ.mjs";
import {
  PORTS_DOC,
  claimsOf
} from "../../chunks/chunk-UU23BLVG.mjs";
import "../../chunks/chunk-ALOFWVRK.mjs";
import "../../chunks/chunk-5ICCUVIX.mjs";
import "../../chunks/chunk-4W232WJ3.mjs";
import {
  OWNERS_DOC,
  TASKS_DOC
} from "../../chunks/chunk-6TI4QRGQ.mjs";
import {
  readSessions
} from "../../chunks/chunk-QKAPH3UL.mjs";
import "../../chunks/chunk-7JRWJCHC.mjs";
import "../../chunks/chunk-K5DJXVQN.mjs";
import {
  SESSIONS_DOC
} from "../../chunks/chunk-K2H7HNW2.mjs";
import {
  openProject
} from "../../chunks/chunk-PR5W4QLA.mjs";
import {
  repoFromPaths
} from "../../chunks/chunk-ESYJGOAB.mjs";
import "../../chunks/chunk-AAYR2TCU.mjs";
import "../../chunks/chunk-DTMKN5XL.mjs";
import "../../chunks/chunk-V47YI7EL.mjs";
import "../../chunks/chunk-5IGYGQZY.mjs";
import "../../chunks/chunk-ONL4JA75.mjs";
import "../../chunks/chunk-TKZFUNKZ.mjs";
import "../../chunks/chunk-4CKTFQOR.mjs";
import "../../chunks/chunk-EFR7W7QO.mjs";
import "../../chunks/chunk-566HZB6Q.mjs";
import "../../chunks/chunk-ZLPZGQGU.mjs";
import "../../chunks/chunk-UE4A2DQB.mjs";
import "../../chunks/chunk-PCFNT4JQ.mjs";
import "../../chunks/chunk-X4JLKMGK.mjs";
import "../../chunks/chunk-PMXN3EG4.mjs";
import "../../chunks/chunk-XNIKMWZT.mjs";
import "../../chunks/chunk-DDI77WQF.mjs";
import {
  errorMessage
} from "../../chunks/chunk-OBLF3P63.mjs";
import "../../chunks/chunk-4WZSK4NS.mjs";

// src/hooks/heavy/session-end-work.ts
var HISTORY_MAX = 20;
async function finishSession(w, sid, reason, transcript) {
  const dir = fs.existsSync(w.top) ? w.top : w.mainRoot;
  const project = await openProject(dir, await repoFromPaths({ worktreeRoot: dir, commonDir: w.commonDir, mainRoot: w.mainRoot }));
  const report = [];
  const finished = [];
  const active = Object.values(await readSessions(project.store)).filter((r) => r.status === "active" && r.key === sid);
  let read;
  const usageOnce = () => (read ??= { usage: transcriptUsage(transcript) }).usage;
  for (const rec of active) {
    try {
      const r = await completeSessionFast({
        cwd: dir,
        session_key: sid,
        reason,
        id: rec.id,
        lanes: project,
        ...transcript ? { transcript } : {},
        usage: usageOnce
      });
      if (!r.done) {
        report.push(`session ${rec.id}: ${r.reason}`);
        continue;
      }
      finished.push(r.result);
      report.push(
        `session ${rec.id} completed as ${r.result.session.status} in ${r.ms} ms; note ${r.result.committed ? `committed as ${r.result.note_commit?.slice(0, 12)}` : `not committed: ${r.result.not_committed_reason}`}`
      );
    } catch (e) {
      report.push(`session ${rec.id} could not be completed: ${errorMessage(e).split("\n")[0]}`);
    }
  }
  const ended = Object.values(await readSessions(project.store)).filter((r) => r.key === sid && r.status !== "active" && !r.usage);
  const usage = ended.length ? usageOnce() : void 0;
  if (usage) {
    await project.store.update(SESSIONS_DOC, (doc) => {
      for (const r of ended) if (Object.hasOwn(doc, r.id)) doc[r.id].usage = usage;
    });
  }
  const owner = sessionOwner(sid);
  const mine = (x) => x.session === sid || x.owner === owner;
  const at = (/* @__PURE__ */ new Date()).toISOString();
  const out = await project.store.transact(async (tx) => {
    const claims = claimsOf(tx);
    const nClaims = claims.claims.length;
    claims.claims = claims.claims.filter((c) => !mine(c));
    const ports = tx.get(PORTS_DOC);
    const nPorts = ports.leases.length;
    ports.leases = ports.leases.filter((l) => !mine(l));
    const owners = tx.get(OWNERS_DOC);
    if (Object.hasOwn(owners.leases, owner)) delete owners.leases[owner];
    const tasks = tx.get(TASKS_DOC);
    for (const f of finished) {
      const t = f.session.task ? tasks[f.session.task] : void 0;
      if (!t || !Array.isArray(t.history)) continue;
      const text = `session ${f.session.id} ended (${f.session.status}; ${reason})`;
      t.note = text;
      t.updated_at = at;
      t.history.push({ at, status: t.status, note: text });
      if (t.history.length > HISTORY_MAX) t.history.splice(0, t.history.length - HISTORY_MAX);
    }
    return { claims: nClaims - claims.claims.length, ports: nPorts - ports.leases.length };
  });
  if (out.claims || out.ports) {
    report.push(`released ${out.claims} claim(s) and ${out.ports} port lease(s) of this session`);
    await project.store.appendEvent("session.leases-released", { session_key: sid, claims: out.claims, ports: out.ports });
  }
  return { report, sessions: finished.length, claims: out.claims, ports: out.ports };
}
export {
  finishSession
};
