/**
 * SessionEnd. Claude Code gives all SessionEnd hooks 1.5 s together and kills them after
 * that, whatever their timeout says. Within it: complete this session's active notes (outcome from
 * `reason`, duration, files changed, commits; Lanes commits the note in its lane), release the
 * session's leases, and record the outcome on the task.
 *
 * The work is idempotent (a finished session is left alone, released leases are gone), so the
 * budget is guarded by a detached finisher: if the work is still running after FINISHER_AFTER_MS,
 * a detached copy of this hook (`--finish`, input in LANES_HOOK_INPUT) is started to complete it
 * if this process gets killed; when both run, the session lock serialises them and the second
 * finds nothing left to do.
 *
 * A session with nothing to finish costs a few file reads: the check runs before the heavy
 * module (git, state lock, config) is loaded.
 */
import { fileURLToPath } from 'node:url';
import { sessionOwner } from './lib/owner.js';
import { leaseOf, type OwnersDoc } from '../core/claims/liveness.js';
import { parseHookInput, readHookInput, str, type HookInput } from './lib/input.js';
import { elapsedMs, exit, note, trace } from './lib/output.js';
import { hasState, locate, readDoc, type Where } from './lib/where.js';
import type { SessionsDoc } from '../core/sessions/model.js';
import type { ClaimsDoc } from '../core/claims/model.js';
import type { PortsDoc } from '../core/claims/ports.js';
import { restoreLaunchEnv } from '../system/launch-env.js';
import { childProcess } from '../system/child-process.js';

const EVENT = 'SessionEnd';
const FINISHER_AFTER_MS = 900;

/** Where the session's repository is: its cwd, else (a lane removed under it) the project dir. */
function where(input: HookInput): { ok: true; where: Where } | { ok: false; why: string } {
  const first = locate(str(input, 'cwd'));
  if (first.ok) return first;
  const project = process.env.CLAUDE_PROJECT_DIR;
  if (project && project !== str(input, 'cwd')) {
    const second = locate(project);
    if (second.ok) return second;
  }
  return first;
}

function hasWork(w: Where, sid: string): boolean {
  const sessions = readDoc<SessionsDoc>(w.stateDir, 'sessions') ?? {};
  if (Object.values(sessions).some((r) => r && r.status === 'active' && r.key === sid)) return true;
  const owner = sessionOwner(sid);
  const mine = (x: { owner?: unknown; session?: unknown }) => x && (x.session === sid || x.owner === owner);
  const claims = readDoc<ClaimsDoc>(w.stateDir, 'claims')?.claims;
  if (Array.isArray(claims) && claims.some(mine)) return true;
  const ports = readDoc<PortsDoc>(w.stateDir, 'ports')?.leases;
  if (Array.isArray(ports) && ports.some(mine)) return true;
  return leaseOf(readDoc<OwnersDoc>(w.stateDir, 'owners'), owner) !== undefined;
}

function startFinisher(input: HookInput): void {
  try {
    const child = childProcess().spawn(process.execPath, [fileURLToPath(import.meta.url), '--finish'], {
      detached: true,
      stdio: 'ignore',
      env: { ...process.env, LANES_HOOK_INPUT: JSON.stringify({ session_id: input.session_id, cwd: input.cwd, reason: input.reason }) },
    });
    child.unref();
    trace(EVENT, 'finisher-started', { child: child.pid });
  } catch (e) {
    note(`${EVENT}: could not start the detached finisher: ${(e as Error).message}`);
  }
}

async function main(): Promise<number> {
  const finishing = process.argv[2] === '--finish';
  const read = finishing ? parseHookInput(process.env.LANES_HOOK_INPUT ?? '') : await readHookInput({ timeoutMs: 500 });
  if (!read.ok) {
    note(`${EVENT}: ${read.why}; no session finished.`);
    trace(EVENT, 'malformed');
    return 0;
  }
  const input = read.input;
  const sid = str(input, 'session_id');
  const loc = where(input);
  if (!loc.ok) {
    note(`${EVENT}: ${loc.why}; nothing to finish.`);
    trace(EVENT, 'not-git');
    return 0;
  }
  const w = loc.where;
  if (!hasState(w)) {
    note(`${EVENT}: no Lanes state in ${w.mainRoot}; nothing to finish.`);
    trace(EVENT, 'no-state');
    return 0;
  }
  if (!sid || !hasWork(w, sid)) {
    trace(EVENT, 'nothing', { finishing });
    return 0;
  }
  const timer = finishing ? undefined : setTimeout(() => startFinisher(input), FINISHER_AFTER_MS);
  timer?.unref();
  const { finishSession } = await import('./heavy/session-end-work.js');
  const r = await finishSession(w, sid, str(input, 'reason') ?? 'other', str(input, 'transcript_path'));
  if (timer) clearTimeout(timer);
  for (const line of r.report) note(`${EVENT}: ${line}`);
  trace(EVENT, finishing ? 'finished-detached' : 'finished', {
    sessions: r.sessions,
    claims: r.claims,
    ports: r.ports,
    total_ms: elapsedMs(),
  });
  return 0;
}

restoreLaunchEnv();
main().then(
  (code) => exit(code),
  (e: unknown) => {
    note(`${EVENT}: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    trace(EVENT, 'error');
    exit(0);
  },
);
