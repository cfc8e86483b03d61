// Shared state over smart HTTP (git http-backend behind a Node server on 127.0.0.1), the transport
// of most forges: enabling on two machines, a claim seen by the other machine, and `lanes run` on
// both, landing every task exactly once on the server's main.
import { execa } from 'execa';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundlePath, lanes } from '../../helpers/cli.js';
import { startHttpGitServer, type GitServer, type Machine } from '../../helpers/git-server.js';
import { machineEnv, seedMachines } from './helpers.js';

const CONFIG = {
  gates: [{ name: 'test', command: ['node', '--test'] }],
  claims: { default_ttl_seconds: 6 },
  resources: { min_free_memory_mb: 0, min_free_disk_mb: 0 },
};

const task = (id: string, depends_on: string[] = []) => ({
  id,
  title: `task ${id}`,
  depends_on,
  estimate: 1,
  files: [`src/${id}.js`],
  description: [`\`\`\`file src/${id}.js`, `export const ${id} = '${id}';`, '```'].join('\n'),
});

describe('across machines over smart HTTP', () => {
  let server: GitServer;
  let ms: Machine[];
  const run = (m: Machine, args: string[]) => lanes(m.dir, args, { env: machineEnv(m) });
  beforeAll(async () => {
    ({ server, ms } = await seedMachines(
      2,
      'h',
      {
        'package.json': JSON.stringify({ type: 'module' }),
        '.lanes/config.json': JSON.stringify(CONFIG),
        'src/a.js': 'export const a = 1;\n',
      },
      startHttpGitServer,
    ));
  }, 60_000);
  afterAll(async () => {
    await server.cleanup();
    for (const m of ms) m.cleanup();
  });

  it('enables on two machines and shares a claim', async () => {
    const [a, b] = ms as [Machine, Machine];
    for (const m of [a, b]) {
      const r = await run(m, ['remote', 'enable']);
      expect(r.code, r.stderr).toBe(0);
    }
    const got = await run(a, ['claim', 'task:x', 'src/a.js']);
    expect(got.code, got.stderr).toBe(0);
    const refused = await run(b, ['claim', 'task:y', 'src/a.js']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/held by task:x on h1/);
    expect((await run(a, ['release', 'task:x'])).code).toBe(0);
  }, 120_000);

  it('runs one plan on both machines: every task lands once, in order, and main passes its tests', async () => {
    const [a, b] = ms as [Machine, Machine];
    const ids = ['q1', 'q2', 'q3', 'q4'];
    const planFile = path.join(a.dir, '..', 'plan.json');
    fs.writeFileSync(planFile, JSON.stringify({ tasks: ids.map((id, i) => task(id, i >= 2 ? [ids[i - 2]!] : [])) }));
    expect((await run(a, ['plan', planFile])).code).toBe(0);
    const outs = await Promise.all(
      [a, b].map((m) =>
        execa('node', [bundlePath(), 'run', '--agent', 'scripted', '--unit-ms', '200', '--no-live'], {
          cwd: m.dir,
          env: machineEnv(m),
          reject: false,
          stdin: 'ignore',
          all: true,
        }),
      ),
    );
    for (const o of outs) expect(o.exitCode, String(o.all).slice(-2500)).toBe(0);
    const landed = server
      .git('log', '--first-parent', '--format=%s', 'main')
      .split('\n')
      .filter((s) => s.startsWith('Merge lanes/'))
      .map((s) => /lanes\/([a-z0-9-]+)/.exec(s)![1]!)
      .reverse();
    expect([...landed].sort()).toEqual(ids);
    expect(landed.indexOf('q3')).toBeGreaterThan(landed.indexOf('q1'));
    expect(landed.indexOf('q4')).toBeGreaterThan(landed.indexOf('q2'));
    // A fresh clone over the same transport has every task's file, and its tests pass.
    const fresh = path.join(a.dir, '..', 'fresh');
    await execa('git', ['clone', '-q', '--branch', 'main', server.url, fresh], { env: a.env });
    for (const id of ids) expect(fs.existsSync(path.join(fresh, 'src', `${id}.js`)), id).toBe(true);
    expect((await execa('node', ['--test'], { cwd: fresh, reject: false })).exitCode).toBe(0);
  }, 300_000);
});
