/** The run in `lanes status`: a pause on a usage limit and the run's estimated cost, in text and JSON. */
import { RUNS_DOC } from '../../../src/core/run/model.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { status } from '../../../src/core/status/status.js';
import { StatusOut } from '../../../src/mcp/tools/status.js';
import { renderStatus } from '../../../src/render/status.js';
import { lanes as cli } from '../../helpers/cli.js';
import { clock, pausedUntil, workingRepo, writePausedRun, type Fixture } from '../../dashboard/fixture.js';

describe('status: a paused run and its cost', () => {
  let r: Fixture;
  let until: Date;
  beforeAll(async () => {
    r = await workingRepo();
    until = pausedUntil();
    await writePausedRun(r.lanes, until);
  });
  afterAll(() => r.cleanup());

  it('reports the pause and the estimated cost in the report the tool returns', async () => {
    const s = StatusOut.parse(await status(r.lanes));
    expect(s.run?.paused).toEqual({
      reason: 'usage limit',
      until: until.toISOString(),
      task: 'api',
      text: `paused: usage limit, resumes ${clock(until)}`,
    });
    const cost = s.run!.cost!;
    expect(cost).toMatchObject({ input_tokens: 1_200_000, output_tokens: 100_000 });
    // Sonnet: 1M in at $3 + 100k out at $15; Haiku: 200k in at $1.
    expect(cost.cost_usd).toBeCloseTo(4.5 + 0.2, 5);
    expect(cost.text).toBe('1.2M in · 100k out · ~$4.70');
  });

  it('shows them under the run line of the text', async () => {
    const text = renderStatus(await status(r.lanes));
    expect(text).toContain(`  paused: usage limit, resumes ${clock(until)} (task api hit it)`);
    expect(text).toContain('  cost: 1.2M in · 100k out · ~$4.70 (estimate)');
  });

  it('`lanes status --json` carries the same fields, and a run no longer running shows no pause', async () => {
    const j = JSON.parse((await cli(r.dir, ['status', '--json'])).stdout);
    expect(j.run.paused.text).toBe(`paused: usage limit, resumes ${clock(until)}`);
    expect(j.run.cost.cost_usd).toBeCloseTo(4.7, 5);
    await r.lanes.store.update(RUNS_DOC, (d) => {
      d.runs[0]!.status = 'interrupted';
    });
    const s = await status(r.lanes);
    expect(s.run?.paused).toBeUndefined();
    expect(s.run?.cost?.text).toContain('~$4.70'); // what it cost stays
  });
});
