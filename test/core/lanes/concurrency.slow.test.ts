import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { listLanes } from '../../../src/core/lanes/list.js';
import { readPlan } from '../../../src/core/plan/tasks.js';
import { makeBarrier, spawnChild } from '../../helpers/child.js';
import { lanePath, lanesRepo } from './helpers.js';

const CHILD = path.join(import.meta.dirname, 'children', 'lanes-child.ts');

interface ChildOut {
  ok: boolean;
  code?: string;
  message?: string;
  result?: { path: string; branch: string };
}

async function run(p: ReturnType<typeof spawnChild>): Promise<ChildOut & { exit: number | undefined; stderr: string }> {
  const r = await await p;
  let parsed: ChildOut;
  try {
    parsed = JSON.parse(String(r.stdout)) as ChildOut;
  } catch {
    parsed = { ok: false, message: `unparseable: ${String(r.stdout)} ${String(r.stderr)}` };
  }
  return { ...parsed, exit: r.exitCode, stderr: String(r.stderr) };
}

describe('start_task from many processes at once', () => {
  it('12 parallel starts of different tasks all succeed (no config.lock races, no orphan branches)', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `task-${i + 1}`);
    const r = await lanesRepo({ tasks: ids.map((id) => ({ id, files: [`src/${id}/**`] })) });
    const barrier = makeBarrier(r.dir);
    const children = ids.map((id) => run(spawnChild(CHILD, ['start', r.dir, id, `session:${id}`, barrier.path])));
    await new Promise((res) => setTimeout(res, 300));
    barrier.release();
    const results = await Promise.all(children);
    fs.rmSync(barrier.path);
    for (const [i, res] of results.entries()) {
      expect(res.ok, `${ids[i]}: ${res.message} ${res.stderr}`).toBe(true);
      expect(res.result?.path).toBe(lanePath(r, ids[i]!));
    }
    const lanes = await r.open();
    const list = await listLanes(lanes);
    expect(list.lanes.filter((l) => l.state === 'ready' && !l.missing && l.locked === `lanes:${l.task_id}`)).toHaveLength(12);
    expect(r.git('branch', '--list', 'lanes/*').split('\n')).toHaveLength(12);
    expect(r.git('config', '--list')).not.toMatch(/branch\.lanes/);
    const { tasks } = await readPlan(lanes.store);
    for (const id of ids) expect(tasks[id]).toMatchObject({ status: 'in_progress', owner: `session:${id}` });
  });

  it('two processes racing for one task: exactly one wins, the other is told who has it', async () => {
    const r = await lanesRepo({ tasks: [{ id: 'contested', files: ['src/**'] }] });
    const barrier = makeBarrier(r.dir);
    const children = ['session:alice', 'session:bob'].map((o) => run(spawnChild(CHILD, ['start', r.dir, 'contested', o, barrier.path])));
    await new Promise((res) => setTimeout(res, 300));
    barrier.release();
    const results = await Promise.all(children);
    fs.rmSync(barrier.path);
    const winners = results.filter((x) => x.ok);
    const losers = results.filter((x) => !x.ok);
    expect(winners, JSON.stringify(results)).toHaveLength(1);
    expect(losers[0]?.code).toBe('CONFLICT');
    const winner = winners[0] === results[0] ? 'session:alice' : 'session:bob';
    expect(losers[0]?.message).toMatch(new RegExp(`already started by ${winner}`));
    const lanes = await r.open();
    const list = await listLanes(lanes);
    expect(list.lanes).toHaveLength(1);
    expect(list.lanes[0]).toMatchObject({ task_id: 'contested', owner: winner, state: 'ready' });
  });
});
