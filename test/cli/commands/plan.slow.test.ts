import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { lanes } from '../../helpers/cli.js';
import { makeRepo, tempDir } from '../../helpers/repo.js';

describe('lanes CLI: plan, next, task, status, doctor, demo', () => {
  it('plans the sample tasks file, shows the stored plan, lists ready tasks, claims one', async () => {
    const repo = makeRepo({ files: { 'tasks.yaml': fs.readFileSync('examples/tasks.yaml', 'utf8') } });
    const p = await lanes(repo.dir, ['plan', 'tasks.yaml']);
    expect(p.stderr).toBe('');
    expect(p.code).toBe(0);
    expect(p.stdout).toMatch(/wave 1:/);
    expect(p.stdout).toMatch(/speedup/);
    const j = JSON.parse((await lanes(repo.dir, ['plan', '--json'])).stdout);
    expect(j.plan.tasks.length).toBeGreaterThan(3);
    const next = JSON.parse((await lanes(repo.dir, ['next', '--json'])).stdout);
    expect(next.ready.length).toBeGreaterThan(0);
    const first = next.ready[0].id;
    const set = await lanes(repo.dir, ['task', 'set', first, 'in_progress', '--owner', 'me']);
    expect(set.code).toBe(0);
    const again = await lanes(repo.dir, ['task', 'set', first, 'in_progress', '--owner', 'you']);
    expect(again.code).toBe(3);
    expect(again.stderr).toMatch(/Task "[a-z-]+" belongs to me, whose lease ends at .*you are you/);
    const st = JSON.parse((await lanes(repo.dir, ['status', '--json'])).stdout);
    expect(st.plan.by_status.in_progress).toBe(1);
    expect((await lanes(repo.dir, ['status'])).stdout).toMatch(/wave 1/);
    repo.cleanup();
  });

  it('bad input gets a clear error and an exit code, and stores nothing', async () => {
    const repo = makeRepo({ files: { 'bad.json': JSON.stringify([{ id: 'a', title: 'A', depends_on: ['nope'] }]) } });
    const r = await lanes(repo.dir, ['plan', 'bad.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nope/);
    expect(r.stdout).toBe('');
    const none = await lanes(repo.dir, ['plan']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no plan yet/i);
    const outside = await lanes(tempDir(), ['status']);
    expect(outside.code).toBe(5);
    expect(outside.stderr).toMatch(/not inside a git repository/);
    repo.cleanup();
  });

  it('doctor reports checks', async () => {
    const repo = makeRepo();
    const d = await lanes(repo.dir, ['doctor', '--json']);
    const dj = JSON.parse(d.stdout);
    expect(dj.checks.length).toBeGreaterThan(3);
    expect(dj.checks.every((c: { name: string; ok: boolean }) => typeof c.name === 'string' && typeof c.ok === 'boolean')).toBe(true);
    repo.cleanup();
  });
});
