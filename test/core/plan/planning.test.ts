/** plan_work against a real repository: plain paths that name a file at the target are that file alone. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openProject } from '../../../src/core/project/project.js';
import { planWork } from '../../../src/core/plan/planning.js';
import { filesAt } from '../../../src/git/tree.js';
import { addTask } from '../../../src/core/plan/tasks.js';
import { lanes as cli } from '../../helpers/cli.js';
import { connect } from '../../helpers/mcp.js';
import { makeRepo, tempDir } from '../../helpers/repo.js';

describe('planWork and files at the target', () => {
  it('does not serialize a file with a glob that can only match below it; keeps unknown paths sound', async () => {
    const repo = makeRepo({
      files: { 'README.md': '# r\n', 'test/unit/foo.ts': 'x\n', 'test/unit/a.snap': 's\n', 'tools/run': '#!/bin/sh\n' },
    });
    try {
      repo.git('rm', '-q', '--cached', 'tools/run');
      repo.git('commit', '-q', '-m', 'untrack');
      const project = await openProject(repo.dir);
      const r = await planWork(
        project,
        {
          tasks: [
            { id: 'foo', title: 'Foo', files: ['test/unit/foo.ts'] },
            { id: 'snaps', title: 'Snapshots', files: ['test/**/*.snap'] },
            { id: 'new-file', title: 'New', files: ['src/new.ts'] },
            { id: 'new-snaps', title: 'New snapshots', files: ['src/**/*.snap'] },
            { id: 'unit-dir', title: 'Unit', files: ['test/unit'] },
          ],
        },
        repo.dir,
      );
      const pairs = r.plan.conflicts.map((c) => `${c.a}/${c.b}`);
      // foo.ts is a file on main: nothing can be under it, so only the directory scope meets it.
      expect(pairs).not.toContain('foo/snaps');
      expect(pairs).toContain('foo/unit-dir');
      // src/new.ts does not exist yet: it could still become a directory holding a .snap.
      expect(r.plan.conflicts).toContainEqual(expect.objectContaining({ a: 'new-file', b: 'new-snaps', witness: 'src/new.ts/x.snap' }));
      expect(r.plan.file_scopes).toEqual(['test/unit/foo.ts']);
      expect(r.plan.waves[0]).toEqual(expect.arrayContaining(['foo', 'snaps']));

      // add_task re-checks with the same knowledge.
      const added = await addTask(project.store, { id: 'more', title: 'More', files: ['docs/**'] });
      expect(added.plan.conflicts.map((c) => `${c.a}/${c.b}`)).not.toContain('foo/snaps');
    } finally {
      repo.cleanup();
    }
  });

  it('filesAt: blobs and symlinks are files; directories, submodules, missing paths and a missing ref are not', async () => {
    const repo = makeRepo({ files: { 'a.txt': 'a\n', 'dir/b.txt': 'b\n' } });
    try {
      repo.git('update-index', '--add', '--cacheinfo', `160000,${repo.git('rev-parse', 'HEAD')},sub`);
      fs.symlinkSync('a.txt', path.join(repo.dir, 'link'));
      repo.git('add', 'link');
      repo.git('commit', '-q', '-m', 'sub and link');
      const got = await filesAt(repo.dir, 'refs/heads/main', ['a.txt', 'dir', 'dir/b.txt', 'sub', 'link', 'nope.ts', 'dir/b.txt/x']);
      expect([...got].sort()).toEqual(['a.txt', 'dir/b.txt', 'link']);
      expect((await filesAt(repo.dir, 'refs/heads/none', ['a.txt'])).size).toBe(0);
    } finally {
      repo.cleanup();
    }
  });

  it('lanes plan names a missing or mistyped field in words (exit 2)', async () => {
    const repo = makeRepo();
    const dir = tempDir();
    try {
      const file = path.join(dir, 'tasks.yaml');
      fs.writeFileSync(file, 'tasks:\n  - title: First\n  - id: second\n    title: Second\n    estimate: three\n');
      const r = await cli(repo.dir, ['plan', file]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('tasks[0].id is required (a slug such as "api-auth"');
      expect(r.stderr).toContain('tasks[1].estimate must be a number, got "three" (estimated hours of work, default 1)');
      expect(r.stderr).not.toMatch(/Invalid input|received undefined/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      repo.cleanup();
    }
  });

  it('start_task claims a file scope as that file: both lanes start, and an unknown path still refuses', async () => {
    const repo = makeRepo({ files: { 'README.md': '# r\n', 'test/unit/foo.ts': 'x\n' } });
    const c = await connect(repo.dir);
    try {
      const p = await c.call('plan_work', {
        tasks: [
          { id: 'foo', title: 'Foo', files: ['test/unit/foo.ts'] },
          { id: 'snaps', title: 'Snapshots', files: ['test/**/*.snap'] },
          { id: 'new-file', title: 'New', files: ['src/new.ts'] },
          { id: 'new-snaps', title: 'New snapshots', files: ['src/**/*.snap'] },
        ],
      });
      expect(p.isError, p.text).toBeFalsy();
      for (const t of ['foo', 'snaps', 'new-file']) {
        const s = await c.call('start_lane', { task_id: t, owner: `agent-${t}` });
        expect(s.isError, `${t}: ${s.text}`).toBeFalsy();
      }
      const refused = await c.call('start_lane', { task_id: 'new-snaps', owner: 'agent-x' });
      expect(refused.isError).toBe(true);
      expect(refused.text).toMatch(/^CONFLICT: .*src\/new\.ts/s);
    } finally {
      await c.close();
      repo.cleanup();
    }
  }, 60_000);
});
