import { describe, expect, it } from 'vitest';
import picomatch from 'picomatch';
import { isLanesError } from '../../../src/errors.js';
import { intersectNormalized, isPlainScope, matchesScope, normalizeScope, scopesIntersect } from '../../../src/core/plan/globs.js';
import { ScopeIndex, findConflicts, type ConflictStats } from '../../../src/core/plan/scope-index.js';
import { rng } from '../../helpers/prng.js';
import { isPlainlyNormal, normalizeUncached } from '../../../src/core/plan/scope-normalize.js';

const yes = (a: string, b: string) => expect(scopesIntersect(a, b).intersects, `${a} ∩ ${b}`).toBe(true);
const no = (a: string, b: string) => expect(scopesIntersect(a, b).intersects, `${a} ∩ ${b}`).toBe(false);

describe('scopesIntersect', () => {
  it('decides the documented examples', () => {
    yes('src/**/*.ts', 'src/api/*.ts');
    no('src/api/**', 'docs/**');
    no('*.md', 'docs/a.md');
    yes('**/*.md', 'docs/a.md');
    yes('src/{a,b}/x.ts', 'src/b/*');
    no('src/[ab].ts', 'src/c.ts');
  });

  it('reads a plain path as the file or everything under it, and a trailing slash as the contents', () => {
    yes('src/api', 'src/api/v1/users.ts');
    yes('src/api', 'src/api');
    no('src/api', 'src/apis/x.ts');
    yes('src/api/', 'src/api/x.ts');
    yes('src/api/', 'src/**/*.ts');
    no('src/api/x.ts', 'src/api/y.ts');
  });

  it('handles globstars with zero segments, classes, braces, groups and escapes', () => {
    yes('a/**/b', 'a/b');
    yes('**/b', 'b');
    yes('a/**', 'a');
    yes('**', 'anything/at/all');
    no('a/*/b', 'a/*.ts');
    no('a/*', 'a/b/c');
    no('src/[a-c].ts', 'src/d.ts');
    yes('src/[a-c].ts', 'src/b.ts');
    no('src/[^a].ts', 'src/a.ts');
    no('src/{a,b}.ts', 'src/c.ts');
    yes('src/{a,b/c}.ts', 'src/b/*.ts');
    yes('app/(auth)/page.tsx', 'app/auth/page.tsx'); // picomatch reads (...) as a group
    yes('app/(auth)/page.tsx', 'app/\\(auth\\)/page.tsx'); // and Next.js means the literal folder
    no('app/(auth)/**', 'app/(shop)/**');
    yes('a/\\*.ts', 'a/*.ts');
    no('a/\\*.ts', 'a/b.ts');
    yes('.github/**', '**/*.yml'); // dotfiles match like any other name
    no('src/**/*.test.ts', 'src/**/*.spec.ts');
  });

  it('over-approximates picomatch quirks instead of guessing', () => {
    // picomatch 4 reads [!a] as the characters ! and a; we accept both readings.
    yes('src/[!a].ts', 'src/a.ts');
    yes('src/[!a].ts', 'src/b.ts');
  });

  it('returns a witness that both scopes match', () => {
    for (const [a, b] of [
      ['src/**/*.ts', 'src/api/*.ts'],
      ['**/*.md', 'docs/a.md'],
      ['src/{a,b}/x.ts', 'src/b/*'],
      ['a/**/b/**/c', '**/b/c'],
      ['src/api', 'src/**/index.ts'],
    ] as const) {
      const r = scopesIntersect(a, b);
      expect(r.intersects).toBe(true);
      expect(r.witness).toBeDefined();
      expect(matchesScope(a, r.witness!)).toBe(true);
      expect(matchesScope(b, r.witness!)).toBe(true);
    }
    expect(scopesIntersect('src/**/*.ts', 'src/api/*.ts').witness).toBe('src/api/x.ts');
  });

  it('gives up soundly (intersects, no witness) when the product search exceeds its budget', async () => {
    const { compileScope, intersectNfa } = await import('../../../src/core/plan/glob-nfa.js');
    const r = intersectNfa(compileScope('a/*b*c*d/**/x'), compileScope('**/*e*/x'), 1);
    expect(r).toEqual({ intersects: true });
  });
});

describe('normalizeScope', () => {
  it('cleans harmless noise', () => {
    expect(normalizeScope('./src//api/')).toBe('src/api/**');
    expect(normalizeScope('src/./api')).toBe('src/api');
    expect(normalizeScope('  docs/*.md ')).toBe('docs/*.md');
    expect(normalizeScope('.')).toBe('**');
    expect(normalizeScope(normalizeScope('./a//b/'))).toBe('a/b/**');
  });

  it.each([
    ['../**', '".." segment'],
    ['src/../../etc', '".." segment'],
    ['/etc/passwd', 'absolute'],
    ['C:/Windows', 'absolute'],
    ['~/x', 'absolute'],
    ['src\\api', 'backslash'],
    ['', 'empty'],
    ['   ', 'empty'],
    ['a\u0000b', 'control character'],
    ['a\nb', 'control character'],
    ['x'.repeat(513), 'longer than 512'],
    ['!src/**', 'negated'],
    ['src/{..,a}/x', '".." inside braces'],
    ['{/etc,x}/passwd', 'absolute'],
    ['src/@(a|b)', 'extglob'],
    ['src/a|b', '"|"'],
    ['{a,b}/{a,b}/{a,b}/{a,b}/{a,b}/{a,b}/{a,b}/{a,b}/{a,b}', 'too many alternatives'],
    ['src/v{1..3}', '".." inside braces'],
    ['a.b/{a,b..c}', '".." inside braces'],
  ])('rejects %j (%s)', (scope, why) => {
    try {
      normalizeScope(scope);
      expect.fail(`accepted ${scope}`);
    } catch (e) {
      expect(isLanesError(e, 'INVALID_INPUT')).toBe(true);
      expect((e as Error).message).toContain(why);
      expect((e as { hint?: string }).hint).toBeTruthy();
    }
  });

  it('accepts the longest allowed scope and escaped glob characters', () => {
    expect(normalizeScope('x'.repeat(512))).toHaveLength(512);
    expect(normalizeScope('a/\\*b')).toBe('a/\\*b');
  });

  it('takes its shortcut only for scopes the full path returns unchanged (property)', () => {
    const r = rng(3);
    // Every character class the cleaning and the parser treat specially, plus plain ones.
    const chars = [...'ab.a/*?~!:+@-_'].concat([
      '\\',
      '(',
      ')',
      '|',
      '[',
      ']',
      '{',
      '}',
      ',',
      ' ',
      '\t',
      '\u00a0',
      '\u2028',
      'é',
      '\u0000',
      '\u007f',
    ]);
    let shortcut = 0;
    const wrong: string[] = [];
    for (let k = 0; k < 50_000; k++) {
      const len = 1 + Math.floor(r() * 12);
      let s = '';
      for (let i = 0; i < len; i++) s += r() < 0.7 ? chars[Math.floor(r() * 5)] : chars[Math.floor(r() * chars.length)];
      if (!isPlainlyNormal(s)) continue;
      shortcut++;
      let full: string | undefined;
      try {
        full = normalizeUncached(s);
      } catch {
        full = undefined;
      }
      if (full !== s) wrong.push(s);
    }
    expect(wrong).toEqual([]);
    expect(shortcut).toBeGreaterThan(5000);
    for (const s of ['a/./b', './a', 'a/', 'a//b', '../a', 'a/..', '/a', '~/a', 'c:/a', '!a', ' a', 'a ', '.', 'x'.repeat(513)]) {
      expect(isPlainlyNormal(s), s).toBe(false);
    }
    for (const s of ['a', '.github/x.yml', 'src/**/*.ts', 'a?b', 'a+b']) expect(isPlainlyNormal(s), s).toBe(true);
    // Harmless but sent the long way: the shortcut need not know every case.
    for (const s of ['a/.../b', '~a', 'src/{a,b}']) expect(isPlainlyNormal(s), s).toBe(false);
  });
});

const LETTERS = ['a', 'b', 'ab', 'ba', '.', '.a'];
const PIECES = ['*', '?', '[ab]', '[!a]', '[^a]', '[a-b]', '{a,b}', '{a,}', '{a/b,b}', '(a|b)', '(a)', ')', '(', '+', '\\*', '[]a]', '**'];

const SEGS = ['a', 'b', 'aa', 'ab', 'ba', 'bb', '.a', '.b', 'a.', 'b.', 'a.b'];

/** 1-3 segments; a segment is `**` or 1-3 pieces, half of them plain letters. */
function randomPattern(r: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const segs: string[] = [];
  const n = 1 + Math.floor(r() * 3);
  for (let i = 0; i < n; i++) {
    if (r() < 0.2) {
      segs.push('**');
      continue;
    }
    let seg = '';
    const len = 1 + Math.floor(r() * 3);
    for (let k = 0; k < len; k++) seg += r() < 0.5 ? pick(LETTERS) : pick(PIECES);
    segs.push(seg);
  }
  return segs.join('/');
}

/** Every path of 1..3 segments over SEGS: 1,463 paths, exhaustive rather than sampled. */
const PATHS = (() => {
  const out: string[] = [...SEGS];
  for (const x of SEGS) for (const y of SEGS) out.push(`${x}/${y}`);
  for (const x of SEGS) for (const y of SEGS) for (const z of ['a', 'b.', '.a']) out.push(`${x}/${y}/${z}`);
  return out;
})();

function validScope(p: string): string | undefined {
  try {
    return normalizeScope(p);
  } catch {
    return undefined;
  }
}

describe('soundness against picomatch (property)', () => {
  it('matchesScope covers every path picomatch matches', () => {
    const r = rng(1);
    let checked = 0;
    for (let k = 0; k < 1000; k++) {
      const p = randomPattern(r);
      const s = validScope(p);
      if (s === undefined) continue;
      const pm = picomatch(p, { dot: true });
      for (const path of PATHS) {
        if (pm(path)) {
          checked++;
          expect(matchesScope(p, path), `${p} should match ${path}`).toBe(true);
        }
      }
    }
    expect(checked).toBeGreaterThan(5000);
  });

  it('never calls two scopes disjoint when picomatch finds a path matching both', () => {
    const r = rng(7);
    let pairs = 0;
    let disjoint = 0;
    for (let k = 0; k < 2000; k++) {
      const a = randomPattern(r);
      const b = randomPattern(r);
      if (validScope(a) === undefined || validScope(b) === undefined) continue;
      const ma = picomatch(a, { dot: true });
      const mb = picomatch(b, { dot: true });
      const both = PATHS.find((path) => ma(path) && mb(path));
      const res = scopesIntersect(a, b);
      if (both !== undefined) {
        pairs++;
        expect(res.intersects, `${a} ∩ ${b}: picomatch matches ${both} with both`).toBe(true);
      }
      if (!res.intersects) disjoint++;
      if (res.witness !== undefined) {
        expect(matchesScope(a, res.witness) && matchesScope(b, res.witness), `witness ${res.witness} of ${a} ∩ ${b}`).toBe(true);
      }
    }
    // The test means something only if both outcomes occur often.
    expect(pairs).toBeGreaterThan(100);
    expect(disjoint).toBeGreaterThan(200);
  });
});

describe('plain paths known to be files (property)', () => {
  it('a file meets a glob exactly when the glob matches it, and never misses what picomatch matches', () => {
    const r = rng(11);
    let meets = 0;
    let narrowed = 0;
    for (let k = 0; k < 3000; k++) {
      const file = PATHS[Math.floor(r() * PATHS.length)]!;
      const f = validScope(file);
      const b = randomPattern(r);
      const nb = validScope(b);
      if (f === undefined || nb === undefined || !isPlainScope(f)) continue;
      const files = new Set([f]);
      const res = intersectNormalized(f, nb, files);
      expect(res.intersects, `${f} (a file) ∩ ${b}`).toBe(matchesScope(b, f));
      if (picomatch(b, { dot: true })(f)) expect(res.intersects, `picomatch matches ${f} with ${b}`).toBe(true);
      if (res.intersects) {
        meets++;
        expect(res.witness).toBe(f);
      }
      // Without the file set the same pair may meet only below the path: that is what is gained.
      if (!res.intersects && intersectNormalized(f, nb).intersects) narrowed++;
      // Symmetric, and the file set changes nothing for a glob's own reading.
      expect(intersectNormalized(nb, f, files).intersects).toBe(res.intersects);
    }
    expect(meets).toBeGreaterThan(100);
    expect(narrowed).toBeGreaterThan(50);
  });

  it('a file meets another plain path only when they are the same path or it lies below a directory', () => {
    const files = new Set(['test/unit/foo.ts']);
    expect(intersectNormalized('test/unit/foo.ts', 'test/unit/foo.ts/x', files).intersects).toBe(false);
    expect(intersectNormalized('test/unit/foo.ts', 'test/unit/foo.ts', files).intersects).toBe(true);
    expect(intersectNormalized('test/unit', 'test/unit/foo.ts', files)).toEqual({ intersects: true, witness: 'test/unit/foo.ts' });
    expect(intersectNormalized('test/unit/foo.ts', 'test/unit/foo.ts/x').intersects).toBe(true); // unknown: also a directory
  });

  it('scopes whose literal leading segments diverge are disjoint without an automaton, and the rule keeps every meeting', () => {
    expect(intersectNormalized('src/p1/**', 'docs/p1/**').intersects).toBe(false);
    expect(intersectNormalized('src/p1/f0.ts', 'src/p2/*.ts').intersects).toBe(false);
    expect(intersectNormalized('src/a', 'src/a*').intersects).toBe(true); // src/a itself
    expect(intersectNormalized('src/a', 'src/a/**/*.ts').intersects).toBe(true);
    expect(intersectNormalized('src/ab/x.ts', 'src/a*/x.ts').intersects).toBe(true);
    expect(intersectNormalized('src/a/x.ts', 'src/a/x.ts', new Set(['src/a/x.ts'])).intersects).toBe(true);
    expect(intersectNormalized('src/a/x.ts', 'src/*/x.ts', new Set(['src/a/x.ts'])).intersects).toBe(true);
    expect(intersectNormalized('**/x.ts', 'lib/q/x.ts').intersects).toBe(true);
  });

  it('findConflicts: test/unit/foo.ts and test/**/*.snap conflict only while foo.ts might be a directory', () => {
    const tasks = [
      { id: 'foo', files: ['test/unit/foo.ts'] },
      { id: 'snaps', files: ['test/**/*.snap'] },
    ];
    expect(findConflicts(tasks)).toEqual([
      { a: 'foo', b: 'snaps', files: ['test/unit/foo.ts ∩ test/**/*.snap'], witness: 'test/unit/foo.ts/x.snap' },
    ]);
    expect(findConflicts(tasks, undefined, new Set(['test/unit/foo.ts']))).toEqual([]);
    expect(
      findConflicts(
        [
          { id: 'foo', files: ['test/unit/foo.ts'] },
          { id: 'ts', files: ['test/**/*.ts'] },
        ],
        undefined,
        new Set(['test/unit/foo.ts']),
      ),
    ).toEqual([{ a: 'foo', b: 'ts', files: ['test/unit/foo.ts ∩ test/**/*.ts'], witness: 'test/unit/foo.ts' }]);
  });
});

describe('findConflicts and ScopeIndex', () => {
  it('lists each conflicting pair once, a < b, with the intersecting scopes', () => {
    const c = findConflicts([
      { id: 'web', files: ['src/web/**', 'src/shared/types.ts'] },
      { id: 'api', files: ['src/api/*.ts', 'src/shared/'] },
      { id: 'docs', files: ['docs/**'] },
      { id: 'lint', files: ['src/**/*.ts'] },
      { id: 'none' },
    ]);
    expect(c.map(({ a, b, files }) => ({ a, b, files }))).toEqual([
      { a: 'api', b: 'lint', files: ['src/api/*.ts ∩ src/**/*.ts', 'src/shared/** ∩ src/**/*.ts'] },
      { a: 'api', b: 'web', files: ['src/shared/** ∩ src/shared/types.ts'] },
      { a: 'lint', b: 'web', files: ['src/**/*.ts ∩ src/shared/types.ts', 'src/**/*.ts ∩ src/web/**'] },
    ]);
    expect(c[1]!.witness).toBe('src/shared/types.ts');
  });

  it('compares a plain directory with the globs beneath it, and not with a sibling prefix', () => {
    const c = findConflicts([
      { id: 'all-src', files: ['src'] },
      { id: 'api', files: ['src/api/*.ts'] },
      { id: 'srcs', files: ['srcs/**'] },
      { id: 'src-ts', files: ['src.ts'] },
    ]);
    expect(c).toEqual([{ a: 'all-src', b: 'api', files: ['src ∩ src/api/*.ts'], witness: 'src/api/x.ts' }]);
  });

  it('ignores a task overlapping itself and rejects a bad scope', () => {
    expect(findConflicts([{ id: 'a', files: ['src/**', 'src/a.ts'] }])).toEqual([]);
    expect(() => findConflicts([{ id: 'a', files: ['../x'] }])).toThrow(/"\.\." segment/);
  });

  it('is not quadratic when scopes share no prefix: 5,000 tasks, a handful of candidate pairs', () => {
    const tasks = Array.from({ length: 5000 }, (_, i) => ({
      id: `t${i}`,
      files: [`pkg${i}/src/**`, `pkg${i}/test/*.test.ts`, `pkg${i}/{lib,bin}/*.ts`],
    }));
    tasks.push({ id: 'shared-a', files: ['shared/config.json'] }, { id: 'shared-b', files: ['shared/*.json'] });
    const index = new ScopeIndex();
    for (const t of tasks) for (const f of t.files) index.add(t.id, normalizeScope(f));
    // Only same-task pairs under pkgN/ and the one shared pair; all-pairs would be ~112 million.
    expect(index.candidateCount()).toBeLessThanOrEqual(3 * 5000 + 1);
    const stats: ConflictStats = { scopes: 0, comparisons: 0 };
    const c = findConflicts(tasks, stats);
    expect(stats).toEqual({ scopes: 15002, comparisons: 1 });
    expect(c).toEqual([{ a: 'shared-a', b: 'shared-b', files: ['shared/config.json ∩ shared/*.json'], witness: 'shared/config.json' }]);
  });

  it('visits exactly the pairs whose literal prefixes nest, each once (against all pairs, random scopes)', () => {
    // The reference: a scope's key is its literal leading segments plus "/" (a plain scope: itself
    // plus "/"); two scopes are candidates iff one key starts with the other.
    const key = (s: string) => {
      const g = s.search(/[*?[{(\\]/);
      return g === -1 ? `${s}/` : s.slice(0, s.lastIndexOf('/', g) + 1);
    };
    const r = rng(7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
    const segs = ['a', 'b', 'ab', 'a.b', 'src', 'x'];
    const tails = ['', '/*.ts', '/**', '*', '/{c,d}', '/[ab]', '/x.ts', '?'];
    for (let round = 0; round < 40; round++) {
      const scopes = Array.from({ length: 2 + Math.floor(r() * 30) }, () => {
        const depth = Math.floor(r() * 4);
        const path = Array.from({ length: 1 + depth }, () => pick(segs)).join('/');
        return normalizeScope(r() < 0.1 ? `${pick(['*', '**/', '?'])}${path}` : `${path}${pick(tails)}`);
      });
      const index = new ScopeIndex();
      scopes.forEach((s, i) => index.add(`o${i}`, s));
      const seen: string[] = [];
      index.forEachCandidate((x, y) => {
        const [i, j] = [Number(x.owner.slice(1)), Number(y.owner.slice(1))].sort((p, q) => p - q);
        seen.push(`${i} ${j}`);
      });
      const want: string[] = [];
      for (let i = 0; i < scopes.length; i++) {
        for (let j = i + 1; j < scopes.length; j++) {
          const [ki, kj] = [key(scopes[i]!), key(scopes[j]!)];
          if (ki.startsWith(kj) || kj.startsWith(ki)) want.push(`${i} ${j}`);
        }
      }
      expect(seen.sort(), scopes.join('  ')).toEqual(want.sort());
      expect(index.candidateCount()).toBe(want.length);
    }
  });

  it('keeps keys with the same hash apart: a collision costs a comparison, never a pair', () => {
    // "yaczfa/" and "glbppa/" have the same 32-bit FNV-1a hash, the index's key hash.
    const stats: ConflictStats = { scopes: 0, comparisons: 0 };
    expect(
      findConflicts(
        [
          { id: 'p', files: ['yaczfa/**'] },
          { id: 'q', files: ['glbppa/**'] },
        ],
        stats,
      ),
    ).toEqual([]);
    expect(stats.comparisons).toBe(0);
    // ... also as a prefix of a longer key: "yaczfa/" inside "yaczfa/sub/x.ts/" is not "glbppa/".
    findConflicts(
      [
        { id: 'p', files: ['glbppa/*.ts'] },
        { id: 'q', files: ['yaczfa/sub/x.ts'] },
      ],
      stats,
    );
    expect(stats.comparisons).toBe(0);
    const c = findConflicts(
      [
        { id: 'p', files: ['glbppa/*.ts', 'yaczfa/*'] },
        { id: 'q', files: ['yaczfa/sub/x.ts', 'glbppa/a.ts'] },
      ],
      stats,
    );
    expect(stats.comparisons).toBe(2);
    expect(c).toEqual([{ a: 'p', b: 'q', files: ['glbppa/*.ts ∩ glbppa/a.ts'], witness: 'glbppa/a.ts' }]);
  });

  it('shows the witness of the first intersecting pair of scopes, whatever the order they were found in', () => {
    const tasks = [
      { id: 'p', files: ['z/**', 'a/**'] },
      { id: 'q', files: ['z/y.ts', 'a/b.ts'] },
    ];
    const c = findConflicts(tasks);
    expect(c).toEqual([{ a: 'p', b: 'q', files: ['a/** ∩ a/b.ts', 'z/** ∩ z/y.ts'], witness: 'a/b.ts' }]);
    expect(findConflicts([...tasks].reverse().map((t) => ({ ...t, files: [...t.files].reverse() })))).toEqual(c);
  });

  it('still compares a scope starting with a glob against everything', () => {
    const tasks = Array.from({ length: 100 }, (_, i) => ({ id: `t${i}`, files: [`pkg${i}/README.md`] }));
    tasks.push({ id: 'all-docs', files: ['**/*.md'] });
    const stats: ConflictStats = { scopes: 0, comparisons: 0 };
    expect(findConflicts(tasks, stats)).toHaveLength(100);
    expect(stats.comparisons).toBe(100);
  });
});
