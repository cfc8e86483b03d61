/**
 * Scopes compiled to epsilon-free NFAs whose edges carry character sets, and the product search
 * that decides whether two scopes can match a common path. Exact on the token language of
 * glob-parse.ts (which already over-approximates picomatch), so "disjoint" is a proof.
 */
import { ANY, NO_SLASH, intersect, pick, has, single, union, type CharSet } from './charset.js';
import { GLOB_CHARS, parseScope, type Tok } from './glob-parse.js';

export interface Edge {
  set: CharSet;
  to: number;
}
export interface Nfa {
  starts: number[];
  accept: Uint8Array;
  edges: Edge[][];
}

const SLASH = single(0x2f);

class Builder {
  edges: Edge[][] = [];
  eps: number[][] = [];
  finals: number[] = [];
  state(): number {
    this.edges.push([]);
    this.eps.push([]);
    return this.edges.length - 1;
  }
  edge(from: number, set: CharSet, to = this.state()): number {
    (this.edges[from] as Edge[]).push({ set, to });
    return to;
  }
  e(from: number, to: number): void {
    (this.eps[from] as number[]).push(to);
  }
  /** `set*` on a fresh state, so the loop cannot leak into a sibling alternative. */
  loop(from: number, set: CharSet): number {
    const k = this.state();
    this.e(from, k);
    this.edge(k, set, k);
    return k;
  }
  /** `(/.*)?`: the directory itself or anything under it. */
  under(from: number): number {
    const k = this.state();
    this.e(from, k);
    const m = this.edge(from, SLASH);
    this.edge(m, ANY, m);
    this.e(m, k);
    return k;
  }
}

const isGlobstar = (seg: Tok[]): boolean => seg.length >= 2 && seg.every((t) => t.k === 'star');

function buildSeq(b: Builder, seq: Tok[], start: number): number {
  const segs: Tok[][] = [[]];
  for (const t of seq) {
    if (t.k === 'sep') segs.push([]);
    else (segs[segs.length - 1] as Tok[]).push(t);
  }
  // `**/**` is `**`; collapsing keeps the separator bookkeeping below simple and correct.
  const segments = segs.filter((seg, i) => !(i > 0 && isGlobstar(seg) && isGlobstar(segs[i - 1] as Tok[])));
  const n = segments.length;
  let cur = start;
  let sepEaten = false;
  segments.forEach((seg, si) => {
    if (isGlobstar(seg)) {
      if (n === 1) cur = b.loop(cur, ANY);
      else if (si === n - 1)
        cur = b.under(cur); // `a/**` matches `a` too, like picomatch
      else {
        // picomatch compiles `a/**/{b,}` to `a(?:/.*/|/|$)(b|)`, which matches `a` itself.
        if (si === n - 2 && (segments[n - 1] as Tok[]).length === 0) b.finals.push(cur);
        if (si > 0 && !sepEaten) cur = b.edge(cur, SLASH);
        // `(.*/)?` eats the separator after it, so `a/**/b` matches `a/b` as well as `a/x/y/b`.
        const k = b.state();
        b.e(cur, k);
        const m = b.loop(cur, ANY);
        b.edge(m, SLASH, k);
        cur = k;
        sepEaten = true;
      }
      return;
    }
    if (si > 0 && !sepEaten) cur = b.edge(cur, SLASH);
    sepEaten = false;
    for (let k = 0; k < seg.length; k++) {
      const t = seg[k] as Tok;
      if (t.k === 'star' && seg[k + 1]?.k === 'star') {
        // `**` inside a segment: picomatch reads it as `*` after a letter but as "any path" before
        // a brace or a dot (`**{a,b}`, `**.md`); anything-at-all covers every reading.
        while (seg[k + 1]?.k === 'star') k++;
        cur = b.loop(cur, ANY);
      } else cur = buildTok(b, t, cur);
    }
  });
  const plain = seq.every((t) => t.k === 'lit' || t.k === 'sep');
  // A plain path is a file or a directory; picomatch also lets any pattern match with a trailing `/`.
  if (plain) return b.under(cur);
  const k = b.state();
  b.e(cur, k);
  b.edge(cur, SLASH, k);
  return k;
}

function buildTok(b: Builder, t: Tok, cur: number): number {
  switch (t.k) {
    case 'lit':
      return b.edge(cur, single(t.cp));
    case 'star':
      return b.loop(cur, NO_SLASH);
    case 'wild':
      return b.loop(cur, ANY);
    case 'sep':
      return b.edge(cur, SLASH);
    case 'set': {
      const k = b.edge(cur, t.set);
      if (t.text) {
        const cps = [...t.text].map((c) => c.codePointAt(0) as number);
        let c = cur;
        cps.forEach((cp, i) => {
          c = i === cps.length - 1 ? b.edge(c, single(cp), k) : b.edge(c, single(cp));
        });
      }
      return k;
    }
  }
}

export function compileScope(scope: string): Nfa {
  const b = new Builder();
  const starts = parseScope(scope).map((seq) => {
    const s = b.state();
    b.finals.push(buildSeq(b, seq, s));
    return s;
  });
  if (GLOB_CHARS.test(scope)) {
    // picomatch matches a glob's own text too (an `input === glob` short-cut): exactly that text.
    const s = b.state();
    let cur = s;
    for (const c of scope) cur = b.edge(cur, single(c.codePointAt(0) as number));
    b.finals.push(cur);
    starts.push(s);
  }
  return eliminateEpsilons(b, starts);
}

function eliminateEpsilons(b: Builder, starts: number[]): Nfa {
  const n = b.edges.length;
  const isFinal = new Uint8Array(n);
  for (const f of b.finals) isFinal[f] = 1;
  const accept = new Uint8Array(n);
  const edges: Edge[][] = new Array(n);
  const mark = new Int32Array(n).fill(-1);
  for (let s = 0; s < n; s++) {
    const stack = [s];
    mark[s] = s;
    const merged = new Map<number, CharSet>();
    while (stack.length) {
      const c = stack.pop() as number;
      if (isFinal[c]) accept[s] = 1;
      for (const e of b.edges[c] as Edge[]) {
        const prev = merged.get(e.to);
        merged.set(e.to, prev ? union(prev, e.set) : e.set);
      }
      for (const t of b.eps[c] as number[]) {
        if (mark[t] !== s) {
          mark[t] = s;
          stack.push(t);
        }
      }
    }
    edges[s] = [...merged].map(([to, set]) => ({ set, to }));
  }
  return { starts, accept, edges };
}

export interface Intersection {
  intersects: boolean;
  witness?: string;
}

/**
 * Breadth-first search of the product automaton for a pair of accepting states; the path to it
 * spells a shortest common match. Past `budget` pair states it answers "intersects" without a
 * witness: over-approximating keeps the answer sound on adversarial scopes.
 */
export function intersectNfa(a: Nfa, b: Nfa, budget = 200_000): Intersection {
  const nb = b.edges.length;
  const seen = new Map<number, number>(); // pair key -> index in the queue arrays
  const keys: number[] = [];
  const parent: number[] = [];
  const chars: string[] = [];
  const push = (key: number, from: number, ch: string): void => {
    if (seen.has(key)) return;
    seen.set(key, keys.length);
    keys.push(key);
    parent.push(from);
    chars.push(ch);
  };
  for (const sa of a.starts) for (const sb of b.starts) push(sa * nb + sb, -1, '');
  for (let qi = 0; qi < keys.length; qi++) {
    if (qi >= budget) return { intersects: true };
    const key = keys[qi] as number;
    const pa = Math.floor(key / nb);
    const pb = key % nb;
    if (a.accept[pa] && b.accept[pb]) {
      let w = '';
      for (let i = qi; i >= 0 && parent[i] !== -1; i = parent[i] as number) w = (chars[i] as string) + w;
      return { intersects: true, witness: readable(w, a, b) };
    }
    for (const ea of a.edges[pa] as Edge[]) {
      for (const eb of b.edges[pb] as Edge[]) {
        const ch = pick(intersect(ea.set, eb.set));
        if (ch !== undefined) push(ea.to * nb + eb.to, qi, ch);
      }
    }
  }
  return { intersects: false };
}

/**
 * The shortest witness of `src/**\/*.ts ∩ src/api/*.ts` is `src/api/.ts`; people read
 * `src/api/x.ts` more easily. Prefix empty or dot-led segments with `x` while both still match.
 */
function readable(w: string, a: Nfa, b: Nfa): string {
  const segs = w.split('/');
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i] as string;
    if (seg !== '' && !seg.startsWith('.')) continue;
    const trial = [...segs.slice(0, i), `x${seg}`, ...segs.slice(i + 1)].join('/');
    if (nfaMatches(a, trial) && nfaMatches(b, trial)) segs[i] = `x${seg}`;
  }
  return segs.join('/');
}

/** Whether `path` is matched by the compiled scope (the same language the intersection uses). */
export function nfaMatches(nfa: Nfa, path: string): boolean {
  let cur = new Set(nfa.starts);
  for (const ch of path) {
    const cp = ch.codePointAt(0) as number;
    const next = new Set<number>();
    for (const s of cur) for (const e of nfa.edges[s] as Edge[]) if (has(e.set, cp)) next.add(e.to);
    if (next.size === 0) return false;
    cur = next;
  }
  for (const s of cur) if (nfa.accept[s]) return true;
  return false;
}
