/** The agent and prices sections: how `lanes run` launches agents, and what their tokens cost. */
import { z } from 'zod';
import { argv } from './fields.js';

/** Placeholders `agent.command` may use; anything else in braces is a typo. */
export const AGENT_PLACEHOLDERS = ['task_id', 'title', 'description', 'worktree', 'prompt'] as const;
/** Agent CLIs `lanes run` knows by name (core/run/presets.ts has their argv and limit text). */
export const AGENT_PRESETS = ['claude', 'codex', 'gemini', 'cursor', 'opencode', 'aider'] as const;

export const AgentSection = z
  .object({
    command: argv(`How to launch an agent. May contain the placeholders ${AGENT_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}.`)
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
      .meta({
        description: `A known agent CLI: ${AGENT_PRESETS.join(', ')}. Default claude. "command" overrides its argv; its limit patterns stay.`,
      }),
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
    limit_backoff_seconds: z.number().positive().max(86_400).default(60).meta({
      description: 'Pause after a limit that names no reset time; doubled for each limit in a row (at most an hour). Default 60.',
    }),
    max_starts_per_minute: z
      .number()
      .min(0)
      .max(600)
      .default(0)
      .meta({ description: 'Spread agent starts out: at most this many per minute, evenly spaced (0 = no limit). Default 0.' }),
  })
  .strict()
  .prefault({})
  .meta({ title: 'Agent launcher', description: 'How Lanes starts an agent in a lane.' });

export const PricesSection = z
  .record(
    z.string().min(1),
    z
      .object({
        input: z.number().nonnegative().meta({ description: 'USD per million input tokens.' }),
        output: z.number().nonnegative().meta({ description: 'USD per million output tokens.' }),
        cache_read: z
          .number()
          .nonnegative()
          .optional()
          .meta({ description: 'USD per million cache-read tokens. Default a tenth of input.' }),
        cache_write: z
          .number()
          .nonnegative()
          .optional()
          .meta({ description: 'USD per million cache-creation tokens. Default 1.25 times input.' }),
      })
      .strict(),
  )
  .optional()
  .meta({
    title: 'Model prices',
    description:
      'Per model (an id, or a part of one such as "sonnet"), USD per million tokens, for the estimated cost of a run. Added over the built-in estimates for the Claude families.',
  });
