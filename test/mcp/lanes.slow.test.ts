import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { connect, type Connected } from '../helpers/mcp.js';
import { makeRepo, type TestRepo } from '../helpers/repo.js';
import type { ToolDef } from '../../src/mcp/tool.js';
import { startLaneTool } from '../../src/mcp/tools/start-lane.js';
import { listLanesTool } from '../../src/mcp/tools/list-lanes.js';
import { removeLaneTool } from '../../src/mcp/tools/remove-lane.js';
import { cleanupLanesTool } from '../../src/mcp/tools/cleanup-lanes.js';
import { assertInvariants, LaneCommits } from '../core/lanes/invariants.js';
import { mcpOwner } from '../../src/core/lanes/model.js';

const LANE_TOOLS = [startLaneTool, listLanesTool, removeLaneTool, cleanupLanesTool] as unknown as ToolDef[];

describe('lanes MCP tools (in process)', () => {
  let repo: TestRepo;
  let c: Connected;
  let commits: LaneCommits;
  beforeEach(async () => {
    repo = makeRepo({ files: { 'README.md': '# r\n', 'src/a.ts': 'a\n' } });
    commits = new LaneCommits(repo.dir);
    c = await connect(repo.dir);
    const p = await c.call('plan_work', {
      tasks: [
        { id: 'api', title: 'API', files: ['src/**'] },
        { id: 'docs', title: 'Docs', files: ['docs/**'] },
      ],
    });
    expect(p.isError, p.text).toBeFalsy();
  });
  afterEach(async () => {
    await c.close();
    try {
      assertInvariants(repo.dir, commits);
    } finally {
      repo.cleanup();
    }
  });

  it('declares the lane tools with annotations from their kind; removal has no force argument', async () => {
    const { tools: listed } = await c.client.listTools();
    const byName = new Map(listed.map((t) => [t.name, t]));
    expect(LANE_TOOLS.filter((d) => !byName.has(d.name)).map((d) => d.name)).toEqual([]);
    expect(byName.get('start_lane')?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: false, idempotentHint: true });
    expect(byName.get('list_lanes')?.annotations).toMatchObject({ readOnlyHint: true });
    expect(byName.get('remove_lane')?.annotations).toMatchObject({ destructiveHint: true });
    expect(byName.get('cleanup_lanes')?.annotations).toMatchObject({ destructiveHint: true });
    expect(Object.keys((byName.get('remove_lane')?.inputSchema as any).properties)).toEqual(['task_id', 'owner']);
    for (const n of ['start_lane', 'list_lanes', 'remove_lane', 'cleanup_lanes'])
      expect(byName.get(n)!.description!.length).toBeLessThan(2048);
    const forced = await c.call('remove_lane', { task_id: 'api', force: true });
    expect(forced.isError).toBe(true);
  });

  it('start_lane -> list_lanes -> remove_lane refusal -> commit lands -> remove; errors say what to do', async () => {
    const s = await c.call('start_lane', { task_id: 'api' });
    expect(s.isError, s.text).toBeFalsy();
    expect(s.data).toMatchObject({ task_id: 'api', branch: 'lanes/api', claims: ['src/**'], owner: mcpOwner() });
    expect(s.text).toContain(s.data.path);
    const other = await c.call('start_lane', { task_id: 'api', owner: 'agent-2' });
    expect(other.isError).toBe(true);
    expect(other.text).toMatch(/CONFLICT: .*already started by session:/);
    const bad = await c.call('start_lane', { task_id: '../../etc' });
    expect(bad.isError).toBe(true);

    const wt = s.data.path as string;
    fs.writeFileSync(path.join(wt, 'src/a.ts'), 'changed\n');
    const l = await c.call('list_lanes');
    expect(l.data.lanes).toEqual([
      expect.objectContaining({ task_id: 'api', kind: 'lane', state: 'ready', dirty: ['M src/a.ts'], ahead: 0, behind: 0, missing: false }),
    ]);
    expect(l.text).toContain('1 uncommitted');
    const refused = await c.call('remove_lane', { task_id: 'api' });
    expect(refused.isError).toBe(true);
    expect(refused.text).toMatch(/UNSAFE: Refusing to remove.*\n.*changed \(M\): src\/a\.ts/);

    repo.git('-C', wt, 'commit', '-q', '-am', 'api change');
    commits.note();
    const refused2 = await c.call('remove_lane', { task_id: 'api' });
    expect(refused2.text).toMatch(/[0-9a-f]{7} api change/);
    repo.git('merge', '-q', '--no-ff', '-m', 'land api', 'lanes/api');
    const removed = await c.call('remove_lane', { task_id: 'api' });
    expect(removed.isError, removed.text).toBeFalsy();
    expect(removed.data).toMatchObject({ landed_by: 'ancestor', removed_worktree: true, deleted_branch: true, released_claims: 1 });
    expect(fs.existsSync(wt)).toBe(false);
  });

  it('cleanup_lanes removes finished lanes and reports the rest', async () => {
    expect((await c.call('start_lane', { task_id: 'api', owner: 'a1' })).isError).toBeFalsy();
    expect((await c.call('start_lane', { task_id: 'docs', owner: 'a2' })).isError).toBeFalsy();
    // docs is a2's (live): only a2 may set it back.
    expect((await c.call('update_task', { task_id: 'docs', status: 'planned' })).text).toMatch(/belongs to a2/);
    expect((await c.call('update_task', { task_id: 'docs', status: 'planned', owner: 'a2' })).isError).toBeFalsy();
    const r = await c.call('cleanup_lanes');
    expect(r.isError, r.text).toBeFalsy();
    expect(r.data.removed.map((x: any) => x.task_id)).toEqual(['docs']);
    expect(r.data.kept).toEqual([expect.objectContaining({ task_id: 'api', reason: expect.stringMatching(/in progress/) })]);
    expect(r.text).toMatch(/Removed 1 lane/);
  });
});
