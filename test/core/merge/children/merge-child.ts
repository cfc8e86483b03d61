/**
 * Child process for the merge queue tests: `node merge-child.mjs <mode> <repo dir>`. Prints one JSON
 * line with its result (or its error). Crashes come from LANES_FAILPOINT in the product.
 */
import { openProject } from '../../../../src/core/project/project.js';
import { processMergeQueue } from '../../../../src/core/merge/index.js';
import { LanesError } from '../../../../src/errors.js';

const mode = process.argv[2];
const dir = process.argv[3]!;

async function main(): Promise<void> {
  const project = await openProject(dir);
  if (mode === 'run') {
    const r = await processMergeQueue(project, { lockStaleMs: 2000 });
    process.stdout.write(
      `${JSON.stringify({ ok: true, pid: process.pid, landed: r.landed.map((l) => l.task), failed: r.failed.map((f) => f.task), recovered: r.recovered })}\n`,
    );
    return;
  }
  throw new Error(`unknown mode ${mode}`);
}

main().catch((e: unknown) => {
  const code = e instanceof LanesError ? e.code : 'INTERNAL';
  process.stdout.write(`${JSON.stringify({ ok: false, pid: process.pid, code, message: e instanceof Error ? e.message : String(e) })}\n`);
  process.exitCode = 1;
});
