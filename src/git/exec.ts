/**
 * git as argv through execa: no shell anywhere (RELIABILITY.md rule 13), output never inherits
 * stdout (rule 14). Read-only callers pass `readOnly` so git takes no optional locks (rule 6).
 */
import { execa } from 'execa';
import { LanesError } from '../errors.js';

export interface GitResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface GitOptions {
  /** Extra environment; merged over process.env. */
  env?: Record<string, string | undefined>;
  /** Text fed to stdin. */
  input?: string;
  /** Exit codes that are answers, not failures (e.g. merge-tree's 1 on conflict). */
  okCodes?: number[];
  /** Polling reads: GIT_OPTIONAL_LOCKS=0 so they never collide with an agent's commit. */
  readOnly?: boolean;
  timeoutMs?: number;
}

export async function git(cwd: string, args: string[], opts: GitOptions = {}): Promise<GitResult> {
  const env: Record<string, string | undefined> = { ...opts.env };
  if (opts.readOnly) env.GIT_OPTIONAL_LOCKS = '0';
  // Never let git open an editor or a pager, or ask for credentials, from a tool call.
  env.GIT_TERMINAL_PROMPT = '0';
  env.GIT_EDITOR = env.GIT_EDITOR ?? 'true';
  env.GIT_PAGER = 'cat';
  let r;
  try {
    r = await execa('git', args, {
      cwd,
      env,
      extendEnv: true,
      reject: false,
      stdin: opts.input === undefined ? 'ignore' : 'pipe',
      input: opts.input,
      stripFinalNewline: false,
      timeout: opts.timeoutMs,
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (cause) {
    throw new LanesError('GIT', `could not run git ${args[0] ?? ''}: ${(cause as Error).message}`, {
      hint: 'Check that git is installed and on PATH.',
      cause,
    });
  }
  const exitCode = typeof r.exitCode === 'number' ? r.exitCode : -1;
  const out: GitResult = { stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? ''), exitCode };
  if (exitCode !== 0 && !(opts.okCodes ?? []).includes(exitCode)) {
    const what = args.filter((a) => !a.startsWith('-c') && !a.includes('=')).slice(0, 3).join(' ');
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
