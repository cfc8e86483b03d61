import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StateStore } from '../../src/state/store.js';
import { tempDir } from '../helpers/repo.js';
import { expectClean, lastJson, runChild } from './helpers.js';

describe('Journal', () => {
  it('begin / step / done', async () => {
    const dir = path.join(tempDir(), 'lanes');
    const { journal } = await StateStore.open(dir);
    const e = await journal.begin('merge', { task: 'api' });
    expect(e.record).toMatchObject({ op: 'merge', pid: process.pid, step: 'begin', data: { task: 'api' } });
    await e.step('integrate', { sha: 'abc' });
    await e.step('gate');
    const [rec] = await journal.list();
    expect(rec).toMatchObject({ id: e.id, step: 'gate', data: { task: 'api', sha: 'abc' } });
    expect(fs.statSync(path.join(dir, 'journal', `${e.id}.json`)).mode & 0o777).toBe(0o600);
    expect(await journal.orphans()).toEqual([]); // we are alive
    await e.done();
    expect(await journal.list()).toEqual([]);
    expectClean(dir);
  });

  it('a record its own living process abandoned is an orphan; adopting it makes it worked on again', async () => {
    const dir = path.join(tempDir(), 'lanes');
    const { journal } = await StateStore.open(dir);
    const busy = await journal.begin('start_task', { task: 'busy' });
    const left = await journal.begin('start_task', { task: 'left' });
    left.abandon();
    expect((await journal.orphans()).map((r) => r.data.task)).toEqual(['left']);
    const again = await journal.adopt((await journal.orphans())[0]!);
    expect(await journal.orphans()).toEqual([]);
    await again.done();
    await busy.done();
    expect(await journal.list()).toEqual([]);
    expectClean(dir);
  });

  it('orphans() reports the record of a SIGKILLed process; adopt + done clears it', async () => {
    const dir = path.join(tempDir(), 'lanes');
    const { journal } = await StateStore.open(dir);
    const mine = await journal.begin('merge', {});
    const r = await runChild('journal', { dir });
    expect(r.signal).toBe('SIGKILL');
    const { id } = lastJson(String(r.stdout));
    const orphans = await journal.orphans();
    expect(orphans).toHaveLength(1);
    expect(orphans[0]).toMatchObject({ id, op: 'start_task', step: 'worktree', data: { task: 'api-auth', branch: 'lanes/api-auth' } });
    expect((await journal.list()).map((x) => x.id).sort()).toEqual([id, mine.id].sort());
    const adopted = await journal.adopt(orphans[0]!);
    expect(await journal.orphans()).toEqual([]);
    await adopted.done();
    await mine.done();
    expect(await journal.list()).toEqual([]);
    expectClean(dir);
  });

  it('an unreadable record is moved aside, not dropped silently', async () => {
    const dir = path.join(tempDir(), 'lanes');
    const { journal } = await StateStore.open(dir);
    fs.mkdirSync(journal.dir, { recursive: true });
    fs.writeFileSync(path.join(journal.dir, 'x.json'), '{"id":');
    expect(await journal.list()).toEqual([]);
    expect(fs.readdirSync(journal.dir)).toEqual([expect.stringMatching(/^x\.json\.corrupt-/)]);
  });
});

describe('pidAlive', () => {
  it('says a zombie (exited, not yet reaped) is dead, and a live process alive', async () => {
    const { pidAlive } = await import('../../src/state/pid.js');
    const { spawn } = await import('node:child_process');
    expect(pidAlive(process.pid)).toBe(true);
    // A child that exits while we do not reap it yet: Node reaps on its own event loop turn, so
    // block the loop briefly with a synchronous wait after the child has exited.
    const child = spawn('sh', ['-c', 'exit 0'], { stdio: 'ignore' });
    const pid = child.pid!;
    const end = Date.now() + 2000;
    let zombieSeen = false;
    while (Date.now() < end) {
      const fs = await import('node:fs');
      let stat = '';
      try {
        stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        break;
      }
      if (stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z') {
        zombieSeen = true;
        expect(pidAlive(pid)).toBe(false);
        break;
      }
    }
    await new Promise((r) => child.on('exit', r));
    if (!zombieSeen) expect(pidAlive(pid)).toBe(false);
  });
});
