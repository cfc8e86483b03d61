/**
 * One agent process in its lane. Like runCommand (src/system/command.ts) it runs an argv without a
 * shell in its own process group and kills the whole group when it exits or when this process
 * exits (both through src/system/process-group.ts); unlike runCommand, which captures the capped tail of a short trusted
 * command, an agent runs for minutes to hours and its output is streamed: every line goes to the
 * lane's log file (so `tail -f` works during the run) and to `onLine` (the live display's "last
 * activity"), and the run can end it from outside at any moment (Ctrl-C).
 */
import fs from 'node:fs';
import path from 'node:path';
import { killGroupsMarked, releaseGroup, spawnGroup, stopGroup, trackedGroups } from '../../system/process-group.js';

export interface AgentExit {
  exitCode: number | null;
  signal: string | null;
  ms: number;
  /** Set when the program could not be started at all (ENOENT...). */
  error?: string;
}

export interface AgentProcess {
  /** Also the process group id. Undefined when the program could not be started. */
  pid: number | undefined;
  done: Promise<AgentExit>;
  /** Ends the whole group: SIGTERM, then SIGKILL after `graceMs`. Resolves when the agent exited. */
  stop(graceMs?: number): Promise<AgentExit>;
}

export interface SpawnAgentOptions {
  cwd: string;
  env: Record<string, string>;
  /** Inherited variables to leave out. */
  dropEnv?: readonly string[];
  /** Appended to (created with its directory). */
  logFile?: string;
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
}

/** Process groups of the agents this process is running (for tests and diagnostics). */
export function liveAgentGroups(): number[] {
  return trackedGroups('agent');
}

export function spawnAgent(argv: readonly string[], opts: SpawnAgentOptions): AgentProcess {
  const t0 = performance.now();
  const [file, ...args] = argv;
  let log: fs.WriteStream | undefined;
  if (opts.logFile) {
    fs.mkdirSync(path.dirname(opts.logFile), { recursive: true, mode: 0o700 });
    log = fs.createWriteStream(opts.logFile, { flags: 'a', mode: 0o600 });
  }
  const ms = () => Math.round(performance.now() - t0);
  if (!file) {
    log?.end();
    const r: AgentExit = { exitCode: null, signal: null, ms: 0, error: 'empty command' };
    return { pid: undefined, done: Promise.resolve(r), stop: async () => r };
  }
  const child = spawnGroup(file, args, { cwd: opts.cwd, env: childEnv(opts), kind: 'agent' });
  const pid = child.pid;

  const splitter = (stream: 'stdout' | 'stderr') => {
    let buf = '';
    return {
      data(chunk: Buffer) {
        log?.write(chunk);
        if (!opts.onLine) return;
        buf += chunk.toString('utf8');
        let i: number;
        while ((i = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, i).replace(/\r$/, '');
          buf = buf.slice(i + 1);
          if (line.trim()) opts.onLine(line, stream);
        }
        // A huge line without a newline (a long JSON event) must not grow without bound.
        if (buf.length > 1 << 20) buf = buf.slice(-(1 << 16));
      },
      flush() {
        if (buf.trim() && opts.onLine) opts.onLine(buf, stream);
        buf = '';
      },
    };
  };
  const out = splitter('stdout');
  const err = splitter('stderr');
  child.stdout?.on('data', (b: Buffer) => out.data(b));
  child.stderr?.on('data', (b: Buffer) => err.data(b));

  const done = new Promise<AgentExit>((resolve) => {
    let settled = false;
    const finish = (r: AgentExit) => {
      if (settled) return;
      settled = true;
      // Whatever the agent left running in its group (a dev server, a watcher) goes with it.
      if (pid !== undefined) releaseGroup(pid);
      // Let the pipes drain what was written before the exit, then close the log.
      setTimeout(() => {
        out.flush();
        err.flush();
        child.stdout?.destroy();
        child.stderr?.destroy();
        if (r.error) log?.write(`\nlanes: could not run ${file}: ${r.error}\n`);
        log?.end();
        resolve(r);
      }, 50);
    };
    child.once('exit', (code, signal) => finish({ exitCode: code, signal, ms: ms() }));
    child.once('error', (e) => finish({ exitCode: null, signal: null, ms: ms(), error: e.message }));
  });

  const stop = async (graceMs = 3000): Promise<AgentExit> => {
    if (pid === undefined) return done;
    return stopGroup(pid, done, graceMs);
  };
  return { pid, done, stop };
}

function childEnv(opts: SpawnAgentOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of opts.dropEnv ?? []) delete env[k];
  return { ...env, ...opts.env };
}

/**
 * Ends every process a crashed `lanes run` left behind for run `runId`: each agent (and whatever
 * it started) carries LANES_RUN_ID=<run> in its environment, so on Linux they are found in /proc
 * whether or not the run managed to record their process groups, and a recycled pid is never
 * mistaken for one. Their whole groups are killed, never our own. Elsewhere nothing is killed.
 * Returns the number of groups ended.
 */
export function killLeftoverAgents(runId: string): number {
  return killGroupsMarked(`LANES_RUN_ID=${runId}`);
}
