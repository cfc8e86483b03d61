/**
 * Done-when on a real project: zod's own sources and its own vitest suite (the npm package ships
 * both; vitest is already a devDependency of Lanes, so nothing is fetched), copied at test time into
 * a repository with a short history, under a path with a dot segment on purpose. Its `setup`
 * links Lanes' installed node_modules into the checkout (a link, not an install: the tests must not
 * need the network), its own test command (`npm test` = `vitest run`) is the gate. Three tasks in
 * three lanes: the two good ones land, the red one goes back with vitest's own summary and first
 * failure in the reason.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { openProject } from '../../../src/core/project/project.js';
import { startLane } from '../../../src/core/lanes/start.js';
import { readCheckouts } from '../../../src/core/merge/checkout.js';
import { processMergeQueue, queueMerge } from '../../../src/core/merge/index.js';
import { readGateLog } from '../../../src/core/merge/logs.js';
import { readPlan, storePlan } from '../../../src/core/plan/tasks.js';
import { tempDir } from '../../helpers/repo.js';
import { execFileSync } from 'node:child_process';
import { expectMergeClean, removeCheckoutsOf } from './helpers.js';

const require = createRequire(import.meta.url);
const ZOD = path.dirname(require.resolve('zod/package.json'));
const NODE_MODULES = path.dirname(ZOD);
const TESTS = ['number', 'string', 'array', 'enum', 'object'];

function copyDir(from: string, to: string, skip: (rel: string) => boolean, rel = ''): void {
  fs.mkdirSync(path.join(to, rel), { recursive: true });
  for (const e of fs.readdirSync(path.join(from, rel), { withFileTypes: true })) {
    const r = path.join(rel, e.name);
    if (skip(r)) continue;
    if (e.isDirectory()) {
      fs.mkdirSync(path.join(to, r), { recursive: true });
      copyDir(from, to, skip, r);
    } else if (e.isFile()) fs.copyFileSync(path.join(from, r), path.join(to, r));
  }
}

describe('the merge queue on a real project (zod and its own vitest suite)', () => {
  it("lands the two good lanes and sends the red one back with the test runner's summary", { timeout: 240_000 }, async () => {
    // A dot segment above the repository, as in ~/.projects/x: lanes and old gate checkouts sat under one.
    const dir = path.join(tempDir(), '.work', 'zod');
    fs.mkdirSync(dir, { recursive: true });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
    const commit = (msg: string) => {
      git('add', '-A');
      git('commit', '-q', '-m', msg);
    };
    try {
      git('init', '-q', '-b', 'main');
      git('config', 'commit.gpgsign', 'false');
      // History: the core, then the classic API and its tests, then the tooling.
      const inTests = (r: string) => r.split(path.sep).includes('tests');
      copyDir(
        path.join(ZOD, 'src'),
        path.join(dir, 'src'),
        (r) => r.startsWith(`v4${path.sep}classic`) || r.startsWith('v3') || inTests(r),
      );
      fs.writeFileSync(path.join(dir, '.gitignore'), 'node_modules\n');
      commit('zod core');
      // Five of zod's own test files: enough to catch a real regression, quick enough for CI.
      const keepTest = (r: string) => r === 'tests' || TESTS.some((t) => r === path.join('tests', `${t}.test.ts`));
      copyDir(path.join(ZOD, 'src', 'v4', 'classic'), path.join(dir, 'src', 'v4', 'classic'), (r) => inTests(r) && !keepTest(r));
      commit('zod classic API and its tests');
      fs.writeFileSync(
        path.join(dir, 'package.json'),
        `${JSON.stringify({ name: 'zod', private: true, type: 'module', scripts: { test: 'vitest run' }, devDependencies: { vitest: '*' } }, null, 2)}\n`,
      );
      fs.writeFileSync(
        path.join(dir, 'vitest.config.mjs'),
        `import path from 'node:path';\nexport default {\n  resolve: { alias: [{ find: /^zod\\/v4$/, replacement: path.resolve(import.meta.dirname, 'src/v4/index.ts') }] },\n  test: { include: ['src/v4/classic/tests/*.test.ts'], watch: false },\n};\n`,
      );
      const link = `require('fs').symlinkSync(${JSON.stringify(NODE_MODULES)}, 'node_modules')`;
      const config = {
        gates: [{ name: 'test', command: ['npm', 'test'], timeout_seconds: 180 }],
        setup: [{ name: 'deps', command: [process.execPath, '-e', link], timeout_seconds: 60, when_changed: ['package.json'] }],
      };
      fs.mkdirSync(path.join(dir, '.lanes'));
      fs.writeFileSync(path.join(dir, '.lanes', 'config.json'), JSON.stringify(config, null, 2));
      commit('tooling: vitest, lanes config');

      const project = await openProject(dir);
      await storePlan(
        project.store,
        [
          { id: 'docs', title: 'document email', files: ['src/v4/core/regexes.ts'] },
          { id: 'number-test', title: 'a test for int', files: ['src/v4/classic/tests/number.test.ts'] },
          { id: 'tld', title: 'stricter email', files: ['src/v4/core/schemas.ts'] },
        ],
        { parallelism: 3 },
      );
      const edit = (task: string, rel: string, fn: (s: string) => string) => {
        const wt = path.join(dir, '.claude', 'worktrees', task);
        const f = path.join(wt, rel);
        const before = fs.readFileSync(f, 'utf8');
        const after = fn(before);
        expect(after).not.toBe(before);
        fs.writeFileSync(f, after);
        execFileSync('git', ['-C', wt, 'commit', '-q', '-am', task]);
      };
      for (const t of ['docs', 'number-test', 'tld']) await startLane(await openProject(dir), { task_id: t, owner: `agent-${t}` });
      edit('docs', 'src/v4/core/regexes.ts', (s) =>
        s.replace('/** Practical email validation */', '/** Practical email validation (documented by the docs lane) */'),
      );
      edit(
        'number-test',
        'src/v4/classic/tests/number.test.ts',
        (s) => `${s}\ntest("int accepts 3", () => {\n  expect(z.int().parse(3)).toBe(3);\n});\n`,
      );
      // The red lane: a change in a file the good lanes do not touch, which zod's own email tests catch.
      edit('tld', 'src/v4/core/schemas.ts', (s) =>
        s.replace('def.pattern ??= regexes.email;', 'def.pattern ??= /^[a-z]+@[a-z]+\\.[a-z]{9,}$/;'),
      );

      for (const t of ['docs', 'number-test', 'tld']) await queueMerge(await openProject(dir), { task_id: t });
      const res = await processMergeQueue(await openProject(dir));
      expect(res.landed.map((l) => l.task)).toEqual(['docs', 'number-test']);
      expect(res.failed.map((f) => f.task)).toEqual(['tld']);
      const { tasks } = await readPlan((await openProject(dir)).store);
      expect(tasks.docs!.status).toBe('done');
      const note = tasks.tld!.note!;
      expect(note).toMatch(/gate "test" exited with code 1 on tld/);
      expect(note).toMatch(/Summary: .*Tests\s+\d+ failed \| \d+ passed/);
      expect(note).toMatch(/First failure:\n\s*FAIL\s+src\/v4\/classic\/tests\/string\.test\.ts > email validations/);
      // The gate checkout is outside any dot segment; setup ran there once (package.json never changed).
      const [co] = await readCheckouts(await openProject(dir));
      expect(co!.dir.split(path.sep).filter((s) => s.startsWith('.'))).toEqual([]);
      const log = readGateLog((await openProject(dir)).repo, 'tld').text;
      expect(log).toMatch(/setup deps: skipped/);
      expect(git('log', '--format=%s', 'main').split('\n').slice(0, 2)).toEqual([
        'Merge lanes/number-test: a test for int',
        'Merge lanes/docs: document email',
      ]);
      expectMergeClean(dir);
    } finally {
      removeCheckoutsOf(dir);
      fs.rmSync(path.dirname(path.dirname(dir)), { recursive: true, force: true });
    }
  });
});
