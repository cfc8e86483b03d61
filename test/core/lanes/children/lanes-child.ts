/**
 * A child process for the concurrency and crash tests: waits behind a barrier, then runs one lanes
 * operation and prints its result as JSON on stdout.
 *   node lanes-child.mjs start <repo> <task> <owner> [barrier]
 *   node lanes-child.mjs recover <repo>
 */
import fs from 'node:fs';
import { openProject } from '../../../../src/core/project/project.js';
import { recoverOrphans } from '../../../../src/core/lanes/recover.js';
import { startLane } from '../../../../src/core/lanes/start.js';

const [cmd, cwd, task, owner, barrier] = process.argv.slice(2);
if (barrier) {
  const end = Date.now() + 30_000;
  while (!fs.existsSync(barrier) && Date.now() < end) await new Promise((r) => setTimeout(r, 2));
}
try {
  const project = await openProject(cwd!);
  const result = cmd === 'start' ? await startLane(project, { task_id: task!, owner: owner! }) : await recoverOrphans(project);
  process.stdout.write(JSON.stringify({ ok: true, result }));
} catch (e) {
  const err = e as { code?: string; message?: string };
  process.stdout.write(JSON.stringify({ ok: false, code: err.code, message: err.message }));
  process.exitCode = 1;
}
