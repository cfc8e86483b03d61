/** Output schemas shared by several tools. Inputs stay with their tool. */
import { z } from 'zod';
import { TASK_STATUSES } from '../core/plan/tasks.js';
import { OWNER_RE, OWNER_RULE_TEXT } from '../core/claims/owner.js';

export const Slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a slug: lowercase letters, digits, hyphens (e.g. "api-auth")');

/**
 * The one owner rule for every tool that takes an owner (the same rule as assertOwner in core,
 * which the CLI uses). A control character gets its own message saying so.
 */
export const Owner = z
  .string()
  // eslint-disable-next-line no-control-regex
  .refine((v) => !/[\x00-\x1f\x7f]/.test(v), 'owner contains a control character (such as ESC, BEL or NUL); use printable characters only')
  .regex(OWNER_RE, `owner: ${OWNER_RULE_TEXT}`);

/** An optional `owner` naming the caller; default LANES_OWNER, else the Claude Code session. */
export const ActorOwner = Owner.optional().describe(
  'Who you are (a stable name: the same owner later gets its lanes back; e.g. "agent:docs"). Default: LANES_OWNER from the server\'s environment, else this Claude Code session',
);

export const PlannedTaskOut = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  depends_on: z.array(z.string()),
  files: z.array(z.string()),
  estimate: z.number(),
  parallel_ok: z.boolean(),
});

export const TaskStateOut = z.object({
  id: z.string(),
  status: z.enum(TASK_STATUSES),
  owner: z.string().optional(),
  note: z.string().optional(),
  updated_at: z.string(),
  started_at: z.string().optional(),
  finished_at: z.string().optional(),
  landed_as: z.string().optional(),
});

export const ConflictOut = z.object({ a: z.string(), b: z.string(), files: z.array(z.string()), witness: z.string().optional() });

export const PlanOut = z.object({
  tasks: z.array(PlannedTaskOut),
  waves: z.array(z.array(z.string())),
  conflicts: z.array(ConflictOut),
  critical_path: z.array(z.string()),
  critical_path_hours: z.number(),
  sequential_hours: z.number(),
  parallel_hours: z.number(),
  lower_bound_hours: z.number(),
  speedup: z.number(),
  parallelism: z.number(),
  warnings: z.array(z.string()).optional(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
  source: z.string().optional(),
});

export const LimitOut = z.object({ by: z.string(), value: z.number() });

export const ResourcesOut = z
  .object({
    cpus: z.number(),
    load1: z.number(),
    load_per_cpu: z.number(),
    mem_total_mb: z.number(),
    mem_available_mb: z.number(),
    disk_free_mb: z.number(),
    disk_total_mb: z.number(),
  })
  .passthrough();

export function taskStateOut(t: {
  id: string;
  status: (typeof TASK_STATUSES)[number];
  owner?: string;
  note?: string;
  updated_at: string;
  started_at?: string;
  finished_at?: string;
  landed_as?: string;
}) {
  const { id, status, owner, note, updated_at, started_at, finished_at, landed_as } = t;
  return { id, status, owner, note, updated_at, started_at, finished_at, landed_as };
}
