import type { Command } from 'commander';
import path from 'node:path';
import { openProject, type Project } from '../../core/project/project.js';
import { planWork } from '../../core/plan/planning.js';
import {
  claudeAgent,
  customAgent,
  findClaude,
  findOnPath,
  findPluginRoot,
  isPresetName,
  parseAgentCommand,
  presetAgent,
  presetOf,
  PRESET_NAMES,
  runPlan,
  scriptedAgent,
  type AgentSpec,
  type PresetName,
  type RunReport,
} from '../../core/run/index.js';
import { offerClaimService } from '../../core/claims/service.js';
import { LanesError } from '../../errors.js';
import { createRunDisplay, displayModeFor } from '../../render/run/display.js';
import type { DisplayStream } from '../../render/run/display-types.js';
import { renderRunReport } from '../../render/run/report.js';
import { action } from '../run.js';

export const AGENT_NAMES = [...PRESET_NAMES, 'scripted'] as const;

export interface RunCliOptions {
  plan?: boolean;
  maxParallel?: number;
  agent?: string;
  agentCommand?: string;
  retries?: number;
  json?: boolean;
  live?: boolean;
  /** Scripted agent: ms per estimate hour. */
  unitMs?: number;
  /** Minutes before an agent is ended and its attempt counts as failed. */
  agentTimeout?: number;
}

export interface RunIo {
  out: DisplayStream;
  /** The running `lanes` entry (dist/lanes.mjs): the scripted agent and the plugin root come from it. */
  entry: string;
  signal?: AbortSignal;
  /** Forwarded to runPlan (tests). */
  pollMs?: number;
}

function positiveInt(v: string, what: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new LanesError('INVALID_INPUT', `${what} must be a whole number from 1 to 64, not ${JSON.stringify(v)}.`);
  return n;
}

/**
 * --agent-command, else --agent, else agent.command of the config (with agent.preset's limit
 * patterns), else agent.preset, else the claude CLI.
 */
export async function resolveAgent(
  project: Project,
  o: Pick<RunCliOptions, 'agent' | 'agentCommand' | 'unitMs'>,
  entry: string,
): Promise<AgentSpec> {
  const agentCfg = (await project.config()).agent;
  if (o.agentCommand !== undefined) {
    if (o.agent !== undefined) throw new LanesError('INVALID_INPUT', 'Give --agent or --agent-command, not both.');
    return customAgent(parseAgentCommand(o.agentCommand), agentCfg.preset);
  }
  if (o.agent !== undefined && !(AGENT_NAMES as readonly string[]).includes(o.agent)) {
    throw new LanesError('INVALID_INPUT', `Unknown agent "${o.agent}".`, {
      hint: `Use ${AGENT_NAMES.join(', ')}, or --agent-command '<json argv>' for any other CLI.`,
    });
  }
  if (o.agent === 'scripted') return scriptedAgent(entry, o.unitMs !== undefined ? { unitMs: o.unitMs } : {});
  if (o.agent === undefined && agentCfg.command) return customAgent(agentCfg.command, agentCfg.preset);
  const preset: PresetName = o.agent !== undefined && isPresetName(o.agent) ? o.agent : (agentCfg.preset ?? 'claude');
  if (preset !== 'claude') {
    const p = presetOf(preset);
    const bin = findOnPath(p.bin);
    if (!bin) {
      throw new LanesError('UNSUPPORTED', `The ${p.bin} CLI (agent preset ${preset}) was not found on PATH.`, {
        hint: `Install it, or set agent.command in .lanes/config.json to the argv that runs it (the ${preset} limit patterns still apply with agent.preset "${preset}").`,
      });
    }
    return presetAgent(preset, p.bin);
  }
  const root = findPluginRoot(entry);
  if (!root) {
    throw new LanesError('UNSUPPORTED', `Could not find the Lanes plugin folder (with .claude-plugin/plugin.json) above ${entry}.`, {
      hint: 'Run lanes from its package (node <lanes>/dist/lanes.mjs), or set agent.command in .lanes/config.json.',
    });
  }
  const bin = findClaude(root);
  if (!bin) {
    throw new LanesError('UNSUPPORTED', 'The claude CLI was not found on PATH.', {
      hint: "Install Claude Code (npm i -g @anthropic-ai/claude-code), or run with --agent scripted (the built-in scripted agent), or give --agent-command '<json argv>' for another agent CLI.",
    });
  }
  return claudeAgent(root, bin);
}

/** `lanes run` without the process plumbing: plans the file if given, runs, renders. */
export async function runFromCli(cwd: string, file: string | undefined, o: RunCliOptions, io: RunIo): Promise<RunReport> {
  if (file !== undefined && o.plan)
    throw new LanesError('INVALID_INPUT', 'Give a tasks file or --plan, not both.', {
      hint: '`lanes run tasks.yaml` plans the file and runs it; `lanes run --plan` runs the stored plan.',
    });
  const project = await openProject(cwd);
  // A run lives as long as its lanes: it serves the claim writes of the machine meanwhile.
  offerClaimService();
  if (file !== undefined) await planWork(project, { source: path.resolve(cwd, file) }, cwd);
  const agent = await resolveAgent(project, o, io.entry);
  const display = createRunDisplay(
    displayModeFor({ ...(o.json !== undefined ? { json: o.json } : {}), ...(o.live !== undefined ? { live: o.live } : {}) }, io.out),
    io.out,
  );
  try {
    const report = await runPlan(project, {
      agent,
      ...(o.maxParallel !== undefined ? { parallelism: o.maxParallel } : {}),
      ...(o.retries !== undefined ? { retries: o.retries } : {}),
      ...(o.agentTimeout !== undefined ? { agentTimeoutMs: o.agentTimeout * 60_000 } : {}),
      ...(io.signal ? { signal: io.signal } : {}),
      ...(io.pollMs !== undefined ? { pollMs: io.pollMs } : {}),
      onEvent: (e) => display.onEvent(e),
    });
    display.close();
    if (!o.json) io.out.write(`\n${renderRunReport(report)}\n`);
    return report;
  } finally {
    display.close();
  }
}

export function exitCodeOf(r: RunReport): number {
  if (r.status === 'interrupted') return 130;
  return r.counts.blocked || r.counts.not_run ? 1 : 0;
}

/**
 * Ctrl-C (or SIGTERM) once: stop cleanly — agents ended, lanes kept, the state says what was
 * interrupted. A second time: exit at once (the exit hook still kills the agents' process groups;
 * a merge batch in flight is settled by the next command's recovery).
 */
export function interruptOnSignals(): { signal: AbortSignal; dispose(): void } {
  const ac = new AbortController();
  let count = 0;
  const on = (sig: NodeJS.Signals) => {
    count++;
    if (count === 1) {
      ac.abort(sig);
      return;
    }
    process.stderr.write(`lanes: ${sig} again: stopping now (run \`lanes run\` to resume)\n`);
    process.exit(130);
  };
  process.on('SIGINT', on);
  process.on('SIGTERM', on);
  return {
    signal: ac.signal,
    dispose() {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
    },
  };
}

export function registerRun(program: Command): void {
  program
    .command('run')
    .description(
      'run the plan with one headless agent per lane: admission by dependencies, conflicts, slots and free resources; retries; merges as lanes finish; a report at the end',
    )
    .argument('[tasks-file]', 'plan this tasks file (or ROADMAP.md) first, then run it')
    .option('--plan', 'run the stored plan (the default when no file is given)')
    .option(
      '--max-parallel <n>',
      "lanes at once (default: what the machine can carry now, capped by max_parallel and the plan's widest wave)",
      (v) => positiveInt(v, '--max-parallel'),
    )
    .option(
      '--agent <name>',
      `the agent: ${AGENT_NAMES.join(' | ')} (default: agent.command of .lanes/config.json, else agent.preset, else claude)`,
    )
    .option('--agent-command <json>', 'any agent CLI as a JSON argv with {task_id} {title} {description} {worktree} {prompt}')
    .option('--retries <n>', 'retries of an attempt that did not finish (default: agent.retries, 3)', (v) => Number.parseInt(v, 10))
    .option(
      '--agent-timeout <minutes>',
      'end an agent still running after this long; the attempt counts as failed (default: no limit)',
      (v) => Number(v),
    )
    .option('--unit-ms <ms>', 'scripted agent: milliseconds per estimate hour (default 1000)', (v) => Number.parseInt(v, 10))
    .option('--json', 'one JSON event per line')
    .option('--no-live', 'plain line-per-event output even on a terminal')
    .action(
      action(async (file: string | undefined, o: RunCliOptions) => {
        if (o.retries !== undefined && (!Number.isInteger(o.retries) || o.retries < 0 || o.retries > 10)) {
          throw new LanesError('INVALID_INPUT', '--retries must be a whole number from 0 to 10.');
        }
        if (o.agentTimeout !== undefined && !(o.agentTimeout > 0))
          throw new LanesError('INVALID_INPUT', '--agent-timeout must be a positive number of minutes.');
        const sig = interruptOnSignals();
        try {
          const report = await runFromCli(process.cwd(), file, o, {
            out: process.stdout,
            entry: process.argv[1] ?? '',
            signal: sig.signal,
          });
          process.exitCode = exitCodeOf(report);
        } finally {
          sig.dispose();
        }
      }),
    );
}
