/**
 * `lanes run` and owners: a task an earlier run left in progress in its lane (that run is gone)
 * is continued in the same lane instead of being reported as someone else's; agents act as the
 * run (LANES_OWNER), and the run's lease ends with the run. A gone run's task whose work is
 * already in the merge queue is taken over as queued: it lands once and no agent does it again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OWNERS_DOC } from '../../../src/core/claims/liveness.js';
import { startLane } from '../../../src/core/lanes/start.js';
import { customAgent, runPlan } from '../../../src/core/run/index.js';
import { readPlan } from '../../../src/core/plan/tasks.js';
import { MERGE_DOC, queueMerge } from '../../../src/core/merge/index.js';
import { GRACE_MS } from '../../../src/state/seen.js';
import { agentScript, cleanupAfter, sampleRepo, withPlan } from './helpers.js';

describe('lanes run and owners', () => {
  it('continues a task a gone run left in progress, in the same lane, and lands it', async () => {
    const repo = sampleRepo({ gates: [] });
    cleanupAfter(repo);
    const lanes = await withPlan(repo, [
      { id: 'left', files: ['left.txt'] },
      { id: 'fresh', files: ['fresh.txt'] },
    ]);
    // A run that crashed mid-task long enough ago that its lease has ended.
    const gone = 'run:20260101-000000-dead';
    const lane = await startLane(lanes, { task_id: 'left', owner: gone });
    await lanes.store.transact(async (tx) => {
      tx.get(OWNERS_DOC).leases[gone]!.expires_at = new Date(Date.now() - 1000).toISOString();
    });

    const agent = agentScript(repo.dir + '-agent', {});
    // The agent records who it acts as.
    const wrapper = path.join(repo.dir + '-agent', 'wrap.mjs');
    fs.writeFileSync(
      wrapper,
      `import fs from 'node:fs';\nfs.appendFileSync(${JSON.stringify(agent.log)} + '/owner', process.env.LANES_OWNER + '\\n');\nawait import(${JSON.stringify(agent.script)});\n`,
    );
    const report = await runPlan(lanes, { agent: customAgent(['node', wrapper]), parallelism: 2, pollMs: 100 });
    expect(report.counts).toMatchObject({ landed: 2, blocked: 0, not_run: 0 });
    expect(fs.readFileSync(path.join(agent.log, 'left.starts'), 'utf8')).toContain(lane.path);
    const owners = fs.readFileSync(path.join(agent.log, 'owner'), 'utf8').trim().split('\n');
    expect(new Set(owners)).toEqual(new Set([`run:${report.run_id}`]));
    const { tasks } = await readPlan(lanes.store);
    expect(tasks.left?.status).toBe('done');
    expect(tasks.left?.history.some((h) => h.note === `taken over from ${gone} (expired)`)).toBe(true);
    // The run ended cleanly: its own lease is gone with it.
    expect((await lanes.store.read(OWNERS_DOC)).data.leases[`run:${report.run_id}`]).toBeUndefined();
    fs.rmSync(repo.dir + '-agent', { recursive: true, force: true });
  });

  it("takes a gone run's queued task over as queued: it lands once and no agent runs for it again", async () => {
    const repo = sampleRepo({ gates: [] });
    cleanupAfter(repo);
    const lanes = await withPlan(repo, [
      { id: 'done-work', files: ['done-work.txt'] },
      { id: 'after', files: ['after.txt'], depends_on: ['done-work'] },
    ]);
    // A run finished the work and queued it, then crashed before its queue ran; its lease ended.
    const gone = 'run:20260101-000000-dead';
    const lane = await startLane(lanes, { task_id: 'done-work', owner: gone });
    fs.writeFileSync(path.join(lane.path, 'done-work.txt'), 'finished before the crash\n');
    repo.git('-C', lane.path, 'add', '-A');
    repo.git('-C', lane.path, 'commit', '-q', '-m', 'done-work: finished');
    const queued = await queueMerge(lanes, { task_id: 'done-work', requested_by: gone });
    await lanes.store.transact(async (tx) => {
      tx.get(OWNERS_DOC).leases[gone]!.expires_at = new Date(Date.now() - 1000).toISOString();
    });

    const agent = agentScript(repo.dir + '-agent', {});
    const report = await runPlan(lanes, { agent: customAgent(['node', agent.script]), parallelism: 2, pollMs: 100 });
    expect(report.counts).toMatchObject({ landed: 2, blocked: 0, not_run: 0 });
    // Its agent was never started again; the dependent's was, once.
    expect(fs.existsSync(path.join(agent.log, 'done-work.starts'))).toBe(false);
    expect(fs.readFileSync(path.join(agent.log, 'after.starts'), 'utf8').trim().split('\n')).toHaveLength(1);
    // The work that landed is the queued entry's, exactly once.
    expect(
      repo
        .git('log', '--first-parent', '--format=%s', 'main')
        .split('\n')
        .filter((m) => m.includes('lanes/done-work')),
    ).toHaveLength(1);
    expect(repo.git('show', 'main:done-work.txt')).toBe('finished before the crash');
    const { tasks } = await readPlan(lanes.store);
    expect(tasks['done-work']?.status).toBe('done');
    expect(tasks['done-work']?.history.some((h) => h.note === `taken over from ${gone} (expired)`)).toBe(true);
    // This run reports it as its own landing, of the entry the gone run queued.
    const row = report.tasks.find((t) => t.id === 'done-work');
    expect(row?.state).toBe('landed');
    expect((await lanes.store.read(MERGE_DOC)).data.entries.filter((e) => e.task === 'done-work').map((e) => [e.id, e.state])).toEqual([
      [queued.entry.id, 'landed'],
    ]);
    fs.rmSync(repo.dir + '-agent', { recursive: true, force: true });
  });

  it('keeps its lease live through an agent that runs longer than the lease (renewed three times a lease)', async () => {
    // A 6 s lease and an agent of 14 s: another machine would take the task over once the lease
    // had been silent for its ttl and the grace (5 s), so the run must renew it as it goes.
    const repo = sampleRepo({ gates: [], claims: { default_ttl_seconds: 6 } });
    cleanupAfter(repo);
    const lanes = await withPlan(repo, [{ id: 'long', files: ['long.txt'] }]);
    const dir = repo.dir + '-agent';
    fs.mkdirSync(dir, { recursive: true });
    const script = path.join(dir, 'slow.mjs');
    fs.writeFileSync(
      script,
      `import fs from 'node:fs';\nimport { execFileSync } from 'node:child_process';\nawait new Promise((r) => setTimeout(r, 14000));\nfs.writeFileSync('long.txt', 'done\\n');\nexecFileSync('git', ['add', '-A']);\nexecFileSync('git', ['commit', '-q', '-m', 'long: work']);\n`,
    );
    const seen: Array<{ at: number; expires: number }> = [];
    let owner: string | undefined;
    const watching = (async () => {
      for (;;) {
        const leases = (await lanes.store.read(OWNERS_DOC)).data.leases;
        const mine = Object.values(leases).find((l) => l.owner.startsWith('run:'));
        if (mine) {
          owner = mine.owner;
          seen.push({ at: Date.now(), expires: Date.parse(mine.expires_at) });
        } else if (owner) return; // the run ended and released it
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    const report = await runPlan(lanes, { agent: customAgent(['node', script]), parallelism: 1, pollMs: 100 });
    await watching;
    expect(report.counts).toMatchObject({ landed: 1, blocked: 0 });
    expect(seen.length).toBeGreaterThan(20);
    // Never silent for longer than another machine waits (ttl + grace) before taking it over.
    const late = seen.filter((s) => s.at >= s.expires + GRACE_MS);
    expect(late).toEqual([]);
    // And it was renewed along the way: the expiry moved forward while the agent ran.
    expect(new Set(seen.map((s) => s.expires)).size).toBeGreaterThan(2);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 90_000);
});
