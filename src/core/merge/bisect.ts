/**
 * The bisection of a red batch, as a pure function of the gate results so far. A batch is a chain
 * of `size` links, each integrated on top of the one before; a prefix of length n is the chain up
 * to link n - 1, and its gate result stands for all of it. The whole chain is tested first; when it
 * is red, the first failing link is found by halving the range between the longest prefix known
 * green and the shortest known red. Every green prefix lands as soon as it is found, so work before
 * the culprit never waits for the search to end; the culprit fails and the links after it go back
 * to the queue, to be integrated again without it. One bad link in 16 is found in 5 gate runs.
 */

export interface BisectStep {
  /** The prefix length to gate next; undefined when the bisection is over. */
  next?: number;
  /** The longest prefix known green: links [0, land) may land. */
  land: number;
  /** Over and red: the index of the first failing link (the culprit). */
  fail?: number;
  /** Over and red: the indexes of the links after the culprit, which go back to the queue. */
  requeue: number[];
}

/**
 * What to do next, given the gate result (true = green) of each prefix tested so far. The results
 * are expected to come from following `next`, so every green prefix is shorter than every red one.
 */
export function bisect(size: number, results: ReadonlyMap<number, boolean>): BisectStep {
  let lo = 0; // longest prefix known green
  let hi = size; // shortest prefix known red, or the whole chain before any test
  let red = false;
  for (const [n, green] of results) {
    if (green) lo = Math.max(lo, n);
    else if (!red || n < hi) {
      hi = n;
      red = true;
    }
  }
  if (lo >= hi) return { land: lo, requeue: [] };
  if (!red) return { next: hi, land: lo, requeue: [] };
  if (hi - lo > 1) return { next: (lo + hi) >> 1, land: lo, requeue: [] };
  const requeue: number[] = [];
  for (let i = hi; i < size; i++) requeue.push(i);
  return { land: lo, fail: hi - 1, requeue };
}
