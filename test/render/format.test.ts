import { describe, expect, it } from 'vitest';
import { clip, clockMs, dur, firstLine, isoClock, sgr, table } from '../../src/render/format.js';

describe('render/format', () => {
  it('formats durations and clocks', () => {
    expect([dur(45_000), dur(12 * 60_000), dur(3 * 3600_000 + 5 * 60_000), dur(2 * 86_400_000 + 4 * 3600_000), dur(-5)]).toEqual([
      '45s',
      '12m',
      '3h05m',
      '2d4h',
      '0s',
    ]);
    expect([clockMs(7_900), clockMs(750_000), clockMs(-1)]).toEqual(['0:07', '12:30', '0:00']);
    expect(isoClock('2026-01-02T03:04:05.678Z')).toBe('03:04:05');
    expect(firstLine('a\nb')).toBe('a');
  });

  it('lays out a table: columns as wide as their cells up to the cap, the last one unpadded', () => {
    expect(
      table(
        ['A', 'BB', 'C'],
        [
          ['xxx', 'y', 'zzzz'],
          ['', 'yyy'],
        ],
      ),
    ).toEqual(['A    BB   C', 'xxx  y    zzzz', '     yyy']);
    // A cell longer than the cap is not cut: it pushes its own row out.
    expect(
      table(
        ['A', 'B'],
        [
          ['xxxxxx', 'y'],
          ['x', 'y'],
        ],
        3,
      ),
    ).toEqual(['A    B', 'xxxxxx  y', 'x    y']);
  });

  it('clips to visible columns and keeps colour escapes closed', () => {
    const red = sgr(31, 'abcdefgh');
    expect(red).toBe('\x1b[31mabcdefgh\x1b[0m');
    expect(clip(red, 20)).toBe(red);
    expect(clip(red, 5)).toBe('\x1b[31mabcd…\x1b[0m');
    expect(clip('abcdefgh', 5)).toBe('abcd…');
  });
});
