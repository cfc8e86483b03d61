/**
 * What the machine has free right now, for sizing parallelism and for `lanes doctor`.
 *
 * Sources, and why:
 * - memory: systeminformation's `available` (MemAvailable on Linux; free + inactive on macOS),
 *   never `free`, which leaves out reclaimable cache and makes a healthy machine look full.
 *   Fallback: os.freemem(), which is MemAvailable on Linux and merely free pages elsewhere
 *   (pessimistic, so safe).
 * - cpus and load: node:os. os.availableParallelism() honours CPU affinity, and os.loadavg() is
 *   exactly the 1-minute load; systeminformation's currentLoad() sleeps ~500 ms for a sample and
 *   its avgLoad is max-of-three-averages per core, so it is used only on Windows, where
 *   os.loadavg() is always 0.
 * - disk: fs.statfs on the path itself. It is one syscall and answers for the filesystem that
 *   really holds the path; systeminformation's fsSize() runs `df` for every mount and leaves us
 *   guessing the mount by prefix (and skips network filesystems).
 * - containers: /proc/meminfo and the CPU count describe the host, so cgroup v1/v2 memory and CPU
 *   limits (on the process's cgroup and its ancestors) cap them when set.
 *
 * systeminformation can be slow or fail in containers: its calls run in parallel under a timeout
 * (default 1.5 s) and whatever fails falls back to node:os. `sources` records what was used.
 * Results are cached for 2 s per path, so status polling does not re-measure on every call.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type ResourceSource = 'systeminformation' | 'os' | 'statfs' | 'cgroup' | 'unavailable';

// A type alias, not an interface: aliases are assignable to `{ [k: string]: unknown }` output schemas.
export type Resources = {
  cpus: number;
  /** 1-minute load average (on Windows: current utilisation expressed as busy CPUs). */
  load1: number;
  load_per_cpu: number;
  mem_total_mb: number;
  mem_available_mb: number;
  /** Free to an unprivileged user on the filesystem holding `disk_path`. */
  disk_free_mb: number;
  disk_total_mb: number;
  disk_path: string;
  sources: { cpus: ResourceSource; load: ResourceSource; memory: ResourceSource; disk: ResourceSource };
  /** How long the measurement took (of the original measurement, for a cached result). */
  took_ms: number;
};

export interface ReadResourcesOptions {
  /** Time limit for systeminformation calls; 0 skips systeminformation entirely. Default 1500. */
  siTimeoutMs?: number;
  /** Reuse a measurement at most this old. Default 2000; 0 always measures. */
  maxAgeMs?: number;
}

const MB = 1024 * 1024;
const cache = new Map<string, { at: number; value: Promise<Resources> }>();

export async function readResources(p: string, opts: ReadResourcesOptions = {}): Promise<Resources> {
  const siTimeoutMs = opts.siTimeoutMs ?? 1500;
  const maxAgeMs = opts.maxAgeMs ?? 2000;
  const key = `${path.resolve(p)}\0${siTimeoutMs}`;
  const now = Date.now();
  for (const [k, v] of cache) if (now - v.at > 60_000) cache.delete(k); // keeps the map small
  const hit = cache.get(key);
  if (hit && now - hit.at <= maxAgeMs) return hit.value;
  // Cache the promise, so concurrent callers share one measurement.
  const value = measure(path.resolve(p), siTimeoutMs);
  cache.set(key, { at: now, value });
  return value;
}

async function measure(p: string, siTimeoutMs: number): Promise<Resources> {
  const t0 = performance.now();
  const win = process.platform === 'win32';
  const si =
    siTimeoutMs > 0
      ? withTimeout(
          import('systeminformation').then((m) => m.default),
          siTimeoutMs,
        )
      : Promise.resolve(undefined);
  const deadline = Date.now() + siTimeoutMs;
  const siCall = <T>(f: (s: NonNullable<Awaited<typeof si>>) => Promise<T>): Promise<T | undefined> =>
    si.then((s) => (s ? withTimeout(f(s), Math.max(0, deadline - Date.now())) : undefined));

  const [siMem, siLoad, disk] = await Promise.all([
    siCall((s) => s.mem()),
    win ? siCall((s) => s.currentLoad()) : Promise.resolve(undefined),
    diskOf(p),
  ]);
  const cg = process.platform === 'linux' ? readCgroupLimits() : {};

  let cpus = Math.max(1, os.availableParallelism());
  let cpuSource: ResourceSource = 'os';
  if (cg.cpus !== undefined && cg.cpus < cpus) [cpus, cpuSource] = [cg.cpus, 'cgroup'];

  let load1 = os.loadavg()[0] ?? 0;
  let loadSource: ResourceSource = 'os';
  if (win) {
    const pct = siLoad?.currentLoad;
    [load1, loadSource] = typeof pct === 'number' && Number.isFinite(pct) ? [(pct / 100) * cpus, 'systeminformation'] : [0, 'unavailable'];
  }

  let memSource: ResourceSource = 'os';
  let memTotal = os.totalmem();
  let memAvail = os.freemem();
  if (siMem && siMem.total > 0 && Number.isFinite(siMem.available) && siMem.available > 0) {
    [memTotal, memAvail, memSource] = [siMem.total, siMem.available, 'systeminformation'];
  }
  if (cg.memLimit !== undefined && cg.memLimit < memTotal) {
    memTotal = cg.memLimit;
    memSource = 'cgroup';
  }
  if (cg.memAvailable !== undefined && cg.memAvailable < memAvail) {
    memAvail = cg.memAvailable;
    memSource = 'cgroup';
  }

  return {
    cpus,
    load1: round2(load1),
    load_per_cpu: round2(load1 / cpus),
    mem_total_mb: Math.floor(memTotal / MB),
    mem_available_mb: Math.floor(Math.min(memAvail, memTotal) / MB),
    disk_free_mb: disk.free,
    disk_total_mb: disk.total,
    disk_path: disk.path,
    sources: { cpus: cpuSource, load: loadSource, memory: memSource, disk: disk.source },
    took_ms: Math.round(performance.now() - t0),
  };
}

/** statfs on the nearest existing ancestor, so a path about to be created still gets an answer. */
async function diskOf(p: string): Promise<{ free: number; total: number; path: string; source: ResourceSource }> {
  for (let dir = p; ; dir = path.dirname(dir)) {
    try {
      const s = await fs.promises.statfs(dir);
      return { free: Math.floor((s.bavail * s.bsize) / MB), total: Math.floor((s.blocks * s.bsize) / MB), path: dir, source: 'statfs' };
    } catch {
      if (path.dirname(dir) === dir) return { free: 0, total: 0, path: p, source: 'unavailable' };
    }
  }
}

/** Resolves to undefined on timeout or failure; the timer never keeps the process alive. */
function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(undefined), ms);
    t.unref();
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      () => (clearTimeout(t), resolve(undefined)),
    );
  });
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export interface CgroupLimits {
  /** Bytes of memory the cgroup may use. */
  memLimit?: number;
  /** Bytes still usable: min over limited ancestors of limit - (usage - inactive file cache). */
  memAvailable?: number;
  /** CPUs the quota allows, rounded up. */
  cpus?: number;
}

/**
 * Memory and CPU limits of this process's cgroup and its ancestors (v2, or v1 memory/cpu
 * controllers). `read` returns a file's text or undefined; injectable for tests.
 */
export function readCgroupLimits(read: (file: string) => string | undefined = readText, root = '/sys/fs/cgroup'): CgroupLimits {
  const out: CgroupLimits = {};
  const self = read('/proc/self/cgroup') ?? '';
  const unlimited = (n: number) => !Number.isFinite(n) || n <= 0 || n >= 2 ** 60;
  const minInto = (k: keyof CgroupLimits, v: number) => {
    out[k] = Math.min(out[k] ?? Infinity, v);
  };
  for (const line of self.split('\n')) {
    const m = /^\d+:([^:]*):(.*)$/.exec(line.trim());
    if (!m) continue;
    const [controllers, rel] = [m[1]!.split(','), m[2]!];
    const v2 = controllers.length === 1 && controllers[0] === '';
    const mems = v2 ? root : controllers.includes('memory') ? path.join(root, 'memory') : undefined;
    const cpus = v2 ? root : controllers.includes('cpu') ? path.join(root, controllers.join(',')) : undefined;
    // In a container the hierarchy is often mounted at the cgroup itself, so `rel` may not exist
    // under root: every ancestor directory that exists is checked, down to the mount root.
    for (const dir of ancestors(rel)) {
      if (mems) {
        const limitText = read(path.join(mems, dir, v2 ? 'memory.max' : 'memory.limit_in_bytes'))?.trim();
        const limit = limitText === undefined || limitText === 'max' ? NaN : Number(limitText);
        if (!unlimited(limit)) {
          minInto('memLimit', limit);
          const usage = Number(read(path.join(mems, dir, v2 ? 'memory.current' : 'memory.usage_in_bytes'))?.trim());
          const stat = read(path.join(mems, dir, 'memory.stat')) ?? '';
          const inactive = Number(new RegExp(`^${v2 ? '' : 'total_'}inactive_file (\\d+)$`, 'm').exec(stat)?.[1] ?? 0);
          if (Number.isFinite(usage)) minInto('memAvailable', Math.max(0, limit - Math.max(0, usage - inactive)));
        }
      }
      if (cpus) {
        let quota = NaN;
        let period = NaN;
        if (v2) {
          const [q, per] = (read(path.join(cpus, dir, 'cpu.max')) ?? '').trim().split(/\s+/);
          [quota, period] = [q === 'max' ? NaN : Number(q), Number(per)];
        } else {
          quota = Number(read(path.join(cpus, dir, 'cpu.cfs_quota_us'))?.trim());
          period = Number(read(path.join(cpus, dir, 'cpu.cfs_period_us'))?.trim());
        }
        if (quota > 0 && period > 0) minInto('cpus', Math.max(1, Math.ceil(quota / period)));
      }
    }
  }
  return out;
}

/** "/a/b" → ["/a/b", "/a", "/"]. */
function ancestors(rel: string): string[] {
  const parts = rel.split('/').filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, parts.length - i).join('/')}`).concat('/');
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
