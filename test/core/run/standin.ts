/** Stand-in agent CLIs for `lanes run` tests: fixtures/stand-in-agent.mjs behind a program name. */
import fs from 'node:fs';
import path from 'node:path';

export const STAND_IN = path.resolve(import.meta.dirname, 'fixtures/stand-in-agent.mjs');

export interface StandIns {
  /** Put first on PATH. */
  bin: string;
  log: string;
  /** Environment for the agents: PATH with `bin` first, the log and the plan. */
  env: Record<string, string>;
  /** The recorded starts of a task: program name, argv, cwd, time. */
  starts(task: string): Array<{ name: string; argv: string[]; cwd: string; at: number }>;
}

/** Wrappers named like the real CLIs (`codex`, `cursor-agent`...) that run the stand-in. */
export function standIns(dir: string, names: string[], plan: Record<string, string[]> = {}): StandIns {
  const bin = path.join(dir, 'bin');
  const log = path.join(dir, 'log');
  fs.mkdirSync(bin, { recursive: true });
  fs.mkdirSync(log, { recursive: true });
  for (const name of names) {
    const file = path.join(bin, name);
    fs.writeFileSync(file, `#!/bin/sh\nSTANDIN_NAME=${name} exec ${JSON.stringify(process.execPath)} ${JSON.stringify(STAND_IN)} "$@"\n`, {
      mode: 0o755,
    });
  }
  return {
    bin,
    log,
    env: { PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`, STANDIN_LOG: log, STANDIN_PLAN: JSON.stringify(plan) },
    starts(task) {
      const f = path.join(log, `${task}.starts`);
      if (!fs.existsSync(f)) return [];
      return fs
        .readFileSync(f, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { name: string; argv: string[]; cwd: string; at: number });
    },
  };
}
