/**
 * The `lanes` state document: one record per task that has (or is getting) a worktree. It changes
 * in the same transactions as the task's status and claims, so a reader never sees a task started
 * without its lane record, nor a lane reported ready before its setup finished.
 */
import { act } from '../hints/actions.js';
import os from 'node:os';
import { LanesError, isLanesError } from '../../errors.js';
import { assertSlug } from '../../util/slug.js';
import { isInside } from '../../util/paths.js';
import { assertOwner, isText, ownerPart, SESSION_MAX } from '../claims/owner.js';
import { defineDoc } from '../../state/define.js';

/** Journal operation names (docs/safety.md rule 10). */
export const START_OP = 'lanes.start';
export const REMOVE_OP = 'lanes.remove';

/** What a start's journal record carries (see start.ts). */
export interface StartData {
  task: string;
  owner: string;
  token: string;
  path: string;
  branch: string;
  base: string;
  setup_pgid?: number;
}

/** What a removal's journal record carries (see remove.ts). */
export interface RemoveData {
  task: string;
  token: string;
  path: string;
  tip?: string;
}

export type LaneState = 'starting' | 'ready' | 'broken';

export interface LaneRecord {
  task: string;
  owner: string;
  /** Short branch name: lanes/<task>. */
  branch: string;
  /** Absolute, real path of the worktree. */
  path: string;
  /** The commit the lane started from. */
  base: string;
  /** What the caller asked for as base (the target branch by default). */
  base_ref: string;
  target: string;
  /** starting: setup not finished (never handed out); ready; broken: a rollback had to keep it. */
  state: LaneState;
  /** Ties the record to the start operation that made it (its journal record carries the same token). */
  token: string;
  created_at: string;
  ready_at?: string;
  /** Files copied by .worktreeinclude (relative paths). */
  included?: string[];
  /** Paths of the task's file scope claimed for it (owner task:<id>). */
  claims?: string[];
  /** Why a broken lane was kept. */
  problem?: string;
  /** The task was already in progress under the same owner before this start (a rollback leaves it so). */
  resumed?: boolean;
}

export type LanesDoc = Record<string, LaneRecord>;
export const emptyLanes = (): LanesDoc => ({});
export const LANES_DOC = defineDoc<LanesDoc>({ name: 'lanes', empty: emptyLanes });

export function laneBranch(task: string): string {
  return `lanes/${task}`;
}

export function laneRef(task: string): string {
  return `refs/heads/${laneBranch(task)}`;
}

export function lockReason(task: string): string {
  return `lanes:${task}`;
}

/** Owner of a task's file-scope claims and ports. */
export function taskOwner(task: string): string {
  return `task:${task}`;
}

/** `refs/lanes/backup/<task>/<UTC timestamp with ms>`: where a forced removal keeps the commits. */
export function backupRef(task: string, at = new Date()): string {
  const ts = at.toISOString().replace(/[-:.]/g, '');
  return `refs/lanes/backup/${task}/${ts}`;
}

/** `refs/lanes/landed/<task>/<timestamp>`: the original commits of a squash-landed lane. */
export function archiveRef(task: string, at = new Date()): string {
  return `refs/lanes/landed/${task}/${at.toISOString().replace(/[-:.]/g, '')}`;
}

/**
 * Who is acting, and whether that identity is bound to this process. Only an identity with no
 * stable name (the `session:<pid>` fallback) registers its pid as its liveness.
 */
export interface Actor {
  owner: string;
  pid?: number;
}

/**
 * The identity of an MCP server's caller when a tool names none: `LANES_OWNER` from the server's
 * environment, else its Claude Code session (stable across server restarts and `--resume`), else
 * this server process (`session:<pid>`, the only identity that ends with the process).
 */
export function mcpActor(env: NodeJS.ProcessEnv = process.env, pid = process.pid): Actor {
  if (env.LANES_OWNER) return { owner: assertOwner(env.LANES_OWNER) };
  // Claude Code gives its MCP servers CLAUDE_CODE_SESSION_ID (verified with 2.1.330).
  const sid = env.CLAUDE_SESSION_ID || env.CLAUDE_CODE_SESSION_ID;
  return sid ? { owner: `session:${ownerPart(sid)}` } : { owner: `session:${pid}`, pid };
}

/** The owner an MCP caller gets when it names none (see mcpActor). */
export function mcpOwner(env: NodeJS.ProcessEnv = process.env, pid = process.pid): string {
  return mcpActor(env, pid).owner;
}

/**
 * The owner the CLI uses when it names none: `LANES_OWNER`, else cli:<user>@<host>. No pid: a
 * person running `lanes start api` again from another shell is the same owner.
 */
export function cliOwner(env: NodeJS.ProcessEnv = process.env): string {
  if (env.LANES_OWNER) return assertOwner(env.LANES_OWNER);
  let user = 'user';
  try {
    user = os.userInfo().username;
  } catch {
    user = env.USER ?? 'user';
  }
  return `cli:${ownerPart(user)}@${ownerPart(os.hostname())}`;
}

/** A task id as a strict slug (docs/safety.md rule 15), with a hint saying what to do. */
export function assertTaskId(id: unknown): string {
  try {
    return assertSlug(id, 'task id');
  } catch (e) {
    if (!isLanesError(e)) throw e;
    throw new LanesError(e.code, e.message, {
      hint: e.hint ?? `Use the id of a task in the plan (${act('get_plan')} or ${act('next_tasks')} lists them).`,
    });
  }
}

/** The lane whose worktree contains `dir` (a real path). */
export function laneContaining(lanes: LanesDoc, dir: string): LaneRecord | undefined {
  for (const l of Object.values(lanes)) {
    if (l && typeof l.path === 'string' && isInside(l.path, dir)) return l;
  }
  return undefined;
}

/**
 * What ties an MCP caller's claim or port to its end. A stable owner (a name, LANES_OWNER, a Claude
 * Code session) survives this server: a client that starts a server per call keeps its claims, and
 * the lease (or SessionEnd, through the recorded session) ends them. Only the server's own
 * `session:<pid>` fallback is bound to this process.
 */
export function boundTo(owner: string, env: NodeJS.ProcessEnv = process.env): { pid?: number; session?: string } {
  const me = mcpActor(env);
  if (me.pid !== undefined && owner === me.owner) return { pid: me.pid };
  const sid = env.CLAUDE_SESSION_ID || env.CLAUDE_CODE_SESSION_ID;
  return sid && isText(sid, SESSION_MAX) ? { session: sid } : {};
}

/** What starting a lane answers (a new lane, or the owner's existing one). */
export interface StartResult {
  task_id: string;
  owner: string;
  path: string;
  branch: string;
  /** The commit the lane starts from. */
  base: string;
  base_ref: string;
  target: string;
  /** The task's file scope, claimed for owner task:<id>. */
  claims: string[];
  /** Files copied by .worktreeinclude. */
  included: string[];
  include_skipped: Array<{ path: string; reason: string }>;
  setup: Array<{ name: string; ms: number }>;
  /** True when this owner's lane already existed and was returned as is. */
  existing: boolean;
  /** The same as existing: the owner got its lane back (a second `lanes start`, a new MCP server). */
  resumed: boolean;
}
