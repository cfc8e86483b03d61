/**
 * Reading the target cheaply, because it sits on every landing's path (the queue's own
 * overhead per entry should stay under 50 ms, and a git spawn is a few ms): its tip, its tree and
 * the blob of its committed `.lanes/config.json` in one `cat-file --batch-check`, and the parsed
 * config memoized per blob and per commit (a commit's config never changes, and the target's
 * config rarely changes between landings).
 *
 * Gates and merge settings always come from the target as committed, never from a lane (rule 7).
 */
import type { Repo } from '../../git/repo.js';
import { objectInfo, readBlob, treeEntry } from '../../git/tree.js';
import { CONFIG_FILE, MAX_CONFIG_BYTES, type LanesConfig } from '../config/schema.js';
import { loadConfigAtCommit, parseConfig } from '../config/load.js';

export interface TargetTip {
  sha: string;
  tree: string;
  /** Blob id of .lanes/config.json at `sha`; undefined when there is none. */
  configBlob?: string;
}

const OID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

export async function readTargetTip(repo: Repo, target: string): Promise<TargetTip | undefined> {
  // Full names built from the validated target: git cannot read them as options.
  const ref = `refs/heads/${target}`;
  const [commit, tree, config] = await objectInfo(repo.mainRoot, [ref, `${ref}^{tree}`, `${ref}:${CONFIG_FILE}`]);
  const { oid: sha, type: ct } = commit!;
  const { oid: treeOid, type: tt } = tree!;
  if (!OID.test(sha) || ct !== 'commit' || !OID.test(treeOid) || tt !== 'tree') return undefined;
  const { oid: blob, type: bt } = config!;
  const tip: TargetTip = { sha, tree: treeOid };
  if (OID.test(blob) && bt === 'blob') tip.configBlob = blob;
  else if (bt !== 'missing') tip.configBlob = 'unusual'; // a directory, a submodule...: full checks
  return tip;
}

const byCommit = new Map<string, Promise<LanesConfig>>();
const byBlob = new Map<string, Promise<LanesConfig>>();

function remember(map: Map<string, Promise<LanesConfig>>, key: string, make: () => Promise<LanesConfig>): Promise<LanesConfig> {
  let p = map.get(key);
  if (!p) {
    if (map.size > 64) map.clear();
    p = make();
    p.catch(() => map.delete(key));
    map.set(key, p);
  }
  return p;
}

/** The config at the tip `readTargetTip` returned: no git call when its blob was seen before. */
export function configForTip(repo: Repo, tip: TargetTip, target: string): Promise<LanesConfig> {
  return remember(byCommit, `${repo.commonDir}\0${target}\0${tip.sha}`, () =>
    tip.configBlob === 'unusual'
      ? loadConfigAtCommit(repo.mainRoot, tip.sha, { repo })
      : configOfBlob(repo, tip.sha, tip.configBlob, target),
  );
}

/** The config committed at `commit` (one `ls-tree`, unless that commit's config is known). */
export function configAt(repo: Repo, commit: string, target: string): Promise<LanesConfig> {
  return remember(byCommit, `${repo.commonDir}\0${target}\0${commit}`, async () => {
    const entry = await treeEntry(repo.mainRoot, commit, CONFIG_FILE);
    if (!entry) return configOfBlob(repo, commit, undefined, target);
    const { mode, type, oid, size } = entry;
    const plain = type === 'blob' && (mode === '100644' || mode === '100755') && size <= MAX_CONFIG_BYTES && oid !== '';
    return plain ? configOfBlob(repo, commit, oid, target) : loadConfigAtCommit(repo.mainRoot, commit, { repo });
  });
}

/**
 * Remembers that `commit` has the config of `other` (their trees have the same `.lanes` entry),
 * so configAt(commit) asks git nothing.
 */
export function sameConfigAs(repo: Repo, commit: string, other: string, target: string): void {
  const key = `${repo.commonDir}\0${target}\0${commit}`;
  if (!byCommit.has(key)) remember(byCommit, key, () => configAt(repo, other, target));
}

/**
 * Parses one config blob, memoized by blob id. A blob that is not plain JSON goes through
 * loadConfigAtCommit, which applies every check and throws the located error.
 */
function configOfBlob(repo: Repo, commit: string, blob: string | undefined, target: string): Promise<LanesConfig> {
  return remember(byBlob, `${repo.commonDir}\0${target}\0${blob ?? 'none'}`, async () => {
    if (!blob) return parseConfig({}, `${target}:${CONFIG_FILE}`, { defaultTarget: target });
    const text = await readBlob(repo.mainRoot, blob);
    if (Buffer.byteLength(text) > MAX_CONFIG_BYTES) return loadConfigAtCommit(repo.mainRoot, commit, { repo });
    let json: unknown;
    try {
      json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch {
      return loadConfigAtCommit(repo.mainRoot, commit, { repo });
    }
    return parseConfig(json, `${target}:${CONFIG_FILE}`, { defaultTarget: target });
  });
}
