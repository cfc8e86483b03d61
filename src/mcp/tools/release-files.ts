import { z } from 'zod';
import { openProject } from '../../core/project/project.js';
import { releaseFiles } from '../../core/claims/api.js';
import { defineTool } from '../tool.js';
import { mcpOwner } from '../../core/lanes/model.js';
import { Owner } from '../schemas.js';

export const releaseFilesTool = defineTool({
  name: 'release_files',
  title: 'Release claimed files',
  description:
    "Releases `owner`'s claims on the given paths (the patterns as claimed), or all of its claims when paths is omitted. " +
    'Returns the released patterns and any given paths that were not held. Safe to repeat. Claims of a finished task are ' +
    'released when its lane is removed; use this to hand files over earlier. A task\'s file scope (owner "task:<id>") is its ' +
    "task owner's to release, and naming `by` checks that you are the owner: another live owner's claims are refused.",
  kind: 'write',
  idempotent: true,
  input: z
    .object({
      owner: Owner.describe('The owner the claims were made for'),
      by: Owner.optional().describe(
        'Who you are, when not the owner itself (default for task:<id> scopes: LANES_OWNER, else this Claude Code session)',
      ),
      paths: z
        .array(z.string().min(1).max(512))
        .min(1)
        .max(200)
        .optional()
        .describe("Patterns to release; omit to release all of the owner's claims"),
    })
    .strict(),
  output: z.object({ released: z.array(z.string()), not_held: z.array(z.string()) }),
  async handle(input, ctx) {
    const project = await openProject(ctx.cwd, await ctx.repo());
    // Naming an owner is acting as it, except for a task's scope, which belongs to the task's owner.
    const actor = input.by ?? (input.owner.startsWith('task:') ? mcpOwner() : input.owner);
    return releaseFiles(project.store, input.owner, input.paths, { actor });
  },
  render: (o) =>
    (o.released.length ? `Released ${o.released.join(', ')}.` : 'Nothing was released.') +
    (o.not_held.length ? ` Not held by this owner (release the exact pattern you claimed): ${o.not_held.join(', ')}.` : ''),
});
