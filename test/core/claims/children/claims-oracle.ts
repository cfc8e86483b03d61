/**
 * The independent test oracle for claims: a pool of patterns mixing plain files, directories and
 * globs, and a finite universe of paths chosen so that every pool pattern matches some path in it
 * and every pair of pool patterns that can share a path shares one listed here. Intersection is
 * decided by testing the universe with picomatch, never with the product's automaton.
 */
import picomatch from 'picomatch';

export const POOL = [
  'src/a.ts',
  'src/b.ts',
  'src/*.ts',
  'src/**',
  'src/util',
  'src/util/*.ts',
  'src/**/*.ts',
  '{src,lib}/*.{ts,js}',
  'lib/**/*.js',
  'lib/x.js',
  'docs',
  'docs/*.md',
  '**/*.md',
  'test/{a,b}.test.ts',
  'test/a.test.ts',
  'README.md',
  'pkg/[ab].json',
] as const;

export const UNIVERSE = [
  'src/a.ts',
  'src/b.ts',
  'src/c.ts',
  'src/util/u.ts',
  'src/util/deep/v.js',
  'src/readme.md',
  'src/util/n.md',
  'src/a.ts/x.md',
  'src/b.ts/x.md',
  'lib/x.js',
  'lib/y/z.js',
  'lib/x.js/n.md',
  'docs/guide.md',
  'docs/img/p.png',
  'README.md',
  'test/a.test.ts',
  'test/b.test.ts',
  'test/a.test.ts/x.md',
  'pkg/a.json',
  'pkg/b.json',
  'notes.md',
  'other/file.txt',
] as const;

const GLOB = /[*?[{(\\]/;

/** Plain paths cover themselves and everything below; globs match as picomatch with dot: true. */
export function oracleMatches(pattern: string, path: string): boolean {
  if (!GLOB.test(pattern)) return path === pattern || path.startsWith(`${pattern}/`);
  return picomatch(pattern, { dot: true })(path);
}

export function oracleIntersects(a: string, b: string): boolean {
  return UNIVERSE.some((u) => oracleMatches(a, u) && oracleMatches(b, u));
}

export function modesConflict(a: string, b: string): boolean {
  return a === 'exclusive' || b === 'exclusive';
}

const cache = new Map<string, boolean>();

/** oracleIntersects, memoized: the oracle tests pairs of claims by the hundred thousand. */
export function intersectsCached(a: string, b: string): boolean {
  const k = a < b ? `${a}\0${b}` : `${b}\0${a}`;
  let v = cache.get(k);
  if (v === undefined) cache.set(k, (v = oracleIntersects(a, b)));
  return v;
}

/** Pairs of claims held at once by different owners that the oracle says must not coexist. */
export function doubleGrants(claims: ReadonlyArray<{ owner: string; pattern: string; mode: string }>): string[] {
  const out: string[] = [];
  for (let i = 0; i < claims.length; i++) {
    const x = claims[i]!;
    for (let j = i + 1; j < claims.length; j++) {
      const y = claims[j]!;
      if (x.owner !== y.owner && modesConflict(x.mode, y.mode) && intersectsCached(x.pattern, y.pattern))
        out.push(`${x.owner} ${x.mode} ${x.pattern} / ${y.owner} ${y.mode} ${y.pattern}`);
    }
  }
  return out;
}
