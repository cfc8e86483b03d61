/** The session tools through the real server (createServer) and an in-process MCP client. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ToolDef } from '../../src/mcp/tool.js';
import { connect, type Connected } from '../helpers/mcp.js';
import { endSessionTool } from '../../src/mcp/tools/end-session.js';
import { getSessionTool } from '../../src/mcp/tools/get-session.js';
import { listSessionsTool } from '../../src/mcp/tools/list-sessions.js';
import { logSessionTool } from '../../src/mcp/tools/log-session.js';
import { startSessionTool } from '../../src/mcp/tools/start-session.js';
import { expectRepoHealthy, makeLane, porcelain, type LaneFixture } from '../core/sessions/helpers.js';

const MINE = [startSessionTool, logSessionTool, endSessionTool, listSessionsTool, getSessionTool] as unknown as ToolDef[];
const SECRET = ['sk-ant-', 'api03-', 'AbCdEf0123456789_ghIJklMNopQRstuvWXyz'].join('');

describe('session tools (MCP, in process)', () => {
  let f: LaneFixture;
  let c: Connected;
  afterEach(async () => {
    await c.close();
    expectRepoHealthy(f.repo.dir);
    f.cleanup();
  });

  it('lists the tools with annotations from their kind and short descriptions', async () => {
    f = await makeLane('api');
    c = await connect(f.lane);
    const { tools } = await c.client.listTools();
    for (const def of MINE) {
      const t = tools.find((x) => x.name === def.name)!;
      expect(t, def.name).toBeTruthy();
      expect(t.description!.length).toBeLessThan(2048);
      expect(t.annotations?.readOnlyHint).toBe(def.kind === 'read');
      expect(t.outputSchema?.type).toBe('object');
    }
  });

  it('start -> log -> list/get -> end in a lane: note committed, tree clean, secrets redacted', async () => {
    f = await makeLane('api');
    c = await connect(f.lane);
    const none = await c.call('log_session', { kind: 'progress', text: 'too early' });
    expect(none.isError).toBe(true);
    expect(none.text).toMatch(/NOT_FOUND: No session is active.*\nStart one with start_session/s);

    const s = await c.call('start_session', { topic: 'Build API', type: 'feature' });
    expect(s.isError).toBeFalsy();
    expect(s.data).toMatchObject({ resumed: false, session: { task: 'api', status: 'active', worktree: f.lane } });
    expect(s.data.checklist.ok).toBe(true);
    expect(s.text).toMatch(/Started session build-api-[0-9a-f]{6} "Build API" for task api/);
    expect(s.text).toContain('- [x] Open the session log for this session.');
    const id = s.data.session.id as string;
    expect(fs.existsSync(s.data.note_path)).toBe(true);

    const again = await c.call('start_session', { topic: 'Build API', type: 'feature' });
    expect(again.data).toMatchObject({ resumed: true, session: { id } });

    f.laneWrite('src/api.ts', 'export const api = 1;\n');
    f.laneCommit('Add api');
    const l = await c.call('log_session', { kind: 'progress', text: `Added the API; key ${SECRET}` });
    expect(l.isError).toBeFalsy();
    expect(l.data.counts).toEqual({ progress: 1, decision: 0, issue: 0, next_step: 0 });
    await c.call('log_session', { kind: 'next_step', text: 'Document the endpoints' });
    expect(fs.readFileSync(s.data.note_path, 'utf8')).not.toContain(SECRET);

    const list = await c.call('list_sessions', { query: 'api', status: 'active' });
    expect(list.data.sessions.map((x: any) => x.id)).toEqual([id]);
    const g = await c.call('get_session', { session_id: id });
    expect(g.data.note.progress[0].text).toContain('[REDACTED:anthropic-key]');
    expect(g.text).toContain('## Next steps\n- ');

    const e = await c.call('end_session', { status: 'completed', summary: 'API added' });
    expect(e.isError).toBeFalsy();
    expect(e.data.committed).toBe(true);
    expect(e.data.protocol.ok).toBe(true);
    expect(e.data.commits.map((x: any) => x.subject)).toEqual(['Add api']);
    expect(e.text).toMatch(/Ended session .* as completed: 1 files changed, 1 commits\.\nNote committed as [0-9a-f]{12}/);
    expect(porcelain(f.lane)).toEqual([]);
    expect(f.laneGit('show', '--name-only', '--format=', 'HEAD')).toBe(path.relative(f.lane, s.data.note_path));

    const late = await c.call('log_session', { kind: 'progress', text: 'late', session_id: id });
    expect(late.isError).toBe(true);
    expect(late.text).toMatch(/already ended/);
    // A new session of the same task sees the previous next steps, quoted.
    const next = await c.call('start_session', { topic: 'Docs', type: 'docs' });
    expect(next.data.previous_next_steps).toMatchObject({ session_id: id, entries: [{ text: 'Document the endpoints' }] });
    expect(next.text).toContain('> - Document the endpoints');
    await c.call('end_session', { status: 'abandoned', summary: 'not needed' });
  });

  it('refuses bad input with isError and a fix', async () => {
    f = await makeLane('api');
    c = await connect(f.lane);
    expect((await c.call('start_session', { topic: 'x', type: 'party' })).isError).toBe(true);
    expect((await c.call('get_session', { session_id: 'Not A Slug' })).isError).toBe(true);
    const g = await c.call('get_session', { session_id: 'nope' });
    expect(g.isError).toBe(true);
    expect(g.text).toMatch(/NOT_FOUND: There is no session "nope"/);
    const e = await c.call('end_session', { status: 'completed', summary: 'x' });
    expect(e.text).toMatch(/start_session/);
  });
});
