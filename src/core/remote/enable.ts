/**
 * `lanes remote enable [remote]` / `disable`: turn shared state through the team's git remote on
 * or off for this clone. Enabling checks the remote answers, then in one leased push seeds the
 * remote with this clone's shared documents where the remote has none yet; where it has them,
 * they win, and this clone's own copy is kept beside the cache file (nothing is lost).
 */
import fs from 'node:fs';
import { LanesError } from '../../errors.js';
import { lsRemote } from '../../git/remote.js';
import { remoteUrl } from '../../git/remote-refs.js';
import { docFile, loadDoc } from '../../state/docs.js';
import { hostName } from '../../state/pid.js';
import { RemoteStore } from '../../state/remote/store.js';
import { readRemoteSetting, sharedBackend, SHARED_DOCS, writeRemoteSetting } from '../../state/shared.js';
import type { Project } from '../project/project.js';

export interface EnableResult {
  remote: string;
  url: string;
  /** Documents this clone put on the remote (it had none of them). */
  seeded: string[];
  /** Documents the remote already had: this clone's differing copy, kept aside. */
  replaced: Array<{ doc: string; kept: string }>;
  /** Already enabled with this remote. */
  already: boolean;
}

const URL_RE = /^(?:[a-z][a-z0-9+.-]*:\/\/|[^/\s]+@[^:\s]+:|\/)/i;

export async function enableRemote(project: Project, remoteArg?: string): Promise<EnableResult> {
  const { repo, store } = project;
  const remote = remoteArg ?? (await project.config()).remote ?? 'origin';
  const url = (await remoteUrl(repo.mainRoot, remote).catch(() => undefined)) ?? (URL_RE.test(remote) ? remote : undefined);
  if (!url) {
    throw new LanesError('INVALID_INPUT', `There is no git remote named ${JSON.stringify(remote)} in this repository.`, {
      hint: "git remote -v lists the remotes; add the team's with git remote add origin <url>, or give its URL: lanes remote enable <url>.",
    });
  }
  const prev = readRemoteSetting(store.dir);
  if (prev && prev.remote !== remote) {
    throw new LanesError('CONFLICT', `Shared state already goes through the remote ${JSON.stringify(prev.remote)}.`, {
      hint: `Run lanes remote disable first, then lanes remote enable ${remote}.`,
    });
  }
  // A clear OFFLINE error before anything is written.
  await lsRemote(repo.mainRoot, remote, 'refs/lanes/state/', { env: process.env });
  const rs = new RemoteStore({ cwd: repo.commonDir, remote, machine: hostName(), env: process.env });
  const result: EnableResult = { remote, url, seeded: [], replaced: [], already: prev !== undefined };
  await store.locked(async () => {
    const r = await rs.transact([...SHARED_DOCS], (tx) => {
      const seeded: string[] = [];
      for (const doc of SHARED_DOCS) {
        const mine = loadDoc(docFile(store.dir, doc));
        if (!mine?.ok || mine.version === 0) continue;
        if (tx.get<unknown>(doc, () => null) === null) {
          tx.set(doc, mine.data);
          seeded.push(doc);
        }
      }
      return seeded;
    });
    result.seeded = r.result;
    for (const [doc, d] of r.docs) {
      if (result.seeded.includes(doc) || !d.exists) continue;
      const file = docFile(store.dir, doc);
      const mine = loadDoc(file);
      if (mine?.ok && JSON.stringify(mine.data) !== JSON.stringify(d.data)) {
        const kept = `${file}.before-remote-${Date.now()}`;
        fs.copyFileSync(file, kept);
        result.replaced.push({ doc, kept });
      }
    }
    writeRemoteSetting(store.dir, repo.commonDir, { remote, enabled_at: prev?.enabled_at ?? Date.now() });
  });
  store.shared = await sharedBackend(store.dir, repo.commonDir);
  await store.refresh();
  await store.appendEvent('remote.enabled', { remote, seeded: result.seeded, replaced: result.replaced.map((x) => x.doc) });
  return result;
}

export interface DisableResult {
  remote: string | undefined;
}

/** Work locally again: the cache of the shared documents becomes this clone's own state. */
export async function disableRemote(project: Project): Promise<DisableResult> {
  const { store, repo } = project;
  const prev = readRemoteSetting(store.dir);
  await store.locked(async () => writeRemoteSetting(store.dir, repo.commonDir, undefined));
  store.shared = undefined;
  if (prev) await store.appendEvent('remote.disabled', { remote: prev.remote });
  return { remote: prev?.remote };
}
