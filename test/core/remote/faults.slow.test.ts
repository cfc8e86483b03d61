// Faults across machines through a real git server: a machine killed mid-run (its task is taken
// over on another after its lease, and lands once), the server away mid-run (shorter and longer
// than a lease), a processor killed mid-landing (the remote's target advances exactly once), a
// slow pre-receive hook.
import { execa } from 'execa';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bundlePath, lanes } from '../../helpers/cli.js';
import { runHook } from '../../hooks/helpers.js';
import type { GitServer, Machine } from '../../helpers/git-server.js';
import { machineEnv, seedMachines } from './helpers.js';

const SKEW = path.resolve(import.meta.dirname, '../../helpers/skew-clock.mjs');

const CONFIG = {
  gates: [{ name: 'test', command: ['node', '--test'] }],
  claims: { default_ttl_seconds: 6 },
  resources: { min_free_memory_mb: 0, min_free_disk_mb: 0 },
};

function task(id: string, estimate: number, depends_on: string[] = []) {
  return {
    id,
    title: `task ${id}`,
    depends_on,
    estimate,
    files: [`src/${id}.js`],
    description: [`\`\`\`file src/${id}.js`, `export const ${id} = '${id}';`, '```'].join('\n'),
  };
}

let cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

async function world(n: number): Promise<{ server: GitServer; ms: Machine[] }> {
  const { server, ms } = await seedMachines(n, 'f', {
    'package.json': JSON.stringify({ type: 'module' }),
    '.lanes/config.json': JSON.stringify(CONFIG),
    'src/.keep': '',
  });
  cleanups.push(() => server.cleanup());
  for (const m of ms) cleanups.push(() => m.cleanup());
  for (const m of ms) expect((await run(m, ['remote', 'enable'])).code).toBe(0);
  return { server, ms };
}

const env = machineEnv;
const run = (m: Machine, args: string[], extra: Record<string, string> = {}) => lanes(m.dir, args, { env: env(m, extra) });

function spawnLanes(m: Machine, args: string[]) {
  return execa('node', [bundlePath(), ...args], { cwd: m.dir, env: env(m), reject: false, stdin: 'ignore', all: true });
}

/** Every process whose working directory is inside `root`: a machine's agents and lanes. */
function processesUnder(root: string): number[] {
  const out: number[] = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (fs.readlinkSync(`/proc/${d}/cwd`).startsWith(root)) out.push(Number(d));
    } catch {
      // gone, or not ours
    }
  }
  return out;
}

function remoteDoc<T>(server: GitServer, doc: string): T | undefined {
  try {
    return (JSON.parse(server.git('show', `refs/lanes/state/${doc}:doc.json`)) as { data: T }).data;
  } catch {
    return undefined;
  }
}

async function until(what: string, ok: () => boolean, ms = 120_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const landedOn = (server: GitServer) =>
  server
    .git('log', '--first-parent', '--format=%s', 'main')
    .split('\n')
    .filter((s) => s.startsWith('Merge lanes/'))
    .map((s) => /lanes\/([a-z0-9-]+)/.exec(s)![1]!);

describe('faults across machines', () => {
  it('a machine killed mid-run: another takes its task over after the lease and every task lands exactly once', async () => {
    const { server, ms } = await world(2);
    const [a, b] = ms as [Machine, Machine];
    const planFile = path.join(a.dir, '..', 'plan.json');
    fs.writeFileSync(planFile, JSON.stringify({ tasks: [task('slow', 400), task('after', 1, ['slow'])] }));
    expect((await run(a, ['plan', planFile])).code).toBe(0);
    const runA = spawnLanes(a, ['run', '--agent', 'scripted', '--unit-ms', '200', '--no-live']);
    await until('slow in progress on f1', () => {
      const t = remoteDoc<Record<string, { status: string; owner?: string }>>(server, 'tasks')?.slow;
      return t?.status === 'in_progress' && processesUnder(path.dirname(a.dir)).length > 1;
    });
    // The machine dies: its run and its agent, without a word.
    for (const pid of [runA.pid!, ...processesUnder(path.dirname(a.dir))]) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await runA;
    const rb = await run(b, ['run', '--agent', 'scripted', '--unit-ms', '20', '--no-live']);
    expect(rb.code, rb.stdout.slice(-2000) + rb.stderr.slice(-1000)).toBe(0);
    expect(rb.stdout + rb.stderr).toMatch(/slow: taken over from run:/);
    expect(landedOn(server).sort()).toEqual(['after', 'slow']);
  }, 300_000);

  it.each(['merge.before-land', 'merge.after-land'])(
    'a processor killed at %s: the next run lands the entry, and the remote target advances exactly once',
    async (point) => {
      const { server, ms } = await world(1);
      const [a] = ms as [Machine];
      const planFile = path.join(a.dir, '..', 'plan.json');
      fs.writeFileSync(planFile, JSON.stringify({ tasks: [task('one', 1)] }));
      expect((await run(a, ['plan', planFile])).code).toBe(0);
      const started = await run(a, ['start', 'one', '--json']);
      expect(started.code, started.stderr).toBe(0);
      const lane = (JSON.parse(started.stdout) as { path: string }).path;
      fs.mkdirSync(path.join(lane, 'src'), { recursive: true });
      fs.writeFileSync(path.join(lane, 'src/one.js'), "export const one = 'one';\n");
      await execa('git', ['add', '-A'], { cwd: lane, env: a.env });
      await execa('git', ['commit', '-qm', 'one'], { cwd: lane, env: a.env });
      const q = await run(a, ['merge', 'queue', 'one']);
      expect(q.code, q.stderr).toBe(0);
      const before = server.git('rev-parse', 'main');
      const killed = await run(a, ['merge', 'run'], { LANES_FAILPOINT: `${point}:kill` });
      expect(killed.code).not.toBe(0);
      const again = await run(a, ['merge', 'run']);
      expect(again.code, again.stderr).toBe(0);
      expect(landedOn(server)).toEqual(['one']);
      expect(server.git('rev-list', '--count', `${before}..main`, '--first-parent')).toBe('1');
      const queue = remoteDoc<{ entries: Array<{ task: string; state: string }> }>(server, 'merge-queue');
      expect(queue?.entries.filter((e) => e.task === 'one').map((e) => e.state)).toEqual(['landed']);
    },
    180_000,
  );

  it.each([
    ['10 min ahead', 10 * 60_000],
    ['10 min behind', -10 * 60_000],
  ])(
    'a machine whose clock is %s neither takes a live claim nor misses an expired one',
    async (_, skewMs) => {
      const { ms } = await world(2);
      const [a, b] = ms as [Machine, Machine];
      const skewed = { NODE_OPTIONS: `--import=${SKEW}`, LANES_TEST_SKEW_MS: String(skewMs) };
      // Its own view of time is off: it reads A's expiry ten minutes early (or late).
      const now = await lanes(b.dir, ['claims', '--json'], { env: env(b, skewed) });
      expect(now.code, now.stderr).toBe(0);
      expect((await run(a, ['claim', 'task:live', 'src/live.js', '--ttl', '600'])).code).toBe(0);
      const live = await lanes(b.dir, ['claim', 'task:b', 'src/live.js'], { env: env(b, skewed) });
      expect(live.code).not.toBe(0);
      expect(live.stderr).toMatch(/held by task:live on f1/);
      // A short lease that its holder lets lapse: taken once B itself has watched it stay silent.
      expect((await run(a, ['claim', 'task:short', 'src/short.js', '--ttl', '2'])).code).toBe(0);
      // B first sees the record during this call, so it cannot be B's before t0 + ttl + grace.
      const t0 = Date.now();
      const first = await lanes(b.dir, ['claim', 'task:b', 'src/short.js'], { env: env(b, skewed) });
      expect(first.code).not.toBe(0);
      let got = first;
      while (got.code !== 0 && Date.now() - t0 < 60_000) {
        await new Promise((r) => setTimeout(r, 1000));
        got = await lanes(b.dir, ['claim', 'task:b', 'src/short.js'], { env: env(b, skewed) });
      }
      expect(got.code, got.stderr).toBe(0);
      // Not before its ttl (2 s) and the grace (5 s) had passed on B's own clock since it first saw it.
      expect(Date.now() - t0).toBeGreaterThanOrEqual(7000);
    },
    180_000,
  );

  // Shorter than a lease (6 s) and its grace (5 s); then longer, so that a run's tasks may be
  // taken over by the other machine, queued work included: it lands once, and is not done again.
  it.each([
    ['for a while', 6000],
    ['for longer than a lease', 15000],
  ])(
    'the server stops %s mid-run and comes back: both machines go on, every task lands exactly once',
    async (_, awayMs) => {
      const { server, ms } = await world(2);
      const [a, b] = ms as [Machine, Machine];
      const planFile = path.join(a.dir, '..', 'plan.json');
      const ids = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'];
      fs.writeFileSync(planFile, JSON.stringify({ tasks: ids.map((id, i) => task(id, 2, i >= 2 ? [ids[i - 2]!] : [])) }));
      expect((await run(a, ['plan', planFile])).code).toBe(0);
      const runs = [a, b].map((m) => spawnLanes(m, ['run', '--agent', 'scripted', '--unit-ms', '300', '--no-live']));
      await until('a first landing', () => landedOn(server).length >= 1);
      await server.stop();
      await new Promise((r) => setTimeout(r, awayMs));
      await server.start();
      const outs = await Promise.all(runs);
      for (const o of outs) expect(o.exitCode, String(o.all).slice(-2500)).toBe(0);
      expect(landedOn(server).sort(), outs.map((o) => String(o.all).slice(-4000)).join('\n----\n')).toEqual([...ids].sort());
    },
    300_000,
  );

  it("a lane's work reaches the remote at its agent's Stop, and the task taken over on another machine starts from it", async () => {
    const { server, ms } = await world(2);
    const [a, b] = ms as [Machine, Machine];
    const planFile = path.join(a.dir, '..', 'plan.json');
    fs.writeFileSync(planFile, JSON.stringify({ tasks: [task('w1', 1)] }));
    expect((await run(a, ['plan', planFile])).code).toBe(0);
    const alice = { LANES_OWNER: 'alice' };
    const started = await run(a, ['start', 'w1', '--json'], alice);
    expect(started.code, started.stderr).toBe(0);
    const laneA = (JSON.parse(started.stdout) as { path: string }).path;
    fs.writeFileSync(path.join(laneA, 'src/w1.js'), "export const w1 = 'half done';\n");
    await execa('git', ['add', '-A'], { cwd: laneA, env: a.env });
    await execa('git', ['commit', '-qm', 'w1: half done'], { cwd: laneA, env: a.env });
    const tip = (await execa('git', ['rev-parse', 'HEAD'], { cwd: laneA })).stdout.trim();
    // The agent stops (the hook as Claude Code runs it); then the machine is gone.
    await runHook(
      'stop',
      { session_id: 's-w1', cwd: laneA, hook_event_name: 'Stop', stop_hook_active: false },
      { cwd: laneA, env: env(a, alice) },
    );
    expect(server.git('rev-parse', 'refs/lanes/work/w1')).toBe(tip);
    // Another machine takes the task once alice's lease (6 s) has ended by its own clock.
    const bob = { LANES_OWNER: 'bob' };
    let took = await run(b, ['take', 'w1'], bob);
    const deadline = Date.now() + 90_000;
    while (took.code !== 0 && Date.now() < deadline) {
      expect(took.stderr).toMatch(/alice/);
      await new Promise((r) => setTimeout(r, 1000));
      took = await run(b, ['take', 'w1'], bob);
    }
    expect(took.code, took.stderr).toBe(0);
    const again = await run(b, ['start', 'w1', '--json'], bob);
    expect(again.code, again.stderr).toBe(0);
    const laneB = (JSON.parse(again.stdout) as { path: string }).path;
    expect((await execa('git', ['rev-parse', 'HEAD'], { cwd: laneB })).stdout.trim()).toBe(tip);
    expect(fs.readFileSync(path.join(laneB, 'src/w1.js'), 'utf8')).toContain('half done');
  }, 180_000);

  it('a slow pre-receive hook makes claims wait, not fail', async () => {
    const { server, ms } = await world(1);
    const [a] = ms as [Machine];
    server.preReceive('sleep 2; exit 0');
    const r = await run(a, ['claim', 'task:s', 'src/slow.js']);
    expect(r.code, r.stderr).toBe(0);
    server.preReceive(undefined);
    expect((await run(a, ['claims', '--json'])).stdout).toContain('src/slow.js');
  }, 120_000);
});
