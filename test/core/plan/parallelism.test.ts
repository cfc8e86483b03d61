import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { parseConfig } from '../../../src/core/config/load.js';
import { type LanesConfig } from '../../../src/core/config/schema.js';
import { estimateLaneDiskMb, recommendParallelism } from '../../../src/core/plan/parallelism.js';
import type { Resources } from '../../../src/system/resources.js';
import { makeRepo } from '../../helpers/repo.js';

/** A big idle machine: nothing binds but what a test sets. */
function res(over: Partial<Resources> = {}): Resources {
  return {
    cpus: 16,
    load1: 0,
    load_per_cpu: 0,
    mem_total_mb: 65536,
    mem_available_mb: 60000,
    disk_free_mb: 500_000,
    disk_total_mb: 1_000_000,
    disk_path: '/',
    sources: { cpus: 'os', load: 'os', memory: 'systeminformation', disk: 'statfs' },
    took_ms: 1,
    ...over,
  };
}

function cfg(over: Record<string, unknown> = {}): LanesConfig {
  return parseConfig(over, 'test');
}

const limit = (a: ReturnType<typeof recommendParallelism>, by: string) => a.limits.find((l) => l.by === by)?.value;

describe('recommendParallelism', () => {
  it('is max_parallel on a big idle machine', () => {
    const a = recommendParallelism(res(), cfg(), { lane_disk_mb: 100 });
    expect(a.parallelism).toBe(8);
    expect(a.reason).toMatch(/^8 at once, limited by max_parallel is 8/);
    expect(a.limits.map((l) => l.by)).toEqual(['max_parallel', 'memory', 'disk', 'cpu']);
  });

  it('memory: (available - floor) / per agent', () => {
    const a = recommendParallelism(res({ mem_available_mb: 4096 }), cfg());
    expect(limit(a, 'memory')).toBe(3); // (4096 - 1024) / 1024
    expect(a.parallelism).toBe(3);
    expect(a.reason).toContain('memory: 4096 MB available, 1024 MB kept free, 1024 MB per agent → 3');
  });

  it('disk: (free - floor) / per lane, from the config or the estimate', () => {
    const estimated = recommendParallelism(res({ disk_free_mb: 3048 }), cfg(), { lane_disk_mb: 250 });
    expect(estimated.parallelism).toBe(4); // (3048 - 2048) / 250
    expect(estimated.reason).toContain('disk: 3048 MB free, 2048 MB kept free, 250 MB per lane → 4');
    const configured = recommendParallelism(res({ disk_free_mb: 3048 }), cfg({ resources: { disk_per_lane_mb: 500 } }), {
      lane_disk_mb: 250,
    });
    expect(configured.parallelism).toBe(2);
    // Lane size unknown: only the floor binds.
    expect(limit(recommendParallelism(res({ disk_free_mb: 3048 }), cfg()), 'disk')).toBeUndefined();
    expect(limit(recommendParallelism(res({ disk_free_mb: 1000 }), cfg()), 'disk')).toBe(0);
    // Unmeasurable disk is not a limit.
    const unknown = res({ disk_free_mb: 0, sources: { ...res().sources, disk: 'unavailable' } });
    expect(limit(recommendParallelism(unknown, cfg(), { lane_disk_mb: 100 }), 'disk')).toBeUndefined();
  });

  it('cpu: two agents per idle CPU, one per CPU at max_load_per_cpu, fewer beyond', () => {
    const at = (cpus: number, load_per_cpu: number) =>
      limit(recommendParallelism(res({ cpus, load_per_cpu, load1: cpus * load_per_cpu }), cfg()), 'cpu');
    expect(at(2, 0)).toBe(4);
    expect(at(2, 0.75)).toBe(4); // up to half the busy line counts as idle
    expect(at(2, 1)).toBe(3);
    expect(at(2, 1.5)).toBe(2);
    expect(at(4, 3)).toBe(2);
    expect(at(2, 9)).toBe(1);
    const a = recommendParallelism(res({ cpus: 2, load1: 6, load_per_cpu: 3 }), cfg());
    expect(a.parallelism).toBe(1);
    expect(a.reason).toContain('cpu: 2 CPUs at load 3 per CPU (busy at 1.5) → 1');
  });

  it('plan width', () => {
    const a = recommendParallelism(res(), cfg(), { width: 3 });
    expect(a.parallelism).toBe(3);
    expect(a.reason).toContain("the plan's widest wave has 3 tasks");
  });

  it('names every limit that binds on a tie', () => {
    const a = recommendParallelism(res({ mem_available_mb: 1024 + 8 * 1024 }), cfg());
    expect(a.parallelism).toBe(8);
    expect(a.reason).toContain('max_parallel is 8');
    expect(a.reason).toContain('memory:');
  });

  it('never goes below 1, and says the machine is below its floors', () => {
    const a = recommendParallelism(res({ mem_available_mb: 500, disk_free_mb: 100 }), cfg(), { lane_disk_mb: 100, width: 0 });
    expect(a.parallelism).toBe(1);
    expect(limit(a, 'memory')).toBe(0);
    expect(limit(a, 'disk')).toBe(0);
    expect(a.reason).toContain('only 1 lane runs');
  });
});

describe('estimateLaneDiskMb', () => {
  it('sums the checkout as allocated on disk, and samples big repos', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`src/f${i}.txt`] = 'x'.repeat(100_000);
    for (let i = 0; i < 400; i++) files[`small/s${i}.txt`] = 'y';
    const r = makeRepo({ files });
    try {
      // 40 x ~100 KB = ~4 MB, plus 400 tiny files taking a 4 KB block each = ~1.6 MB.
      const mb = await estimateLaneDiskMb(r.dir);
      expect(mb).toBeGreaterThanOrEqual(5);
      expect(mb).toBeLessThanOrEqual(7);
      // From a subdirectory it still measures the whole checkout.
      expect(await estimateLaneDiskMb(path.join(r.dir, 'src'))).toBe(mb);
      // A sample of every 4th file gives about the same answer.
      const sampled = await estimateLaneDiskMb(r.dir, { sampleLimit: 110 });
      expect(Math.abs(sampled - mb)).toBeLessThanOrEqual(1);
    } finally {
      r.cleanup();
    }
  });

  it('is at least 1 MB, even for an empty index', async () => {
    const r = makeRepo({ files: {} });
    try {
      expect(await estimateLaneDiskMb(r.dir)).toBe(1);
    } finally {
      r.cleanup();
    }
  });
});
