/**
 * The schema of `.lanes/config.json`. Every field is optional, so a repo with no file at all works;
 * every object is `.strict()`, so a typo'd field is an error instead of a silently ignored setting.
 * Each section has its module (commands, worktrees, merge, session, agent; shared validators in
 * fields.ts); this one composes them.
 */
import { z } from 'zod';
import { AgentSection, PricesSection } from './agent.js';
import { GatesSection, SetupSection } from './commands.js';
import { refNameProblem } from './fields.js';
import { MergeSection } from './merge.js';
import { SessionSection } from './session.js';
import { WorktreesSection } from './worktrees.js';

/** Where the config lives, relative to a worktree root (and inside a commit). */
export const CONFIG_FILE = '.lanes/config.json';
/** The generated JSON schema, relative to the Lanes package root (scripts/gen-schema.ts). */
export const CONFIG_SCHEMA_FILE = 'schemas/config.schema.json';
/** A config is a few hundred bytes; anything past this is a mistake (or an attack on memory). */
export const MAX_CONFIG_BYTES = 1024 * 1024;

const mb = (dflt: number, description: string) =>
  z
    .number()
    .nonnegative()
    .default(dflt)
    .meta({ description: `${description} Default ${dflt}.` });

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
    gates: GatesSection,
    setup: SetupSection,
    remote: z.string().min(1).optional().meta({
      title: 'Shared-state remote',
      description:
        "The git remote (e.g. 'origin') through which clones on other machines share the plan, claims and merge queue. Each clone opts in with `lanes remote enable`; this names the remote it uses by default.",
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
    worktrees: WorktreesSection,
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
    merge: MergeSection,
    session: SessionSection,
    agent: AgentSection,
    prices: PricesSection,
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
