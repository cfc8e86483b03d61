/**
 * Conflict detection between the file scopes of many tasks without comparing every pair.
 *
 * Every path a scope matches starts with the scope's literal leading segments (`src/api/*.ts`
 * only matches under `src/api/`), so two scopes can only intersect when one literal prefix is a
 * prefix of the other. Scopes are bucketed in a trie keyed by those segments (flattened into a
 * sorted array, see ScopeIndex); a scope is compared with the scopes at its own node and below it,
 * never with a sibling subtree. Tasks confined to their own directories cost O(n log n); a scope
 * starting with `*` or `**` still meets everything, which is the honest cost of such a scope.
 */
import { GLOB_CHARS } from './glob-parse.js';
import { normalizeScope } from './scope-normalize.js';
import { intersectNormalized, type FileScopes } from './scope-match.js';

export interface ScopeEntry {
  owner: string;
  scope: string;
}

export interface Conflict {
  /** The two task ids, `a < b`. */
  a: string;
  b: string;
  /** Each intersecting pair of scopes, `a`'s first: "src/**\/*.ts ∩ src/api/*.ts". */
  files: string[];
  /** One path both tasks could touch, when the search produced one. */
  witness?: string;
}

export interface ConflictStats {
  scopes: number;
  /** Scope pairs of different tasks that the index could not rule out (each was intersected). */
  comparisons: number;
}

/**
 * The trie of literal prefixes, flattened: each scope is keyed by its literal leading segments
 * plus a final `/` ("src/api/"; "" for a scope starting with a glob), and the entries are sorted
 * by key. Keys that start with a given key form one contiguous run right after it (a prefix sorts
 * before its extensions), so a scope's candidates are exactly the run of keys extending its own:
 * no per-node maps, one sort, and each pair is visited once.
 */
export class ScopeIndex {
  private owners: string[] = [];
  private scopes: string[] = [];
  private keys: string[] = [];
  private sorted: number[] | null = null;

  get size(): number {
    return this.scopes.length;
  }

  /** Adds a NORMALIZED scope (see normalizeScope) owned by a task. */
  add(owner: string, scope: string): void {
    this.owners.push(owner);
    this.scopes.push(scope);
    this.keys.push(prefixKey(scope));
    this.sorted = null;
  }

  private order(): number[] {
    if (!this.sorted) {
      const k = this.keys;
      // A plain array: V8 sorts it several times faster than an Int32Array with a comparator.
      const idx = Array.from(k, (_, i) => i);
      idx.sort((a, b) => {
        const x = k[a] as string;
        const y = k[b] as string;
        return x < y ? -1 : x > y ? 1 : a - b;
      });
      this.sorted = idx;
    }
    return this.sorted;
  }

  /** Calls `fn` once for each unordered pair of scopes of different owners that may intersect. */
  forEachCandidate(fn: (x: ScopeEntry, y: ScopeEntry) => void): void {
    const idx = this.order();
    const { keys, owners, scopes } = this;
    for (let p = 0; p < idx.length; p++) {
      const i = idx[p] as number;
      const key = keys[i] as string;
      for (let q = p + 1; q < idx.length; q++) {
        const j = idx[q] as number;
        if (!(keys[j] as string).startsWith(key)) break;
        if (owners[i] !== owners[j]) {
          fn({ owner: owners[i] as string, scope: scopes[i] as string }, { owner: owners[j] as string, scope: scopes[j] as string });
        }
      }
    }
  }

  /** How many pairs forEachCandidate visits, same-owner pairs included, without visiting them. */
  candidateCount(): number {
    const idx = this.order();
    let total = 0;
    for (let p = 0; p < idx.length; p++) {
      const key = this.keys[idx[p] as number] as string;
      let q = p + 1;
      while (q < idx.length && (this.keys[idx[q] as number] as string).startsWith(key)) q++;
      total += q - p - 1;
    }
    return total;
  }
}

/** "src/api/" for `src/api/*.ts` and for the plain path `src/api`; "" for `**\/x`. */
function prefixKey(scope: string): string {
  const g = scope.search(GLOB_CHARS);
  if (g === -1) return `${scope}/`;
  return scope.slice(0, scope.lastIndexOf('/', g) + 1);
}

/**
 * Pairs of tasks whose scopes intersect, each pair once with `a < b`, sorted by `a` then `b`.
 * Scopes are normalized here (already-normalized input is a cache hit).
 */
export function findConflicts(
  tasks: ReadonlyArray<{ id: string; files?: readonly string[] | undefined }>,
  stats?: ConflictStats,
  files?: FileScopes,
): Conflict[] {
  return conflictsOfNormalized(
    tasks.map((t) => ({ id: t.id, files: [...new Set((t.files ?? []).map((f) => normalizeScope(f)))] })),
    stats,
    files,
  );
}

/**
 * findConflicts for scopes already normalized and deduplicated per task (as in PlannedTask).
 * `files`: the plain scopes known to name a file, each read as that file alone.
 */
export function conflictsOfNormalized(
  tasks: ReadonlyArray<{ id: string; files: readonly string[] }>,
  stats?: ConflictStats,
  files?: FileScopes,
): Conflict[] {
  const index = new ScopeIndex();
  for (const t of tasks) for (const scope of t.files) index.add(t.id, scope);
  const byPair = new Map<string, Conflict>();
  let comparisons = 0;
  index.forEachCandidate((x, y) => {
    comparisons++;
    const r = intersectNormalized(x.scope, y.scope, files);
    if (!r.intersects) return;
    const [ea, eb] = x.owner < y.owner ? [x, y] : [y, x];
    const key = `${ea.owner}\n${eb.owner}`;
    let c = byPair.get(key);
    if (!c) byPair.set(key, (c = { a: ea.owner, b: eb.owner, files: [] }));
    c.files.push(`${ea.scope} ∩ ${eb.scope}`);
    if (c.witness === undefined && r.witness !== undefined) c.witness = r.witness;
  });
  if (stats) {
    stats.scopes = index.size;
    stats.comparisons = comparisons;
  }
  const out = [...byPair.values()];
  for (const c of out) c.files.sort();
  return out.sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
}
