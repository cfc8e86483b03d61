/**
 * Crash safety (docs/safety.md rule 10): a processor SIGKILLed at each step leaves the target either
 * unchanged or landed exactly once, and the next processor finishes or retries the entry. Both
 * records are tried: the journal (with gates) and, without gates, the landing's intent kept in the
 * merge-queue document itself.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { mergeStatus, processMergeQueue, queueMerge } from '../../../src/core/merge/index.js';
import { bundleChild } from '../../helpers/child.js';
import { tempDir } from '../../helpers/repo.js';
import { commitsSince, CHILD, mergeRepo, nodeGate, runProcessor } from './helpers.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const POINTS = ['merge.after-integrate', 'merge.during-gates', 'merge.before-land', 'merge.after-land'] as const;

describe.concurrent('a processor SIGKILLed mid-way', () => {
  for (const point of POINTS) {
    it(`at ${point}: the target is unchanged or landed exactly once, and the next processor finishes`, async ({ onTestFinished }) => {
      await bundleChild(CHILD);
      const pidFile = path.join(tempDir(), 'grandchild.pid');
      // The gate leaves a grandchild behind and takes a while, so a crash during the gates leaves both running.
      const gate = nodeGate(
        'slow',
        `const g = require('child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' }); ` +
          `require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(g.pid)); setTimeout(() => process.exit(0), ${point === 'merge.during-gates' ? 4000 : 10});`,
      );
      const r = await mergeRepo({ gates: [gate], onFinished: onTestFinished });
      const start = r.git('rev-parse', 'main');
      const { tip } = await r.lane('t1', { 'src/t1.ts': 'export const t1 = 1;\n' });
      const lanes = await r.open();
      await queueMerge(lanes, { task_id: 't1' });

      const killed = await runProcessor(r.dir, { LANES_FAILPOINT: `${point}:kill` });
      expect(killed.signal, String(killed.stderr)).toBe('SIGKILL');
      const st = await mergeStatus(await r.open());
      expect(st.interrupted).toBe(true);
      expect(st.processor.running).toBe(false);
      const afterCrash = r.git('rev-parse', 'main');
      if (point === 'merge.after-land') expect(afterCrash).not.toBe(start);
      else expect(afterCrash).toBe(start);
      if (point === 'merge.during-gates') {
        const end = Date.now() + 15_000;
        while (!(fs.existsSync(pidFile) && fs.statSync(pidFile).size > 0) && Date.now() < end)
          await new Promise((res) => setTimeout(res, 20));
      }

      const res = await processMergeQueue(await r.open(), { lockStaleMs: 2000 });
      expect(res.recovered).toHaveLength(1);
      expect(res.recovered[0]!.outcome).toBe(point === 'merge.after-land' ? 'rolled-forward' : 'retried');
      const merges = commitsSince(r, start).filter((c) => c.parents.length === 2);
      expect(merges).toHaveLength(1);
      expect(merges[0]!.parents).toEqual([start, tip]);
      expect(r.git('rev-parse', 'main')).toBe(merges[0]!.sha);
      const t1 = (await r.tasks()).t1!;
      expect(t1.status).toBe('done');
      expect(t1.landed_as).toBe(merges[0]!.sha);
      const entries = (await r.queue()).entries;
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ state: 'landed', landed_as: merges[0]!.sha });
      expect(fs.existsSync(r.lanePath('t1'))).toBe(false);
      expect(fs.readFileSync(path.join(r.dir, 'src/t1.ts'), 'utf8')).toBe('export const t1 = 1;\n');
      // A gate's grandchild does not outlive the gate, even when the processor was killed.
      if (fs.existsSync(pidFile)) {
        const gc = Number(fs.readFileSync(pidFile, 'utf8'));
        const end = Date.now() + 3000;
        while (alive(gc) && Date.now() < end) await new Promise((res) => setTimeout(res, 25));
        expect(alive(gc)).toBe(false);
      }
    });
  }
});

const FAST_POINTS = ['merge.after-integrate', 'merge.before-land', 'merge.after-land'] as const;

describe.concurrent('a gate-less processor SIGKILLed mid-way (the intent in the merge-queue document)', () => {
  for (const point of FAST_POINTS) {
    it(`at ${point}: the target is unchanged or landed exactly once, and the next processor finishes`, async ({ onTestFinished }) => {
      await bundleChild(CHILD);
      const r = await mergeRepo({ gates: [], onFinished: onTestFinished });
      const start = r.git('rev-parse', 'main');
      const { tip } = await r.lane('t1', { 'src/t1.ts': 'export const t1 = 1;\n' });
      await r.lane('t2', { 'src/t2.ts': 'export const t2 = 2;\n' });
      const lanes = await r.open();
      await queueMerge(lanes, { task_id: 't1' });
      await queueMerge(lanes, { task_id: 't2' });

      const killed = await runProcessor(r.dir, { LANES_FAILPOINT: `${point}:kill` });
      expect(killed.signal, String(killed.stderr)).toBe('SIGKILL');
      const st = await mergeStatus(await r.open());
      expect(st.interrupted).toBe(true);
      expect(st.processor.running).toBe(false);
      const crashed = await r.queue();
      expect(crashed.landing).toMatchObject({ target: 'main', old: start, phase: 'land' });
      expect(crashed.entries.find((e) => e.task === 't1')!.state).toBe('landing');
      const afterCrash = r.git('rev-parse', 'main');
      if (point === 'merge.after-land') expect(afterCrash).toBe(crashed.landing!.new);
      else expect(afterCrash).toBe(start);

      const res = await processMergeQueue(await r.open(), { lockStaleMs: 2000 });
      expect(res.recovered).toHaveLength(1);
      expect(res.recovered[0]!.outcome).toBe(point === 'merge.after-land' ? 'rolled-forward' : 'retried');
      expect(res.recovered[0]!.landed).toEqual(point === 'merge.after-land' ? crashed.landing!.landing.map((l) => l.entry) : []);
      const merges = commitsSince(r, start).filter((c) => c.parents.length === 2);
      expect(merges).toHaveLength(2);
      expect(merges.map((m) => m.parents[1])).toContain(tip);
      const t1Merge = merges.find((m) => m.parents[1] === tip)!;
      expect(t1Merge.parents[0]).toBe(start);
      const tasks = await r.tasks();
      expect(tasks.t1).toMatchObject({ status: 'done', landed_as: t1Merge.sha });
      expect(tasks.t2!.status).toBe('done');
      const q = await r.queue();
      expect(q.landing).toBeUndefined();
      expect(q.entries.map((e) => e.state)).toEqual(['landed', 'landed']);
      expect(q.entries.find((e) => e.task === 't1')).toMatchObject({ landed_as: t1Merge.sha });
      expect(fs.existsSync(r.lanePath('t1'))).toBe(false);
      expect(fs.readFileSync(path.join(r.dir, 'src/t1.ts'), 'utf8')).toBe('export const t1 = 1;\n');
    });
  }
});
