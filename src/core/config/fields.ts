/**
 * Field validators shared by the sections of the config schema: branch names, repository-relative
 * paths, slugs, argv arrays, timeouts, environments, and unique names in a list.
 */
import { z } from 'zod';
import { SLUG_RE, SLUG_RULE } from '../../util/slug.js';
import { relPathProblem } from './relpath.js';

// The lexical path check lives in relpath.ts (zod-free, for the hooks); the schema uses it too.
export { relPathProblem };

const ARGV_HINT = 'expected an argv array, never a shell string: ["npm", "test"]';

/**
 * Why `name` is not a usable branch name, or undefined when it is. Follows
 * `git check-ref-format --branch` (which we cannot call from a synchronous schema), plus two
 * Lanes rules: a leading `-` could be read as an option, and `refs/...` is almost always a
 * full ref pasted where a branch name was meant.
 */
export function refNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'must not be empty';
  if (name.length > 255) return 'is too long (at most 255 characters)';
  if (name.startsWith('-')) return 'must not start with "-"';
  if (name === 'HEAD' || name === '@') return `"${name}" is not a branch name`;
  if (name.startsWith('refs/')) return 'give the branch name (e.g. "main"), not a full ref';
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x20\x7f]/.test(name)) return 'must not contain spaces or control characters';
  const bad = /[~^:?*[\\]/.exec(name);
  if (bad) return `must not contain "${bad[0]}"`;
  if (name.includes('..')) return 'must not contain ".."';
  if (name.includes('@{')) return 'must not contain "@{"';
  if (name.startsWith('/') || name.endsWith('/') || name.includes('//')) return 'must not start or end with "/" or contain "//"';
  if (name.endsWith('.')) return 'must not end with "."';
  for (const part of name.split('/')) {
    if (part.startsWith('.')) return 'no path component may start with "."';
    if (part.endsWith('.lock')) return 'no path component may end with ".lock"';
  }
  return undefined;
}

export const slug = (what: string) =>
  z
    .string()
    .regex(SLUG_RE, { error: `${what} must be a slug: ${SLUG_RULE}` })
    .meta({ description: `${what}: ${SLUG_RULE}` });

/** Argv arrays only: Lanes never runs a shell (docs/safety.md rule 16). */
export const argv = (description: string) =>
  z
    .array(z.string(), {
      error: (iss) => {
        if (typeof iss.input !== 'string') return undefined;
        // Show the user their own command as an argv array when that is a plain split.
        const words = iss.input.trim().split(/\s+/);
        const plain = words.length > 0 && words.every((w) => /^[\w@%+=:,./-]+$/.test(w));
        return plain ? `${ARGV_HINT} (here: ${JSON.stringify(words)})` : ARGV_HINT;
      },
    })
    .min(1, { error: 'must name a program: an empty argv array runs nothing' })
    .refine((a) => a[0] !== '', { error: 'the program (first element) must not be empty' })
    .meta({ description: `${description} An argv array, never a shell string: ["npm", "test"].` });

export const timeoutSeconds = (dflt: number, description: string) =>
  z
    .number()
    .positive()
    .max(86_400)
    .default(dflt)
    .meta({ description: `${description} Default ${dflt}.` });

export const env = z
  .record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'environment variable names are letters, digits and _' }), z.string())
  .meta({ description: 'Extra environment variables for the command (merged over the inherited environment).' });

export const relDir = (dflt: string, description: string) =>
  z
    .string()
    .superRefine((p, ctx) => {
      const problem = relPathProblem(p, 'directory');
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .default(dflt)
    .meta({ description: `${description} Relative to the repository root; must stay inside it. Default "${dflt}".` });

/** An issue at each name already seen earlier in the list. */
export function duplicates(names: string[], ctx: z.RefinementCtx, field: string, what: string): void {
  const seen = new Set<string>();
  names.forEach((n, i) => {
    if (seen.has(n)) ctx.addIssue({ code: 'custom', path: [i, field], message: `duplicate ${what} ${field} "${n}"` });
    seen.add(n);
  });
}
