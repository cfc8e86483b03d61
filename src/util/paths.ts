import path from 'node:path';

/** True when `p` is `root` or below it (both absolute and normalised). Dependency-free, so hooks can use it. */
export function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
