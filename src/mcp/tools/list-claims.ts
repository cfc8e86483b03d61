import { z } from 'zod';
import { openProject } from '../../core/project/project.js';
import { describeOwner, describeUntil } from '../../core/claims/owner.js';
import { listClaims } from '../../core/claims/api.js';
import { defineTool } from '../tool.js';
import { ClaimOut, Owner, claimOut } from './claim-files.js';

export const listClaimsTool = defineTool({
  name: 'list_claims',
  title: 'List file claims',
  description:
    'Lists live file claims: pattern, mode (exclusive | shared), owner, task and when each lease ends. Expired claims and ' +
    "claims of processes that died are cleaned up first. Optionally only one owner's claims, or only those overlapping a " +
    'path or glob. Read-only. Use it to pick free files before claim_files.',
  kind: 'read',
  input: z
    .object({
      owner: Owner.optional().describe("Only this owner's claims"),
      path: z.string().min(1).max(512).optional().describe('Only claims overlapping this file, directory or glob'),
    })
    .strict(),
  output: z.object({ claims: z.array(ClaimOut) }),
  async handle(input, ctx) {
    const project = await openProject(ctx.cwd, await ctx.repo());
    return { claims: (await listClaims(project.store, input)).map(claimOut) };
  },
  render: (o) =>
    o.claims.length
      ? o.claims.map((c) => `${c.pattern}\t${c.mode}\t${describeOwner(c)}\tuntil ${describeUntil(c.expires_at)}`).join('\n')
      : 'No files are claimed.',
});
