/**
 * src/core/sessions/git-info.ts filesChanged with `mergeBaseOf`: the diff from the merge base runs
 * beside the merge-base itself (`git diff --merge-base`), and gives exactly what the diff from the
 * merge-base gives; with several merge bases, or none, it falls back to the base it is handed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { filesChanged } from '../../../src/core/sessions/git-info.js';
import { mergeBase } from '../../../src/git/log.js';
import { makeRepo, type TestRepo } from '../../helpers/repo.js';

describe('filesChanged from the merge base with the target', () => {
  let r: TestRepo;
  afterEach(() => r.cleanup());

  const both = async (target: string, fallback?: string) => {
    const tip = r.git('rev-parse', target);
    const base = async () => (await mergeBase(r.dir, 'HEAD', tip)) ?? fallback;
    const plain = await filesChanged(r.dir, base(), ['.lanes/sessions']);
    const hinted = await filesChanged(r.dir, base(), ['.lanes/sessions'], { mergeBaseOf: tip });
    return { plain, hinted };
  };

  it('is the diff from the merge-base when the lane merged the moved target in', async () => {
    r = makeRepo({ files: { 'a.txt': 'a\n', 'm.txt': 'm\n' } });
    const start = r.git('rev-parse', 'HEAD');
    r.git('checkout', '-q', '-b', 'lane');
    r.write('lane.txt', 'one\ntwo\n');
    r.commitAll('lane work');
    r.git('checkout', '-q', 'main');
    r.write('m.txt', 'm\nmore\n');
    r.commitAll('main moved');
    r.git('checkout', '-q', 'lane');
    r.git('merge', '-q', '--no-edit', 'main');
    r.write('a.txt', 'a\nb\n');
    r.write('.lanes/sessions/note.md', 'note\n');
    r.write('new.txt', 'x\n');
    const { plain, hinted } = await both('main');
    expect(hinted).toEqual(plain);
    // main's own change is not the lane's work; the merge-base moved past the lane's start.
    expect(hinted.files.map((f) => f.path)).toEqual(['a.txt', 'lane.txt', 'new.txt']);
    expect(r.git('merge-base', 'HEAD', 'main')).not.toBe(start);
  });

  it('falls back to the base it is handed with several merge bases, or none', async () => {
    r = makeRepo({ files: { 'a.txt': 'a\n' } });
    // A criss-cross: two merge bases between lane and main.
    r.git('checkout', '-q', '-b', 'lane');
    r.write('l.txt', 'l\n');
    r.commitAll('l1');
    r.git('checkout', '-q', 'main');
    r.write('m.txt', 'm\n');
    r.commitAll('m1');
    const m1 = r.git('rev-parse', 'HEAD');
    const l1 = r.git('rev-parse', 'lane');
    r.git('merge', '-q', '--no-edit', l1);
    r.git('checkout', '-q', 'lane');
    r.git('merge', '-q', '--no-edit', m1);
    r.write('l.txt', 'l\nmore\n');
    r.commitAll('l2');
    r.git('checkout', '-q', 'main');
    r.write('m.txt', 'm\nmore\n');
    r.commitAll('m2');
    r.git('checkout', '-q', 'lane');
    r.write('w.txt', 'w\n');
    expect(r.git('merge-base', '--all', 'HEAD', 'main').split('\n')).toHaveLength(2);
    const several = await both('main');
    expect(several.hinted).toEqual(several.plain);
    expect(several.hinted.files.length).toBeGreaterThan(0);

    // Unrelated histories: no merge base; the base handed in (here the lane's first commit) is used.
    r.git('checkout', '-q', '--orphan', 'other');
    r.git('rm', '-rqf', '.');
    r.write('o.txt', 'o\n');
    r.commitAll('other root');
    r.git('checkout', '-q', 'lane');
    r.write('z.txt', 'z\n');
    const first = r.git('rev-list', '--max-parents=0', 'HEAD');
    const none = await both('other', first);
    expect(none.hinted).toEqual(none.plain);
    expect(none.hinted.files.map((f) => f.path)).toEqual(['l.txt', 'm.txt', 'z.txt']);
  });
});
