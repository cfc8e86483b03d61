/**
 * The `lanes` CLI program, loaded by the entry (src/cli/main.ts): one bundled entry whose
 * subcommands include `mcp` (the stdio MCP server). Subcommands live in src/cli/commands/, one
 * file per family.
 */
import { Command } from 'commander';
import { VERSION } from '../version.js';
import { registerAgent } from './commands/agent.js';
import { registerClaims } from './commands/claims.js';
import { registerDashboard } from './commands/dashboard.js';
import { registerDemo } from './commands/demo.js';
import { registerInit } from './commands/init.js';
import { registerLanes } from './commands/lanes.js';
import { registerMcp } from './commands/mcp.js';
import { registerMerge } from './commands/merge.js';
import { registerPlan } from './commands/plan.js';
import { registerRun } from './commands/run.js';
import { registerSessions } from './commands/sessions.js';
import { registerStatus } from './commands/status.js';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('lanes')
    .description('Run many coding agents on one git repository: a checked plan, a worktree per task, enforced file claims, a merge queue that keeps main green.')
    .version(VERSION, '-v, --version')
    .showHelpAfterError()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerInit(program);
  registerPlan(program);
  registerStatus(program);
  registerLanes(program);
  registerClaims(program);
  registerMerge(program);
  registerSessions(program);
  registerRun(program);
  registerDashboard(program);
  registerMcp(program);
  registerDemo(program);
  registerAgent(program);
  return program;
}
