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
    env: opts.env ?? {},
    // A guard against a hang, not a measure: a `lanes run` of three machines on a loaded 2-core CI
    // machine has taken over 60 s (its SIGTERM then reads as an interrupted run, exit 130).
    timeout: 300_000,
    // No input: stdin is closed to the command ('ignore'), not an empty pipe it would read as EOF.
    ...(opts.input === undefined ? { stdin: 'ignore' as const } : { input: opts.input }),
  });
  return { code: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}
