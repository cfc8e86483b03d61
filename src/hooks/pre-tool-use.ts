/**
 * PreToolUse on Edit|Write|MultiEdit|NotebookEdit. Paid before every edit, so it stays a
 * small bundle: no zod, MCP SDK, execa or lock library on its static import graph (a test checks
 * this), state read lock-free, no git process in the common case. In a lane it refuses (exit 2,
 * the reason on stderr for the model) an edit outside the lane's worktree or on a path another
 * lane holds exclusively; everything else passes silently (exit 0, no output), except that an
 * edit in a lane that a landing has made conflict with the target carries, once per landing, a
 * note saying so (the hook JSON's additionalContext). Edits are the cheapest place for it: this
 * hook runs anyway, and the check is one read of a small document; a PostToolUse hook on every
 * tool would add a Node start (tens of ms) to each tool call of every session.
 *
 * hooks.json starts every hook through hooks/launch.sh, as `node --preserve-symlinks
 * --preserve-symlinks-main <bundle>` without NODE_EXTRA_CA_CERTS: without the flags Node realpaths
 * each module file of the bundle (the entry and its shared chunks), about a tenth of this hook's
 * cost; with the variable Node builds its whole TLS root store first, about 100 ms.
 */
import os from 'node:os';
import path from 'node:path';
import type { ClaimRecord, ClaimsDoc } from '../core/claims/model.js';
import { noticeText, NOTICES_DOC, pendingNotice, type NoticesDoc } from '../core/merge/notices.js';
import { pidAlive } from '../state/pid.js';
import { checkEdit, needsRenewal } from '../core/claims/edit-policy.js';
import { obj, readHookInput, str } from './lib/input.js';
import { actingLane } from './lib/lane.js';
import { ownerLeaseStale } from './lib/owner.js';
import { emitJson, exit, note, reasonToStderr, trace } from './lib/output.js';
import { hasState, locate, readDoc, readLanes, realish } from './lib/where.js';
import { restoreLaunchEnv } from '../system/launch-env.js';

const EDIT_TOOLS = new Set(['Edit', 'Write', 'MultiEdit', 'NotebookEdit']);
const EVENT = 'PreToolUse';

async function main(): Promise<number> {
  const read = await readHookInput();
  if (!read.ok) {
    note(`${EVENT}: ${read.why}; nothing checked, the edit is allowed.`);
    trace(EVENT, 'malformed');
    return 0;
  }
  const input = read.input;
  const tool = str(input, 'tool_name');
  if (!tool || !EDIT_TOOLS.has(tool)) return 0;
  const ti = obj(input, 'tool_input');
  const file = str(ti, 'file_path') ?? str(ti, 'notebook_path');
  if (!file) return 0;
  const loc = locate(str(input, 'cwd'));
  if (!loc.ok) {
    note(`${EVENT}: ${loc.why}; nothing to check.`);
    trace(EVENT, 'not-git');
    return 0;
  }
  const w = loc.where;
  if (!hasState(w)) {
    note(`${EVENT}: no Lanes state in ${w.mainRoot}; nothing to check.`);
    trace(EVENT, 'no-state');
    return 0;
  }
  const lanes = readLanes(w.stateDir);
  if (Object.keys(lanes).length === 0) return 0;
  const acting = actingLane(input, w, lanes);
  const claimsDoc = readDoc<ClaimsDoc>(w.stateDir, 'claims');
  const claims: ClaimRecord[] = Array.isArray(claimsDoc?.claims) ? claimsDoc.claims : [];
  const abs = realish(path.resolve(w.cwd, file));
  const now = Date.now();
  const d = checkEdit(
    {
      mainRoot: w.mainRoot,
      commonDir: w.commonDir,
      lanes,
      claims,
      ...(acting ? { acting: acting.lane } : {}),
      ...(str(input, 'session_id') ? { sessionId: str(input, 'session_id')! } : {}),
      now,
      host: os.hostname(),
      alive: pidAlive,
    },
    abs,
  );
  if (!d.allow) {
    reasonToStderr(d.reason);
    trace(EVENT, 'block', { tool, file: abs, lane: d.lane?.task, holder: d.holder?.owner });
    return 2;
  }
  const sid = str(input, 'session_id');
  if (d.lane && (needsRenewal(claims, d.lane, now) || ownerLeaseStale(w.stateDir, sid, now))) {
    try {
      const { renewLaneClaims } = await import('./heavy/renew.js');
      await renewLaneClaims(w.stateDir, d.lane.task, sid);
    } catch (e) {
      note(`${EVENT}: could not renew the claims of task ${d.lane.task}: ${(e as Error).message}`);
    }
  }
  const told = d.lane ? await deliverNotice(w.stateDir, d.lane.task) : undefined;
  trace(EVENT, told ? 'allow+notice' : 'allow', { tool, file: abs, lane: d.lane?.task, why: d.why, ...(told ? { notice: told } : {}) });
  return 0;
}

/**
 * Main moved under this lane (a landing made it conflict with the target): tell the agent now, as
 * context on an edit that goes ahead, once per landing. The common edit only reads one small
 * document; the lock is taken only when a notice is waiting. Returns the notice id when told.
 */
async function deliverNotice(stateDir: string, task: string): Promise<string | undefined> {
  const pending = pendingNotice(readDoc<NoticesDoc>(stateDir, NOTICES_DOC.name), task);
  if (!pending) return undefined;
  try {
    const { claimNotice } = await import('./heavy/notice.js');
    const n = await claimNotice(stateDir, task, pending.id);
    if (!n) return undefined; // another hook told it first
    emitJson({ hookSpecificOutput: { hookEventName: EVENT, additionalContext: noticeText(task, n) } });
    return n.id;
  } catch (e) {
    note(`${EVENT}: could not deliver the notice for task ${task}: ${(e as Error).message}`);
    return undefined;
  }
}

restoreLaunchEnv();
main().then(
  (code) => exit(code),
  (e: unknown) => {
    // A bug here must not stop the agent from editing: allow, and say so.
    note(`${EVENT}: internal error, the edit is allowed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    trace(EVENT, 'error');
    exit(0);
  },
);
