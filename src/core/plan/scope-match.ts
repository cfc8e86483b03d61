/**
 * Matching and intersecting normalized scopes (the semantics are described in globs.ts).
 */
import { compileScope, intersectNfa, nfaMatches, type Intersection, type Nfa } from './glob-nfa.js';
import { GLOB_CHARS } from './glob-parse.js';
import { normalizeScope } from './scope-normalize.js';

const nfaCache = new Map<string, Nfa>();

/** The automaton of an already-normalized scope, memoized (plans reuse the same scopes a lot). */
export function compiled(scope: string): Nfa {
  let nfa = nfaCache.get(scope);
  if (!nfa) {
    if (nfaCache.size > 20_000) nfaCache.clear();
    nfa = compileScope(scope);
    nfaCache.set(scope, nfa);
  }
  return nfa;
}

export function isPlainScope(scope: string): boolean {
  return !GLOB_CHARS.test(scope);
}

/** Intersection of two normalized scopes. */
export function intersectNormalized(a: string, b: string): Intersection {
  if (isPlainScope(a) && isPlainScope(b)) {
    // Two plain paths overlap iff one is the other or a directory above it.
    const [short, long] = a.length <= b.length ? [a, b] : [b, a];
    const nested = long === short || long.startsWith(`${short}/`);
    return nested ? { intersects: true, witness: long } : { intersects: false };
  }
  return intersectNfa(compiled(a), compiled(b));
}

/**
 * True iff some repository path could match both scopes; `witness` is one such path when known.
 * Throws LanesError INVALID_INPUT for a scope that is empty, absolute, contains `..`, etc.
 */
export function scopesIntersect(a: string, b: string): Intersection {
  return intersectNormalized(normalizeScope(a), normalizeScope(b));
}

/**
 * Whether a repository-relative path falls inside a scope, with exactly the semantics the
 * intersection uses. `path` is repository-relative and clean (`src/a.ts`, not `./src/a.ts`).
 */
export function matchesScope(scope: string, path: string): boolean {
  const s = normalizeScope(scope);
  if (isPlainScope(s)) return path === s || path.startsWith(`${s}/`);
  return nfaMatches(compiled(s), path);
}
