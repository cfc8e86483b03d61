/** Where a task's lane is: for `lanes path <task>` (cd "$(lanes path api)"). Read-only. */
import { act } from '../hints/actions.js';
import fs from 'node:fs';
import type { Project } from '../project/project.js';
import { LanesError } from '../../errors.js';
import { assertTaskId, LANES_DOC } from './model.js';

export interface LanePath {
  task_id: string;
  path: string;
  branch: string;
}

export async function lanePath(project: Project, task: string): Promise<LanePath> {
  const id = assertTaskId(task);
  const doc = await project.store.read(LANES_DOC);
  const rec = Object.hasOwn(doc.data, id) ? doc.data[id] : undefined;
  if (!rec) {
    throw new LanesError('NOT_FOUND', `Task ${id} has no lane.`, {
      hint: `Start one with \`lanes start ${id}\` (\`lanes list\` shows the lanes there are).`,
    });
  }
  if (!fs.existsSync(rec.path)) {
    throw new LanesError('NOT_FOUND', `The lane of ${id} is missing: ${rec.path} does not exist.`, {
      hint: `${act('list_lanes')} shows it; ${act('cleanup_lanes')} clears the record.`,
    });
  }
  return { task_id: id, path: rec.path, branch: rec.branch };
}
