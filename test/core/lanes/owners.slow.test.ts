/**
 * Owners that survive a restart, takeover and authority: `lanes` as real processes (the built
 * bundle) against one repository, plus the core calls for what a process cannot set up.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { claimFiles, listClaims } from '../../../src/core/claims/api.js';
import { OWNERS_DOC } from '../../../src/core/claims/liveness.js';
import type { Project } from '../../../src/core/project/project.js';
import { LANES_DOC } from '../../../src/core/lanes/model.js';
import { startLane } from '../../../src/core/lanes/start.js';
import { takeTask } from '../../../src/core/lanes/take.js';
import { readPlan, updateTask } from '../../../src/core/plan/tasks.js';
import { lanes as cli } from '../../helpers/cli.js';
import { commitIn, lanesRepo } from './helpers.js';

/** Makes the owner's lease end now, as if it had stopped renewing it long enough ago. */
async function expire(project: Project, owner: string): Promise<void> {
  await project.store.transact(async (tx) => {
    const doc = tx.get(OWNERS_DOC);
    const l = doc.leases[owner];
    if (!l) throw new Error(`${owner} has no lease`);
    l.expires_at = new Date(Date.now() - 1000).toISOString();
  });
}

async function events(project: Project, type: string): Promise<Array<Record<string, unknown>>> {
  const file = `${project.repo.stateDir}/events.jsonl`;
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((e) => e.type === type);
}

/** The pid of a process that has exited (and been reaped). */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

describe('owners that survive a restart', () => {
  it('a second `lanes start` from another process as the same LANES_OWNER gets the lane back; another owner is refused naming it', async () => {
    const r = await lanesRepo({ tasks: [{ id: 'api', files: ['src/api/**'] }] });
    const first = await cli(r.dir, ['start', 'api', '--json'], { env: { LANES_OWNER: 'alice' } });
    expect(first.code, first.stderr).toBe(0);
    const a = JSON.parse(first.stdout);
    expect(a).toMatchObject({ owner: 'alice', resumed: false });

    const again = await cli(r.dir, ['start', 'api', '--json'], { env: { LANES_OWNER: 'alice' } });
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({
      owner: 'alice',
      path: a.path,
      branch: 'lanes/api',
      resumed: true,
      existing: true,
      claims: ['src/api/**'],
    });
    expect((await cli(r.dir, ['start', 'api'], { env: { LANES_OWNER: 'alice' } })).stdout).toMatch(/^Resumed your lane for api/);

    const other = await cli(r.dir, ['start', 'api'], { env: { LANES_OWNER: 'bob' } });
    expect(other.code).toBe(3);
    expect(other.stderr).toMatch(/already started by alice, whose lease ends at \d\d:\d\d \(in \d+ min\)/);

    // Without LANES_OWNER the CLI's owner is the person, not the process.
    const env = { LANES_OWNER: '' };
    const p1 = JSON.parse((await cli(r.dir, ['task', 'add', 'docs', 'Docs', '--json'], { env })).stdout);
    expect(p1.id).toBe('docs');
    const s1 = await cli(r.dir, ['start', 'docs', '--json'], { env });
    const s2 = await cli(r.dir, ['start', 'docs', '--json'], { env });
    expect(s2.code, s2.stderr).toBe(0);
    expect(JSON.parse(s2.stdout)).toMatchObject({ owner: JSON.parse(s1.stdout).owner, resumed: true });
    expect(JSON.parse(s1.stdout).owner).toMatch(/^cli:[^:@]+@[^:]+$/);
  });

  it('takes over a task whose owner lease expired: keeps the lane, its commits and notes, moves its claims, logs who from whom', async () => {
    const r = await lanesRepo({ tasks: [{ id: 'api', files: ['src/api/**'] }] });
    const lanes = await r.open();
    const s = await startLane(lanes, { task_id: 'api', owner: 'alice' });
    const sha = commitIn(s.path, 'src/api/x.ts', 'x\n', 'alice was here', r.git);
    r.commits.note();
    fs.mkdirSync(`${s.path}/.lanes/sessions`, { recursive: true });
    fs.writeFileSync(`${s.path}/.lanes/sessions/note.md`, 'next: finish x\n');
    await claimFiles(lanes.store, { owner: 'alice', task: 'api', paths: ['docs/api.md'] });

    // Live: refused, naming the owner and when its lease ends.
    const live = await cli(r.dir, ['take', 'api'], { env: { LANES_OWNER: 'bob' } });
    expect(live.code).toBe(3);
    expect(live.stderr).toMatch(/belongs to alice, whose lease ends at .*not taken over while its owner is live/);
    expect(live.stderr).toMatch(/lanes take api --force/);

    await expire(lanes, 'alice');
    const took = await cli(r.dir, ['take', 'api', '--json'], { env: { LANES_OWNER: 'bob' } });
    expect(took.code, took.stderr).toBe(0);
    expect(JSON.parse(took.stdout)).toMatchObject({
      task_id: 'api',
      owner: 'bob',
      from: 'alice',
      because: 'expired',
      path: s.path,
      branch: 'lanes/api',
      moved_claims: 1,
    });
    expect(r.git('rev-parse', 'lanes/api')).toBe(sha);
    expect(fs.readFileSync(`${s.path}/.lanes/sessions/note.md`, 'utf8')).toContain('finish x');
    const { tasks } = await readPlan(lanes.store);
    expect(tasks.api).toMatchObject({ status: 'in_progress', owner: 'bob', note: 'taken over from alice (expired)' });
    expect((await lanes.store.read(LANES_DOC)).data.api!.owner).toBe('bob');
    expect((await listClaims(lanes.store, { owner: 'bob' })).map((c) => c.pattern)).toEqual(['docs/api.md']);
    expect((await listClaims(lanes.store, { owner: 'task:api' })).map((c) => c.pattern)).toEqual(['src/api/**']);
    expect(await events(lanes, 'task.taken_over')).toEqual([
      expect.objectContaining({ task: 'api', from: 'alice', to: 'bob', because: 'expired' }),
    ]);

    // bob now holds it: `lanes start api` as bob is a resume, as alice a refusal.
    expect(JSON.parse((await cli(r.dir, ['start', 'api', '--json'], { env: { LANES_OWNER: 'bob' } })).stdout)).toMatchObject({
      resumed: true,
      path: s.path,
    });
    expect((await cli(r.dir, ['start', 'api'], { env: { LANES_OWNER: 'alice' } })).code).toBe(3);
  });

  it('a human may --force a takeover from a live owner; owners from before leases are judged by their pid', async () => {
    const r = await lanesRepo({ tasks: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] });
    const lanes = await r.open();
    await startLane(lanes, { task_id: 'a', owner: 'alice' });
    const forced = await cli(r.dir, ['take', 'a', '--force', '--json'], { env: { LANES_OWNER: 'bob' } });
    expect(forced.code, forced.stderr).toBe(0);
    expect(JSON.parse(forced.stdout)).toMatchObject({ from: 'alice', because: 'forced' });
    expect((await events(lanes, 'task.taken_over'))[0]).toMatchObject({ forced: true });

    // Stored by an older Lanes: pid-shaped owners and no lease record.
    await updateTask(lanes.store, { id: 'b', status: 'in_progress', owner: `session:${deadPid()}` });
    await updateTask(lanes.store, { id: 'c', status: 'in_progress', owner: `session:${process.pid}` });
    expect(await takeTask(lanes, { task_id: 'b', owner: 'bob' })).toMatchObject({ because: 'dead-pid' });
    // A task nobody holds is started, not taken.
    await updateTask(lanes.store, { id: 'b', status: 'planned' });
    await expect(takeTask(lanes, { task_id: 'b', owner: 'bob' })).rejects.toThrow(
      /has no owner and no lane: there is nothing to take over/,
    );
    await expect(takeTask(lanes, { task_id: 'c', owner: 'bob' })).rejects.toThrow(
      new RegExp(`belongs to session:${process.pid}, alive as pid ${process.pid}`),
    );
  });
});

describe("authority over another live owner's task", () => {
  it("remove, task set and release of a live owner's task are refused naming it; --force or its lease ending lets them through", async () => {
    const r = await lanesRepo({ tasks: [{ id: 'api', files: ['src/api/**'] }, { id: 'web' }] });
    const lanes = await r.open();
    await startLane(lanes, { task_id: 'api', owner: 'alice' });
    const bob = { env: { LANES_OWNER: 'bob' } };

    const rm = await cli(r.dir, ['remove', 'api'], bob);
    expect(rm.code).toBe(3);
    expect(rm.stderr).toMatch(/The lane of task "api" belongs to alice, whose lease ends at .*; you are bob\. Nothing was changed\./);
    expect(rm.stderr).toMatch(/--force/);
    const set = await cli(r.dir, ['task', 'set', 'api', 'planned'], bob);
    expect(set.code).toBe(3);
    expect(set.stderr).toMatch(/Task "api" belongs to alice/);
    const rel = await cli(r.dir, ['release', 'task:api'], bob);
    expect(rel.code).toBe(3);
    expect(rel.stderr).toMatch(/file scope of task "api" \(task:api\) belongs to alice/);
    expect((await listClaims(lanes.store, { owner: 'task:api' })).length).toBe(1);
    expect(fs.existsSync(r.dir + '/.claude/worktrees/api')).toBe(true);

    // The owner itself may; a human may force it.
    expect((await cli(r.dir, ['task', 'set', 'api', 'blocked', '--note', 'waiting'], { env: { LANES_OWNER: 'alice' } })).code).toBe(0);
    const forced = await cli(r.dir, ['task', 'set', 'api', 'in_progress', '--force'], bob);
    expect(forced.code, forced.stderr).toBe(0);
    await updateTask(lanes.store, { id: 'api', status: 'in_progress', owner: 'alice', force: true, actor: 'alice' });

    await expire(lanes, 'alice');
    const gone = await cli(r.dir, ['remove', 'api'], bob);
    expect(gone.code, gone.stderr).toBe(0);
  });

  it('refuses an owner with control characters, saying so', async () => {
    const r = await lanesRepo({ tasks: [{ id: 'api' }] });
    const lanes = await r.open();
    const bad = await cli(r.dir, ['start', 'api', '--owner', 'x\u001b[31m']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Invalid owner .*control character/);
    await expect(updateTask(lanes.store, { id: 'api', status: 'in_progress', owner: 'me\u0007' })).rejects.toThrow(/control character/);
    await expect(updateTask(lanes.store, { id: 'api', status: 'in_progress', owner: 'me\u0000' })).rejects.toThrow(/control character/);
    expect((await cli(r.dir, ['start', 'api'], { env: { LANES_OWNER: 'bad owner' } })).code).toBe(2);
  });
});
