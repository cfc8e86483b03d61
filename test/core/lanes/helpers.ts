/** A throwaway repository with a stored plan, ready for lanes. */
import fs from 'node:fs';
import { Command } from 'commander';
import { onTestFinished, vi } from 'vitest';
import path from 'node:path';
import { registerLanes } from '../../../src/cli/commands/lanes.js';
import { openProject, type Project } from '../../../src/core/project/project.js';
import { storePlan } from '../../../src/core/plan/tasks.js';
import { makeRepo, type TestRepo } from '../../helpers/repo.js';
import { assertInvariants, LaneCommits } from './invariants.js';

export interface LanesRepo extends TestRepo {
  open(): Promise<Project>;
  commits: LaneCommits;
  /** assertInvariants + cleanup. */
  finish(): void;
}

export interface TaskSpec {
  id: string;
  files?: string[];
  depends_on?: string[];
}

/**
 * Inside a test, the repository is checked (assertInvariants) and deleted when the test finishes,
 * pass or fail, without masking the test's own error; pass `{ shared: true }` from beforeAll and
 * call finish() yourself.
 */
export async function lanesRepo(
  opts: { files?: Record<string, string>; tasks?: TaskSpec[]; config?: Record<string, unknown>; shared?: boolean } = {},
): Promise<LanesRepo> {
  const repo = makeRepo({ files: { 'README.md': '# test\n', 'src/a.ts': 'export const a = 1;\n', ...opts.files } });
  if (opts.config) {
    repo.write('.lanes/config.json', JSON.stringify(opts.config));
  }
  const tasks = opts.tasks ?? [{ id: 't1' }, { id: 't2' }];
  const project = await openProject(repo.dir);
  await storePlan(
    project.store,
    tasks.map((t) => ({
      id: t.id,
      title: `task ${t.id}`,
      ...(t.files ? { files: t.files } : {}),
      ...(t.depends_on ? { depends_on: t.depends_on } : {}),
    })),
    { parallelism: 16 },
  );
  const commits = new LaneCommits(repo.dir);
  let finished = false;
  const out: LanesRepo = {
    ...repo,
    open: () => openProject(repo.dir),
    commits,
    finish() {
      if (finished) return;
      finished = true;
      try {
        assertInvariants(repo.dir, commits);
      } finally {
        repo.cleanup();
      }
    },
  };
  if (!opts.shared) onTestFinished(() => out.finish());
  return out;
}

export function lanePath(repo: TestRepo, task: string): string {
  return path.join(repo.dir, '.claude', 'worktrees', task);
}

/** Commits a file inside a lane. */
export function commitIn(worktree: string, rel: string, content: string, message: string, git: (...a: string[]) => string): string {
  const p = path.join(worktree, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, content);
  git('-C', worktree, 'add', '--', rel);
  git('-C', worktree, 'commit', '-q', '-m', message);
  return git('-C', worktree, 'rev-parse', 'HEAD');
}

/** Runs `lanes <args>` in-process (registerLanes on a fresh program) in `cwd`; returns output and exit code. */
export async function cli(cwd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const program = new Command().name('lanes').exitOverride();
  registerLanes(program);
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
  const before = process.cwd();
  process.exitCode = 0;
  try {
    process.chdir(cwd);
    await program.parseAsync(['node', 'lanes', ...args]);
  } finally {
    process.chdir(before);
    out.mockRestore();
    err.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { code, stdout, stderr };
}
