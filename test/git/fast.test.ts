/**
 * The fast paths of src/git: git on node:child_process (exec.ts) and a Repo from paths found
 * without git (repoFromPaths), each checked against what git itself says.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { git } from '../../src/git/exec.js';
import { repoFromPaths, resolveRepo } from '../../src/git/repo.js';
import { isLanesError } from '../../src/errors.js';
import { makeRepo, tempDir } from '../helpers/repo.js';

describe('git()', () => {
  it('feeds stdin, keeps the final newline, accepts listed exit codes and reports others with stderr', async () => {
    const r = makeRepo();
    try {
      const oid = await git(r.dir, ['hash-object', '-w', '--stdin'], { input: 'héllo\n' });
      expect(oid.stdout).toMatch(/^[0-9a-f]{40}\n$/);
      expect((await git(r.dir, ['cat-file', 'blob', oid.stdout.trim()])).stdout).toBe('héllo\n');
      const miss = await git(r.dir, ['rev-parse', '--verify', '--quiet', 'nope'], { okCodes: [1] });
      expect(miss.exitCode).toBe(1);
      await expect(git(r.dir, ['rev-parse', '--verify', 'nope'])).rejects.toSatisfy(
        (e) => isLanesError(e, 'GIT') && /exit 128/.test((e as Error).message),
      );
      // No pager, no editor, no optional locks for reads: the environment git sees.
      const env = await git(r.dir, ['var', 'GIT_PAGER'], { readOnly: true });
      expect(env.stdout.trim()).toBe('cat');
    } finally {
      r.cleanup();
    }
  });

  it('says that the directory is gone rather than that git is missing', async () => {
    const d = path.join(tempDir(), 'gone');
    await expect(git(d, ['status'])).rejects.toSatisfy((e) => isLanesError(e, 'GIT') && /does not exist/.test((e as Error).message));
  });

  it('ends a git that outlives its timeout and reports it as a failure', async () => {
    const r = makeRepo();
    try {
      // A git alias that sleeps far longer than the test's generous deadline.
      await expect(git(r.dir, ['-c', 'alias.wait=!sleep 30', 'wait'], { timeoutMs: 200 })).rejects.toSatisfy(
        (e) => isLanesError(e, 'GIT') && /exit -1/.test((e as Error).message),
      );
    } finally {
      r.cleanup();
    }
  });
});

describe('repoFromPaths', () => {
  it('gives what resolveRepo gives, in the main checkout and in a linked worktree', async () => {
    const r = makeRepo();
    const wt = path.join(r.dir, '..', `${path.basename(r.dir)}-wt`);
    try {
      const main = await resolveRepo(r.dir);
      expect(await repoFromPaths({ worktreeRoot: r.dir, commonDir: main.commonDir, mainRoot: main.mainRoot })).toEqual(main);
      r.git('worktree', 'add', '-q', '-b', 'x', wt);
      const linked = await resolveRepo(wt);
      expect(await repoFromPaths({ worktreeRoot: wt, commonDir: main.commonDir, mainRoot: main.mainRoot })).toEqual(linked);
      // Packed refs and a detached HEAD are read from disk too.
      r.git('pack-refs', '--all');
      expect((await repoFromPaths({ worktreeRoot: r.dir, commonDir: main.commonDir, mainRoot: main.mainRoot })).hasCommits).toBe(true);
      r.git('-C', wt, 'checkout', '-q', '--detach');
      expect((await repoFromPaths({ worktreeRoot: wt, commonDir: main.commonDir, mainRoot: main.mainRoot })).hasCommits).toBe(true);
    } finally {
      fs.rmSync(wt, { recursive: true, force: true });
      r.cleanup();
    }
  });

  it('sees an unborn HEAD as no commits, as resolveRepo does', async () => {
    const empty = makeRepo({ commit: false });
    try {
      const want = await resolveRepo(empty.dir);
      expect(want.hasCommits).toBe(false);
      expect(await repoFromPaths({ worktreeRoot: empty.dir, commonDir: want.commonDir, mainRoot: want.mainRoot })).toEqual(want);
    } finally {
      empty.cleanup();
    }
  });
});
