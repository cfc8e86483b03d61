/**
 * A lane's work on the remote: its branch tip pushed to refs/lanes/work/<task> as the lane commits
 * and when it is queued, so a processor on another machine can integrate it and, when a machine
 * dies, another can take the task over with the work so far. Each push is leased on the value this
 * clone last saw there, so a lane that was taken over on another machine cannot overwrite its new
 * owner's work; a push that only moves the ref forward is always fine.
 */
import { LanesError } from '../../errors.js';
import { isAncestor, presentCommits, refSha } from '../../git/refs.js';
import { pushAtomic } from '../../git/remote.js';
import { fetchRefInto, setMirrorRef } from '../../git/remote-refs.js';
import type { Project } from '../project/project.js';

export const workRef = (task: string) => `refs/lanes/work/${task}`;
const mirror = (name: string, task: string) => `refs/lanes-remote/${name}/work/${task}`;

async function remember(project: Project, name: string, task: string, sha: string): Promise<void> {
  await setMirrorRef(project.repo.commonDir, mirror(name, task), sha).catch(() => undefined);
}

/** Push `tip` as the task's work. No-op without shared state or when the remote has it already. */
export async function pushWork(project: Project, task: string, tip: string): Promise<'pushed' | 'current' | undefined> {
  const shared = project.store.shared;
  if (!shared) return undefined;
  const cwd = project.repo.commonDir;
  const opts = { env: process.env };
  let expect = (await refSha(cwd, mirror(shared.remote.name, task))) ?? null;
  for (let i = 0; i < 3; i++) {
    if (expect === tip) return 'current';
    const r = await pushAtomic(cwd, shared.setting.remote, [{ ref: workRef(task), expect, next: tip }], opts);
    if (r.ok) {
      await remember(project, shared.remote.name, task, tip);
      return 'pushed';
    }
    if (r.kind === 'rejected') {
      throw new LanesError('REMOTE_REJECTED', `The remote refused the work of ${task}: ${r.reason}.`, {
        hint: 'Allow this account to push refs/lanes/*; the lane and its commits are untouched here.',
      });
    }
    const now = (await fetchWork(project, task)) ?? null;
    if (now !== null && !(await isAncestor(project.repo.mainRoot, now, tip))) {
      throw new LanesError(
        'CONFLICT',
        `The work of ${task} on the remote moved on without this lane's commits (taken over on another machine?).`,
        {
          hint: `Nothing was overwritten. Compare ${workRef(task)} on the remote with this lane before going on (git fetch origin ${workRef(task)}).`,
          details: { task, remote: now, local: tip },
        },
      );
    }
    expect = now;
  }
  throw new LanesError('BUSY', `Could not push the work of ${task}: the remote kept changing it.`, { hint: 'Run the command again.' });
}

/** The task's work as the remote has it (fetched into this clone), or undefined. */
export async function fetchWork(project: Project, task: string): Promise<string | undefined> {
  const shared = project.store.shared;
  if (!shared) return undefined;
  return fetchRefInto(project.repo.commonDir, shared.setting.remote, workRef(task), mirror(shared.remote.name, task), { env: process.env });
}

/** Make sure this clone has each commit, fetching the task's work where it lacks it. */
export async function ensureWork(project: Project, wanted: Array<{ task: string; tip: string }>): Promise<void> {
  if (!project.store.shared) return;
  const have = new Set(
    await presentCommits(
      project.repo.mainRoot,
      wanted.map((w) => w.tip),
    ),
  );
  for (const w of wanted) if (!have.has(w.tip)) await fetchWork(project, w.task).catch(() => undefined);
}
