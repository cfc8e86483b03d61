/** The merge section: how finished lanes land on the target branch. */
import { z } from 'zod';

export const MergeSection = z
  .object({
    strategy: z
      .enum(['merge', 'squash', 'rebase'])
      .default('merge')
      .meta({ description: 'How a lane lands on the target. Default "merge".' }),
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
    hold_gate_changes: z.boolean().default(true).meta({
      description:
        "Hold a landing that weakens the target's gates (removes or changes a gate command, shortens a timeout, removes setup) until a human runs `lanes merge approve`. Default true.",
    }),
  })
  .strict()
  .prefault({})
  .meta({ title: 'Merge queue', description: 'How finished lanes land on the target branch.' });
