/** Root commits for shared state: small parentless commits written in as few git processes as can be. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LanesError } from '../errors.js';
import { git } from './exec.js';
import { looseObjectStore, rootCommitBody, treeBody, writeLooseObject } from './loose-objects.js';
import { isSha } from './refs.js';
import { rememberBlob, type RemoteOptions } from './remote.js';

/** Author and committer of shared-state commits, however they are written. */
const LANES_NAME = 'lanes';
const LANES_EMAIL = 'lanes@localhost';

/**
 * A parentless commit whose tree holds `files` (name → content). Root commits keep a state ref's
 * history at one commit, so refs/lanes/* never grow with every write; old states become
 * unreachable and the server's own gc collects them.
 */
export async function writeRootCommits(
  cwd: string,
  commits: Array<{ files: Record<string, string>; message: string }>,
  opts: RemoteOptions = {},
): Promise<string[]> {
  // Every blob in one `hash-object --stdin-paths`, every tree in one `mktree --batch`: a claim's
  // push writes two or three documents, and each git process is a few ms.
  const names = commits.map((c) => Object.keys(c.files).sort());
  for (const n of names.flat())
    if (!/^[A-Za-z0-9._-]+$/.test(n)) throw new LanesError('INTERNAL', `bad file name in a state commit: ${JSON.stringify(n)}`);
  // The objects written here by this process when git would write nothing else (loose-objects.ts).
  const store = await looseObjectStore(cwd, opts.env);
  if (store) {
    const when = Date.now() / 1000;
    return commits.map((c, i) => {
      const entries = names[i]!.map((name) => ({ name, oid: writeLooseObject(store, 'blob', Buffer.from(c.files[name]!)) }));
      const tree = writeLooseObject(store, 'tree', treeBody(entries));
      const commit = writeLooseObject(store, 'commit', rootCommitBody(tree, `${LANES_NAME} <${LANES_EMAIL}>`, when, c.message));
      for (const name of names[i]!) rememberBlob(`${commit}:${name}`, c.files[name]!);
      return commit;
    });
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lanes-state-'));
  let blobs: string[];
  try {
    const paths = commits.flatMap((c, i) =>
      names[i]!.map((n, j) => {
        const p = path.join(tmp, `${i}-${j}`);
        fs.writeFileSync(p, c.files[n]!, { mode: 0o600 });
        return p;
      }),
    );
    blobs = (
      await git(cwd, ['hash-object', '-w', '--no-filters', '--stdin-paths'], { env: opts.env, input: paths.join('\n') + '\n' })
    ).stdout
      .trim()
      .split('\n');
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  let k = 0;
  const trees = names.map((ns) => ns.map((n) => `100644 blob ${blobs[k++]}\t${n}`).join('\n'));
  const treeOids = (await git(cwd, ['mktree', '--batch'], { env: opts.env, input: trees.join('\n\n') + '\n' })).stdout.trim().split('\n');
  const env = {
    ...opts.env,
    GIT_AUTHOR_NAME: LANES_NAME,
    GIT_AUTHOR_EMAIL: LANES_EMAIL,
    GIT_COMMITTER_NAME: LANES_NAME,
    GIT_COMMITTER_EMAIL: LANES_EMAIL,
  };
  const out: string[] = [];
  for (let i = 0; i < commits.length; i++) {
    const tree = treeOids[i];
    if (!tree || !isSha(tree) || !isSha(blobs[0] ?? '')) throw new LanesError('GIT', 'git could not write a shared-state commit');
    out.push((await git(cwd, ['-c', 'commit.gpgSign=false', 'commit-tree', tree, '-m', commits[i]!.message], { env })).stdout.trim());
  }
  return out;
}

/** One root commit (see writeRootCommits). */
export async function writeRootCommit(
  cwd: string,
  files: Record<string, string>,
  message: string,
  opts: RemoteOptions = {},
): Promise<string> {
  return (await writeRootCommits(cwd, [{ files, message }], opts))[0]!;
}
