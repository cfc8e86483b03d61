/**
 * --dry-run for `lanes gc`, `lanes remove` and `lanes merge run`: it says what would happen and
 * changes nothing on disk — refs, worktrees and every state file stay byte for byte the same.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProject } from '../../src/core/project/project.js';
import { startLane } from '../../src/core/lanes/start.js';
import { storePlan, updateTask } from '../../src/core/plan/tasks.js';
import { lanes } from '../helpers/cli.js';
import { makeRepo, type TestRepo } from '../helpers/repo.js';

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)]));
}

describe('--dry-run changes nothing', () => {
  let r: TestRepo;
  let snapshot: () => string;
  beforeAll(async () => {
    r = makeRepo({ files: { 'README.md': '# demo\n', '.lanes/config.json': JSON.stringify({ gates: [] }) } });
    const p = await openProject(r.dir);
    await storePlan(
      p.store,
      [
        { id: 'api', title: 'API', files: ['api.ts'] },
        { id: 'web', title: 'Web', files: ['web.ts'] },
        { id: 'old', title: 'Old' },
      ],
      { parallelism: 3 },
    );
    for (const [task, owner] of [
      ['api', 'agent-api'],
      ['web', 'agent-web'],
      ['old', 'agent-old'],
    ] as const)
      await startLane(p, { task_id: task, owner });
    // old: nothing in it and its task done — what gc removes. web: a commit, queued for landing.
    await updateTask(p.store, { id: 'old', status: 'done', force: true });
    const web = path.join(r.dir, '.claude', 'worktrees', 'web');
    fs.writeFileSync(path.join(web, 'web.ts'), 'export {};\n');
    r.git('-C', web, 'add', '-A');
    r.git('-C', web, 'commit', '-q', '-m', 'web');
    const q = await lanes(r.dir, ['merge', 'queue', 'web']);
    expect(q.code).toBe(0);
    const stateDir = p.repo.stateDir;
    snapshot = () => {
      const refs = r.git('for-each-ref', '--format=%(refname) %(objectname)');
      const worktrees = r.git('worktree', 'list', '--porcelain');
      const state = walk(stateDir)
        .filter((f) => !f.endsWith('.lock'))
        .sort()
        .map((f) => `${path.relative(stateDir, f)} ${crypto.createHash('sha1').update(fs.readFileSync(f)).digest('hex')}`);
      return [refs, worktrees, ...state].join('\n');
    };
  }, 90_000);
  afterAll(() => r?.cleanup());

  it('lanes gc --dry-run names what it would remove', async () => {
    const before = snapshot();
    const text = await lanes(r.dir, ['gc', '--dry-run']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Would remove 1 lane(s)');
    expect(text.stdout).toContain('would remove old');
    expect(text.stdout).toContain('nothing was changed');
    const json = await lanes(r.dir, ['gc', '-n', '--json']);
    const res = JSON.parse(json.stdout) as { dry_run: boolean; removed: Array<{ task_id: string }>; kept: Array<{ task_id?: string }> };
    expect(res.dry_run).toBe(true);
    expect(res.removed.map((x) => x.task_id)).toEqual(['old']);
    expect(res.kept.map((x) => x.task_id)).toEqual(expect.arrayContaining(['api', 'web']));
    expect(snapshot()).toBe(before);
    expect(fs.existsSync(path.join(r.dir, '.claude', 'worktrees', 'old'))).toBe(true);
  });

  it('lanes remove --dry-run: the same refusals, and with --force the backups it would keep', async () => {
    const before = snapshot();
    const ok = await lanes(r.dir, ['remove', 'old', '--dry-run']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Would remove the lane of old');
    const refused = await lanes(r.dir, ['remove', 'web', '--dry-run'], { env: { LANES_OWNER: 'agent-web' } });
    expect(refused.code).toBe(4);
    const forced = await lanes(r.dir, ['remove', 'web', '--dry-run', '--force', '--json']);
    expect(forced.code).toBe(0);
    const f = JSON.parse(forced.stdout) as { dry_run: boolean; backup_refs: string[]; deleted_branch: boolean };
    expect(f.dry_run).toBe(true);
    expect(f.deleted_branch).toBe(true);
    expect(f.backup_refs.some((x) => x.startsWith('refs/lanes/backup/web/'))).toBe(true);
    expect(snapshot()).toBe(before);
    expect(r.git('for-each-ref', 'refs/lanes/backup/')).toBe('');
  });

  it('lanes merge run --dry-run says what would land, and lands nothing', async () => {
    const before = snapshot();
    const main = r.git('rev-parse', 'main');
    const text = await lanes(r.dir, ['merge', 'run', '--dry-run']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Dry run: nothing was changed.');
    expect(text.stdout).toMatch(/batch 1: would land web @ [0-9a-f]{12} \(entry m\d+\): merges cleanly with main now/);
    const json = await lanes(r.dir, ['merge', 'run', '-n', '--json']);
    const plan = JSON.parse(json.stdout) as { dry_run: boolean; would_process: Array<{ task: string; conflicts: string[] }> };
    expect(plan.dry_run).toBe(true);
    expect(plan.would_process).toMatchObject([{ task: 'web', conflicts: [] }]);
    expect(snapshot()).toBe(before);
    expect(r.git('rev-parse', 'main')).toBe(main);
    // The real run does what the dry run said.
    const real = await lanes(r.dir, ['merge', 'run']);
    expect(real.code).toBe(0);
    expect(real.stdout).toContain('Landed web on main');
  });
});
