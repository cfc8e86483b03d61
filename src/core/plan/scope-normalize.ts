/**
 * Scope normalization: the one gate every file scope passes before it is stored, compared or
 * enforced. A scope is a repository-relative path or glob; anything that could name a file
 * outside the repository (absolute, `..`, a drive letter, `~`) is refused, as is syntax whose
 * picomatch reading is unpredictable (see glob-parse.ts).
 */
import { LanesError } from '../../errors.js';
import { SCOPE_LIMITS, bad, parseScope } from './glob-parse.js';

const ESCAPABLE = new Set([...'*?[]{}()!|,@+\\']);
const normalizedCache = new Map<string, string>();

/**
 * Cleans a scope and refuses any that could reach outside the repository. Idempotent. A trailing
 * slash means the directory's contents (`src/api/` -> `src/api/**`); `.` means the whole repo.
 */
export function normalizeScope(raw: unknown): string {
  if (typeof raw !== 'string') {
    throw new LanesError('INVALID_INPUT', `Invalid file scope ${String(raw)}: expected a string.`, {
      hint: 'Give scopes as repository-relative paths or globs, for example "src/api/**".',
    });
  }
  if (isPlainlyNormal(raw)) return raw;
  const hit = normalizedCache.get(raw);
  if (hit !== undefined) return hit;
  const s = normalizeUncached(raw);
  if (normalizedCache.size > 100_000) normalizedCache.clear();
  normalizedCache.set(raw, s);
  normalizedCache.set(s, s);
  return s;
}

/** normalizeScope's full path, without the shortcut or the cache. */
export function normalizeUncached(raw: string): string {
  const s = clean(raw);
  parseScope(s); // validates what only parsing can see (extglobs, expansion size, `{..,x}`)
  return s;
}

/**
 * A scope that normalizeScope returns unchanged and that parsing cannot refuse, told by one pass
 * over its characters (cheaper than the cache's lookup): printable ASCII without the characters
 * that need cleaning or parsing (`\\ ( ) | [ ] { }`), not starting with `/`, `~` or `!`, no `:`
 * second (a drive letter), and every segment non-empty and neither `.` nor `..` (which also rules
 * out a trailing `/`). What is left is literals, `*`, `?` and separators, which parse as a single
 * sequence of fewer tokens than characters. test/core/plan/globs.test.ts checks every scope it
 * accepts against the full path.
 */
export function isPlainlyNormal(s: string): boolean {
  const n = s.length;
  if (n === 0 || n > SCOPE_LIMITS.maxLength) return false;
  const first = s.charCodeAt(0);
  if (first === 0x2f || first === 0x7e || first === 0x21 || (n > 1 && s.charCodeAt(1) === 0x3a)) return false;
  let segStart = 0;
  let dots = 0; // dots since the segment started, while it is nothing but dots
  for (let k = 0; k < n; k++) {
    const c = s.charCodeAt(k);
    if (c < 0x21 || c > 0x7e) return false; // controls, space, DEL, non-ASCII (trim could change them)
    switch (c) {
      case 0x5c: // \
      case 0x28: // (
      case 0x29: // )
      case 0x7c: // |
      case 0x5b: // [
      case 0x5d: // ]
      case 0x7b: // {
      case 0x7d: // }
        return false;
      case 0x2f: // /
        if (k === segStart || dots === k - segStart) return false; // empty, "." or ".."
        segStart = k + 1;
        dots = 0;
        break;
      case 0x2e: // .
        if (dots === k - segStart) dots++;
        break;
    }
  }
  return segStart < n && dots !== n - segStart;
}

function clean(raw: string): string {
  const rel = 'Use a path relative to the repository root, for example "src/api/**".';
  let s = raw.trim();
  if (s === '') throw bad(raw, 'it is empty', rel);
  if (s.length > SCOPE_LIMITS.maxLength) {
    throw bad(raw, `it is longer than ${SCOPE_LIMITS.maxLength} characters`, 'Use a shorter glob such as "dir/**".');
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(s)) throw bad(raw, 'it contains a control character', rel);
  for (let i = s.indexOf('\\'); i !== -1; i = s.indexOf('\\', i + 2)) {
    if (!ESCAPABLE.has(s[i + 1] ?? '')) {
      throw bad(raw, 'it contains a backslash', 'Separate directories with "/"; "\\" only escapes a glob character such as "\\*".');
    }
  }
  if (s.startsWith('/') || /^[A-Za-z]:([/\\]|$)/.test(s) || s === '~' || s.startsWith('~/')) {
    throw bad(raw, 'it is an absolute path', rel);
  }
  s = s.replace(/\/{2,}/g, '/');
  while (s.startsWith('./')) s = s.slice(2);
  s = s
    .replace(/(^|\/)\.(?=\/|$)/g, '$1')
    .replace(/\/{2,}/g, '/')
    .replace(/^\//, '');
  if (s === '' || s === '.') return '**';
  if (s.startsWith('!')) {
    throw bad(raw, 'negated scopes are not supported', 'List the files the task may touch; a scope cannot exclude files.');
  }
  if (s.split('/').includes('..')) throw bad(raw, 'it contains a ".." segment', rel);
  if (/(^|[^\\])\{/.test(s) && s.includes('..')) {
    // picomatch expands `{1..3}` to a regex class and then stops escaping the pattern's dots, so
    // `a.b/{1..3}` also matches `a/b/2`: refuse ranges rather than mimic that.
    throw bad(raw, '".." inside braces is not supported (no ranges such as {1..3})', 'List the values instead: {1,2,3}.');
  }
  if (/\[:[a-z]+:\]/.test(s)) {
    // Same picomatch behaviour: with a POSIX class present, `.` elsewhere matches any character.
    throw bad(raw, 'POSIX classes such as [[:alpha:]] are not supported', 'Use a range instead: [a-zA-Z].');
  }
  if (s.endsWith('/')) s += '**';
  return s;
}
