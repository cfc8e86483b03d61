/** Reading what a commit's tree holds, without a checkout. */
import { git } from './exec.js';

/** Longest path list passed to one `git ls-tree`; beyond it the whole tree is listed instead. */
const MAX_PATHSPEC_CHARS = 100_000;

/**
 * Which of the plain scopes name a file (a blob or a symlink) in `ref`'s tree: one git call. A
 * submodule, a directory, a path that does not exist yet or a target without commits is not a
 * file here, so that scope keeps covering a directory of that name too (the sound reading).
 */
export async function filesAt(root: string, ref: string, plain: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  if (plain.length === 0) return out;
  const wanted = new Set(plain);
  const chars = plain.reduce((n, p) => n + p.length + 1, 0);
  const paths = chars <= MAX_PATHSPEC_CHARS ? ['--', ...plain] : [];
  const r = await git(root, ['--literal-pathspecs', 'ls-tree', '-r', '-z', '--full-tree', '--end-of-options', ref, ...paths], {
    readOnly: true,
    okCodes: [128],
  });
  if (r.exitCode !== 0) return out;
  for (const entry of r.stdout.split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const mode = entry.slice(0, entry.indexOf(' '));
    const p = entry.slice(tab + 1);
    if ((mode === '100644' || mode === '100755' || mode === '120000') && wanted.has(p)) out.add(p);
  }
  return out;
}
