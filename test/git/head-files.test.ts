import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import {
  branchTip,
  branchTipFiles,
  headOf,
  mainHeadRefFiles,
  readHeadFiles,
  refExistsFiles,
  worktreeHeadCommit,
  worktreeGitDir,
  worktreeHeadFiles,
} from '../../src/git/head-files.js';
import { adminDirFor, listWorktrees, worktreeLockReason } from '../../src/git/worktree.js';
import { mainWorktreeHeadRef } from '../../src/git/head.js';
import { currentBranch, headCommit } from '../../src/git/head.js';
import { makeRepo, type TestRepo } from '../helpers/repo.js';

/** What git itself says, the answer readHeadFiles must match whenever it gives one. */
async function fromGit(dir: string): Promise<{ branch?: string; commit?: string }> {
  const [branch, commit] = await Promise.all([currentBranch(dir), headCommit(dir)]);
  return { ...(branch ? { branch } : {}), ...(commit ? { commit } : {}) };
}

function withRepo(fn: (r: TestRepo, common: string) => Promise<void>): () => Promise<void> {
  return async () => {
    const r = makeRepo();
    try {
      await fn(r, fs.realpathSync(path.join(r.dir, '.git')));
    } finally {
      r.cleanup();
    }
  };
}

describe('readHeadFiles', () => {
  it(
    'reads the branch and commit of the main checkout and of a lane as git does, loose and packed',
    withRepo(async (r, common) => {
      expect(readHeadFiles(r.dir, common)).toEqual(await fromGit(r.dir));
      const wt = path.join(r.dir, '.claude', 'worktrees', 'api');
      r.git('worktree', 'add', '-q', '-b', 'lanes/api', wt);
      const disk = readHeadFiles(wt, common);
      expect(disk).toEqual({ branch: 'lanes/api', commit: r.git('rev-parse', 'HEAD') });
      expect(disk).toEqual(await fromGit(wt));
      r.git('pack-refs', '--all');
      expect(fs.existsSync(path.join(common, 'refs', 'heads', 'lanes', 'api'))).toBe(false);
      expect(readHeadFiles(wt, common)).toEqual(await fromGit(wt));
    }),
  );

  it(
    'reads a detached HEAD and an unborn branch',
    withRepo(async (r, common) => {
      r.git('checkout', '-q', '--detach');
      expect(readHeadFiles(r.dir, common)).toEqual({ commit: r.git('rev-parse', 'HEAD') });
      r.git('checkout', '-q', '--orphan', 'fresh');
      expect(readHeadFiles(r.dir, common)).toEqual({ branch: 'fresh' });
      expect(await fromGit(r.dir)).toEqual({ branch: 'fresh' });
    }),
  );

  it(
    'leaves to git a branch name that a tag shares (git prints heads/<name>) and gives the same answer through headOf',
    withRepo(async (r, common) => {
      r.git('tag', 'main');
      expect(readHeadFiles(r.dir, common)).toBeUndefined();
      expect((await headOf(r.dir, common)).branch).toBe('heads/main');
      r.git('pack-refs', '--all');
      expect(readHeadFiles(r.dir, common)).toBeUndefined();
      expect(await headOf(r.dir, common)).toEqual(await fromGit(r.dir));
    }),
  );

  it(
    'leaves to git a symbolic ref to a symbolic ref, a foreign common dir and GIT_DIR',
    withRepo(async (r, common) => {
      r.git('symbolic-ref', 'refs/heads/alias', 'refs/heads/main');
      r.git('symbolic-ref', 'HEAD', 'refs/heads/alias');
      expect(readHeadFiles(r.dir, common)).toBeUndefined();
      expect(await headOf(r.dir, common)).toEqual(await fromGit(r.dir));
      r.git('symbolic-ref', 'HEAD', 'refs/heads/main');
      const other = makeRepo();
      try {
        expect(readHeadFiles(r.dir, fs.realpathSync(path.join(other.dir, '.git')))).toBeUndefined();
      } finally {
        other.cleanup();
      }
      expect(readHeadFiles(r.dir, common, { GIT_DIR: common })).toBeUndefined();
      expect(readHeadFiles(r.dir, common, {})).toEqual(await fromGit(r.dir));
    }),
  );
});

describe('branchTipFiles and refExistsFiles', () => {
  it(
    "give git's answer for a plain branch, loose or packed, and none where git might read the name otherwise",
    withRepo(async (r, common) => {
      const tip = r.git('rev-parse', 'main');
      expect(branchTipFiles(common, 'main')).toBe(tip);
      expect(refExistsFiles(common, 'refs/heads/main')).toBe(true);
      expect(refExistsFiles(common, 'refs/heads/lanes/x')).toBe(false);
      r.git('branch', 'lanes/x');
      r.git('pack-refs', '--all');
      expect(refExistsFiles(common, 'refs/heads/lanes/x')).toBe(true);
      expect(branchTipFiles(common, 'main')).toBe(tip);
      expect(branchTipFiles(common, 'nope')).toBeUndefined();
      expect(branchTipFiles(common, 'HEAD')).toBeUndefined();
      expect(branchTipFiles(common, 'main~1')).toBeUndefined();
      r.git('branch', tip, 'HEAD');
      expect(branchTipFiles(common, tip)).toBeUndefined();
      // A tag of the same name wins in rev-parse: only git can say.
      r.write('x.txt', 'x\n');
      r.commitAll('second');
      r.git('tag', 'lanes/x', 'HEAD');
      expect(branchTipFiles(common, 'lanes/x')).toBeUndefined();
      expect(refExistsFiles(common, 'refs/heads/lanes/x', { GIT_DIR: common })).toBeUndefined();
    }),
  );
});

describe('mainHeadRefFiles', () => {
  /** git's own answer: the ref, '' when detached. */
  const fromGit = async (common: string) => (await mainWorktreeHeadRef(common)) ?? '';

  it(
    "reads the main worktree's branch as symbolic-ref does: loose, packed, unborn, detached, from a lane",
    withRepo(async (r, common) => {
      expect(mainHeadRefFiles(common, {})).toBe('refs/heads/main');
      expect(mainHeadRefFiles(common, {})).toBe(await fromGit(common));
      r.git('pack-refs', '--all');
      expect(mainHeadRefFiles(common, {})).toBe(await fromGit(common));
      // A lane's HEAD is not the main worktree's.
      r.git('worktree', 'add', '-q', '-b', 'lanes/api', path.join(r.dir, '.claude', 'worktrees', 'api'));
      expect(mainHeadRefFiles(common, {})).toBe('refs/heads/main');
      r.git('checkout', '-q', '--orphan', 'fresh');
      expect(mainHeadRefFiles(common, {})).toBe('refs/heads/fresh');
      expect(mainHeadRefFiles(common, {})).toBe(await fromGit(common));
      r.git('checkout', '-q', '-f', 'main');
      r.git('checkout', '-q', '--detach');
      expect(mainHeadRefFiles(common, {})).toBe('');
      expect(await fromGit(common)).toBe('');
    }),
  );

  it(
    'leaves a branch that is itself a symbolic ref, and environment overrides, to git',
    withRepo(async (r, common) => {
      r.git('symbolic-ref', 'refs/heads/alias', 'refs/heads/main');
      r.git('symbolic-ref', 'HEAD', 'refs/heads/alias');
      expect(mainHeadRefFiles(common, {})).toBeUndefined();
      r.git('symbolic-ref', 'HEAD', 'refs/heads/main');
      expect(mainHeadRefFiles(common, { GIT_DIR: common })).toBeUndefined();
      fs.writeFileSync(path.join(common, 'HEAD'), 'ref: refs/heads/../escape\n');
      expect(mainHeadRefFiles(common, {})).toBeUndefined();
    }),
  );
});

describe('worktreeHeadCommit and branchTip', () => {
  /** What `git rev-parse worktrees/<id>/HEAD` says, the answer the files must match. */
  const revParse = (r: TestRepo, ref: string) => {
    try {
      return r.git('rev-parse', '--verify', '--quiet', '--end-of-options', ref).trim() || undefined;
    } catch {
      return undefined;
    }
  };

  it(
    "reads a lane's HEAD from its admin directory as git does: on its branch, loose and packed, detached, with its directory gone, unborn",
    withRepo(async (r, common) => {
      const wt = path.join(r.dir, '..', `wt-${path.basename(r.dir)}`);
      r.git('worktree', 'add', '-q', '-b', 'lanes/api', wt);
      const admin = adminDirFor(common, wt)!;
      const id = `worktrees/${path.basename(admin)}/HEAD`;
      const check = async () => {
        const git = revParse(r, id);
        expect(worktreeHeadFiles(admin, common)?.commit).toBe(git);
        expect(await worktreeHeadCommit(r.dir, common, admin)).toBe(git);
      };
      await check();
      fs.writeFileSync(path.join(wt, 'x.txt'), 'x\n');
      r.git('-C', wt, 'add', '-A');
      r.git('-C', wt, 'commit', '-q', '-m', 'x');
      await check();
      expect(await branchTip(r.dir, common, 'lanes/api')).toBe(revParse(r, 'refs/heads/lanes/api'));
      r.git('pack-refs', '--all');
      await check();
      expect(await branchTip(r.dir, common, 'lanes/api')).toBe(revParse(r, 'refs/heads/lanes/api'));
      r.git('-C', wt, 'checkout', '-q', '--detach', 'HEAD~1');
      expect(worktreeHeadFiles(admin, common)).toEqual({ commit: revParse(r, 'HEAD') });
      await check();
      r.git('-C', wt, 'checkout', '-q', '--orphan', 'fresh');
      expect(worktreeHeadFiles(admin, common)).toEqual({ branch: 'fresh' });
      await check();
      fs.rmSync(wt, { recursive: true, force: true });
      await check();
      expect(await branchTip(r.dir, common, 'no-such-branch')).toBeUndefined();
    }),
  );

  it(
    'says where a worktree is locked exactly as `git worktree list` does',
    withRepo(async (r, common) => {
      const wt = path.join(r.dir, '..', `wl-${path.basename(r.dir)}`);
      r.git('worktree', 'add', '-q', '--lock', '--reason', 'lanes:api', '-b', 'lanes/api', wt);
      const admin = adminDirFor(common, wt)!;
      const listed = async () => (await listWorktrees(r.dir)).find((w) => w.path === fs.realpathSync(wt))?.locked;
      expect(worktreeLockReason(admin)).toBe('lanes:api');
      expect(worktreeLockReason(admin)).toBe(await listed());
      r.git('worktree', 'unlock', wt);
      expect(worktreeLockReason(admin)).toBeUndefined();
      expect(await listed()).toBeUndefined();
      r.git('worktree', 'lock', wt);
      expect(worktreeLockReason(admin)).toBe('');
      expect(await listed()).toBe('');
      r.git('worktree', 'unlock', wt);
      r.git('worktree', 'lock', '--reason', 'someone else: busy', wt);
      expect(worktreeLockReason(admin)).toBe(await listed());
      r.git('worktree', 'unlock', wt);
      r.git('worktree', 'remove', wt);
    }),
  );
});

describe('worktreeGitDir', () => {
  it(
    'finds the git dir of the main checkout and of a lane as `git rev-parse --absolute-git-dir` does',
    withRepo(async (r, common) => {
      const wt = path.join(r.dir, '..', `wg-${path.basename(r.dir)}`);
      r.git('worktree', 'add', '-q', '-b', 'lanes/g', wt);
      for (const dir of [r.dir, wt]) {
        const git = r.git('-C', dir, 'rev-parse', '--absolute-git-dir').trim();
        expect(fs.realpathSync(await worktreeGitDir(dir, common))).toBe(fs.realpathSync(git));
      }
      // A directory of another repository: git's answer, not a guess from the files.
      const other = makeRepo();
      try {
        expect(fs.realpathSync(await worktreeGitDir(other.dir, common))).toBe(fs.realpathSync(path.join(other.dir, '.git')));
      } finally {
        other.cleanup();
      }
      r.git('worktree', 'remove', wt);
    }),
  );
});
