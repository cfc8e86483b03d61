/**
 * The hot path of claim enforcement: which claim covers one repository path. A PreToolUse hook
 * calls this before every edit, so it stays free of zod, the MCP SDK and any I/O, and compiles each
 * pattern at most once per process, only when a path falls under the pattern's literal directory
 * prefix (a hook run typically compiles none or one).
 *
 * Matching uses the planner's own automaton (src/core/plan/globs.ts) rather than picomatch: the
 * planner reads `src/{api,web}` as two directories and a glob's own text as a path, so picomatch
 * would call `src/api/x.ts` unclaimed while claim_files refuses it as taken. Enforcement and
 * conflict checking must agree on what a pattern covers.
 */
import { leaseEnd } from '../../state/seen.js';
import { isPlainScope, matchesScope } from '../plan/globs.js';
import type { ClaimRecord, ClaimsDoc } from './model.js';

type Matcher = (path: string) => boolean;

const MAX_CACHED = 4096;
const matchers = new Map<string, Matcher>();

/** A test "does the normalized `pattern` cover this path", cached per process. */
export function matcherFor(pattern: string): Matcher {
  let m = matchers.get(pattern);
  if (m) return m;
  if (isPlainScope(pattern)) {
    const dir = `${pattern}/`;
    m = (p) => p === pattern || p.startsWith(dir);
  } else {
    // Every match starts with the literal directories before the first glob character.
    const segs = pattern.split('/');
    const pre = segs
      .slice(
        0,
        segs.findIndex((s) => !isPlainScope(s)),
      )
      .join('/');
    const dir = `${pre}/`;
    m = (p) => (pre === '' || p === pre || p.startsWith(dir)) && matchesScope(pattern, p);
  }
  if (matchers.size >= MAX_CACHED) matchers.clear();
  matchers.set(pattern, m);
  return m;
}

/** `./src//a.ts/` -> `src/a.ts`. Hooks pass paths made relative to the repo; keep them comparable. */
export function cleanPath(p: string): string {
  let s = p.replace(/\/{2,}/g, '/');
  while (s.startsWith('./')) s = s.slice(2);
  return s.replace(/\/$/, '');
}

/**
 * The claim of someone other than `exceptOwner` that covers the repo-relative `path`, or
 * undefined. An exclusive claim wins over a shared one (it is the one that forbids an edit);
 * expired claims are ignored, dead-pid ones are not (that needs a syscall: the next claim or list
 * operation reclaims them).
 */
export function findHolder(
  claims: ClaimsDoc | readonly ClaimRecord[],
  path: string,
  exceptOwner?: string,
  now: number = Date.now(),
): ClaimRecord | undefined {
  const list = Array.isArray(claims) ? (claims as readonly ClaimRecord[]) : (claims as ClaimsDoc).claims;
  const p = cleanPath(path);
  // ISO strings of one format compare like the instants they name; cheaper than Date.parse each.
  const nowIso = new Date(now).toISOString();
  let shared: ClaimRecord | undefined;
  for (const c of list) {
    if (c.owner === exceptOwner || (shared && c.mode === 'shared')) continue;
    if (!matcherFor(c.pattern)(p) || (c.expires_at <= nowIso && leaseEnd(c, now) <= now)) continue;
    if (c.mode === 'exclusive') return c;
    shared = c;
  }
  return shared;
}
