// The `lanes run` and `lanes agent` commands as a process of their own (real signals, real exit
// codes), independent of which commands src/cli/main.ts registers.
import { Command } from 'commander';
import { registerAgent } from '../../../../src/cli/commands/agent.js';
import { registerRun } from '../../../../src/cli/commands/run.js';

const program = new Command().name('lanes');
registerRun(program);
registerAgent(program);
await program.parseAsync(process.argv);
