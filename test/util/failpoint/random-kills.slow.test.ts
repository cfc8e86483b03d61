/**
 * SIGKILL at random moments (a seeded PRNG, a bounded number of rounds) across start, remove, gc,
 * claim, plan and `merge run` with a slow gate (killed anywhere, mid-gate, or mid-landing). After
 * every kill the next command recovers and the full invariants hold (test/helpers/invariants.ts).
 * A failure prints its seed; LANES_FAULT_SEED=<seed> replays the same choices and delays.
 * LANES_FAULT_BIG=1 runs ten times the rounds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { queueMerge } from '../../../src/core/merge/index.js';
import { updateTask } from '../../../src/core/plan/tasks.js';
import { assertFaultInvariants, landingsInReflog } from '../../helpers/invariants.js';
import { BIG, faultSeed, lanesKilled, rng, waitGitQuiet } from '../../helpers/faults.js';
import { tempDir } from '../../helpers/repo.js';
import { faultRepo, type FaultRepo } from './helpers.js';

const LANE_ROUNDS = BIG ? 60 : 6;
const MERGE_ROUNDS = BIG ? 30 : 3;

async function until(what: string, cond: () => boolean, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** After a kill: what the killed command left running ends, the next command recovers, the invariants hold. */
async function recoverAndCheck(r: FaultRepo, log: string[]): Promise<void> {
  await waitGitQuiet(r.dir);
  r.commits.note();
  const list = await lanesKilled(r.dir, ['list', '--json']);
  expect(list.code, `${log.join('\n')}\n${list.stderr}`).toBe(0);
  // A kill inside the state lock leaves its lock directory until the next command that writes
  // state takes it over (after the stale period): listing writes nothing, so write something.
  const write = await lanesKilled(r.dir, ['release', 'session:after-kill']);
  expect(write.code, `${log.join('\n')}\n${write.stderr}`).toBe(0);
  r.commits.note();
  assertFaultInvariants(r.dir, { commits: r.commits });
}

describe.concurrent('SIGKILL at random moments', () => {
  it(`start, remove, gc, claim and plan: ${LANE_ROUNDS} kills`, async ({ onTestFinished }) => {
    const seed = faultSeed(import.meta.filename);
    const rand = rng(seed);
    const ids = Array.from({ length: 10 }, (_, i) => `l${i}`);
    const tasks = ids.map((id) => ({ id, files: [`src/${id}/**`] }));
    const r = await faultRepo({
      tasks,
      // A setup step that takes a while, so some kills land while it runs.
      config: { setup: [{ name: 'warm', command: ['node', '-e', 'setTimeout(() => {}, 300)'] }] },
      onFinished: onTestFinished,
    });
    const tasksFile = path.join(r.dir, 'tasks.json');
    fs.writeFileSync(tasksFile, JSON.stringify(tasks.map((t) => ({ ...t, title: `task ${t.id}` }))));
    const log: string[] = [`seed ${seed}`];
    for (let round = 0; round < LANE_ROUNDS; round++) {
      const lanesDoc: Record<string, { state: string }> = r.doc('lanes') ?? {};
      const states = await r.tasks();
      const free = ids.filter((id) => !lanesDoc[id] && states[id]?.status === 'planned');
      const started = ids.filter((id) => lanesDoc[id]);
      const ops = [...(free.length ? ['start', 'start'] : []), ...(started.length ? ['remove', 'gc'] : []), 'claim', 'plan'];
      const op = ops[Math.floor(rand() * ops.length)]!;
      const pick = (xs: string[]) => xs[Math.floor(rand() * xs.length)]!;
      let args: string[];
      let window = 800;
      if (op === 'start') {
        args = ['start', pick(free), '--owner', 'agent'];
        window = 2000;
      } else if (op === 'remove') {
        args = ['remove', pick(started)];
        window = 1500;
      } else if (op === 'gc') {
        // gc takes lanes whose task is no longer in progress.
        await updateTask((await r.open()).store, { id: pick(started), status: 'done' });
        args = ['gc'];
        window = 1500;
      } else if (op === 'claim') {
        args = ['claim', `session:r${round}`, 'src/**', 'docs/*.md'];
      } else {
        args = ['plan', tasksFile];
      }
      const delay = Math.floor(rand() * window);
      log.push(`round ${round}: ${args.join(' ')} killed after ${delay} ms`);
      r.commits.note();
      // One actor throughout: the lanes' owner (`--owner agent`) is also who removes them.
      const k = await lanesKilled(r.dir, args, { killAfterMs: delay, env: { LANES_OWNER: 'agent' } });
      log.push(`  ${k.killed ? 'killed' : `finished (exit ${k.code})`}`);
      await recoverAndCheck(r, log);
      if (op === 'claim') {
        // All or nothing, whatever the moment.
        const mine = ((r.doc('claims')?.claims ?? []) as Array<{ owner: string; pattern: string }>).filter(
          (c) => c.owner === `session:r${round}`,
        );
        expect([0, 2], log.join('\n')).toContain(mine.length);
        expect((await lanesKilled(r.dir, ['release', `session:r${round}`])).code).toBe(0);
      }
      if (op === 'plan') {
        const planned = (r.doc('plan').plan.tasks as Array<{ id: string }>).map((t) => t.id).sort();
        expect(Object.keys(r.doc('tasks')).sort(), log.join('\n')).toEqual(planned);
      }
    }
  });

  it(`merge run with a slow gate: ${MERGE_ROUNDS} kills, anywhere, mid-gate or mid-landing`, async ({ onTestFinished }) => {
    const seed = (faultSeed(import.meta.filename) + 1) >>> 0;
    const rand = rng(seed);
    const marks = tempDir('lanes-fault-marks-');
    onTestFinished(() => fs.rmSync(marks, { recursive: true, force: true }));
    // The gate says when it starts and when it is done, so a kill can be aimed inside it or just after.
    const gate = {
      name: 'slow',
      command: [
        'node',
        '-e',
        `const fs = require('fs'), p = require('path').join(process.env.MARKS, process.env.LANES_TASKS); fs.writeFileSync(p + '.start', ''); setTimeout(() => fs.writeFileSync(p + '.end', ''), 500);`,
      ],
      env: { MARKS: marks },
      timeout_seconds: 60,
    };
    const ids = Array.from({ length: MERGE_ROUNDS }, (_, i) => `m${i}`);
    const r = await faultRepo({
      tasks: ids.map((id) => ({ id, files: [`src/${id}.ts`] })),
      config: { gates: [gate], merge: { remove_lane_after_landing: true } },
      onFinished: onTestFinished,
    });
    const log: string[] = [`seed ${seed}`];
    for (const [round, id] of ids.entries()) {
      const tip = await r.lane(id, { [`src/${id}.ts`]: `export const ${id} = ${round};\n` });
      await queueMerge(await r.open(), { task_id: id });
      const before = r.git('rev-parse', 'main');
      const mode = (['anywhere', 'mid-gate', 'mid-landing'] as const)[Math.floor(rand() * 3)]!;
      const delay = Math.floor(rand() * (mode === 'anywhere' ? 3000 : mode === 'mid-gate' ? 500 : 250));
      log.push(`round ${round}: merge run for ${id}, killed ${mode} after ${delay} ms`);
      r.commits.note();
      // Aimed kills wait for the gate to start (or end), then kill the processor at the random offset.
      const mark = path.join(marks, `${id}.${mode === 'mid-gate' ? 'start' : 'end'}`);
      const aimed =
        mode === 'anywhere'
          ? undefined
          : until(`the gate of ${id}`, () => fs.existsSync(mark)).then(() => new Promise((res) => setTimeout(res, delay)));
      const run = lanesKilled(r.dir, ['merge', 'run'], mode === 'anywhere' ? { killAfterMs: delay } : { killWhen: aimed! });
      const k = await run;
      log.push(`  ${k.killed ? 'killed' : `finished (exit ${k.code})`}`);
      await waitGitQuiet(r.dir);
      r.commits.note();
      // The next processor finishes the job: landed exactly once, wherever the kill came.
      const next = await lanesKilled(r.dir, ['merge', 'run', '--json']);
      expect(next.code, `${log.join('\n')}\n${next.stderr}`).toBe(0);
      const entries = (r.doc('merge-queue').entries as Array<{ task: string; state: string }>).filter((e) => e.task === id);
      expect(
        entries.map((e) => e.state),
        log.join('\n'),
      ).toEqual(['landed']);
      expect(r.git('rev-parse', 'main^1'), log.join('\n')).toBe(before);
      expect(r.git('rev-parse', 'main^2'), log.join('\n')).toBe(tip);
      expect(landingsInReflog(r.dir).filter((l) => l.includes(id))).toHaveLength(1);
      await recoverAndCheck(r, log);
    }
  });
});
