/** What `lanes remote status` and the status brief say about shared state on a remote. */
import { OWNERS_DOC } from '../claims/liveness.js';
import { hostName } from '../../state/pid.js';
import { lastFetch } from '../../state/remote/mirror.js';
import { refSha } from '../../git/refs.js';
import type { Project } from '../project/project.js';
import { PROCESSOR_DOC } from '../merge/processor.js';
import { mirrorOfTarget, syncTarget } from './target.js';

export interface RemoteBrief {
  enabled: boolean;
  remote?: string;
  /** When this clone last read the remote (ms since the epoch), and how long ago. */
  fetched_at?: number;
  age_ms?: number;
  /** This machine's name, as recorded on its tasks, claims and leases. */
  machine?: string;
  /** The target as this clone last saw it on the remote, and its own. */
  target?: { name: string; remote?: string; local?: string };
  /** The merge processor holding the target's lease, by machine. */
  processor?: { owner: string; host: string; expires_at: string };
}

export async function remoteBrief(project: Project, target: string): Promise<RemoteBrief> {
  const { store, repo } = project;
  if (!store.shared) return { enabled: false };
  const at = lastFetch(store.dir, store.shared.remote.name);
  const out: RemoteBrief = { enabled: true, remote: store.shared.setting.remote, machine: hostName() };
  if (at !== undefined) {
    out.fetched_at = at;
    out.age_ms = Math.max(0, Date.now() - at);
  }
  const [remoteTip, localTip] = await Promise.all([
    refSha(repo.mainRoot, mirrorOfTarget(store.shared.remote.name, target)),
    refSha(repo.mainRoot, `refs/heads/${target}`),
  ]);
  out.target = { name: target, ...(remoteTip ? { remote: remoteTip } : {}), ...(localTip ? { local: localTip } : {}) };
  const p = (await store.read(PROCESSOR_DOC)).data.leases[target];
  if (p) out.processor = { owner: p.owner, host: p.host, expires_at: p.expires_at };
  return out;
}

/** Read the remote now: the shared documents and the target (OFFLINE when it cannot be reached). */
export async function syncRemote(project: Project, target: string): Promise<void> {
  await project.store.refresh();
  await syncTarget(project, target);
}

/** Owner → machine for the owners whose lease was written on another machine. */
export async function ownerMachines(project: Project): Promise<Map<string, string>> {
  const here = hostName();
  const doc = (await project.store.read(OWNERS_DOC)).data;
  const out = new Map<string, string>();
  for (const l of Object.values(doc.leases ?? {})) if (l && typeof l.host === 'string' && l.host !== here) out.set(l.owner, l.host);
  return out;
}
