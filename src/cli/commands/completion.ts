import type { Command } from 'commander';
import { LanesError } from '../../errors.js';
import { completionScript, SHELLS, type Shell } from '../completion.js';
import { action } from '../run.js';

export function registerCompletion(program: Command, root: () => Command): void {
  program
    .command('completion')
    .description(`print a shell completion script (${SHELLS.join(' | ')}) for commands and options`)
    .argument('<shell>', SHELLS.join(' | '))
    .action(
      action(async (shell: string) => {
        if (!(SHELLS as readonly string[]).includes(shell)) {
          throw new LanesError('INVALID_INPUT', `No completion for shell "${shell}".`, { hint: `Use one of: ${SHELLS.join(', ')}.` });
        }
        // Printed as is: the script is ours, not stored text, and must reach the shell unchanged.
        process.stdout.write(completionScript(root(), shell as Shell));
      }),
    );
}
