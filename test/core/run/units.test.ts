/** The pure parts of `lanes run`: argv templates, prompt, activity lines, verdicts, scripted edits, report. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdit, editsFor, parseEdits } from '../../../src/agent/scripted.js';
import { activityOf } from '../../../src/core/run/activity.js';
import { claudeAgent, expandArgv, findPluginRoot, parseAgentCommand } from '../../../src/core/run/agent.js';
import { verdict } from '../../../src/core/run/finish.js';
import type { RunRecord } from '../../../src/core/run/model.js';
import { lanePrompt } from '../../../src/core/run/prompt.js';
import { buildReport, unionMs } from '../../../src/core/run/report.js';
import { buildPlan } from '../../../src/core/plan/plan.js';
import type { StoredPlan } from '../../../src/core/plan/tasks.js';
import { tempDir } from '../../helpers/repo.js';

describe('agent argv templates', () => {
  it('expands every placeholder once, never text inserted for another', () => {
    const argv = expandArgv(['run', '--id={task_id}', '{prompt}', '{worktree}/x'], {
      task_id: 'api',
      title: 't',
      description: 'd',
      worktree: '/lanes/api',
      prompt: 'fix {task_id} literally',
    });
    expect(argv).toEqual(['run', '--id=api', 'fix {task_id} literally', '/lanes/api/x']);
  });

  it('parses --agent-command as a JSON argv and names bad input', () => {
    expect(parseAgentCommand('["my-agent", "{prompt}"]')).toEqual(['my-agent', '{prompt}']);
    expect(() => parseAgentCommand('my-agent --go')).toThrow(/not JSON/);
    expect(() => parseAgentCommand('"my-agent"')).toThrow(/JSON array of strings/);
    expect(() => parseAgentCommand('[]')).toThrow(/non-empty/);
    expect(() => parseAgentCommand('["a", "{taskid}"]')).toThrow(/unknown placeholder \{taskid\}/);
  });

  it('runs claude in print mode with the plugin, its MCP tools and stream-json', () => {
    const a = claudeAgent('/opt/lanes', '/usr/bin/claude');
    expect(a.argv.slice(0, 5)).toEqual(['/usr/bin/claude', '-p', '{prompt}', '--plugin-dir', '/opt/lanes']);
    expect(a.argv).toContain('--verbose');
    expect(a.argv[a.argv.indexOf('--output-format') + 1]).toBe('stream-json');
    expect(a.argv[a.argv.indexOf('--allowedTools') + 1]).toMatch(/^mcp__plugin_lanes_lanes(,|$)/);
  });

  it('finds the plugin root above dist/', () => {
    const root = path.resolve(import.meta.dirname, '../../../plugin');
    expect(findPluginRoot(path.join(root, 'dist', 'lanes.mjs'))).toBe(fs.realpathSync(root));
  });
});

describe('the lane worker prompt', () => {
  const task = { id: 'api', title: 'Build the API', description: 'Do it well.', files: ['src/api/**'], depends_on: ['db'] };
  it('starts with the lines the hooks read, and quotes the plan', () => {
    const p = lanePrompt({ task, lane: '/r/.claude/worktrees/api', branch: 'lanes/api', target: 'main', attempt: 1 });
    expect(p.split('\n').slice(0, 2)).toEqual(['Lanes task: api', 'Lane: /r/.claude/worktrees/api']);
    expect(p).toContain('> Do it well.');
    expect(p).toContain('src/api/**');
    expect(p).not.toContain('attempt');
  });
  it('tells a retry what went wrong last time, as quoted data', () => {
    const p = lanePrompt({ task, lane: '/l', branch: 'lanes/api', target: 'main', attempt: 2, previous: 'gate test failed\nexpected 1' });
    expect(p).toContain('This is attempt 2');
    expect(p).toContain('> gate test failed\n> expected 1');
  });
});

describe('activity lines', () => {
  it('summarises stream-json events and passes plain lines through', () => {
    const tool = { type: 'assistant', message: { content: [{ type: 'tool_use', name: 'Edit', input: { file_path: 'src/a.ts' } }] } };
    expect(activityOf(JSON.stringify(tool))).toBe('Edit src/a.ts');
    const mcp = {
      type: 'assistant',
      message: { content: [{ type: 'tool_use', name: 'mcp__plugin_lanes_lanes__start_session', input: { task_id: 'api' } }] },
    };
    expect(activityOf(JSON.stringify(mcp))).toBe('lanes.start_session api');
    expect(
      activityOf(JSON.stringify({ type: 'assistant', message: { content: [{ type: 'text', text: 'Looking at the code.\nmore' }] } })),
    ).toBe('Looking at the code.');
    expect(activityOf(JSON.stringify({ type: 'result', subtype: 'success' }))).toBe('done: success');
    expect(activityOf(JSON.stringify({ type: 'user', message: {} }))).toBeUndefined();
    expect(activityOf('editing src/a.js')).toBe('editing src/a.js');
    expect(activityOf('   ')).toBeUndefined();
    expect(activityOf('x'.repeat(500))!.length).toBeLessThanOrEqual(160);
  });
});

describe('finish verdicts', () => {
  const clean = { ahead: 1, dirty: [] };
  it('finished only with exit 0, commits and a clean tree', () => {
    expect(verdict({ exitCode: 0, signal: null }, clean).outcome).toBe('finished');
    expect(verdict({ exitCode: 2, signal: null }, clean)).toMatchObject({ outcome: 'failed', reason: expect.stringMatching(/code 2/) });
    expect(verdict({ exitCode: null, signal: 'SIGKILL' }, clean).outcome).toBe('failed');
    expect(verdict({ exitCode: null, signal: null, error: 'spawn x ENOENT' }, clean).reason).toMatch(/could not be started/);
    expect(verdict({ exitCode: 0, signal: null }, { ahead: 0, dirty: [] }).outcome).toBe('no-commit');
    expect(verdict({ exitCode: 0, signal: null }, { ahead: 3, dirty: ['?? x'] })).toMatchObject({
      outcome: 'dirty',
      reason: expect.stringContaining('?? x'),
    });
    expect(verdict({ exitCode: 0, signal: null }, { ahead: 3, dirty: [], operation: 'a merge' }).outcome).toBe('dirty');
  });
});

describe('the scripted agent edits', () => {
  it('reads file and append blocks from the description', () => {
    const d = 'Intro.\n\n```file src/a.js\nexport const a = 1;\n```\n\n  ```append src/r.js\n  x();\n  ```\n';
    expect(parseEdits(d)).toEqual([
      { kind: 'file', path: 'src/a.js', content: 'export const a = 1;\n' },
      { kind: 'append', path: 'src/r.js', content: '  x();\n' },
    ]);
  });
  it('falls back to one line in the scope', () => {
    expect(editsFor({ id: 'a', title: 'A', files: ['src/**', 'src/x.ts'] })).toEqual([
      { kind: 'append', path: 'src/x.ts', content: '// a: A\n' },
    ]);
    expect(editsFor({ id: 'a', title: 'A', files: ['src/api/**'] })).toEqual([{ kind: 'file', path: 'src/api/a.txt', content: 'a: A\n' }]);
    expect(editsFor({ id: 'a', title: 'A', files: [] })).toEqual([{ kind: 'file', path: 'scripted/a.txt', content: 'a: A\n' }]);
  });
  it('never writes outside the lane', () => {
    const dir = tempDir();
    fs.symlinkSync(tempDir(), path.join(dir, 'out'));
    expect(() => applyEdit(dir, { kind: 'file', path: '../x', content: '' })).toThrow(/inside the repository/);
    expect(() => applyEdit(dir, { kind: 'file', path: '/etc/x', content: '' })).toThrow(/relative/);
    expect(() => applyEdit(dir, { kind: 'file', path: 'out/x', content: '' })).toThrow(/outside the lane/);
    applyEdit(dir, { kind: 'append', path: 'a/b.txt', content: 'one' });
    applyEdit(dir, { kind: 'append', path: 'a/b.txt', content: 'two\n' });
    expect(fs.readFileSync(path.join(dir, 'a/b.txt'), 'utf8')).toBe('one\ntwo\n');
  });
});

describe('the report', () => {
  it('bounds the makespan by the critical path, the lane work per slot and the merge queue', () => {
    const plan = {
      ...buildPlan(
        [
          { id: 'a', title: 'a' },
          { id: 'b', title: 'b', depends_on: ['a'] },
          { id: 'c', title: 'c' },
        ],
        { parallelism: 2 },
      ),
      created_at: '',
      updated_at: '',
    } as StoredPlan;
    const t0 = Date.parse('2026-01-01T00:00:00Z');
    const task = (id: string, agent: number, merge: number) => ({
      id,
      state: 'landed' as const,
      start_ms: 100,
      attempts: [{ n: 1, started_at: '', ms: agent, outcome: 'finished' as const }],
      merge: { result: 'landed' as const, landed_as: `${id}0000000000000`, ms: merge },
    });
    const run: RunRecord = {
      id: 'r',
      owner: 'run:r',
      status: 'finished',
      created_at: '',
      updated_at: '',
      parallelism: 2,
      agent: { name: 'scripted', argv: [] },
      retries: 3,
      segments: [{ pid: 1, host: 'h', started_at: new Date(t0).toISOString(), ended_at: new Date(t0 + 5000).toISOString() }],
      tasks: { a: task('a', 1900, 500), b: task('b', 1900, 500), c: task('c', 900, 500) },
    };
    const r = buildReport(run, plan, {}, { target: 'main' });
    expect(r.critical_path).toEqual(['a', 'b']);
    expect(r.critical_path_ms).toBe(5000);
    expect(r.sum_task_ms).toBe(2500 + 2500 + 1500);
    expect(r.lane_work_ms).toBe(5000);
    expect(r.merge_work_ms).toBe(1500);
    expect(r.lower_bound_ms).toBe(5000);
    expect(r.makespan_ratio).toBe(1);
    expect(r.speedup).toBe(1.3);
    expect(r.counts).toEqual({ landed: 3, blocked: 0, not_run: 0, done_before: 0, total: 3 });
    expect(r.tasks[0]!.merge).toMatch(/^landed as a0000000000/);

    // Entries landed in one batch share their span: the queue's work is the union, not the sum.
    const at = (ms: number) => new Date(t0 + ms).toISOString();
    const batched = structuredClone(run);
    batched.tasks.a!.merge!.spans = [[at(1000), at(1800)]];
    batched.tasks.b!.merge!.spans = [[at(1000), at(1800)]];
    batched.tasks.c!.merge!.spans = [
      [at(1500), at(2000)],
      [at(3000), at(3100)],
    ];
    expect(buildReport(batched, plan, {}, { target: 'main' }).merge_work_ms).toBe(1100);
    expect(unionMs([])).toBe(0);
    expect(
      unionMs([
        [at(0), at(10)],
        [at(2), at(5)],
        ['bad', at(1)],
      ]),
    ).toBe(10);
  });
});
