import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { runSetupCommand as runCommand } from '../../../src/core/lanes/setup.js';
import { startLane } from '../../../src/core/lanes/start.js';
import { removeLane } from '../../../src/core/lanes/remove.js';
import { listLanes } from '../../../src/core/lanes/list.js';
import { readPlan } from '../../../src/core/plan/tasks.js';
import { pidAlive } from '../../../src/state/index.js';
import { isLanesError } from '../../../src/errors.js';
import { tempDir } from '../../helpers/repo.js';
import { lanePath, lanesRepo } from './helpers.js';

const node = process.execPath;

/** Alive and not a zombie (in containers nobody may reap an orphan killed by the group kill). */
function running(pid: number): boolean {
  if (!pidAlive(pid)) return false;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

describe('runCommand', () => {
  it('runs argv without a shell, captures output with a cap, and reports the exit code', async () => {
    const dir = tempDir();
    try {
      const ok = await runCommand(
        { name: 'echo', command: [node, '-e', 'console.log("hi $HOME"); console.error("err")'], timeout_seconds: 10 },
        dir,
      );
      expect(ok).toMatchObject({ ok: true, exit_code: 0, timed_out: false });
      expect(ok.output_tail).toContain('hi $HOME'); // no shell expanded it
      expect(ok.output_tail).toContain('err');
      const big = await runCommand(
        {
          name: 'big',
          command: [node, '-e', 'process.stdout.write("x".repeat(300000) + "END", () => process.exit(3))'],
          timeout_seconds: 10,
        },
        dir,
        { maxOutput: 1000 },
      );
      expect(big).toMatchObject({ ok: false, exit_code: 3 });
      expect(big.output_tail).toMatch(/^\[\.\.\. \d+ earlier bytes dropped \.\.\.\]\n/);
      expect(big.output_tail.replace(/^\[[^\]]*\]\n/, '').length).toBeLessThanOrEqual(1000);
      expect(big.output_tail.slice(-60)).toMatch(/END$/);
      const missing = await runCommand({ name: 'missing', command: ['/no/such/program'], timeout_seconds: 10 }, dir);
      expect(missing.ok).toBe(false);
      expect(missing.output_tail).toMatch(/ENOENT|no such/i);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a timeout kills the whole process group, grandchildren included', async () => {
    const dir = tempDir();
    try {
      const script = `const { spawn } = require('node:child_process');
        const c = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
        require('node:fs').writeFileSync('grandchild.pid', String(c.pid));
        setInterval(() => {}, 1000);`;
      const started = Date.now();
      const r = await runCommand({ name: 'hang', command: [node, '-e', script], timeout_seconds: 0.5 }, dir);
      expect(r).toMatchObject({ ok: false, timed_out: true });
      expect(Date.now() - started).toBeLessThan(5000);
      const gc = Number(fs.readFileSync(path.join(dir, 'grandchild.pid'), 'utf8'));
      for (let i = 0; i < 50 && running(gc); i++) await new Promise((res) => setTimeout(res, 20));
      expect(running(gc)).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('setup commands in start_task', () => {
  it('run in the new lane with its environment before the lane is ready', async () => {
    const r = await lanesRepo({
      config: {
        setup: [
          {
            name: 'prep',
            command: [node, '-e', 'require("fs").writeFileSync(".setup-ran", process.env.LANES_TASK + " " + process.cwd())'],
          },
        ],
      },
      files: { '.gitignore': '.setup-ran\n' },
    });
    const lanes = await r.open();
    const out = await startLane(lanes, { task_id: 't1', owner: 'o' });
    expect(out.setup.map((s) => s.name)).toEqual(['prep']);
    expect(fs.readFileSync(path.join(out.path, '.setup-ran'), 'utf8')).toBe(`t1 ${out.path}`);
  });

  it('what setup makes that the project does not ignore (a .venv) is excluded, so it is never committed or counted as work', async () => {
    const make =
      'const fs = require("fs"); fs.mkdirSync(".venv/bin", { recursive: true }); fs.writeFileSync(".venv/bin/python", "x"); fs.writeFileSync("gen.txt", "y")';
    const r = await lanesRepo({ config: { setup: [{ name: 'venv', command: [node, '-e', make] }] } });
    const lanes = await r.open();
    const out = await startLane(lanes, { task_id: 't1', owner: 'o' });
    expect(fs.existsSync(path.join(out.path, '.venv', 'bin', 'python'))).toBe(true);
    const exclude = fs.readFileSync(path.join(r.dir, '.git', 'info', 'exclude'), 'utf8');
    expect(exclude).toMatch(/^\/\.venv\/$/m);
    expect(exclude).toMatch(/^\/gen\.txt$/m);
    // The lane is clean to git: an agent's `git add -A` adds nothing of it.
    const git = (...a: string[]) => execFileSync('git', a, { cwd: out.path, encoding: 'utf8' });
    expect(git('status', '--porcelain')).toBe('');
    git('add', '-A');
    expect(git('diff', '--cached', '--name-only')).toBe('');
    // A second lane adds nothing twice.
    await startLane(lanes, { task_id: 't2', owner: 'o' });
    expect(fs.readFileSync(path.join(r.dir, '.git', 'info', 'exclude'), 'utf8').match(/^\/\.venv\/$/gm)).toHaveLength(1);
  });

  it('a failing setup rolls the whole start back, with the output tail in the error', async () => {
    const r = await lanesRepo({
      tasks: [{ id: 't1', files: ['src/**'] }],
      config: {
        setup: [
          {
            name: 'install',
            command: [node, '-e', 'console.log("resolving deps"); console.error("npm ERR! missing thing"); process.exit(7)'],
          },
        ],
      },
    });
    const lanes = await r.open();
    const e = await startLane(lanes, { task_id: 't1', owner: 'o' }).catch((x: unknown) => x);
    expect(isLanesError(e, 'CONFIG'), String(e)).toBe(true);
    expect((e as Error).message).toMatch(/"install".*exited with code 7/);
    expect((e as Error).message).toContain('npm ERR! missing thing');
    expect(fs.existsSync(lanePath(r, 't1'))).toBe(false);
    expect(r.git('branch', '--list', 'lanes/*')).toBe('');
    expect((await listLanes(lanes)).lanes).toEqual([]);
    expect((await readPlan(lanes.store)).tasks.t1?.status).toBe('planned');
  });

  it('a setup timeout rolls back too', async () => {
    const r = await lanesRepo({
      config: { setup: [{ name: 'slow', command: [node, '-e', 'setInterval(() => {}, 1000)'], timeout_seconds: 0.3 }] },
    });
    const lanes = await r.open();
    const e = await startLane(lanes, { task_id: 't1', owner: 'o' }).catch((x: unknown) => x);
    expect((e as Error).message).toMatch(/timed out after 0.3 s/);
    expect(fs.existsSync(lanePath(r, 't1'))).toBe(false);
  });

  it('a failed setup that changed tracked files keeps the lane (marked broken) instead of deleting work', async () => {
    const r = await lanesRepo({
      config: {
        setup: [{ name: 'rewrite', command: [node, '-e', 'require("fs").writeFileSync("README.md", "rewritten"); process.exit(1)'] }],
      },
    });
    const lanes = await r.open();
    const e = await startLane(lanes, { task_id: 't1', owner: 'o' }).catch((x: unknown) => x);
    expect((e as Error).message).toMatch(/half-made lane was kept.*README\.md/s);
    const list = await listLanes(lanes);
    expect(list.lanes[0]).toMatchObject({ task_id: 't1', state: 'broken', dirty: ['M README.md'] });
    expect((await readPlan(lanes.store)).tasks.t1?.status).toBe('planned');
    // Starting again says why not; a human's forced removal keeps a backup of the change.
    await expect(startLane(lanes, { task_id: 't1', owner: 'o' })).rejects.toThrow(/broken lane/);
    const out = await removeLane(lanes, { task_id: 't1', force: true });
    expect(out.backup_refs.some((ref) => ref.endsWith('-stash'))).toBe(true);
  });
});
