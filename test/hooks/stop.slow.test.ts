import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProject } from '../../src/core/project/project.js';
import { logSession } from '../../src/core/sessions/read.js';
import { sessionKey } from '../../src/core/sessions/records.js';
import { makeRepo, tempDir } from '../helpers/repo.js';
import { laneRepo, runHook, subagentTranscript, type LaneRepo } from './helpers.js';

const stop = (cwd: string, extra: Record<string, unknown> = {}) => ({
  session_id: 'sess-stop',
  transcript_path: '/nonexistent/t.jsonl',
  cwd,
  hook_event_name: 'Stop',
  stop_hook_active: false,
  last_assistant_message: 'done',
  ...extra,
});

describe('Stop / SubagentStop hook', () => {
  let r: LaneRepo;
  beforeAll(async () => {
    r = await laneRepo();
  });
  afterAll(() => r.cleanup());

  it('lets the agent stop on malformed input, outside git, without Lanes state, and outside a lane', async () => {
    const bad = await runHook('stop', '{', { raw: true });
    expect(bad).toMatchObject({ code: 0, stdout: '' });
    expect(bad.stderr).toMatch(/not JSON/);
    expect(await runHook('stop', stop(tempDir()))).toMatchObject({ code: 0, stdout: '' });
    const plain = makeRepo();
    plain.write('dirty.txt', 'x');
    const h = await runHook('stop', stop(plain.dir));
    expect(h).toMatchObject({ code: 0, stdout: '' });
    expect(h.stderr).toMatch(/no Lanes state/);
    plain.cleanup();
    r.repo.write('main-dirty.txt', 'x');
    expect(await runHook('stop', stop(r.repo.dir))).toMatchObject({ code: 0, stdout: '', stderr: '' });
    fs.rmSync(path.join(r.repo.dir, 'main-dirty.txt'));
  });

  it('refuses to stop while work is uncommitted or end items are missing, listing them', async () => {
    expect((await runHook('session-start', { ...stop(r.lane.a!), hook_event_name: 'SessionStart', source: 'startup' })).code).toBe(0);
    fs.writeFileSync(path.join(r.lane.a!, 'src/a/new.ts'), 'export {};\n');
    const h = await runHook('stop', stop(r.lane.a!));
    expect(h.code).toBe(0);
    expect(h.json?.decision).toBe('block');
    expect(h.json?.reason).toContain('task a is not ready to stop');
    expect(h.json?.reason).toMatch(/uncommitted: src\/a\/new\.ts \(untracked\)/);
    expect(h.json?.reason).toContain('"Progress log" is empty');
    expect(h.json?.reason).toContain('"Next steps" is empty');
    // The session's own note (written by Lanes, committed by Lanes) is never "uncommitted work".
    expect(h.json?.reason).not.toContain('.lanes/sessions');
  });

  it('honours stop_hook_active: never blocks twice in a row, tells the user instead', async () => {
    const h = await runHook('stop', stop(r.lane.a!, { stop_hook_active: true }));
    expect(h.code).toBe(0);
    expect(h.json?.decision).toBeUndefined();
    expect(h.json?.systemMessage).toContain('protocol items still open');
  });

  it('lets the agent stop once everything is committed and logged', async () => {
    const project = await openProject(r.lane.a!);
    const key = sessionKey('sess-stop');
    await logSession(project, { kind: 'progress', text: 'Added new.ts.' }, key);
    await logSession(project, { kind: 'next_step', text: 'Nothing left.' }, key);
    execFileSync('git', ['add', '-A'], { cwd: r.lane.a! });
    execFileSync('git', ['commit', '-q', '-m', 'a: new'], { cwd: r.lane.a! });
    const h = await runHook('stop', stop(r.lane.a!));
    expect(h).toMatchObject({ code: 0, stdout: '' });
  });

  it('checks a subagent against the lane named in its prompt (SubagentStop)', async () => {
    fs.writeFileSync(path.join(r.lane.b!, 'src/b/wip.ts'), 'x\n');
    const dir = tempDir();
    const t = subagentTranscript(dir, 'sess-stop', 'w1', 'Lanes task: b\nLane: x');
    const h = await runHook('stop', {
      ...stop(r.repo.dir, { hook_event_name: 'SubagentStop', agent_id: 'w1', agent_type: 'lanes:lane-worker' }),
      agent_transcript_path: path.join(dir, 'sess-stop', 'subagents', 'agent-w1.jsonl'),
      transcript_path: t.transcript_path,
    });
    expect(h.json?.decision).toBe('block');
    expect(h.json?.reason).toContain('task b is not ready to stop');
    expect(h.json?.reason).toContain('src/b/wip.ts');
  });
});

describe('Stop hook with a protocol that has no "tree committed" item', () => {
  let r: LaneRepo;
  beforeAll(async () => {
    r = await laneRepo();
  });
  afterAll(() => r.cleanup());

  it('still refuses to stop with uncommitted work (its own git status runs then)', async () => {
    // The Stop hook leaves the tree check to the protocol when the protocol has one; with none,
    // uncommitted work must still block.
    r.repo.write('.lanes/config.json', JSON.stringify({ session: { end: [] } }));
    fs.writeFileSync(path.join(r.lane.a!, 'src/a/wip.ts'), 'export {};\n');
    const h = await runHook('stop', stop(r.lane.a!));
    expect(h.code).toBe(0);
    expect(h.json?.decision).toBe('block');
    expect(h.json?.reason).toMatch(/Commit \(or discard\) your changes — 1 uncommitted: src\/a\/wip\.ts \(untracked\)/);
    fs.rmSync(path.join(r.lane.a!, 'src/a/wip.ts'));
    expect(await runHook('stop', stop(r.lane.a!))).toMatchObject({ code: 0, stdout: '' });
  });
});
