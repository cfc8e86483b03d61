import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { cancelMerge, processMergeQueue, queueMerge, queueRevert } from '../../../src/core/merge/index.js';
import { tempDir } from '../../helpers/repo.js';
import { commitsSince, mergeRepo, nodeGate } from './helpers.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('batching, strategies, cancel, revert, timeouts', () => {
  it('a batch with one bad lane: bisection lands every other lane once and fails only the culprit', async () => {
    const counter = path.join(tempDir(), 'runs');
    const gate = nodeGate(
      'check',
      `require('fs').appendFileSync(${JSON.stringify(counter)}, 'x'); process.exit(require('fs').existsSync('bad.txt') ? 1 : 0)`,
    );
    const ids = ['t1', 't2', 't3', 't4', 't5', 't6'];
    const r = await mergeRepo({ gates: [gate], merge: { batch_size: 8 }, tasks: ids.map((id) => ({ id })) });
    const start = r.git('rev-parse', 'main');
    const lanes = await r.open();
    for (const id of ids) {
      await r.lane(id, id === 't3' ? { 'bad.txt': 'x\n' } : { [`src/${id}.ts`]: `export const ${id} = 1;\n` });
      await queueMerge(lanes, { task_id: id });
    }
    const res = await processMergeQueue(lanes);
    expect(res.failed.map((f) => f.task)).toEqual(['t3']);
    expect(res.landed.map((l) => l.task).sort()).toEqual(['t1', 't2', 't4', 't5', 't6']);
    // 1 (all six, red) + 3 bisection steps + 1 (t4..t6 again, green) = 5, instead of 6 one at a time.
    expect(res.gate_runs).toBe(5);
    expect(fs.readFileSync(counter, 'utf8')).toHaveLength(5);
    const merges = commitsSince(r, start).filter((c) => c.parents.length === 2);
    expect(merges.map((m) => m.subject.split(':')[0]).sort()).toEqual(ids.filter((i) => i !== 't3').map((i) => `Merge lanes/${i}`));
    expect(r.git('ls-tree', '-r', '--name-only', 'main')).not.toContain('bad.txt');
    const tasks = await r.tasks();
    expect(tasks.t3!.status).toBe('in_progress');
    for (const id of ['t1', 't2', 't4', 't5', 't6']) expect(tasks[id]!.status).toBe('done');
  });

  it("squash lands one commit with one parent; rebase replays the lane's commits in a line", async () => {
    const r = await mergeRepo();
    const start = r.git('rev-parse', 'main');
    await r.lane('t1', { 'src/s1.ts': '1\n' }, 'squash one');
    r.commitIn('t1', { 'src/s2.ts': '2\n' }, 'squash two');
    await r.lane('t2', { 'src/r1.ts': '1\n' }, 'rebase one');
    r.commitIn('t2', { 'src/r2.ts': '2\n' }, 'rebase two');
    const lanes = await r.open();
    await queueMerge(lanes, { task_id: 't1', strategy: 'squash' });
    await queueMerge(lanes, { task_id: 't2', strategy: 'rebase' });
    const res = await processMergeQueue(lanes);
    expect(res.failed).toEqual([]);
    const commits = commitsSince(r, start);
    expect(commits.map((c) => c.subject)).toEqual(['task t1 (t1)', 'rebase one', 'rebase two']);
    expect(commits.every((c) => c.parents.length === 1)).toBe(true);
    expect(commits[0]!.parents).toEqual([start]);
    expect(r.git('log', '-1', '--format=%B', commits[0]!.sha)).toMatch(/\* squash two\n\* squash one/);
    const tasks = await r.tasks();
    expect(tasks.t1!.landed_as).toBe(commits[0]!.sha);
    expect(tasks.t2!.landed_as).toBe(commits[2]!.sha);
    // Both lanes were proven landed and removed (squash and rebase defeat --is-ancestor).
    expect(fs.existsSync(r.lanePath('t1'))).toBe(false);
    expect(fs.existsSync(r.lanePath('t2'))).toBe(false);
  });

  it('cancel takes a queued entry out; revert lands a revert commit through the queue and reopens the task', async () => {
    const r = await mergeRepo();
    await r.lane('t1', { 'src/t1.ts': 'export const t1 = 1;\n' });
    await r.lane('t2', { 'src/t2.ts': 'export const t2 = 2;\n' });
    const lanes = await r.open();
    await queueMerge(lanes, { task_id: 't1' });
    await queueMerge(lanes, { task_id: 't2' });
    const c = await cancelMerge(lanes, 't2');
    expect(c).toMatchObject({ cancelled: true, entry: { task: 't2', state: 'cancelled' } });
    const res = await processMergeQueue(lanes);
    expect(res.landed.map((l) => l.task)).toEqual(['t1']);
    expect(fs.existsSync(r.lanePath('t2'))).toBe(true);
    expect((await r.tasks()).t2!.status).toBe('in_progress');

    const landedAs = (await r.tasks()).t1!.landed_as!;
    const rv = await queueRevert(lanes, 't1');
    expect(rv.entry).toMatchObject({ kind: 'revert', state: 'queued', tip: landedAs });
    expect((await queueRevert(lanes, 't1')).already_queued).toBe(true);
    const res2 = await processMergeQueue(lanes);
    expect(res2.landed.map((l) => l.task)).toEqual(['t1']);
    expect(res2.gate_runs).toBe(1);
    expect(r.git('log', '-1', '--format=%s', 'main')).toBe('Revert "task t1" (t1)');
    expect(r.git('ls-tree', '-r', '--name-only', 'main')).not.toContain('src/t1.ts');
    expect(fs.existsSync(path.join(r.dir, 'src/t1.ts'))).toBe(false);
    const t1 = (await r.tasks()).t1!;
    expect(t1.status).toBe('planned');
    expect(t1.landed_as).toBeUndefined();
    expect(t1.note).toMatch(/reverted/);
  });

  it('a gate that times out is killed with its whole process group; the entry fails saying so', async () => {
    const pidFile = path.join(tempDir(), 'grandchild.pid');
    const gate = nodeGate(
      'hang',
      `const g = require('child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' }); ` +
        `require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(g.pid)); setInterval(() => {}, 1000);`,
      1,
    );
    const r = await mergeRepo({ gates: [gate] });
    const before = r.git('rev-parse', 'main');
    await r.lane('t1', { 'src/t1.ts': '1\n' });
    const lanes = await r.open();
    await queueMerge(lanes, { task_id: 't1' });
    const res = await processMergeQueue(lanes);
    expect(res.failed).toMatchObject([{ task: 't1', kind: 'gate', gate: 'hang' }]);
    expect(res.failed[0]!.message).toMatch(/timed out after 1 s/);
    expect(r.git('rev-parse', 'main')).toBe(before);
    const gc = Number(fs.readFileSync(pidFile, 'utf8'));
    const end = Date.now() + 3000;
    while (alive(gc) && Date.now() < end) await new Promise((res2) => setTimeout(res2, 25));
    expect(alive(gc)).toBe(false);
  });
});
