/** `lanes demo` (`npm run demo`) end to end from the built bundle. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { lanes } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/repo.js';

it('creates the sample repository, runs its eight tasks in parallel lanes through the gates, and prints the report', async () => {
  const root = tempDir('lanes-demo-test-');
  const dir = path.join(root, 'sample');
  try {
    const r = await lanes(root, ['demo', '--dir', dir, '--unit-ms', '150']);
    expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(r.stdout).toContain(`Sample repository: ${dir}`);
    expect(r.stdout).toMatch(/Plan: 8 tasks in 3 waves/);
    expect(r.stdout).toMatch(/login-page <-> signup-page: src\/ui\/router\.js/);
    expect(r.stdout).toMatch(/Run \S+ finished: 8 of 8 tasks landed on main\./);
    expect(r.stdout).toMatch(/speedup [\d.]+x at parallelism 3/);
    expect(r.stdout).toContain('Where to look:');
    // Real merges on main, one per task, and the sample's test suite (the gate) passes there.
    const merges = execFileSync('git', ['log', '--first-parent', '--format=%s', 'main'], { cwd: dir, encoding: 'utf8' }).trim().split('\n');
    expect(merges.filter((m) => m.startsWith('Merge lanes/'))).toHaveLength(8);
    execFileSync('node', ['scripts/test.mjs'], { cwd: dir, stdio: 'pipe' });
    // The conflicting pair landed one after the other, both routes present.
    const router = fs.readFileSync(path.join(dir, 'src/ui/router.js'), 'utf8');
    expect(router).toContain("routes.set('/login', loginPage)");
    expect(router).toContain("routes.set('/signup', signupPage)");
    const report = /^ {2}run report +(\S+\.md)$/m.exec(r.stdout)![1]!;
    expect(fs.readFileSync(report, 'utf8')).toMatch(/tasks: 8 landed, 0 blocked/);
    // Nothing is left behind: no lanes, a clean main checkout.
    // (The merge queue keeps one gate checkout per target, outside the repository, for the next run.)
    const worktrees = execFileSync('git', ['worktree', 'list', '--porcelain'], { cwd: dir, encoding: 'utf8' })
      .split('\n')
      .filter((l) => l.startsWith('worktree '))
      .map((l) => l.slice('worktree '.length));
    expect(
      worktrees.filter((w) => w !== fs.realpathSync(dir) && !path.relative(fs.realpathSync(os.tmpdir()), w).match(/^lanes-\d+\//)),
    ).toEqual([]);
    expect(execFileSync('git', ['status', '--porcelain'], { cwd: dir, encoding: 'utf8' })).toBe('');
    // A second demo into the same (now non-empty) directory is refused.
    const again = await lanes(root, ['demo', '--dir', dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/is not empty/);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
