import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';

function listFiles(dir: string, base = dir): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      const p = path.join(dir, e.name);
      return e.isDirectory() ? listFiles(p, base) : [path.relative(base, p)];
    })
    .sort();
}

describe('the committed plugin folder', () => {
  it('is exactly what a fresh `npm run build` makes (rebuild and commit plugin/ if this fails)', () => {
    const fresh = inject('pluginBuildDir');
    const committed = path.resolve('plugin');
    const a = listFiles(fresh);
    expect(listFiles(committed)).toEqual(a);
    for (const f of a) {
      const same = fs.readFileSync(path.join(fresh, f)).equals(fs.readFileSync(path.join(committed, f)));
      expect(same, `plugin/${f} is stale: run npm run build and commit plugin/`).toBe(true);
    }
  });

  it('package.json, src/version.ts and the marketplace agree on the version', async () => {
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
    const { VERSION } = await import('../src/version.js');
    expect(VERSION).toBe(pkg.version);
    const market = JSON.parse(fs.readFileSync('.claude-plugin/marketplace.json', 'utf8'));
    expect(market.plugins[0].version).toBe(pkg.version);
    expect(market.plugins[0].source).toBe('./plugin');
  });

  it('has no package.json, so installing the plugin installs nothing', () => {
    expect(fs.existsSync(path.join(inject('pluginBuildDir'), 'package.json'))).toBe(false);
  });

  it('is what the CLI bin and npm run demo run', () => {
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
    expect(pkg.bin.lanes).toBe('plugin/dist/lanes.mjs');
    expect(pkg.scripts.demo).toContain('plugin/dist/lanes.mjs');
    expect(fs.existsSync(path.join(inject('pluginBuildDir'), 'dist', 'lanes.mjs'))).toBe(true);
  });
});
