/**
 * File scopes of tasks: can two of them ever touch the same file?
 *
 * `scopesIntersect` is SOUND: it says "disjoint" only when no path can match both scopes (the
 * product of the two automata has no reachable accepting pair). It may say "intersects" for
 * scopes picomatch would keep apart in corner cases (see glob-parse.ts); that only serializes two
 * tasks. Sampling paths and testing them with picomatch could miss the one shared file.
 *
 * Semantics: `*` and `?` never match `/`; `**` as a whole segment is any number of segments,
 * zero included; `[abc]`, `[a-z]`, `[^x]`, `[!x]`, `{a,b}`, `(a|b)` and `\` escapes as picomatch
 * reads them; a plain path (no glob characters) is that file or everything under it, unless the
 * caller knows it names a file (`FileScopes`: a file at the base commit), then it is that file; a trailing
 * `/` is the directory's contents; dotfiles match like any other name. Scopes that could leave the
 * repository, and syntax picomatch reads unpredictably (ranges `{1..3}`, `[[:alpha:]]`, extglobs,
 * negation, unbalanced parentheses), are refused by normalizeScope with a hint.
 *
 * Module map: scope-normalize (the gate) -> glob-parse (tokens) -> glob-nfa (automata, product
 * search) -> scope-match (cached matching) -> scope-index (conflicts between many tasks; not
 * re-exported here, so the hooks that match paths, such as PreToolUse, do not load it).
 */
export { parseScope, SCOPE_LIMITS } from './glob-parse.js';
export { normalizeScope } from './scope-normalize.js';
export { scopesIntersect, matchesScope, intersectNormalized, isPlainScope, type FileScopes } from './scope-match.js';
export type { Intersection } from './glob-nfa.js';
