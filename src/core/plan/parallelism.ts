/**
 * How many lanes to run at once: the smallest of what the config allows, what the plan can use,
 * and what memory, disk and CPU can carry. The reason names the binding limit, so the user knows
 * which knob (or which resource) to change.
 */
import fs from 'node:fs';
import path from 'node:path';
import { trackedFiles } from '../../git/files.js';
import { showToplevel } from '../../git/head.js';
import type { Resources } from '../../system/resources.js';
import type { LanesConfig } from '../config/schema.js';

export type LimitKind = 'max_parallel' | 'memory' | 'disk' | 'cpu' | 'plan_width';

export interface ParallelismAdvice {
  parallelism: number;
  limits: Array<{ by: LimitKind; value: number }>;
  reason: string;
}

/**
 * Agents spend most of their time waiting on the model's API, so an idle core carries about two
 * of them; what loads the machine is their tools (builds, tests, gates), and overloading the CPU
 * only slows things down (unlike running out of memory or disk). So the CPU limit is soft:
 * 2 agents per CPU while the load per CPU is under half of `max_load_per_cpu`, then inversely
 * proportional to the load: 1 per CPU at `max_load_per_cpu`, 1 per 2 CPUs at twice that.
 *   cpu = max(1, floor(2 * cpus / max(1, 2 * load_per_cpu / max_load_per_cpu)))
 * The load counts lanes already running, so this sizes a fresh start, not "how many more".
 */
export const AGENTS_PER_IDLE_CPU = 2;

export function recommendParallelism(
  res: Resources,
  cfg: Pick<LanesConfig, 'max_parallel' | 'resources'>,
  opts: { width?: number; lane_disk_mb?: number } = {},
): ParallelismAdvice {
  const r = cfg.resources;
  const limits: ParallelismAdvice['limits'] = [];
  const why = new Map<LimitKind, string>();
  const add = (by: LimitKind, value: number, text: string) => {
    limits.push({ by, value: Math.max(0, Math.floor(value)) });
    why.set(by, text);
  };

  add('max_parallel', cfg.max_parallel, `max_parallel is ${cfg.max_parallel} in .lanes/config.json`);
  if (opts.width !== undefined)
    add('plan_width', opts.width, `the plan's widest wave has ${opts.width} task${opts.width === 1 ? '' : 's'}`);

  if (r.memory_per_agent_mb > 0) {
    const spare = res.mem_available_mb - r.min_free_memory_mb;
    const v = spare / r.memory_per_agent_mb;
    add(
      'memory',
      v,
      `memory: ${res.mem_available_mb} MB available, ${r.min_free_memory_mb} MB kept free, ${r.memory_per_agent_mb} MB per agent → ${Math.max(0, Math.floor(v))}`,
    );
  }

  if (res.sources?.disk !== 'unavailable') {
    const perLane = r.disk_per_lane_mb > 0 ? r.disk_per_lane_mb : opts.lane_disk_mb;
    const spare = res.disk_free_mb - r.min_free_disk_mb;
    if (perLane !== undefined && perLane > 0) {
      const v = spare / perLane;
      add(
        'disk',
        v,
        `disk: ${res.disk_free_mb} MB free, ${r.min_free_disk_mb} MB kept free, ${perLane} MB per lane → ${Math.max(0, Math.floor(v))}`,
      );
    } else if (spare < 0) {
      // Lane size unknown: only the floor itself can bind.
      add('disk', 0, `disk: ${res.disk_free_mb} MB free is below the ${r.min_free_disk_mb} MB floor`);
    }
  }

  const pressure = Math.max(1, (2 * Math.max(0, res.load_per_cpu)) / r.max_load_per_cpu);
  const cpu = Math.max(1, Math.floor((AGENTS_PER_IDLE_CPU * res.cpus) / pressure));
  add(
    'cpu',
    cpu,
    `cpu: ${res.cpus} CPU${res.cpus === 1 ? '' : 's'} at load ${res.load_per_cpu} per CPU (busy at ${r.max_load_per_cpu}) → ${cpu}`,
  );

  const min = Math.min(...limits.map((l) => l.value));
  const parallelism = Math.max(1, min);
  // Name every limit that binds: on a tie, "max_parallel" alone would wrongly suggest raising it.
  const binding = limits.filter((l) => l.value === min).map((l) => why.get(l.by)!);
  let reason = `${parallelism} at once, limited by ${binding.join('; and ')}`;
  if (min < 1) reason += '. Below the floor, so only 1 lane runs; free some resources or lower the floors in .lanes/config.json';
  return { parallelism, limits, reason };
}

/** Above this many files the checkout size is estimated from an even sample. */
const SAMPLE_LIMIT = 50_000;

/**
 * Disk one more lane's worktree needs: the checkout's files as allocated on disk (blocks, not
 * byte sizes: small files occupy whole blocks) plus its index. Objects are shared by all
 * worktrees, so they cost nothing extra. Files absent from the working tree are skipped.
 */
export async function estimateLaneDiskMb(repoDir: string, opts: { sampleLimit?: number } = {}): Promise<number> {
  const top = await showToplevel(repoDir);
  const files = await trackedFiles(top);
  if (files.length === 0) return 1;
  const stride = Math.max(1, files.length / (opts.sampleLimit ?? SAMPLE_LIMIT));
  const sample: string[] = [];
  for (let i = 0; i < files.length; i += stride) sample.push(files[Math.floor(i)]!);
  let bytes = 0;
  // Synchronous lstat in slices of 1,000 with a yield between them: about 4 us per file, where
  // fs.promises.lstat costs about 25 us through the thread pool (measured, 60k files: 0.23 s vs
  // 1.1-1.5 s), and the event loop is never blocked for more than a few milliseconds.
  for (let i = 0; i < sample.length; i += 1000) {
    for (const f of sample.slice(i, i + 1000)) {
      const st = fs.lstatSync(path.join(top, f), { throwIfNoEntry: false });
      if (!st || (!st.isFile() && !st.isSymbolicLink())) continue; // absent, or a submodule's directory
      bytes += st.blocks > 0 ? st.blocks * 512 : Math.ceil(st.size / 4096) * 4096;
    }
    await new Promise((r) => setImmediate(r));
  }
  const indexBytes = files.reduce((n, f) => n + 72 + f.length, 0);
  const total = (bytes * files.length) / sample.length + indexBytes;
  return Math.max(1, Math.ceil(total / (1024 * 1024)));
}
