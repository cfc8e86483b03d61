/**
 * Conflict detection between the file scopes of many tasks without comparing every pair.
 *
 * Every path a scope matches starts with the scope's literal leading segments (`src/api/*.ts`
 * only matches under `src/api/`), so two scopes can only intersect when one literal prefix is a
 * prefix of the other. Scopes are grouped by those segments (a trie kept as a hash table, see
 * ScopeIndex); a scope is compared with the scopes of its own group and of the groups above it,
 * never with a sibling subtree. Tasks confined to their own directories cost O(n); a scope
 * starting with `*` or `**` still meets everything, which is the honest cost of such a scope.
 */
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
  /** One path both tasks could touch: that of the first pair in `files` whose search produced one. */
  witness?: string;
}

export interface ConflictStats {
  scopes: number;
  /** Scope pairs of different tasks that the index could not rule out (each was intersected). */
  comparisons: number;
}

/**
 * The trie of literal prefixes, as a hash table: each scope is keyed by its literal leading
 * segments plus a final `/` ("src/api/" for `src/api/*.ts` and for the plain path `src/api`; ""
 * for a scope starting with a glob). Scopes with the same key form a group; a group's candidates
 * are its own other members and the members of every group whose key is a prefix of its key, and
 * such a prefix ends at one of the key's `/` (every key does). So each group looks up the prefixes
 * of its key at its slashes: no sort and no per-node maps. Keys are never built as strings: the
 * table holds a hash of each key, computed in one pass over the scope (which also finds where the
 * key ends), and a hit is confirmed by comparing the characters, so a hash collision costs a
 * comparison and never a missed or an invented pair. Each unordered pair is visited once.
 */
export class ScopeIndex {
  private owners: string[] = [];
  private scopes: string[] = [];
  private built: Built | null = null;

  get size(): number {
    return this.scopes.length;
  }

  /** Adds a NORMALIZED scope (see normalizeScope) owned by a task. */
  add(owner: string, scope: string): void {
    this.owners.push(owner);
    this.scopes.push(scope);
    this.built = null;
  }

  private build(): Built {
    if (this.built) return this.built;
    const { scopes } = this;
    const n = scopes.length;
    const keys = scanKeys(scopes);
    const { keyLen, keyHash } = keys;
    // Groups of equal keys, in an open-addressing table of group ids + 1 (a JS Map costs several
    // times more per operation than this at 20,000 keys).
    const cap = tableSize(n);
    const mask = cap - 1;
    const slots = new Int32Array(cap);
    const rep = new Int32Array(n); // the first entry of each group
    const groupOf = new Int32Array(n);
    let groups = 0;
    let emptyGroup = -1;
    for (let e = 0; e < n; e++) {
      const h = keyHash[e] as number;
      let at = h & mask;
      let g = -1;
      for (let s = slots[at] as number; s !== 0; s = slots[at] as number) {
        if (keyHash[rep[s - 1] as number] === h && sameKey(scopes, keyLen, rep[s - 1] as number, e)) {
          g = s - 1;
          break;
        }
        at = (at + 1) & mask;
      }
      if (g === -1) {
        g = groups++;
        rep[g] = e;
        slots[at] = g + 1;
        if (keyLen[e] === 0) emptyGroup = g;
      }
      groupOf[e] = g;
    }
    const start = new Int32Array(groups + 1);
    for (let e = 0; e < n; e++) {
      const g = (groupOf[e] as number) + 1;
      start[g] = (start[g] as number) + 1;
    }
    for (let g = 0; g < groups; g++) start[g + 1] = (start[g + 1] as number) + (start[g] as number);
    const members = new Int32Array(n);
    const fill = start.slice(0, groups);
    for (let e = 0; e < n; e++) {
      const g = groupOf[e] as number;
      const k = fill[g] as number;
      members[k] = e;
      fill[g] = k + 1;
    }
    // For each group, the groups whose keys are proper prefixes of its key, shortest first: the
    // empty key, then the prefixes ending at each "/" of the key, looked up by their hashes.
    const upStart = new Int32Array(groups + 1);
    const up: number[] = [];
    for (let g = 0; g < groups; g++) {
      upStart[g] = up.length;
      const r = rep[g] as number;
      if (emptyGroup !== -1 && g !== emptyGroup) up.push(emptyGroup);
      for (let q = keys.preStart[r] as number, qe = keys.preStart[r + 1] as number; q < qe; q++) {
        const h = keys.preHash[q] as number;
        const len = keys.preLen[q] as number;
        for (let at = h & mask, s = slots[at] as number; s !== 0; at = (at + 1) & mask, s = slots[at] as number) {
          const cr = rep[s - 1] as number;
          if (keyHash[cr] === h && keyLen[cr] === len && isKeyPrefix(scopes, len, cr, r)) up.push(s - 1);
        }
      }
    }
    upStart[groups] = up.length;
    this.built = { start, members, upStart, up: Int32Array.from(up) };
    return this.built;
  }

  /** Calls `fn` once for each unordered pair of scopes of different owners that may intersect. */
  forEachCandidate(fn: (x: ScopeEntry, y: ScopeEntry) => void): void {
    const { owners, scopes } = this;
    this.eachPair((i, j) => {
      if (owners[i] !== owners[j]) {
        fn({ owner: owners[i] as string, scope: scopes[i] as string }, { owner: owners[j] as string, scope: scopes[j] as string });
      }
    });
  }

  /**
   * Each candidate pair of entries once, same-owner pairs included: within a group in insertion
   * order, then the entry with the shorter key first.
   */
  private eachPair(fn: (i: number, j: number) => void): void {
    const { start, members, upStart, up } = this.build();
    const groups = start.length - 1;
    for (let g = 0; g < groups; g++) {
      const lo = start[g] as number;
      const hi = start[g + 1] as number;
      for (let a = lo; a < hi; a++) for (let b = a + 1; b < hi; b++) fn(members[a] as number, members[b] as number);
      for (let u = upStart[g] as number, ue = upStart[g + 1] as number; u < ue; u++) {
        const h = up[u] as number;
        for (let a = start[h] as number, ae = start[h + 1] as number; a < ae; a++) {
          for (let b = lo; b < hi; b++) fn(members[a] as number, members[b] as number);
        }
      }
    }
  }

  /** How many pairs forEachCandidate visits, same-owner pairs included, without visiting them. */
  candidateCount(): number {
    const { start, upStart, up } = this.build();
    const groups = start.length - 1;
    let total = 0;
    for (let g = 0; g < groups; g++) {
      const m = (start[g + 1] as number) - (start[g] as number);
      total += (m * (m - 1)) / 2;
      for (let u = upStart[g] as number, ue = upStart[g + 1] as number; u < ue; u++) {
        const h = up[u] as number;
        total += m * ((start[h + 1] as number) - (start[h] as number));
      }
    }
    return total;
  }
}

interface Built {
  /** The entries of group g: members[start[g]] up to members[start[g + 1]], in insertion order. */
  start: Int32Array;
  members: Int32Array;
  /** The groups whose keys are proper prefixes of group g's key: up[upStart[g]] up to up[upStart[g + 1]]. */
  upStart: Int32Array;
  up: Int32Array;
}

const SLASH = 0x2f;
const FNV_BASIS = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

/** A power of two at least twice `n`: the table stays at most half full. */
function tableSize(n: number): number {
  let cap = 16;
  while (cap < 2 * n) cap *= 2;
  return cap;
}

interface Keys {
  /** The length of each entry's key: the characters before the segment holding its first glob character; a plain scope's key is the scope plus "/". */
  keyLen: Int32Array;
  keyHash: Int32Array;
  /** The non-empty proper prefixes of entry e's key that end at a "/": preHash / preLen[preStart[e]] up to [preStart[e + 1]]. */
  preStart: Int32Array;
  preHash: Int32Array;
  preLen: Int32Array;
}

/** Every scope's key, in one pass over its characters: length, hash, and the hashes of its prefixes at each "/". */
function scanKeys(scopes: readonly string[]): Keys {
  const n = scopes.length;
  const keyLen = new Int32Array(n);
  const keyHash = new Int32Array(n);
  const preStart = new Int32Array(n + 1);
  let preHash = new Int32Array(Math.max(16, 2 * n));
  let preLen = new Int32Array(preHash.length);
  let m = 0;
  const put = (h: number, len: number): void => {
    if (m === preHash.length) {
      const bigger = new Int32Array(2 * m);
      bigger.set(preHash);
      preHash = bigger;
      const longer = new Int32Array(2 * m);
      longer.set(preLen);
      preLen = longer;
    }
    preHash[m] = h;
    preLen[m] = len;
    m++;
  };
  for (let e = 0; e < n; e++) {
    const scope = scopes[e] as string;
    preStart[e] = m;
    let h = FNV_BASIS;
    let atSlash = FNV_BASIS; // the hash of the characters up to and including the last "/"
    let lastSlash = -1;
    let len = -1;
    for (let k = 0; k < scope.length; k++) {
      const c = scope.charCodeAt(k);
      // GLOB_CHARS (glob-parse.ts): * ? [ { ( and the backslash
      if (c === 0x2a || c === 0x3f || c === 0x5b || c === 0x7b || c === 0x28 || c === 0x5c) {
        len = lastSlash + 1;
        break;
      }
      if (c === SLASH) {
        // The prefix before this "/" may be another key; recorded once the next "/" proves it proper.
        if (lastSlash !== -1) put(atSlash, lastSlash + 1);
        h = Math.imul(h ^ c, FNV_PRIME);
        lastSlash = k;
        atSlash = h;
      } else h = Math.imul(h ^ c, FNV_PRIME);
    }
    if (len === -1) {
      // Plain: the key is the scope plus "/", and the prefix at the last "/" is a proper one.
      if (lastSlash !== -1) put(atSlash, lastSlash + 1);
      keyLen[e] = scope.length + 1;
      keyHash[e] = Math.imul(h ^ SLASH, FNV_PRIME);
    } else {
      keyLen[e] = len;
      keyHash[e] = atSlash;
    }
  }
  preStart[n] = m;
  return { keyLen, keyHash, preStart, preHash, preLen };
}

/** Character k of a scope's key: the scope's own, then the "/" a plain scope's key ends with. */
function keyChar(scope: string, k: number): number {
  return k < scope.length ? scope.charCodeAt(k) : SLASH;
}

function sameKey(scopes: readonly string[], keyLen: Int32Array, a: number, b: number): boolean {
  return keyLen[a] === keyLen[b] && isKeyPrefix(scopes, keyLen[a] as number, a, b);
}

/** Whether the first `len` key characters of entries a and b agree. */
function isKeyPrefix(scopes: readonly string[], len: number, a: number, b: number): boolean {
  const sa = scopes[a] as string;
  const sb = scopes[b] as string;
  for (let k = 0; k < len; k++) if (keyChar(sa, k) !== keyChar(sb, k)) return false;
  return true;
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
  // Per pair of tasks, each intersecting pair of scopes with its witness; the witness shown is
  // that of the first pair in sorted order that has one, so it does not depend on visiting order.
  const byPair = new Map<string, { a: string; b: string; hits: Array<[string, string | undefined]> }>();
  let comparisons = 0;
  index.forEachCandidate((x, y) => {
    comparisons++;
    const r = intersectNormalized(x.scope, y.scope, files);
    if (!r.intersects) return;
    const [ea, eb] = x.owner < y.owner ? [x, y] : [y, x];
    const key = `${ea.owner}\n${eb.owner}`;
    let c = byPair.get(key);
    if (!c) byPair.set(key, (c = { a: ea.owner, b: eb.owner, hits: [] }));
    c.hits.push([`${ea.scope} ∩ ${eb.scope}`, r.witness]);
  });
  if (stats) {
    stats.scopes = index.size;
    stats.comparisons = comparisons;
  }
  const out: Conflict[] = [];
  for (const { a, b, hits } of byPair.values()) {
    hits.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    const witness = hits.find((h) => h[1] !== undefined)?.[1];
    out.push({ a, b, files: hits.map((h) => h[0]), ...(witness === undefined ? {} : { witness }) });
  }
  return out.sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
}
