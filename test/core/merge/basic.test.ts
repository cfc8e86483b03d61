import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { listClaims } from '../../../src/core/claims/api.js';
import { processMergeQueue, queueMerge, mergeStatus } from '../../../src/core/merge/index.js';
import { commitsSince, mergeRepo } from './helpers.js';

describe('merge queue: landing', () => {
  it('queues a lane, lands it with gates green, marks the task done and removes the lane', async () => {
    const r = await mergeRepo({ tasks: [{ id: 't1', files: ['src/t1.ts'] }, { id: 't2' }] });
    const start = r.git('rev-parse', 'main');
    const { tip } = await r.lane('t1', { 'src/t1.ts': 'export const t1 = 1;\n' });
    const lanes = await r.open();
    expect((await listClaims(lanes.store, { owner: 'task:t1' })).map((c) => c.pattern)).toEqual(['src/t1.ts']);
    const q = await queueMerge(lanes, { task_id: 't1' });
    expect(q.already_queued).toBe(false);
    expect(q.position).toBe(1);
    expect(q.conflicts).toEqual([]);
    const again = await queueMerge(lanes, { task_id: 't1' });
    expect(again.already_queued).toBe(true);
    expect(again.entry.id).toBe(q.entry.id);
    expect((await r.queue()).entries).toHaveLength(1);
    const res = await processMergeQueue(lanes);
    expect(res.failed).toEqual([]);
    expect(res.landed.map((l) => l.task)).toEqual(['t1']);
    const commits = commitsSince(r, start);
    expect(commits).toHaveLength(2); // the lane commit and the merge
    const merge = commits[1]!;
    expect(merge.parents).toEqual([start, tip]);
    expect(r.git('rev-parse', 'main')).toBe(merge.sha);
    // The main checkout was advanced too (not just the ref).
    expect(fs.readFileSync(path.join(r.dir, 'src/t1.ts'), 'utf8')).toContain('t1');
    expect(r.git('status', '--porcelain', '--untracked-files=no')).toBe('');
    const t = (await r.tasks()).t1!;
    expect(t.status).toBe('done');
    expect(t.landed_as).toBe(merge.sha);
    expect(fs.existsSync(r.lanePath('t1'))).toBe(false);
    expect(await listClaims(lanes.store, { owner: 'task:t1' })).toEqual([]);
    expect(res.warnings).toEqual([]);
    const st = await mergeStatus(lanes);
    expect(st.queue).toEqual([]);
    expect(st.recent[0]).toMatchObject({ task: 't1', state: 'landed', landed_as: merge.sha });
  });
});
