import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { startLane } from '../../../src/core/lanes/start.js';
import { removeLane } from '../../../src/core/lanes/remove.js';
import { cleanupLanes } from '../../../src/core/lanes/cleanup.js';
import { listLanes } from '../../../src/core/lanes/list.js';
import { listClaims } from '../../../src/core/claims/api.js';
import { readPlan, TASKS_DOC } from '../../../src/core/plan/tasks.js';
import type { Project } from '../../../src/core/project/project.js';
import { isLanesError } from '../../../src/errors.js';
import { commitIn, lanePath, lanesRepo } from './helpers.js';

async function markLanded(project: Project, task: string, sha: string): Promise<void> {
  await project.store.transact(async (tx) => {
    const t = tx.get(TASKS_DOC)[task]!;
    t.status = 'done';
    t.landed_as = sha;
  });
}

describe('removeLane', () => {
  it('refuses a lane with uncommitted files or unlanded commits, listing them, and leaves it intact and locked', async () => {
    const r = await lanesRepo({ tasks: [{ id: 'api', files: ['src/**'] }] });
    const lanes = await r.open();
    const { path: wt } = await startLane(lanes, { task_id: 'api', owner: 'o' });
    fs.writeFileSync(path.join(wt, 'scratch.txt'), 'wip');
    fs.appendFileSync(path.join(wt, 'README.md'), 'edit\n');
    const e1 = await removeLane(lanes, { task_id: 'api' }).catch((x: unknown) => x);
    expect(isLanesError(e1, 'UNSAFE'), String(e1)).toBe(true);
    expect((e1 as Error).message).toMatch(/untracked: scratch\.txt/);
    expect((e1 as Error).message).toMatch(/changed \(M\): README\.md/);
    fs.rmSync(path.join(wt, 'scratch.txt'));
    r.git('-C', wt, 'checkout', '--', 'README.md');
    const sha = commitIn(wt, 'src/new.ts', 'x\n', 'add the new thing', r.git);
    r.commits.note();
    const e2 = await removeLane(lanes, { task_id: 'api' }).catch((x: unknown) => x);
    expect(isLanesError(e2, 'UNSAFE'), String(e2)).toBe(true);
    expect((e2 as Error).message).toContain(`${sha.slice(0, 7)} add the new thing`);
    expect((e2 as { hint?: string }).hint).toMatch(/queue_merge/);
    expect(fs.existsSync(path.join(wt, 'src/new.ts'))).toBe(true);
    expect(r.git('worktree', 'list', '--porcelain')).toContain('locked lanes:api');
    expect(r.git('rev-parse', 'lanes/api')).toBe(sha);
  });

  it('removes a lane with no commits, releasing its claims and putting the task back', async () => {
    const r = await lanesRepo({ tasks: [{ id: 'api', files: ['src/**'] }] });
    const lanes = await r.open();
    await startLane(lanes, { task_id: 'api', owner: 'o' });
    const out = await removeLane(lanes, { task_id: 'api' });
    expect(out).toMatchObject({
      removed_worktree: true,
      deleted_branch: true,
      landed_by: 'no-commits',
      released_claims: 1,
      task_status: 'planned',
      backup_refs: [],
    });
    expect(fs.existsSync(lanePath(r, 'api'))).toBe(false);
    expect(r.git('branch', '--list', 'lanes/*')).toBe('');
    expect(await listClaims(lanes.store)).toEqual([]);
    expect((await listLanes(lanes)).lanes).toEqual([]);
    // The task can start again.
    await startLane(lanes, { task_id: 'api', owner: 'o2' });
  });

  it('removes a lane merged into the target, and a squash-landed lane with landed_as', async () => {
    const r = await lanesRepo({ tasks: [{ id: 'm' }, { id: 's' }, { id: 'late' }] });
    const lanes = await r.open();
    const m = await startLane(lanes, { task_id: 'm', owner: 'o' });
    const s = await startLane(lanes, { task_id: 's', owner: 'o' });
    const late = await startLane(lanes, { task_id: 'late', owner: 'o' });
    commitIn(m.path, 'm.txt', 'm\n', 'm work', r.git);
    commitIn(s.path, 's.txt', 's\n', 's work', r.git);
    commitIn(late.path, 'late.txt', 'l\n', 'late work', r.git);
    r.commits.note();
    r.git('merge', '-q', '--no-ff', '-m', 'merge m', 'lanes/m');
    r.git('merge', '-q', '--squash', 'lanes/s');
    r.git('commit', '-q', '-m', 'squash s');
    const squashed = r.git('rev-parse', 'HEAD');
    // Squash-landed but not recorded: the commits look unlanded, so it is refused.
    await expect(removeLane(lanes, { task_id: 's' })).rejects.toSatisfy((e) => isLanesError(e, 'UNSAFE'));
    await markLanded(lanes, 's', squashed);
    // A later landing rewrites the same lines: the lane still counts as landed (checked against landed_as).
    r.write('s.txt', 's, rewritten later\n');
    r.commitAll('later change to s.txt');
    expect(await removeLane(lanes, { task_id: 'm' })).toMatchObject({ landed_by: 'ancestor', deleted_branch: true });
    expect(await removeLane(lanes, { task_id: 's' })).toMatchObject({ landed_by: 'landed_as', deleted_branch: true });
    // landed_as recorded, but a commit made after the landing is not in the target: refused.
    r.git('merge', '-q', '--squash', 'lanes/late');
    r.git('commit', '-q', '-m', 'squash late');
    await markLanded(lanes, 'late', r.git('rev-parse', 'HEAD'));
    const after = commitIn(late.path, 'late2.txt', 'l2\n', 'after landing', r.git);
    r.commits.note();
    const e = await removeLane(lanes, { task_id: 'late' }).catch((x: unknown) => x);
    expect(isLanesError(e, 'UNSAFE'), String(e)).toBe(true);
    expect((e as Error).message).toContain(after.slice(0, 7));
    const { tasks } = await readPlan(lanes.store);
    expect(tasks.m?.status).toBe('planned'); // its lane is gone; the merge queue marks done, not removal
    expect(tasks.s?.status).toBe('done');
  });

  it('--force (a human, via the CLI) keeps commits and uncommitted work under backup refs', async () => {
    const r = await lanesRepo({ tasks: [{ id: 'api' }] });
    const lanes = await r.open();
    const { path: wt } = await startLane(lanes, { task_id: 'api', owner: 'o' });
    const sha = commitIn(wt, 'a.txt', 'a\n', 'unlanded work', r.git);
    r.commits.note();
    fs.appendFileSync(path.join(wt, 'a.txt'), 'more\n');
    fs.writeFileSync(path.join(wt, 'untracked.txt'), 'u\n');
    const out = await removeLane(lanes, { task_id: 'api', force: true });
    expect(out).toMatchObject({ removed_worktree: true, deleted_branch: true, landed_by: 'forced' });
    expect(out.backup_refs).toHaveLength(3);
    const [tipRef, stashRef, treeRef] = out.backup_refs;
    expect(tipRef).toMatch(/^refs\/lanes\/backup\/api\/\d{8}T\d{9}Z$/);
    expect(r.git('rev-parse', tipRef!)).toBe(sha);
    expect(r.git('show', `${stashRef}:a.txt`)).toBe('a\nmore');
    expect(r.git('show', `${treeRef}:untracked.txt`)).toBe('u');
    expect(r.git('rev-parse', `${treeRef}^`)).toBe(sha);
    expect(fs.existsSync(wt)).toBe(false);
  });
});

describe('cleanupLanes', () => {
  it('removes finished clean lanes and stale records, keeps the rest with reasons, reports foreign worktrees and disk freed', async () => {
    const r = await lanesRepo({
      tasks: [{ id: 'done' }, { id: 'busy' }, { id: 'dirty' }, { id: 'gone' }, { id: 'unlanded' }, { id: 'idle' }],
    });
    const lanes = await r.open();
    const l: Record<string, string> = {};
    for (const t of ['done', 'busy', 'dirty', 'gone', 'unlanded', 'idle']) l[t] = (await startLane(lanes, { task_id: t, owner: 'o' })).path;
    commitIn(l.done!, 'd.txt', 'd\n', 'done work', r.git);
    commitIn(l.unlanded!, 'u.txt', 'u\n', 'unlanded work', r.git);
    r.commits.note();
    r.git('merge', '-q', '--no-ff', '-m', 'land done', 'lanes/done');
    await markLanded(lanes, 'done', r.git('rev-parse', 'HEAD'));
    fs.writeFileSync(path.join(l.dirty!, 'x.txt'), 'x');
    fs.rmSync(l.gone!, { recursive: true });
    await lanes.store.transact(async (tx) => {
      const t = tx.get(TASKS_DOC).idle!;
      t.status = 'planned';
      delete t.owner;
    });
    // A worktree in the lanes dir that Lanes did not make.
    r.git('worktree', 'add', '-q', '-b', 'someone', path.join(r.dir, '.claude/worktrees/foreign'));
    const listed = await listLanes(lanes);
    expect(listed.lanes.find((v) => v.kind === 'foreign')).toMatchObject({
      path: path.join(r.dir, '.claude/worktrees/foreign'),
      branch: 'someone',
    });
    expect(listed.lanes.find((v) => v.task_id === 'gone')).toMatchObject({ missing: true, locked: 'lanes:gone' });
    expect(listed.lanes.find((v) => v.task_id === 'dirty')).toMatchObject({ dirty: ['?? x.txt'], untracked_count: 1 });
    expect(listed.lanes.find((v) => v.task_id === 'unlanded')).toMatchObject({ ahead: 1, behind: 2 });

    const out = await cleanupLanes(lanes);
    expect(out.removed.map((x) => x.task_id).sort()).toEqual(['done', 'gone', 'idle']);
    expect(out.freed_bytes).toBeGreaterThan(0);
    const kept = Object.fromEntries(out.kept.map((k) => [k.task_id ?? path.basename(k.path), k.reason]));
    expect(kept.busy).toMatch(/in progress/);
    expect(kept.dirty).toMatch(/uncommitted/);
    expect(kept.unlanded).toMatch(/not landed.*\n.*unlanded work/);
    expect(kept.foreign).toMatch(/not a lane/);
    expect(fs.existsSync(l.busy!)).toBe(true);
    expect(r.git('worktree', 'list', '--porcelain')).not.toContain(l.gone!);
    r.git('worktree', 'remove', path.join(r.dir, '.claude/worktrees/foreign'));
  });
});

describe('what the landing check sees beyond the branch tip', () => {
  it('a commit on a detached HEAD is unlanded work; once a branch keeps it the lane can go', async () => {
    const r = await lanesRepo({ tasks: [{ id: 'api' }] });
    const lanes = await r.open();
    const { path: wt } = await startLane(lanes, { task_id: 'api', owner: 'o' });
    r.git('-C', wt, 'checkout', '-q', '--detach');
    const sha = commitIn(wt, 'd.txt', 'd\n', 'detached work', r.git);
    const e = await removeLane(lanes, { task_id: 'api' }).catch((x: unknown) => x);
    expect(isLanesError(e, 'UNSAFE'), String(e)).toBe(true);
    expect((e as Error).message).toMatch(/HEAD is detached/);
    expect((e as Error).message).toContain(`${sha.slice(0, 7)} detached work`);
    expect((e as { hint?: string }).hint).toMatch(/git branch <name> <sha>/);
    const kept = (await cleanupLanes(lanes)).kept.find((k) => k.task_id === 'api');
    expect(kept?.reason).toContain(sha.slice(0, 7));
    r.git('branch', 'keep', sha);
    expect(await removeLane(lanes, { task_id: 'api' })).toMatchObject({ removed_worktree: true, deleted_branch: true });
    expect(r.git('rev-parse', 'keep')).toBe(sha);
  });

  it('a squash-landed lane with a commit made after the landing on a detached HEAD is refused', async () => {
    const r = await lanesRepo({ tasks: [{ id: 's' }] });
    const lanes = await r.open();
    const { path: wt } = await startLane(lanes, { task_id: 's', owner: 'o' });
    commitIn(wt, 's.txt', 's\n', 's work', r.git);
    r.commits.note();
    r.git('merge', '-q', '--squash', 'lanes/s');
    r.git('commit', '-q', '-m', 'squash s');
    await markLanded(lanes, 's', r.git('rev-parse', 'HEAD'));
    r.git('-C', wt, 'checkout', '-q', '--detach');
    const late = commitIn(wt, 'late.txt', 'l\n', 'after the landing', r.git);
    const e = await removeLane(lanes, { task_id: 's' }).catch((x: unknown) => x);
    expect(isLanesError(e, 'UNSAFE'), String(e)).toBe(true);
    expect((e as Error).message).toContain(late.slice(0, 7));
    expect((e as Error).message).not.toContain('s work');
  });

  it('a branch reset back to its base: the commits only its reflogs reach are kept under a backup ref and named', async () => {
    const r = await lanesRepo({ tasks: [{ id: 'api' }] });
    const lanes = await r.open();
    const { path: wt, base } = await startLane(lanes, { task_id: 'api', owner: 'o' });
    commitIn(wt, 'a.txt', 'a\n', 'first', r.git);
    const second = commitIn(wt, 'b.txt', 'b\n', 'second', r.git);
    r.git('-C', wt, 'reset', '-q', '--hard', base);
    const out = await removeLane(lanes, { task_id: 'api' });
    expect(out).toMatchObject({ removed_worktree: true, deleted_branch: true, landed_by: 'no-commits' });
    expect(out.backup_refs).toHaveLength(1);
    expect(out.backup_refs[0]).toMatch(/^refs\/lanes\/backup\/api\/\d{8}T\d{9}Z-reflog-1$/);
    expect(r.git('rev-parse', out.backup_refs[0]!)).toBe(second);
    expect(out.notes.join('\n')).toMatch(/reflogs of lanes\/api .* kept under refs\/lanes\/backup\/api\//);
  });

  it('ignored files: refused and named unless disposable or an untouched .worktreeinclude copy; the list is configurable; --force keeps them', async () => {
    const r = await lanesRepo({
      files: { '.gitignore': '.env\nnotes.local\nnode_modules/\ndata/\n*.log\n__pycache__/\n', '.worktreeinclude': '.env\n' },
      tasks: [{ id: 'a' }, { id: 'b' }],
    });
    r.write('.env', 'SECRET=1\n');
    const lanes = await r.open();
    const a = await startLane(lanes, { task_id: 'a', owner: 'o' });
    expect(a.included).toEqual(['.env']);
    fs.mkdirSync(path.join(a.path, 'node_modules/x'), { recursive: true });
    fs.writeFileSync(path.join(a.path, 'node_modules/x/i.js'), '1');
    fs.mkdirSync(path.join(a.path, 'pkg/__pycache__'), { recursive: true });
    fs.writeFileSync(path.join(a.path, 'pkg/__pycache__/m.pyc'), '1');
    // Only caches and the untouched copy: it goes.
    expect(await removeLane(lanes, { task_id: 'a' })).toMatchObject({ removed_worktree: true });

    const b = await startLane(lanes, { task_id: 'b', owner: 'o' });
    fs.writeFileSync(path.join(b.path, 'notes.local'), 'mine\n');
    fs.mkdirSync(path.join(b.path, 'data'));
    fs.writeFileSync(path.join(b.path, 'data/big.csv'), '1,2\n');
    fs.writeFileSync(path.join(b.path, 'run.log'), 'log\n');
    fs.writeFileSync(path.join(b.path, '.env'), 'SECRET=changed in the lane\n');
    const e = await removeLane(lanes, { task_id: 'b' }).catch((x: unknown) => x);
    expect(isLanesError(e, 'UNSAFE'), String(e)).toBe(true);
    const msg = (e as Error).message;
    for (const p of ['.env', 'data/', 'notes.local', 'run.log']) expect(msg).toContain(`ignored: ${p}`);
    expect((e as { hint?: string }).hint).toMatch(/disposable_ignored/);
    expect((await cleanupLanes(lanes)).kept.find((k) => k.task_id === 'b')?.reason).toMatch(/4 ignored file\(s\)/);

    // A config that calls logs and data disposable: only the edited copy and the notes remain.
    r.write('.lanes/config.json', JSON.stringify({ worktrees: { disposable_ignored: ['*.log', 'data'] } }));
    const e2 = await removeLane(await r.open(), { task_id: 'b' }).catch((x: unknown) => x);
    expect((e2 as Error).message).toMatch(/2 ignored files/);
    expect((e2 as Error).message).not.toContain('run.log');

    const out = await removeLane(await r.open(), { task_id: 'b', force: true });
    const snap = out.backup_refs.find((x) => x.endsWith('-worktree'))!;
    expect(r.git('show', `${snap}:notes.local`)).toBe('mine');
    expect(r.git('show', `${snap}:.env`)).toBe('SECRET=changed in the lane');
    expect(out.notes.join('\n')).toMatch(/2 ignored path\(s\)/);
    fs.rmSync(path.join(r.dir, '.lanes'), { recursive: true });
  });

  it('--force also keeps a detached HEAD', async () => {
    const r = await lanesRepo({ tasks: [{ id: 'api' }] });
    const lanes = await r.open();
    const { path: wt } = await startLane(lanes, { task_id: 'api', owner: 'o' });
    r.git('-C', wt, 'checkout', '-q', '--detach');
    const sha = commitIn(wt, 'd.txt', 'd\n', 'detached work', r.git);
    const out = await removeLane(lanes, { task_id: 'api', force: true });
    const head = out.backup_refs.find((x) => x.endsWith('-head'));
    expect(head && r.git('rev-parse', head)).toBe(sha);
  });
});
