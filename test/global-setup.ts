// Builds the plugin folder once per test run into a temp dir: CLI and stdio tests run the real
// built entry (its dist/), the real-client tests install it, and test/build.test.ts compares it
// with the committed plugin/.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The freshly built plugin folder (what `npm run build` writes to plugin/). */
    pluginBuildDir: string;
    /** Its dist/: the bundled CLI, MCP server and hooks. */
    bundleDir: string;
  }
}

let dir: string | undefined;

export function setup(project: TestProject): void {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lanes-bundle-'));
  const plugin = path.join(dir, 'plugin');
  try {
    execFileSync('node', ['scripts/build.mjs', '--outdir', plugin], { stdio: 'pipe' });
  } catch (e) {
    // Tests that need the bundle fail on their own (no lanes.mjs); the rest still run.
    process.stderr.write(`global setup: the bundle did not build:\n${String((e as { stderr?: Buffer }).stderr ?? e)}\n`);
  }
  project.provide('pluginBuildDir', plugin);
  project.provide('bundleDir', path.join(plugin, 'dist'));
}

export function teardown(): void {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
