/** The lexical check of repo-relative paths in the config, without zod: lane paths use it on hot paths. */
/**
 * Why `p` is not a safe repo-relative path, or undefined. Lexical only: the symlink half of
 * containment (docs/safety.md rule 15) needs the filesystem and is checked where the path is
 * used (and by `lanes doctor`).
 */
export function relPathProblem(p: string, what: 'directory' | 'file'): string | undefined {
  if (p.length === 0) return 'must not be empty';
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(p)) return 'must not contain control characters';
  if (p.includes('\\')) return 'use "/" as the separator';
  if (p.startsWith('/') || /^[A-Za-z]:/.test(p)) return 'must be relative to the repository root, not absolute';
  const parts = p.split('/').filter((s) => s !== '' && s !== '.');
  if (parts.includes('..')) return 'must stay inside the repository (no "..")';
  if (parts.length === 0) return `must name a ${what} inside the repository, not the repository root`;
  if (parts[0] === '.git') return 'must not be inside .git';
  return undefined;
}
