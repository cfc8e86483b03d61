import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startLane } from '../../../src/core/lanes/start.js';
import { listLanes } from '../../../src/core/lanes/list.js';
import { LANES_DOC } from '../../../src/core/lanes/model.js';
import { listClaims } from '../../../src/core/claims/api.js';
import { readPlan } from '../../../src/core/plan/tasks.js';
import { isLanesError } from '../../../src/errors.js';
import { tempDir } from '../../helpers/repo.js';
import { lanePath, lanesRepo } from './helpers.js';

describe('startLane', () => {
  it('claims the task, makes branch + locked worktree from the target, claims the scope, and reports it ready', async () => {
    const r = await lanesRepo({
      tasks: [
        { id: 'api', files: ['src/api/**'] },
        { id: 'ui', files: ['src/ui/**'] },
      ],
    });
    const lanes = await r.open();
    const main = r.git('rev-parse', 'main');
    const out = await startLane(lanes, { task_id: 'api', owner: 'session:abc' });
    expect(out).toMatchObject({
      task_id: 'api',
      owner: 'session:abc',
      branch: 'lanes/api',
      base: main,
      base_ref: 'main',
      target: 'main',
      claims: ['src/api/**'],
      existing: false,
    });
    expect(out.path).toBe(lanePath(r, 'api'));
    expect(fs.readFileSync(path.join(out.path, 'src/a.ts'), 'utf8')).toContain('export const a');
    expect(r.git('rev-parse', 'lanes/api')).toBe(main);
    const wt = r.git('worktree', 'list', '--porcelain');
    expect(wt).toContain(`worktree ${out.path}`);
    expect(wt).toContain('locked lanes:api');
    expect(r.git('config', '--list')).not.toContain('branch.lanes/api');
    expect(fs.readFileSync(path.join(r.dir, '.git/info/exclude'), 'utf8')).toContain('/.claude/worktrees/');
    expect(r.git('status', '--porcelain')).not.toContain('.claude');
    const { tasks } = await readPlan(lanes.store);
    expect(tasks.api).toMatchObject({ status: 'in_progress', owner: 'session:abc' });
    expect((await listClaims(lanes.store)).map((c) => [c.owner, c.pattern])).toEqual([['task:api', 'src/api/**']]);
    const rec = (await lanes.store.read(LANES_DOC)).data.api;
    expect(rec?.state).toBe('ready');
    // Same owner again: the existing lane is returned, nothing new is made.
    const again = await startLane(lanes, { task_id: 'api', owner: 'session:abc' });
    expect(again).toMatchObject({ existing: true, path: out.path, base: main });
    // Another owner: a clear refusal.
    await expect(startLane(lanes, { task_id: 'api', owner: 'session:other' })).rejects.toThrow(/already started by session:abc/);
    // The exclude line is added once.
    await startLane(lanes, { task_id: 'ui', owner: 'session:abc' });
    const excl = fs.readFileSync(path.join(r.dir, '.git/info/exclude'), 'utf8');
    expect(excl.split('\n').filter((l) => l === '/.claude/worktrees/')).toHaveLength(1);
    const list = await listLanes(lanes);
    expect(list.lanes.map((l) => [l.task_id, l.state, l.ahead, l.behind, l.missing, l.dirty_count])).toEqual([
      ['api', 'ready', 0, 0, false, 0],
      ['ui', 'ready', 0, 0, false, 0],
    ]);
  });

  it('starts from an explicit base, resolved to a commit', async () => {
    const r = await lanesRepo();
    const first = r.git('rev-parse', 'HEAD');
    r.write('b.txt', 'b\n');
    r.commitAll('second');
    const lanes = await r.open();
    const out = await startLane(lanes, { task_id: 't1', owner: 'a', base: 'HEAD~1' });
    expect(out.base).toBe(first);
    expect(out.base_ref).toBe('HEAD~1');
    expect(fs.existsSync(path.join(out.path, 'b.txt'))).toBe(false);
    const list = await listLanes(lanes);
    expect(list.lanes[0]).toMatchObject({ task_id: 't1', base_behind_target: 1, behind: 1, ahead: 0 });
  });

  it('refuses a task whose scope another task holds, before making anything', async () => {
    const r = await lanesRepo({
      tasks: [
        { id: 'a', files: ['src/**'] },
        { id: 'b', files: ['src/x.ts'] },
      ],
    });
    const lanes = await r.open();
    await startLane(lanes, { task_id: 'a', owner: 'o1' });
    const e = await startLane(lanes, { task_id: 'b', owner: 'o2' }).catch((x) => x);
    expect(isLanesError(e, 'CONFLICT')).toBe(true);
    expect(fs.existsSync(lanePath(r, 'b'))).toBe(false);
    expect(r.git('branch', '--list', 'lanes/b')).toBe('');
    const { tasks } = await readPlan(lanes.store);
    expect(tasks.b?.status).toBe('planned');
  });
});

describe('startLane: git processes', () => {
  it('runs git only to register the worktree, to fill it, and for the checkout settings', async () => {
    const r = await lanesRepo({
      tasks: [
        { id: 'api', files: ['src/api/**'] },
        { id: 'ui', files: ['src/ui/**'] },
        { id: 'web', files: ['src/web/**'] },
      ],
    });
    const lanes = await r.open();
    await lanes.config();
    // A `git` first on PATH that logs each call and runs the real one.
    const shim = tempDir('lanes-git-shim-');
    const log = path.join(shim, 'calls.log');
    const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    fs.writeFileSync(path.join(shim, 'git'), `#!/bin/sh\necho "$*" >> '${log}'\nexec '${real}' "$@"\n`, { mode: 0o755 });
    const main = r.git('rev-parse', 'main');
    const pathBefore = process.env.PATH;
    process.env.PATH = `${shim}${path.delimiter}${pathBefore ?? ''}`;
    try {
      const out = await startLane(lanes, { task_id: 'api', owner: 'session:abc' });
      expect(out.base).toBe(main);
    } finally {
      process.env.PATH = pathBefore;
    }
    const calls = fs.readFileSync(log, 'utf8').split('\n').filter(Boolean);
    // Alone, the checkout runs on every core.
    expect(calls.find((c) => c.includes('reset --hard'))).toContain('checkout.workers=0');
    // The target's tip, "is lanes/api free?" and "is a worktree registered there?" are read from
    // the files git keeps (the ref files, the worktree admin dirs).
    expect(
      calls.map((c) =>
        c
          .split(' ')
          .filter((w) => !w.startsWith('-c') && !w.includes('='))
          .slice(0, 2)
          .join(' '),
      ),
    ).toEqual(['config --get-regexp', 'worktree add', 'reset --hard']);
    // Still refused when the branch exists, packed or loose.
    r.git('branch', 'lanes/ui');
    r.git('pack-refs', '--all');
    await expect(startLane(lanes, { task_id: 'ui', owner: 'session:abc' })).rejects.toThrow(
      /A branch lanes\/ui already exists \(at [0-9a-f]{12}\)/,
    );
  });

  it('checks out serially while another lane is starting (the cores are busy), in parallel otherwise', async () => {
    const r = await lanesRepo({ tasks: [{ id: 'api', files: ['src/api/**'] }] });
    const lanes = await r.open();
    await lanes.config();
    const shim = tempDir('lanes-git-shim-');
    const log = path.join(shim, 'calls.log');
    const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    fs.writeFileSync(path.join(shim, 'git'), `#!/bin/sh\necho "$*" >> '${log}'\nexec '${real}' "$@"\n`, { mode: 0o755 });
    // Another start in flight, as the lane record says while it runs.
    await lanes.store.transact(async (tx) => {
      const doc = tx.get(LANES_DOC);
      doc.other = {
        ...structuredClone(doc.api ?? {}),
        task: 'other',
        owner: 'x',
        branch: 'lanes/other',
        path: path.join(r.dir, 'x'),
        base: 'x',
        base_ref: 'main',
        target: 'main',
        state: 'starting',
        token: 't',
        created_at: new Date().toISOString(),
      };
    });
    const pathBefore = process.env.PATH;
    process.env.PATH = `${shim}${path.delimiter}${pathBefore ?? ''}`;
    try {
      await startLane(lanes, { task_id: 'api', owner: 'session:abc' });
    } finally {
      process.env.PATH = pathBefore;
    }
    const reset = fs
      .readFileSync(log, 'utf8')
      .split('\n')
      .find((c) => c.includes('reset --hard'));
    expect(reset).toBeDefined();
    expect(reset).not.toContain('checkout.workers');
    expect(fs.existsSync(path.join(lanePath(r, 'api'), 'src/a.ts'))).toBe(true);
  });
});
