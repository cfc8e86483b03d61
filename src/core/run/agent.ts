/**
 * Which agent `lanes run` starts in each lane: an argv template (no shell, docs/safety.md rule 16)
 * with the placeholders {task_id} {title} {description} {worktree} {prompt}, expanded per task.
 *
 * - claude (the default): `claude -p <prompt> --plugin-dir <Lanes plugin root>` with Lanes' MCP
 *   tools allowed and stream-json output (docs/claude-code.md). In print mode a tool that needs
 *   permission is refused, so the run also allows edits in the lane (acceptEdits: the PreToolUse
 *   hook still keeps them inside the lane and its claims) and the git/test commands a worker needs.
 * - scripted: the built-in scripted agent (`lanes agent scripted`), for the demo and benchmarks.
 * - a preset (presets.ts): codex, gemini, cursor, opencode, aider, by their non-interactive flags.
 * - any other CLI: `agent.command` in .lanes/config.json or `--agent-command '<json argv>'`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LanesError } from '../../errors.js';
import { AGENT_PLACEHOLDERS } from '../config/agent.js';
import { presetOf, type PresetName } from './presets.js';
import { caMovedAside } from '../../system/launch-env.js';

export interface AgentSpec {
  /** Short name for displays and the run record: claude, scripted, or the program's base name. */
  name: string;
  argv: string[];
  /** Extra environment for every agent process. */
  env?: Record<string, string>;
  /** The preset it comes from (its limit patterns apply); undefined for a custom command. */
  preset?: PresetName;
  /** False when the agent does not load Lanes' plugin: the prompt then states the rules itself. */
  hooks?: boolean;
}

export type PlaceholderValues = Record<(typeof AGENT_PLACEHOLDERS)[number], string>;

const PLACEHOLDER_RE = new RegExp(`\\{(${AGENT_PLACEHOLDERS.join('|')})\\}`, 'g');

/** One pass per element, so text inserted for a placeholder is never expanded again. */
export function expandArgv(template: readonly string[], values: PlaceholderValues): string[] {
  return template.map((a) => a.replace(PLACEHOLDER_RE, (_, k: keyof PlaceholderValues) => values[k]));
}

/** The tools a headless worker may use without asking (print mode cannot ask). */
export const CLAUDE_ALLOWED_TOOLS = [
  'mcp__plugin_lanes_lanes',
  'Bash(git add:*)',
  'Bash(git commit:*)',
  'Bash(git status:*)',
  'Bash(git diff:*)',
  'Bash(git log:*)',
  'Bash(npm test:*)',
  'Bash(npm run test:*)',
];

export function claudeAgent(pluginRoot: string, bin = 'claude'): AgentSpec {
  return {
    name: 'claude',
    preset: 'claude',
    argv: [
      bin,
      '-p',
      '{prompt}',
      '--plugin-dir',
      pluginRoot,
      '--allowedTools',
      CLAUDE_ALLOWED_TOOLS.join(','),
      '--permission-mode',
      'acceptEdits',
      '--output-format',
      'stream-json',
      '--verbose',
    ],
  };
}

/** The built-in scripted agent, run by the same `lanes` entry that runs the run. */
export function scriptedAgent(lanesEntry: string, opts: { unitMs?: number } = {}): AgentSpec {
  // It opens no TLS connection: its Node starts without building the TLS root store (about 100 ms
  // of CPU, docs/performance.md), and `lanes agent scripted` puts the variable back for what it starts.
  const env: Record<string, string> = {
    ...(opts.unitMs !== undefined ? { LANES_SCRIPTED_UNIT_MS: String(opts.unitMs) } : {}),
    ...caMovedAside(),
  };
  return {
    name: 'scripted',
    argv: [process.execPath, lanesEntry, 'agent', 'scripted'],
    ...(Object.keys(env).length ? { env } : {}),
  };
}

/** A preset CLI (not claude) by name; `bin` is where it was found on PATH. */
export function presetAgent(name: Exclude<PresetName, 'claude'>, bin?: string): AgentSpec {
  const p = presetOf(name);
  return { name, preset: name, hooks: p.hooks, argv: [bin ?? p.bin, ...p.args] };
}

/** `agent.command` (or --agent-command); with a preset, that preset's limit patterns and prompt. */
export function customAgent(argv: string[], preset?: PresetName): AgentSpec {
  const hooks = preset === undefined || preset === 'claude' ? {} : { hooks: presetOf(preset).hooks };
  return { name: path.basename(argv[0] ?? 'agent'), argv, ...(preset ? { preset } : {}), ...hooks };
}

/** `--agent-command '<json argv>'`: a JSON array of strings, with known placeholders only. */
export function parseAgentCommand(text: string): string[] {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new LanesError('INVALID_INPUT', `--agent-command is not JSON: ${JSON.stringify(text.slice(0, 80))}.`, {
      hint: 'Pass an argv array as JSON, e.g. --agent-command \'["my-agent", "--task", "{task_id}", "{prompt}"]\' (no shell string).',
    });
  }
  if (!Array.isArray(v) || v.length === 0 || !v.every((x) => typeof x === 'string') || v[0] === '') {
    throw new LanesError('INVALID_INPUT', '--agent-command must be a non-empty JSON array of strings (an argv, never a shell string).', {
      hint: 'Example: --agent-command \'["my-agent", "{prompt}"]\'.',
    });
  }
  for (const a of v as string[]) {
    for (const m of a.matchAll(/\{([A-Za-z_]+)\}/g)) {
      if (!(AGENT_PLACEHOLDERS as readonly string[]).includes(m[1]!)) {
        throw new LanesError('INVALID_INPUT', `--agent-command has an unknown placeholder {${m[1]}}.`, {
          hint: `Use ${AGENT_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}.`,
        });
      }
    }
  }
  return v as string[];
}

/**
 * The Lanes plugin root (the folder holding dist/ and .claude-plugin/) for the running entry,
 * e.g. <root>/dist/lanes.mjs. Walks up at most four levels.
 */
export function findPluginRoot(entry: string): string | undefined {
  let dir = path.dirname(safeRealpath(entry));
  for (let i = 0; i < 4; i++) {
    if (fs.existsSync(path.join(dir, '.claude-plugin', 'plugin.json'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}

/** An executable on PATH (no shell involved), or undefined. */
export function findOnPath(cmd: string, envPath = process.env.PATH ?? ''): string | undefined {
  if (cmd.includes('/')) return isExecutable(cmd) ? cmd : undefined;
  for (const dir of envPath.split(path.delimiter).filter(Boolean)) {
    const p = path.join(dir, cmd);
    if (isExecutable(p)) return p;
  }
  return undefined;
}

/**
 * The claude CLI: on PATH, else the copy installed in the checkout that holds the plugin folder
 * (a development checkout: <checkout>/plugin is the plugin root).
 */
export function findClaude(pluginRoot: string | undefined): string | undefined {
  return (
    findOnPath('claude') ?? (pluginRoot ? findOnPath(path.join(path.dirname(pluginRoot), 'node_modules', '.bin', 'claude')) : undefined)
  );
}

function isExecutable(p: string): boolean {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function safeRealpath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}
