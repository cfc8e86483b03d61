/**
 * Repositories for the fault suite: a stored plan, lanes made in-process (fast), and a finish that
 * runs the full invariant checker (test/helpers/invariants.ts) before deleting the repository.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openProject, type Project } from '../../../src/core/project/project.js';
import { startLane } from '../../../src/core/lanes/start.js';
import { readPlan, storePlan } from '../../../src/core/plan/tasks.js';
import { assertFaultInvariants, LaneCommits } from '../../helpers/invariants.js';
import { makeRepo, type TestRepo } from '../../helpers/repo.js';

export interface FaultRepo extends TestRepo {
  commits: LaneCommits;
  stateDir: string;
  open(): Promise<Project>;
  lanePath(task: string): string;
  /** start_task in-process, then one commit writing `files` in the lane (if any). Returns the tip. */
  lane(task: string, files?: Record<string, string>): Promise<string>;
  /** A state document's data as stored (undefined when absent). */
  doc(name: string): any;
  tasks(): Promise<Awaited<ReturnType<typeof readPlan>>['tasks']>;
  finish(): void;
}

export async function faultRepo(opts: {
  tasks: Array<{ id: string; files?: string[]; depends_on?: string[] }>;
  config?: Record<string, unknown>;
  files?: Record<string, string>;
  onFinished: (fn: () => void) => void;
}): Promise<FaultRepo> {
  const repo = makeRepo({
    files: {
      'README.md': '# test\n',
      'src/a.ts': 'export const a = 1;\n',
      ...(opts.config ? { '.lanes/config.json': JSON.stringify(opts.config, null, 2) } : {}),
      ...opts.files,
    },
  });
  await storePlan(
    (await openProject(repo.dir)).store,
    opts.tasks.map((t) => ({ title: `task ${t.id}`, ...t })),
    { parallelism: 16 },
  );
  const commits = new LaneCommits(repo.dir);
  const stateDir = path.join(repo.dir, '.git', 'lanes');
  const lanePath = (task: string) => path.join(repo.dir, '.claude', 'worktrees', task);
  let finished = false;
  const out: FaultRepo = {
    ...repo,
    commits,
    stateDir,
    open: () => openProject(repo.dir),
    lanePath,
    async lane(task, files = {}) {
      await startLane(await openProject(repo.dir), { task_id: task, owner: `agent-${task}` });
      const wt = lanePath(task);
      if (Object.keys(files).length) {
        for (const [rel, content] of Object.entries(files)) {
          fs.mkdirSync(path.dirname(path.join(wt, rel)), { recursive: true });
          fs.writeFileSync(path.join(wt, rel), content);
        }
        repo.git('-C', wt, 'add', '-A');
        repo.git('-C', wt, 'commit', '-q', '-m', `work on ${task}`);
      }
      commits.note();
      return repo.git('-C', wt, 'rev-parse', 'HEAD');
    },
    doc(name) {
      const f = path.join(stateDir, `${name}.json`);
      return fs.existsSync(f) ? JSON.parse(fs.readFileSync(f, 'utf8')).data : undefined;
    },
    async tasks() {
      return (await readPlan((await openProject(repo.dir)).store)).tasks;
    },
    finish() {
      if (finished) return;
      finished = true;
      try {
        assertFaultInvariants(repo.dir, { commits });
      } finally {
        repo.cleanup();
      }
    },
  };
  opts.onFinished(() => out.finish());
  return out;
}
