import type { Command } from 'commander';
import { openLanes } from '../../core/context.js';
import { checkResources } from '../../core/doctor.js';
import { status } from '../../core/status.js';
import { renderDoctor } from '../../render/doctor.js';
import { renderStatus } from '../../render/status.js';
import { action, emit } from '../run.js';

export function registerStatus(program: Command): void {
  program
    .command('status')
    .description('the whole picture at a glance: plan progress by wave, tasks, resources, recent events')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { json?: boolean }) => {
        const lanes = await openLanes(process.cwd());
        const s = await status(lanes);
        emit(opts.json, s, () => renderStatus(s));
      }),
    );

  program
    .command('doctor')
    .description('check git version, repository, config and free CPU / memory / disk')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { json?: boolean }) => {
        const d = await checkResources(process.cwd());
        emit(opts.json, d, () => renderDoctor(d as never));
        if (!d.ok) process.exitCode = 1;
      }),
    );
}
