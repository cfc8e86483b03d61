import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { checkResources, gitVersionCheck, type DoctorReport } from '../../../src/core/doctor/doctor.js';
import { gitVersion } from '../../../src/git/version.js';
import { makeRepo, tempDir } from '../../helpers/repo.js';

/** Floors this machine certainly meets, so resource checks cannot make these tests flaky. */
const LOW_FLOORS = JSON.stringify({
  resources: { min_free_memory_mb: 0, min_free_disk_mb: 0, memory_per_agent_mb: 1, max_load_per_cpu: 1000 },
});

const check = (d: DoctorReport, name: string) => d.checks.find((c) => c.name === name);
const failed = (d: DoctorReport) => d.checks.filter((c) => !c.ok).map((c) => c.name);

describe('checkResources', () => {
  it('passes on a good repository and recommends a parallelism', async () => {
    const r = makeRepo({ files: { 'README.md': '# x\n', '.lanes/config.json': LOW_FLOORS } });
    try {
      const d = await checkResources(r.dir);
      // The default worktrees.dir (.claude/worktrees) has a dot segment: a warning, not a failure.
      expect(failed(d)).toEqual(['dot segments']);
      expect(check(d, 'dot segments')).toMatchObject({
        level: 'warn',
        fix: expect.stringMatching(/"worktrees": \{ "dir": "worktrees" \}/),
      });
      expect(check(d, 'dot segments')!.detail).not.toMatch(/gate checkouts/);
      expect(d.ok).toBe(true);
      expect(d.checks.map((c) => c.name)).toEqual([
        'git',
        'repository',
        'commits',
        'config',
        'target',
        'main worktree',
        'state dir',
        'worktrees dir',
        'dot segments',
        'cpu',
        'memory',
        'disk',
      ]);
      expect(d.checks.filter((c) => c.name !== 'dot segments').every((c) => c.level === 'info')).toBe(true);
      expect(check(d, 'target')!.detail).toMatch(/^branch main at [0-9a-f]{12}$/);
      expect(check(d, 'disk')!.detail).toContain('a lane needs about 1 MB');
      expect(d.resources.cpus).toBeGreaterThan(0);
      expect(d.parallelism.parallelism).toBeGreaterThanOrEqual(1);
      expect(d.parallelism.limits.some((l) => l.by === 'disk')).toBe(true); // the lane size was estimated
    } finally {
      r.cleanup();
    }
  });

  it('reports a repository without commits instead of throwing', async () => {
    const r = makeRepo({ commit: false });
    try {
      const d = await checkResources(r.dir);
      expect(d.ok).toBe(false);
      expect(check(d, 'commits')).toMatchObject({ ok: false, level: 'error' });
      expect(check(d, 'commits')!.fix).toContain('git commit');
      expect(check(d, 'target')).toBeUndefined(); // covered by the commits check
      expect(d.parallelism.parallelism).toBeGreaterThanOrEqual(1);
    } finally {
      r.cleanup();
    }
  });

  it('warns when a lane or a gate checkout would live under a dot segment, saying what to set', async () => {
    const cfg = (o: object) => JSON.stringify({ ...JSON.parse(LOW_FLOORS), ...o });
    const bad = makeRepo({ files: { '.lanes/config.json': cfg({ merge: { integration_dir: '.gates' } }) } });
    const good = makeRepo({ files: { '.lanes/config.json': cfg({ worktrees: { dir: 'worktrees' } }) } });
    try {
      const d = await checkResources(bad.dir);
      expect(check(d, 'dot segments')!.detail).toMatch(/gate checkouts are made under .*\.gates \("\.gates"\)/);
      expect(check(d, 'dot segments')!.fix).toMatch(/integration_dir/);
      const g = await checkResources(good.dir);
      expect(check(g, 'dot segments')).toMatchObject({ ok: true, level: 'info' });
    } finally {
      bad.cleanup();
      good.cleanup();
    }
  });

  it('warns about a dirty main worktree, listing up to 10 files, without failing', async () => {
    const files: Record<string, string> = { '.lanes/config.json': LOW_FLOORS };
    for (let i = 0; i < 12; i++) files[`f${String(i).padStart(2, '0')}.txt`] = 'a\n';
    const r = makeRepo({ files });
    try {
      for (let i = 0; i < 12; i++) r.write(`f${String(i).padStart(2, '0')}.txt`, 'b\n');
      r.write('untracked.txt', 'not counted\n');
      const d = await checkResources(r.dir);
      const c = check(d, 'main worktree')!;
      expect(c).toMatchObject({ ok: false, level: 'warn' });
      expect(c.detail).toContain('12 uncommitted changes');
      expect(c.detail).toContain('f00.txt, f01.txt');
      expect(c.detail).toContain('f09.txt, and 2 more');
      expect(c.detail).not.toContain('f10.txt');
      expect(c.detail).not.toContain('untracked.txt');
      expect(d.ok).toBe(true);
      // A rename lists the new path once.
      r.commitAll('change');
      r.git('mv', 'f00.txt', 'renamed.txt');
      const d2 = await checkResources(r.dir);
      expect(check(d2, 'main worktree')!.detail).toMatch(/1 uncommitted change in .*: renamed\.txt$/);
    } finally {
      r.cleanup();
    }
  });

  it('reports an invalid config by field and goes on with the defaults', async () => {
    const r = makeRepo({ files: { '.lanes/config.json': '{"gates": [{"name": "test", "command": "npm test"}], "max_parallel": 100}' } });
    try {
      const d = await checkResources(r.dir);
      expect(d.ok).toBe(false);
      const c = check(d, 'config')!;
      expect(c).toMatchObject({ ok: false, level: 'error' });
      expect(c.detail).toContain('gates[0].command: expected an argv array');
      expect(c.detail).toContain('max_parallel must be at most 64, got 100');
      expect(c.fix).toContain('schemas/config.schema.json');
      expect(check(d, 'target')!.ok).toBe(true);
      expect(d.parallelism.limits.find((l) => l.by === 'max_parallel')!.value).toBe(8);
    } finally {
      r.cleanup();
    }
  });

  it('reports a directory that is not a repository, and still measures resources', async () => {
    const d0 = tempDir();
    try {
      const d = await checkResources(d0);
      expect(d.ok).toBe(false);
      expect(check(d, 'repository')).toMatchObject({ ok: false, level: 'error' });
      expect(check(d, 'repository')!.detail).toContain('is not inside a git repository');
      expect(check(d, 'repository')!.fix).toContain('git init');
      expect(check(d, 'git')!.ok).toBe(true);
      expect(d.resources.disk_free_mb).toBeGreaterThan(0);
      expect(d.parallelism.parallelism).toBeGreaterThanOrEqual(1);
      // Not even an existing directory.
      const gone = await checkResources(path.join(d0, 'missing'));
      expect(check(gone, 'repository')!.detail).toContain('does not exist');
    } finally {
      fs.rmSync(d0, { recursive: true, force: true });
    }
  });

  it('refuses a missing target branch, a symlinked state dir and a worktrees dir escaping the repo', async () => {
    const r = makeRepo({ files: { '.lanes/config.json': JSON.stringify({ ...JSON.parse(LOW_FLOORS), target: 'release' }) } });
    const outside = tempDir();
    try {
      fs.symlinkSync(outside, path.join(r.dir, '.git', 'lanes'));
      fs.symlinkSync(outside, path.join(r.dir, '.claude'));
      const d = await checkResources(r.dir);
      expect(d.ok).toBe(false);
      expect(failed(d).sort()).toEqual(['dot segments', 'state dir', 'target', 'worktrees dir']);
      expect(check(d, 'target')!.detail).toBe('the target branch release does not exist');
      expect(check(d, 'state dir')!.detail).toContain('is a symlink');
      expect(check(d, 'worktrees dir')!.detail).toContain(`.claude resolves to ${outside}, outside the repository`);
    } finally {
      r.cleanup();
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('refuses a worktrees dir behind a dangling symlink', async () => {
    const r = makeRepo({ files: { '.lanes/config.json': LOW_FLOORS } });
    try {
      fs.symlinkSync(path.join(r.dir, 'nowhere'), path.join(r.dir, '.claude'));
      const d = await checkResources(r.dir);
      expect(check(d, 'worktrees dir')).toMatchObject({ ok: false, level: 'error', detail: '.claude is a dangling symlink' });
    } finally {
      r.cleanup();
    }
  });

  it('fails the disk check below the floor', async () => {
    const r = makeRepo({ files: { '.lanes/config.json': JSON.stringify({ resources: { min_free_disk_mb: 1e12 } }) } });
    try {
      const d = await checkResources(r.dir);
      expect(check(d, 'disk')).toMatchObject({ ok: false, level: 'error' });
      expect(check(d, 'disk')!.detail).toContain('below the 1000000000000 MB floor');
      expect(d.parallelism.parallelism).toBe(1);
    } finally {
      r.cleanup();
    }
  });
});

describe('git version', () => {
  const v = (major: number, minor: number, patch = 0, installed = true) => ({ major, minor, patch, installed });

  it('reads the installed git through simple-git', async () => {
    const got = await gitVersion();
    expect(got.installed).toBe(true);
    expect(got.major).toBeGreaterThanOrEqual(2);
  });

  it('says clearly when git is too old or missing', () => {
    expect(gitVersionCheck(v(2, 37, 1))).toEqual({
      name: 'git',
      ok: false,
      level: 'error',
      detail: 'git 2.37 is too old: Lanes needs git >= 2.38 for git merge-tree --write-tree',
      fix: 'Upgrade git to 2.38 or newer.',
    });
    expect(gitVersionCheck(v(2, 38)).ok).toBe(true);
    expect(gitVersionCheck(v(3, 0)).ok).toBe(true);
    expect(gitVersionCheck(v(1, 99)).ok).toBe(false);
    expect(gitVersionCheck(v(0, 0, 0, false))).toMatchObject({ ok: false, detail: 'git is not installed or could not be run' });
  });
});
