import type { Command } from 'commander';
import readline from 'node:readline/promises';
import { guessProject } from '../../core/init/guess.js';
import { CONFIG_PATH, initFiles, writeInitFiles, type InitFile } from '../../core/init/files.js';
import { LanesError } from '../../errors.js';
import { resolveRepo } from '../../git/repo.js';
import { action } from '../run.js';

function preview(files: readonly InitFile[], detected: readonly string[]): string {
  const head = detected.length ? `Detected: ${detected.join(', ')}.` : 'Detected no known build tool: no gates or setup guessed.';
  // The schema copy is long and generated: name it, do not print it.
  const shown = files.map((f) =>
    f.path.endsWith('.schema.json') ? `--- ${f.path} (the JSON Schema, for editors)` : `--- ${f.path}\n${f.content.trimEnd()}`,
  );
  return `${head}\n\n${shown.join('\n\n')}\n`;
}

export function registerInit(program: Command): void {
  program
    .command('init')
    .description(`write ${CONFIG_PATH} with gates and setup guessed from the project (and .worktreeinclude when .env files exist)`)
    .option('-y, --yes', 'write without asking')
    .option('--force', `replace an existing ${CONFIG_PATH}`)
    .action(
      action(async (o: { yes?: boolean; force?: boolean }) => {
        const repo = await resolveRepo(process.cwd());
        const guess = guessProject(repo.mainRoot);
        const files = initFiles(repo.mainRoot, guess, { force: o.force === true });
        process.stdout.write(preview(files, guess.detected));
        if (!o.yes) {
          if (!process.stdin.isTTY || !process.stdout.isTTY) {
            throw new LanesError('INVALID_INPUT', 'Nothing written: lanes init asks before writing, and this is not a terminal.', {
              hint: 'Run lanes init --yes to write the files shown above.',
            });
          }
          const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
          const answer = await rl.question(`\nWrite ${files.map((f) => f.path).join(', ')} in ${repo.mainRoot}? [y/N] `);
          rl.close();
          if (!/^y(es)?$/i.test(answer.trim())) {
            process.stdout.write('Nothing written.\n');
            return;
          }
        }
        writeInitFiles(repo.mainRoot, files);
        process.stdout.write(`Wrote ${files.map((f) => f.path).join(', ')}. Review the gates: they must pass before anything lands.\n`);
      }),
    );
}
