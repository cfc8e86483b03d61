/**
 * The cat-file kept for a run (src/git/object-reader.ts): its answers are objectInfo's, it sees
 * objects and refs made after it started, and a closed or dead one still answers, one process
 * per query.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ObjectReader } from '../../src/git/object-reader.js';
import { objectInfo } from '../../src/git/tree.js';
import { makeRepo, type TestRepo } from '../helpers/repo.js';

let repos: TestRepo[] = [];
const readers: ObjectReader[] = [];
afterEach(() => {
  for (const r of readers.splice(0)) r.close();
  for (const r of repos) r.cleanup();
  repos = [];
});

function setup(): { r: TestRepo; reader: ObjectReader } {
  const r = makeRepo({ files: { 'a.txt': 'a\n', '.lanes/config.json': '{}\n' } });
  repos.push(r);
  const reader = new ObjectReader(r.dir);
  readers.push(reader);
  return { r, reader };
}

describe('ObjectReader', () => {
  it('answers as objectInfo does, for present, missing and path names', async () => {
    const { r, reader } = setup();
    const names = ['refs/heads/main', 'refs/heads/main^{tree}', 'refs/heads/main:.lanes', 'refs/heads/main:nope', 'refs/heads/none'];
    expect(await reader.info(names)).toEqual(await objectInfo(r.dir, names));
    expect((await reader.info(['refs/heads/main:.lanes']))[0]!.type).toBe('tree');
  });

  it('sees commits and ref moves made after it started', async () => {
    const { r, reader } = setup();
    const before = (await reader.info(['refs/heads/main']))[0]!.oid;
    r.git('commit', '-q', '--allow-empty', '-m', 'later');
    const after = r.git('rev-parse', 'main');
    expect(after).not.toBe(before);
    const [now, obj] = await reader.info(['refs/heads/main', after]);
    expect(now).toEqual({ oid: after, type: 'commit' });
    expect(obj).toEqual({ oid: after, type: 'commit' });
  });

  it('answers concurrent queries in order, and still answers once closed', async () => {
    const { r, reader } = setup();
    const tree = r.git('rev-parse', 'main^{tree}');
    const [a, b] = await Promise.all([reader.info(['refs/heads/main']), reader.info([`${tree}:a.txt`, `${tree}:.lanes`])]);
    expect(a[0]!.type).toBe('commit');
    expect(b.map((x) => x.type)).toEqual(['blob', 'tree']);
    reader.close();
    expect((await reader.info([`${tree}:.lanes`]))[0]).toEqual(b[1]);
  });

  it('refuses a name that would be two queries', async () => {
    const { reader } = setup();
    await expect(reader.info(['main\nmain'])).rejects.toThrow(/one line/);
  });
});
