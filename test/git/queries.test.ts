/**
 * The named git functions the merge queue runs (object types, trees, refs under a prefix, the
 * target's compare-and-swap and fast-forward, gate checkout listings), each against what git
 * itself says in a throwaway repository.
 */
import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { indexListing, untrackedEntries } from '../../src/git/files.js';
import { refsUnder } from '../../src/git/head.js';
import { fastForward } from '../../src/git/merge.js';
import { updateRefCas } from '../../src/git/refs.js';
import { commonDirOf } from '../../src/git/repo.js';
import { objectInfo, treeOf } from '../../src/git/tree.js';
import { forceRemoveWorktree, listWorktrees } from '../../src/git/worktree.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/repo.js';

let repos: TestRepo[] = [];
afterEach(() => {
  for (const r of repos) r.cleanup();
  repos = [];
});

function repo(files?: Record<string, string>): TestRepo {
  const r = makeRepo(files ? { files } : {});
  repos.push(r);
  return r;
}

describe('objects and trees', () => {
  it('objectInfo answers each name in order, missing ones included; treeOf gives the commit tree', async () => {
    const r = repo({ 'README.md': 'hi\n', 'dir/a.txt': 'a\n' });
    const head = r.git('rev-parse', 'HEAD');
    const info = await objectInfo(r.dir, ['refs/heads/main', 'refs/heads/main^{tree}', 'refs/heads/main:dir', 'refs/heads/main:nope']);
    expect(info).toEqual([
      { oid: head, type: 'commit' },
      { oid: r.git('rev-parse', 'HEAD^{tree}'), type: 'tree' },
      { oid: r.git('rev-parse', 'HEAD:dir'), type: 'tree' },
      { oid: 'refs/heads/main:nope', type: 'missing' },
    ]);
    expect(await treeOf(r.dir, head)).toBe(r.git('rev-parse', 'HEAD^{tree}'));
  });
});

describe('refs', () => {
  it('refsUnder lists the refs below a prefix by their name below it, and nothing else', async () => {
    const r = repo();
    const head = r.git('rev-parse', 'HEAD');
    r.git('branch', 'lanes/api');
    r.git('branch', 'lanes/ui/x');
    r.git('branch', 'other');
    expect(await refsUnder(r.dir, 'refs/heads/lanes/')).toEqual([
      { name: 'api', sha: head },
      { name: 'ui/x', sha: head },
    ]);
    expect(await refsUnder(r.dir, 'refs/heads/none/')).toEqual([]);
  });

  it('updateRefCas moves a ref only from the value it names', async () => {
    const r = repo();
    const one = r.git('rev-parse', 'HEAD');
    const two = r.commitAll('two');
    r.git('branch', 'target', one);
    expect(await updateRefCas(r.dir, 'refs/heads/target', two, two, 'test')).toBe(false);
    expect(r.git('rev-parse', 'refs/heads/target')).toBe(one);
    expect(await updateRefCas(r.dir, 'refs/heads/target', two, one, 'lanes: test')).toBe(true);
    expect(r.git('rev-parse', 'refs/heads/target')).toBe(two);
    expect(r.git('reflog', '-1', '--format=%gs', 'refs/heads/target')).toBe('lanes: test');
  });
});

describe('fastForward', () => {
  it('moves the checked-out branch and its files, and refuses a non-fast-forward with git’s words', async () => {
    const r = repo();
    const one = r.git('rev-parse', 'HEAD');
    r.write('new.txt', 'new\n');
    const two = r.commitAll('two');
    r.git('reset', '-q', '--hard', one);
    expect(await fastForward(r.dir, two, 'lanes: land x')).toEqual({ ok: true, output: '' });
    expect(r.git('rev-parse', 'HEAD')).toBe(two);
    expect(fs.readFileSync(path.join(r.dir, 'new.txt'), 'utf8')).toBe('new\n');
    expect(r.git('reflog', '-1', '--format=%gs', 'refs/heads/main')).toMatch(/^lanes: land x/);
    // A sibling of HEAD cannot be fast-forwarded to.
    r.git('checkout', '-q', '-b', 'side', one);
    r.write('side.txt', 'side\n');
    const side = r.commitAll('side');
    r.git('checkout', '-q', 'main');
    const refused = await fastForward(r.dir, side, 'lanes: land y');
    expect(refused.ok).toBe(false);
    expect(refused.output).toMatch(/fast-forward/i);
    expect(r.git('rev-parse', 'HEAD')).toBe(two);
  });
});

describe('gate checkout helpers', () => {
  it('commonDirOf finds the common dir from a linked worktree and undefined outside a repository', async () => {
    const r = repo();
    const wt = path.join(tempDir(), 'wt');
    r.git('worktree', 'add', '-q', '--detach', wt);
    try {
      expect(fs.realpathSync((await commonDirOf(wt))!)).toBe(fs.realpathSync(path.join(r.dir, '.git')));
      expect(await commonDirOf(tempDir())).toBeUndefined();
    } finally {
      fs.rmSync(path.dirname(wt), { recursive: true, force: true });
    }
  });

  it('forceRemoveWorktree removes a dirty worktree, and takes one already gone without error', async () => {
    const r = repo();
    const base = tempDir();
    const wt = path.join(base, 'wt');
    r.git('worktree', 'add', '-q', '--detach', wt);
    fs.writeFileSync(path.join(wt, 'README.md'), 'changed\n');
    fs.writeFileSync(path.join(wt, 'build.out'), 'untracked\n');
    await forceRemoveWorktree(r.dir, wt);
    expect(fs.existsSync(wt)).toBe(false);
    expect((await listWorktrees(r.dir)).map((w) => w.path)).toEqual([r.dir]);
    await forceRemoveWorktree(r.dir, wt);
    fs.rmSync(base, { recursive: true, force: true });
  });

  it('indexListing changes with a named file only; untrackedEntries lists untracked and ignored, a directory once', async () => {
    const r = repo({ 'package.json': '{}\n', 'src/a.ts': 'a\n', '.gitignore': 'node_modules/\n' });
    const before = await indexListing(r.dir, [':(top,glob)package.json']);
    expect(before).toContain('package.json');
    expect(before).not.toContain('src/a.ts');
    r.write('src/a.ts', 'changed\n');
    r.commitAll('a');
    expect(await indexListing(r.dir, [':(top,glob)package.json'])).toBe(before);
    r.write('package.json', '{"x":1}\n');
    r.commitAll('pkg');
    expect(await indexListing(r.dir, [':(top,glob)package.json'])).not.toBe(before);

    r.write('node_modules/x/index.js', 'x\n');
    r.write('out/a.js', 'a\n');
    r.write('notes.txt', 'n\n');
    expect((await untrackedEntries(r.dir)).sort()).toEqual(['node_modules/', 'notes.txt', 'out/']);
  });
});
