import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { runCommand } from '../../src/system/command.js';
import { killGroupsMarked, releaseGroup, spawnGroup, stopGroup, trackedGroups } from '../../src/system/process-group.js';
import { spawnAgent } from '../../src/core/run/spawn.js';
import { pidAlive } from '../../src/state/pid.js';
import { tempDir } from '../helpers/repo.js';

// pidAlive, not kill(pid, 0): a killed grandchild stays a zombie until init reaps it (seconds here).
const alive = pidAlive;

/** Waits for a condition with a generous deadline (a loaded 2-core machine); never a fixed sleep. */
async function until(cond: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

// A parent that starts a grandchild in its own (inherited) process group, writes the grandchild's
// pid, then waits. A shell and sleep rather than node: four node processes cost seconds under load.
// `trap '' TERM` makes both ignore SIGTERM (an ignored signal stays ignored across exec).
const parentWithGrandchild = (pidFile: string, ignoreTerm = false) => [
  '-c',
  `${ignoreTerm ? "trap '' TERM; " : ''}sleep 600 & echo $! > "$0"; wait`,
  pidFile,
];

const grandchildOf = async (pidFile: string) => {
  await until(() => fs.existsSync(pidFile) && fs.readFileSync(pidFile, 'utf8').endsWith('\n'), 'the grandchild pid');
  return Number(fs.readFileSync(pidFile, 'utf8'));
};

describe('process groups', () => {
  it('a spawned group is recorded under its kind until released; releasing kills what is left in it', async () => {
    const cwd = tempDir();
    const pidFile = path.join(cwd, 'gc.pid');
    const child = spawnGroup('/bin/sh', parentWithGrandchild(pidFile), { cwd, env: process.env, kind: 'test-a' });
    const exited = new Promise((r) => child.once('exit', r));
    const pid = child.pid!;
    expect(trackedGroups('test-a')).toEqual([pid]);
    expect(trackedGroups('test-b')).toEqual([]);
    const gc = await grandchildOf(pidFile);
    releaseGroup(pid);
    expect(trackedGroups('test-a')).toEqual([]);
    await exited;
    await until(() => !alive(gc), 'the grandchild to be killed with its group');
  });

  it('stopGroup asks with SIGTERM and ends a group that ignores it with SIGKILL after the grace period', async () => {
    const cwd = tempDir();
    const pidFile = path.join(cwd, 'gc.pid');
    const child = spawnGroup('/bin/sh', parentWithGrandchild(pidFile, true), { cwd, env: process.env, kind: 'test-stop' });
    const exited = new Promise<NodeJS.Signals | null>((r) => child.once('exit', (_code, signal) => r(signal)));
    const gc = await grandchildOf(pidFile);
    expect(await stopGroup(child.pid!, exited, 300)).toBe('SIGKILL');
    await until(() => !alive(gc), 'the grandchild to be killed with its group');
    releaseGroup(child.pid!);
  });

  it('killGroupsMarked ends the groups whose processes carry the mark, and no other', async () => {
    const cwd = tempDir();
    const mark = `LANES_TEST_MARK=${process.pid}-${Date.now()}`;
    const [k, v] = mark.split('=') as [string, string];
    const marked = spawnGroup('/bin/sh', parentWithGrandchild(path.join(cwd, 'm.pid')), {
      cwd,
      env: { ...process.env, [k]: v },
      kind: 'test-mark',
    });
    const plain = spawnGroup('/bin/sh', parentWithGrandchild(path.join(cwd, 'p.pid')), {
      cwd,
      env: process.env,
      kind: 'test-mark',
    });
    const markedGc = await grandchildOf(path.join(cwd, 'm.pid'));
    const plainGc = await grandchildOf(path.join(cwd, 'p.pid'));
    expect(killGroupsMarked(mark)).toBe(1);
    await until(() => !alive(markedGc) && marked.exitCode === null && marked.signalCode !== null, 'the marked group to end');
    expect(alive(plainGc)).toBe(true);
    expect(plain.exitCode).toBeNull();
    releaseGroup(marked.pid!);
    releaseGroup(plain.pid!);
    await until(() => !alive(plainGc), 'the unmarked group to be released');
  });

  it('gates and agents are reaped by the same registry: each is recorded under its own kind while it runs', async () => {
    const cwd = tempDir();
    let gatePid = 0;
    let during: { command: number[]; agent: number[] } | undefined;
    const agent = spawnAgent([process.execPath, '-e', 'setInterval(() => {}, 1000)'], { cwd, env: {} });
    const gate = await runCommand([process.execPath, '-e', ''], {
      cwd,
      onSpawn: (pgid) => {
        gatePid = pgid;
        during = { command: trackedGroups('command'), agent: trackedGroups('agent') };
      },
    });
    expect(gate.exitCode).toBe(0);
    expect(during).toEqual({ command: [gatePid], agent: [agent.pid] });
    expect(trackedGroups('command')).toEqual([]);
    await agent.stop(5000);
    expect(trackedGroups('agent')).toEqual([]);
  });
});
