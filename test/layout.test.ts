/**
 * Tests mirror src/ path for path, so the tests of a module are found in one hop. A test file
 * `test/<dir>/<name>[.<aspect>][.slow].test.ts` must name a src/ module or folder:
 * - `src/<dir>/<name>.ts` exists (a test of one module; several files per module are fine:
 *   `tx.test.ts`, `tx.procs.test.ts`), or
 * - `src/<dir>/` is a folder that holds modules (a test of that folder as a whole, the name
 *   saying which aspect: `concurrency.test.ts`), or
 * - `src/<dir>.ts` is a module (a folder of tests of one module: `test/util/failpoint/`).
 * A loose `test/core/claims.test.ts` names neither (src/core/ holds only folders), so it fails.
 * The only exceptions test what ships rather than a module: the build and the plugin folder
 * (`plugin/`), and this file, which tests the tree itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const WHOLE = ['build.test.ts', 'layout.test.ts', 'lint.test.ts', 'plugin/'];

function walk(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    return e.isDirectory() ? walk(rel) : [rel];
  });
}

const isFile = (rel: string) => fs.statSync(path.join(ROOT, rel), { throwIfNoEntry: false })?.isFile() === true;
const holdsModules = (rel: string) =>
  fs.statSync(path.join(ROOT, rel), { throwIfNoEntry: false })?.isDirectory() === true &&
  fs.readdirSync(path.join(ROOT, rel)).some((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));

/** Why `test/...test.ts` names no src/ module or folder, or undefined when it does. */
function layoutProblem(testFile: string): string | undefined {
  const rel = testFile.replace(/^test\//, '');
  if (WHOLE.some((w) => (w.endsWith('/') ? rel.startsWith(w) : rel === w))) return undefined;
  const dir = path.posix.dirname(rel);
  const name = path.posix.basename(rel).split('.')[0]!;
  const src = dir === '.' ? 'src' : `src/${dir}`;
  if (isFile(`${src}/${name}.ts`)) return undefined;
  if (dir !== '.' && holdsModules(src)) return undefined;
  if (dir !== '.' && isFile(`${src}.ts`)) return undefined;
  return `${testFile}: names no src/ module or folder (no ${src}/${name}.ts, ${src}/ holds no modules${dir !== '.' ? `, no ${src}.ts` : ''}); move it beside the module it tests`;
}

/** Relative imports of a module (static, type-only, re-exports and dynamic ones), as src/ paths. */
function importsOf(rel: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, rel), 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/g)) {
    const target = path.posix.join(path.posix.dirname(rel), (m[1] ?? m[2])!).replace(/\.js$/, '.ts');
    if (isFile(target)) out.push(target);
  }
  return out;
}

/** The import cycles among `files` (strongly connected components of more than one module), each sorted. */
function importCycles(files: string[]): string[][] {
  const graph = new Map(files.map((f) => [f, importsOf(f)]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const scc: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      scc.push(w);
    } while (w !== v);
    if (scc.length > 1) cycles.push(scc.sort());
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return cycles;
}

describe('test layout', () => {
  it('every test file names a src/ module or folder', () => {
    const tests = walk('test').filter((f) => f.endsWith('.test.ts'));
    expect(tests.length).toBeGreaterThan(50);
    expect(tests.map(layoutProblem).filter(Boolean)).toEqual([]);
  });

  it('flags a loose test beside folders, a test of no module, and accepts the mirrored forms', () => {
    expect(layoutProblem('test/core/claims.test.ts')).toMatch(/names no src\/ module or folder/);
    expect(layoutProblem('test/core/faults/failpoints.test.ts')).toMatch(/no src\/core\/faults\.ts/);
    expect(layoutProblem('test/nothing.test.ts')).toBeDefined();
    expect(layoutProblem('test/core/claims/tx.test.ts')).toBeUndefined();
    expect(layoutProblem('test/core/claims/tx.procs.test.ts')).toBeUndefined();
    expect(layoutProblem('test/core/lanes/concurrency.test.ts')).toBeUndefined();
    expect(layoutProblem('test/util/failpoint/failpoints.slow.test.ts')).toBeUndefined();
    expect(layoutProblem('test/plugin/plugin.test.ts')).toBeUndefined();
  });

  it('tags slow suites by name, and the fast set leaves exactly those out', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['test']).toBe('npm run lint && vitest run');
    expect(pkg.scripts['test:fast']).toBe("vitest run --exclude '**/*.slow.test.ts' --maxWorkers=3");
    const slow = walk('test').filter((f) => f.endsWith('.slow.test.ts'));
    // The real client, the browser, the random kills and the demo are never in the fast set.
    for (const f of [
      'test/plugin/e2e.slow.test.ts',
      'test/dashboard/browser.slow.test.ts',
      'test/util/failpoint/random-kills.slow.test.ts',
      'test/cli/commands/demo.slow.test.ts',
    ])
      expect(slow).toContain(f);
  });

  it('src/ has no import cycles, type-only ones included (a cycle makes two modules one)', () => {
    const modules = walk('src').filter((f) => f.endsWith('.ts'));
    const cycles = importCycles(modules).map((c) => c.join(' <-> '));
    expect(cycles).toEqual([]);
  });

  it('finds a cycle through a type-only import and a dynamic one', () => {
    const dir = fs.mkdtempSync(path.join(ROOT, 'test', '.cycles-'));
    const rel = (f: string) => path.relative(ROOT, path.join(dir, f)).split(path.sep).join('/');
    try {
      fs.writeFileSync(path.join(dir, 'a.ts'), "import type { B } from './b.js';\nexport type A = B;\n");
      fs.writeFileSync(path.join(dir, 'b.ts'), "export type B = number;\nexport const c = () => import('./c.js');\n");
      fs.writeFileSync(path.join(dir, 'c.ts'), "export { a } from './a.js';\n");
      fs.writeFileSync(path.join(dir, 'd.ts'), "import { c } from './b.js';\nexport const d = c;\n");
      expect(importCycles(['a.ts', 'b.ts', 'c.ts', 'd.ts'].map(rel))).toEqual([['a.ts', 'b.ts', 'c.ts'].map(rel)]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps spawned children in a children/ folder beside the tests that spawn them', () => {
    const children = walk('test').filter((f) => /-child\.ts$|\/children\//.test(f));
    expect(children.filter((f) => !f.includes('/children/'))).toEqual([]);
  });
});
