/**
 * Named failpoints for crash tests (docs/safety.md, "Testing them"): LANES_FAILPOINT holds a
 * comma-separated list of `name:action` where action is `kill` (SIGKILL this process), `throw`,
 * `exit` (exit 99), `sleep:<ms>` or `pause:<file>` (writes `<file>.reached`, then waits until
 * `<file>` exists: the test does what it must at exactly that point, then lets it go on). A crash
 * then lands exactly where the test intends.
 * With the variable unset this is one string lookup.
 */
import fs from 'node:fs';
import { LanesError } from '../errors.js';

let parsed: Map<string, string> | undefined;
let parsedFrom: string | undefined;

function points(): Map<string, string> {
  const raw = process.env.LANES_FAILPOINT ?? '';
  if (parsed && parsedFrom === raw) return parsed;
  parsed = new Map();
  parsedFrom = raw;
  for (const item of raw.split(',')) {
    const t = item.trim();
    if (!t) continue;
    const i = t.indexOf(':');
    parsed.set(i < 0 ? t : t.slice(0, i), i < 0 ? 'kill' : t.slice(i + 1));
  }
  return parsed;
}

export async function failpoint(name: string): Promise<void> {
  if (!process.env.LANES_FAILPOINT) return;
  const action = points().get(name);
  if (action === undefined) return;
  if (action === 'kill') {
    process.kill(process.pid, 'SIGKILL');
    await new Promise(() => {}); // never resumes
  }
  if (action === 'exit') process.exit(99);
  if (action === 'throw') throw new LanesError('INTERNAL', `failpoint ${name} fired`);
  if (action.startsWith('sleep:')) {
    await new Promise((r) => setTimeout(r, Number(action.slice(6)) || 0));
  }
  if (action.startsWith('pause:')) {
    const file = action.slice(6);
    fs.writeFileSync(`${file}.reached`, `${process.pid}\n`);
    while (!fs.existsSync(file)) await new Promise((r) => setTimeout(r, 20));
  }
}

/** Synchronous variant for code between a sync write and a rename. */
export function failpointSync(name: string): void {
  if (!process.env.LANES_FAILPOINT) return;
  const action = points().get(name);
  if (action === undefined) return;
  if (action === 'kill') {
    process.kill(process.pid, 'SIGKILL');
    // SIGKILL is delivered asynchronously; block until it lands.
    const sab = new Int32Array(new SharedArrayBuffer(4));
    for (;;) Atomics.wait(sab, 0, 0, 1000);
  }
  if (action === 'exit') process.exit(99);
  if (action === 'throw') throw new LanesError('INTERNAL', `failpoint ${name} fired`);
}
