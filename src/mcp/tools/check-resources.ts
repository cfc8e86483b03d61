import { z } from 'zod';
import { checkResources } from '../../core/doctor/doctor.js';
import { renderDoctor } from '../../render/doctor.js';
import { defineTool } from '../tool.js';
import { ResourcesOut } from '../schemas.js';

export const checkResourcesTool = defineTool({
  name: 'check_resources',
  title: 'Check the environment',
  description:
    'Checks that Lanes can work here: git >= 2.38 (merge-tree), a repository with commits, the target branch, a clean main ' +
    'checkout, a valid .lanes/config.json, and CPU load, available memory and free disk against the configured floors. ' +
    'Returns each check with what to fix, plus the recommended parallelism. Read-only.',
  kind: 'read',
  input: z.object({}).strict(),
  output: z.object({
    ok: z.boolean(),
    checks: z.array(z.object({ name: z.string(), ok: z.boolean(), level: z.string(), detail: z.string(), fix: z.string().optional() })),
    resources: ResourcesOut,
    parallelism: z.object({ parallelism: z.number(), reason: z.string() }).passthrough(),
  }),
  async handle(_input, ctx) {
    return (await checkResources(ctx.cwd)) as never;
  },
  render: (o) => renderDoctor(o as never),
});
