/**
 * Agent CLIs `lanes run` knows by name (`agent.preset`, `--agent <name>`): for each, the argv
 * template of its non-interactive mode, how it signals success, and the text it prints on a usage
 * or rate limit. `agent.command` still overrides the argv (the preset's limit patterns stay).
 *
 * Success is the same for every preset: exit 0 AND the work committed in the lane with a clean
 * tree (finish.ts) — none of these CLIs has an output convention more reliable than that. Claude
 * Code also reports an error on its final stream-json `result` event, which limits.ts reads.
 *
 * Only Claude Code loads this plugin (its hooks keep edits inside the lane and its claims). The
 * others have no hooks: the lane worker prompt states the rules in words (scope, commit, do not
 * merge), and the merge queue's gates, read from the target branch, still decide what lands.
 */
import { AGENT_PRESETS } from '../config/schema.js';
import { COMMON_LIMIT_PATTERNS, type LimitPatterns } from './limits.js';

export const PRESET_NAMES = AGENT_PRESETS;
export type PresetName = (typeof PRESET_NAMES)[number];

export interface Preset {
  name: PresetName;
  /** The program looked up on PATH. */
  bin: string;
  /** Argv template after the program (placeholders as in agent.command). */
  args: readonly string[];
  /** Loads Lanes' plugin (hooks and MCP tools): only Claude Code. */
  hooks: boolean;
  /** Limit text beyond the common patterns. */
  limitPatterns: LimitPatterns;
  /** One line for docs and errors. */
  about: string;
}

const presets: Record<Exclude<PresetName, 'claude'>, Preset> = {
  codex: {
    name: 'codex',
    bin: 'codex',
    // workspace-write: edits and commands inside the working directory (the lane); read-only is its default.
    args: ['exec', '--sandbox', 'workspace-write', '--skip-git-repo-check', '{prompt}'],
    hooks: false,
    limitPatterns: ['exceeded retry limit, last status: 429', 'usage_limit_reached', 'Too Many Requests'],
    about: 'OpenAI Codex CLI: codex exec (non-interactive, workspace-write sandbox)',
  },
  gemini: {
    name: 'gemini',
    bin: 'gemini',
    args: ['--yolo', '-p', '{prompt}'],
    hooks: false,
    limitPatterns: ['RESOURCE_EXHAUSTED', 'Quota exceeded', 'rateLimitExceeded'],
    about: 'Gemini CLI: gemini -p (headless), --yolo to accept its own tool calls',
  },
  cursor: {
    name: 'cursor',
    bin: 'cursor-agent',
    args: ['-p', '--force', '--output-format', 'stream-json', '{prompt}'],
    hooks: false,
    limitPatterns: ['usage limit', "You've hit your"],
    about: 'Cursor Agent CLI: cursor-agent -p (print mode), --force to allow commands',
  },
  opencode: {
    name: 'opencode',
    bin: 'opencode',
    args: ['run', '{prompt}'],
    hooks: false,
    limitPatterns: ['RateLimitError', 'rate limit', 'insufficient_quota'],
    about: 'opencode: opencode run (non-interactive)',
  },
  aider: {
    name: 'aider',
    bin: 'aider',
    // It commits its own edits (auto-commits is on by default), which is what a lane needs.
    args: ['--message', '{prompt}', '--yes-always', '--no-check-update', '--no-pretty'],
    hooks: false,
    limitPatterns: ['litellm\\.RateLimitError', 'RateLimitError', 'insufficient_quota'],
    about: 'aider: aider --message (one message, then exit), --yes-always',
  },
};

/** Claude Code's extra limit text (its stream-json events are read as events too). */
export const CLAUDE_LIMIT_PATTERNS: LimitPatterns = ['Claude AI usage limit reached', 'API Error: (?:Request rejected \\()?(?:429|529)'];

export function isPresetName(s: string): s is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(s);
}

/** A preset other than claude (claude's argv needs the plugin root: agent.ts builds it). */
export function presetOf(name: Exclude<PresetName, 'claude'>): Preset {
  return presets[name];
}

/** The limit patterns for an agent: common, its preset's, then the user's. */
export function limitPatternsFor(preset: PresetName | undefined, user: LimitPatterns = []): string[] {
  const own = preset === 'claude' || preset === undefined ? CLAUDE_LIMIT_PATTERNS : presets[preset].limitPatterns;
  return [...COMMON_LIMIT_PATTERNS, ...own, ...user];
}
