/**
 * "Main moved under you": a landing that makes a lane in flight conflict with the target leaves a
 * notice that the next PreToolUse hook in that lane hands to the agent, once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processMergeQueue } from '../../src/core/merge/process.js';
import { queueMerge } from '../../src/core/merge/enqueue.js';
import { NOTICES_DOC } from '../../src/core/merge/notices.js';
import { listLanes } from '../../src/core/lanes/list.js';
import { toldText } from '../../src/render/status.js';
import { laneRepo, runHook, type LaneRepo } from './helpers.js';

const write = (cwd: string, file: string) => ({
  session_id: 'sess-1',
  transcript_path: '/nonexistent/t.jsonl',
  cwd,
  hook_event_name: 'PreToolUse',
  tool_name: 'Write',
  tool_input: { file_path: file, content: 'x' },
});
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
const commitIn = (dir: string, file: string, content: string) => {
  fs.writeFileSync(path.join(dir, file), content);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', `edit ${file}`);
};

describe('PreToolUse: main moved under the lane', () => {
  let r: LaneRepo;
  beforeAll(async () => {
    r = await laneRepo({ start: ['a', 'b'] });
    // Both lanes change README.md (outside both scopes, claimed by neither): b lands first.
    commitIn(r.lane.a!, 'README.md', '# r\nfrom a\n');
    commitIn(r.lane.b!, 'README.md', '# r\nfrom b\n');
    await queueMerge(r.lanes, { task_id: 'b' });
    const res = await processMergeQueue(r.lanes);
    expect(res.landed.map((e: { task: string }) => e.task)).toEqual(['b']);
  });
  afterAll(() => r.cleanup());

  it('records one notice for the lane that now conflicts', async () => {
    const doc = (await r.lanes.store.read(NOTICES_DOC)).data;
    expect(Object.keys(doc)).toEqual(['a']);
    expect(doc.a).toMatchObject({ target: 'main', landed: ['b'], files: ['README.md'] });
    expect(doc.a!.delivered_at).toBeUndefined();
    // People see it too: the lane needs a fix, and its agent has not been told yet.
    const lane = (await listLanes(r.lanes, { recover: false })).lanes.find((l) => l.task_id === 'a');
    expect(lane?.needs_fix).toMatchObject({ kind: 'conflict' });
    expect(lane?.needs_fix?.told_at).toBeUndefined();
  });

  it("tells the lane's agent on its next edit, with what landed, the files and what to do; then never again", async () => {
    const first = await runHook('pre-tool-use', write(r.lane.a!, path.join(r.lane.a!, 'src/a/x.ts')));
    expect(first.code, first.stderr).toBe(0);
    const ctx = first.json?.hookSpecificOutput;
    expect(ctx?.hookEventName).toBe('PreToolUse');
    expect(ctx?.permissionDecision).toBeUndefined(); // the edit goes through the normal permission path
    expect(ctx?.additionalContext).toContain('main moved under task a: b landed on main');
    expect(ctx?.additionalContext).toContain('conflicts with main in: README.md');
    expect(ctx?.additionalContext).toContain('merge main into the lane');
    expect(ctx?.additionalContext).toContain('queue_merge'); // hints name tools to a model
    expect(first.stdout.trim().split('\n')).toHaveLength(1); // nothing on stdout but the hook JSON
    const again = await runHook('pre-tool-use', write(r.lane.a!, path.join(r.lane.a!, 'src/a/y.ts')));
    expect(again).toMatchObject({ code: 0, stdout: '' });
    const doc = (await r.lanes.store.read(NOTICES_DOC)).data;
    expect(doc.a!.delivered_at).toBeTruthy();
    // ...and when it was told, in the lanes list, status and on the dashboard (the same brief).
    const lane = (await listLanes(r.lanes, { recover: false })).lanes.find((l) => l.task_id === 'a');
    expect(lane?.needs_fix?.told_at).toBe(doc.a!.delivered_at);
    expect(toldText(lane!.needs_fix!)).toMatch(/^; agent told \d\d:\d\d/);
  });

  it('delivers a notice exactly once when hooks race for it', async () => {
    await r.lanes.store.update(NOTICES_DOC, (d) => {
      d.a = { id: 'f'.repeat(40), target: 'main', landed: ['b'], files: ['README.md'], at: new Date().toISOString() };
    });
    const runs = await Promise.all(
      [1, 2, 3, 4].map((i) => runHook('pre-tool-use', write(r.lane.a!, path.join(r.lane.a!, `src/a/r${i}.ts`)))),
    );
    expect(runs.map((h) => h.code)).toEqual([0, 0, 0, 0]);
    expect(runs.filter((h) => h.json?.hookSpecificOutput?.additionalContext).length).toBe(1);
    expect(runs.filter((h) => h.stdout !== '' && !h.json).length).toBe(0);
  });

  it('says nothing to a lane with no notice, and nothing on a refused edit', async () => {
    await r.lanes.store.update(NOTICES_DOC, (d) => {
      d.a = { id: 'e'.repeat(40), target: 'main', landed: ['b'], files: ['README.md'], at: new Date().toISOString() };
    });
    const blocked = await runHook('pre-tool-use', write(r.lane.a!, path.join(r.repo.dir, 'README.md')));
    expect(blocked.code).toBe(2);
    expect(blocked.stdout).toBe('');
    const doc = (await r.lanes.store.read(NOTICES_DOC)).data;
    expect(doc.a!.delivered_at).toBeUndefined(); // kept for the next edit that goes ahead
  });

  it('a session that starts while a notice waits is told at start, and not again on its first edit', async () => {
    await r.lanes.store.update(NOTICES_DOC, (d) => {
      d.a = { id: 'd'.repeat(40), target: 'main', landed: ['b'], files: ['README.md'], at: new Date().toISOString() };
    });
    const s = await runHook('session-start', {
      session_id: 'sess-n',
      transcript_path: '/nonexistent/t.jsonl',
      cwd: r.lane.a!,
      hook_event_name: 'SessionStart',
      source: 'startup',
    });
    expect(s.code, s.stderr).toBe(0);
    expect(s.json?.hookSpecificOutput?.additionalContext).toContain('main moved under task a');
    const edit = await runHook('pre-tool-use', { ...write(r.lane.a!, path.join(r.lane.a!, 'src/a/z.ts')), session_id: 'sess-n' });
    expect(edit).toMatchObject({ code: 0, stdout: '' });
  });

  it('drops the notice once the lane has merged the target and no longer conflicts', async () => {
    git(r.lane.a!, 'merge', '-q', '-X', 'ours', '-m', 'merge main', 'main');
    // The next landing re-checks the lanes in flight: a's conflict is gone, and so is its notice.
    const { recheckInFlight } = await import('../../src/core/merge/after.js');
    await recheckInFlight(r.lanes, 'main', git(r.repo.dir, 'rev-parse', 'main'), ['b']);
    const doc = (await r.lanes.store.read(NOTICES_DOC)).data;
    expect(Object.keys(doc)).toEqual([]);
  });
});
