/**
 * The configured `setup` commands, run in a new lane before it is handed out. Same rules as gates
 * (docs/safety.md rules 8, 16, 17): argv without a shell; each command in its own process
 * group, and a timeout kills the whole group (killing only the child left grandchildren running,
 * measured); output captured with a cap and never inherited, so stdout stays the protocol's.
 */
import { LanesError } from '../../errors.js';
import type { Repo } from '../../git/repo.js';
import { statusPorcelain } from '../../git/refs.js';
import { runCommand } from '../../system/command.js';
import { log } from '../../util/log.js';
import { excludeSetupOutputs, withGitLock } from './gitlock.js';

export interface SetupCommand {
  name: string;
  command: string[];
  timeout_seconds: number;
  // `| undefined`: the commands come from the parsed config, whose optional fields zod types so.
  env?: Record<string, string> | undefined;
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
}

const MESSAGE_TAIL = 2000;

/** Runs the commands in order; throws CONFIG on the first failure, with the output tail. */
export async function runSetup(commands: SetupCommand[], cwd: string, opts: RunOptions = {}): Promise<SetupStepResult[]> {
  const results: SetupStepResult[] = [];
  for (const [i, cmd] of commands.entries()) {
    const r = await runSetupCommand(cmd, cwd, opts);
    results.push(r);
    if (!r.ok) {
      const why = r.timed_out
        ? `timed out after ${cmd.timeout_seconds} s (its process group was killed)`
        : r.signal
          ? `was killed by ${r.signal}`
          : `exited with code ${r.exit_code}`;
      const tail = r.output_tail.length > MESSAGE_TAIL ? `...${r.output_tail.slice(-MESSAGE_TAIL)}` : r.output_tail;
      throw new LanesError(
        'CONFIG',
        `Setup command "${cmd.name}" (${cmd.command.join(' ')}) ${why}.${tail.trim() ? `\nOutput (tail):\n${tail.trimEnd()}` : ''}`,
        {
          hint: `Fix setup[${i}] in .lanes/config.json or what it depends on, then start the task again.`,
          details: { setup: results },
        },
      );
    }
  }
  return results;
}

/**
 * One setup command through the shared runner (src/system/command.ts: own process group, the
 * group killed on timeout and on exit, output capped). Never throws for the command's own failure.
 */
export async function runSetupCommand(cmd: SetupCommand, cwd: string, opts: RunOptions = {}): Promise<SetupStepResult> {
  const r = await runCommand(cmd.command, {
    cwd,
    env: { ...opts.env, ...cmd.env },
    timeoutMs: cmd.timeout_seconds * 1000,
    maxOutputBytes: opts.maxOutput ?? 64 * 1024,
    ...(opts.onSpawn ? { onSpawn: (pid: number) => opts.onSpawn!(cmd.name, pid) } : {}),
  });
  const out: SetupStepResult = {
    name: cmd.name,
    ok: !r.timedOut && r.exitCode === 0 && !r.error,
    timed_out: r.timedOut,
    ms: r.durationMs,
    output_tail: r.output,
  };
  if (r.exitCode !== null) out.exit_code = r.exitCode;
  if (r.signal) out.signal = r.signal;
  return out;
}

/**
 * What the setup commands left in a new lane as new files git would show (a `.venv/` the project
 * does not ignore): excluded in the repository's info/exclude, so an agent's `git add -A` does not
 * commit it and the Stop hook does not count it as work. Files the lane had copied in (.worktreeinclude)
 * are not setup's. Returns the patterns added.
 */
export async function excludeWhatSetupMade(repo: Repo, lane: string, copied: readonly string[]): Promise<string[]> {
  const made = (await statusPorcelain(lane, { collapseUntracked: true }))
    .filter((e) => e.code === '??' && !copied.includes(e.path))
    .map((e) => e.path);
  if (made.length === 0) return [];
  const added = await withGitLock(repo, 'exclude what setup made', async () => excludeSetupOutputs(repo, made));
  if (added.length) log.info(`excluded what setup made in the lane (in .git/info/exclude): ${added.join(' ')}`);
  return added;
}
