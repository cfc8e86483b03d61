/**
 * Throwaway repositories for the merge queue tests: a committed .lanes/config.json (gates are read
 * from the target as committed), a stored plan, and lanes made through the real start_task
 * (`startLane`). Lanes whose start is not wanted can be made with plain git (`rawLane`).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, onTestFinished } from 'vitest';
import { openProject, type Project } from '../../../src/core/project/project.js';
import { startLane } from '../../../src/core/lanes/start.js';
import { INTEGRATION_DOC } from '../../../src/core/merge/checkout.js';
import { MERGE_DOC, type MergeQueueDoc } from '../../../src/core/merge/model.js';
import { readPlan, storePlan } from '../../../src/core/plan/tasks.js';
import { makeRepo, type TestRepo } from '../../helpers/repo.js';
import { spawnChild } from '../../helpers/child.js';
import { assertInvariants } from '../lanes/invariants.js';

export const OK_GATE = { name: 'ok', command: ['node', '-e', 'process.exit(0)'], timeout_seconds: 30 };

export interface TaskSpec {
  id: string;
  depends_on?: string[];
  files?: string[];
}

export interface MergeRepo extends TestRepo {
  open(): Promise<Project>;
  /** A lane for `task` (start_task) with one commit writing `files`. Returns its worktree and tip. */
  lane(task: string, files: Record<string, string>, message?: string): Promise<{ path: string; tip: string }>;
  /** Commits more files in an existing lane. */
  commitIn(task: string, files: Record<string, string>, message?: string): string;
  lanePath(task: string): string;
  queue(): Promise<MergeQueueDoc>;
  tasks(): Promise<Awaited<ReturnType<typeof readPlan>>['tasks']>;
  /** Commits on main's first-parent line, newest first (subjects). */
  mainLog(): string[];
  finish(): void;
}

export async function mergeRepo(
  opts: {
    tasks?: TaskSpec[];
    gates?: unknown[];
    setup?: unknown[];
    merge?: Record<string, unknown>;
    files?: Record<string, string>;
    shared?: boolean;
    /** The test context's onTestFinished, for concurrent tests (the global one cannot tell them apart). */
    onFinished?: (fn: () => void) => void;
  } = {},
): Promise<MergeRepo> {
  const config = {
    gates: opts.gates ?? [OK_GATE],
    ...(opts.setup ? { setup: opts.setup } : {}),
    merge: { remove_lane_after_landing: true, ...opts.merge },
  };
  const repo = makeRepo({
    files: {
      'README.md': '# test\n',
      'src/a.ts': 'export const a = 1;\n',
      '.lanes/config.json': JSON.stringify(config, null, 2),
      ...opts.files,
    },
  });
  const tasks = opts.tasks ?? [{ id: 't1' }, { id: 't2' }, { id: 't3' }];
  const project = await openProject(repo.dir);
  await storePlan(
    project.store,
    tasks.map((t) => ({
      id: t.id,
      title: `task ${t.id}`,
      ...(t.depends_on ? { depends_on: t.depends_on } : {}),
      ...(t.files ? { files: t.files } : {}),
    })),
    { parallelism: 16 },
  );
  const lanePath = (task: string) => path.join(repo.dir, '.claude', 'worktrees', task);
  const commitIn = (task: string, files: Record<string, string>, message = `work on ${task}`) => {
    const wt = lanePath(task);
    for (const [rel, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(wt, rel)), { recursive: true });
      fs.writeFileSync(path.join(wt, rel), content);
    }
    repo.git('-C', wt, 'add', '-A');
    repo.git('-C', wt, 'commit', '-q', '-m', message);
    return repo.git('-C', wt, 'rev-parse', 'HEAD');
  };
  let finished = false;
  const out: MergeRepo = {
    ...repo,
    open: () => openProject(repo.dir),
    lanePath,
    commitIn,
    async lane(task, files, message) {
      await startLane(await openProject(repo.dir), { task_id: task, owner: `agent-${task}` });
      if (!Object.keys(files).length) return { path: lanePath(task), tip: repo.git('-C', lanePath(task), 'rev-parse', 'HEAD') };
      return { path: lanePath(task), tip: commitIn(task, files, message) };
    },
    async queue() {
      return (await (await openProject(repo.dir)).store.read(MERGE_DOC)).data;
    },
    async tasks() {
      return (await readPlan((await openProject(repo.dir)).store)).tasks;
    },
    mainLog: () => repo.git('log', '--first-parent', '--format=%s', 'main').split('\n'),
    finish() {
      if (finished) return;
      finished = true;
      try {
        expectMergeClean(repo.dir);
      } finally {
        removeCheckoutsOf(repo.dir);
        repo.cleanup();
      }
    },
  };
  if (!opts.shared) (opts.onFinished ?? onTestFinished)(() => out.finish());
  return out;
}

/** The persistent gate checkouts live outside the test's repository: remove them with it. */
export function removeCheckoutsOf(dir: string): void {
  const common = path.resolve(dir, execFileSync('git', ['rev-parse', '--git-common-dir'], { cwd: dir, encoding: 'utf8' }).trim());
  try {
    const doc = JSON.parse(fs.readFileSync(path.join(common, 'lanes', `${INTEGRATION_DOC}.json`), 'utf8')) as {
      data?: { checkouts?: Array<{ dir: string }> };
    };
    for (const c of doc.data?.checkouts ?? []) fs.rmSync(c.dir, { recursive: true, force: true });
  } catch {
    // no gate checkout was made
  }
}

/** Everything the lanes invariants check, plus: no integration worktree left behind. */
export function expectMergeClean(dir: string): void {
  assertInvariants(dir);
  const common = path.resolve(dir, execFileSync('git', ['rev-parse', '--git-common-dir'], { cwd: dir, encoding: 'utf8' }).trim());
  const integ = path.join(common, 'lanes', 'integration');
  expect(fs.existsSync(integ) ? fs.readdirSync(integ) : [], 'integration worktrees left').toEqual([]);
  const list = execFileSync('git', ['worktree', 'list', '--porcelain'], { cwd: dir, encoding: 'utf8' });
  expect(list).not.toContain(`${path.sep}integration${path.sep}`);
}

export const CHILD = path.join(import.meta.dirname, 'children', 'merge-child.ts');

/** Runs the queue processor in a separate process (optionally with a failpoint). */
export function runProcessor(dir: string, env: Record<string, string> = {}, mode = 'run') {
  return spawnChild(CHILD, [mode, dir], { env, cwd: dir, timeoutMs: 55_000 });
}

export function lastJson(stdout: string): Record<string, any> {
  const lines = stdout.trim().split('\n').filter(Boolean);
  return JSON.parse(lines[lines.length - 1] ?? '{}') as Record<string, any>;
}

/** A node one-liner as a gate. */
export function nodeGate(name: string, code: string, timeout_seconds = 30) {
  return { name, command: ['node', '-e', code], timeout_seconds };
}

/** Commits on main that were not in `since`, oldest first. */
export function commitsSince(repo: TestRepo, since: string): Array<{ sha: string; parents: string[]; subject: string }> {
  const out = repo.git('log', '--reverse', '--format=%H %P%x09%s', `${since}..main`);
  return out
    ? out.split('\n').map((l) => {
        const [shas = '', subject = ''] = l.split('\t');
        const [sha = '', ...parents] = shas.split(' ');
        return { sha, parents, subject };
      })
    : [];
}

/**
 * A lane made with plain git, without start_task (the task stays planned): for lanes whose task
 * could not be started yet, e.g. one whose dependency has not landed.
 */
export function rawLane(repo: MergeRepo, task: string, files: Record<string, string>): string {
  repo.git('worktree', 'add', '-q', '-b', `lanes/${task}`, repo.lanePath(task), 'main');
  return repo.commitIn(task, files);
}

/** Catches a rejection (or fails when there is none). */
export async function rejection(p: Promise<unknown>): Promise<any> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}
