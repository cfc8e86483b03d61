/**
 * Runs a trusted command (a gate, a setup step) the way docs/safety.md rules 8, 16 and 17 ask: argv
 * with no shell, in its own process group (`detached`, i.e. setsid), a timeout that
 * SIGKILLs the whole group (measured: killing only the child left grandchildren running), output
 * captured as a capped tail and never inherited (stdout belongs to the protocol).
 *
 * When the command exits, whatever it left running in its group is killed too, so a gate's
 * background grandchildren never outlive the gate. The groups are recorded and reaped by
 * src/system/process-group.ts (killed if this process exits first); a SIGKILL of this process
 * cannot be caught, so callers that must survive that record the group id (`onSpawn`) and kill it
 * on recovery.
 */
import { killProcessGroup, releaseGroup, spawnGroup } from './process-group.js';

export interface RunCommandOptions {
  cwd: string;
  /** Extra environment, merged over process.env. */
  env?: Record<string, string | undefined>;
  /** Kill the whole process group after this long. Default: no limit. */
  timeoutMs?: number;
  /** Bytes of output kept (the tail). Default 64 KiB. */
  maxOutputBytes?: number;
  /** Called as soon as the command runs, with its pid (which is also its process group id). */
  onSpawn?: (pgid: number) => void | Promise<void>;
  /** Sees every chunk of output as it arrives (e.g. to keep a full log on disk). */
  onOutput?: (chunk: Buffer) => void;
  /** Kill what the command left running in its group when it exits. Default true. */
  killGroupOnExit?: boolean;
}

export interface RunCommandResult {
  /** null when the command was killed by a signal or never started. */
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  /** The capped tail of stdout and stderr, interleaved as they arrived. */
  output: string;
  durationMs: number;
  /** Set when the command could not be started at all (ENOENT...). */
  error?: string;
}

const DEFAULT_MAX_OUTPUT = 64 * 1024;

/** Keeps the last `max` bytes of what arrives, in arrival order. */
class Tail {
  private chunks: Buffer[] = [];
  private size = 0;
  dropped = 0;

  constructor(private readonly max: number) {}

  push(b: Buffer): void {
    this.chunks.push(b);
    this.size += b.length;
    while (this.size > this.max && this.chunks.length > 0) {
      const first = this.chunks[0]!;
      const excess = this.size - this.max;
      if (first.length <= excess) {
        this.chunks.shift();
        this.size -= first.length;
        this.dropped += first.length;
      } else {
        this.chunks[0] = first.subarray(excess);
        this.size -= excess;
        this.dropped += excess;
      }
    }
  }

  text(): string {
    const body = Buffer.concat(this.chunks).toString('utf8');
    return this.dropped > 0 ? `[... ${this.dropped} earlier bytes dropped ...]\n${body}` : body;
  }
}

export async function runCommand(argv: string[], opts: RunCommandOptions): Promise<RunCommandResult> {
  const [file, ...args] = argv;
  const started = performance.now();
  const tail = new Tail(opts.maxOutputBytes ?? DEFAULT_MAX_OUTPUT);
  if (!file) return { exitCode: null, signal: null, timedOut: false, output: '', durationMs: 0, error: 'empty command' };
  const child = spawnGroup(file, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, kind: 'command' });
  // Every pipe closed: what the command wrote before it exited has been read.
  const drained = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const take = (b: Buffer) => {
    tail.push(b);
    opts.onOutput?.(b);
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  const pid = child.pid;
  // Wait for the command itself, not its pipes: a background grandchild holding stdout open must
  // not keep us waiting. Listen before anything else can yield.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: string }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', (e) => resolve({ code: null, signal: null, error: e.message }));
  });
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  if (pid !== undefined) {
    if (opts.timeoutMs !== undefined) {
      timer = setTimeout(() => {
        timedOut = true;
        killProcessGroup(pid, 'SIGKILL');
      }, opts.timeoutMs);
    }
    if (opts.onSpawn) {
      try {
        await opts.onSpawn(pid);
      } catch (e) {
        if (timer) clearTimeout(timer);
        releaseGroup(pid);
        throw e;
      }
    }
  }
  const exit = await exited;
  if (timer) clearTimeout(timer);
  if (pid !== undefined) {
    releaseGroup(pid, opts.killGroupOnExit !== false || timedOut);
  }
  // Give the pipes a moment to drain what was written before the exit, then let go of them.
  await Promise.race([drained, new Promise((r) => setTimeout(r, 200))]);
  child.stdout?.destroy();
  child.stderr?.destroy();
  let output = tail.text();
  if (exit.error) output += `${output && !output.endsWith('\n') ? '\n' : ''}could not run ${file}: ${exit.error}\n`;
  const r: RunCommandResult = {
    exitCode: exit.code,
    signal: exit.signal,
    timedOut,
    output,
    durationMs: Math.round(performance.now() - started),
  };
  if (exit.error) r.error = exit.error;
  return r;
}
