import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { resolveRepo } from '../../src/git/repo.js';
import { makeRepo, tempDir } from '../helpers/repo.js';
import { isLanesError } from '../../src/errors.js';

describe('resolveRepo', () => {
  it('finds the common dir and state dir from the main checkout and from a linked worktree', async () => {
    const r = makeRepo();
    try {
      const main = await resolveRepo(r.dir);
      expect(main.worktreeRoot).toBe(r.dir);
      expect(main.commonDir).toBe(path.join(r.dir, '.git'));
      expect(main.stateDir).toBe(path.join(r.dir, '.git', 'lanes'));
      expect(main.hasCommits).toBe(true);
      const wt = path.join(r.dir, '..', `${path.basename(r.dir)}-wt`);
      r.git('worktree', 'add', '-q', '-b', 'x', wt);
      const sub = path.join(wt, 'sub');
      fs.mkdirSync(sub);
      const linked = await resolveRepo(sub);
      expect(linked.worktreeRoot).toBe(fs.realpathSync(wt));
      expect(linked.commonDir).toBe(main.commonDir);
      expect(linked.mainRoot).toBe(r.dir);
      fs.rmSync(wt, { recursive: true, force: true });
    } finally {
      r.cleanup();
    }
  });

  it('says clearly when the directory is not a repository, and notes a repo without commits', async () => {
    const d = tempDir();
    await expect(resolveRepo(d)).rejects.toSatisfy((e) => isLanesError(e, 'NOT_A_REPO'));
    const empty = makeRepo({ commit: false });
    expect((await resolveRepo(empty.dir)).hasCommits).toBe(false);
    empty.cleanup();
    fs.rmSync(d, { recursive: true });
  });

  it('tells a commit from an unborn branch with packed refs, a detached HEAD and a linked worktree', async () => {
    const r = makeRepo();
    try {
      r.git('pack-refs', '--all');
      expect((await resolveRepo(r.dir)).hasCommits).toBe(true);
      r.git('checkout', '-q', '--detach');
      expect((await resolveRepo(r.dir)).hasCommits).toBe(true);
      r.git('checkout', '-q', '--orphan', 'fresh');
      expect((await resolveRepo(r.dir)).hasCommits).toBe(false);
      const wt = path.join(r.dir, '..', `${path.basename(r.dir)}-wt2`);
      r.git('worktree', 'add', '-q', '--detach', wt, 'main');
      expect((await resolveRepo(wt)).hasCommits).toBe(true);
      fs.rmSync(wt, { recursive: true, force: true });
    } finally {
      r.cleanup();
    }
  });
});
