// Loose objects written by Lanes itself are the objects git would write: the same ids, readable
// and fsck-clean; repositories where git would do more (SHA-256, group-shared) are left to git.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { looseObjectStore, rootCommitBody, treeBody, writeLooseObject } from '../../src/git/loose-objects.js';
import { writeRootCommits } from '../../src/git/root-commit.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function repo(...initArgs: string[]): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'lanes-loose-')));
  dirs.push(dir);
  execFileSync('git', ['init', '-q', ...initArgs, dir]);
  return dir;
}

const git = (dir: string, ...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();

describe('loose objects', () => {
  it('writes the blob, tree and commit git would write, by the same ids, fsck-clean', async () => {
    const dir = repo();
    const store = (await looseObjectStore(dir))!;
    expect(store.dir).toBe(path.join(dir, '.git', 'objects'));
    const text = '{"gen":3,"data":{"a":1}}\n';
    const blob = writeLooseObject(store, 'blob', Buffer.from(text));
    expect(blob).toBe(execFileSync('git', ['hash-object', '--stdin'], { cwd: dir, input: text, encoding: 'utf8' }).trim());
    const tree = writeLooseObject(
      store,
      'tree',
      treeBody([
        { name: 'z.json', oid: blob },
        { name: 'doc.json', oid: blob },
      ]),
    );
    const byGit = execFileSync('git', ['mktree'], {
      cwd: dir,
      input: `100644 blob ${blob}\tz.json\n100644 blob ${blob}\tdoc.json\n`,
      encoding: 'utf8',
    }).trim();
    expect(tree).toBe(byGit);
    const commit = writeLooseObject(
      store,
      'commit',
      rootCommitBody(tree, 'lanes <lanes@localhost>', 1_700_000_000, 'lanes state claims gen 3'),
    );
    const env = {
      ...process.env,
      GIT_AUTHOR_NAME: 'lanes',
      GIT_AUTHOR_EMAIL: 'lanes@localhost',
      GIT_AUTHOR_DATE: '1700000000 +0000',
      GIT_COMMITTER_NAME: 'lanes',
      GIT_COMMITTER_EMAIL: 'lanes@localhost',
      GIT_COMMITTER_DATE: '1700000000 +0000',
    };
    expect(commit).toBe(
      execFileSync('git', ['commit-tree', tree, '-m', 'lanes state claims gen 3'], { cwd: dir, env, encoding: 'utf8' }).trim(),
    );
    expect(git(dir, 'cat-file', '-p', `${commit}:doc.json`)).toBe(text.trim());
    // Written twice: the same object, left as it was; no temporary file is left behind.
    expect(writeLooseObject(store, 'blob', Buffer.from(text))).toBe(blob);
    const left = fs.readdirSync(path.join(store.dir, blob.slice(0, 2)));
    expect(left.filter((n) => n.startsWith('tmp_'))).toEqual([]);
    expect(fs.statSync(path.join(store.dir, blob.slice(0, 2), blob.slice(2))).mode & 0o777).toBe(0o444 & ~process.umask());
    git(dir, 'fsck', '--strict', '--no-dangling');
  });

  it('state commits made in-process read back through git, in a worktree too', async () => {
    const dir = repo();
    git(dir, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '--allow-empty', '-m', 'init');
    const wt = path.join(dir, '..', `${path.basename(dir)}-wt`);
    dirs.push(wt);
    git(dir, 'worktree', 'add', '-q', '--detach', wt);
    const [a, b] = await writeRootCommits(wt, [
      { files: { 'doc.json': '{"a":1}' }, message: 'lanes state a' },
      { files: { 'doc.json': '{"b":2}', 'more.json': '[]' }, message: 'lanes state b' },
    ]);
    expect(git(dir, 'cat-file', '-p', `${a}:doc.json`)).toBe('{"a":1}');
    expect(git(dir, 'ls-tree', '--name-only', b!)).toBe('doc.json\nmore.json');
    expect(git(dir, 'log', '-1', '--format=%an <%ae>|%s|%P', b!)).toBe('lanes <lanes@localhost>|lanes state b|');
    git(dir, 'fsck', '--strict', '--no-dangling');
  });

  it('leaves SHA-256 and group-shared repositories to git itself', async () => {
    const sha256 = repo('--object-format=sha256');
    expect(await looseObjectStore(sha256)).toBeUndefined();
    const shared = repo('--shared=group');
    expect(await looseObjectStore(shared)).toBeUndefined();
    // And their state commits still work, through git.
    const [c] = await writeRootCommits(shared, [{ files: { 'doc.json': '{}' }, message: 'lanes state' }]);
    expect(git(shared, 'cat-file', '-t', c!)).toBe('commit');
    const [d] = await writeRootCommits(sha256, [{ files: { 'doc.json': '{}' }, message: 'lanes state' }]);
    expect(d).toMatch(/^[0-9a-f]{64}$/);
  });
});
