import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { runCommand } from '../../src/system/command.js';
import { pidAlive } from '../../src/state/pid.js';
import { tempDir } from '../helpers/repo.js';

// pidAlive, not kill(pid, 0): a killed grandchild stays a zombie until init reaps it (seconds here).
const alive = pidAlive;

async function gone(pid: number, ms = 20_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return !alive(pid);
}

// A parent that starts a grandchild in its own (inherited) process group, writes its pid, then waits.
const spawnGrandchild = (pidFile: string, parentExits: boolean) =>
  `const cp = require('node:child_process');
   const g = cp.spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
   require('node:fs').writeFileSync(${JSON.stringify(pidFile)}, String(g.pid));
   console.log('started', g.pid);
   ${parentExits ? 'process.exit(0)' : 'setInterval(() => {}, 1000)'}`;

describe('runCommand', () => {
  it('runs argv without a shell and reports exit code and interleaved output', async () => {
    const cwd = tempDir();
    const r = await runCommand(['node', '-e', 'console.log("out $(echo hi)"); console.error("err"); process.exit(3)'], { cwd });
    expect(r.exitCode).toBe(3);
    expect(r.signal).toBeNull();
    expect(r.timedOut).toBe(false);
    expect(r.output).toContain('out $(echo hi)');
    expect(r.output).toContain('err');
    expect(r.durationMs).toBeGreaterThan(0);
    const env = await runCommand(['node', '-e', 'process.stdout.write(process.env.FOO + " " + process.cwd())'], {
      cwd,
      env: { FOO: 'bar' },
    });
    expect(env.output).toBe(`bar ${cwd}`);
  });

  it('a timeout kills the whole process group: no grandchild survives', async () => {
    const cwd = tempDir();
    const pidFile = path.join(cwd, 'gc.pid');
    const r = await runCommand(['node', '-e', spawnGrandchild(pidFile, false)], { cwd, timeoutMs: 1500 });
    expect(r.timedOut).toBe(true);
    expect(r.exitCode).toBeNull();
    expect(r.signal).toBe('SIGKILL');
    expect(r.output).toContain('started');
    const gc = Number(fs.readFileSync(pidFile, 'utf8'));
    expect(gc).toBeGreaterThan(1);
    expect(await gone(gc)).toBe(true);
  });

  it('a grandchild left running after the command exits is killed too, without waiting for it', async () => {
    const cwd = tempDir();
    const pidFile = path.join(cwd, 'gc.pid');
    const t0 = Date.now();
    const r = await runCommand(['node', '-e', spawnGrandchild(pidFile, true)], { cwd, timeoutMs: 20_000 });
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(r.exitCode).toBe(0);
    expect(r.timedOut).toBe(false);
    expect(await gone(Number(fs.readFileSync(pidFile, 'utf8')))).toBe(true);
  });

  it('caps the output to its tail', async () => {
    const cwd = tempDir();
    const r = await runCommand(['node', '-e', 'for (let i = 0; i < 20000; i++) console.log("line " + i)'], { cwd, maxOutputBytes: 1000 });
    expect(r.exitCode).toBe(0);
    expect(r.output).toMatch(/^\[\.\.\. \d+ earlier bytes dropped \.\.\.\]\n/);
    expect(r.output).toContain('line 19999');
    expect(r.output).not.toContain('line 1\n');
    expect(Buffer.byteLength(r.output)).toBeLessThan(1100);
  });

  it('a program that does not exist is a result, not a throw', async () => {
    const r = await runCommand(['lanes-no-such-program-xyz'], { cwd: tempDir() });
    expect(r.exitCode).toBeNull();
    expect(r.error).toBeTruthy();
    expect(r.output).toMatch(/could not run lanes-no-such-program-xyz/);
  });

  it('onSpawn gets the process group id while the command runs', async () => {
    const cwd = tempDir();
    let seen = 0;
    const r = await runCommand(['node', '-e', 'console.log(process.pid)'], { cwd, onSpawn: (pgid) => void (seen = pgid) });
    expect(seen).toBe(Number(r.output.trim()));
  });
});
