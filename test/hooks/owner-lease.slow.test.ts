/**
 * A Claude Code session's owner lease is renewed by the hooks while it works in its lane, and ends
 * when the session ends cleanly (so its task can be taken over at once, not when the lease runs out).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leaseOf, OWNERS_DOC } from '../../src/core/claims/liveness.js';
import { startLane } from '../../src/core/lanes/start.js';
import { sessionOwner } from '../../src/hooks/lib/owner.js';
import { laneRepo, runHook, type LaneRepo } from './helpers.js';

const SID = 'sess-owner-1';

describe('session owner lease through the hooks', () => {
  let r: LaneRepo;
  let lane: string;
  beforeAll(async () => {
    r = await laneRepo({ start: [] });
    lane = (await startLane(r.lanes, { task_id: 'a', owner: sessionOwner(SID) })).path;
  });
  afterAll(() => r.cleanup());

  const lease = async () => leaseOf((await r.lanes.store.read(OWNERS_DOC)).data, sessionOwner(SID));

  it('PreToolUse renews a lease that has aged, and writes nothing while it is fresh', async () => {
    // Aged: still live, but renewed long ago.
    await r.lanes.store.transact(async (tx) => {
      tx.get(OWNERS_DOC).leases[sessionOwner(SID)]!.expires_at = new Date(Date.now() + 100_000).toISOString();
    });
    const edit = {
      session_id: SID,
      transcript_path: '/nonexistent/t.jsonl',
      cwd: lane,
      hook_event_name: 'PreToolUse',
      tool_name: 'Write',
      tool_input: { file_path: path.join(lane, 'src/a/x.ts'), content: 'x' },
    };
    const h = await runHook('pre-tool-use', edit);
    expect(h.code, h.stderr).toBe(0);
    const renewed = (await lease())!;
    expect(Date.parse(renewed.expires_at)).toBeGreaterThan(Date.now() + 1000_000);
    const version = (await r.lanes.store.read(OWNERS_DOC)).version;
    expect((await runHook('pre-tool-use', edit)).code).toBe(0);
    expect((await r.lanes.store.read(OWNERS_DOC)).version).toBe(version);
  });

  it('SessionEnd ends the lease', async () => {
    expect(await lease()).toBeDefined();
    const h = await runHook('session-end', {
      session_id: SID,
      transcript_path: '/nonexistent/t.jsonl',
      cwd: lane,
      hook_event_name: 'SessionEnd',
      reason: 'prompt_input_exit',
    });
    expect(h.code, h.stderr).toBe(0);
    const deadline = Date.now() + 30_000;
    // The hook hands the work to a detached finisher: wait for its result.
    while ((await lease()) !== undefined && Date.now() < deadline) await new Promise((res) => setTimeout(res, 50));
    expect(await lease()).toBeUndefined();
  });
});
