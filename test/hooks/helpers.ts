/**
 * Hooks as real processes: each test runs the freshly built `dist/hooks/<event>.mjs` with JSON on
 * stdin, exactly as Claude Code does (through hooks/launch.sh, as hooks.json says), and looks at
 * the exit code, stdout and stderr.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { inject } from 'vitest';
import { openProject, type Project } from '../../src/core/project/project.js';
import { startLane } from '../../src/core/lanes/start.js';
import { storePlan } from '../../src/core/plan/tasks.js';
import { makeRepo, type TestRepo } from '../helpers/repo.js';

export type HookName = 'pre-tool-use' | 'session-start' | 'stop' | 'session-end' | 'worktree-create' | 'worktree-remove';

export function hookPath(name: HookName): string {
  return path.join(inject('bundleDir'), 'hooks', `${name}.mjs`);
}

/** The launcher hooks.json starts every hook with: `sh <plugin>/hooks/launch.sh hooks/<name>`. */
export function launcherPath(): string {
  return path.join(path.dirname(inject('bundleDir')), 'hooks', 'launch.sh');
}

export interface HookRun {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
  /** stdout parsed as one JSON object, when it is one. */
  json?: Record<string, any>;
}

export async function runHook(
  name: HookName,
  input: unknown,
  opts: { env?: Record<string, string | undefined>; cwd?: string; raw?: boolean; timeoutMs?: number } = {},
): Promise<HookRun> {
  const t = performance.now();
  const r = await execa('sh', [launcherPath(), `hooks/${name}`], {
    input: opts.raw ? String(input) : JSON.stringify(input),
    cwd: opts.cwd ?? process.cwd(),
    env: opts.env ?? {},
    reject: false,
    timeout: opts.timeoutMs ?? 30_000,
  });
  const ms = performance.now() - t;
  const stdout = String(r.stdout);
  const run: HookRun = { code: r.exitCode ?? -1, stdout, stderr: String(r.stderr), ms };
  if (stdout.trim().startsWith('{')) run.json = JSON.parse(stdout);
  return run;
}

export interface LaneRepo {
  repo: TestRepo;
  lanes: Project;
  /** Real path of each started lane, by task. */
  lane: Record<string, string>;
  cleanup(): void;
}

/**
 * A repository with a plan (tasks a: src/a/**, b: src/b/**, c: docs/** depending on a) and lanes
 * started for `start` (default a and b), through the real start path.
 */
export async function laneRepo(opts: { start?: string[]; config?: Record<string, unknown> } = {}): Promise<LaneRepo> {
  const repo = makeRepo({ files: { 'README.md': '# r\n', 'src/a/a.ts': 'export const a = 1;\n', 'src/b/b.ts': 'export const b = 1;\n' } });
  if (opts.config) {
    repo.write('.lanes/config.json', JSON.stringify(opts.config));
    repo.commitAll('config');
  }
  const project = await openProject(repo.dir);
  await storePlan(
    project.store,
    [
      { id: 'a', title: 'Task A', description: 'Do A in src/a.', files: ['src/a/**'] },
      { id: 'b', title: 'Task B', description: 'Do B in src/b.', files: ['src/b/**'] },
      { id: 'c', title: 'Task C', description: 'Docs.', files: ['docs/**'], depends_on: ['a'] },
    ],
    { parallelism: 2 },
  );
  const lane: Record<string, string> = {};
  for (const t of opts.start ?? ['a', 'b']) lane[t] = (await startLane(project, { task_id: t, owner: `test:${t}` })).path;
  return { repo, lanes: project, lane, cleanup: () => repo.cleanup() };
}

/** A subagent transcript whose first prompt line names `task`, laid out as Claude Code 2.1.330 does. */
export function subagentTranscript(dir: string, session: string, agent: string, prompt: string): { transcript_path: string } {
  const main = path.join(dir, `${session}.jsonl`);
  fs.writeFileSync(main, '');
  const sub = path.join(dir, session, 'subagents');
  fs.mkdirSync(sub, { recursive: true });
  fs.writeFileSync(
    path.join(sub, `agent-${agent}.jsonl`),
    `${JSON.stringify({ parentUuid: null, isSidechain: true, agentId: agent, type: 'user', message: { role: 'user', content: prompt } })}\n`,
  );
  return { transcript_path: main };
}
