/** The worktrees section: where lanes are made, what they copy in, which ignored files they may lose. */
import { z } from 'zod';
import { relDir, relPathProblem } from './fields.js';

/**
 * Ignored files removing a lane may delete without asking: dependency installs, caches and build
 * output that a command recreates. Anything else ignored (notes, local config, data) is work.
 */
export const DEFAULT_DISPOSABLE_IGNORED = [
  'node_modules',
  '.venv',
  'venv',
  '__pycache__',
  '*.pyc',
  '.pytest_cache',
  '.mypy_cache',
  '.ruff_cache',
  '.tox',
  'target',
  'dist',
  'build',
  'out',
  'coverage',
  '.cache',
  '.next',
  '.nuxt',
  '.turbo',
  '.parcel-cache',
  '.gradle',
  '.eslintcache',
  '*.tsbuildinfo',
  '.DS_Store',
] as const;

export const WorktreesSection = z
  .object({
    dir: relDir('.claude/worktrees', 'Where lane worktrees are created.'),
    include_file: z
      .string()
      .superRefine((p, ctx) => {
        const problem = relPathProblem(p, 'file');
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .default('.worktreeinclude')
      .meta({ description: 'File listing untracked files (e.g. .env) to copy into new lanes. Default ".worktreeinclude".' }),
    claude_worktree_hooks: z
      .boolean()
      .default(true)
      .meta({ description: "Handle Claude Code's own worktree hooks so its worktrees become lanes. Default true." }),
    disposable_ignored: z
      .array(
        z
          .string()
          .min(1)
          // eslint-disable-next-line no-control-regex
          .regex(/^[^\x00-\x1f\x7f]+$/, 'must not contain control characters'),
      )
      .default([...DEFAULT_DISPOSABLE_IGNORED])
      .meta({
        description:
          'Globs of ignored files a lane may lose on removal (caches, build output): a pattern without "/" matches any path component, one with "/" a path from the lane root. Other ignored files make removal refuse. Replaces the default list.',
      }),
  })
  .strict()
  .prefault({})
  .meta({ title: 'Worktrees', description: 'Where and how lane worktrees are created.' });
