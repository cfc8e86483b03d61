import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { listClaims } from '../../../src/core/claims/api.js';
import { listLanes } from '../../../src/core/lanes/list.js';
import { LANES_DOC } from '../../../src/core/lanes/model.js';
import { recoverOrphans } from '../../../src/core/lanes/recover.js';
import { startLane } from '../../../src/core/lanes/start.js';
import { readPlan } from '../../../src/core/plan/tasks.js';
import { pidAlive } from '../../../src/state/index.js';
import { spawnChild } from '../../helpers/child.js';
import { tempDir } from '../../helpers/repo.js';
import { lanePath, lanesRepo } from './helpers.js';

const CHILD = path.join(import.meta.dirname, 'children', 'lanes-child.ts');

function running(pid: number): boolean {
  if (!pidAlive(pid)) return false;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

const FAILPOINTS = [
  'lanes.start.after-claim',
  'lanes.start.before-checkout',
  'lanes.start.after-worktree',
  'lanes.start.during-setup',
  'lanes.start.before-ready',
];

describe('SIGKILL at every step of start_task, then recovery', () => {
  it.each(FAILPOINTS)('%s: the next command rolls it all back, and the task starts cleanly again', async (fp) => {
    const pidDir = tempDir('lanes-pid-');
    const pidFile = path.join(pidDir, 'setup.pid');
    const r = await lanesRepo({
      tasks: [{ id: 'crashy', files: ['src/**'] }],
      files: { '.gitignore': '.env\n', '.worktreeinclude': '.env\n' },
      config: {
        setup: [
          {
            name: 'serve',
            command: [
              process.execPath,
              '-e',
              'require("fs").writeFileSync(process.env.PIDFILE, String(process.pid)); setTimeout(() => {}, 300)',
            ],
            env: { PIDFILE: pidFile },
          },
        ],
      },
    });
    try {
      r.write('.env', 'SECRET=1\n');
      // during-setup: kill while a (longer) setup command runs, to prove recovery stops it.
      const setupWait = fp === 'lanes.start.during-setup' ? '60000' : '0';
      const cfg = JSON.parse(fs.readFileSync(path.join(r.dir, '.lanes/config.json'), 'utf8'));
      cfg.setup[0].command[2] = cfg.setup[0].command[2].replace('300', setupWait);
      fs.writeFileSync(path.join(r.dir, '.lanes/config.json'), JSON.stringify(cfg));

      const child = await await spawnChild(CHILD, ['start', r.dir, 'crashy', 'session:doomed'], { env: { LANES_FAILPOINT: `${fp}:kill` } });
      expect(child.signal, String(child.stderr)).toBe('SIGKILL');
      r.commits.note();
      const journal = fs.readdirSync(path.join(r.dir, '.git/lanes/journal'));
      expect(journal).toHaveLength(1);
      // The setup command outlives the killed start (its own process group); give it time to say who it is.
      if (fp === 'lanes.start.during-setup')
        for (let i = 0; i < 750 && !(fs.existsSync(pidFile) && fs.statSync(pidFile).size > 0); i++)
          await new Promise((res) => setTimeout(res, 20));
      const setupPid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8')) : undefined;
      if (fp === 'lanes.start.during-setup') expect(setupPid !== undefined && running(setupPid)).toBe(true);

      const lanes = await r.open();
      const reports = await recoverOrphans(lanes);
      expect(reports, JSON.stringify(reports)).toEqual([expect.objectContaining({ task: 'crashy', outcome: 'rolled_back' })]);
      expect(reports[0]?.kept).toBeUndefined();
      if (setupPid !== undefined && fp === 'lanes.start.during-setup') {
        for (let i = 0; i < 500 && running(setupPid); i++) await new Promise((res) => setTimeout(res, 20));
        expect(running(setupPid)).toBe(false);
      }
      expect(fs.existsSync(lanePath(r, 'crashy'))).toBe(false);
      expect(r.git('branch', '--list', 'lanes/*')).toBe('');
      expect(r.git('worktree', 'list', '--porcelain')).not.toContain('crashy');
      expect((await listLanes(lanes)).lanes).toEqual([]);
      expect(await listClaims(lanes.store)).toEqual([]);
      expect((await readPlan(lanes.store)).tasks.crashy).toMatchObject({ status: 'planned' });
      expect(fs.readdirSync(path.join(r.dir, '.git/lanes/journal'))).toEqual([]);

      cfg.setup[0].command[2] = cfg.setup[0].command[2].replace(setupWait, '0');
      fs.writeFileSync(path.join(r.dir, '.lanes/config.json'), JSON.stringify(cfg));
      const again = await startLane(await r.open(), { task_id: 'crashy', owner: 'session:next' });
      expect(again).toMatchObject({ branch: 'lanes/crashy', claims: ['src/**'], included: ['.env'] });
    } finally {
      fs.rmSync(pidDir, { recursive: true, force: true });
    }
  });

  it('a crash after the lane became ready is finished, not rolled back', async () => {
    const r = await lanesRepo({ tasks: [{ id: 'late' }] });
    // A kill right after the ready commit, before the journal record is closed, looks like this:
    const lanes = await r.open();
    const out = await startLane(lanes, { task_id: 'late', owner: 'o' });
    const rec = (await lanes.store.read(LANES_DOC)).data.late!;
    const journalDir = path.join(r.dir, '.git/lanes/journal');
    fs.mkdirSync(journalDir, { recursive: true });
    const dead = 2 ** 22 + 12345; // beyond pid_max on most systems: never alive
    fs.writeFileSync(
      path.join(journalDir, `x-${dead}-abc.json`),
      JSON.stringify({
        id: `x-${dead}-abc`,
        op: 'lanes.start',
        pid: dead,
        host: (await import('node:os')).hostname(),
        startedAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
        step: 'ready',
        data: { task: 'late', owner: 'o', token: rec.token, path: out.path, branch: out.branch, base: out.base },
      }),
    );
    const reports = await recoverOrphans(lanes);
    expect(reports).toEqual([expect.objectContaining({ task: 'late', outcome: 'finished' })]);
    expect(fs.existsSync(out.path)).toBe(true);
    expect((await listLanes(lanes)).lanes[0]).toMatchObject({ task_id: 'late', state: 'ready' });
  });
});
