// Lanes across machines through a real git server on 127.0.0.1: three clones with their own HOME
// and machine name, each driven by the real `lanes` bundle as separate processes.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lanes } from '../../helpers/cli.js';
import { makeMachine, type GitServer, type Machine } from '../../helpers/git-server.js';
import { machineEnv, seedMachines } from './helpers.js';

const CONFIG = { gates: [{ name: 'test', command: ['node', '--test'] }], resources: { min_free_memory_mb: 0, min_free_disk_mb: 0 } };

function moduleTask(id: string, depends_on: string[] = []) {
  return {
    id,
    title: `task ${id}`,
    depends_on,
    estimate: 1,
    files: [`src/${id}.js`, `test/${id}.test.js`],
    description: [
      `Add ${id}.`,
      '',
      `\`\`\`file src/${id}.js`,
      `export const ${id} = '${id}';`,
      '```',
      '',
      `\`\`\`file test/${id}.test.js`,
      "import test from 'node:test';",
      "import assert from 'node:assert/strict';",
      `import { ${id} } from '../src/${id}.js';`,
      `test('${id}', () => assert.equal(${id}, '${id}'));`,
      '```',
    ].join('\n'),
  };
}

interface World {
  server: GitServer;
  ms: Machine[];
  run(m: Machine, args: string[]): ReturnType<typeof lanes>;
}

async function world(n: number, start?: () => Promise<GitServer>): Promise<World> {
  const { server, ms } = await seedMachines(
    n,
    'm',
    {
      'package.json': JSON.stringify({ type: 'module', scripts: { test: 'node --test' } }),
      '.lanes/config.json': JSON.stringify(CONFIG),
      'src/shared.js': 'export const shared = 1;\n',
      'test/.keep': '',
    },
    start,
  );
  const run = (m: Machine, args: string[]) => lanes(m.dir, args, { env: machineEnv(m) });
  return { server, ms, run };
}

/** Three machines with shared state enabled, for the tests of one describe block. */
function threeMachines(): World {
  const w = {} as World;
  beforeAll(async () => {
    Object.assign(w, await world(3));
    for (const m of w.ms) expect((await w.run(m, ['remote', 'enable'])).code).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await w.server.cleanup();
    for (const m of w.ms) m.cleanup();
  });
  return w;
}

describe('lanes across machines', () => {
  const w = threeMachines();

  it('shares claims: a file held on one machine is refused on another, naming the holder and its machine', async () => {
    const [a, b] = w.ms as [Machine, Machine];
    expect((await w.run(a, ['claim', 'task:x', 'src/shared.js'])).code).toBe(0);
    const r = await w.run(b, ['claim', 'task:y', 'src/shared.js']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/held by task:x on m1/);
    const list = await w.run(b, ['claims', '--json']);
    expect(list.stdout).toContain('task:x');
    expect((await w.run(a, ['release', 'task:x'])).code).toBe(0);
    const again = await w.run(b, ['claim', 'task:y', 'src/shared.js']);
    expect(again.code, again.stderr).toBe(0);
    expect((await w.run(b, ['release', 'task:y'])).code).toBe(0);
    // On the server: state refs under refs/lanes/state/, no branch of Lanes' own.
    const refs = w.server.git('for-each-ref', '--format=%(refname)');
    expect(refs).toMatch(/refs\/lanes\/state\/claims/);
    expect(refs.split('\n').filter((r) => r.startsWith('refs/heads/'))).toEqual(['refs/heads/main']);
    // Bounded: each state ref is one parentless commit.
    expect(w.server.git('rev-list', '--count', 'refs/lanes/state/claims')).toBe('1');
  });

  it('races: 3 machines x 4 processes claiming one file get exactly one grant', async () => {
    const runs = w.ms.flatMap((m) => [1, 2, 3, 4].map((k) => w.run(m, ['claim', `race:${m.name}-${k}`, 'src/race.js'])));
    const rs = await Promise.all(runs);
    const won = rs.filter((r) => r.code === 0);
    expect(won).toHaveLength(1);
    for (const r of rs.filter((x) => x.code !== 0)) expect(r.stderr).toMatch(/held by race:|Gave up after/);
    const list = JSON.parse((await w.run(w.ms[0]!, ['claims', '--json'])).stdout) as { claims: Array<{ pattern: string }> };
    expect(list.claims.filter((c) => c.pattern === 'src/race.js')).toHaveLength(1);
  }, 180_000);

  it('offline is honest: a claim fails with what could not be reached, reads show the last view, and it works again after', async () => {
    const [a] = w.ms as [Machine];
    await w.server.stop();
    try {
      const r = await w.run(a, ['claim', 'task:z', 'src/offline.js']);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/Could not reach the remote "origin"/);
      const list = await w.run(a, ['claims']);
      expect(list.code).toBe(0);
    } finally {
      await w.server.start();
    }
    expect((await w.run(a, ['claim', 'task:z', 'src/offline.js'])).code).toBe(0);
    expect((await w.run(a, ['release', 'task:z'])).code).toBe(0);
  }, 120_000);

  it('a server hook refusing refs/lanes/* is a clear refusal and nothing changes', async () => {
    const [a] = w.ms as [Machine];
    w.server.preReceive('while read old new ref; do case "$ref" in refs/lanes/*) echo "no lanes refs here" >&2; exit 1;; esac; done');
    try {
      const r = await w.run(a, ['claim', 'task:h', 'src/hook.js']);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/refused the change/);
      expect(r.stderr).toMatch(/no lanes refs here/);
    } finally {
      w.server.preReceive(undefined);
    }
    const list = await w.run(a, ['claims', '--json']);
    expect(list.stdout).not.toContain('src/hook.js');
  }, 60_000);
});

describe('lanes run across machines', () => {
  const w = threeMachines();

  it('lanes run on 3 machines against one plan of 12 tasks: each task lands exactly once, in dependency order, main green', async () => {
    const tasks = Array.from({ length: 12 }, (_, i) => moduleTask(`t${i + 1}`, i >= 4 ? [`t${i - 3}`] : []));
    const planFile = path.join(w.ms[0]!.dir, '..', 'plan.json');
    fs.writeFileSync(planFile, JSON.stringify({ tasks }));
    expect((await w.run(w.ms[0]!, ['plan', planFile])).code).toBe(0);
    const rs = await Promise.all(w.ms.map((m) => w.run(m, ['run', '--agent', 'scripted', '--unit-ms', '100', '--no-live'])));
    for (const r of rs) expect(r.code, r.stdout.slice(-1500) + r.stderr.slice(-1500)).toBe(0);
    const log = w.server.git('log', '--first-parent', '--format=%s', 'main').split('\n').reverse();
    const landed = log.filter((s) => s.startsWith('Merge lanes/')).map((s) => /lanes\/(t\d+)/.exec(s)![1]!);
    expect([...landed].sort()).toEqual(tasks.map((t) => t.id).sort());
    for (const t of tasks) for (const d of t.depends_on) expect(landed.indexOf(d)).toBeLessThan(landed.indexOf(t.id));
    // Main is green: the landed tree passes its own tests on a fresh clone.
    const check = makeMachine('check', w.server.url);
    try {
      check.git('fetch', '-q', 'origin');
      check.git('checkout', '-q', '-b', 'main', 'origin/main');
      const { execFileSync } = await import('node:child_process');
      expect(() => execFileSync('node', ['--test'], { cwd: check.dir, stdio: 'pipe' })).not.toThrow();
    } finally {
      check.cleanup();
    }
    // Every machine ran something, and the runs together started each task once.
    const started = rs.map((r) => (r.stdout + r.stderr).match(/: agent started \(attempt 1/g)?.length ?? 0);
    expect(started.reduce((a, b) => a + b, 0)).toBe(12);
  }, 400_000);
});
