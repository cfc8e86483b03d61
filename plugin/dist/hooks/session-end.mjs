#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  sessionOwner
} from "../chunks/chunk-3V2NFGLS.mjs";
import {
  leaseOf
} from "../chunks/chunk-CR6GQYF6.mjs";
import {
  elapsedMs,
  exit,
  note,
  trace
} from "../chunks/chunk-FZYQV7RA.mjs";
import {
  parseHookInput,
  readHookInput,
  str
} from "../chunks/chunk-UOSV2YDA.mjs";
import {
  hasState,
  locate,
  readDoc
} from "../chunks/chunk-Q2MEEI3Y.mjs";
import "../chunks/chunk-OUP5FXRK.mjs";
import "../chunks/chunk-IC7YTGSH.mjs";
import "../chunks/chunk-JPJMJVFU.mjs";
import "../chunks/chunk-CXNZ4SOU.mjs";
import "../chunks/chunk-5JH7MFI6.mjs";
import "../chunks/chunk-7RWYVW2G.mjs";
import "../chunks/chunk-B475TGAI.mjs";
import "../chunks/chunk-4OAWNEMU.mjs";

// src/hooks/session-end.ts
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
var EVENT = "SessionEnd";
var FINISHER_AFTER_MS = 900;
function where(input) {
  const first = locate(str(input, "cwd"));
  if (first.ok) return first;
  const project = process.env.CLAUDE_PROJECT_DIR;
  if (project && project !== str(input, "cwd")) {
    const second = locate(project);
    if (second.ok) return second;
  }
  return first;
}
function hasWork(w, sid) {
  const sessions = readDoc(w.stateDir, "sessions") ?? {};
  if (Object.values(sessions).some((r) => r && r.status === "active" && r.key === sid)) return true;
  const owner = sessionOwner(sid);
  const mine = (x) => x && (x.session === sid || x.owner === owner);
  const claims = readDoc(w.stateDir, "claims")?.claims;
  if (Array.isArray(claims) && claims.some(mine)) return true;
  const ports = readDoc(w.stateDir, "ports")?.leases;
  if (Array.isArray(ports) && ports.some(mine)) return true;
  return leaseOf(readDoc(w.stateDir, "owners"), owner) !== void 0;
}
function startFinisher(input) {
  try {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), "--finish"], {
      detached: true,
      stdio: "ignore",
      env: { ...process.env, LANES_HOOK_INPUT: JSON.stringify({ session_id: input.session_id, cwd: input.cwd, reason: input.reason }) }
    });
    child.unref();
    trace(EVENT, "finisher-started", { child: child.pid });
  } catch (e) {
    note(`${EVENT}: could not start the detached finisher: ${e.message}`);
  }
}
async function main() {
  const finishing = process.argv[2] === "--finish";
  const read = finishing ? parseHookInput(process.env.LANES_HOOK_INPUT ?? "") : await readHookInput({ timeoutMs: 500 });
  if (!read.ok) {
    note(`${EVENT}: ${read.why}; no session finished.`);
    trace(EVENT, "malformed");
    return 0;
  }
  const input = read.input;
  const sid = str(input, "session_id");
  const loc = where(input);
  if (!loc.ok) {
    note(`${EVENT}: ${loc.why}; nothing to finish.`);
    trace(EVENT, "not-git");
    return 0;
  }
  const w = loc.where;
  if (!hasState(w)) {
    note(`${EVENT}: no Lanes state in ${w.mainRoot}; nothing to finish.`);
    trace(EVENT, "no-state");
    return 0;
  }
  if (!sid || !hasWork(w, sid)) {
    trace(EVENT, "nothing", { finishing });
    return 0;
  }
  const timer = finishing ? void 0 : setTimeout(() => startFinisher(input), FINISHER_AFTER_MS);
  timer?.unref();
  const { finishSession } = await import("../chunks/session-end-work-Y4OWIT75.mjs");
  const r = await finishSession(w, sid, str(input, "reason") ?? "other", str(input, "transcript_path"));
  if (timer) clearTimeout(timer);
  for (const line of r.report) note(`${EVENT}: ${line}`);
  trace(EVENT, finishing ? "finished-detached" : "finished", {
    sessions: r.sessions,
    claims: r.claims,
    ports: r.ports,
    total_ms: elapsedMs()
  });
  return 0;
}
main().then(
  (code) => exit(code),
  (e) => {
    note(`${EVENT}: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    trace(EVENT, "error");
    exit(0);
  }
);
