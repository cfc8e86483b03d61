/**
 * A repository in the middle of work, made through the core functions: a plan of six tasks in
 * three waves with one conflicting pair (api and auth both touch src/api/auth.ts), one task done,
 * two lanes (one with a commit queued for merge, one with an uncommitted edit), one blocked task,
 * and a claim held by a session. Shared by the status and dashboard tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openProject, type Project } from '../../src/core/project/project.js';
import { claimFiles } from '../../src/core/claims/api.js';
import { startLane } from '../../src/core/lanes/start.js';
import { processMergeQueue, queueMerge } from '../../src/core/merge/index.js';
import { storePlan, updateTask } from '../../src/core/plan/tasks.js';
import { RUNS_DOC } from '../../src/core/run/model.js';
import { makeRepo, type TestRepo } from '../helpers/repo.js';

export const TASKS = [
  { id: 'schema', title: 'Database schema', files: ['src/db/**'], estimate: 2 },
  { id: 'config', title: 'Config loader', files: ['src/config/**'] },
  { id: 'api', title: 'REST API', depends_on: ['schema'], files: ['src/api/**'], estimate: 3 },
  { id: 'auth', title: 'Login', depends_on: ['schema'], files: ['src/api/auth.ts', 'src/auth/**'] },
  { id: 'ui', title: 'Web UI', depends_on: ['config'], files: ['src/ui/**'] },
  { id: 'docs', title: 'Documentation', depends_on: ['api', 'ui'], files: ['docs/**'] },
];

export interface Fixture extends TestRepo {
  lanes: Project;
  lanePath(task: string): string;
}

export async function workingRepo(): Promise<Fixture> {
  const config = { gates: [{ name: 'ok', command: ['node', '-e', 'process.exit(0)'], timeout_seconds: 30 }] };
  const repo = makeRepo({
    files: { 'README.md': '# demo\n', 'src/a.ts': 'export const a = 1;\n', '.lanes/config.json': JSON.stringify(config) },
  });
  const project = await openProject(repo.dir);
  await storePlan(project.store, TASKS, { parallelism: 4 });
  await updateTask(project.store, { id: 'schema', status: 'in_progress', owner: 'agent-0' });
  await updateTask(project.store, { id: 'schema', status: 'done', owner: 'agent-0' });
  await startLane(project, { task_id: 'api', owner: 'agent-api' });
  await startLane(project, { task_id: 'config', owner: 'agent-config' });
  const lanePath = (task: string) => path.join(repo.dir, '.claude', 'worktrees', task);
  // api: one commit, queued for merge.
  fs.mkdirSync(path.join(lanePath('api'), 'src/api'), { recursive: true });
  fs.writeFileSync(path.join(lanePath('api'), 'src/api/index.ts'), 'export const api = 1;\n');
  repo.git('-C', lanePath('api'), 'add', '-A');
  repo.git('-C', lanePath('api'), 'commit', '-q', '-m', 'api: first endpoint');
  await queueMerge(project, { task_id: 'api' });
  // config: an edit not yet committed.
  fs.mkdirSync(path.join(lanePath('config'), 'src/config'), { recursive: true });
  fs.writeFileSync(path.join(lanePath('config'), 'src/config/load.ts'), 'export {};\n');
  await updateTask(project.store, { id: 'ui', status: 'blocked', note: 'waiting for a design' });
  await claimFiles(project.store, { owner: 'session:abc', paths: ['README.md'], reason: 'docs touch-up' });
  return { ...repo, lanes: project, lanePath };
}

/** Long enough that an unwrapped reason would push the dashboard's lanes table past its card. */
export const LONG_PATH = 'src/features/billing/invoices/components/InvoiceLineItemEditorWithValidation.tsx';

export interface NeedsFixFixture extends Fixture {
  /** Queues `task` again and processes the queue (its gate is green once RED is gone). */
  requeue(task: string): Promise<void>;
}

/**
 * Lanes the merge queue sent back, made by the real queue: `red` fails the gate "test" (which
 * prints a test runner's summary, "55 failed"), `clash` conflicts with main in src/a.ts and a long
 * path, `late` came to conflict with main in src/b.ts when `first` landed, `fine` is a lane at work.
 */
export async function needsFixRepo(): Promise<NeedsFixFixture> {
  const gate =
    "const fs=require('fs'); if (fs.existsSync('RED')) { console.log(' Test Files  1 failed (1)'); console.log('      Tests  55 failed | 3 passed (58)'); process.exit(1); }";
  const config = {
    gates: [{ name: 'test', command: ['node', '-e', gate], timeout_seconds: 60 }],
    merge: { remove_lane_after_landing: false },
  };
  const repo = makeRepo({
    files: {
      'README.md': '# demo\n',
      'src/a.ts': 'export const a = 1;\n',
      'src/b.ts': 'export const b = 1;\n',
      [LONG_PATH]: 'export {};\n',
      '.lanes/config.json': JSON.stringify(config),
    },
  });
  const project = await openProject(repo.dir);
  await storePlan(
    project.store,
    ['fine', 'red', 'clash', 'first', 'late'].map((id) => ({ id, title: `task ${id}` })),
    { parallelism: 4 },
  );
  const lanePath = (task: string) => path.join(repo.dir, '.claude', 'worktrees', task);
  const commitIn = (task: string, files: Record<string, string>) => {
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(lanePath(task), rel)), { recursive: true });
      fs.writeFileSync(path.join(lanePath(task), rel), text);
    }
    repo.git('-C', lanePath(task), 'add', '-A');
    repo.git('-C', lanePath(task), 'commit', '-q', '-m', `work on ${task}`);
  };
  for (const t of ['fine', 'red', 'clash', 'first', 'late']) await startLane(project, { task_id: t, owner: `agent-${t}` });
  commitIn('fine', { 'src/fine.ts': 'export const fine = 1;\n' });
  commitIn('red', { RED: 'makes the gate fail\n' });
  commitIn('clash', { 'src/a.ts': 'export const a = 2;\n', [LONG_PATH]: 'export const lane = 1;\n' });
  commitIn('first', { 'src/b.ts': 'export const b = 2;\n' });
  commitIn('late', { 'src/b.ts': 'export const b = 3;\n' });
  // main moves under clash.
  fs.writeFileSync(path.join(repo.dir, 'src/a.ts'), 'export const a = 3;\n');
  fs.writeFileSync(path.join(repo.dir, LONG_PATH), 'export const main = 1;\n');
  repo.git('commit', '-q', '-am', 'main moves');
  for (const t of ['red', 'clash', 'first']) await queueMerge(project, { task_id: t });
  await processMergeQueue(project);
  return {
    ...repo,
    lanes: project,
    lanePath,
    async requeue(task) {
      await queueMerge(project, { task_id: task });
      await processMergeQueue(project);
    },
  };
}

/** Resumes at this time: two hours from when the run is written (the text shows it as HH:MM). */
export function pausedUntil(now = Date.now()): Date {
  return new Date(now + 2 * 3600_000);
}

/**
 * A `lanes run` in progress, paused on a usage limit until `until`, whose agents reported usage:
 * api 1M input and 100k output tokens of Sonnet ($3 / $15 per million: about $4.50), config
 * 200k input of Haiku, and one attempt with no usage (the scripted agent prints none).
 */
export async function writePausedRun(project: Project, until: Date): Promise<void> {
  const started = new Date(Date.now() - 600_000).toISOString();
  const usage = (model: string, input: number, output: number) => ({
    input_tokens: input,
    output_tokens: output,
    cache_read_tokens: 0,
    cache_creation_tokens: 0,
    models: { [model]: { input_tokens: input, output_tokens: output, cache_read_tokens: 0, cache_creation_tokens: 0 } },
  });
  await project.store.update(RUNS_DOC, (d) => {
    d.current = 'r-paused';
    // A run record as an older or partial writer may leave it: the reader must cope.
    d.runs = [
      {
        id: 'r-paused',
        status: 'running',
        created_at: started,
        updated_at: new Date().toISOString(),
        parallelism: 2,
        agent: { name: 'claude', argv: [] },
        segments: [{ pid: process.pid, host: 'h', started_at: started }],
        paused: { reason: 'usage limit', until: until.toISOString(), task: 'api' },
        tasks: {
          api: {
            id: 'api',
            state: 'retry',
            attempts: [{ n: 1, started_at: started, outcome: 'limited', usage: usage('claude-sonnet-4-5', 1_000_000, 100_000) }],
          },
          config: {
            id: 'config',
            state: 'running',
            attempts: [
              { n: 1, started_at: started, usage: usage('claude-haiku-4-5', 200_000, 0) },
              { n: 2, started_at: started },
            ],
          },
        },
      },
    ] as unknown as typeof d.runs;
  });
}

/** "15:00" for `at`, in local time, as the pause line shows it ("2026-12-02 00:13" when it is another day). */
export function clock(at: Date, now = new Date()): string {
  const hm = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
  if (at.toDateString() === now.toDateString()) return hm;
  // Two hours ahead may be tomorrow (a run near midnight): then the pause line names the day.
  return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')} ${hm}`;
}
