/**
 * Owners through the MCP tools: a client that starts a server per call keeps its claims and its
 * lane (real stdio servers from the built bundle, one after the other); authority and takeover
 * with explicit owners; the one owner rule on every tool that takes an owner.
 */
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterEach, describe, expect, it } from 'vitest';
import { OWNERS_DOC } from '../../src/core/claims/liveness.js';
import { openProject } from '../../src/core/project/project.js';
import { pidAlive } from '../../src/state/pid.js';
import { bundlePath } from '../helpers/cli.js';
import { connect, type Connected } from '../helpers/mcp.js';
import { makeRepo, type TestRepo } from '../helpers/repo.js';

/** One call on a fresh stdio server that exits afterwards, as a per-call client does. */
async function callOnce(dir: string, env: Record<string, string>, name: string, args: Record<string, unknown>) {
  const transport = new StdioClientTransport({
    command: 'node',
    args: [bundlePath(), 'mcp'],
    cwd: dir,
    stderr: 'pipe',
    env: { ...(process.env as Record<string, string>), ...env },
  });
  const client = new Client({ name: 'per-call', version: '0' });
  await client.connect(transport);
  const pid = transport.pid!;
  const r = (await client.callTool({ name, arguments: args })) as any;
  await client.close();
  // Wait (generously) until the server process is really gone: what follows must not depend on it.
  const deadline = Date.now() + 30_000;
  while (pidAlive(pid) && Date.now() < deadline) await new Promise((res) => setTimeout(res, 20));
  expect(pidAlive(pid)).toBe(false);
  return {
    isError: r.isError as boolean | undefined,
    text: (r.content ?? []).map((c: any) => c.text ?? '').join('\n'),
    data: r.structuredContent,
  };
}

async function expire(dir: string, owner: string): Promise<void> {
  const project = await openProject(dir);
  await project.store.transact(async (tx) => {
    const l = tx.get(OWNERS_DOC).leases[owner];
    if (!l) throw new Error(`${owner} has no lease`);
    l.expires_at = new Date(Date.now() - 1000).toISOString();
  });
}

let repo: TestRepo | undefined;
let c: Connected | undefined;
afterEach(async () => {
  await c?.close();
  repo?.cleanup();
  c = undefined;
  repo = undefined;
});

describe('owners through MCP', () => {
  it('a client that starts a server per call keeps its claims and gets its lane back', async () => {
    repo = makeRepo({ files: { 'README.md': '# r\n' } });
    // Without a Claude Code session, the server's identity comes from LANES_OWNER.
    const env = { LANES_OWNER: 'bot', CLAUDE_SESSION_ID: '', CLAUDE_CODE_SESSION_ID: '' };
    expect(
      (await callOnce(repo.dir, env, 'plan_work', { tasks: [{ id: 'api', title: 'API', files: ['src/api/**'] }] })).isError,
    ).toBeFalsy();
    const claimed = await callOnce(repo.dir, env, 'claim_files', { owner: 'bot', paths: ['docs/**'], ttl_seconds: 600 });
    expect(claimed.isError, claimed.text).toBeFalsy();
    expect(claimed.data.claims[0].pid).toBeUndefined();

    const listed = await callOnce(repo.dir, env, 'list_claims', { owner: 'bot' });
    expect(listed.isError, listed.text).toBeFalsy();
    expect(listed.data.claims.map((x: any) => x.pattern)).toEqual(['docs/**']);

    const s1 = await callOnce(repo.dir, env, 'start_lane', { task_id: 'api' });
    expect(s1.isError, s1.text).toBeFalsy();
    expect(s1.data).toMatchObject({ owner: 'bot', resumed: false });
    const s2 = await callOnce(repo.dir, env, 'start_lane', { task_id: 'api' });
    expect(s2.isError, s2.text).toBeFalsy();
    expect(s2.data).toMatchObject({ owner: 'bot', path: s1.data.path, resumed: true });
    expect(s2.text).toMatch(/^Resumed your lane for api/);
    // An explicit owner argument works the same without LANES_OWNER.
    const s3 = await callOnce(repo.dir, { LANES_OWNER: '' }, 'start_lane', { task_id: 'api', owner: 'bot' });
    expect(s3.data).toMatchObject({ path: s1.data.path, resumed: true });
    const other = await callOnce(repo.dir, { LANES_OWNER: '' }, 'start_lane', { task_id: 'api', owner: 'someone-else' });
    expect(other.isError).toBe(true);
    expect(other.text).toMatch(/already started by bot, whose lease ends at/);
  });

  it("refuses update_task, remove_lane and release_files on a live owner's task; takeover once its lease expired", async () => {
    repo = makeRepo({ files: { 'README.md': '# r\n' } });
    c = await connect(repo.dir);
    await c.call('plan_work', { tasks: [{ id: 'api', title: 'API', files: ['src/api/**'] }] });
    const s = await c.call('start_lane', { task_id: 'api', owner: 'alice' });
    expect(s.isError, s.text).toBeFalsy();

    const upd = await c.call('update_task', { task_id: 'api', status: 'planned', owner: 'bob' });
    expect(upd.isError).toBe(true);
    expect(upd.text).toMatch(/CONFLICT: Task "api" belongs to alice, whose lease ends at .*; you are bob\. Nothing was changed\./);
    const rm = await c.call('remove_lane', { task_id: 'api', owner: 'bob' });
    expect(rm.isError).toBe(true);
    expect(rm.text).toMatch(/The lane of task "api" belongs to alice/);
    const rel = await c.call('release_files', { owner: 'task:api', by: 'bob' });
    expect(rel.isError).toBe(true);
    expect(rel.text).toMatch(/file scope of task "api"/);
    const early = await c.call('update_task', { task_id: 'api', status: 'in_progress', owner: 'bob', takeover: true });
    expect(early.isError).toBe(true);
    expect(early.text).toMatch(/not taken over while its owner is live/);
    const plain = await c.call('update_task', { task_id: 'api', status: 'in_progress', owner: 'bob' });
    expect(plain.isError).toBe(true);

    await expire(repo.dir, 'alice');
    const noFlag = await c.call('update_task', { task_id: 'api', status: 'in_progress', owner: 'bob' });
    expect(noFlag.isError).toBe(true);
    expect(noFlag.text).toMatch(/whose lease ended .*take it over/s);
    const took = await c.call('update_task', { task_id: 'api', status: 'in_progress', owner: 'bob', takeover: true });
    expect(took.isError, took.text).toBeFalsy();
    expect(took.data).toMatchObject({
      task: { status: 'in_progress', owner: 'bob' },
      taken_over: { from: 'alice', because: 'expired', path: s.data.path, claims: ['src/api/**'] },
    });
    // Now alice is the outsider.
    expect((await c.call('remove_lane', { task_id: 'api', owner: 'alice' })).text).toMatch(/belongs to bob/);
    const mine = await c.call('remove_lane', { task_id: 'api', owner: 'bob' });
    expect(mine.isError, mine.text).toBeFalsy();
  });

  it('one owner rule on every tool that takes an owner: control characters are refused with a clear error', async () => {
    repo = makeRepo({ files: { 'README.md': '# r\n' } });
    c = await connect(repo.dir);
    await c.call('plan_work', { tasks: [{ id: 'api', title: 'API' }] });
    const calls: Array<[string, Record<string, unknown>]> = [
      ['update_task', { task_id: 'api', status: 'in_progress', owner: 'me\u001b[2J' }],
      ['update_task', { task_id: 'api', status: 'in_progress', owner: 'me\u0007' }],
      ['start_lane', { task_id: 'api', owner: 'me\u0000' }],
      ['remove_lane', { task_id: 'api', owner: 'me\u001b' }],
      ['claim_files', { owner: 'me\u001b', paths: ['a'] }],
      ['release_files', { owner: 'me\u0007' }],
      ['release_files', { owner: 'task:api', by: 'me\u0007' }],
      ['lease_port', { owner: 'me\u0000' }],
    ];
    for (const [name, args] of calls) {
      const r = await c.call(name, args);
      expect(r.isError, `${name} ${JSON.stringify(args)}`).toBe(true);
      expect(r.text, name).toMatch(/control character/);
    }
    const spaced = await c.call('update_task', { task_id: 'api', status: 'in_progress', owner: 'two words' });
    expect(spaced.isError).toBe(true);
    expect(spaced.text).toMatch(/letters, digits/);
  });
});
