/** Every state document the product defines: found in the sources, loaded together, described. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { definedDocs } from '../../src/state/define.js';

const SRC = path.resolve(__dirname, '../../src');

function definingModules(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...definingModules(p));
    else if (e.name.endsWith('.ts') && !p.endsWith(path.join('state', 'define.ts')) && /\bdefineDoc\b/.test(fs.readFileSync(p, 'utf8')))
      out.push(p);
  }
  return out;
}

describe('the registry of state documents', () => {
  it('loads every definition at once (no name twice), each empty value normalises to itself, each is in docs/state.md', async () => {
    const modules = definingModules(SRC);
    expect(modules.length).toBeGreaterThan(5);
    for (const m of modules) await import(m); // a duplicate name throws here
    const docs = definedDocs();
    expect(docs.map((d) => d.name).sort()).toEqual([
      'claims',
      'integration',
      'lanes',
      'merge-queue',
      'notices',
      'owners',
      'plan',
      'ports',
      'processor',
      'runs',
      'sessions',
      'tasks',
    ]);
    const table = fs.readFileSync(path.resolve(SRC, '../docs/state.md'), 'utf8');
    for (const d of docs) {
      expect(d.normalize(structuredClone(d.empty()))).toEqual(d.empty());
      expect(table, d.name).toContain(`| \`${d.name}.json\` |`);
    }
  });
});
