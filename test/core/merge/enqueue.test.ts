import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { queueMerge } from '../../../src/core/merge/index.js';
import { isLanesError } from '../../../src/errors.js';
import { TASKS_DOC } from '../../../src/core/plan/tasks.js';
import { mergeRepo, rejection } from './helpers.js';

describe('queue_merge', () => {
  it('reports likely conflicts at once: with the target and with another queued or in-progress lane', async () => {
    const r = await mergeRepo();
    await r.lane('t1', { 'src/a.ts': 'export const a = 10;\n' });
    await r.lane('t2', { 'src/a.ts': 'export const a = 20;\n' });
    await r.lane('t3', { 'README.md': '# lane three\n' });
    const lanes = await r.open();
    // t2 is in progress (not queued) and touches the same file as t1.
    const q1 = await queueMerge(lanes, { task_id: 't1' });
    expect(q1.conflicts).toEqual([{ with: 't2', files: ['src/a.ts'] }]);
    const q2 = await queueMerge(lanes, { task_id: 't2' });
    expect(q2.conflicts).toEqual([{ with: 't1', files: ['src/a.ts'] }]);
    expect(q2.position).toBe(2);
    // The target moves under t3 with a conflicting change.
    r.write('README.md', '# main moved\n');
    r.commitAll('main edits the readme');
    const q3 = await queueMerge(lanes, { task_id: 't3' });
    expect(q3.conflicts).toEqual([{ with: 'target', files: ['README.md'] }]);
    expect(q3.warnings.join('\n')).toMatch(/conflicts with main/);
    // Idempotent: the same entry, no second one.
    const again = await queueMerge(lanes, { task_id: 't3' });
    expect(again.already_queued).toBe(true);
    expect(again.entry.id).toBe(q3.entry.id);
    expect((await r.queue()).entries.map((e) => e.task)).toEqual(['t1', 't2', 't3']);
  });

  it('refuses uncommitted work, a lane with no commits, a rebase in progress, and a task without a lane', async () => {
    const r = await mergeRepo();
    const lanes = await r.open();
    const { path: wt } = await r.lane('t1', { 'src/t1.ts': 'export const t = 1;\n' });
    fs.writeFileSync(path.join(wt, 'notes.txt'), 'wip');
    const dirty = await rejection(queueMerge(lanes, { task_id: 't1' }));
    expect(isLanesError(dirty, 'UNSAFE'), String(dirty)).toBe(true);
    expect(dirty.message).toMatch(/uncommitted work/);
    expect(dirty.message).toMatch(/notes\.txt/);
    expect(dirty.hint).toMatch(/Commit/);
    fs.rmSync(path.join(wt, 'notes.txt'));

    // A rebase stopped on a conflict.
    r.commitIn('t1', { 'README.md': '# t1 readme\n' });
    r.write('README.md', '# main readme\n');
    r.commitAll('main readme');
    expect(() => r.git('-C', wt, 'rebase', 'main')).toThrow();
    const rebasing = await rejection(queueMerge(lanes, { task_id: 't1' }));
    expect(isLanesError(rebasing, 'UNSAFE'), String(rebasing)).toBe(true);
    expect(rebasing.message).toMatch(/rebase in progress/);
    expect(rebasing.hint).toMatch(/rebase --continue/);
    r.git('-C', wt, 'rebase', '--abort');

    await r.lane('t2', {});
    const none = await rejection(queueMerge(lanes, { task_id: 't2' }));
    expect(isLanesError(none, 'INVALID_INPUT'), String(none)).toBe(true);
    expect(none.message).toMatch(/no commits that are not already on main/);

    const nolane = await rejection(queueMerge(lanes, { task_id: 't3' }));
    expect(isLanesError(nolane, 'NOT_FOUND'), String(nolane)).toBe(true);
    expect(nolane.hint).toMatch(/start_lane/);

    const bad = await rejection(queueMerge(lanes, { task_id: '../etc' }));
    expect(isLanesError(bad, 'INVALID_INPUT')).toBe(true);
    expect((await r.queue()).entries).toEqual([]);
  });

  it('never queues a task that landed between its read and its write (another machine landed it meanwhile)', async () => {
    const r = await mergeRepo();
    await r.lane('t1', { 'src/t1.ts': 'export const t = 1;\n' });
    const lanes = await r.open();
    const gate = path.join(r.dir, '..', `queue-gate-${path.basename(r.dir)}`);
    const before = process.env.LANES_FAILPOINT;
    process.env.LANES_FAILPOINT = `merge.queue-before-write:pause:${gate}`;
    try {
      const queued = rejection(queueMerge(lanes, { task_id: 't1' }));
      while (!fs.existsSync(`${gate}.reached`)) await new Promise((res) => setTimeout(res, 20));
      // Past its read of the task (not done) and of the queue (no entry): the task lands elsewhere.
      const other = await r.open();
      await other.store.transact(async (tx) => {
        const t = tx.get(TASKS_DOC).t1!;
        t.status = 'done';
        t.landed_as = 'a'.repeat(40);
      });
      fs.writeFileSync(gate, '');
      const e = await queued;
      expect(isLanesError(e, 'CONFLICT'), String(e)).toBe(true);
      expect(e.message).toMatch(/already done \(landed as aaaaaaaaaaaa\)/);
      expect(e.hint).toMatch(/follow-up task/);
      expect((await r.queue()).entries.filter((x) => x.task === 't1')).toEqual([]);
    } finally {
      if (before === undefined) delete process.env.LANES_FAILPOINT;
      else process.env.LANES_FAILPOINT = before;
      fs.rmSync(gate, { force: true });
      fs.rmSync(`${gate}.reached`, { force: true });
    }
  });

  it('a caller that checked the lane skips that check for the exact tip it checked, and only for that one', async () => {
    const r = await mergeRepo();
    const { path: wt, tip } = await r.lane('t1', { 'src/t1.ts': 'export const t = 1;\n' });
    const lanes = await r.open();
    fs.writeFileSync(path.join(wt, 'notes.txt'), 'wip');
    // Any other tip (an older one, say): the lane is checked, and its uncommitted work refuses.
    const older = r.git('-C', wt, 'rev-parse', 'HEAD~1');
    const refused = await rejection(queueMerge(lanes, { task_id: 't1', checked_tip: older }));
    expect(isLanesError(refused, 'UNSAFE'), String(refused)).toBe(true);
    expect(refused.message).toMatch(/notes\.txt/);
    expect((await r.queue()).entries).toEqual([]);
    // The tip the caller has just found clean (the runner, after its agent exited): queued as it is.
    const q = await queueMerge(lanes, { task_id: 't1', checked_tip: tip });
    expect(q.entry.tip).toBe(tip);
  });
});
