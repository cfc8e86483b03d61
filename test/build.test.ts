import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';

function listFiles(dir: string, base = dir): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(p, base) : [path.relative(base, p)];
  }).sort();
}

describe('the committed bundle', () => {
  it('is exactly what a fresh `npm run build` makes (rebuild and commit dist/ if this fails)', () => {
    const fresh = inject('bundleDir');
    const committed = path.resolve('dist');
    const a = listFiles(fresh);
    expect(listFiles(committed)).toEqual(a);
    for (const f of a) {
      const same = fs.readFileSync(path.join(fresh, f)).equals(fs.readFileSync(path.join(committed, f)));
      expect(same, `dist/${f} is stale: run npm run build and commit dist/`).toBe(true);
    }
  });

  it('package.json and src/version.ts agree on the version', async () => {
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
    const { VERSION } = await import('../src/version.js');
    expect(VERSION).toBe(pkg.version);
  });
});
