#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  completeSessionFast,
  transcriptUsage
} from "./chunk-6NIJFLX5.mjs";
import {
  readSessions
} from "./chunk-DTYUGQKU.mjs";
import "./chunk-LNABDZ4S.mjs";
import "./chunk-R2U3LM5R.mjs";
import {
  SESSIONS_DOC
} from "./chunk-GYJ3GKLR.mjs";
import {
  sessionOwner
} from "./chunk-3V2NFGLS.mjs";
import "./chunk-IRVJ2KSG.mjs";
import {
  PORTS_DOC,
  claimsOf
} from "./chunk-PVTTY4LC.mjs";
import "./chunk-DJKRICCN.mjs";
import {
  TASKS_DOC
} from "./chunk-3K7QMPJY.mjs";
import {
  openProject
} from "./chunk-EY3Y3RLT.mjs";
import "./chunk-52USVQ3E.mjs";
import {
  repoFromPaths
} from "./chunk-KGMTQYBH.mjs";
import "./chunk-YIOGP5OK.mjs";
import "./chunk-QMES3QEG.mjs";
import "./chunk-2KXZDJML.mjs";
import "./chunk-BLGZ45JF.mjs";
import "./chunk-4VNXBQ3W.mjs";
import "./chunk-HOVPYJYW.mjs";
import {
  OWNERS_DOC
} from "./chunk-CR6GQYF6.mjs";
import "./chunk-Q2MEEI3Y.mjs";
import "./chunk-OUP5FXRK.mjs";
import "./chunk-IC7YTGSH.mjs";
import "./chunk-JPJMJVFU.mjs";
import "./chunk-CXNZ4SOU.mjs";
import "./chunk-5JH7MFI6.mjs";
import "./chunk-7RWYVW2G.mjs";
import "./chunk-3EVUSF4T.mjs";
import {
  errorMessage
} from "./chunk-B475TGAI.mjs";
import "./chunk-4OAWNEMU.mjs";

// src/hooks/heavy/session-end-work.ts
import fs from "node:fs";
var HISTORY_MAX = 20;
async function finishSession(w, sid, reason, transcript) {
  const dir = fs.existsSync(w.top) ? w.top : w.mainRoot;
  const project = await openProject(dir, await repoFromPaths({ worktreeRoot: dir, commonDir: w.commonDir, mainRoot: w.mainRoot }));
  const report = [];
  const finished = [];
  const active = Object.values(await readSessions(project.store)).filter((r) => r.status === "active" && r.key === sid);
  for (const rec of active) {
    try {
      const r = await completeSessionFast({
        cwd: dir,
        session_key: sid,
        reason,
        id: rec.id,
        lanes: project,
        ...transcript ? { transcript } : {}
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
  const usage = ended.length ? transcriptUsage(transcript) : void 0;
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
