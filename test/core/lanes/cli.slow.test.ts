import { afterEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { cli, commitIn, lanesRepo } from './helpers.js';

afterEach(() => vi.restoreAllMocks());

describe('lanes CLI commands', () => {
  it('start, list / ls, remove (refused, then --force with backups), gc, all with --json', async () => {
    const r = await lanesRepo({ tasks: [{ id: 'api' }, { id: 'docs' }] });
    const s = await cli(r.dir, ['start', 'api', '--json']);
    expect(s.code, s.stderr).toBe(0);
    const started = JSON.parse(s.stdout);
    expect(started).toMatchObject({ task_id: 'api', branch: 'lanes/api', owner: expect.stringMatching(/^cli:[^:@]+@[^:]+$/) });
    const text = await cli(r.dir, ['start', 'docs', '--owner', 'me']);
    expect(text.stdout).toMatch(/Lane ready for docs\n\s+path\s+\S+docs/);

    const ls = await cli(r.dir, ['ls']);
    expect(ls.stdout).toMatch(/^TASK\s+STATE\s+OWNER\s+VS main\s+TREE\s+ACTIVE\s+PATH/);
    expect(ls.stdout).toMatch(/api\s+ready\s+cli:\S+\s+\+0\/-0\s+clean/);
    expect(JSON.parse((await cli(r.dir, ['list', '--json'])).stdout).lanes).toHaveLength(2);

    const sha = commitIn(started.path, 'x.txt', 'x\n', 'unlanded', r.git);
    r.commits.note();
    const refused = await cli(r.dir, ['remove', 'api']);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toMatch(/Refusing to remove.*\n.*unlanded/);
    const forced = await cli(r.dir, ['remove', 'api', '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toMatch(
      /kept refs\/lanes\/backup\/api\/\S+ \(recreate the branch with: git branch lanes\/api refs\/lanes\/backup/,
    );
    expect(r.git('for-each-ref', '--format=%(objectname)', 'refs/lanes/backup/api/')).toBe(sha);
    expect(fs.existsSync(started.path)).toBe(false);

    const bad = await cli(r.dir, ['start', '../../x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Invalid task id/);

    // docs belongs to the live owner "me": another owner is refused, "me" may remove it.
    const notMine = await cli(r.dir, ['remove', 'docs']);
    expect(notMine.code).toBe(3);
    expect(notMine.stderr).toMatch(/belongs to me, whose lease ends at/);
    expect((await cli(r.dir, ['remove', 'docs', '--owner', 'me'])).code).toBe(0);
    const gc = await cli(r.dir, ['gc', '--json']);
    expect(gc.code, gc.stderr).toBe(0);
    expect(JSON.parse(gc.stdout)).toMatchObject({ removed: [], kept: [] });
    expect(fs.existsSync(path.join(r.dir, '.claude/worktrees/docs'))).toBe(false);
  });
});
