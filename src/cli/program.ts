/**
 * The `lanes` CLI program, loaded by the entry (src/cli/main.ts): one bundled entry whose
 * subcommands include `mcp` (the stdio MCP server). Subcommands live in src/cli/commands/, one
 * file per family.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { LanesError } from '../errors.js';
import { VERSION } from '../version.js';
import { registerAgent } from './commands/agent.js';
import { registerClaims } from './commands/claims.js';
import { registerCompletion } from './commands/completion.js';
import { registerDashboard } from './commands/dashboard.js';
import { registerDemo } from './commands/demo.js';
import { registerInit } from './commands/init.js';
import { registerLanes } from './commands/lanes.js';
import { registerMcp } from './commands/mcp.js';
import { registerMerge } from './commands/merge.js';
import { registerPlan } from './commands/plan.js';
import { registerRemote } from './commands/remote.js';
import { registerRun } from './commands/run.js';
import { registerSessions } from './commands/sessions.js';
import { registerStatus } from './commands/status.js';
import { examplesText } from './examples.js';
import { jsonOut, reportError } from './run.js';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('lanes')
    .description(
      'Run many coding agents on one git repository: a checked plan, a worktree per task, enforced file claims, a merge queue that keeps main green.',
    )
    .version(VERSION, '-v, --version')
    // Like git -C: each one is taken relative to the one before.
    .option('-C <dir>', 'run as if lanes was started in <dir> (may be repeated)', (v: string, prev: string | undefined) =>
      path.resolve(prev ?? '.', v),
    )
    .showSuggestionAfterError()
    // commander's own parse errors exit 2 (bad input), like every other input error of lanes.
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), outputError: (s) => writeParseError(s) });
  program.hook('preAction', (root) => {
    const dir = (root.opts() as { C?: string }).C;
    if (dir === undefined) return;
    if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
      throw new LanesError('INVALID_INPUT', `Cannot change to ${JSON.stringify(dir)}: no such directory.`, {
        hint: 'Give -C an existing directory (relative paths are taken from the current one).',
      });
    }
    process.chdir(dir);
  });
  registerInit(program);
  registerPlan(program);
  registerStatus(program);
  registerLanes(program);
  registerClaims(program);
  registerMerge(program);
  registerSessions(program);
  registerRun(program);
  registerRemote(program);
  registerDashboard(program);
  registerMcp(program);
  registerDemo(program);
  registerAgent(program);
  registerCompletion(program, () => program);
  for (const { cmd, path: p } of walkCommands(program)) {
    const text = examplesText(p);
    if (text) cmd.addHelpText('after', text);
  }
  return program;
}

/** Every command of the tree with its path ('' for the program, 'merge run', ...). */
export function walkCommands(root: Command): Array<{ cmd: Command; path: string }> {
  const out: Array<{ cmd: Command; path: string }> = [];
  const visit = (cmd: Command, p: string) => {
    out.push({ cmd, path: p });
    for (const sub of cmd.commands) visit(sub, p ? `${p} ${sub.name()}` : sub.name());
  };
  visit(root, '');
  return out;
}

/**
 * Runs the program on `argv`; a parse error or a failure outside any command's action (a bad -C)
 * is reported the way command failures are, with exit code 2 for bad input.
 */
export async function runProgram(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and --version end with exit code 0; `lanes` alone prints help and fails (1).
      process.exitCode =
        e.exitCode === 0 || e.code === 'commander.help' || e.code === 'commander.helpDisplayed' || e.code === 'commander.version'
          ? e.exitCode
          : 2;
      return;
    }
    reportError(e, jsonWanted(argv));
  }
}

function jsonWanted(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).includes('--json');
}

/**
 * commander's parse errors in lanes' voice: one line for an unknown command, with commander's
 * suggestion ("lanes: unknown command 'stauts'. Did you mean 'status'?"), a pointer to --help for
 * the rest, and `{"error": ...}` on stdout under --json.
 */
function writeParseError(raw: string): void {
  const text = raw.trim().replace(/^error: /, '');
  const m = /^(unknown (?:command|option) '[^']*')(?:\s*\(Did you mean (one of )?(.*)\?\))?/s.exec(text);
  let message = text;
  let hint: string | null = "See 'lanes --help', or 'lanes <command> --help'.";
  if (m) {
    const names = m[3]?.split(', ').map((n) => `'${n}'`);
    message = `${m[1]}.${names ? ` Did you mean ${m[2] ? 'one of ' : ''}${names.join(', ')}?` : ''}`;
    hint = names ? null : hint;
  }
  if (jsonWanted(process.argv)) {
    process.stdout.write(`${jsonOut({ error: { code: 'INVALID_INPUT', message, hint } })}\n`);
    return;
  }
  process.stderr.write(`lanes: ${message}\n${hint ? `${hint}\n` : ''}`);
}
