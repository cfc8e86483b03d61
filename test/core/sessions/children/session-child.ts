/**
 * Child process for the session concurrency test: `node session-child.mjs <mode> <json args>`.
 * - start: start a session in `cwd` with `key`, print its id.
 * - log: append `n` progress entries to the session `id`, print how many succeeded.
 * Both wait for the barrier first, so the children race for real.
 */
import { waitBarrier } from '../../../helpers/child.js';
import { openProject } from '../../../../src/core/project/project.js';
import { logSession, startSession } from '../../../../src/core/sessions/index.js';

interface Args {
  cwd: string;
  barrier: string;
  key?: string;
  id?: string;
  n?: number;
  tag?: string;
}

const mode = process.argv[2];
const a = JSON.parse(process.argv[3] ?? '{}') as Args;
const project = await openProject(a.cwd);
await waitBarrier(a.barrier);
if (mode === 'start') {
  const r = await startSession(project, { topic: `Race ${a.tag ?? ''}`, type: 'feature' }, { key: a.key ?? 'k', explicit: true });
  process.stdout.write(`${JSON.stringify({ id: r.session.id, resumed: r.resumed })}\n`);
} else if (mode === 'log') {
  let ok = 0;
  for (let i = 0; i < (a.n ?? 1); i++) {
    await logSession(project, { kind: 'progress', text: `${a.tag} entry ${i}`, id: a.id! }, { key: 'k', explicit: true });
    ok++;
  }
  process.stdout.write(`${JSON.stringify({ ok })}\n`);
} else {
  throw new Error(`unknown mode ${mode}`);
}
