import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { completeSessionFast, getSession, logSession, parseNote, startSession } from '../../../src/core/sessions/index.js';
import { makeRepo } from '../../helpers/repo.js';
import { expectRepoHealthy, makeLane, porcelain, type LaneFixture } from './helpers.js';

const KEY = { key: 'claude-abc', explicit: true };

describe('completeSessionFast (SessionEnd)', () => {
  let f: LaneFixture;
  afterEach(() => {
    expectRepoHealthy(f.repo.dir);
    f.cleanup();
  });

  it('completes the note, indexes it and commits it well inside 1.5 s', async () => {
    f = await makeLane('api');
    const s = await startSession(f.inLane, { topic: 'Fast end', type: 'feature' }, KEY);
    for (let i = 0; i < 5; i++) {
      f.laneWrite(`src/f${i}.ts`, `export const v${i} = ${i};\n`.repeat(i + 1));
      f.laneCommit(`Commit ${i}`);
    }
    await logSession(f.inLane, { kind: 'progress', text: 'five commits' }, KEY);
    // A fresh process would open everything itself: measure that path (cwd only, no Lanes object).
    const r = await completeSessionFast({ cwd: path.join(f.lane, 'src'), session_key: 'claude-abc', reason: 'prompt_input_exit' });
    console.log(`completeSessionFast: ${r.ms} ms (5 commits, 5 files, note committed)`);
    expect(r.done).toBe(true);
    if (!r.done) return;
    expect(r.ms).toBeLessThan(1000);
    expect(r.result.committed).toBe(true);
    expect(porcelain(f.lane)).toEqual([]);
    const note = parseNote(f.laneGit('show', `HEAD:${path.relative(f.lane, s.note_path)}`));
    expect(note.meta).toMatchObject({ status: 'partial', end_reason: 'prompt_input_exit' });
    expect(note.meta.duration_minutes).not.toBeNull();
    expect(note.commits.map((c) => c.subject)).toEqual(['Commit 4', 'Commit 3', 'Commit 2', 'Commit 1', 'Commit 0']);
    expect(note.files.map((x) => x.path)).toEqual(['src/f0.ts', 'src/f1.ts', 'src/f2.ts', 'src/f3.ts', 'src/f4.ts']);
    expect(note.files[4]).toEqual({ path: 'src/f4.ts', added: 5, deleted: 0 });
    expect((await getSession(f.main, s.session.id)).session).toMatchObject({ status: 'partial', end_reason: 'prompt_input_exit' });
    // A second SessionEnd (or one after end_session) does nothing.
    const again = await completeSessionFast({ cwd: f.lane, session_key: 'claude-abc', reason: 'other', id: s.session.id });
    expect(again).toMatchObject({ done: false, reason: /already ended/ });
  });

  it('marks a session that did nothing abandoned; does nothing without a session or without Lanes state', async () => {
    f = await makeLane('api');
    await startSession(f.inLane, { topic: 'Idle', type: 'research' }, KEY);
    const r = await completeSessionFast({ cwd: f.lane, session_key: 'claude-abc', reason: 'clear' });
    expect(r.done && r.result.session.status).toBe('abandoned');
    expect(await completeSessionFast({ cwd: f.lane, session_key: 'claude-abc', reason: 'clear' })).toMatchObject({
      done: false,
      reason: /No session is active/,
    });
    const bare = makeRepo();
    try {
      expect(await completeSessionFast({ cwd: bare.dir, session_key: 'x' })).toMatchObject({ done: false, reason: /no Lanes state/ });
      expect(fs.existsSync(path.join(bare.dir, '.git', 'lanes'))).toBe(false);
    } finally {
      bare.cleanup();
    }
  });
});
