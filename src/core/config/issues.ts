/**
 * The config's validation issues in words: unknown fields with the nearest known name ("did you
 * mean"), bad map keys, a root that is not an object; everything else through the shared
 * formatter of src/util/issues.ts.
 */
import type { z } from 'zod';
import { formatIssue, formatPath } from '../../util/issues.js';
import { ConfigSchema } from './schema.js';

export function describeIssue(iss: z.core.$ZodIssue, input: unknown): string[] {
  if (iss.code === 'unrecognized_keys') {
    const known = knownKeys(ConfigSchema, iss.path, input);
    return iss.keys.map((k) => {
      const near = closest(k, known);
      return `${formatPath([...iss.path, k])}: unknown field${near ? ` (did you mean "${near}"?)` : ''}`;
    });
  }
  if (iss.code === 'invalid_key') return [`${formatPath(iss.path)}: invalid name: ${iss.issues.map((i) => i.message).join('; ')}`];
  if (iss.code === 'invalid_type' && iss.path.length === 0)
    return ['(root): the file must contain a JSON object, e.g. { "max_parallel": 4 }'];
  return [formatIssue(iss, { input, schema: ConfigSchema })];
}

/** The field names the schema allows at `p`, for "did you mean" suggestions. */
function knownKeys(schema: z.core.$ZodType, p: readonly PropertyKey[], input: unknown): string[] {
  let s: z.core.$ZodType | undefined = schema;
  let v: unknown = input;
  for (let depth = 0; s && depth <= p.length;) {
    const def = s._zod.def as unknown as Record<string, unknown> & { type: string };
    if ('innerType' in def) {
      s = def.innerType as z.core.$ZodType; // optional, default, prefault, pipe-less wrappers
      continue;
    }
    if (def.type === 'union') {
      // A discriminated union: follow the option whose `kind` matches the input.
      const options = def.options as z.core.$ZodType[];
      const kind = (v as Record<string, unknown> | undefined)?.kind;
      s = options.find((o) => (o as unknown as z.ZodObject).shape?.kind?._zod.def.values?.includes(kind as never)) ?? options[0];
      continue;
    }
    if (depth === p.length) return def.type === 'object' ? Object.keys((s as unknown as z.ZodObject).shape) : [];
    const key = p[depth]!;
    v = (v as Record<PropertyKey, unknown> | undefined)?.[key];
    depth++;
    if (def.type === 'object') s = (s as unknown as z.ZodObject).shape[key as string];
    else if (def.type === 'array') s = def.element as z.core.$ZodType;
    else return [];
  }
  return [];
}

function closest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) [best, bestD] = [c, d];
  }
  return bestD <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}
