/** A real repository with one real lane (`git worktree add`) and its record in Lanes state. */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { expect } from 'vitest';
import { openProject, type Project } from '../../../src/core/project/project.js';
import { LANES_DOC } from '../../../src/core/lanes/model.js';
import { makeRepo, type TestRepo } from '../../helpers/repo.js';

export interface LaneFixture {
  repo: TestRepo;
  lane: string;
  laneGit(...args: string[]): string;
  laneWrite(rel: string, content: string): void;
  laneCommit(message: string): string;
  main: Project;
  inLane: Project;
  cleanup(): void;
}

export async function makeLane(task = 'api', opts: { config?: unknown } = {}): Promise<LaneFixture> {
  const files: Record<string, string> = { 'README.md': '# test repo\n', 'src/app.ts': 'export const x = 1;\n' };
  if (opts.config) files['.lanes/config.json'] = JSON.stringify(opts.config);
  const repo = makeRepo({ files });
  fs.appendFileSync(path.join(repo.dir, '.git', 'info', 'exclude'), '.claude/worktrees/\n');
  const lane = path.join(repo.dir, '.claude', 'worktrees', task);
  repo.git('worktree', 'add', '--no-track', '-b', `lanes/${task}`, lane, 'main');
  const base = repo.git('rev-parse', 'main');
  const laneGit = (...args: string[]) =>
    execFileSync('git', args, { cwd: lane, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  const laneWrite = (rel: string, content: string) => {
    const p = path.join(lane, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
  };
  const laneCommit = (message: string) => {
    laneGit('add', '-A', '--', '.', ':(exclude).lanes/sessions');
    laneGit('commit', '-q', '-m', message);
    return laneGit('rev-parse', 'HEAD');
  };
  const main = await openProject(repo.dir);
  const real = fs.realpathSync(lane);
  await main.store.update(LANES_DOC, (doc) => {
    doc[task] = {
      task,
      owner: `task:${task}`,
      branch: `lanes/${task}`,
      path: real,
      base,
      base_ref: 'main',
      target: 'main',
      state: 'ready',
      token: 't',
      created_at: new Date().toISOString(),
    };
  });
  const inLane = await openProject(lane);
  return { repo, lane: real, laneGit, laneWrite, laneCommit, main, inLane, cleanup: () => repo.cleanup() };
}

/** `git status --porcelain` of a directory, as lines. */
export function porcelain(dir: string): string[] {
  return execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: dir, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
}

/** docs/safety.md "Testing them": fsck clean, nothing left locked. */
export function expectRepoHealthy(dir: string): void {
  execFileSync('git', ['fsck', '--no-progress'], { cwd: dir, stdio: 'pipe' });
  const stateDir = path.join(dir, '.git', 'lanes');
  if (fs.existsSync(stateDir)) {
    expect(fs.readdirSync(stateDir).filter((n) => n.endsWith('.lock') || n.endsWith('.tmp'))).toEqual([]);
  }
}
