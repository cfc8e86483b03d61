/** The session section: the protocol an agent session follows at its start and before it ends. */
import { z } from 'zod';
import { argv, duplicates, relDir, slug, timeoutSeconds } from './fields.js';

const ProtocolCheck = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('log_exists') })
    .strict()
    .meta({ description: 'The session log file exists.' }),
  z
    .object({ kind: z.literal('tree_committed') })
    .strict()
    .meta({ description: 'The worktree has no uncommitted changes.' }),
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
    .superRefine((items, ctx) =>
      duplicates(
        items.map((i) => i.id),
        ctx,
        'id',
        'protocol item',
      ),
    )
    .default(dflt as () => z.output<typeof ProtocolItem>[])
    .meta({ description });

const DEFAULT_SESSION_START = (): z.output<typeof ProtocolItem>[] => [
  { id: 'log-exists', description: 'Open the session log for this session.', check: { kind: 'log_exists' } },
];
const DEFAULT_SESSION_END = (): z.output<typeof ProtocolItem>[] => [
  { id: 'tree-committed', description: 'Commit (or discard) every change in the worktree.', check: { kind: 'tree_committed' } },
  {
    id: 'progress-log',
    description: 'Record what was done in the "Progress log" section.',
    check: { kind: 'section_filled', section: 'Progress log' },
  },
  {
    id: 'next-steps',
    description: 'Record what should happen next in the "Next steps" section.',
    check: { kind: 'section_filled', section: 'Next steps' },
  },
];

export const SessionSection = z
  .object({
    dir: relDir('.lanes/sessions', 'Where session logs are kept.'),
    start: protocolList(DEFAULT_SESSION_START, 'Checks at the start of an agent session.'),
    end: protocolList(DEFAULT_SESSION_END, 'Checks before an agent session may end.'),
  })
  .strict()
  .prefault({})
  .meta({ title: 'Session protocol', description: 'What an agent session must do at its start and before it ends.' });
