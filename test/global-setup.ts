// Builds the bundle once per test run into a temp dir: CLI and stdio tests run the real built
// entry, and test/build.test.ts compares it with the committed dist/.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    bundleDir: string;
  }
}

let dir: string | undefined;

export function setup(project: TestProject): void {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lanes-bundle-'));
  try {
    execFileSync('node', ['scripts/build.mjs', '--outdir', dir], { stdio: 'pipe' });
  } catch (e) {
    // Tests that need the bundle fail on their own (no lanes.mjs); the rest still run.
    process.stderr.write(`global setup: the bundle did not build:\n${String((e as { stderr?: Buffer }).stderr ?? e)}\n`);
  }
  project.provide('bundleDir', dir);
}

export function teardown(): void {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
