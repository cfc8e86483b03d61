// The claims API against an oracle: every pair of a pool of patterns, claimed one against the
// other, is refused exactly when the oracle finds a path both match (a big oracle: a slow suite).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimFiles, releaseFiles } from '../../../src/core/claims/api.js';
import { isLanesError } from '../../../src/errors.js';
import { StateStore } from '../../../src/state/index.js';
import { tempDir } from '../../helpers/repo.js';
import { POOL, UNIVERSE, oracleIntersects, oracleMatches } from './children/claims-oracle.js';

let root: string;
let store: StateStore;

beforeEach(async () => {
  root = tempDir('lanes-claims-');
  store = await StateStore.open(path.join(root, 'lanes'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('claims', () => {
  it('refuses every pool pair the oracle says intersects (product vs picomatch over a finite universe)', async () => {
    for (const p of POOL)
      expect(
        UNIVERSE.some((u) => oracleMatches(p, u)),
        p,
      ).toBe(true);
    const unsound: string[] = [];
    const over: string[] = [];
    for (const a of POOL) {
      await claimFiles(store, { owner: 'a', paths: [a] });
      for (const b of POOL) {
        try {
          await claimFiles(store, { owner: 'b', paths: [b] });
          await releaseFiles(store, 'b');
          if (oracleIntersects(a, b)) unsound.push(`${a} vs ${b}: allowed, but both match a path`);
        } catch (e) {
          if (!isLanesError(e, 'CONFLICT')) throw e;
          if (oracleIntersects(a, b)) continue;
          // Refusing more than picomatch would is allowed (it only serializes work). The planner reads
          // a glob's own text and its plain brace alternatives as directories too.
          over.push(`${a} vs ${b}`);
        }
      }
      await releaseFiles(store, 'a');
    }
    expect(unsound).toEqual([]);
    const ok = new Set(['src/*.ts', 'src/util/*.ts', 'lib/**/*.js', 'test/{a,b}.test.ts', 'pkg/[ab].json']);
    for (const o of over)
      expect(
        o.split(' vs ').filter((x) => x === '**/*.md' || ok.has(x)),
        o,
      ).toHaveLength(2);
  });
});
