import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { processMergeQueue, queueMerge, mergeStatus } from '../../../src/core/merge/index.js';
import { commitsSince, mergeRepo, nodeGate, rawLane } from './helpers.js';

// Fails when bad.txt exists in the integrated tree, printing something secret-shaped.
const BAD_GATE = nodeGate(
  'check',
  "if (require('fs').existsSync('bad.txt')) { console.log('bad.txt found; token ghp_' + 'a1'.repeat(20)); process.exit(1) }",
);

describe('process_merge_queue', () => {
  it('lands in queue order but never before a dependency: b (depends on a) waits, c and a go first', async () => {
    const r = await mergeRepo({ tasks: [{ id: 'a' }, { id: 'b', depends_on: ['a'] }, { id: 'c' }] });
    const start = r.git('rev-parse', 'main');
    rawLane(r, 'b', { 'src/b.ts': 'export const b = 2;\n' }); // b's task cannot start before a lands
    await r.lane('c', { 'src/c.ts': 'export const c = 3;\n' });
    await r.lane('a', { 'src/a2.ts': 'export const a2 = 1;\n' });
    const lanes = await r.open();
    const qb = await queueMerge(lanes, { task_id: 'b' });
    expect(qb.waiting_for).toEqual(['a']);
    await queueMerge(lanes, { task_id: 'c' });
    await queueMerge(lanes, { task_id: 'a' });
    const st = await mergeStatus(lanes);
    expect(st.queue.map((e) => [e.task, e.position, e.waiting_for])).toEqual([
      ['b', 1, ['a']],
      ['c', 2, undefined],
      ['a', 3, undefined],
    ]);
    const res = await processMergeQueue(lanes);
    expect(res.failed).toEqual([]);
    expect(res.landed.map((l) => l.task)).toEqual(['c', 'a', 'b']);
    const merges = commitsSince(r, start).filter((c) => c.parents.length === 2);
    expect(merges.map((m) => m.subject)).toEqual(['Merge lanes/c: task c', 'Merge lanes/a: task a', 'Merge lanes/b: task b']);
    const tasks = await r.tasks();
    expect([tasks.a!.status, tasks.b!.status, tasks.c!.status]).toEqual(['done', 'done', 'done']);
  });

  it('a gate failure never reaches the target: the task goes back to in_progress with the (redacted) output, and the queue goes on', async () => {
    const r = await mergeRepo({ gates: [BAD_GATE] });
    const start = r.git('rev-parse', 'main');
    await r.lane('t1', { 'bad.txt': 'x\n' });
    await r.lane('t2', { 'src/t2.ts': 'export const t2 = 2;\n' });
    const lanes = await r.open();
    await queueMerge(lanes, { task_id: 't1' });
    await queueMerge(lanes, { task_id: 't2' });
    const res = await processMergeQueue(lanes);
    expect(res.landed.map((l) => l.task)).toEqual(['t2']);
    expect(res.failed).toHaveLength(1);
    expect(res.failed[0]).toMatchObject({ task: 't1', kind: 'gate', gate: 'check' });
    expect(r.git('ls-tree', '-r', '--name-only', 'main')).not.toContain('bad.txt');
    expect(commitsSince(r, start).filter((c) => c.parents.length === 2)).toHaveLength(1);
    const t1 = (await r.tasks()).t1!;
    expect(t1.status).toBe('in_progress');
    expect(t1.note).toMatch(/gate "check" exited with code 1/);
    expect(t1.note).toMatch(/bad\.txt found/);
    expect(t1.note).not.toMatch(/ghp_a1a1/);
    expect(t1.note).toMatch(/REDACTED/);
    const e = (await r.queue()).entries.find((x) => x.task === 't1')!;
    expect(e.state).toBe('failed');
    expect(e.failure).toMatchObject({ kind: 'gate', gate: 'check' });
    expect(e.gates?.[0]).toMatchObject({ name: 'check', ok: false, exit_code: 1 });
    // The failed lane is kept for its owner.
    expect(fs.existsSync(r.lanePath('t1'))).toBe(true);
  });

  it("gates come from the target's config: a lane that removes the gates from .lanes/config.json is still gated", async () => {
    // With the hold off, so the gates (not the hold) are what stops it.
    const r = await mergeRepo({ gates: [BAD_GATE], merge: { hold_gate_changes: false } });
    const before = r.git('rev-parse', 'main');
    await r.lane('t1', { 'bad.txt': 'x\n', '.lanes/config.json': JSON.stringify({ gates: [] }) });
    const lanes = await r.open();
    await queueMerge(lanes, { task_id: 't1' });
    const res = await processMergeQueue(lanes);
    expect(res.landed).toEqual([]);
    expect(res.failed.map((f) => f.task)).toEqual(['t1']);
    expect(res.warnings.join('\n')).not.toMatch(/nothing was checked|without any check/);
    expect(r.git('rev-parse', 'main')).toBe(before);
  });

  it('a conflict found while integrating fails the entry with its files; lanes in flight that now conflict are told on their task', async () => {
    const r = await mergeRepo();
    await r.lane('t1', { 'src/a.ts': 'export const a = 10;\n' });
    await r.lane('t2', { 'src/a.ts': 'export const a = 20;\n' });
    await r.lane('t3', { 'src/a.ts': 'export const a = 30;\n' }); // in progress, not queued
    const lanes = await r.open();
    await queueMerge(lanes, { task_id: 't1' });
    await queueMerge(lanes, { task_id: 't2' });
    const res = await processMergeQueue(lanes);
    expect(res.landed.map((l) => l.task)).toEqual(['t1']);
    expect(res.failed).toMatchObject([{ task: 't2', kind: 'conflict', files: ['src/a.ts'] }]);
    expect(res.conflicts.map((c) => c.task).sort()).toEqual(['t2', 't3']);
    const tasks = await r.tasks();
    expect(tasks.t2!.status).toBe('in_progress');
    expect(tasks.t2!.note).toMatch(/src\/a\.ts/);
    expect(tasks.t3!.note).toMatch(/After t1 landed, this lane conflicts with main in: src\/a\.ts/);
  });

  it('with no gates configured it lands but says, every time, that nothing was checked', async () => {
    const r = await mergeRepo({ gates: [] });
    await r.lane('t1', { 'src/t1.ts': '1\n' });
    const lanes = await r.open();
    await queueMerge(lanes, { task_id: 't1' });
    const res = await processMergeQueue(lanes);
    expect(res.landed).toMatchObject([{ task: 't1', unchecked: true }]);
    expect(res.warnings.join('\n')).toMatch(/No gates are configured .* t1 landed without any check/);
    expect((await r.tasks()).t1!.note).toMatch(/nothing was checked/);
    expect(fs.existsSync(path.join(r.dir, 'src/t1.ts'))).toBe(true);
  });
});
