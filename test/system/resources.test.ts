import { describe, expect, it } from 'vitest';
import os from 'node:os';
import path from 'node:path';
import { readCgroupLimits, readResources, type Resources } from '../../src/system/resources.js';
import { tempDir } from '../helpers/repo.js';

function expectSane(r: Resources): void {
  expect(r.cpus).toBeGreaterThanOrEqual(1);
  expect(r.load1).toBeGreaterThanOrEqual(0);
  expect(r.load_per_cpu).toBeCloseTo(r.load1 / r.cpus, 1);
  expect(r.mem_total_mb).toBeGreaterThan(0);
  expect(r.mem_available_mb).toBeGreaterThan(0);
  expect(r.mem_available_mb).toBeLessThanOrEqual(r.mem_total_mb);
  expect(r.disk_total_mb).toBeGreaterThan(0);
  expect(r.disk_free_mb).toBeGreaterThan(0);
  expect(r.disk_free_mb).toBeLessThanOrEqual(r.disk_total_mb);
  for (const v of Object.values(r)) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
}

describe('readResources', () => {
  it('measures real, sane numbers with systeminformation', async () => {
    const r = await readResources(os.tmpdir(), { maxAgeMs: 0 });
    expectSane(r);
    expect(['systeminformation', 'cgroup']).toContain(r.sources.memory);
    expect(r.sources.disk).toBe('statfs');
    expect(r.disk_path).toBe(path.resolve(os.tmpdir()));
  });

  it('falls back to node:os when systeminformation is skipped or too slow', async () => {
    const r = await readResources(os.tmpdir(), { siTimeoutMs: 0, maxAgeMs: 0 });
    expectSane(r);
    expect(['os', 'cgroup']).toContain(r.sources.memory);
    expect(r.sources.cpus === 'os' || r.sources.cpus === 'cgroup').toBe(true);
    // A 1 ms budget is too short for systeminformation's import; the result is still complete.
    const slow = await readResources(os.tmpdir(), { siTimeoutMs: 1, maxAgeMs: 0 });
    expectSane(slow);
  });

  it('answers for the nearest existing directory of a path that does not exist yet', async () => {
    const d = tempDir();
    const r = await readResources(path.join(d, 'not', 'yet'), { siTimeoutMs: 0 });
    expect(r.disk_path).toBe(d);
    expect(r.disk_free_mb).toBeGreaterThan(0);
  });

  it('caches a measurement for about 2 s, shared by concurrent callers', async () => {
    const d = tempDir();
    const [a, b] = await Promise.all([readResources(d), readResources(d)]);
    expect(a).toBe(b);
    expect(await readResources(d)).toBe(a);
    expect(await readResources(d, { maxAgeMs: 0 })).not.toBe(a);
  });
});

describe('readCgroupLimits', () => {
  const fake = (files: Record<string, string>) => (f: string) => files[f];
  const GB = 1024 ** 3;

  it('reads cgroup v2 memory and CPU limits, the tightest ancestor winning', () => {
    const limits = readCgroupLimits(
      fake({
        '/proc/self/cgroup': '0::/user.slice/app\n',
        '/sys/fs/cgroup/user.slice/app/memory.max': 'max\n',
        '/sys/fs/cgroup/user.slice/memory.max': `${4 * GB}\n`,
        '/sys/fs/cgroup/user.slice/memory.current': `${3 * GB}\n`,
        '/sys/fs/cgroup/user.slice/memory.stat': `anon 1\ninactive_file ${1 * GB}\n`,
        '/sys/fs/cgroup/user.slice/app/cpu.max': '150000 100000\n',
        '/sys/fs/cgroup/cpu.max': 'max 100000\n',
      }),
    );
    // 4 GB limit, 3 GB used of which 1 GB is reclaimable cache: 2 GB still usable.
    expect(limits).toEqual({ memLimit: 4 * GB, memAvailable: 2 * GB, cpus: 2 });
  });

  it('reads cgroup v1 limits, including a container whose hierarchy is mounted at its own cgroup', () => {
    const limits = readCgroupLimits(
      fake({
        '/proc/self/cgroup': '4:memory:/docker/abc\n2:cpu,cpuacct:/docker/abc\n',
        '/sys/fs/cgroup/memory/memory.limit_in_bytes': `${2 * GB}\n`,
        '/sys/fs/cgroup/memory/memory.usage_in_bytes': `${1 * GB}\n`,
        '/sys/fs/cgroup/memory/memory.stat': 'cache 5\ntotal_inactive_file 0\n',
        '/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us': '400000\n',
        '/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us': '100000\n',
      }),
    );
    expect(limits).toEqual({ memLimit: 2 * GB, memAvailable: 1 * GB, cpus: 4 });
  });

  it('ignores unlimited values and missing files', () => {
    expect(
      readCgroupLimits(
        fake({
          '/proc/self/cgroup': '4:memory:/\n1:cpu:/\n0::/\n',
          '/sys/fs/cgroup/memory/memory.limit_in_bytes': '9223372036854771712\n',
          '/sys/fs/cgroup/cpu/cpu.cfs_quota_us': '-1\n',
          '/sys/fs/cgroup/cpu/cpu.cfs_period_us': '100000\n',
        }),
      ),
    ).toEqual({});
    expect(readCgroupLimits(fake({}))).toEqual({});
  });
});
