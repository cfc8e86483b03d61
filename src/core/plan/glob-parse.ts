/**
 * Parsing normalized file scopes (see scope-normalize.ts) into flat token sequences for the
 * automaton in glob-nfa.ts.
 *
 * The reference for what a pattern matches is picomatch with `{ dot: true }` (what the claims
 * layer tests paths with). Wherever picomatch is quirky, the parser OVER-approximates, because a
 * scope that matches too much only serializes two tasks, while one that matches too little lets
 * two agents edit the same file at once. Measured picomatch 4 quirks this covers:
 * - `[!a]` is the characters `!` and `a`, not a negation (only `[^a]` negates), so `[!a]` is read
 *   as both: any character but a slash, plus `!` and `a`;
 * - a bracket class may also match its own text (`\[!a\]|[!a]`) and may match `/` when it lists it;
 * - `(a|b)` is a regex group, so `app/(auth)/x` matches `app/auth/x`; we also keep the literal
 *   `(auth)` reading because that is what Next.js route groups mean on disk;
 * - every pattern matches its own text (`input === glob` short-circuit) and an optional trailing `/`;
 * - `**` inside a segment is `*` after a letter but "anything" before `{` or `.`: read as anything.
 * Constructs whose picomatch regex leaks (it stops escaping `.` once a `{1..3}` range or a
 * `[[:alpha:]]` class appears, so `a.b` matches `a/b`; unbalanced parentheses, `|` outside a group,
 * `{a,b}+`, extglobs, negation) are refused with a hint instead of being modelled. The property
 * test in test/core/plan/globs.test.ts checks the superset claim against picomatch itself.
 */
import { LanesError } from '../../errors.js';
import { NO_SLASH, complement, fromRanges, intersect, union, type CharSet } from './charset.js';

export type Tok =
  | { k: 'lit'; cp: number }
  | { k: 'sep' }
  | { k: 'star' } // any run of non-slash characters
  | { k: 'set'; set: CharSet; text?: string } // one character of `set`, or the literal `text`
  | { k: 'wild' }; // any string, slashes included: the fallback for syntax picomatch reads oddly
type Node = Tok | { k: 'alt'; alts: Node[][] };

export const SCOPE_LIMITS = {
  maxLength: 512,
  /** Brace and group expansion beyond this is refused: `{a,b}/{c,d}/...` grows exponentially. */
  maxAlternatives: 256,
  maxTokens: 8192,
} as const;

/** Characters that make a scope a pattern rather than a plain path. */
export const GLOB_CHARS = /[*?[{(\\]/;

export function bad(scope: string, why: string, hint: string): LanesError {
  const shown = JSON.stringify(scope.length > 80 ? `${scope.slice(0, 80)}...` : scope);
  return new LanesError('INVALID_INPUT', `Invalid file scope ${shown}: ${why}.`, { hint, details: { scope } });
}

/** Parses a normalized scope into flat alternatives (braces and groups expanded). */
export function parseScope(scope: string): Tok[][] {
  const seqs = flatten(parseSeq(scope, scope, false), scope);
  let total = 0;
  for (const seq of seqs) {
    total += seq.length;
    if (seq[0]?.k === 'sep') throw bad(scope, 'one of its alternatives is an absolute path', 'Remove the leading "/".');
    if (hasDotDot(seq)) throw bad(scope, 'one of its alternatives contains a ".." segment', 'Scopes cannot leave the repository.');
  }
  if (total > SCOPE_LIMITS.maxTokens) throw tooMany(scope);
  return seqs;
}

function tooMany(scope: string): LanesError {
  return bad(scope, `it expands to too many alternatives (limit ${SCOPE_LIMITS.maxAlternatives})`, 'Split it into several simpler scopes.');
}

function hasDotDot(seq: Tok[]): boolean {
  let run: number[] = [];
  for (const t of [...seq, { k: 'sep' } as Tok]) {
    if (t.k === 'sep') {
      if (run.length === 2 && run[0] === 0x2e && run[1] === 0x2e) return true;
      run = [];
    } else run.push(t.k === 'lit' ? t.cp : -1);
  }
  return false;
}

function flatten(nodes: Node[], scope: string): Tok[][] {
  let acc: Tok[][] = [[]];
  for (const node of nodes) {
    if (node.k !== 'alt') {
      for (const seq of acc) seq.push(node);
      continue;
    }
    const subs = node.alts.flatMap((alt) => flatten(alt, scope));
    if (acc.length * subs.length > SCOPE_LIMITS.maxAlternatives) throw tooMany(scope);
    acc = acc.flatMap((a) => subs.map((b) => [...a, ...b]));
  }
  return acc;
}

const lit = (c: string): Tok => ({ k: 'lit', cp: c.codePointAt(0) as number });

function parseSeq(s: string, scope: string, pipeIsLiteral: boolean): Node[] {
  const out: Node[] = [];
  let i = 0;
  while (i < s.length) {
    const c = String.fromCodePoint(s.codePointAt(i) as number);
    const next = s[i + c.length];
    if ('*?@+!'.includes(c) && next === '(') {
      throw bad(scope, `the extglob "${c}(" is not supported`, 'Use braces for alternatives ("src/{a,b}/**") or "*" for any name.');
    }
    if (c === '\\' && i + 1 < s.length) {
      const e = String.fromCodePoint(s.codePointAt(i + 1) as number);
      out.push(lit(e));
      i += 1 + e.length;
      continue;
    }
    if (c === '*') out.push({ k: 'star' });
    else if (c === '?') out.push({ k: 'set', set: NO_SLASH });
    else if (c === '/') out.push({ k: 'sep' });
    else if (c === '|' && !pipeIsLiteral) {
      throw bad(scope, '"|" outside a (...) group', 'Write alternatives with braces: "src/{a,b}/**".');
    } else if (c === '[') {
      const r = parseClass(s, i);
      if (r) {
        out.push(r.tok);
        i = r.end;
        continue;
      }
      out.push(lit(c));
    } else if (c === '+' && i > 0 && ')]}'.includes(s[i - 1] as string) && s[i - 2] !== '\\') {
      // picomatch turns brackets into regex groups, so `{a,b}+` and `[ab]+` repeat the group.
      throw bad(scope, `"${s[i - 1]}+" repeats a group`, 'Escape the plus as "\\+", or list the names with braces.');
    } else if (c === '{') {
      const end = matchClose(s, i);
      if (end === -1)
        out.push(lit(c)); // unbalanced: picomatch then matches nothing, literal is a superset
      else {
        out.push(...brace(s.slice(i + 1, end), scope, pipeIsLiteral));
        i = end + 1;
        continue;
      }
    } else if (c === '(' || c === ')') {
      const end = c === '(' ? matchClose(s, i) : -1;
      // picomatch pastes unbalanced parentheses into its regex, with unpredictable results.
      if (end === -1) throw bad(scope, `it has an unbalanced "${c}"`, 'Escape a literal parenthesis as "\\(" or "\\)".');
      const alts = group(s.slice(i + 1, end), scope);
      i = end + 1;
      const q = quantifierEnd(s, i);
      // `(a)?` and `(a)**`: the quantifier applies to picomatch's regex group; accept anything after it.
      if (q > i) alts.push([]);
      out.push({ k: 'alt', alts }, ...(q > i ? [{ k: 'wild' } as Tok] : []));
      i = q;
      continue;
    } else out.push(lit(c));
    i += c.length;
  }
  return out;
}

function brace(inner: string, scope: string, pipeIsLiteral: boolean): Node[] {
  const parts = splitTop(inner, ',');
  if (parts.length > 1) return [{ k: 'alt', alts: parts.map((p) => parseSeq(p, scope, pipeIsLiteral)) }];
  return [lit('{'), ...parseSeq(inner, scope, pipeIsLiteral), lit('}')]; // `{a}` is literal
}

function group(inner: string, scope: string): Node[][] {
  const alts = splitTop(inner, '|').map((p) => parseSeq(p, scope, false));
  alts.push([lit('('), ...parseSeq(inner, scope, true), lit(')')]);
  return alts;
}

/** End of a run of `*`, `?`, `+` after a `)`: picomatch passes parentheses through to the regex. */
function quantifierEnd(s: string, i: number): number {
  let k = i;
  while (k < s.length && '*?+'.includes(s[k] as string)) k++;
  return k;
}

/** Index of the `]` closing a class opened at `i`, skipping escapes and `[:name:]`; -1 if none. */
function classEnd(s: string, i: number): number {
  let k = i + 1;
  if (s[k] === '!' || s[k] === '^') k++;
  if (s[k] === ']') k++; // a leading `]` is a member (POSIX)
  while (k < s.length) {
    if (s[k] === '\\') k += 2;
    else if (s[k] === '[' && s[k + 1] === ':' && /^\[:[a-z]+:\]/.test(s.slice(k))) k = s.indexOf(':]', k) + 2;
    else if (s[k] === ']') return k;
    else k++;
  }
  return -1;
}

function parseClass(s: string, i: number): { tok: Tok; end: number } | null {
  const end = classEnd(s, i);
  if (end === -1) return null;
  let k = i + 1;
  const bang = s[k] === '!';
  const caret = s[k] === '^';
  if (bang || caret) k++;
  // `[]a]` and `[!]]`: POSIX and picomatch disagree on where the class ends; accept anything.
  if (s[k] === ']') return { tok: { k: 'wild' }, end: end + 1 };
  const ranges: Array<[number, number]> = [];
  const read = (): number => {
    if (s[k] === '\\') k++;
    const cp = s.codePointAt(k) as number;
    k += cp > 0xffff ? 2 : 1;
    return cp;
  };
  while (k < end) {
    const lo = read();
    if (s[k] === '-' && k + 1 < end) {
      k++;
      ranges.push([lo, read()]); // a reversed range adds nothing (picomatch then matches nothing)
    } else ranges.push([lo, lo]);
  }
  let set = fromRanges(ranges);
  if (caret) set = intersect(complement(set), NO_SLASH);
  if (bang) set = union(set, NO_SLASH);
  return { tok: { k: 'set', set, text: s.slice(i, end + 1) }, end: end + 1 };
}

/** Index of the bracket closing the `{` or `(` at `i`, skipping escapes and classes; -1 if none. */
function matchClose(s: string, i: number): number {
  const open = s[i] as string;
  const close = open === '{' ? '}' : ')';
  let depth = 0;
  for (let k = i; k < s.length; k++) {
    const c = s[k];
    if (c === '\\') k++;
    else if (c === '[') {
      const e = classEnd(s, k);
      if (e !== -1) k = e;
    } else if (c === open) depth++;
    else if (c === close && --depth === 0) return k;
  }
  return -1;
}

/** Splits at `sep` outside nested braces, groups, classes and escapes. */
function splitTop(s: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s[k];
    if (c === '\\') k++;
    else if (c === '[') {
      const e = classEnd(s, k);
      if (e !== -1) k = e;
    } else if (c === '{' || c === '(') depth++;
    else if ((c === '}' || c === ')') && depth > 0) depth--;
    else if (c === sep && depth === 0) {
      parts.push(s.slice(start, k));
      start = k + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}
