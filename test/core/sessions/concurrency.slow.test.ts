import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listSessions, parseNote } from '../../../src/core/sessions/index.js';
import { makeBarrier, spawnChild } from '../../helpers/child.js';
import { expectRepoHealthy, makeLane, type LaneFixture } from './helpers.js';

const CHILD = path.join(import.meta.dirname, 'children', 'session-child.ts');
const last = (s: string) => JSON.parse(s.trim().split('\n').pop() ?? '{}');

describe('sessions under concurrency (real processes)', () => {
  let f: LaneFixture;
  afterEach(() => {
    expectRepoHealthy(f.repo.dir);
    f.cleanup();
  });

  it('racing starts with one key make one session; racing logs lose no entry', async () => {
    f = await makeLane('api');
    const b1 = makeBarrier(f.repo.dir);
    const starts = [0, 1, 2, 3].map((i) =>
      spawnChild(CHILD, ['start', JSON.stringify({ cwd: f.lane, barrier: b1.path, key: 'same', tag: String(i) })]),
    );
    await new Promise((r) => setTimeout(r, 300));
    b1.release();
    const rs = await Promise.all(starts);
    for (const r of rs) expect(r.exitCode, r.stderr).toBe(0);
    const ids = new Set(rs.map((r) => last(String(r.stdout)).id));
    expect(ids.size).toBe(1);
    expect(rs.filter((r) => last(String(r.stdout)).resumed === false)).toHaveLength(1);
    const id = [...ids][0] as string;
    expect((await listSessions(f.main, {})).total).toBe(1);

    const b2 = makeBarrier(f.repo.dir);
    const logs = ['a', 'b', 'c', 'd'].map((tag) =>
      spawnChild(CHILD, ['log', JSON.stringify({ cwd: f.lane, barrier: b2.path, id, n: 5, tag })]),
    );
    await new Promise((r) => setTimeout(r, 300));
    b2.release();
    for (const r of await Promise.all(logs)) expect(r.exitCode, r.stderr).toBe(0);
    const rec = (await listSessions(f.main, {})).sessions[0]!;
    const note = parseNote(fs.readFileSync(path.join(rec.worktree, rec.path), 'utf8'));
    expect(note.progress).toHaveLength(20);
    for (const tag of ['a', 'b', 'c', 'd']) {
      expect(note.progress.filter((e) => e.text.startsWith(`${tag} `)).map((e) => e.text)).toEqual(
        [0, 1, 2, 3, 4].map((i) => `${tag} entry ${i}`),
      );
    }
    for (const b of [b1, b2]) fs.rmSync(b.path, { force: true });
  }, 60_000);
});
