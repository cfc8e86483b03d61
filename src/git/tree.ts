/**
 * Reading what a commit's tree holds, without a checkout: which paths are files, one entry, a
 * blob, the tree of a commit, the types of several objects at once.
 */
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

export interface TreeEntry {
  mode: string;
  type: string;
  oid: string;
  size: number;
}

/**
 * The entry of `rel` (a repository-relative path) in `commit`'s tree, with its size; undefined
 * when the tree has no such path. `--full-tree`: the path is repository-relative whichever
 * subdirectory `cwd` is.
 */
export async function treeEntry(cwd: string, commit: string, rel: string): Promise<TreeEntry | undefined> {
  const entry = (await git(cwd, ['ls-tree', '--full-tree', '-l', commit, '--', rel], { readOnly: true })).stdout.trim();
  if (!entry) return undefined;
  // "<mode> <type> <oid> <size>\t<path>"
  const [mode = '', type = '', oid = '', size = ''] = entry.split(/\s+/);
  return { mode, type, oid, size: Number(size) };
}

/** The content of a blob, as text. */
export async function readBlob(cwd: string, oid: string): Promise<string> {
  return (await git(cwd, ['cat-file', 'blob', oid], { readOnly: true })).stdout;
}

/** The text of `rel` as committed in `rev` (`git show <rev>:<rel>`), or undefined when there is none. */
export async function fileAt(cwd: string, rev: string, rel: string): Promise<string | undefined> {
  const r = await git(cwd, ['show', `${rev}:${rel}`], { readOnly: true, okCodes: [128] });
  return r.exitCode === 0 ? r.stdout : undefined;
}

/** The tree id of the commit `rev` names (`rev-parse <rev>^{tree}`). `rev` is a sha or a ref we built. */
export async function treeOf(cwd: string, rev: string): Promise<string> {
  return (await git(cwd, ['rev-parse', `${rev}^{tree}`], { readOnly: true })).stdout.trim();
}

export interface ObjectInfo {
  /** The object id; for an object git cannot find, the name asked about. */
  oid: string;
  /** commit, tree, blob, tag; `missing` (or `ambiguous`) when the name names no one object. */
  type: string;
}

/**
 * What each of `names` (object names such as `<ref>`, `<ref>^{tree}`, `<ref>:<path>`, without
 * spaces) names, in one `cat-file --batch-check`: one answer per name, in order, `{ oid: '',
 * type: '' }` where git printed no line.
 */
export async function objectInfo(cwd: string, names: readonly string[]): Promise<ObjectInfo[]> {
  const input = `${names.join('\n')}\n`;
  const lines = (await git(cwd, ['cat-file', '--batch-check=%(objectname) %(objecttype)'], { input, readOnly: true })).stdout.split('\n');
  return names.map((_n, i) => {
    const [oid = '', type = ''] = (lines[i] ?? '').split(' ');
    return { oid, type };
  });
}
