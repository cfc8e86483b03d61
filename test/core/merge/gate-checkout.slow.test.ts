/**
 * The gate checkout: gates run where a project's tests run (no dot segment in the path), after
 * the target's setup, in a checkout kept per target whose setup is re-run only when its
 * `when_changed` files change; full logs on disk; the runner's own summary in the reason.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openProject } from '../../../src/core/project/project.js';
import { defaultIntegrationBase, INTEGRATION_DOC, readCheckouts } from '../../../src/core/merge/checkout.js';
import { processMergeQueue, queueMerge } from '../../../src/core/merge/index.js';
import { listGateLogs, readGateLog } from '../../../src/core/merge/logs.js';
import { bundleChild } from '../../helpers/child.js';
import { tempDir } from '../../helpers/repo.js';
import { CHILD, lastJson, mergeRepo, nodeGate, runProcessor } from './helpers.js';

/** A setup that "installs" node_modules/dep.txt (ignored) and counts its runs in the gate checkout in `counter`. */
function depsSetup(counter: string) {
  const code =
    `const fs = require('fs'); fs.mkdirSync('node_modules', { recursive: true }); ` +
    `fs.writeFileSync('node_modules/dep.txt', fs.readFileSync('deps.lock')); if (process.env.LANES_MERGE) fs.appendFileSync(${JSON.stringify(counter)}, 'x');`;
  return { name: 'deps', command: ['node', '-e', code], timeout_seconds: 60, when_changed: ['deps.lock'] };
}

/** A gate that fails under a dot segment (as express's tests do), without deps, or on stale build output. */
const WHERE_GATE = nodeGate(
  'where',
  `const fs = require('fs'); const cwd = process.cwd();` +
    `if (cwd.split('/').some((s) => s.startsWith('.'))) { console.error('refusing a path with a dot segment: ' + cwd); process.exit(3); }` +
    `if (!fs.existsSync('node_modules/dep.txt')) { console.error('dependencies are not installed'); process.exit(4); }` +
    `if (fs.existsSync('dist/out.txt')) { console.error('stale build output from an earlier run'); process.exit(5); }` +
    `fs.mkdirSync('dist', { recursive: true }); fs.writeFileSync('dist/out.txt', 'built');`,
);

const runs = (counter: string) => (fs.existsSync(counter) ? fs.readFileSync(counter, 'utf8').length : 0);

describe('the gate checkout', () => {
  it('has no dot segment, runs the target setup, keeps what setup made, and re-runs it only when deps.lock changes', async () => {
    const counter = path.join(tempDir(), 'setup-runs');
    const r = await mergeRepo({
      gates: [WHERE_GATE],
      files: { 'deps.lock': 'v1\n', '.gitignore': 'node_modules/\ndist/\n' },
      setup: [depsSetup(counter)],
    });
    await r.lane('t1', { 'src/t1.ts': 'export const t1 = 1;\n' });
    await r.lane('t2', { 'src/t2.ts': 'export const t2 = 2;\n' });
    await r.lane('t3', { 'deps.lock': 'v2\n' });
    const lanes = await r.open();
    await queueMerge(lanes, { task_id: 't1' });
    let res = await processMergeQueue(lanes);
    expect(res.failed).toEqual([]);
    expect(res.landed.map((l) => l.task)).toEqual(['t1']);
    expect(runs(counter)).toBe(1);
    const [co] = await readCheckouts(lanes);
    expect(co!.dir.split(path.sep).filter((s) => s.startsWith('.'))).toEqual([]);
    expect(co!.keep).toContain('node_modules/');

    // Another processor run: the same checkout, setup skipped (deps.lock unchanged), node_modules kept.
    await queueMerge(lanes, { task_id: 't2' });
    res = await processMergeQueue(await r.open());
    expect(res.failed).toEqual([]);
    expect(res.landed.map((l) => l.task)).toEqual(['t2']);
    expect(runs(counter)).toBe(1);
    expect((await readCheckouts(lanes))[0]!.dir).toBe(co!.dir);
    expect(readGateLog(lanes.repo, 't2').text).toMatch(/setup deps: skipped \(deps\.lock unchanged\)/);

    // deps.lock changed: setup runs again, against the new file.
    await queueMerge(lanes, { task_id: 't3' });
    res = await processMergeQueue(await r.open());
    expect(res.landed.map((l) => l.task)).toEqual(['t3']);
    expect(runs(counter)).toBe(2);
    expect(fs.readFileSync(path.join(co!.dir, 'node_modules', 'dep.txt'), 'utf8')).toBe('v2\n');
  });

  it('a crash mid-setup leaves the checkout not believed set up: the next run sets it up again', async ({ onTestFinished }) => {
    await bundleChild(CHILD);
    const counter = path.join(tempDir(), 'setup-runs');
    const r = await mergeRepo({
      gates: [WHERE_GATE],
      files: { 'deps.lock': 'v1\n', '.gitignore': 'node_modules/\ndist/\n' },
      setup: [depsSetup(counter)],
      onFinished: onTestFinished,
    });
    await r.lane('t1', { 'src/t1.ts': 'export const t1 = 1;\n' });
    const lanes = await r.open();
    await queueMerge(lanes, { task_id: 't1' });
    const crashed = await runProcessor(r.dir, { LANES_FAILPOINT: 'merge.during-setup:kill' });
    expect(crashed.signal).toBe('SIGKILL');
    const rec = (await readCheckouts(await r.open()))[0]!;
    expect(rec.setup).toEqual({});
    const again = await runProcessor(r.dir);
    expect(lastJson(again.stdout)).toMatchObject({ ok: true, landed: ['t1'] });
    const log = readGateLog((await openProject(r.dir)).repo, 't1').text;
    expect(log).toMatch(/==> setup deps: node/);
    expect(log).not.toMatch(/skipped/);
    expect((await readCheckouts(await r.open()))[0]!.setup.deps).toMatch(/^[0-9a-f]{64}$/);
  });

  it("the reason names the gate, its exit code, the runner's summary and first failure; the full log is on disk", async () => {
    const noise = 'x'.repeat(120) + '\n';
    const mocha =
      `  app\n    1) should map a template engine\n\n  55 passing (2s)\n  2 failing\n\n` +
      `  1) app\n       should map a template engine:\n     AssertionError: expected 1 to equal 2\n      at Context.<anonymous> (test/app.js:9:5)\n\n` +
      `  2) app\n       other:\n     Error: nope\n`;
    // 480 KB of noise after the summary (a coverage table, say): more than the in-memory tail holds.
    const gate = nodeGate(
      'test',
      `process.stdout.write(${JSON.stringify(mocha)}); process.stdout.write(${JSON.stringify(noise)}.repeat(4000)); process.exitCode = 7;`,
    );
    const r = await mergeRepo({ gates: [gate] });
    await r.lane('t1', { 'src/t1.ts': 'export const t1 = 1;\n' });
    const lanes = await r.open();
    await queueMerge(lanes, { task_id: 't1' });
    const res = await processMergeQueue(lanes);
    expect(res.failed).toHaveLength(1);
    const note = (await r.tasks()).t1!.note!;
    expect(note).toMatch(/gate "test" exited with code 7/);
    expect(note).toMatch(/Summary: 55 passing \(2s\) \| 2 failing/);
    expect(note).toMatch(/First failure:\n {2}1\) app\n.*should map a template engine:\n.*AssertionError: expected 1 to equal 2/);
    expect(note).toMatch(/lanes merge log t1/);
    const e = (await r.queue()).entries.find((x) => x.task === 't1')!;
    expect(e.failure).toMatchObject({
      kind: 'gate',
      gate: 'test',
      exit_code: 7,
      timed_out: false,
      summary: ['55 passing (2s)', '2 failing'],
    });
    const { entry, text } = readGateLog(lanes.repo, 't1');
    expect(entry.id).toBe(e.failure!.log);
    expect(text).toContain('AssertionError: expected 1 to equal 2');
    expect(text.length).toBeGreaterThan(480_000);
    expect(listGateLogs(lanes.repo, 't1')).toHaveLength(1);
  });

  it('a gate that times out says what it was still doing and that its process group was killed', async () => {
    const gate = nodeGate(
      'test',
      `console.log('compiling src/big.ts'); console.log('waiting for the database on :5432'); setInterval(() => {}, 1000);`,
      3,
    );
    const r = await mergeRepo({ gates: [gate] });
    await r.lane('t1', { 'src/t1.ts': 'export const t1 = 1;\n' });
    const lanes = await r.open();
    await queueMerge(lanes, { task_id: 't1' });
    await processMergeQueue(lanes);
    const note = (await r.tasks()).t1!.note!;
    expect(note).toMatch(/gate "test" timed out after 3 s \(its process group was killed\)/);
    expect(note).toMatch(/still running; its last output:\n {2}compiling src\/big\.ts\n {2}waiting for the database on :5432/);
  });

  it('a checkout left half made (killed during worktree add) is removed and made again', async () => {
    const r = await mergeRepo();
    await r.lane('t1', { 'src/t1.ts': 'export const t1 = 1;\n' });
    const lanes = await r.open();
    await queueMerge(lanes, { task_id: 't1' });
    await processMergeQueue(lanes);
    const rec = (await readCheckouts(lanes))[0]!;
    // What a SIGKILL before git wrote .git leaves: a directory with some files, a record not ready.
    r.git('worktree', 'remove', '--force', rec.dir);
    fs.mkdirSync(path.join(rec.dir, 'src'), { recursive: true });
    fs.writeFileSync(path.join(rec.dir, 'src', 'partial.ts'), '');
    await lanes.store.transact(async (tx) => {
      tx.get(INTEGRATION_DOC).checkouts[0]!.ready = false;
    });
    await r.lane('t2', { 'src/t2.ts': 'export const t2 = 2;\n' });
    await queueMerge(lanes, { task_id: 't2' });
    const res = await processMergeQueue(await r.open());
    expect(res.landed.map((l) => l.task)).toEqual(['t2']);
    expect(fs.existsSync(path.join(rec.dir, 'src', 'partial.ts'))).toBe(false);
    expect((await readCheckouts(lanes))[0]).toMatchObject({ dir: rec.dir, ready: true });
  });

  it('keeps the state of the checkout in the integration document; checkouts of deleted repositories are swept', async () => {
    const r = await mergeRepo();
    const top = path.dirname(defaultIntegrationBase((await r.open()).repo));
    // A gate checkout whose repository was deleted, one whose repository was deleted and cloned
    // again at the same path (its admin entry is gone), and one whose repository still has it.
    const orphan = path.join(top, `gone-${process.pid}`, 'main-1');
    const recloned = path.join(top, `recloned-${process.pid}`, 'main-1');
    const alive = path.join(top, `alive-${process.pid}`, 'main-1');
    const aliveGit = path.join(tempDir(), '.git', 'worktrees', 'x');
    fs.mkdirSync(aliveGit, { recursive: true });
    for (const [d, g] of [
      [orphan, '/nonexistent/repo/.git/worktrees/main-1'],
      [recloned, path.join(path.dirname(path.dirname(aliveGit)), 'worktrees', 'gone')],
      [alive, aliveGit],
    ] as const) {
      fs.mkdirSync(d, { recursive: true });
      fs.writeFileSync(path.join(d, '.git'), `gitdir: ${g}\n`);
    }
    await r.lane('t1', { 'src/t1.ts': 'export const t1 = 1;\n' });
    const lanes = await r.open();
    await queueMerge(lanes, { task_id: 't1' });
    await processMergeQueue(lanes);
    const doc = (await lanes.store.read(INTEGRATION_DOC)).data;
    expect(doc.checkouts).toMatchObject([{ target: 'main', ready: true }]);
    expect(fs.existsSync(path.dirname(orphan))).toBe(false);
    expect(fs.existsSync(path.dirname(recloned))).toBe(false);
    expect(fs.existsSync(alive)).toBe(true);
    fs.rmSync(path.dirname(alive), { recursive: true, force: true });
  });
});
