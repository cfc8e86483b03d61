/**
 * A binary min-heap of task indices keyed by a number, ties broken by the smaller index (so a
 * schedule is deterministic). Keys live in typed arrays beside the items: the list scheduler does
 * ~2 heap operations per task and a comparator closure per step was a measurable share of a
 * 10,000-task plan.
 */
export class Heap {
  private items: Int32Array;
  private keys: Float64Array;
  size = 0;

  constructor(capacity: number) {
    this.items = new Int32Array(Math.max(1, capacity));
    this.keys = new Float64Array(Math.max(1, capacity));
  }

  private before(i: number, j: number): boolean {
    const a = this.keys[i] as number;
    const b = this.keys[j] as number;
    return a < b || (a === b && (this.items[i] as number) < (this.items[j] as number));
  }

  private swap(i: number, j: number): void {
    const it = this.items[i] as number;
    this.items[i] = this.items[j] as number;
    this.items[j] = it;
    const k = this.keys[i] as number;
    this.keys[i] = this.keys[j] as number;
    this.keys[j] = k;
  }

  peek(): number {
    return this.size > 0 ? (this.items[0] as number) : -1;
  }

  peekKey(): number {
    return this.size > 0 ? (this.keys[0] as number) : Infinity;
  }

  push(item: number, key: number): void {
    if (this.size === this.items.length) {
      const items = new Int32Array(this.size * 2);
      items.set(this.items);
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      this.items = items;
      this.keys = keys;
    }
    let i = this.size++;
    this.items[i] = item;
    this.keys[i] = key;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }

  /** Removes and returns the first item, or -1 when empty. */
  pop(): number {
    if (this.size === 0) return -1;
    const top = this.items[0] as number;
    this.size--;
    if (this.size > 0) {
      this.items[0] = this.items[this.size] as number;
      this.keys[0] = this.keys[this.size] as number;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.size && this.before(l, m)) m = l;
        if (r < this.size && this.before(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }
}
