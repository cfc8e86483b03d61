/** Small helpers shared by the benchmarks. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A figure's aim, machine-checkable: `npm run bench -- --check` fails when `on` (the ratio to the
 * baseline, or the median itself in ms) exceeds `max` by more than the stated noise band.
 */
export interface Aim {
  on: 'ratio' | 'ms';
  max: number;
  /** Relative noise band this figure shows on a shared 2-core machine (0.15 = 15 %). */
  noise: number;
}

export interface BenchResult {
  name: string;
  median_ms: number;
  baseline_ms?: number;
  ratio?: number;
  /** The aim in words (derived from `check` when absent). */
  aim?: string;
  check?: Aim;
  /** What the figure is made of. */
  note?: string;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

export async function timeIt(fn: () => unknown | Promise<unknown>, runs: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

/** `ratio(1.1)`: the figure's ratio to its baseline should be at most 1.1 (noise band 15 % unless told). */
export function ratioAim(max: number, noise = 0.15): Aim {
  return { on: 'ratio', max, noise };
}

/** `msAim(25)`: the figure itself should be at most 25 ms. */
export function msAim(max: number, noise = 0.2): Aim {
  return { on: 'ms', max, noise };
}

export function describeAim(a: Aim): string {
  return a.on === 'ratio' ? `<= ${a.max}x` : `<= ${a.max} ms`;
}

export function result(name: string, samples: number[], baseline: number[] | undefined, aim?: string | Aim, note?: string): BenchResult {
  const m = median(samples);
  const b = baseline ? median(baseline) : undefined;
  const r: BenchResult = { name, median_ms: m };
  if (b !== undefined) Object.assign(r, { baseline_ms: b, ratio: m / b });
  if (typeof aim === 'string') r.aim = aim;
  else if (aim) Object.assign(r, { check: aim, aim: describeAim(aim) });
  if (note) r.note = note;
  return r;
}

/** Git for a bench: its own empty HOME and global config, a fixed identity, quiet Lanes logs. */
export function isolateGit(): void {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'lanes-bench-home-'));
  fs.writeFileSync(path.join(home, '.gitconfig'), '');
  Object.assign(process.env, {
    HOME: home,
    GIT_CONFIG_GLOBAL: path.join(home, '.gitconfig'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Lanes Bench',
    GIT_AUTHOR_EMAIL: 'bench@lanes.invalid',
    GIT_COMMITTER_NAME: 'Lanes Bench',
    GIT_COMMITTER_EMAIL: 'bench@lanes.invalid',
    LANES_LOG: 'error',
  });
}
