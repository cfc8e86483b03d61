import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { processMergeQueue, queueMerge } from '../../../src/core/merge/index.js';
import { lockOwner } from '../../../src/state/index.js';
import { isLanesError } from '../../../src/errors.js';
import { tempDir } from '../../helpers/repo.js';
import { commitsSince, lastJson, mergeRepo, nodeGate, rejection, runProcessor } from './helpers.js';

describe('advancing the target', () => {
  it('a dirty checkout of the target is refused with a clear error and nothing in it is touched; once clean, it lands', async () => {
    const r = await mergeRepo();
    const before = r.git('rev-parse', 'main');
    await r.lane('t1', { 'src/t1.ts': 'export const t1 = 1;\n' });
    const lanes = await r.open();
    await queueMerge(lanes, { task_id: 't1' });
    fs.writeFileSync(path.join(r.dir, 'README.md'), '# my unsaved edit\n');
    const e = await rejection(processMergeQueue(lanes));
    expect(isLanesError(e, 'UNSAFE'), String(e)).toBe(true);
    expect(e.message).toMatch(/main is checked out in .* with uncommitted changes \(README\.md\)/);
    expect(e.hint).toMatch(/never stashes/);
    expect(fs.readFileSync(path.join(r.dir, 'README.md'), 'utf8')).toBe('# my unsaved edit\n');
    expect(r.git('rev-parse', 'main')).toBe(before);
    expect((await r.queue()).entries[0]!.state).toBe('queued');

    // An untracked file the landing would overwrite: git refuses, we report it, the file stays.
    r.git('checkout', '--', 'README.md');
    fs.writeFileSync(path.join(r.dir, 'src/t1.ts'), 'my own file\n');
    const e2 = await rejection(processMergeQueue(lanes));
    expect(isLanesError(e2, 'UNSAFE'), String(e2)).toBe(true);
    expect(e2.message).toMatch(/src\/t1\.ts/);
    expect(fs.readFileSync(path.join(r.dir, 'src/t1.ts'), 'utf8')).toBe('my own file\n');
    expect(r.git('rev-parse', 'main')).toBe(before);
    expect((await r.queue()).entries[0]!.state).toBe('queued');

    fs.rmSync(path.join(r.dir, 'src/t1.ts'));
    const ok = await processMergeQueue(lanes);
    expect(ok.landed.map((l) => l.task)).toEqual(['t1']);
    expect(fs.readFileSync(path.join(r.dir, 'src/t1.ts'), 'utf8')).toBe('export const t1 = 1;\n');
  });

  it('when the target is not checked out anywhere it is advanced by compare-and-swap alone', async () => {
    const r = await mergeRepo();
    r.git('checkout', '-q', '--detach');
    await r.lane('t1', { 'src/t1.ts': '1\n' });
    const lanes = await r.open();
    await queueMerge(lanes, { task_id: 't1' });
    const res = await processMergeQueue(lanes);
    expect(res.landed).toHaveLength(1);
    expect(r.git('rev-parse', 'main')).toBe(res.landed[0]!.commit);
    expect(r.git('reflog', '-1', '--format=%gs', 'main')).toBe('lanes: land t1');
  });

  it('if the target moved meanwhile, the entry is integrated again on the new target', async () => {
    const marker = path.join(tempDir(), 'moved');
    const r = await mergeRepo();
    // The first gate run commits to main behind the processor's back.
    const gate = nodeGate(
      'mover',
      `const fs = require('fs'); if (!fs.existsSync(${JSON.stringify(marker)})) { fs.writeFileSync(${JSON.stringify(marker)}, ''); ` +
        `require('child_process').execFileSync('git', ['-C', ${JSON.stringify(r.dir)}, 'commit', '-q', '--allow-empty', '-m', 'moved meanwhile']); }`,
    );
    r.write('.lanes/config.json', JSON.stringify({ gates: [gate] }));
    const start = r.commitAll('gate that moves main');
    await r.lane('t1', { 'src/t1.ts': '1\n' });
    const lanes = await r.open();
    await queueMerge(lanes, { task_id: 't1' });
    const res = await processMergeQueue(lanes);
    expect(res.landed.map((l) => l.task)).toEqual(['t1']);
    expect(res.gate_runs).toBe(2);
    const commits = commitsSince(r, start);
    const moved = commits.find((c) => c.subject === 'moved meanwhile')!;
    const merge = commits.find((c) => c.parents.length === 2)!;
    expect(merge.parents[0]).toBe(moved.sha);
    expect(r.git('rev-parse', 'main')).toBe(merge.sha);
    expect(commits.filter((c) => c.parents.length === 2)).toHaveLength(1);
  });

  it('exactly one processor at a time: a second one gets "busy, held by pid ..."', async () => {
    const r = await mergeRepo({ gates: [nodeGate('slow', 'setTimeout(() => {}, 3000)')] });
    await r.lane('t1', { 'src/t1.ts': '1\n' });
    const lanes = await r.open();
    await queueMerge(lanes, { task_id: 't1' });
    const child = runProcessor(r.dir);
    const end = Date.now() + 20_000;
    let owner = lockOwner(lanes.repo.stateDir, 'queue');
    while (!owner && Date.now() < end) {
      await new Promise((res) => setTimeout(res, 50));
      owner = lockOwner(lanes.repo.stateDir, 'queue');
    }
    expect(owner).toBeDefined();
    const busy = await rejection(processMergeQueue(lanes));
    expect(isLanesError(busy, 'BUSY'), String(busy)).toBe(true);
    expect(busy.message).toMatch(new RegExp(`busy: held by pid ${owner!.pid}`));
    const out = await child;
    expect(lastJson(String(out.stdout))).toMatchObject({ ok: true, landed: ['t1'] });
  });
});
