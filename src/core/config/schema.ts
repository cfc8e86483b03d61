/**
 * The schema of `.lanes/config.json`. Every field is optional, so a repo with no file at all works;
 * every object is `.strict()`, so a typo'd field is an error instead of a silently ignored setting.
 */
import { z } from 'zod';
import { SLUG_RE, SLUG_RULE } from '../../util/slug.js';
import { relPathProblem } from './relpath.js';

export { relPathProblem } from './relpath.js';

/** Where the config lives, relative to a worktree root (and inside a commit). */
export const CONFIG_FILE = '.lanes/config.json';
/** The generated JSON schema, relative to the Lanes package root (scripts/gen-schema.ts). */
export const CONFIG_SCHEMA_FILE = 'schemas/config.schema.json';
/** A config is a few hundred bytes; anything past this is a mistake (or an attack on memory). */
export const MAX_CONFIG_BYTES = 1024 * 1024;

const ARGV_HINT = 'expected an argv array, never a shell string: ["npm", "test"]';
/** Placeholders `agent.command` may use; anything else in braces is a typo. */
export const AGENT_PLACEHOLDERS = ['task_id', 'title', 'description', 'worktree', 'prompt'] as const;
/** Agent CLIs `lanes run` knows by name (core/run/presets.ts has their argv and limit text). */
export const AGENT_PRESETS = ['claude', 'codex', 'gemini', 'cursor', 'opencode', 'aider'] as const;

/**
 * Ignored files removing a lane may delete without asking: dependency installs, caches and build
 * output that a command recreates. Anything else ignored (notes, local config, data) is work.
 */
export const DEFAULT_DISPOSABLE_IGNORED = [
  'node_modules',
  '.venv',
  'venv',
  '__pycache__',
  '*.pyc',
  '.pytest_cache',
  '.mypy_cache',
  '.ruff_cache',
  '.tox',
  'target',
  'dist',
  'build',
  'out',
  'coverage',
  '.cache',
  '.next',
  '.nuxt',
  '.turbo',
  '.parcel-cache',
  '.gradle',
  '.eslintcache',
  '*.tsbuildinfo',
  '.DS_Store',
] as const;

// ---------------------------------------------------------------------------------------------
// Field validators

/**
 * Why `name` is not a usable branch name, or undefined when it is. Follows
 * `git check-ref-format --branch` (which we cannot call from a synchronous schema), plus two
 * Lanes rules: a leading `-` could be read as an option, and `refs/...` is almost always a
 * full ref pasted where a branch name was meant.
 */
export function refNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'must not be empty';
  if (name.length > 255) return 'is too long (at most 255 characters)';
  if (name.startsWith('-')) return 'must not start with "-"';
  if (name === 'HEAD' || name === '@') return `"${name}" is not a branch name`;
  if (name.startsWith('refs/')) return 'give the branch name (e.g. "main"), not a full ref';
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x20\x7f]/.test(name)) return 'must not contain spaces or control characters';
  const bad = /[~^:?*[\\]/.exec(name);
  if (bad) return `must not contain "${bad[0]}"`;
  if (name.includes('..')) return 'must not contain ".."';
  if (name.includes('@{')) return 'must not contain "@{"';
  if (name.startsWith('/') || name.endsWith('/') || name.includes('//')) return 'must not start or end with "/" or contain "//"';
  if (name.endsWith('.')) return 'must not end with "."';
  for (const part of name.split('/')) {
    if (part.startsWith('.')) return 'no path component may start with "."';
    if (part.endsWith('.lock')) return 'no path component may end with ".lock"';
  }
  return undefined;
}

const slug = (what: string) =>
  z.string().regex(SLUG_RE, { error: `${what} must be a slug: ${SLUG_RULE}` }).meta({ description: `${what}: ${SLUG_RULE}` });

/** Argv arrays only: Lanes never runs a shell (RELIABILITY.md rule 13). */
const argv = (description: string) =>
  z
    .array(z.string(), {
      error: (iss) => {
        if (typeof iss.input !== 'string') return undefined;
        // Show the user their own command as an argv array when that is a plain split.
        const words = iss.input.trim().split(/\s+/);
        const plain = words.length > 0 && words.every((w) => /^[\w@%+=:,./-]+$/.test(w));
        return plain ? `${ARGV_HINT} (here: ${JSON.stringify(words)})` : ARGV_HINT;
      },
    })
    .min(1, { error: 'must name a program: an empty argv array runs nothing' })
    .refine((a) => a[0] !== '', { error: 'the program (first element) must not be empty' })
    .meta({ description: `${description} An argv array, never a shell string: ["npm", "test"].` });

const timeoutSeconds = (dflt: number, description: string) =>
  z.number().positive().max(86_400).default(dflt).meta({ description: `${description} Default ${dflt}.` });

const env = z
  .record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'environment variable names are letters, digits and _' }), z.string())
  .meta({ description: 'Extra environment variables for the command (merged over the inherited environment).' });

const relDir = (dflt: string, description: string) =>
  z
    .string()
    .superRefine((p, ctx) => {
      const problem = relPathProblem(p, 'directory');
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .default(dflt)
    .meta({ description: `${description} Relative to the repository root; must stay inside it. Default "${dflt}".` });

const Command = z
  .object({
    name: slug('name'),
    command: argv('The program and its arguments.'),
    timeout_seconds: timeoutSeconds(600, 'Kill the command (and its whole process group) after this many seconds.'),
    env: env.optional(),
  })
  .strict();

/**
 * A setup command may name the files it depends on: in the merge queue's persistent gate checkout
 * it is re-run only when their contents change (a lockfile), not before every gate run.
 */
const SetupCommand = Command.extend({
  when_changed: z
    .array(
      z
        .string()
        .min(1)
        .superRefine((p, ctx) => {
          const problem = relPathProblem(p.replace(/\*+/g, 'x'), 'file');
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        }),
    )
    .min(1, { error: 'list at least one path, or leave when_changed out to run the command every time' })
    .optional()
    .meta({
      description:
        'Repository paths or globs ("package-lock.json", "requirements/*.txt"). In the merge queue\'s gate checkout the command is re-run only when these files change; default: every time. New lanes always run it.',
    }),
}).strict();

/** Gate and setup names must be unique: they name results and log files. */
const commandList = <T extends z.ZodType>(what: string, item: T) =>
  z
    .array(item, {
      error: (iss) =>
        typeof iss.input === 'string'
          ? `expected a list of commands, never a shell string: [{ "name": "test", "command": ["npm", "test"] }]`
          : undefined,
    })
    .superRefine((items, ctx) => duplicates(items.map((i) => (i as { name: string }).name), ctx, 'name', what))
    .default(() => [] as z.output<T>[]);

function duplicates(names: string[], ctx: z.RefinementCtx, field: string, what: string): void {
  const seen = new Set<string>();
  names.forEach((n, i) => {
    if (seen.has(n)) ctx.addIssue({ code: 'custom', path: [i, field], message: `duplicate ${what} ${field} "${n}"` });
    seen.add(n);
  });
}

const ProtocolCheck = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('log_exists') }).strict().meta({ description: 'The session log file exists.' }),
  z.object({ kind: z.literal('tree_committed') }).strict().meta({ description: 'The worktree has no uncommitted changes.' }),
  z
    .object({ kind: z.literal('section_filled'), section: z.string().min(1).meta({ description: 'Heading text, e.g. "Progress log".' }) })
    .strict()
    .meta({ description: 'The named section of the session log has content.' }),
  z
    .object({
      kind: z.literal('command'),
      command: argv('The check passes when this exits 0.'),
      timeout_seconds: timeoutSeconds(60, 'Time limit for the check.'),
    })
    .strict()
    .meta({ description: 'A command that must exit 0.' }),
]);

const ProtocolItem = z
  .object({
    id: slug('id'),
    description: z.string().min(1).meta({ description: 'What the item asks for, shown to the agent.' }),
    check: ProtocolCheck.meta({
      description: 'How the item is checked: log_exists, tree_committed, section_filled (with "section") or command (with "command").',
    }),
  })
  .strict();

const protocolList = (dflt: () => z.input<typeof ProtocolItem>[], description: string) =>
  z
    .array(ProtocolItem)
    .superRefine((items, ctx) => duplicates(items.map((i) => i.id), ctx, 'id', 'protocol item'))
    .default(dflt as () => z.output<typeof ProtocolItem>[])
    .meta({ description });

const DEFAULT_SESSION_START = (): z.output<typeof ProtocolItem>[] => [
  { id: 'log-exists', description: 'Open the session log for this session.', check: { kind: 'log_exists' } },
];
const DEFAULT_SESSION_END = (): z.output<typeof ProtocolItem>[] => [
  { id: 'tree-committed', description: 'Commit (or discard) every change in the worktree.', check: { kind: 'tree_committed' } },
  { id: 'progress-log', description: 'Record what was done in the "Progress log" section.', check: { kind: 'section_filled', section: 'Progress log' } },
  { id: 'next-steps', description: 'Record what should happen next in the "Next steps" section.', check: { kind: 'section_filled', section: 'Next steps' } },
];

const mb = (dflt: number, description: string) =>
  z.number().nonnegative().default(dflt).meta({ description: `${description} Default ${dflt}.` });

// ---------------------------------------------------------------------------------------------
// The schema

export const ConfigSchema = z
  .object({
    $schema: z.string().optional().meta({ description: 'JSON schema reference for editors; ignored by Lanes.' }),
    target: z
      .string()
      .superRefine((b, ctx) => {
        const problem = refNameProblem(b);
        if (problem) ctx.addIssue({ code: 'custom', message: `not a valid branch name: ${problem}` });
      })
      .optional()
      .meta({
        title: 'Target branch',
        description:
          "The branch lanes land on. Default: the branch checked out in the main worktree, else 'main' if it exists, else 'master'.",
      }),
    gates: commandList('gate', Command).meta({
      title: 'Gates',
      description: 'Commands that must pass before a lane lands (run on the integrated result). Read from the target branch, never from a lane.',
    }),
    setup: commandList('setup step', SetupCommand).meta({
      title: 'Setup',
      description: "Commands run in a new lane before the agent starts, and in the merge queue's gate checkout before the gates.",
    }),
    max_parallel: z
      .number()
      .int()
      .min(1)
      .max(64)
      .default(8)
      .meta({ title: 'Maximum parallel lanes', description: 'Upper bound on lanes running at once; resources may lower it. Default 8.' }),
    resources: z
      .object({
        min_free_memory_mb: mb(1024, 'Memory to leave free for everything else.'),
        min_free_disk_mb: mb(2048, 'Disk space to leave free on the repository filesystem.'),
        memory_per_agent_mb: mb(1024, 'Memory one agent and its tools are assumed to need.'),
        disk_per_lane_mb: mb(0, "Disk one lane's worktree needs; 0 estimates it from the repository's checkout size."),
        max_load_per_cpu: z
          .number()
          .positive()
          .default(1.5)
          .meta({ description: 'Load average per CPU above which the machine counts as busy. Default 1.5.' }),
      })
      .strict()
      .prefault({})
      .meta({ title: 'Resource floors', description: 'How Lanes sizes parallelism to the machine.' }),
    worktrees: z
      .object({
        dir: relDir('.claude/worktrees', 'Where lane worktrees are created.'),
        include_file: z
          .string()
          .superRefine((p, ctx) => {
            const problem = relPathProblem(p, 'file');
            if (problem) ctx.addIssue({ code: 'custom', message: problem });
          })
          .default('.worktreeinclude')
          .meta({ description: 'File listing untracked files (e.g. .env) to copy into new lanes. Default ".worktreeinclude".' }),
        claude_worktree_hooks: z
          .boolean()
          .default(true)
          .meta({ description: "Handle Claude Code's own worktree hooks so its worktrees become lanes. Default true." }),
        disposable_ignored: z
          .array(
            z
              .string()
              .min(1)
              // eslint-disable-next-line no-control-regex
              .regex(/^[^\x00-\x1f\x7f]+$/, 'must not contain control characters'),
          )
          .default([...DEFAULT_DISPOSABLE_IGNORED])
          .meta({
            description:
              'Globs of ignored files a lane may lose on removal (caches, build output): a pattern without "/" matches any path component, one with "/" a path from the lane root. Other ignored files make removal refuse. Replaces the default list.',
          }),
      })
      .strict()
      .prefault({})
      .meta({ title: 'Worktrees', description: 'Where and how lane worktrees are created.' }),
    claims: z
      .object({
        default_ttl_seconds: z
          .number()
          .int()
          .min(1)
          .max(7 * 86_400)
          .default(1800)
          .meta({ description: 'How long a file claim lasts unless renewed. Default 1800.' }),
      })
      .strict()
      .prefault({})
      .meta({ title: 'File claims', description: 'Claims that reserve files for one lane.' }),
    merge: z
      .object({
        strategy: z.enum(['merge', 'squash', 'rebase']).default('merge').meta({ description: 'How a lane lands on the target. Default "merge".' }),
        batch_size: z
          .number()
          .int()
          .min(1)
          .max(32)
          .default(1)
          .meta({ description: 'Lanes integrated and gated together (1 = one at a time). Default 1.' }),
        remove_lane_after_landing: z
          .boolean()
          .default(true)
          .meta({ description: 'Remove the worktree and branch once the lane has landed. Default true.' }),
        integration_dir: z
          .string()
          .min(1)
          // eslint-disable-next-line no-control-regex
          .refine((p) => !/[\x00-\x1f\x7f]/.test(p), { error: 'must not contain control characters' })
          .optional()
          .meta({
            description:
              'Where the gate checkouts live (one per target). Absolute, or relative to the main checkout (e.g. "../myrepo-lanes"). Default: a private directory under the system temp dir, so no path segment starts with "." (some test suites refuse such paths).',
          }),
        hold_gate_changes: z
          .boolean()
          .default(true)
          .meta({
            description:
              "Hold a landing that weakens the target's gates (removes or changes a gate command, shortens a timeout, removes setup) until a human runs `lanes merge approve`. Default true.",
          }),
      })
      .strict()
      .prefault({})
      .meta({ title: 'Merge queue', description: 'How finished lanes land on the target branch.' }),
    session: z
      .object({
        dir: relDir('.lanes/sessions', 'Where session logs are kept.'),
        start: protocolList(DEFAULT_SESSION_START, 'Checks at the start of an agent session.'),
        end: protocolList(DEFAULT_SESSION_END, 'Checks before an agent session may end.'),
      })
      .strict()
      .prefault({})
      .meta({ title: 'Session protocol', description: 'What an agent session must do at its start and before it ends.' }),
    agent: z
      .object({
        command: argv(
          `How to launch an agent. May contain the placeholders ${AGENT_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}.`,
        )
          .superRefine((args, ctx) => {
            args.forEach((a, i) => {
              for (const m of a.matchAll(/\{([A-Za-z_]+)\}/g)) {
                if (!(AGENT_PLACEHOLDERS as readonly string[]).includes(m[1]!)) {
                  ctx.addIssue({
                    code: 'custom',
                    path: [i],
                    message: `unknown placeholder {${m[1]}}: use ${AGENT_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`,
                  });
                }
              }
            });
          })
          .optional(),
        retries: z.number().int().min(0).max(10).default(3).meta({ description: 'Times a failed agent run is retried. Default 3.' }),
        preset: z
          .enum(AGENT_PRESETS)
          .optional()
          .meta({ description: `A known agent CLI: ${AGENT_PRESETS.join(', ')}. Default claude. "command" overrides its argv; its limit patterns stay.` }),
        limit_patterns: z
          .array(
            z.string().superRefine((p, ctx) => {
              try {
                new RegExp(p, 'i');
              } catch (e) {
                ctx.addIssue({ code: 'custom', message: `not a valid regular expression: ${(e as Error).message}` });
              }
            }),
          )
          .default(() => [])
          .meta({
            description:
              'Regular expressions (case-insensitive) for output meaning the agent hit a usage or rate limit; a named group "reset" may hold the reset time. Added to the built-in ones.',
          }),
        limit_backoff_seconds: z
          .number()
          .positive()
          .max(86_400)
          .default(60)
          .meta({ description: 'Pause after a limit that names no reset time; doubled for each limit in a row (at most an hour). Default 60.' }),
        max_starts_per_minute: z
          .number()
          .min(0)
          .max(600)
          .default(0)
          .meta({ description: 'Spread agent starts out: at most this many per minute, evenly spaced (0 = no limit). Default 0.' }),
      })
      .strict()
      .prefault({})
      .meta({ title: 'Agent launcher', description: 'How Lanes starts an agent in a lane.' }),
    prices: z
      .record(
        z.string().min(1),
        z
          .object({
            input: z.number().nonnegative().meta({ description: 'USD per million input tokens.' }),
            output: z.number().nonnegative().meta({ description: 'USD per million output tokens.' }),
            cache_read: z.number().nonnegative().optional().meta({ description: 'USD per million cache-read tokens. Default a tenth of input.' }),
            cache_write: z.number().nonnegative().optional().meta({ description: 'USD per million cache-creation tokens. Default 1.25 times input.' }),
          })
          .strict(),
      )
      .optional()
      .meta({
        title: 'Model prices',
        description:
          'Per model (an id, or a part of one such as "sonnet"), USD per million tokens, for the estimated cost of a run. Added over the built-in estimates for the Claude families.',
      }),
  })
  .strict()
  .meta({
    title: 'Lanes configuration',
    description: 'The committed configuration of Lanes (.lanes/config.json). Every field is optional.',
  });

export type LanesConfigInput = z.input<typeof ConfigSchema>;
export type ParsedConfig = z.output<typeof ConfigSchema>;
type Parsed = ParsedConfig;
/** The fully defaulted configuration; `target` is always resolved. */
export type LanesConfig = Omit<Parsed, '$schema' | 'target'> & { target: string };
export type CommandConfig = LanesConfig['gates'][number];
export type SetupConfig = LanesConfig['setup'][number];
export type ProtocolItem = LanesConfig['session']['start'][number];
export type ProtocolCheck = ProtocolItem['check'];
