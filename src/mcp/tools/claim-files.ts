import { z } from 'zod';
import { openProject } from '../../core/project/project.js';
import { CLAIM_MODES, type ClaimRecord } from '../../core/claims/model.js';
import { claimFiles } from '../../core/claims/api.js';
import { describeUntil } from '../../core/claims/owner.js';
import { MAX_TTL_SECONDS } from '../../core/claims/owner.js';
import { renewOwner } from '../../core/claims/liveness.js';
import { boundTo } from '../../core/lanes/model.js';
import { defineTool } from '../tool.js';
import { Owner, Slug } from '../schemas.js';
import { acceptOldArgs } from './renamed.js';

export { Owner };

export const ClaimOut = z.object({
  pattern: z.string(),
  mode: z.enum(CLAIM_MODES),
  owner: z.string(),
  task_id: z.string().optional().describe('The task the files are claimed for'),
  task: z.string().optional().describe('Deprecated (removed in 0.3): the same as task_id'),
  session: z.string().optional(),
  pid: z.number().optional(),
  host: z.string(),
  reason: z.string().optional(),
  claimed_at: z.string(),
  expires_at: z.string(),
  ttl_seconds: z.number(),
});

export function claimOut(c: ClaimRecord): z.infer<typeof ClaimOut> {
  const { pattern, mode, owner, task, session, pid, host, reason, claimed_at, expires_at, ttl_seconds } = c;
  return {
    pattern,
    mode,
    owner,
    ...(task !== undefined ? { task_id: task } : {}),
    task,
    session,
    pid,
    host,
    reason,
    claimed_at,
    expires_at,
    ttl_seconds,
  };
}

export const claimFilesTool = defineTool({
  name: 'claim_files',
  title: 'Claim files before editing them',
  description:
    'Claims repo-relative files or globs for `owner` so other agents keep off them. All or nothing: if any path overlaps ' +
    "another owner's claim, nothing is claimed and the error names the holder, its task, the overlapping patterns and when " +
    'its lease ends. exclusive (default) excludes every other owner; shared coexists with other shared claims (for files you ' +
    'only read). Claiming again as the same owner renews and merges. A claim lasts ttl_seconds (default from config, 1800) ' +
    "unless renewed; a Claude Code session's claims also end with the session. The same owner from a new server process keeps them. Returns the claims with their expiry. start_lane " +
    "already claims a task's planned files; list_claims shows who holds what; release_files gives them back.",
  kind: 'write',
  idempotent: true,
  input: acceptOldArgs(
    'claim_files',
    z
      .object({
        owner: Owner.describe('Who holds the claim, e.g. "task:api-auth" or "session:<id>"'),
        paths: z
          .array(z.string().min(1).max(512))
          .min(1)
          .max(200)
          .describe('Repo-relative files, directories or globs, e.g. ["src/api/**", "README.md"]'),
        mode: z
          .enum(CLAIM_MODES)
          .optional()
          .describe('exclusive (default): nobody else may claim them; shared: other shared claims may coexist'),
        ttl_seconds: z
          .number()
          .int()
          .min(1)
          .max(MAX_TTL_SECONDS)
          .optional()
          .describe('Lease length in seconds (default: claims.default_ttl_seconds, 1800)'),
        reason: z.string().min(1).max(500).optional().describe('Why, shown to agents that find the files taken'),
        task_id: Slug.optional().describe('The task these files are for'),
      })
      .strict(),
  ),
  output: z.object({ claims: z.array(ClaimOut), expires_at: z.string() }),
  async handle(input, ctx) {
    const project = await openProject(ctx.cwd, await ctx.repo());
    const ttl = input.ttl_seconds ?? (await project.config()).claims.default_ttl_seconds;
    const { task_id, ...rest } = input;
    const claims = await claimFiles(project.store, {
      ...rest,
      ...(task_id !== undefined ? { task: task_id } : {}),
      ttl_seconds: ttl,
      ...boundTo(input.owner),
    });
    await renewOwner(project.store, input.owner);
    return { claims: claims.map(claimOut), expires_at: claims.reduce((a, c) => (c.expires_at > a ? c.expires_at : a), '') };
  },
  render: (o) =>
    `Claimed ${o.claims.map((c) => c.pattern).join(', ')} (${o.claims[0]?.mode ?? 'exclusive'}) for ${o.claims[0]?.owner ?? '?'} until ${describeUntil(o.expires_at)}.`,
});
