/**
 * Tools of the fault suite: a seeded PRNG whose seed is printed when a test fails (replay it with
 * LANES_FAULT_SEED=<seed>), the real `lanes` bundle as a process that can be SIGKILLed at a chosen
 * moment, and a wait for the git processes a killed command left running (SIGKILL ends Lanes, not
 * the git child it was waiting for, exactly as in a real crash).
 */
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { onTestFailed } from 'vitest';
import { bundlePath } from './cli.js';

export { rng } from './prng.js';

/**
 * The seed of this test: LANES_FAULT_SEED when set, else a fresh one. Call inside a test; when the
 * test fails, the seed and the command that replays it are printed.
 */
export function faultSeed(file: string): number {
  const env = process.env.LANES_FAULT_SEED;
  const seed = env !== undefined && env !== '' ? Number(env) >>> 0 : (Math.random() * 2 ** 32) >>> 0;
  onTestFailed(() => {
    process.stderr.write(
      `\nfault seed ${seed}: replay with LANES_FAULT_SEED=${seed} npx vitest run ${path.relative(process.cwd(), file)}\n`,
    );
  });
  return seed;
}

/** True when the big forms were asked for (LANES_FAULT_BIG=1): minutes, for developers, not CI. */
export const BIG = process.env.LANES_FAULT_BIG === '1';

export interface Outcome {
  code: number | undefined;
  signal: string | undefined;
  stdout: string;
  stderr: string;
  /** True when our SIGKILL ended it (it had not finished by then). */
  killed: boolean;
}

/**
 * Runs `lanes <args>` in `cwd`; with `killAfterMs`, SIGKILLs it that long after the spawn, with
 * `killWhen`, once that promise resolves (if it is still running). Never rejects.
 */
export async function lanesKilled(
  cwd: string,
  args: string[],
  opts: { env?: Record<string, string>; killAfterMs?: number; killWhen?: Promise<unknown> } = {},
): Promise<Outcome> {
  const sub = execa('node', [bundlePath(), ...args], { cwd, reject: false, env: opts.env ?? {}, stdin: 'ignore', timeout: 90_000 });
  let timer: NodeJS.Timeout | undefined;
  if (opts.killAfterMs !== undefined) timer = setTimeout(() => sub.kill('SIGKILL'), opts.killAfterMs);
  // Only a kill that is still wanted: a command that already ended is left alone.
  opts.killWhen?.then(
    () => sub.exitCode === null && sub.kill('SIGKILL'),
    () => {},
  );
  const r = await sub;
  if (timer) clearTimeout(timer);
  return { code: r.exitCode, signal: r.signal, stdout: String(r.stdout), stderr: String(r.stderr), killed: r.signal === 'SIGKILL' };
}

/** Pids of running `git` processes whose working directory is inside `dir`. */
export function gitProcessesIn(dir: string): number[] {
  const out: number[] = [];
  let names: string[] = [];
  try {
    names = fs.readdirSync('/proc');
  } catch {
    return out;
  }
  for (const n of names) {
    if (!/^\d+$/.test(n)) continue;
    try {
      if (fs.readFileSync(`/proc/${n}/comm`, 'utf8').trim() !== 'git') continue;
      const stat = fs.readFileSync(`/proc/${n}/stat`, 'utf8');
      if (stat.slice(stat.lastIndexOf(')') + 2)[0] === 'Z') continue;
      const cwd = fs.readlinkSync(`/proc/${n}/cwd`).replace(/ \(deleted\)$/, '');
      if (cwd === dir || cwd.startsWith(`${dir}${path.sep}`)) out.push(Number(n));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return out;
}

/** Waits (generously) until no git process works inside `dir`: what a killed command left runs to its end. */
export async function waitGitQuiet(dir: string, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (gitProcessesIn(dir).length) {
    if (Date.now() > end) throw new Error(`git processes still running in ${dir}: ${gitProcessesIn(dir).join(', ')}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
