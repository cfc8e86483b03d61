/**
 * The lane hooks remember the validated config between runs (src/hooks/lib/config-memo.ts). The
 * memo must never answer for a config it did not judge: a changed file, an invalid one, another
 * main HEAD each go back to the ordinary load.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG_FILE } from '../../src/core/config/schema.js';
import { CONFIG_PATH, MEMO_FILE } from '../../src/hooks/lib/config-memo.js';
import { laneRepo, runHook, type LaneRepo } from './helpers.js';

const stop = (cwd: string) => ({
  session_id: 'sess-memo',
  transcript_path: '/nonexistent/t.jsonl',
  cwd,
  hook_event_name: 'Stop',
  stop_hook_active: false,
});

describe('config memo of the lane hooks', () => {
  let r: LaneRepo;
  beforeAll(async () => {
    r = await laneRepo();
  });
  afterAll(() => r.cleanup());

  it('reads the same file as the config loader', () => {
    expect(CONFIG_PATH).toBe(CONFIG_FILE);
  });

  it('is written by a Stop in a lane and follows every change of the config', async () => {
    const memo = path.join(r.repo.dir, '.git', 'lanes', MEMO_FILE);
    fs.writeFileSync(path.join(r.lane.a!, 'src/a/wip.ts'), 'export {};\n');
    const first = await runHook('stop', stop(r.lane.a!));
    expect(first.json?.decision).toBe('block');
    expect(first.json?.reason).toContain('"Progress log"');
    expect(fs.existsSync(memo)).toBe(true);
    // The same answer from the memo.
    expect((await runHook('stop', stop(r.lane.a!))).json?.reason).toBe(first.json?.reason);

    // A changed config: its own end items, not the remembered ones.
    r.repo.write('.lanes/config.json', JSON.stringify({ session: { end: [] } }));
    const second = await runHook('stop', stop(r.lane.a!));
    expect(second.json?.reason).not.toContain('"Progress log"');
    expect(second.json?.reason).toMatch(/Commit \(or discard\) your changes — 1 uncommitted: src\/a\/wip\.ts/);

    // An invalid config is reported every time, never replaced by the last valid one.
    r.repo.write('.lanes/config.json', JSON.stringify({ session: { end: [] }, max_paralel: 3 }));
    for (let i = 0; i < 2; i++) {
      const bad = await runHook('stop', stop(r.lane.a!));
      expect(bad.stderr).toMatch(/the session protocol could not be checked/);
      expect(bad.json?.decision).toBe('block');
    }
    fs.rmSync(path.join(r.repo.dir, '.lanes'), { recursive: true, force: true });
    expect((await runHook('stop', stop(r.lane.a!))).json?.reason).toBe(first.json?.reason);
    fs.rmSync(path.join(r.lane.a!, 'src/a/wip.ts'));
  });
});
