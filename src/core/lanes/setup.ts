/**
 * The configured `setup` commands, run in a new lane before it is handed out. Same rules as gates
 * (RELIABILITY.md rules 7, 13, 14): argv through execa, no shell; each command in its own process
 * group, and a timeout kills the whole group (killing only the child left grandchildren running,
 * measured); output captured with a cap and never inherited, so stdout stays the protocol's.
 */
import { execa } from 'execa';
import { LanesError } from '../../errors.js';
import { log } from '../../util/log.js';

export interface SetupCommand {
  name: string;
  command: string[];
  timeout_seconds: number;
  env?: Record<string, string>;
}

export interface SetupStepResult {
  name: string;
  ok: boolean;
  exit_code?: number;
  signal?: string;
  timed_out: boolean;
  ms: number;
  /** The last bytes of stdout and stderr, interleaved as they arrived. */
  output_tail: string;
}

export interface RunOptions {
  env?: Record<string, string>;
  /** Called once the command runs, with its pid (= its process group id). */
  onSpawn?: (name: string, pid: number) => void | Promise<void>;
  /** Bytes of output kept per command. Default 64 KiB. */
  maxOutput?: number;
  /** Between SIGTERM and SIGKILL of a timed-out group. Default 2000 ms. */
  killGraceMs?: number;
}

const MESSAGE_TAIL = 2000;

/** Runs the commands in order; throws CONFIG on the first failure, with the output tail. */
export async function runSetup(commands: SetupCommand[], cwd: string, opts: RunOptions = {}): Promise<SetupStepResult[]> {
  const results: SetupStepResult[] = [];
  for (const [i, cmd] of commands.entries()) {
    const r = await runCommand(cmd, cwd, opts);
    results.push(r);
    if (!r.ok) {
      const why = r.timed_out
        ? `timed out after ${cmd.timeout_seconds} s (its process group was killed)`
        : r.signal
          ? `was killed by ${r.signal}`
          : `exited with code ${r.exit_code}`;
      const tail = r.output_tail.length > MESSAGE_TAIL ? `...${r.output_tail.slice(-MESSAGE_TAIL)}` : r.output_tail;
      throw new LanesError('CONFIG', `Setup command "${cmd.name}" (${cmd.command.join(' ')}) ${why}.${tail.trim() ? `\nOutput (tail):\n${tail.trimEnd()}` : ''}`, {
        hint: `Fix setup[${i}] in .lanes/config.json or what it depends on, then start the task again.`,
        details: { setup: results },
      });
    }
  }
  return results;
}

/** One command: own process group, timeout kills the group, output capped. Never throws for the command's own failure. */
export async function runCommand(cmd: SetupCommand, cwd: string, opts: RunOptions = {}): Promise<SetupStepResult> {
  const max = opts.maxOutput ?? 64 * 1024;
  const grace = opts.killGraceMs ?? 2000;
  const started = performance.now();
  const chunks: Buffer[] = [];
  let size = 0;
  const keep = (b: Buffer) => {
    chunks.push(b);
    size += b.length;
    while (size > max && chunks.length > 1) size -= chunks.shift()!.length;
  };
  const [file, ...args] = cmd.command;
  const child = execa(file!, args, {
    cwd,
    env: { ...opts.env, ...cmd.env },
    extendEnv: true,
    // A new process group (setsid): the timeout can kill everything the command started.
    detached: true,
    stdin: 'ignore',
    stdout: 'pipe',
    stderr: 'pipe',
    buffer: false,
    reject: false,
    stripFinalNewline: false,
  });
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const pid = child.pid;
  let timedOut = false;
  let killTimer: NodeJS.Timeout | undefined;
  const timer =
    pid === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          killGroup(pid, 'SIGTERM');
          killTimer = setTimeout(() => killGroup(pid, 'SIGKILL'), grace);
        }, cmd.timeout_seconds * 1000);
  // Wait for the command itself, not for its pipes: a background grandchild holding stdout open
  // must not keep us waiting until the timeout. Listen before anything else can yield.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: string }>((resolve) => {
    if (pid === undefined) {
      void child.then((r) => resolve({ code: null, signal: null, error: r.message }));
      return;
    }
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', (e) => resolve({ code: null, signal: null, error: e.message }));
  });
  if (pid !== undefined && opts.onSpawn) {
    try {
      await opts.onSpawn(cmd.name, pid);
    } catch (e) {
      if (timer) clearTimeout(timer);
      killGroup(pid, 'SIGKILL');
      throw e;
    }
  }
  const exit = await exited;
  if (timer) clearTimeout(timer);
  if (timedOut && pid !== undefined) {
    // The leader is gone; make sure nothing it started survives.
    if (killTimer) clearTimeout(killTimer);
    killGroup(pid, 'SIGKILL');
  }
  // Drain what the command wrote before exiting; stop waiting if a leftover grandchild keeps the
  // pipes open.
  const drained = (s: NodeJS.ReadableStream | null | undefined) =>
    s ? new Promise<void>((r) => (s as NodeJS.ReadableStream & { readableEnded?: boolean }).readableEnded ? r() : (s.once('end', () => r()), s.once('close', () => r()), s.once('error', () => r()))) : Promise.resolve();
  let drainTimer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.all([drained(child.stdout), drained(child.stderr)]),
    new Promise<void>((r) => (drainTimer = setTimeout(r, 1000))),
  ]);
  if (drainTimer) clearTimeout(drainTimer);
  child.stdout?.destroy();
  child.stderr?.destroy();
  void child.catch(() => {});
  let tail = Buffer.concat(chunks).toString('utf8');
  if (tail.length > max) tail = tail.slice(-max);
  if (exit.error) tail += `${tail && !tail.endsWith('\n') ? '\n' : ''}${exit.error}\n`;
  const r: SetupStepResult = {
    name: cmd.name,
    ok: !timedOut && exit.code === 0 && !exit.error,
    timed_out: timedOut,
    ms: Math.round(performance.now() - started),
    output_tail: tail,
  };
  if (exit.code !== null) r.exit_code = exit.code;
  if (exit.signal) r.signal = exit.signal;
  return r;
}

/** Signals a whole process group; a group that is already gone is fine. */
export function killGroup(pgid: number, signal: NodeJS.Signals): boolean {
  if (!Number.isSafeInteger(pgid) || pgid <= 1) return false;
  try {
    process.kill(-pgid, signal);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ESRCH') log.warn(`could not signal process group ${pgid}`, String(e));
    return false;
  }
}
