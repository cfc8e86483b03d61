import type { Command } from 'commander';
import { openProject } from '../../core/project/project.js';
import { cliOwner } from '../../core/lanes/model.js';
import {
  approveMerge,
  cancelMerge,
  listGateLogs,
  mergeStatus,
  processMergeQueue,
  queueMerge,
  queueRevert,
  readGateLog,
  STRATEGIES,
  type Strategy,
} from '../../core/merge/index.js';
import { assertSlug } from '../../util/slug.js';
import { renderLogList, renderProcessed, renderQueued, renderStatus } from '../../render/merge.js';
import { safeBlock } from '../../util/escape.js';
import { LanesError } from '../../errors.js';
import { planMergeQueue, type MergeDryRun } from '../../core/merge/dry-run.js';
import { safeText } from '../../util/escape.js';
import { action, emit } from '../run.js';

function strategyOf(s: string | undefined): Strategy | undefined {
  if (s === undefined) return undefined;
  if (!(STRATEGIES as readonly string[]).includes(s)) {
    throw new LanesError('INVALID_INPUT', `Unknown strategy "${s}".`, { hint: `Use one of: ${STRATEGIES.join(', ')}.` });
  }
  return s as Strategy;
}

export function registerMerge(program: Command): void {
  const merge = program.command('merge').description('the merge queue: land finished lanes on the target with the gates green');

  merge
    .command('queue')
    .description("queue a task's lane for landing (checks for conflicts at once)")
    .argument('<task>')
    .option('--strategy <strategy>', `how it lands: ${STRATEGIES.join(' | ')} (default from .lanes/config.json)`)
    .option('--json', 'print JSON')
    .action(
      action(async (task: string, opts: { strategy?: string; json?: boolean }) => {
        const project = await openProject(process.cwd());
        const strategy = strategyOf(opts.strategy);
        const r = await queueMerge(project, { task_id: task, ...(strategy ? { strategy } : {}), requested_by: cliOwner() });
        emit(opts.json, r, () => renderQueued(r));
      }),
    );

  merge
    .command('run')
    .description('process the queue until nothing more can land (one processor at a time)')
    .option('--max-batches <n>', 'stop after this many batches', (v) => Number.parseInt(v, 10))
    .option('-n, --dry-run', 'say what would be integrated, in which order, and what conflicts with the target now; change nothing')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { maxBatches?: number; dryRun?: boolean; json?: boolean }) => {
        const project = await openProject(process.cwd());
        if (opts.dryRun) {
          const plan = await planMergeQueue(project);
          emit(opts.json, plan, () => renderMergeDryRun(plan));
          return;
        }
        const r = await processMergeQueue(project, {
          ...(opts.maxBatches !== undefined ? { maxBatches: opts.maxBatches } : {}),
          // Progress goes to stderr: stdout carries the result.
          onProgress: (m) => process.stderr.write(`lanes merge: ${m}\n`),
        });
        emit(opts.json, r, () => renderProcessed(r));
        if (r.failed.length) process.exitCode = 1;
      }),
    );

  merge
    .command('status')
    .description('the queue in order, with state, position, timings and last error')
    .option('--task <task>', 'only this task')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { task?: string; json?: boolean }) => {
        const project = await openProject(process.cwd());
        const s = await mergeStatus(project, opts.task ? { task: opts.task } : {});
        emit(opts.json, s, () => renderStatus(s));
      }),
    );

  merge
    .command('cancel')
    .description("take a task's entry out of the queue")
    .argument('<task>')
    .option('--json', 'print JSON')
    .action(
      action(async (task: string, opts: { json?: boolean }) => {
        const project = await openProject(process.cwd());
        const r = await cancelMerge(project, task);
        emit(opts.json, r, () =>
          r.cancelled ? `Cancelled ${task} (entry ${r.entry.id}).` : `${task} is being processed; it will be dropped before landing.`,
        );
      }),
    );

  merge
    .command('revert')
    .description("undo a task's landing: queues a revert commit that goes through the same queue and gates")
    .argument('<task>')
    .option('--json', 'print JSON')
    .action(
      action(async (task: string, opts: { json?: boolean }) => {
        const project = await openProject(process.cwd());
        const r = await queueRevert(project, task, { requested_by: cliOwner() });
        emit(opts.json, r, () =>
          r.already_queued
            ? `A revert of ${task} is already queued (entry ${r.entry.id}).`
            : `Queued a revert of ${task}'s landing ${r.entry.tip.slice(0, 12)} (entry ${r.entry.id}). Run \`lanes merge run\` to land it.`,
        );
      }),
    );

  merge
    .command('approve')
    .description("a human's decision: let a held entry (one that weakens the target's gates) land")
    .argument('<task>')
    .option('--json', 'print JSON')
    .action(
      action(async (task: string, opts: { json?: boolean }) => {
        const project = await openProject(process.cwd());
        const r = await approveMerge(project, task, cliOwner());
        emit(
          opts.json,
          r,
          () =>
            `Approved ${task} (entry ${r.entry.id}, tip ${r.entry.tip.slice(0, 12)}): it is queued again. Run \`lanes merge run\` to land it.`,
        );
      }),
    );

  merge
    .command('log')
    .description("the full output of a task's last gate run (setup and gates)")
    .argument('[task]', 'the task (default: the last gate run of any task)')
    .option('--list', 'list the gate runs kept, oldest first')
    .option('--id <id>', 'a run from --list instead of the last one')
    .option('--json', 'print JSON')
    .action(
      action(async (task: string | undefined, opts: { list?: boolean; id?: string; json?: boolean }) => {
        const project = await openProject(process.cwd());
        const t = task === undefined ? undefined : assertSlug(task);
        if (opts.list) {
          const runs = listGateLogs(project.repo, t);
          emit(opts.json, { runs }, () => renderLogList(runs));
          return;
        }
        const r = readGateLog(project.repo, t, opts.id);
        emit(opts.json, r, () => safeBlock(r.text).trimEnd());
      }),
    );
}

function renderMergeDryRun(p: MergeDryRun): string {
  const lines = [
    `Dry run: nothing was changed. ${p.target} is at ${p.target_sha.slice(0, 12)}; gates: ${p.gates.length ? p.gates.join(', ') : 'none configured'}; batches of up to ${p.batch_size}.`,
  ];
  for (const i of p.interrupted)
    lines.push(`A real run first settles ${i.task} (entry ${i.entry}), left ${i.state} by an interrupted run.`);
  for (const e of p.would_process) {
    const what = e.kind === 'revert' ? `revert ${e.task}` : `land ${e.task} @ ${e.tip.slice(0, 12)}`;
    const why = e.conflicts.length
      ? `conflicts with ${p.target} now in ${e.conflicts.map(safeText).join(', ')}`
      : `merges cleanly with ${p.target} now`;
    lines.push(
      `  batch ${e.batch}: would ${what} (entry ${e.entry}): ${why}${e.lane_moved ? '; the lane has moved since it was queued (the queued tip is what lands)' : ''}`,
    );
  }
  for (const w of p.waiting) lines.push(`  waiting: ${w.task} until ${w.on.join(', ')} land${w.on.length === 1 ? 's' : ''}`);
  if (!p.would_process.length) lines.push('Nothing to land.');
  return lines.join('\n');
}
