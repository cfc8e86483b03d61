/**
 * Gates a lane cannot quietly remove, through the real CLI: a landing that weakens the target's
 * gates is held, `lanes merge status` says why, `lanes merge approve` (a human, on the CLI) lets it
 * land; `lanes merge log` prints the last gate run's full output.
 */
import { describe, expect, it } from 'vitest';
import { lanes } from '../../helpers/cli.js';
import { mergeRepo, nodeGate } from '../../core/merge/helpers.js';

const GATE = nodeGate('check', `console.log('checked'); console.log('  3 passing (5ms)');`);

describe('lanes merge: held gate changes, approve, log', () => {
  it('holds a lane that removes a gate until a human approves it; a lane that adds one goes through', async () => {
    const r = await mergeRepo({ gates: [GATE] });
    const before = r.git('rev-parse', 'main');
    await r.lane('t1', { '.lanes/config.json': JSON.stringify({ gates: [] }), 'src/t1.ts': 'export const t1 = 1;\n' });
    expect((await lanes(r.dir, ['merge', 'queue', 't1'])).code).toBe(0);
    const run = await lanes(r.dir, ['merge', 'run']);
    expect(run.stdout).toMatch(/Held t1: it weakens the gates of main: it removes gate "check"/);
    expect(run.stdout).toMatch(/lanes merge approve t1/);
    expect(r.git('rev-parse', 'main')).toBe(before);
    const st = await lanes(r.dir, ['merge', 'status']);
    expect(st.stdout).toMatch(/t1 {2}merge {2}held {2}held: it weakens the gates/);
    expect((await r.tasks()).t1!.note).toMatch(/merge held: .*removes gate "check".*lanes merge approve t1/);
    // Queueing again does not duplicate it, and says what to do.
    expect((await lanes(r.dir, ['merge', 'queue', 't1'])).stdout).toMatch(/held for a human/);

    const ok = await lanes(r.dir, ['merge', 'approve', 't1']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Approved t1/);
    const run2 = await lanes(r.dir, ['merge', 'run', '--json']);
    expect(JSON.parse(run2.stdout).landed.map((l: { task: string }) => l.task)).toEqual(['t1']);
    expect((await lanes(r.dir, ['merge', 'approve', 't1'])).code).not.toBe(0);

    // The gates are now empty on main; adding some is no weakening.
    await r.lane('t2', { '.lanes/config.json': JSON.stringify({ gates: [GATE, nodeGate('lint', 'process.exit(0)')] }) });
    expect((await lanes(r.dir, ['merge', 'queue', 't2'])).code).toBe(0);
    const run3 = JSON.parse((await lanes(r.dir, ['merge', 'run', '--json'])).stdout);
    expect(run3.held).toEqual([]);
    expect(run3.landed.map((l: { task: string }) => l.task)).toEqual(['t2']);
  });

  it('lanes merge log prints the last gate run; --list lists them', async () => {
    const r = await mergeRepo({ gates: [GATE] });
    await r.lane('t1', { 'src/t1.ts': 'export const t1 = 1;\n' });
    await lanes(r.dir, ['merge', 'queue', 't1']);
    await lanes(r.dir, ['merge', 'run']);
    const log = await lanes(r.dir, ['merge', 'log', 't1']);
    expect(log.code).toBe(0);
    expect(log.stdout).toMatch(/==> gate check: node -e/);
    expect(log.stdout).toMatch(/checked\n {2}3 passing \(5ms\)\n<== gate check: passed/);
    const list = await lanes(r.dir, ['merge', 'log', 't1', '--list']);
    expect(list.stdout).toMatch(/passed {2}t1 @ [0-9a-f]{12}/);
    const none = await lanes(r.dir, ['merge', 'log', 't2']);
    expect(none.code).not.toBe(0);
    expect(none.stderr).toMatch(/No gate run of t2/);
  });
});
