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
  const hit = normalizedCache.get(raw);
  if (hit !== undefined) return hit;
  const s = clean(raw);
  parseScope(s); // validates what only parsing can see (extglobs, expansion size, `{..,x}`)
  if (normalizedCache.size > 100_000) normalizedCache.clear();
  normalizedCache.set(raw, s);
  normalizedCache.set(s, s);
  return s;
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
