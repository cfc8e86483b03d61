/**
 * Sets of characters as sorted, disjoint, inclusive code-point ranges. Glob automata label their
 * edges with these instead of single characters, so `*` or `[!a]` is one edge, not 1.1 million,
 * and the intersection of two edges is a cheap range merge.
 */
export type CharSet = readonly number[]; // [lo0, hi0, lo1, hi1, ...]

const MAX = 0x10ffff;
const SLASH = 0x2f;

export const ANY: CharSet = [0, MAX];
export const NO_SLASH: CharSet = [0, SLASH - 1, SLASH + 1, MAX];
export const EMPTY: CharSet = [];

export function single(cp: number): CharSet {
  return [cp, cp];
}

/** Builds a set from possibly overlapping ranges. */
export function fromRanges(ranges: Array<[number, number]>): CharSet {
  const sorted = ranges.filter(([lo, hi]) => lo <= hi).sort((x, y) => x[0] - y[0]);
  const out: number[] = [];
  for (const [lo, hi] of sorted) {
    const last = out.length - 1;
    if (last > 0 && lo <= (out[last] as number) + 1) out[last] = Math.max(out[last] as number, hi);
    else out.push(lo, hi);
  }
  return out;
}

export function union(a: CharSet, b: CharSet): CharSet {
  const r: Array<[number, number]> = [];
  for (const s of [a, b]) for (let i = 0; i < s.length; i += 2) r.push([s[i] as number, s[i + 1] as number]);
  return fromRanges(r);
}

export function complement(a: CharSet): CharSet {
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i < a.length; i += 2) {
    const lo = a[i] as number;
    if (lo > next) out.push(next, lo - 1);
    next = (a[i + 1] as number) + 1;
  }
  if (next <= MAX) out.push(next, MAX);
  return out;
}

export function intersect(a: CharSet, b: CharSet): CharSet {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i] as number, b[j] as number);
    const hi = Math.min(a[i + 1] as number, b[j + 1] as number);
    if (lo <= hi) out.push(lo, hi);
    if ((a[i + 1] as number) < (b[j + 1] as number)) i += 2;
    else j += 2;
  }
  return out;
}

export function has(a: CharSet, cp: number): boolean {
  for (let i = 0; i < a.length; i += 2) {
    if (cp < (a[i] as number)) return false;
    if (cp <= (a[i + 1] as number)) return true;
  }
  return false;
}

// Witness paths are shown to people: prefer a readable character over U+0000.
const PREFERRED = [...'xabcdefghijklmnopqrstuvwyz0123456789_-.'].map((c) => c.codePointAt(0) as number);

/** A readable member of a non-empty set, or undefined when the set is empty. */
export function pick(a: CharSet): string | undefined {
  if (a.length === 0) return undefined;
  for (const cp of PREFERRED) if (has(a, cp)) return String.fromCodePoint(cp);
  // Skip control characters when the set allows it: they are not valid in scopes anyway.
  for (let i = 0; i < a.length; i += 2) {
    const cp = Math.max(a[i] as number, 0x20);
    if (cp <= (a[i + 1] as number)) return String.fromCodePoint(cp);
  }
  return String.fromCodePoint(a[0] as number);
}
