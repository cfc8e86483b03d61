/** Small helpers shared by the benchmarks. */
export interface BenchResult {
  name: string;
  median_ms: number;
  baseline_ms?: number;
  ratio?: number;
  aim?: string;
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

export function result(name: string, samples: number[], baseline: number[] | undefined, aim?: string, note?: string): BenchResult {
  const m = median(samples);
  const b = baseline ? median(baseline) : undefined;
  return { name, median_ms: m, ...(b !== undefined ? { baseline_ms: b, ratio: m / b } : {}), ...(aim ? { aim } : {}), ...(note ? { note } : {}) };
}
