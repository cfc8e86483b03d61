/**
 * What a task looks like on the way in (TaskInput, as written by a person or a model) and once
 * planned (PlannedTask: defaults filled, scopes normalized, duplicates dropped). Validation errors
 * name the task by index and id and the field, because a model fixing a 40-task list needs to know
 * which entry to touch.
 */
import { z } from 'zod';
import { LanesError } from '../../errors.js';
import { SLUG_RE, SLUG_RULE, slugify } from '../../util/slug.js';
import { formatIssue, showValue, valueAt } from '../../util/issues.js';
import { normalizeScope } from './scope-normalize.js';

export const PLAN_LIMITS = {
  maxTasks: 10_000,
  maxTitle: 200,
  maxDescription: 20_000,
  maxDependsOn: 100,
  maxFiles: 200,
  maxScopeLength: 512,
  maxEstimateHours: 1000,
  defaultEstimateHours: 1,
  maxParallelism: 256,
  maxSourceBytes: 5 * 1024 * 1024,
} as const;

const L = PLAN_LIMITS;
const slug = z.string().regex(SLUG_RE, { error: `must be ${SLUG_RULE}` });

export const TaskInputSchema = z.strictObject({
  id: slug.describe('a slug such as "api-auth", unique in the plan; names the branch lanes/<id>'),
  title: z.string().trim().min(1).max(L.maxTitle).describe('One line saying what the task delivers'),
  description: z.string().max(L.maxDescription).optional().describe('What to do and how to know it is done'),
  depends_on: z.array(slug).max(L.maxDependsOn).optional().describe('Ids of tasks that must land first'),
  files: z
    .array(z.string().min(1).max(L.maxScopeLength))
    .max(L.maxFiles)
    .optional()
    .describe('File scope: repo-relative paths or globs ("src/api/**"); a plain path includes everything under it'),
  estimate: z.number().positive().max(L.maxEstimateHours).default(L.defaultEstimateHours).describe('estimated hours of work, default 1'),
  parallel_ok: z.boolean().default(true).describe('false: the task runs alone, e.g. a repo-wide rename'),
});

export const TasksSchema = z
  .array(TaskInputSchema)
  .min(1, { error: 'there are no tasks' })
  .max(L.maxTasks, { error: `more than ${L.maxTasks} tasks` });

export type TaskInput = z.input<typeof TaskInputSchema>;

export interface PlannedTask {
  id: string;
  title: string;
  description: string;
  depends_on: string[];
  /** Normalized scopes (see normalizeScope). */
  files: string[];
  estimate: number;
  parallel_ok: boolean;
}

const FIELDS = Object.keys(TaskInputSchema.shape);
// Names people and models reach for first; the error then says which field they meant.
const ALIASES: Record<string, string> = {
  deps: 'depends_on',
  dependencies: 'depends_on',
  depends: 'depends_on',
  dependsOn: 'depends_on',
  after: 'depends_on',
  needs: 'depends_on',
  blocked_by: 'depends_on',
  scope: 'files',
  scopes: 'files',
  paths: 'files',
  globs: 'files',
  name: 'title',
  summary: 'title',
  hours: 'estimate',
  est: 'estimate',
  parallel: 'parallel_ok',
  parallelOk: 'parallel_ok',
  details: 'description',
  body: 'description',
  notes: 'description',
};

const EXAMPLE =
  'A task looks like {"id": "api-auth", "title": "Add login", "depends_on": ["db-schema"], "files": ["src/api/**"], "estimate": 2}.';

/** `tasks[3] (id "api-auth")`: the index is exact, the id helps a person find the entry. */
export function taskLabel(input: unknown, index: number): string {
  const t = Array.isArray(input) ? (input[index] as unknown) : undefined;
  const id = t && typeof t === 'object' ? (t as Record<string, unknown>).id : undefined;
  return typeof id === 'string' && id.length <= 80 ? `tasks[${index}] (id ${JSON.stringify(id)})` : `tasks[${index}]`;
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const [index, ...rest] = issue.path;
  if (issue.code === 'unrecognized_keys') {
    const where = typeof index === 'number' ? taskLabel(input, index) : 'tasks';
    const named = issue.keys.map((k) => (Object.hasOwn(ALIASES, k) ? `"${k}" (did you mean "${ALIASES[k]}"?)` : `"${k}"`));
    return `${where}: unknown field ${named.join(', ')}; fields are ${FIELDS.join(', ')}`;
  }
  if (issue.code === 'invalid_type' && typeof index === 'number' && rest.length === 0 && valueAt(input, issue.path) !== undefined) {
    return `${taskLabel(input, index)}: expected a task object, got ${showValue(valueAt(input, issue.path))}`;
  }
  const line = formatIssue(issue, { input, schema: TasksSchema, root: 'tasks' });
  const v = valueAt(input, issue.path);
  if (issue.code === 'invalid_format' && typeof v === 'string' && (rest[0] === 'id' || rest[0] === 'depends_on')) {
    return `${line} (for example "${slugify(v)}")`;
  }
  return line;
}

/** Validates a task list and returns normalized tasks; throws INVALID_INPUT naming every bad field. */
export function parseTasks(input: unknown): PlannedTask[] {
  if (!Array.isArray(input)) {
    throw new LanesError('INVALID_INPUT', `Expected a list of tasks, got ${input === null ? 'null' : typeof input}.`, {
      hint: `Pass an array of tasks (or an object with a "tasks" array). ${EXAMPLE}`,
    });
  }
  return quickParse(input) ?? parseWithSchema(input);
}

/** The schema's path: zod decides and explains every problem, then each task is normalized. */
export function parseWithSchema(input: unknown): PlannedTask[] {
  const r = TasksSchema.safeParse(input);
  if (!r.success) {
    const lines = r.error.issues.map((i) => describeIssue(i, input));
    const shown = lines.slice(0, 8).join('\n  ') + (lines.length > 8 ? `\n  ... and ${lines.length - 8} more` : '');
    throw new LanesError('INVALID_INPUT', `Invalid task list (${lines.length} problem${lines.length === 1 ? '' : 's'}):\n  ${shown}`, {
      hint: `Fix these fields and plan again. ${EXAMPLE}`,
      details: { issues: lines.slice(0, 100) },
    });
  }
  return r.data.map((t, i) => normalize(t, input, i));
}

type Parsed = z.output<typeof TaskInputSchema>;

function normalize(t: Parsed, input: unknown, i: number): PlannedTask {
  const files: string[] = [];
  (t.files ?? []).forEach((f, j) => {
    const s = scope(f, input, i, j);
    if (!files.includes(s)) files.push(s); // lists are short (<= 200): no Set per task
  });
  return {
    id: t.id,
    title: t.title,
    description: t.description ?? '',
    depends_on: dedupe(t.depends_on ?? []),
    files,
    estimate: t.estimate,
    parallel_ok: t.parallel_ok,
  };
}

/** A copy without repeats, first occurrences in order. */
function dedupe(xs: readonly string[]): string[] {
  if (xs.length > 16) return [...new Set(xs)];
  const out = xs.slice();
  for (let k = 1; k < out.length; k++) {
    // Short lists: a scan of the ones before is cheaper than a Set per task.
    if (out.lastIndexOf(out[k] as string, k - 1) !== -1) return [...new Set(xs)];
  }
  return out;
}

/** SLUG_RE (util/slug.ts) as a loop: ^[a-z0-9][a-z0-9-]{0,62}$. Tested against the regex. */
export function isSlugText(s: string): boolean {
  const n = s.length;
  if (n < 1 || n > 63) return false;
  for (let k = 0; k < n; k++) {
    const c = s.charCodeAt(k);
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c === 0x2d && k > 0))) return false;
  }
  return true;
}

/**
 * The schema's accepting path written out by hand, producing the normalized tasks directly: zod
 * spends ~3 us per task, which is most of the budget for a 10,000-task plan. It returns null on
 * anything doubtful (a scope that does not normalize included) and the schema then decides and
 * explains; test/core/plan/plan.test.ts checks that it never accepts what the schema rejects and
 * that both produce the same tasks.
 */
export function quickParse(input: unknown): PlannedTask[] | null {
  if (!Array.isArray(input) || input.length < 1 || input.length > L.maxTasks) return null;
  const out: PlannedTask[] = new Array(input.length);
  for (let i = 0; i < input.length; i++) {
    const t = input[i] as Record<string, unknown> | null | undefined;
    if (typeof t !== 'object' || t === null || Array.isArray(t)) return null;
    for (const k in t) if (!isField(k)) return null;
    const { id, title, description, depends_on, files, estimate, parallel_ok } = t;
    if (typeof id !== 'string' || !isSlugText(id) || typeof title !== 'string') return null;
    const trimmed = title.trim();
    if (trimmed.length < 1 || trimmed.length > L.maxTitle) return null;
    if (description !== undefined && (typeof description !== 'string' || description.length > L.maxDescription)) return null;
    if (estimate !== undefined && !(typeof estimate === 'number' && estimate > 0 && estimate <= L.maxEstimateHours)) return null;
    if (parallel_ok !== undefined && typeof parallel_ok !== 'boolean') return null;
    let deps: string[] = [];
    if (depends_on !== undefined) {
      if (!Array.isArray(depends_on) || depends_on.length > L.maxDependsOn) return null;
      for (let k = 0; k < depends_on.length; k++) {
        const d = depends_on[k] as unknown;
        if (typeof d !== 'string' || !isSlugText(d)) return null;
      }
      deps = dedupe(depends_on as string[]);
    }
    let scopes: string[] = [];
    if (files !== undefined) {
      if (!Array.isArray(files) || files.length > L.maxFiles) return null;
      // Normalized in place in an exact-size copy (an array grown by push starts at 17 slots).
      scopes = files.slice();
      let m = 0;
      for (let k = 0; k < scopes.length; k++) {
        const f = scopes[k] as unknown;
        if (typeof f !== 'string' || f.length < 1 || f.length > L.maxScopeLength) return null;
        const s = tryNormalizeScope(f);
        if (s === null) return null;
        if (m === 0 || scopes.lastIndexOf(s, m - 1) === -1) scopes[m++] = s;
      }
      if (m < scopes.length) scopes.length = m; // setting the length is a runtime call: only for repeats
    }
    out[i] = {
      id,
      title: trimmed,
      description: description === undefined ? '' : (description as string),
      depends_on: deps,
      files: scopes,
      estimate: estimate === undefined ? L.defaultEstimateHours : (estimate as number),
      parallel_ok: parallel_ok === undefined ? true : (parallel_ok as boolean),
    };
  }
  return out;
}

/** The fields of TaskInputSchema (FIELDS), as a switch: cheaper than a Set lookup per key. */
function isField(k: string): boolean {
  switch (k) {
    case 'id':
    case 'title':
    case 'description':
    case 'depends_on':
    case 'files':
    case 'estimate':
    case 'parallel_ok':
      return true;
    default:
      return false;
  }
}

/** normalizeScope, or null where it would throw (the schema's path then reports it with its task). */
function tryNormalizeScope(f: string): string | null {
  try {
    return normalizeScope(f);
  } catch (e) {
    if (e instanceof LanesError) return null;
    throw e;
  }
}

function scope(f: string, input: unknown, i: number, j: number): string {
  try {
    return normalizeScope(f);
  } catch (e) {
    if (!(e instanceof LanesError)) throw e;
    throw new LanesError('INVALID_INPUT', `${taskLabel(input, i)}: files[${j}]: ${e.message}`, {
      ...(e.hint === undefined ? {} : { hint: e.hint }),
      details: { ...e.details, task_index: i, field: `files[${j}]` },
    });
  }
}
