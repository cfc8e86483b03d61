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
  handle(input: z.infer<I>, ctx: ToolContext): Promise<z.infer<O>>;
  /** A short human/model-readable rendering of the output. */
  render(output: z.infer<O>): string;
}

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

/** Validates tool arguments; a rejection is INVALID_INPUT naming every bad field. */
export function parseToolInput<I extends z.ZodObject>(def: Pick<ToolDef<I>, 'name' | 'input'>, args: unknown): z.infer<I> {
  const input = args ?? {};
  const r = def.input.safeParse(input);
  if (r.success) return r.data;
  const lines = formatIssues(r.error.issues, { input, schema: def.input });
  throw new LanesError('INVALID_INPUT', `Invalid arguments for ${def.name}: ${lines.join('; ')}.`, {
    hint: 'Fix these arguments and call the tool again; the tool\'s input schema lists every field.',
    details: { issues: lines },
  });
}
