/**
 * A tool is data: name, title, description, strict zod input and output schemas, a kind from which
 * the MCP annotations are derived (so they cannot drift), a handler and a short text rendering.
 * Errors are turned into results in one place (server.ts).
 */
import type { z } from 'zod';
import { LanesError } from '../errors.js';
import type { Repo } from '../git/repo.js';
import { formatIssues } from '../util/issues.js';

/** read: no side effects. write: changes Lanes state, safe to retry. destructive: removes things. */
export type ToolKind = 'read' | 'write' | 'destructive';

export interface ToolContext {
  /** The directory the server works in (CLAUDE_PROJECT_DIR or the server's cwd). */
  cwd: string;
  /** The repository of `cwd`, resolved on first use. */
  repo(): Promise<Repo>;
}

export interface ToolDef<I extends z.ZodObject = z.ZodObject, O extends z.ZodObject = z.ZodObject> {
  name: string;
  title: string;
  /** Model-facing contract: what it does, what it returns, which sibling to use instead. Key facts first. */
  description: string;
  kind: ToolKind;
  /** Calling twice with the same input has the same effect as once. Implied for `read`. */
  idempotent?: boolean;
  input: I;
  output: O;
  handle(input: Parsed<z.infer<I>>, ctx: ToolContext): Promise<z.infer<O>>;
  /** A short human/model-readable rendering of the output (after a copy that leaves out absent values). */
  render(output: Parsed<z.infer<O>>): string;
}

/**
 * What a parse of JSON really yields: zod types an optional key as `k?: T | undefined`, but a key
 * absent from the JSON stays absent, so no handler or rendering sees `undefined` there. Core's
 * inputs then need not accept an explicit `undefined` they never get.
 */
export type Parsed<T> = T extends readonly (infer U)[]
  ? Parsed<U>[]
  : T extends (...args: never[]) => unknown
    ? T
    : T extends object
      ? { [K in keyof T]: Parsed<Pick<T, K> extends Required<Pick<T, K>> ? T[K] : Exclude<T[K], undefined>> }
      : T;

export function defineTool<I extends z.ZodObject, O extends z.ZodObject>(def: ToolDef<I, O>): ToolDef<I, O> {
  return def;
}

export function annotationsFor(def: Pick<ToolDef, 'kind' | 'idempotent' | 'title'>) {
  return {
    title: def.title,
    readOnlyHint: def.kind === 'read',
    destructiveHint: def.kind === 'destructive',
    idempotentHint: def.kind === 'read' || def.idempotent === true,
    openWorldHint: false,
  };
}

/**
 * The schema handed to the SDK: it advertises the tool's JSON Schema but accepts any arguments, so
 * that bad arguments reach `parseToolInput` and come back as an `isError` result in our words
 * (`task_id must be a slug ..., got "x"`) rather than the SDK's `Input validation error: ...`.
 */
export function advertisedInput<S extends z.ZodObject>(schema: S): S {
  const std = schema['~standard'] as { jsonSchema?: unknown };
  // Typed as the tool's schema for the SDK's generics; at run time only `~standard` is read.
  return {
    '~standard': {
      version: 1,
      vendor: 'lanes',
      validate: (value: unknown) => ({ value }),
      jsonSchema: std.jsonSchema,
    },
  } as unknown as S;
}

/** A copy that leaves out keys whose value is `undefined`, as JSON would: the value `Parsed` describes. */
export function withoutUndefined<T>(value: T): Parsed<T> {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = walk(x);
      return out;
    }
    return v;
  };
  return walk(value) as Parsed<T>;
}

/** Validates tool arguments; a rejection is INVALID_INPUT naming every bad field. */
export function parseToolInput<I extends z.ZodObject>(def: Pick<ToolDef<I>, 'name' | 'input'>, args: unknown): Parsed<z.infer<I>> {
  const input = args ?? {};
  const r = def.input.safeParse(input);
  if (r.success) return withoutUndefined(r.data);
  const lines = formatIssues(r.error.issues, { input, schema: def.input });
  throw new LanesError('INVALID_INPUT', `Invalid arguments for ${def.name}: ${lines.join('; ')}.`, {
    hint: "Fix these arguments and call the tool again; the tool's input schema lists every field.",
    details: { issues: lines },
  });
}
