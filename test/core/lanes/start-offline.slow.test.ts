// A start cut short while the remote holding shared state goes away, in a process that lives on
// (a run): its rollback cannot finish, and the next start of the same task in that same process
// waits for the remote (OFFLINE, not a conflict with itself), then rolls it back and starts.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isLanesError, LanesError } from '../../../src/errors.js';
import { storePlan } from '../../../src/core/plan/tasks.js';
import { LANES_DOC } from '../../../src/core/lanes/model.js';
import { openProject } from '../../../src/core/project/project.js';
import { enableRemote } from '../../../src/core/remote/enable.js';
import { startLane } from '../../../src/core/lanes/start.js';
import { seedMachines } from '../remote/helpers.js';

let cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  delete process.env.LANES_FAILPOINT;
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

async function until(what: string, ok: () => boolean): Promise<void> {
  const t0 = Date.now();
  while (!ok()) {
    if (Date.now() - t0 > 60_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('a start cut short by the remote going away', () => {
  it('is rolled back by the next start in the same process once the remote answers', async () => {
    const { server, ms } = await seedMachines(1, 'so', { 'src/a.js': 'export const a = 1;\n' });
    cleanups.push(() => server.cleanup());
    cleanups.push(() => ms[0]!.cleanup());
    const dir = ms[0]!.dir;
    await enableRemote(await openProject(dir), 'origin');
    const project = await openProject(dir);
    expect(project.store.shared).toBeTruthy();
    await storePlan(project.store, [{ id: 't1', title: 'task t1', files: ['src/a.js'] }], { parallelism: 2 });

    // The claim goes through; the remote goes away before the scope is claimed.
    const gate = path.join(dir, '..', 'gate');
    process.env.LANES_FAILPOINT = `lanes.start.before-checkout:pause:${gate}`;
    const first = startLane(project, { task_id: 't1', owner: 'run:test' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    await until('the start to reach the checkout', () => fs.existsSync(`${gate}.reached`));
    await server.stop();
    fs.writeFileSync(gate, '');
    const e1 = await first;
    expect(isLanesError(e1, 'OFFLINE'), String(e1)).toBe(true);
    expect((e1 as LanesError).message).toMatch(/Rolling back also failed/);
    delete process.env.LANES_FAILPOINT;
    // The half-made start is still recorded; the same process starting it again is told to wait.
    expect((await project.store.read(LANES_DOC)).data.t1?.state).toBe('starting');
    const e2 = await startLane(project, { task_id: 't1', owner: 'run:test' }).catch((e: unknown) => e);
    expect(isLanesError(e2, 'OFFLINE'), String(e2)).toBe(true);
    expect((e2 as LanesError).message).toMatch(/earlier start of task "t1" was cut short/);

    await server.start();
    const r = await startLane(project, { task_id: 't1', owner: 'run:test' });
    expect(r.existing).toBe(false);
    expect((await project.store.read(LANES_DOC)).data.t1?.state).toBe('ready');
    expect(fs.existsSync(path.join(r.path, 'src/a.js'))).toBe(true);
    expect(await project.store.journal.list()).toEqual([]);
  }, 120_000);
});
