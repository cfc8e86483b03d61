/**
 * `lanes remote enable | disable | status | sync`: shared state through the team's git remote, so
 * clones on other machines share one plan, one set of claims and one merge queue.
 */
import type { Command } from 'commander';
import { openProject } from '../../core/project/project.js';
import { disableRemote, enableRemote } from '../../core/remote/enable.js';
import { remoteBrief, syncRemote } from '../../core/remote/status.js';
import { renderRemoteBrief, renderEnabled } from '../../render/remote.js';
import { action, emit } from '../run.js';

export function registerRemote(program: Command): void {
  const remote = program.command('remote').description('share the plan, claims and merge queue with other machines through a git remote');
  remote
    .command('enable')
    .description('put this clone\'s shared state on the remote (default: "remote" in .lanes/config.json, else origin)')
    .argument('[remote]', 'a configured remote name or a URL')
    .option('--json', 'print JSON')
    .action(
      action(async (name: string | undefined, o: { json?: boolean }) => {
        const project = await openProject(process.cwd());
        const r = await enableRemote(project, name);
        emit(o.json, r, () => renderEnabled(r));
      }),
    );
  remote
    .command('disable')
    .description("work locally again (the last view of the shared state becomes this clone's own)")
    .option('--json', 'print JSON')
    .action(
      action(async (o: { json?: boolean }) => {
        const r = await disableRemote(await openProject(process.cwd()));
        emit(o.json, r, () =>
          r.remote ? `Shared state no longer goes through ${r.remote}; this clone works locally.` : 'Shared state was not enabled.',
        );
      }),
    );
  remote
    .command('status')
    .description("which remote, how old this clone's view is, the remote's target and its merge processor")
    .option('--json', 'print JSON')
    .action(
      action(async (o: { json?: boolean }) => {
        const project = await openProject(process.cwd());
        const b = await remoteBrief(project, (await project.config()).target);
        emit(o.json, b, () => renderRemoteBrief(b));
      }),
    );
  remote
    .command('sync')
    .description('read the remote now: shared state and the target branch')
    .option('--json', 'print JSON')
    .action(
      action(async (o: { json?: boolean }) => {
        const project = await openProject(process.cwd());
        const target = (await project.config()).target;
        await syncRemote(project, target);
        const b = await remoteBrief(project, target);
        emit(o.json, b, () => renderRemoteBrief(b));
      }),
    );
}
