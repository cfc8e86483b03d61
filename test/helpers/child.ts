/**
 * Real child processes for concurrency and crash tests. A TypeScript entry is bundled once per
 * test run with esbuild (about 50 ms) and then spawned with plain `node`, so children start as
 * fast as the product does. Children inherit the isolated git environment of test/setup.ts.
 */
import { build } from 'esbuild';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';

const cacheDir = path.join(os.tmpdir(), `lanes-children-${process.pid}`);
const built = new Map<string, Promise<string>>();

/** Bundles `entry` (a .ts file path) into a runnable .mjs and returns its path. */
export function bundleChild(entry: string): Promise<string> {
  const abs = path.resolve(entry);
  let p = built.get(abs);
  if (!p) {
    const out = path.join(cacheDir, `${crypto.createHash('sha1').update(abs).digest('hex').slice(0, 12)}.mjs`);
    p = build({
      entryPoints: [abs],
      outfile: out,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'silent',
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    }).then(() => out);
    built.set(abs, p);
  }
  return p;
}

/** Spawns a bundled child: `node <bundle> ...args`. Never rejects on a non-zero exit. */
export async function spawnChild(
  entry: string,
  args: string[] = [],
  opts: { env?: Record<string, string>; cwd?: string; input?: string; timeoutMs?: number } = {},
) {
  const bundle = await bundleChild(entry);
  // No input: stdin is closed to the child ('ignore'), not an empty pipe it would read as EOF.
  const stdin = opts.input === undefined ? { stdin: 'ignore' as const } : { input: opts.input };
  return execa('node', [bundle, ...args], {
    reject: false,
    cwd: opts.cwd ?? process.cwd(),
    env: opts.env ?? {},
    timeout: opts.timeoutMs ?? 60_000,
    ...stdin,
  });
}

/** A barrier: children wait until this file exists, so they start their work together. */
export function makeBarrier(dir: string): { path: string; release(): void } {
  const p = path.join(dir, `barrier-${crypto.randomUUID()}`);
  return { path: p, release: () => fs.writeFileSync(p, '') };
}

/** For use inside a child: poll until the barrier file appears. */
export async function waitBarrier(p: string, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!fs.existsSync(p)) {
    if (Date.now() > end) throw new Error(`barrier ${p} never released`);
    await new Promise((r) => setTimeout(r, 2));
  }
}
