/** src/state/random.ts: random hex without loading node:crypto. */
import { describe, expect, it } from 'vitest';
import { randomHex } from '../../src/state/random.js';

describe('randomHex', () => {
  it('gives 2n hex digits, different every time, across pool refills', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const n = 1 + (i % 9);
      const h = randomHex(n);
      expect(h).toMatch(new RegExp(`^[0-9a-f]{${2 * n}}$`));
      if (n >= 6) {
        expect(seen.has(h)).toBe(false);
        seen.add(h);
      }
    }
  });

  it('looks uniform: every hex digit about equally often', () => {
    const counts = new Map<string, number>();
    const text = Array.from({ length: 400 }, () => randomHex(8)).join('');
    for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(16);
    // 6,400 digits: 400 expected each; a fair source stays well inside this band.
    for (const n of counts.values()) {
      expect(n).toBeGreaterThan(250);
      expect(n).toBeLessThan(550);
    }
  });

  it('serves a request larger than its pool', () => {
    expect(randomHex(1000)).toMatch(/^[0-9a-f]{2000}$/);
  });
});
