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

/**
 * Which plain scopes name a file (so nothing can be under them); the rest of the plain scopes are
 * read as "that file or everything under it".
 */
export type FileScopes = ReadonlySet<string>;

/** Intersection of two normalized scopes; `files` narrows the plain scopes it holds to one file. */
export function intersectNormalized(a: string, b: string, files?: FileScopes): Intersection {
  const pa = isPlainScope(a);
  const pb = isPlainScope(b);
  if (pa && pb) {
    // Two plain paths overlap iff one is the other or a directory above it (not above a file).
    const [short, long] = a.length <= b.length ? [a, b] : [b, a];
    const nested = long === short || (long.startsWith(`${short}/`) && !files?.has(short));
    return nested ? { intersects: true, witness: long } : { intersects: false };
  }
  // Every path a scope matches starts with its literal key (scope-index.ts): when neither key is a
  // prefix of the other, no path can match both, and no automaton needs building.
  const ka = literalKey(a, pa);
  const kb = literalKey(b, pb);
  if (!(ka.length <= kb.length ? kb.startsWith(ka) : ka.startsWith(kb))) return { intersects: false };
  if (files && ((pa && files.has(a)) || (pb && files.has(b)))) {
    // A file against a glob: they meet iff the glob matches that one path.
    const [file, glob] = pa ? [a, b] : [b, a];
    return nfaMatches(compiled(glob), file) ? { intersects: true, witness: file } : { intersects: false };
  }
  return intersectNfa(compiled(a), compiled(b));
}

/**
 * The literal leading segments every matched path starts with: a plain scope's own text and `/`
 * (the file itself starts with every key that is a prefix of that), a glob's text up to the last
 * `/` before its first glob character.
 */
function literalKey(scope: string, plain: boolean): string {
  if (plain) return `${scope}/`;
  const first = scope.search(GLOB_CHARS);
  return scope.slice(0, scope.lastIndexOf('/', first) + 1);
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
