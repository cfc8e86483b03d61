import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { addIntegrationWorktree, integrationRoot, removeIntegrationWorktree } from '../../src/git/merge.js';
import { resolveRepo } from '../../src/git/repo.js';
import { listWorktrees } from '../../src/git/worktree.js';
import { isLanesError } from '../../src/errors.js';
import { makeRepo, type TestRepo } from '../helpers/repo.js';

let repos: TestRepo[] = [];
afterEach(() => {
  for (const r of repos) r.cleanup();
  repos = [];
});

describe('integration worktrees', () => {
  it('removes one with its admin entry, also when its directory vanished, leaving the other worktrees and git as git would', async () => {
    const r = makeRepo();
    repos.push(r);
    const repo = await resolveRepo(r.dir);
    const root = integrationRoot(repo);
    const [a, b] = [path.join(root, 'a'), path.join(root, 'b')];
    await addIntegrationWorktree(repo, a, 'HEAD');
    await addIntegrationWorktree(repo, b, 'HEAD');
    fs.writeFileSync(path.join(a, 'build-output.txt'), 'left by a gate\n');

    await removeIntegrationWorktree(repo, a);
    expect(fs.existsSync(a)).toBe(false);
    expect((await listWorktrees(r.dir)).map((w) => w.path)).toEqual([r.dir, b]);

    // A directory deleted behind git's back: its admin entry goes, and with the last one the
    // worktrees/ directory, as `git worktree prune` would leave it.
    fs.rmSync(b, { recursive: true, force: true });
    await removeIntegrationWorktree(repo, b);
    expect((await listWorktrees(r.dir)).map((w) => w.path)).toEqual([r.dir]);
    expect(fs.existsSync(path.join(repo.commonDir, 'worktrees'))).toBe(false);
    expect(r.git('fsck', '--no-progress')).toBe('');
  });

  it('refuses a directory outside the integration root', async () => {
    const r = makeRepo();
    repos.push(r);
    const repo = await resolveRepo(r.dir);
    const e = await removeIntegrationWorktree(repo, r.dir).catch((x: unknown) => x);
    expect(isLanesError(e, 'INTERNAL')).toBe(true);
    expect(fs.existsSync(path.join(r.dir, 'README.md'))).toBe(true);
  });
});
