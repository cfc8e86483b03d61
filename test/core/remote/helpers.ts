/** Machines for the cross-machine tests: clones of one repository on a real git server. */
import { execa } from 'execa';
import fs from 'node:fs';
import path from 'node:path';
import { makeMachine, startGitDaemon, type GitServer, type Machine } from '../../helpers/git-server.js';

/**
 * A git daemon and `n` clones named `<prefix>1..n`: the first commits `files` and pushes main, the
 * others check it out. Shared state is not enabled yet.
 */
export async function seedMachines(
  n: number,
  prefix: string,
  files: Record<string, string>,
  start: () => Promise<GitServer> = startGitDaemon,
): Promise<{ server: GitServer; ms: Machine[] }> {
  const server = await start();
  const ms = Array.from({ length: n }, (_, i) => makeMachine(`${prefix}${i + 1}`, server.url));
  const first = ms[0]!;
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(first.dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(first.dir, rel), text);
  }
  first.git('add', '-A');
  first.git('commit', '-qm', 'init');
  // Not the machine's synchronous git: a smart-HTTP server runs in this process and must answer.
  const net = (m: Machine, ...args: string[]) => execa('git', args, { cwd: m.dir, env: m.env });
  await net(first, 'push', '-q', 'origin', 'main');
  for (const m of ms.slice(1)) {
    await net(m, 'fetch', '-q', 'origin');
    m.git('checkout', '-q', '-b', 'main', 'origin/main');
  }
  return { server, ms };
}

/** A machine's environment: its HOME and git config, and its machine name. */
export const machineEnv = (m: Machine, extra: Record<string, string> = {}): Record<string, string> => ({
  ...m.env,
  LANES_MACHINE: m.name,
  ...extra,
});
