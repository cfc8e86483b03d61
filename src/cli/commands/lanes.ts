import type { Command } from 'commander';
import { openProject } from '../../core/project/project.js';
import { cleanupLanes, type CleanupResult } from '../../core/lanes/cleanup.js';
import { listLanes, type ListResult } from '../../core/lanes/list.js';
import { cliOwner } from '../../core/lanes/model.js';
import { removeLane, type RemoveResult } from '../../core/lanes/remove.js';
import type { StartResult } from '../../core/lanes/model.js';
import { startLane } from '../../core/lanes/start.js';
import { takeTask, type TakeResult } from '../../core/lanes/take.js';
import { safeText } from '../../util/escape.js';
import { colorEnabled, NEEDS_FIX_SGR, paintState, sgr } from '../../render/color.js';
import { toldText } from '../../render/status.js';
import { lanePath } from '../../core/lanes/path.js';
import { isLanesError } from '../../errors.js';
import { action, emit, reportError } from '../run.js';

export function registerLanes(program: Command): void {
  program
    .command('start')
    .description('start a task in its own lane: branch lanes/<task> + worktree .claude/worktrees/<task>, setup, file claims')
    .argument('<task>', 'task id from the plan')
    .option('--base <rev>', 'branch, tag or commit to start from (default: the target branch)')
    .option(
      '--owner <owner>',
      'who works on it (default: $LANES_OWNER, else cli:<user>@<host>); the same owner starting it again gets the lane back',
    )
    .option('--json', 'print JSON')
    .action(
      action(async (task: string, opts: { base?: string; owner?: string; json?: boolean }) => {
        const project = await openProject(process.cwd());
        const r = await startLane(project, {
          task_id: task,
          owner: opts.owner ?? cliOwner(),
          ...(opts.base !== undefined ? { base: opts.base } : {}),
        });
        emit(opts.json, r, () => renderStart(r));
      }),
    );

  program
    .command('take')
    .description('take over a task whose owner is gone (lease expired): keeps its lane, commits and notes, moves its claims to you')
    .argument('<task>', 'task id')
    .option('--owner <owner>', 'the new owner (default: $LANES_OWNER, else cli:<user>@<host>)')
    .option('--force', 'take it even from a live owner (a human decision)')
    .option('--json', 'print JSON')
    .action(
      action(async (task: string, opts: { owner?: string; force?: boolean; json?: boolean }) => {
        const r = await takeTask(await openProject(process.cwd()), {
          task_id: task,
          owner: opts.owner ?? cliOwner(),
          force: opts.force === true,
        });
        emit(opts.json, r, () => renderTake(r));
      }),
    );

  program
    .command('list')
    .alias('ls')
    .description('list lanes: task, owner, base, uncommitted files, commits ahead/behind the target, last activity')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { json?: boolean }) => {
        const r = await listLanes(await openProject(process.cwd()));
        emit(opts.json, r, () => renderList(r, { color: colorEnabled() }));
      }),
    );

  program
    .command('path')
    .description('print the path of a task\'s lane, for cd "$(lanes path <task>)"')
    .argument('<task>', 'task id')
    .option('--json', 'print JSON')
    .action(
      action(async (task: string, opts: { json?: boolean }) => {
        const r = await lanePath(await openProject(process.cwd()), task).catch((e: unknown) => {
          // No lane is a plain failure here (exit 1), the way `git rev-parse` fails on a missing name.
          reportError(e, opts.json === true);
          if (isLanesError(e, 'NOT_FOUND')) process.exitCode = 1;
          return undefined;
        });
        if (!r) return;
        // Bare on stdout (no escaping): a shell substitutes it whole.
        if (opts.json) emit(true, r, () => '');
        else process.stdout.write(`${r.path}\n`);
      }),
    );

  program
    .command('remove')
    .description('remove a lane whose work has landed (refuses uncommitted or unlanded work unless --force)')
    .argument('<task>', 'task id')
    .option(
      '--force',
      "remove anyway, even another live owner's lane; commits and uncommitted changes are kept under refs/lanes/backup/<task>/<time>",
    )
    .option('--owner <owner>', 'who you are (default: $LANES_OWNER, else cli:<user>@<host>)')
    .option('-n, --dry-run', 'say what would be removed and kept (the same checks and refusals); change nothing')
    .option('--json', 'print JSON')
    .action(
      action(async (task: string, opts: { force?: boolean; owner?: string; dryRun?: boolean; json?: boolean }) => {
        const r = await removeLane(await openProject(process.cwd()), {
          task_id: task,
          force: opts.force === true,
          actor: opts.owner ?? cliOwner(),
          dryRun: opts.dryRun === true,
        });
        emit(opts.json, r, () => renderRemove(r));
      }),
    );

  program
    .command('cleanup')
    // `gc` was its name before 0.2; kept as an alias.
    .alias('gc')
    .description('remove finished, clean lanes and stale lane records; report the rest (never prunes other worktrees)')
    .option('-n, --dry-run', 'say what would be removed and what kept; change nothing')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { dryRun?: boolean; json?: boolean }) => {
        const r = await cleanupLanes(await openProject(process.cwd()), { dryRun: opts.dryRun === true });
        emit(opts.json, r, () => renderCleanup(r));
      }),
    );
}

function renderTake(r: TakeResult): string {
  const from = r.from === r.owner ? 'yourself' : safeText(r.from);
  const lines = [`Took over ${r.task_id} from ${from} (${r.because}); owner now ${safeText(r.owner)}`];
  if (r.path) lines.push(`  path    ${r.path}`, `  branch  ${r.branch}`);
  if (r.claims.length) lines.push(`  claims  ${r.claims.join(', ')}`);
  return lines.join('\n');
}

function renderStart(r: StartResult): string {
  const lines = [
    `${r.resumed ? 'Resumed your lane' : 'Lane ready'} for ${r.task_id}`,
    `  path    ${r.path}`,
    `  branch  ${r.branch} from ${r.base.slice(0, 12)} (${r.base_ref}), lands on ${r.target}`,
    `  owner   ${r.owner}`,
  ];
  if (r.claims.length) lines.push(`  claims  ${r.claims.join(', ')}`);
  if (r.included.length) lines.push(`  copied  ${r.included.join(', ')}`);
  for (const s of r.include_skipped) lines.push(`  not copied: ${s.path} (${s.reason})`);
  if (r.setup.length) lines.push(`  setup   ${r.setup.map((s) => `${s.name} ${s.ms} ms`).join(', ')}`);
  return lines.join('\n');
}

function ago(iso: string | undefined): string {
  if (!iso) return '-';
  const s = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
  return s < 90
    ? `${s}s ago`
    : s < 5400
      ? `${Math.round(s / 60)}m ago`
      : s < 172800
        ? `${Math.round(s / 3600)}h ago`
        : `${Math.round(s / 86400)}d ago`;
}

function renderList(r: ListResult, o: { color?: boolean } = {}): string {
  if (!r.lanes.length) return `No lanes (target ${r.target}).`;
  const paint = (t: string) => (o.color ? sgr(NEEDS_FIX_SGR, t) : t);
  const rows = r.lanes.map((l) => [
    l.kind === 'foreign' ? '(foreign)' : (l.task_id ?? ''),
    l.kind === 'foreign' ? '-' : l.needs_fix ? 'needs fix' : (l.state ?? ''),
    safeText(l.owner ?? '-'),
    l.ahead === undefined ? '-' : `+${l.ahead}/-${l.behind ?? 0}`,
    l.missing ? 'MISSING' : l.dirty_count ? `${l.dirty_count} dirty` : 'clean',
    ago(l.last_activity),
    safeText(l.path),
  ]);
  const head = ['TASK', 'STATE', 'OWNER', `VS ${r.target}`, 'TREE', 'ACTIVE', 'PATH'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const fmt = (row: string[], state?: string) =>
    row
      .map((c, i) =>
        i === row.length - 1 ? c : i === 1 ? paintState(!!o.color && !!state, state, c.padEnd(widths[i]!)) : c.padEnd(widths[i]!),
      )
      .join('  ');
  // Lanes that need a fix come first (listLanes orders them); the reason goes on its own line.
  const body = r.lanes.flatMap((l, i) =>
    l.needs_fix
      ? [paint(fmt(rows[i]!)), paint(`  needs fix: ${safeText(l.needs_fix.reason)}${toldText(l.needs_fix)}`)]
      : [fmt(rows[i]!, l.kind === 'lane' ? l.task_status : undefined)],
  );
  const problems = r.lanes.filter((l) => l.problem).map((l) => `  ${l.task_id ?? safeText(l.path)}: ${safeText(l.problem)}`);
  return [fmt(head), ...body, ...(problems.length ? ['Problems:', ...problems] : [])].join('\n');
}

function renderRemove(r: RemoveResult): string {
  if (r.dry_run) {
    const lines = [
      `Would remove the lane of ${r.task_id} (${r.path})${r.deleted_branch ? ` and branch ${r.branch}` : ''}; nothing was changed (dry run).`,
    ];
    for (const ref of r.backup_refs) lines.push(`  would keep ${ref}`);
    for (const n of r.notes) lines.push(`  ${n}`);
    return lines.join('\n');
  }
  const lines = [`Removed the lane of ${r.task_id} (${r.path})${r.deleted_branch ? ` and branch ${r.branch}` : ''}.`];
  if (r.branch_kept) lines.push(`  ${r.branch_kept}`);
  for (const ref of r.backup_refs) {
    const how = ref.endsWith('-stash')
      ? `restore with: git stash apply ${ref}`
      : ref.endsWith('-worktree')
        ? `files (incl. untracked and ignored) as a commit: git checkout ${ref} -- .`
        : /-(head|reflog-\d+)$/.test(ref) || ref.startsWith('refs/lanes/landed/')
          ? `a branch of it: git branch <name> ${ref}`
          : `recreate the branch with: git branch ${r.branch} ${ref}`;
    lines.push(`  kept ${ref} (${how})`);
  }
  for (const n of r.notes) lines.push(`  ${n}`);
  if (r.released_claims) lines.push(`  released ${r.released_claims} claim(s)`);
  return lines.join('\n');
}

function renderCleanup(r: CleanupResult): string {
  const would = r.dry_run ? 'would ' : '';
  const lines = [
    r.dry_run
      ? `Would remove ${r.removed.length} lane(s), freeing ${(r.freed_bytes / 1048576).toFixed(1)} MiB; nothing was changed (dry run).`
      : `Removed ${r.removed.length} lane(s), freed ${(r.freed_bytes / 1048576).toFixed(1)} MiB.`,
  ];
  for (const x of r.removed)
    lines.push(
      `  ${would}remove ${x.task_id}: ${x.reason}`.replace(/^ {2}remove/, '  removed'),
      ...x.backup_refs.map((ref) => `    ${would}keep ${ref}`.replace(/^ {4}keep/, '    kept')),
    );
  for (const k of r.kept) lines.push(`  kept ${k.task_id ?? k.path}: ${k.reason.replace(/\n/g, '\n    ')}`);
  return lines.join('\n');
}
