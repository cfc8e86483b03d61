/**
 * The target branch as the remote has it. With shared state on a remote, landings move the
 * remote's target (batch-land.ts); this clone's own branch follows it by fast-forward, the way a
 * landing moves it locally (its checkout too, when clean). A local target with commits the remote
 * lacks is never moved or pushed: that is the user's to push or drop.
 */
import { LanesError } from '../../errors.js';
import { isAncestor, refSha } from '../../git/refs.js';
import { fetchRefInto } from '../../git/remote-refs.js';
import { advanceTarget } from '../merge/land.js';
import type { Project } from '../project/project.js';

export interface TargetSync {
  /** The remote's target commit (undefined: the remote has no such branch). */
  remote: string | undefined;
  /** This clone's target after following. */
  local: string | undefined;
  /** The local branch has commits the remote's lacks: it was left alone. */
  diverged: boolean;
}

export function mirrorOfTarget(name: string, target: string): string {
  return `refs/lanes-remote/${name}/heads/${target}`;
}

export async function syncTarget(project: Project, target: string): Promise<TargetSync | undefined> {
  const shared = project.store.shared;
  if (!shared) return undefined;
  const { repo } = project;
  const ref = `refs/heads/${target}`;
  const remote = await fetchRefInto(repo.commonDir, shared.setting.remote, ref, mirrorOfTarget(shared.remote.name, target), {
    env: process.env,
  });
  const local = await refSha(repo.mainRoot, ref);
  if (!remote || local === remote) return { remote, local, diverged: false };
  if (local && !(await isAncestor(repo.mainRoot, local, remote))) return { remote, local, diverged: true };
  if (!local) {
    await advanceTarget(repo, target, '0'.repeat(40), remote, `lanes: ${target} from ${shared.setting.remote}`);
    return { remote, local: await refSha(repo.mainRoot, ref), diverged: false };
  }
  const r = await advanceTarget(repo, target, local, remote, `lanes: follow ${shared.setting.remote}/${target}`).catch((e: unknown) => {
    // A dirty checkout of the target keeps the local branch behind; landings still go to the remote.
    if (e instanceof LanesError && e.code === 'UNSAFE') return { ok: false as const, moved: local };
    throw e;
  });
  return { remote, local: r.ok ? remote : local, diverged: false };
}

export function divergedError(target: string, remote: string): LanesError {
  return new LanesError('CONFLICT', `Your ${target} has commits that ${remote}/${target} does not; nothing landed.`, {
    hint: `Landings go to ${remote}/${target}. Push your commits (git push ${remote} ${target}) or reset ${target} to ${remote}/${target}, then run the merge queue again.`,
  });
}
