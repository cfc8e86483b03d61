import type { Command } from 'commander';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLanes } from '../../core/context.js';
import { planWork } from '../../core/planning.js';
import { git } from '../../git/exec.js';
import { renderPlanWork } from '../../render/plan.js';
import sampleTasks from '../../../examples/tasks.yaml';
import { action, emit } from '../run.js';

/**
 * The README's main command. For now it plans the sample tasks file shipped in examples/ inside a
 * fresh sample repository and prints the waves, conflicts and speedup; the full parallel run with
 * a scripted agent replaces it when `lanes run` exists.
 */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('plan the sample tasks file in a fresh sample repository and print waves, conflicts and speedup')
    .option('--dir <dir>', 'where to create the sample repository (default: a new temp dir)')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { dir?: string; json?: boolean }) => {
        const dir = opts.dir ? path.resolve(opts.dir) : fs.mkdtempSync(path.join(os.tmpdir(), 'lanes-demo-'));
        fs.mkdirSync(dir, { recursive: true });
        if (!fs.existsSync(path.join(dir, '.git'))) {
          await git(dir, ['init', '-q', '-b', 'main']);
          fs.writeFileSync(path.join(dir, 'README.md'), '# Lanes demo repository\n');
          fs.writeFileSync(path.join(dir, 'tasks.yaml'), sampleTasks);
          await git(dir, ['add', '-A']);
          await git(dir, ['-c', 'user.name=Lanes Demo', '-c', 'user.email=demo@lanes.invalid', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'sample repository']);
        }
        const lanes = await openLanes(dir);
        const r = await planWork(lanes, { source: 'tasks.yaml', replace: true }, dir);
        emit(opts.json, r, () =>
          [
            renderPlanWork(r),
            '',
            `Sample repository: ${dir}`,
            `Try: cd ${dir} && lanes status`,
          ].join('\n'),
        );
      }),
    );
}
