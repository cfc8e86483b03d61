/**
 * A lane the merge queue sent back has a state of its own: `needs_fix { kind, reason }` on the
 * lane in listLanes and status (the tools' JSON), those lanes first, and it ends when the lane is
 * queued again or has merged the target it conflicted with.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listLanes } from '../../../src/core/lanes/list.js';
import { removeLane } from '../../../src/core/lanes/remove.js';
import { startLane } from '../../../src/core/lanes/start.js';
import { failingCount } from '../../../src/core/merge/needs-fix.js';
import { status } from '../../../src/core/status/status.js';
import { LaneOut } from '../../../src/mcp/tools/list-lanes.js';
import { StatusOut } from '../../../src/mcp/tools/status.js';
import { connect } from '../../helpers/mcp.js';
import { LONG_PATH, needsFixRepo, type NeedsFixFixture } from '../../dashboard/fixture.js';

describe('lanes that need a fix', () => {
  let r: NeedsFixFixture;
  beforeAll(async () => {
    r = await needsFixRepo();
  }, 120_000);
  afterAll(() => r?.cleanup());

  it('come first in listLanes with the reason, from the queue entry and the recorded conflicts', async () => {
    const l = await listLanes(r.lanes, { recover: false });
    for (const v of l.lanes) LaneOut.parse(v);
    const fix = l.lanes.filter((v) => v.needs_fix);
    expect(l.lanes.slice(0, fix.length)).toEqual(fix);
    expect(Object.fromEntries(fix.map((v) => [v.task_id, v.needs_fix]))).toEqual({
      clash: expect.objectContaining({
        kind: 'conflict',
        reason: `conflicts with main in ${['src/a.ts', LONG_PATH].sort().join(', ')}`,
        entry: expect.stringMatching(/^m\d+$/),
      }),
      late: { kind: 'conflict', reason: 'conflicts with main in src/b.ts' },
      red: expect.objectContaining({
        kind: 'gate',
        reason: 'gate test failed, 55 failing',
        entry: expect.stringMatching(/^m\d+$/),
        since: expect.any(String),
      }),
    });
    expect(l.lanes.find((v) => v.task_id === 'fine')!.needs_fix).toBeUndefined();
    expect(l.lanes.find((v) => v.task_id === 'first')!.needs_fix).toBeUndefined();
  });

  it('are in the status report the same way, in its strict shape', async () => {
    const s = StatusOut.parse(await status(r.lanes));
    expect(s.problems).toEqual([]);
    expect(s.lanes.slice(0, 3).map((l) => [l.task_id, l.needs_fix?.kind])).toEqual([
      ['clash', 'conflict'],
      ['late', 'conflict'],
      ['red', 'gate'],
    ]);
    expect(s.lanes.slice(3).every((l) => !l.needs_fix)).toBe(true);
  });

  it('are in the list_lanes and status tool answers, JSON and text', async () => {
    const c = await connect(r.dir);
    try {
      const l = await c.call('list_lanes');
      expect(l.isError).toBeFalsy();
      expect(l.data.lanes[2]).toMatchObject({ task_id: 'red', needs_fix: { kind: 'gate', reason: 'gate test failed, 55 failing' } });
      expect(l.text).toContain('- red [needs fix: gate test failed, 55 failing] agent-red');
      const s = await c.call('status');
      expect(s.data.lanes.slice(0, 3).map((x: { task_id: string }) => x.task_id)).toEqual(['clash', 'late', 'red']);
      expect(s.text).toContain('    needs fix: gate test failed, 55 failing');
    } finally {
      await c.close();
    }
  });

  it('end when the lane is queued again, or has merged the target it came to conflict with', async () => {
    r.git('-C', r.lanePath('red'), 'rm', '-q', 'RED');
    r.git('-C', r.lanePath('red'), 'commit', '-q', '-m', 'fix the tests');
    await r.requeue('red');
    r.git('-C', r.lanePath('late'), 'merge', '-q', '-X', 'ours', '-m', 'merge main', 'main');
    const l = await listLanes(r.lanes, { recover: false });
    expect(l.lanes.filter((v) => v.needs_fix).map((v) => v.task_id)).toEqual(['clash']);
    expect((await status(r.lanes)).lanes.filter((v) => v.needs_fix).map((v) => v.task_id)).toEqual(['clash']);
    // A lane made again after the failure is new work, not the lane that was sent back.
    await removeLane(r.lanes, { task_id: 'clash', force: true });
    await startLane(r.lanes, { task_id: 'clash', owner: 'agent-clash' });
    expect((await listLanes(r.lanes, { recover: false })).lanes.filter((v) => v.needs_fix)).toEqual([]);
    expect((await status(r.lanes)).lanes.filter((v) => v.needs_fix)).toEqual([]);
  }, 60_000);
});

describe('failingCount', () => {
  it('reads the last failing-test figure a runner printed', () => {
    expect(failingCount(' Test Files  1 failed (1)\n      Tests  55 failed | 3 passed (58)\n')).toBe(55);
    expect(failingCount('  3 passing\n  55 failing\n')).toBe(55);
    expect(failingCount('== 12 failed, 40 passed in 3.1s ==')).toBe(12);
    expect(failingCount('Tests:       7 failed, 1 passed, 8 total')).toBe(7);
    expect(failingCount('error: exit 1')).toBeUndefined();
    expect(failingCount('0 failed')).toBeUndefined();
  });
});
