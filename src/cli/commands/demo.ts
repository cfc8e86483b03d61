import type { Command } from 'commander';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyEdit, parseEdits, type Edit } from '../../agent/scripted.js';
import { openProject } from '../../core/project/project.js';
import { planWork } from '../../core/plan/planning.js';
import type { RunReport } from '../../core/run/index.js';
import sampleRepo from '../../../examples/demo/sample-repo.md';
import demoTasks from '../../../examples/demo/tasks.yaml';
import { LanesError } from '../../errors.js';
import { git, gitOut } from '../../git/exec.js';
import { renderPlanWork } from '../../render/plan.js';
import { action } from '../run.js';
import { exitCodeOf, interruptOnSignals, runFromCli, type RunIo } from './run.js';

/**
 * The README's main command: a sample repository (examples/demo/sample-repo.md: a small Node project
 * with a test suite, a gate that runs it, and a tasks file of eight tasks in three waves with one conflicting
 * pair) run end to end by `lanes run` with the built-in scripted agent — real worktrees, claims,
 * gates and merges — then the report and where to look. `--agent claude` uses the real CLI.
 */
export interface DemoOptions {
  dir?: string;
  agent?: string;
  maxParallel?: number;
  unitMs?: number;
  json?: boolean;
  live?: boolean;
}

/** Milliseconds per estimate hour for the scripted agent: tasks take 1.5 to 4.5 s. */
export const DEMO_UNIT_MS = 1500;

/** The sample repository's files (examples/demo/sample-repo.md, bundled): `file <path>` blocks. */
export function sampleFiles(): Edit[] {
  return [...parseEdits(sampleRepo), { kind: 'file', path: 'tasks.yaml', content: demoTasks }];
}

/** A fresh sample repository in `dir` (created, or empty), one commit on main. */
export async function createSampleRepo(dir: string): Promise<void> {
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
    throw new LanesError('INVALID_INPUT', `${dir} is not empty.`, {
      hint: 'Give --dir a new or empty directory (or leave it out for a temp dir).',
    });
  }
  fs.mkdirSync(dir, { recursive: true });
  for (const f of sampleFiles()) applyEdit(dir, f);
  await git(dir, ['init', '-q', '-b', 'main']);
  // The sample's own identity: a fresh machine may have none, and commits must not fail on it.
  for (const [k, v] of [
    ['user.name', 'Lanes Demo'],
    ['user.email', 'demo@lanes.invalid'],
    ['commit.gpgsign', 'false'],
    ['gc.auto', '0'],
  ]) {
    await git(dir, ['config', k!, v!]);
  }
  await git(dir, ['add', '-A']);
  await git(dir, ['commit', '-q', '-m', 'Sample repository: accounts for a small web app']);
}

export async function runDemo(o: DemoOptions, io: RunIo): Promise<{ dir: string; report: RunReport }> {
  const agent = o.agent ?? 'scripted';
  if (agent !== 'scripted' && agent !== 'claude')
    throw new LanesError('INVALID_INPUT', `Unknown agent "${agent}".`, { hint: 'Use --agent scripted (the default) or --agent claude.' });
  const dir = o.dir ? path.resolve(o.dir) : fs.mkdtempSync(path.join(os.tmpdir(), 'lanes-demo-'));
  await createSampleRepo(dir);
  const project = await openProject(dir);
  const planned = await planWork(project, { source: 'tasks.yaml' }, dir);
  const say = (s: string) => void (!o.json && io.out.write(`${s}\n`));
  say(`Sample repository: ${dir}\n`);
  say(renderPlanWork(planned));
  say('');
  const report = await runFromCli(
    dir,
    undefined,
    {
      plan: true,
      agent,
      unitMs: o.unitMs ?? DEMO_UNIT_MS,
      // The scripted agent mostly waits, like a real one waiting on its model: run the plan at its
      // width (capped by max_parallel) rather than what the CPU load would suggest for builds.
      maxParallel: o.maxParallel ?? planned.at_max_parallel.parallelism,
      ...(o.json !== undefined ? { json: o.json } : {}),
      ...(o.live !== undefined ? { live: o.live } : {}),
    },
    io,
  );
  if (!o.json) {
    const log = await gitOut(dir, ['log', '--oneline', '--first-parent', '--max-count=12', 'main'], { readOnly: true });
    const rows: Array<[string, string]> = [
      ['sample repository', `${dir}   (main has every landed task)`],
      ['its test suite', `cd ${dir} && npm test   (the merge gate: green on main)`],
      ['history', `git -C ${dir} log --graph --oneline main`],
      ['status', `cd ${dir} && node ${io.entry} status`],
      ['run report', report.report_file ?? '-'],
      ['agent output', `${report.logs_dir ?? '-'}/<task>.log`],
      ['session notes', `${path.join(dir, '.lanes', 'sessions')}/   (each landed with its task)`],
    ];
    say(
      [
        '',
        'Where to look:',
        ...rows.map(([k, v]) => `  ${k.padEnd(18)} ${v}`),
        '',
        'main now (one merge per landed task, each gated by the test suite):',
        log
          .split('\n')
          .map((l) => `  ${l}`)
          .join('\n'),
      ].join('\n'),
    );
  }
  return { dir, report };
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      'create a sample repository and run its eight-task plan with parallel lanes, gates and merges (scripted agent; --agent claude for the real one)',
    )
    .option('--dir <dir>', 'where to create the sample repository (new or empty; default: a temp dir)')
    .option('--agent <name>', 'scripted (default, needs nothing installed) | claude (the real Claude Code CLI)')
    .option('--max-parallel <n>', "lanes at once (default: the plan's recommended parallelism)", (v) => Number.parseInt(v, 10))
    .option('--unit-ms <ms>', `scripted agent: milliseconds per estimate hour (default ${DEMO_UNIT_MS})`, (v) => Number.parseInt(v, 10))
    .option('--json', 'one JSON event per line')
    .option('--no-live', 'plain line-per-event output even on a terminal')
    .action(
      action(async (o: DemoOptions) => {
        if (o.maxParallel !== undefined && (!Number.isInteger(o.maxParallel) || o.maxParallel < 1 || o.maxParallel > 64)) {
          throw new LanesError('INVALID_INPUT', '--max-parallel must be a whole number from 1 to 64.');
        }
        const sig = interruptOnSignals();
        try {
          const { report } = await runDemo(o, { out: process.stdout, entry: process.argv[1] ?? '', signal: sig.signal });
          process.exitCode = exitCodeOf(report);
        } finally {
          sig.dispose();
        }
      }),
    );
}
