/** Runs the freshly built `lanes` bundle as a real process. */
import path from 'node:path';
import { execa } from 'execa';
import { inject } from 'vitest';

export function bundlePath(): string {
  return path.join(inject('bundleDir'), 'lanes.mjs');
}

export async function lanes(cwd: string, args: string[], opts: { env?: Record<string, string>; input?: string } = {}) {
  const r = await execa('node', [bundlePath(), ...args], {
    cwd,
    reject: false,
    env: opts.env,
    input: opts.input,
    stdin: opts.input === undefined ? 'ignore' : 'pipe',
    timeout: 60_000,
  });
  return { code: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}
