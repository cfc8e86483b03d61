/** src/state/sha256.ts: the same digest as node:crypto, without loading it. */
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/state/sha256.js';

describe('sha256Hex', () => {
  it('is node:crypto sha256 on edge lengths and random text', () => {
    const cases = ['', 'a', 'abc', 'host.example', 'é€😀'];
    for (let n = 50; n <= 130; n++) cases.push('x'.repeat(n));
    for (let i = 0; i < 200; i++) cases.push(crypto.randomBytes(i % 150).toString('latin1'));
    for (const c of cases) expect(sha256Hex(c), JSON.stringify(c)).toBe(crypto.createHash('sha256').update(c, 'utf8').digest('hex'));
  });
});
