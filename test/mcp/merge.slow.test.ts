/** The merge tools through the real server (createServer) and an in-process MCP client (the SDK's in-memory transport). */
import { afterEach, describe, expect, it } from 'vitest';
import type { ToolDef } from '../../src/mcp/tool.js';
import { connect } from '../helpers/mcp.js';
import { cancelMergeTool } from '../../src/mcp/tools/cancel-merge.js';
import { mergeStatusTool } from '../../src/mcp/tools/merge-status.js';
import { processMergeQueueTool } from '../../src/mcp/tools/process-merge-queue.js';
import { queueMergeTool } from '../../src/mcp/tools/queue-merge.js';
import { mergeRepo } from '../core/merge/helpers.js';

const MERGE_TOOLS = [queueMergeTool, mergeStatusTool, processMergeQueueTool, cancelMergeTool] as unknown as ToolDef[];

let closeIt: (() => Promise<void>) | undefined;
afterEach(async () => {
  await closeIt?.();
  closeIt = undefined;
});

describe('merge tools over MCP', () => {
  it('queue_merge -> merge_status -> process_merge_queue -> merge_status; cancel_merge; expected failures are isError with the fix', async () => {
    const r = await mergeRepo();
    await r.lane('t1', { 'src/t1.ts': 'export const t1 = 1;\n' });
    await r.lane('t2', { 'src/t2.ts': 'export const t2 = 2;\n' });
    const c = await connect(r.dir);
    closeIt = c.close;

    const { tools: listed } = await c.client.listTools();
    const tools = listed.filter((t) => MERGE_TOOLS.some((d) => d.name === t.name));
    expect(tools.map((t) => t.name).sort()).toEqual(['cancel_merge', 'merge_status', 'process_merge_queue', 'queue_merge']);
    for (const t of tools) {
      expect(t.description!.length).toBeLessThan(2048);
      expect(t.outputSchema?.type).toBe('object');
    }
    expect(tools.find((t) => t.name === 'merge_status')!.annotations?.readOnlyHint).toBe(true);
    expect(tools.find((t) => t.name === 'queue_merge')!.annotations?.idempotentHint).toBe(true);

    const q = await c.call('queue_merge', { task_id: 't1' });
    expect(q.isError, q.text).toBeFalsy();
    expect(q.data).toMatchObject({
      already_queued: false,
      position: 1,
      conflicts: [],
      entry: { task: 't1', state: 'queued', strategy: 'merge' },
    });
    expect(q.text).toMatch(/Queued t1/);
    await c.call('queue_merge', { task_id: 't2', strategy: 'squash' });
    const again = await c.call('queue_merge', { task_id: 't1' });
    expect(again.data.already_queued).toBe(true);

    const st = await c.call('merge_status');
    expect(st.isError, st.text).toBeFalsy();
    expect(st.data.queue.map((e: any) => [e.task, e.position, e.state])).toEqual([
      ['t1', 1, 'queued'],
      ['t2', 2, 'queued'],
    ]);
    expect(st.data.processor.running).toBe(false);

    const cancel = await c.call('cancel_merge', { task_id: 't2' });
    expect(cancel.data).toMatchObject({ cancelled: true, pending: false });
    const none = await c.call('cancel_merge', { task_id: 't2' });
    expect(none.isError).toBe(true);
    expect(none.text).toMatch(/NOT_FOUND: Task t2 has nothing in the merge queue \(its last entry m2 is cancelled\)/);

    const p = await c.call('process_merge_queue');
    expect(p.isError, p.text).toBeFalsy();
    expect(p.data.landed.map((l: any) => l.task)).toEqual(['t1']);
    expect(p.data.gate_runs).toBe(1);
    expect(p.text).toMatch(/Landed t1 on main as [0-9a-f]{12}/);

    const after = await c.call('merge_status', { task_id: 't1' });
    expect(after.data.queue).toEqual([]);
    expect(after.data.recent[0]).toMatchObject({ task: 't1', state: 'landed' });

    const bad = await c.call('queue_merge', { task_id: 't3' });
    expect(bad.isError).toBe(true);
    expect(bad.text).toMatch(/no lane/);
    expect(bad.text).toMatch(/start_lane/);
    const invalid = await c.call('queue_merge', { task_id: 'Not A Slug' });
    expect(invalid.isError).toBe(true);
  });
});
