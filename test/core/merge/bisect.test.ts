import { describe, expect, it } from 'vitest';
import { bisect } from '../../../src/core/merge/bisect.js';

/** Drives the bisection with gates that fail on every prefix containing link `bad` (or none). */
function drive(size: number, bad: number | undefined): { tested: number[]; landed: number[][]; fail?: number; requeue: number[] } {
  const results = new Map<number, boolean>();
  const tested: number[] = [];
  const landed: number[][] = [];
  let done = 0;
  for (let guard = 0; guard < 64; guard++) {
    const step = bisect(size, results);
    if (step.land > done) {
      landed.push(Array.from({ length: step.land - done }, (_, i) => done + i));
      done = step.land;
    }
    if (step.next === undefined) return { tested, landed, ...(step.fail !== undefined ? { fail: step.fail } : {}), requeue: step.requeue };
    expect(results.has(step.next)).toBe(false);
    tested.push(step.next);
    results.set(step.next, bad === undefined || step.next <= bad);
  }
  throw new Error('the bisection did not end');
}

describe('bisect', () => {
  it('tests the whole chain first and lands it all when green', () => {
    expect(bisect(4, new Map())).toEqual({ next: 4, land: 0, requeue: [] });
    expect(bisect(4, new Map([[4, true]]))).toEqual({ land: 4, requeue: [] });
    expect(drive(4, undefined)).toEqual({ tested: [4], landed: [[0, 1, 2, 3]], requeue: [] });
  });

  it('halves between the longest green and the shortest red prefix', () => {
    expect(bisect(6, new Map([[6, false]]))).toEqual({ next: 3, land: 0, requeue: [] });
    expect(
      bisect(
        6,
        new Map([
          [6, false],
          [3, false],
        ]),
      ),
    ).toEqual({ next: 1, land: 0, requeue: [] });
    expect(
      bisect(
        6,
        new Map([
          [6, false],
          [3, false],
          [1, true],
        ]),
      ),
    ).toEqual({ next: 2, land: 1, requeue: [] });
  });

  it('ends on the first failing link: the prefix before it lands, the links after it are requeued', () => {
    expect(
      bisect(
        6,
        new Map([
          [6, false],
          [3, false],
          [1, true],
          [2, true],
        ]),
      ),
    ).toEqual({ land: 2, fail: 2, requeue: [3, 4, 5] });
    // the same six-lane batch as the merge queue's test: t3 (index 2) is bad, 4 gate runs here
    expect(drive(6, 2)).toEqual({ tested: [6, 3, 1, 2], landed: [[0], [1]], fail: 2, requeue: [3, 4, 5] });
  });

  it('a chain of one that is red fails that link and requeues nothing', () => {
    expect(bisect(1, new Map([[1, false]]))).toEqual({ land: 0, fail: 0, requeue: [] });
  });

  it('finds any one bad link in 16 in 5 gate runs, landing everything before it', () => {
    for (let bad = 0; bad < 16; bad++) {
      const r = drive(16, bad);
      expect(r.tested).toHaveLength(5);
      expect(r.fail).toBe(bad);
      expect(r.landed.flat()).toEqual(Array.from({ length: bad }, (_, i) => i));
      expect(r.requeue).toEqual(Array.from({ length: 15 - bad }, (_, i) => bad + 1 + i));
    }
  });

  it('a bad last link: everything before it lands as green prefixes are found', () => {
    expect(drive(5, 4)).toEqual({ tested: [5, 2, 3, 4], landed: [[0, 1], [2], [3]], fail: 4, requeue: [] });
  });
});
