/**
 * The PreToolUse decision, as a pure function of the state it reads (unit-testable, and cheap: no
 * I/O except the liveness probe it is handed).
 *
 * Rules:
 * - Acting in a lane, an edit outside that lane's worktree is refused when it lands in this
 *   repository (the main checkout, another lane, the git dir): that is the edit that would bypass
 *   the merge queue or trample another agent. Paths outside the repository (temp files, Claude
 *   Code's own plan and memory files) are not Lanes' business and pass.
 * - An edit inside a lane (the acting one, or any lane when the caller is not in one: an
 *   orchestrator or subagent editing a lane by absolute path) is refused when another owner holds
 *   the path exclusively. The lane's own claims (owner `task:<id>` or recorded for its task) and
 *   this session's claims never block it. Shared claims, expired leases and leases of dead
 *   processes do not block.
 * - Everything else is allowed silently.
 */
import path from 'node:path';
import { findHolder } from './match.js';
import type { ClaimRecord } from './model.js';
import { describeOwner, describeUntil } from './owner.js';
import { laneContaining, type LaneRecord, type LanesDoc } from '../lanes/model.js';
import { isInside } from '../../util/paths.js';

export interface EditContext {
  mainRoot: string;
  commonDir: string;
  lanes: LanesDoc;
  claims: readonly ClaimRecord[];
  /** The lane the caller works in, if any. */
  acting?: LaneRecord;
  sessionId?: string;
  now: number;
  host: string;
  alive: (pid: number) => boolean;
}

export type EditDecision =
  { allow: true; lane?: LaneRecord; why: string } | { allow: false; reason: string; lane?: LaneRecord; holder?: ClaimRecord };

export function isOwnClaim(c: ClaimRecord, lane: LaneRecord, sessionId?: string): boolean {
  return c.owner === `task:${lane.task}` || c.task === lane.task || (sessionId !== undefined && c.session === sessionId);
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** The exclusive, live claim of someone else covering `rel` in `lane`, if any. */
export function blockingClaim(ctx: EditContext, lane: LaneRecord, rel: string): ClaimRecord | undefined {
  let others = ctx.claims.filter((c) => c && typeof c.pattern === 'string' && !isOwnClaim(c, lane, ctx.sessionId));
  for (;;) {
    const h = findHolder(others, rel, undefined, ctx.now);
    if (!h || h.mode !== 'exclusive') return undefined;
    // A lease whose process is gone does not count (the next claim operation reclaims it).
    if (h.pid === undefined || h.host !== ctx.host || ctx.alive(h.pid)) return h;
    others = others.filter((c) => c !== h);
  }
}

function holderText(ctx: EditContext, h: ClaimRecord): string {
  const lane = h.task ? ctx.lanes[h.task] : undefined;
  const where = lane ? `, lane ${lane.branch}` : '';
  const why = h.reason ? `, claimed for "${h.reason}"` : '';
  return `${describeOwner(h)}${where}${why}, until ${describeUntil(h.expires_at, ctx.now)}`;
}

/** `abs` must already be a real path (see realish in where.ts). */
export function checkEdit(ctx: EditContext, abs: string): EditDecision {
  const acting = ctx.acting;
  const target = laneContaining(ctx.lanes, abs);
  if (acting && !isInside(acting.path, abs)) {
    const inRepo = target !== undefined || isInside(ctx.mainRoot, abs) || isInside(ctx.commonDir, abs);
    if (!inRepo) return { allow: true, why: 'outside the repository' };
    const rel = target ? path.relative(target.path, abs) : isInside(ctx.mainRoot, abs) ? path.relative(ctx.mainRoot, abs) : undefined;
    const copy = rel !== undefined && !rel.startsWith('.git') ? path.join(acting.path, rel) : undefined;
    const place = target
      ? `the lane of task ${target.task} (${target.path})`
      : isInside(ctx.commonDir, abs)
        ? `the repository's git directory`
        : `the main checkout (${ctx.mainRoot})`;
    const reason =
      `Lanes: refused: ${abs} is in ${place}, outside your lane. You work on task ${acting.task} in ${acting.path} ` +
      `(branch ${acting.branch}); edit only files inside that worktree and commit them there, so the work lands through the merge queue.` +
      (copy ? ` Edit your lane's copy instead: ${copy}` : '') +
      (target
        ? ` If task ${acting.task} needs a change in task ${target.task}'s files, record it with log_session (kind "issue") and tell the orchestrator.`
        : '');
    return { allow: false, reason, lane: acting };
  }
  const lane = acting ?? target;
  if (!lane) return { allow: true, why: 'not in a lane' };
  const rel = toPosix(path.relative(lane.path, abs));
  if (rel === '') return { allow: true, lane, why: 'the lane root itself' };
  const h = blockingClaim(ctx, lane, rel);
  if (!h) return { allow: true, lane, why: 'no other owner holds it exclusively' };
  const holderTask = h.task ? ` task ${h.task}` : ' its owner';
  const reason =
    `Lanes: refused: ${rel} is held exclusively by ${holderText(ctx, h)}. ` +
    `${acting ? `You work on task ${lane.task}; ` : `This file is in the lane of task ${lane.task}; `}` +
    `another lane owns this file, so editing it here would conflict when both land. Leave it to${holderTask}: work on files in your task's scope, ` +
    `or record the need with log_session (kind "issue") so the orchestrator can order the tasks (add_task / depends_on). ` +
    `list_claims shows who holds what; the claim ends when that task lands or its lease (${h.pattern}) expires.`;
  return { allow: false, reason, lane, holder: h };
}

/**
 * Whether the lane's task claims need a heartbeat: the same rule renewClaims applies (a lease more
 * than min(60 s, ttl / 2) older than a fresh one), checked here so the common edit writes nothing.
 */
export function needsRenewal(claims: readonly ClaimRecord[], lane: LaneRecord, now: number): boolean {
  const owner = `task:${lane.task}`;
  return claims.some((c) => {
    if (!c || c.owner !== owner || typeof c.ttl_seconds !== 'number') return false;
    const slackMs = Math.min(60, c.ttl_seconds / 2) * 1000;
    return Date.parse(c.expires_at) < now + c.ttl_seconds * 1000 - slackMs;
  });
}
