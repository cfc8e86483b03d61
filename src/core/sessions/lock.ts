/** The per-session lock every change to a note file is made under. */
import { withLock } from '../../state/index.js';
import type { Project } from '../project/project.js';

export function sessionLockName(id: string): string {
  return `session-${id}`.slice(0, 63).replace(/-+$/, '');
}

export function withSessionLock<R>(project: Project, id: string, fn: () => Promise<R>, opts: { deadlineMs?: number } = {}): Promise<R> {
  return withLock(project.store.dir, sessionLockName(id), fn, { purpose: `session note ${id}`, ...opts });
}
