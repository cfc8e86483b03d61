/**
 * A hint names the action the way its reader acts: the CLI prints its commands, the MCP answer
 * names its tools (and asks a human for what only a human may do).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProject } from '../../src/core/project/project.js';
import { startLane } from '../../src/core/lanes/start.js';
import { storePlan } from '../../src/core/plan/tasks.js';
import { lanes } from '../helpers/cli.js';
import { connect } from '../helpers/mcp.js';
import { makeRepo, type TestRepo } from '../helpers/repo.js';

describe('hints that name an action', () => {
  let r: TestRepo;
  beforeAll(async () => {
    r = makeRepo({ files: { 'README.md': '# demo\n', '.lanes/config.json': JSON.stringify({ gates: [] }) } });
    const l = await openProject(r.dir);
    await storePlan(
      l.store,
      [
        { id: 'api', title: 'API' },
        { id: 'web', title: 'Web' },
      ],
      { parallelism: 2 },
    );
    await startLane(l, { task_id: 'api', owner: 'agent-api' });
    await startLane(l, { task_id: 'web', owner: 'agent-web' });
    fs.writeFileSync(path.join(r.dir, '.claude', 'worktrees', 'api', 'wip.ts'), 'export {};\n');
    const web = path.join(r.dir, '.claude', 'worktrees', 'web');
    fs.writeFileSync(path.join(web, 'web.ts'), 'export {};\n');
    r.git('-C', web, 'add', '-A');
    r.git('-C', web, 'commit', '-q', '-m', 'web');
  }, 60_000);
  afterAll(() => r?.cleanup());

  it('the CLI prints its own commands, never a tool name or "ask a human"', async () => {
    // As the lane's own owner: the refusal is about the work it holds, not about who asks.
    const rm = await lanes(r.dir, ['remove', 'api'], { env: { LANES_OWNER: 'agent-api' } });
    expect(rm.code).toBe(4);
    expect(rm.stderr).toContain('commit and land the work (`lanes merge queue api`)');
    expect(rm.stderr).toContain('Or run `lanes remove --force api`, which keeps a backup ref');
    const q = await lanes(r.dir, ['merge', 'queue', 'web']);
    expect(q.code).toBe(0);
    expect(q.stdout).toContain('Run `lanes merge run` to land it.');
    const unknown = await lanes(r.dir, ['start', 'nope']);
    expect(unknown.stderr).toContain('`lanes task add <id> <title>`');
    for (const out of [rm.stderr, q.stdout, unknown.stderr]) {
      expect(out).not.toMatch(/queue_merge|process_merge_queue|add_task|ask a human|\u27e6/);
    }
  }, 60_000);

  it('the MCP answer names the tools, and asks a human to force', async () => {
    const c = await connect(r.dir);
    try {
      const rm = await c.call('remove_lane', { task_id: 'api', owner: 'agent-api' });
      expect(rm.isError).toBe(true);
      expect(rm.text).toContain('commit and land the work (queue_merge { task_id: "api" })');
      expect(rm.text).toContain('Or ask a human to run `lanes remove --force api`, which keeps a backup ref');
      const q = await c.call('queue_merge', { task_id: 'web' });
      expect(q.isError).toBeFalsy();
      expect(q.text).toContain('Run process_merge_queue to land it.');
      const unknown = await c.call('start_lane', { task_id: 'nope', owner: 'agent-x' });
      expect(unknown.text).toContain('Add it with add_task if it is new.');
      for (const out of [rm.text, q.text, unknown.text, JSON.stringify(q.data)])
        expect(out).not.toMatch(/lanes merge run|lanes task add|\u27e6/);
    } finally {
      await c.close();
    }
  }, 60_000);
});
