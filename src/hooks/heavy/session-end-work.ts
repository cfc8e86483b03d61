/**
 * SessionEnd's work: complete every active session of this Claude Code session (completeSessionFast:
 * five or six git calls, no config load, no YAML, no protocol commands), then, in one state transaction,
 * release the session's claims and port leases and record each outcome on its task (a note and a
 * history line; the task's status is left to the merge queue and the agent).
 */
import fs from 'node:fs';
import { claimsOf } from '../../core/claims/tx.js';
import { openProject } from '../../core/project/project.js';
import { completeSessionFast, type FinishResult } from '../../core/sessions/end.js';
import { readSessions } from '../../core/sessions/records.js';
import { SESSIONS_DOC } from '../../core/sessions/model.js';
import { transcriptUsage, type SessionUsage } from '../../core/sessions/usage.js';
import { TASKS_DOC } from '../../core/plan/tasks.js';
import { errorMessage } from '../../errors.js';
import { PORTS_DOC } from '../../core/claims/ports.js';
import { OWNERS_DOC } from '../../core/claims/liveness.js';
import { sessionOwner } from '../lib/owner.js';
import type { Where } from '../lib/where.js';
import { repoFromPaths } from '../../git/repo.js';

export interface EndReport {
  report: string[];
  sessions: number;
  claims: number;
  ports: number;
}

const HISTORY_MAX = 20;

export async function finishSession(w: Where, sid: string, reason: string, transcript?: string): Promise<EndReport> {
  const dir = fs.existsSync(w.top) ? w.top : w.mainRoot;
  // The paths the hook found (fs reads only) spare resolveRepo's git processes.
  const project = await openProject(dir, await repoFromPaths({ worktreeRoot: dir, commonDir: w.commonDir, mainRoot: w.mainRoot }));
  const report: string[] = [];
  const finished: FinishResult[] = [];
  const active = Object.values(await readSessions(project.store)).filter((r) => r.status === 'active' && r.key === sid);
  // The transcript (often megabytes) is read at most once, whatever number of sessions needs it.
  let read: { usage: SessionUsage | undefined } | undefined;
  const usageOnce = () => (read ??= { usage: transcriptUsage(transcript) }).usage;
  for (const rec of active) {
    try {
      const r = await completeSessionFast({
        cwd: dir,
        session_key: sid,
        reason,
        id: rec.id,
        lanes: project,
        ...(transcript ? { transcript } : {}),
        usage: usageOnce,
      });
      if (!r.done) {
        report.push(`session ${rec.id}: ${r.reason}`);
        continue;
      }
      finished.push(r.result);
      report.push(
        `session ${rec.id} completed as ${r.result.session.status} in ${r.ms} ms; note ${
          r.result.committed ? `committed as ${r.result.note_commit?.slice(0, 12)}` : `not committed: ${r.result.not_committed_reason}`
        }`,
      );
    } catch (e) {
      report.push(`session ${rec.id} could not be completed: ${errorMessage(e).split('\n')[0]}`);
    }
  }

  // A session its agent ended with end_session did not pass through the loop above: its record
  // still learns what the session cost (the note itself is final and committed).
  const ended = Object.values(await readSessions(project.store)).filter((r) => r.key === sid && r.status !== 'active' && !r.usage);
  const usage = ended.length ? usageOnce() : undefined;
  if (usage) {
    await project.store.update(SESSIONS_DOC, (doc) => {
      for (const r of ended) if (Object.hasOwn(doc, r.id)) doc[r.id]!.usage = usage;
    });
  }

  const owner = sessionOwner(sid);
  const mine = (x: { owner: string; session?: string }) => x.session === sid || x.owner === owner;
  const at = new Date().toISOString();
  const out = await project.store.transact(async (tx) => {
    const claims = claimsOf(tx);
    const nClaims = claims.claims.length;
    claims.claims = claims.claims.filter((c) => !mine(c));
    const ports = tx.get(PORTS_DOC);
    const nPorts = ports.leases.length;
    ports.leases = ports.leases.filter((l) => !mine(l));
    // The session ended cleanly: its tasks may be taken over now rather than when its lease runs out.
    const owners = tx.get(OWNERS_DOC);
    if (Object.hasOwn(owners.leases, owner)) delete owners.leases[owner];
    const tasks = tx.get(TASKS_DOC);
    for (const f of finished) {
      const t = f.session.task ? tasks[f.session.task] : undefined;
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
    await project.store.appendEvent('session.leases-released', { session_key: sid, claims: out.claims, ports: out.ports });
  }
  return { report, sessions: finished.length, claims: out.claims, ports: out.ports };
}
