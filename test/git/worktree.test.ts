import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import {
  adminDirFor,
  addWorktree,
  checkoutConfigArgs,
  checkoutSettings,
  checkoutWorktree,
  listWorktrees,
  lockWorktree,
  removeAdminEntry,
  removeWorktree,
  unlockWorktree,
} from '../../src/git/worktree.js';
import {
  checkRefFormat,
  contentLanded,
  createRef,
  deleteRefCas,
  isAncestor,
  refSha,
  resolveCommit,
  statusPorcelain,
  ZERO_SHA,
} from '../../src/git/refs.js';
import { isLanesError } from '../../src/errors.js';
import { makeRepo, type TestRepo } from '../helpers/repo.js';

let repos: TestRepo[] = [];
afterEach(() => {
  for (const r of repos) r.cleanup();
  repos = [];
});
function repo(): TestRepo {
  const r = makeRepo({ files: { 'a.txt': 'a\n', 'dir/b.txt': 'b\n' } });
  repos.push(r);
  return r;
}

describe('git worktree wrappers', () => {
  it('adds a locked worktree without writing .git/config, fills it outside, runs post-checkout, and lists it', async () => {
    const r = repo();
    const head = r.git('rev-parse', 'HEAD');
    const hook = path.join(r.dir, '.git', 'hooks', 'post-checkout');
    fs.mkdirSync(path.dirname(hook), { recursive: true });
    fs.writeFileSync(hook, '#!/bin/sh\necho "$1 $2 $3" > .hook-ran\n', { mode: 0o755 });
    const configBefore = fs.readFileSync(path.join(r.dir, '.git', 'config'), 'utf8');
    const wt = path.join(r.dir, 'wt dir', 'one');
    await addWorktree(r.dir, { path: wt, branch: 'lanes/one', commit: head, lockReason: 'lanes:one', noCheckout: true });
    expect(fs.existsSync(path.join(wt, 'a.txt'))).toBe(false);
    const settings = await checkoutSettings(r.dir, path.join(r.dir, '.git'));
    expect(settings).toEqual({ configArgs: ['-c', 'checkout.workers=0'], postCheckoutHook: true });
    await checkoutWorktree(wt, head, settings);
    expect(fs.readFileSync(path.join(wt, 'dir/b.txt'), 'utf8')).toBe('b\n');
    expect(fs.readFileSync(path.join(wt, '.hook-ran'), 'utf8').trim()).toBe(`${ZERO_SHA} ${head} 1`);
    expect(fs.readFileSync(path.join(r.dir, '.git', 'config'), 'utf8')).toBe(configBefore);
    const list = await listWorktrees(r.dir);
    expect(list[0]).toMatchObject({ path: r.dir, branch: 'refs/heads/main', detached: false });
    expect(list[1]).toMatchObject({ path: wt, head, branch: 'refs/heads/lanes/one', locked: 'lanes:one' });
    fs.rmSync(path.join(wt, '.hook-ran'));
    // Locked: plain remove refuses; unlocked and clean: it goes.
    const refused = await removeWorktree(r.dir, wt);
    expect(refused).toMatchObject({ ok: false, reason: expect.stringMatching(/locked/) });
    await unlockWorktree(r.dir, wt);
    await unlockWorktree(r.dir, wt); // idempotent
    fs.writeFileSync(path.join(wt, 'new.txt'), 'x');
    expect(await removeWorktree(r.dir, wt)).toMatchObject({ ok: false, reason: expect.stringMatching(/modified or untracked/) });
    await lockWorktree(r.dir, wt, 'lanes:one');
    expect((await listWorktrees(r.dir))[1]?.locked).toBe('lanes:one');
    await unlockWorktree(r.dir, wt);
    fs.rmSync(path.join(wt, 'new.txt'));
    expect(await removeWorktree(r.dir, wt)).toEqual({ ok: true });
    expect(await listWorktrees(r.dir)).toHaveLength(1);
  });

  it('honours a user-configured checkout.workers', async () => {
    const r = repo();
    const gitDir = path.join(r.dir, '.git');
    expect(await checkoutConfigArgs(r.dir)).toEqual(['-c', 'checkout.workers=0']);
    expect(await checkoutSettings(r.dir, gitDir)).toEqual({ configArgs: ['-c', 'checkout.workers=0'], postCheckoutHook: false });
    r.git('config', 'checkout.workers', '2');
    r.git('config', 'core.hooksPath', 'my-hooks');
    expect(await checkoutConfigArgs(r.dir)).toEqual([]);
    expect(await checkoutSettings(r.dir, gitDir)).toEqual({ configArgs: [], postCheckoutHook: true });
  });

  it('drops the admin entry of exactly one worktree whose directory is gone, never a prune', async () => {
    const r = repo();
    const a = path.join(r.dir, '.wt', 'a');
    const b = path.join(r.dir, '.wt', 'b');
    r.git('worktree', 'add', '-q', '-b', 'a', a);
    r.git('worktree', 'add', '-q', '-b', 'b', b);
    expect(adminDirFor(path.join(r.dir, '.git'), a)).toBe(path.join(r.dir, '.git', 'worktrees', 'a'));
    expect(() => removeAdminEntry(path.join(r.dir, '.git'), a)).toThrow(/still exists/);
    fs.rmSync(a, { recursive: true });
    fs.rmSync(b, { recursive: true });
    expect((await listWorktrees(r.dir)).map((w) => w.prunable !== undefined)).toEqual([false, true, true]);
    expect(removeAdminEntry(path.join(r.dir, '.git'), a)).toBe(true);
    const left = await listWorktrees(r.dir);
    expect(left.map((w) => w.path)).toEqual([r.dir, b]);
    expect(removeAdminEntry(path.join(r.dir, '.git'), b)).toBe(true);
    expect(fs.existsSync(path.join(r.dir, '.git', 'worktrees'))).toBe(false);
  });
});

describe('ref and status wrappers', () => {
  it('deletes a branch only by compare-and-swap', async () => {
    const r = repo();
    const head = r.git('rev-parse', 'HEAD');
    r.git('branch', 'lanes/x');
    expect(await deleteRefCas(r.dir, 'refs/heads/lanes/x', 'f'.repeat(40))).toBe(false);
    expect(await refSha(r.dir, 'refs/heads/lanes/x')).toBe(head);
    expect(await deleteRefCas(r.dir, 'refs/heads/lanes/x', head)).toBe(true);
    expect(await refSha(r.dir, 'refs/heads/lanes/x')).toBeUndefined();
    expect(await createRef(r.dir, 'refs/lanes/backup/x/1', head, 'm')).toBe(true);
    expect(await createRef(r.dir, 'refs/lanes/backup/x/1', head, 'm')).toBe(false); // create-only
  });

  it('every task slug makes a valid lanes/<slug> branch; hostile names do not', async () => {
    const r = repo();
    for (const slug of ['0', 'a', 'a-', 'a--b', '9-lives', 'x'.repeat(63)])
      expect(await checkRefFormat(r.dir, `refs/heads/lanes/${slug}`)).toBe(true);
    for (const bad of ['refs/heads/lanes/a..b', 'refs/heads/lanes/x.lock', 'refs/heads/lanes/a b', 'lanes/x', '--upload-pack=x']) {
      expect(await checkRefFormat(r.dir, bad)).toBe(false);
    }
  });

  it('resolves revisions after --end-of-options and refuses option-like input', async () => {
    const r = repo();
    const head = r.git('rev-parse', 'HEAD');
    expect(await resolveCommit(r.dir, 'main')).toBe(head);
    expect(await resolveCommit(r.dir, 'HEAD~0')).toBe(head);
    expect(await resolveCommit(r.dir, 'main..HEAD')).toBeUndefined();
    expect(await resolveCommit(r.dir, 'nope')).toBeUndefined();
    for (const bad of ['--upload-pack=touch /tmp/pwned', '-h', '', `main${String.fromCharCode(0)}`, 'x'.repeat(300)]) {
      await expect(resolveCommit(r.dir, bad)).rejects.toSatisfy((e) => isLanesError(e, 'INVALID_INPUT'));
    }
    // A ref named like an option is still just a ref after --end-of-options.
    expect(await refSha(r.dir, '--all')).toBeUndefined();
  });

  it('parses porcelain status with renames, spaces and untracked files', async () => {
    const r = repo();
    r.git('mv', 'a.txt', 'a renamed.txt');
    fs.appendFileSync(path.join(r.dir, 'dir/b.txt'), 'more\n');
    fs.writeFileSync(path.join(r.dir, 'new file.txt'), 'n');
    expect((await statusPorcelain(r.dir)).sort((x, y) => x.path.localeCompare(y.path))).toEqual([
      { code: 'R ', path: 'a renamed.txt', from: 'a.txt' },
      { code: ' M', path: 'dir/b.txt' },
      { code: '??', path: 'new file.txt' },
    ]);
  });

  it('recognises a squash-landed branch by content, and not one with later work', async () => {
    const r = repo();
    r.git('checkout', '-q', '-b', 'feature');
    r.write('f.txt', 'f\n');
    const f1 = r.commitAll('feature work');
    r.git('checkout', '-q', 'main');
    r.write('other.txt', 'o\n');
    r.commitAll('unrelated');
    r.git('merge', '-q', '--squash', 'feature');
    r.git('commit', '-q', '-m', 'squashed');
    expect(await isAncestor(r.dir, f1, 'main')).toBe(false);
    expect(await contentLanded(r.dir, f1, 'main')).toBe(true);
    r.git('checkout', '-q', 'feature');
    r.write('g.txt', 'g\n');
    const f2 = r.commitAll('later work');
    r.git('checkout', '-q', 'main');
    expect(await contentLanded(r.dir, f2, 'main')).toBe(false);
  });
});
