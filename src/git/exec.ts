/**
 * git as argv: no shell anywhere, and git's output never inherits our stdout (it belongs to the
 * protocol). Read-only callers pass `readOnly` so git takes no optional locks and never collides
 * with an agent's commit.
 *
 * Straight on node:child_process rather than execa: every hook that runs git would otherwise load
 * execa and its dozens of modules (about +40 ms on a loaded 2-core machine, measured), and its
 * spawn path costs a few ms more per call. Only what git needs is kept: argv, cwd, environment,
 * optional stdin text, a timeout, an output cap.
 */
import { existsSync } from 'node:fs';
import { LanesError } from '../errors.js';
import { childProcess } from '../system/child-process.js';

export interface GitResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

// Options bags are forwarded from callers' own optional options, so an absent value may arrive as
// `undefined`: each field says so, and each is read with a default.
export interface GitOptions {
  /** Extra environment; merged over process.env. */
  env?: Record<string, string | undefined> | undefined;
  /** Text fed to stdin. */
  input?: string | undefined;
  /** Exit codes that are answers, not failures (e.g. merge-tree's 1 on conflict). */
  okCodes?: number[];
  /** Polling reads: GIT_OPTIONAL_LOCKS=0 so they never collide with an agent's commit. */
  readOnly?: boolean;
  timeoutMs?: number;
}

/** The environment every git Lanes runs gets: this process's, the caller's, and no prompts. */
export function gitEnv(opts: Pick<GitOptions, 'env' | 'readOnly'> = {}): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...opts.env };
  if (opts.readOnly) env.GIT_OPTIONAL_LOCKS = '0';
  // Never let git open an editor or a pager, or ask for credentials, from a tool call.
  env.GIT_TERMINAL_PROMPT = '0';
  env.GIT_EDITOR = env.GIT_EDITOR ?? 'true';
  env.GIT_PAGER = 'cat';
  return { ...process.env, ...env };
}

export async function git(cwd: string, args: string[], opts: GitOptions = {}): Promise<GitResult> {
  let r: RawResult;
  try {
    r = await run(args, cwd, gitEnv(opts), opts.input, opts.timeoutMs);
  } catch (cause) {
    // A missing cwd makes spawn report ENOENT as if git itself were missing: say which it is.
    const gone = !existsSync(cwd);
    throw new LanesError(
      'GIT',
      gone
        ? `could not run git ${args[0] ?? ''}: the directory ${cwd} does not exist`
        : `could not run git ${args[0] ?? ''}: ${(cause as Error).message}`,
      {
        hint: gone ? 'The directory was removed; run the command from an existing checkout.' : 'Check that git is installed and on PATH.',
        cause,
      },
    );
  }
  // Killed by a signal (a timeout, the output cap) counts as exit -1: never an answer.
  const exitCode = r.code ?? -1;
  const out: GitResult = { stdout: r.stdout, stderr: r.stderr, exitCode };
  if (exitCode !== 0 && !(opts.okCodes ?? []).includes(exitCode)) {
    const what = args
      .filter((a) => !a.startsWith('-c') && !a.includes('='))
      .slice(0, 3)
      .join(' ');
    throw new LanesError('GIT', `git ${what} failed (exit ${exitCode}): ${out.stderr.trim() || out.stdout.trim()}`, {
      details: { args, exitCode, stderr: out.stderr.slice(-4000) },
    });
  }
  return out;
}

/** git, trimmed stdout. */
export async function gitOut(cwd: string, args: string[], opts: GitOptions = {}): Promise<string> {
  return (await git(cwd, args, opts)).stdout.trim();
}

const MAX_BUFFER = 64 * 1024 * 1024;

interface RawResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** One git process; rejects only when it cannot be started at all (ENOENT, EACCES...). */
function run(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  input: string | undefined,
  timeoutMs: number | undefined,
): Promise<RawResult> {
  return new Promise((resolve, reject) => {
    const child = childProcess().spawn('git', args, {
      cwd,
      env,
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    let killed = false;
    const kill = () => {
      if (killed) return;
      killed = true;
      child.kill('SIGTERM');
    };
    const collect = (into: Buffer[]) => (c: Buffer) => {
      size += c.length;
      if (size > MAX_BUFFER) return kill();
      into.push(c);
    };
    child.stdout!.on('data', collect(out));
    child.stderr!.on('data', collect(err));
    const timer = timeoutMs !== undefined && timeoutMs > 0 ? setTimeout(kill, timeoutMs) : undefined;
    let started = false;
    child.once('spawn', () => {
      started = true;
    });
    child.once('error', (e) => {
      if (timer) clearTimeout(timer);
      if (!started) reject(e);
    });
    const text = (b: Buffer[]) => Buffer.concat(b).toString('utf8');
    // 'close', not 'exit': both pipes are drained by then.
    child.once('close', (code) => {
      if (timer) clearTimeout(timer);
      resolve({ code: killed ? null : code, stdout: text(out), stderr: text(err) });
    });
    // A git we ended may leave a child of its own (an alias, a hook) holding the pipes open:
    // do not wait for that one.
    child.once('exit', () => {
      if (!killed) return;
      if (timer) clearTimeout(timer);
      child.stdout!.destroy();
      child.stderr!.destroy();
      resolve({ code: null, stdout: text(out), stderr: text(err) });
    });
    if (input !== undefined) {
      // git may exit before reading all of its input (EPIPE): its exit code tells what happened.
      child.stdin!.on('error', () => {});
      child.stdin!.end(input);
    }
  });
}
