/**
 * SIGKILL at the named failpoints of remove, gc, claim/release and plan (start and the merge queue
 * have theirs in test/core/lanes and test/core/merge), each through the real `lanes` CLI. After the
 * kill the next command recovers and the full invariants hold (test/helpers/invariants.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { updateTask } from '../../../src/core/plan/tasks.js';
import { lanesKilled, waitGitQuiet } from '../../helpers/faults.js';
import { faultRepo, type FaultRepo } from './helpers.js';

const kill = (point: string) => ({ LANES_FAILPOINT: `${point}:kill` });

async function killedAt(r: FaultRepo, point: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  const k = await lanesKilled(r.dir, args, { env: { ...env, ...kill(point) } });
  expect(k.signal, `${point} never fired: ${k.stderr}`).toBe('SIGKILL');
  await waitGitQuiet(r.dir);
  r.commits.note();
}

/** A lane with one commit that is already on main (fast-forwarded), so removing it loses nothing. */
async function landedLane(r: FaultRepo, task: string): Promise<string> {
  const tip = await r.lane(task, { [`src/${task}.ts`]: `export const ${task} = 1;\n` });
  r.git('merge', '-q', '--ff-only', tip);
  return tip;
}

// Concurrent: most of each test waits out the stale lock of the killed holder.
describe.concurrent('SIGKILL in lanes remove, then the next command finishes the job', () => {
  for (const point of [
    'lanes.remove.after-journal',
    'lanes.remove.after-unlock',
    'lanes.remove.after-worktree',
    'lanes.remove.before-state',
  ]) {
    it(point, async ({ onTestFinished }) => {
      const r = await faultRepo({ tasks: [{ id: 't1', files: ['src/t1.ts'] }], onFinished: onTestFinished });
      const tip = await landedLane(r, 't1');
      // The lane's own owner removes it (another owner would be refused before any step).
      const asOwner = { LANES_OWNER: 'agent-t1' };
      await killedAt(r, point, ['remove', 't1'], asOwner);
      // Killed before the worktree went, the lane is intact (and locked again by the next command);
      // killed after, it is gone for good.
      const again = await lanesKilled(r.dir, ['remove', 't1'], { env: asOwner });
      const gone = point === 'lanes.remove.after-worktree' || point === 'lanes.remove.before-state';
      if (gone) expect(again.stderr).toContain('no lane for task "t1"');
      else expect(again.code, again.stderr).toBe(0);
      expect(fs.existsSync(r.lanePath('t1'))).toBe(false);
      expect(r.git('branch', '--list', 'lanes/*')).toBe('');
      expect(r.doc('lanes')).toEqual({});
      expect((r.doc('claims')?.claims ?? []).filter((c: { owner: string }) => c.owner === 'task:t1')).toEqual([]);
      expect((await r.tasks()).t1!.status).toBe('planned');
      expect(r.git('rev-parse', 'main')).toBe(tip);
    });
  }
});

describe.concurrent('SIGKILL in lanes gc, then the next gc finishes the job', () => {
  for (const point of ['lanes.gc.after-teardown', 'lanes.remove.after-worktree']) {
    it(point, async ({ onTestFinished }) => {
      const r = await faultRepo({
        tasks: [
          { id: 't1', files: ['src/t1.ts'] },
          { id: 't2', files: ['src/t2.ts'] },
        ],
        onFinished: onTestFinished,
      });
      for (const t of ['t1', 't2']) {
        await landedLane(r, t);
        await updateTask((await r.open()).store, { id: t, status: 'done' });
      }
      await killedAt(r, point, ['gc']);
      // The kill came during the first lane (alphabetical): the second is untouched.
      expect(fs.existsSync(r.lanePath('t1'))).toBe(false);
      expect(fs.existsSync(r.lanePath('t2'))).toBe(true);
      const again = await lanesKilled(r.dir, ['gc', '--json']);
      expect(again.code, again.stderr).toBe(0);
      const res = JSON.parse(again.stdout);
      expect(res.removed.map((x: { task_id: string }) => x.task_id)).toEqual(['t2']);
      expect(res.kept).toEqual([]);
      expect(r.doc('lanes')).toEqual({});
      expect(r.git('branch', '--list', 'lanes/*')).toBe('');
      const tasks = await r.tasks();
      expect([tasks.t1!.status, tasks.t2!.status]).toEqual(['done', 'done']);
    });
  }
});

describe.concurrent('SIGKILL in a claim or a release: all or nothing', () => {
  for (const point of ['lock.held', 'state.before-rename', 'claims.after-commit']) {
    it(`claim killed at ${point}`, async ({ onTestFinished }) => {
      const r = await faultRepo({ tasks: [{ id: 't1' }], onFinished: onTestFinished });
      await killedAt(r, point, ['claim', 'session:a', 'src/**', 'docs/*.md']);
      const list = await lanesKilled(r.dir, ['claims', '--json']);
      expect(list.code, list.stderr).toBe(0);
      const held = JSON.parse(list.stdout).claims.map((c: { owner: string; pattern: string }) => `${c.owner} ${c.pattern}`);
      // Committed means both patterns; not committed means neither.
      if (point === 'claims.after-commit') expect(held).toEqual(['session:a docs/*.md', 'session:a src/**']);
      else expect(held).toEqual([]);
      const other = await lanesKilled(r.dir, ['claim', 'session:b', 'src/x.ts']);
      expect(other.code, other.stderr).toBe(held.length ? 3 : 0);
      expect((await lanesKilled(r.dir, ['release', 'session:a'])).code).toBe(0);
      expect((await lanesKilled(r.dir, ['release', 'session:b'])).code).toBe(0);
      expect((await lanesKilled(r.dir, ['claim', 'session:b', 'src/x.ts'])).code).toBe(0);
    });
  }

  it('release killed after its commit: released, and the files are free', async ({ onTestFinished }) => {
    const r = await faultRepo({ tasks: [{ id: 't1' }], onFinished: onTestFinished });
    expect((await lanesKilled(r.dir, ['claim', 'session:a', 'src/**'])).code).toBe(0);
    await killedAt(r, 'claims.release.after-commit', ['release', 'session:a']);
    const b = await lanesKilled(r.dir, ['claim', 'session:b', 'src/x.ts']);
    expect(b.code, b.stderr).toBe(0);
    expect(r.doc('claims').claims.map((c: { owner: string }) => c.owner)).toEqual(['session:b']);
  });
});

describe.concurrent('SIGKILL while storing a plan: the old plan or the new one, never a mix', () => {
  for (const point of ['lock.held', 'state.commit.after-record', 'state.commit.mid-rename', 'plan.after-store']) {
    it(point, async ({ onTestFinished }) => {
      const r = await faultRepo({ tasks: [{ id: 'old1' }, { id: 'keep' }], onFinished: onTestFinished });
      const file = path.join(r.dir, 'tasks.json');
      fs.writeFileSync(
        file,
        JSON.stringify([
          { id: 'keep', title: 'k' },
          { id: 'new1', title: 'n1', depends_on: ['keep'] },
          { id: 'new2', title: 'n2' },
        ]),
      );
      await killedAt(r, point, ['plan', file]);
      const show = await lanesKilled(r.dir, ['plan', '--json']);
      expect(show.code, show.stderr).toBe(0);
      const planned = (r.doc('plan').plan.tasks as Array<{ id: string }>).map((t) => t.id).sort();
      const states = Object.keys(r.doc('tasks')).sort();
      expect(states).toEqual(planned);
      // Past the redo record the new plan is decided; before it, nothing changed.
      const decided = point !== 'lock.held';
      expect(planned).toEqual(decided ? ['keep', 'new1', 'new2'] : ['keep', 'old1']);
      const again = await lanesKilled(r.dir, ['plan', file]);
      expect(again.code, again.stderr).toBe(0);
      expect(Object.keys(r.doc('tasks')).sort()).toEqual(['keep', 'new1', 'new2']);
    });
  }
});
