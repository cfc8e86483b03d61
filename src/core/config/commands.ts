/**
 * Commands in the config: gates (must pass before a lane lands) and setup steps (run in a new lane
 * and in the merge queue's gate checkout), each a named argv array with a timeout.
 */
import { z } from 'zod';
import { argv, duplicates, env, relPathProblem, slug, timeoutSeconds } from './fields.js';

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
    .superRefine((items, ctx) =>
      duplicates(
        items.map((i) => (i as { name: string }).name),
        ctx,
        'name',
        what,
      ),
    )
    .default(() => [] as z.output<T>[]);

export const GatesSection = commandList('gate', Command).meta({
  title: 'Gates',
  description:
    'Commands that must pass before a lane lands (run on the integrated result). Read from the target branch, never from a lane.',
});

export const SetupSection = commandList('setup step', SetupCommand).meta({
  title: 'Setup',
  description: "Commands run in a new lane before the agent starts, and in the merge queue's gate checkout before the gates.",
});
