/**
 * Claude Code's own worktrees as Lanes sees them (WorktreeCreate / WorktreeRemove): the task a
 * worktree name maps to, and how the tasks Lanes adds for them are recognised.
 */
import { isSlug, slugify } from '../../util/slug.js';

/** Claude Code's rule for worktree names: "/"-separated segments of letters, digits, . _ -; at most 64 characters. */
export const CLAUDE_NAME_RE = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

/** Title prefix of the tasks added to the plan for Claude Code worktrees that name no planned task. */
export const ADHOC_TITLE_PREFIX = 'Claude Code worktree';

/** The task of a Claude Code worktree: `name` itself when it is a slug, else a slug made from it. */
export function taskIdFor(name: string): string {
  return isSlug(name) ? name : slugify(name);
}
