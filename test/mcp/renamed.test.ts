/**
 * The names from before 0.2 keep working for one release: every renamed tool is still registered
 * under its old name (its description says it is deprecated and what to use), and every renamed
 * argument is still accepted (a one-line note on stderr). Existing clients do not break.
 */
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connect, type Connected } from '../helpers/mcp.js';
import { makeRepo, type TestRepo } from '../helpers/repo.js';
import { RENAMED_ARGS, RENAMED_TOOLS } from '../../src/mcp/tools/renamed.js';
import { expectRepoHealthy, makeLane, type LaneFixture } from '../core/sessions/helpers.js';

/** Everything written to stderr while `fn` runs. */
async function stderrOf<T>(fn: () => Promise<T>): Promise<{ value: T; stderr: string }> {
  const seen: string[] = [];
  // The suite runs quiet; the notes are warnings.
  const level = process.env.LANES_LOG;
  process.env.LANES_LOG = 'warn';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    seen.push(String(chunk));
    return true;
  });
  try {
    return { value: await fn(), stderr: seen.join('') };
  } finally {
    spy.mockRestore();
    if (level === undefined) delete process.env.LANES_LOG;
    else process.env.LANES_LOG = level;
  }
}

describe('old tool names (deprecated aliases)', () => {
  let repo: TestRepo;
  let c: Connected;
  beforeEach(async () => {
    repo = makeRepo({ files: { 'README.md': '# r\n', 'src/a.ts': 'a\n' } });
    c = await connect(repo.dir);
    const p = await c.call('plan_work', { tasks: [{ id: 'api', title: 'API', files: ['src/**'] }] });
    expect(p.isError, p.text).toBeFalsy();
  });
  afterEach(async () => {
    await c.close();
    repo.cleanup();
  });

  it('are listed next to the new names, with the same arguments, and say what to use instead', async () => {
    const { tools } = await c.client.listTools();
    const byName = new Map(tools.map((t) => [t.name, t]));
    expect(Object.keys(RENAMED_TOOLS).sort()).toEqual(['cleanup_worktrees', 'list_worktrees', 'remove_worktree', 'start_task']);
    for (const [old, now] of Object.entries(RENAMED_TOOLS)) {
      const o = byName.get(old);
      const n = byName.get(now);
      expect(n, now).toBeDefined();
      expect(o, old).toBeDefined();
      expect(o!.description).toMatch(new RegExp(`^Deprecated: use ${now}\\b`));
      expect(n!.description).not.toMatch(/deprecated/i);
      expect(o!.inputSchema).toEqual(n!.inputSchema);
      expect(o!.annotations).toMatchObject({
        readOnlyHint: n!.annotations?.readOnlyHint,
        destructiveHint: n!.annotations?.destructiveHint,
      });
      expect((o!.outputSchema as any).properties.deprecated).toBeDefined();
    }
  });

  it('still work, and every answer says the name is deprecated', async () => {
    const { value: s, stderr } = await stderrOf(() => c.call('start_task', { task_id: 'api', owner: 'agent-1' }));
    expect(s.isError, s.text).toBeFalsy();
    expect(fs.existsSync(s.data.path)).toBe(true);
    expect(s.data.deprecated).toMatch(/start_task is deprecated .*use start_lane/);
    expect(s.text.split('\n')[0]).toMatch(/start_task is deprecated/);
    expect(stderr).toMatch(/start_task is deprecated/);

    const l = await c.call('list_worktrees');
    expect(l.isError, l.text).toBeFalsy();
    expect(l.data.lanes.map((x: any) => x.task_id)).toEqual(['api']);
    expect(l.data.deprecated).toMatch(/use list_lanes/);

    // Refusals are the new tool's refusals: nothing to land yet, so the lane stays.
    const r = await c.call('remove_worktree', { task_id: 'api', owner: 'agent-1' });
    expect(r.isError).toBeFalsy();
    expect(r.data.deprecated).toMatch(/use remove_lane/);

    const g = await c.call('cleanup_worktrees');
    expect(g.isError, g.text).toBeFalsy();
    expect(g.data.deprecated).toMatch(/use cleanup_lanes/);

    // Hints, through either name, name the new tools.
    const missing = await c.call('remove_worktree', { task_id: 'nope', owner: 'agent-1' });
    expect(missing.isError).toBe(true);
    expect(missing.text).toMatch(/list_lanes shows the lanes/);
    expect(missing.text).not.toMatch(/list_worktrees/);
  });
});

describe('old argument names', () => {
  let repo: TestRepo;
  let c: Connected;
  beforeEach(async () => {
    repo = makeRepo({ files: { 'README.md': '# r\n', 'src/a.ts': 'a\n' } });
    c = await connect(repo.dir);
    expect((await c.call('plan_work', { tasks: [{ id: 'api', title: 'API', files: ['src/**'] }] })).isError).toBeFalsy();
  });
  afterEach(async () => {
    await c.close();
    repo.cleanup();
  });

  it('are not advertised: the schemas show only the new names', async () => {
    const { tools } = await c.client.listTools();
    for (const [tool, renames] of Object.entries(RENAMED_ARGS)) {
      const props = Object.keys((tools.find((t) => t.name === tool)!.inputSchema as any).properties);
      for (const [old, now] of Object.entries(renames)) {
        expect(props, tool).toContain(now);
        expect(props, tool).not.toContain(old);
      }
    }
  });

  it('add_task, update_task and claim_files still take id / task, with a deprecation note on stderr', async () => {
    const a = await stderrOf(() => c.call('add_task', { id: 'docs', title: 'Docs', files: ['docs/**'] }));
    expect(a.value.isError, a.value.text).toBeFalsy();
    expect(a.value.data.task.id).toBe('docs');
    expect(a.stderr).toContain('add_task: the argument "id" is deprecated (removed in 0.3); use "task_id"');

    const u = await stderrOf(() => c.call('update_task', { id: 'docs', status: 'blocked', owner: 'agent-1', note: 'waits' }));
    expect(u.value.isError, u.value.text).toBeFalsy();
    expect(u.value.data.task).toMatchObject({ id: 'docs', status: 'blocked' });
    expect(u.stderr).toContain('update_task: the argument "id" is deprecated');

    const cl = await stderrOf(() => c.call('claim_files', { owner: 'task:docs', task: 'docs', paths: ['docs/a.md'] }));
    expect(cl.value.isError, cl.value.text).toBeFalsy();
    // Results name the task task_id too (task stays until 0.3).
    expect(cl.value.data.claims[0]).toMatchObject({ pattern: 'docs/a.md', task_id: 'docs', task: 'docs' });
    expect((await c.call('list_claims', { owner: 'task:docs' })).data.claims[0]).toMatchObject({ task_id: 'docs' });
    expect(cl.stderr).toContain('claim_files: the argument "task" is deprecated');

    // The new names say nothing.
    const quiet = await stderrOf(() => c.call('update_task', { task_id: 'docs', status: 'planned', owner: 'agent-1' }));
    expect(quiet.value.isError, quiet.value.text).toBeFalsy();
    expect(quiet.stderr).not.toMatch(/deprecated/);
  });

  it('giving an old and a new name with different values is refused, not silently resolved', async () => {
    const both = await c.call('update_task', { id: 'api', task_id: 'other', status: 'blocked' });
    expect(both.isError).toBe(true);
    const same = await c.call('update_task', { id: 'api', task_id: 'api', status: 'blocked', owner: 'agent-1' });
    expect(same.isError, same.text).toBeFalsy();
  });
});

describe('old session argument names', () => {
  let f: LaneFixture;
  let c: Connected;
  afterEach(async () => {
    await c.close();
    expectRepoHealthy(f.repo.dir);
    f.cleanup();
  });

  it('log_session, end_session and get_session still take id for the session', async () => {
    f = await makeLane('api');
    c = await connect(f.lane);
    const s = await c.call('start_session', { topic: 'Build API', type: 'feature' });
    expect(s.isError, s.text).toBeFalsy();
    const id = s.data.session_id as string;
    expect(id).toBe(s.data.session.id);
    expect(s.data.session).toMatchObject({ task_id: 'api', task: 'api' });

    const l = await stderrOf(() => c.call('log_session', { kind: 'next_step', text: 'None.', id }));
    expect(l.value.isError, l.value.text).toBeFalsy();
    expect(l.value.data.session_id).toBe(id);
    expect(l.stderr).toContain('log_session: the argument "id" is deprecated (removed in 0.3); use "session_id"');

    const e = await stderrOf(() => c.call('end_session', { status: 'completed', summary: 'Done.', id }));
    expect(e.value.isError, e.value.text).toBeFalsy();
    expect(e.value.data.session).toMatchObject({ id, status: 'completed' });
    expect(e.stderr).toContain('end_session: the argument "id" is deprecated');

    const g = await stderrOf(() => c.call('get_session', { id }));
    expect(g.value.isError, g.value.text).toBeFalsy();
    expect(g.value.data.session).toMatchObject({ id, task_id: 'api' });
    expect((await c.call('list_sessions', { task_id: 'api' })).data.sessions[0]).toMatchObject({ id, task_id: 'api' });
    expect(g.stderr).toContain('get_session: the argument "id" is deprecated');

    // An unknown session id under the old name is the same NOT_FOUND as under the new one.
    const nope = await c.call('get_session', { id: 'nope' });
    const nope2 = await c.call('get_session', { session_id: 'nope' });
    expect(nope.isError).toBe(true);
    expect(nope.text).toBe(nope2.text);
  });
});
