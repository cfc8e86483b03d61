/**
 * One way to say what is wrong with an input a zod schema rejected, shared by the MCP tools, the
 * tasks-file and config loaders and so the CLI. zod's own text (`tasks.0.id: Invalid input:
 * expected string, received undefined`) reads like a bug; this says `tasks[0].id is required
 * (a slug such as "api-auth")`: the path in bracket form, what is expected, what was given, and
 * the field's description when the schema has one.
 */
import type { z } from 'zod';

/** `gates[0].command`, `env["A-B"]`, `tasks[0].id`; the root is "(root)". */
export function formatPath(p: readonly PropertyKey[], root = ''): string {
  let out = root;
  for (const k of p) {
    if (typeof k === 'number') out += `[${k}]`;
    else if (typeof k === 'string' && /^[A-Za-z_$][\w$]*$/.test(k)) out += out ? `.${k}` : k;
    else out += `[${JSON.stringify(String(k))}]`;
  }
  return out || '(root)';
}

export interface IssueContext {
  /** The value that was validated, to quote what was given. */
  input: unknown;
  /** The schema, to find a field's description. */
  schema?: z.core.$ZodType;
  /** A name for the root, e.g. "tasks" so that paths read `tasks[0].id`. */
  root?: string;
}

/** The value at `path` inside `input`, by own properties only. */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const k of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, k)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/** A short quote of a given value: `"three"`, `42`, `an object`, `a list`. */
export function showValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
  return String(v);
}

const ARTICLE: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

function expected(what: string): string {
  return Object.hasOwn(ARTICLE, what) ? ARTICLE[what]! : `a ${what}`;
}

function unwrap(s: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
  for (let i = 0; s && i < 10; i++) {
    const def = s._zod.def as unknown as Record<string, unknown>;
    if ('innerType' in def) s = def.innerType as z.core.$ZodType;
    // A preprocess (a transform piped into a schema) is described by the schema it feeds.
    else if (def.type === 'pipe') s = ((def.in as z.core.$ZodType)._zod.def.type === 'transform' ? def.out : def.in) as z.core.$ZodType;
    else return s;
  }
  return s;
}

function describedAs(s: z.core.$ZodType | undefined): string | undefined {
  for (let i = 0; s && i < 10; i++) {
    const d = (s as unknown as { description?: string }).description;
    if (d) return d;
    const def = s._zod.def as unknown as Record<string, unknown>;
    if (!('innerType' in def)) return undefined;
    s = def.innerType as z.core.$ZodType;
  }
  return undefined;
}

/** The schema of the field at `path`, or undefined when the walk gets lost (unions, records). */
export function schemaAt(schema: z.core.$ZodType | undefined, path: readonly PropertyKey[]): z.core.$ZodType | undefined {
  let s = schema;
  for (const k of path) {
    const u = unwrap(s);
    if (!u) return undefined;
    const def = u._zod.def as unknown as Record<string, unknown> & { type: string };
    if (def.type === 'object' && typeof k === 'string') {
      const shape = (u as unknown as { shape: Record<string, z.core.$ZodType> }).shape;
      s = Object.hasOwn(shape, k) ? shape[k] : undefined;
    } else if (def.type === 'array' && typeof k === 'number') s = def.element as z.core.$ZodType;
    else return undefined;
  }
  return s;
}

/** A field's description as a clause: `(a slug such as "api-auth")`. */
function note(ctx: IssueContext, path: readonly PropertyKey[]): string {
  const d = describedAs(schemaAt(ctx.schema, path));
  if (!d) return '';
  const s = /^[A-Z][a-z]/.test(d) ? d[0]!.toLowerCase() + d.slice(1) : d;
  return ` (${s.replace(/\.$/, '')})`;
}

/** One issue as one sentence. */
export function formatIssue(iss: z.core.$ZodIssue, ctx: IssueContext): string {
  const where = formatPath(iss.path, ctx.root);
  const value = valueAt(ctx.input, iss.path);
  const given = iss.path.length === 0 ? ctx.input : value;
  // zod's default messages start like this; anything else is the schema's own words, kept.
  const custom = !/^(Invalid|Too small|Too big|required field)/.test(iss.message);
  switch (iss.code) {
    case 'invalid_type':
      if (given === undefined) return `${where} is required${note(ctx, iss.path)}`;
      if (custom) return `${where}: ${iss.message}`;
      return `${where} must be ${expected(iss.expected)}, got ${showValue(given)}${note(ctx, iss.path)}`;
    case 'invalid_value':
      if (custom) return `${where}: ${iss.message}`;
      return `${where} must be ${iss.values.map((v) => JSON.stringify(v)).join(' | ')}, got ${showValue(given)}`;
    case 'unrecognized_keys':
      return `${where}: unknown field${iss.keys.length === 1 ? '' : 's'} ${iss.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'invalid_format': {
      // A custom message says what is wanted ("a slug: ..." or "must be a slug ..."); zod's own
      // ("Invalid string: must match pattern /.../") says nothing a person can act on.
      if (custom && !/^(must be |an? )/.test(iss.message)) return `${where}: ${iss.message}, got ${showValue(given)}`;
      const want = custom
        ? iss.message.replace(/^must be /, '')
        : iss.format === 'regex'
          ? 'in the expected format'
          : `a valid ${iss.format}`;
      return `${where} must be ${want}, got ${showValue(given)}${custom ? '' : note(ctx, iss.path)}`;
    }
    case 'too_small':
    case 'too_big': {
      if (custom) return `${where}: ${iss.message}`;
      const cmp =
        iss.code === 'too_small' ? (iss.inclusive === false ? 'more than' : 'at least') : iss.inclusive === false ? 'less than' : 'at most';
      const n = Number(iss.code === 'too_small' ? iss.minimum : iss.maximum);
      const unit = iss.origin === 'string' ? ` character${n === 1 ? '' : 's'}` : iss.origin === 'array' ? ` item${n === 1 ? '' : 's'}` : '';
      const shown = iss.origin === 'number' || iss.origin === 'int' ? `, got ${showValue(given)}` : '';
      return `${where} must have ${cmp} ${n}${unit}${shown}`.replace(
        ' have ',
        iss.origin === 'number' || iss.origin === 'int' ? ' be ' : ' have ',
      );
    }
    default:
      return `${where}: ${iss.message}`;
  }
}

export function formatIssues(issues: readonly z.core.$ZodIssue[], ctx: IssueContext): string[] {
  return issues.map((i) => formatIssue(i, ctx));
}
