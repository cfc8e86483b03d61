import { z } from 'zod';
import { openProject } from '../../core/project/project.js';
import { describeUntil } from '../../core/claims/owner.js';
import { MAX_TTL_SECONDS } from '../../core/claims/owner.js';
import { leasePort } from '../../core/claims/ports.js';
import { defineTool } from '../tool.js';
import { boundTo } from '../../core/lanes/model.js';
import { Owner } from '../schemas.js';
import { renewOwner } from '../../core/claims/liveness.js';

export const leasePortTool = defineTool({
  name: 'lease_port',
  title: 'Lease a TCP port',
  description:
    "Leases a TCP port for `owner` (e.g. a lane's dev server): free on this machine right now and held by no other live " +
    'owner; the same owner asking again gets the same port. Ports come from 20000-29999, starting at a hash of the owner, ' +
    'so they stay stable. The lease ends when the lane is removed, when this Claude Code session ends, or when it ' +
    "expires (ttl_seconds, default from config, 1800; renewed together with the owner's claims). Returns the port.",
  kind: 'write',
  idempotent: true,
  input: z
    .object({
      owner: Owner.describe('Who uses the port, e.g. "task:api-auth"'),
      ttl_seconds: z.number().int().min(1).max(MAX_TTL_SECONDS).optional().describe('Lease length in seconds'),
    })
    .strict(),
  output: z.object({ port: z.number(), owner: z.string(), expires_at: z.string(), reused: z.boolean() }),
  async handle(input, ctx) {
    const project = await openProject(ctx.cwd, await ctx.repo());
    const ttl = input.ttl_seconds ?? (await project.config()).claims.default_ttl_seconds;
    const { lease, reused } = await leasePort(project.store, { owner: input.owner, ttl_seconds: ttl, ...boundTo(input.owner) });
    await renewOwner(project.store, input.owner);
    return { port: lease.port, owner: lease.owner, expires_at: lease.expires_at, reused };
  },
  render: (o) => `Port ${o.port} is leased to ${o.owner}${o.reused ? ' (already was)' : ''} until ${describeUntil(o.expires_at)}.`,
});
