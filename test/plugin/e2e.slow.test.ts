/**
 * End to end with the real client: the pinned `claude` binary runs whole sessions against a
 * scripted stand-in for the Messages API (test/helpers/fake-anthropic.ts), with this plugin's
 * hooks and MCP server doing the real work in a throwaway repository.
 *
 * MCP tools are deferred in 2.1.330: the model must call ToolSearch `select:<names>` before it can
 * call them, so every script starts with that.
 */
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { contentText, lastUserText, startFakeAnthropic, toolResults, type FakeAnthropic, type MessagesRequest, type Step } from '../helpers/fake-anthropic.js';
import { tools } from '../../src/mcp/tools/index.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/repo.js';
import { claude, claudeHome, events, pluginDir, readTrace } from './helpers.js';

const P = 'mcp__plugin_lanes_lanes__';
const select = (...names: string[]): Step => ({ tools: [{ name: 'ToolSearch', input: { query: `select:${names.map((n) => P + n).join(',')}`, max_results: 20 } }] });
const mcp = (name: string, input: Record<string, unknown> = {}) => ({ name: P + name, input });
const bash = (command: string) => ({ name: 'Bash', input: { command, description: command.slice(0, 40) } });
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

let fake: FakeAnthropic | undefined;
let repo: TestRepo | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
  repo?.cleanup();
  repo = undefined;
});

async function run(prompt: string, cwd: string, trace: string, extraArgs: string[] = []) {
  const { env } = claudeHome({
    ANTHROPIC_BASE_URL: fake!.url,
    ANTHROPIC_API_KEY: 'sk-ant-api03-lanes-e2e-test-key-000000000000',
    LANES_HOOK_TRACE: trace,
  });
  const r = await claude(
    ['-p', prompt, '--plugin-dir', pluginDir(), '--output-format', 'stream-json', '--verbose', '--include-hook-events', '--allowedTools', 'mcp__plugin_lanes_lanes', 'Write', 'Edit', 'Bash', ...extraArgs],
    { env, cwd, timeoutMs: 90_000 },
  );
  return { ...r, events: events(r.stdout) };
}

describe('real client, scripted model', () => {
  // The scenarios land work through the merge queue: a missing tool fails here, by name.
  it('has the tools the scenarios call registered in the server', () => {
    const registered = new Set(tools.map((t) => t.name));
    expect(['start_task', 'queue_merge', 'process_merge_queue'].filter((n) => !registered.has(n))).toEqual([]);
  });

  it('plans, starts a task, is held to its lane, cannot stop dirty, commits, and lands the merge', async () => {
    repo = makeRepo({ files: { 'README.md': '# demo\n', 'src/a/a.ts': 'export const a = 1;\n', 'src/b/b.ts': 'export const b = 1;\n' } });
    const laneA = path.join(repo.dir, '.claude', 'worktrees', 'a');
    const trace = path.join(tempDir(), 'trace.jsonl');
    fake = await startFakeAnthropic({
      main: [
        select('plan_work', 'start_lane', 'start_session', 'log_session', 'end_session', 'queue_merge', 'process_merge_queue'),
        {
          tools: [
            mcp('plan_work', {
              tasks: [
                { id: 'a', title: 'Feature A', description: 'Add the A feature.', files: ['src/a/**'] },
                { id: 'b', title: 'Feature B', description: 'Add the B feature.', files: ['src/b/**'] },
              ],
            }),
          ],
        },
        { tools: [mcp('start_lane', { task_id: 'a' }), mcp('start_lane', { task_id: 'b' })] },
        { tools: [bash(`cd ${laneA} && pwd`)] },
        { tools: [mcp('start_session', { topic: 'Feature A', type: 'feature', task_id: 'a' })] },
        { tools: [{ name: 'Write', input: { file_path: path.join(laneA, 'src/a/feature.ts'), content: 'export const feature = true;\n' } }] },
        { tools: [{ name: 'Write', input: { file_path: path.join(laneA, 'src/b/b.ts'), content: 'export const b = 2;\n' } }] },
        { tools: [mcp('log_session', { kind: 'progress', text: 'Added src/a/feature.ts.' })] },
        { tools: [mcp('log_session', { kind: 'next_step', text: 'Nothing left for A.' })] },
        { text: 'Feature A is written.' },
        { tools: [bash('git add -A && git commit -q -m "a: add feature" && git log --oneline -1')] },
        { tools: [mcp('end_session', { status: 'completed', summary: 'Added the A feature.' })] },
        { tools: [mcp('queue_merge', { task_id: 'a' })] },
        { tools: [mcp('process_merge_queue', {})] },
        { tools: [bash(`cd ${repo.dir} && pwd`)] },
        { text: 'Task a has landed on main.' },
      ],
    });
    const r = await run('Plan the work, do task a in its lane, and land it.', repo.dir, trace);
    if (process.env.LANES_E2E_DEBUG) for (const q of fake.requests) console.log(q.route, q.turn, lastUserText(q.request).slice(0, 600));
    expect(fake.problems).toEqual([]);
    const result = r.events.find((e) => e.type === 'result');
    expect(result?.subtype, r.stderr.slice(-2000)).toBe('success');

    // The tools ran: the lanes were made where start_lane said.
    const started = fake.requests.find((q) => q.turn === 3)!;
    const laneResults = toolResults(started.request).map((t) => t.text).join('\n');
    expect(laneResults).toContain(laneA);

    // PreToolUse: the lane's own file was written (it landed, below), the file task b holds was refused.
    const afterBlock = fake.requests.find((q) => q.turn === 7)!;
    const blocked = toolResults(afterBlock.request)[0]!;
    expect(blocked.isError).toBe(true);
    expect(blocked.text).toContain('src/b/b.ts is held exclusively by task b');
    expect(git(repo.dir, 'show', 'main:src/b/b.ts')).toBe('export const b = 1;');

    // Stop: refused while src/a/feature.ts was uncommitted; the reason came back as a new turn.
    const afterStop = fake.requests.find((q) => q.turn === 10)!;
    const feedback = lastUserText(afterStop.request);
    expect(feedback).toContain('task a is not ready to stop');
    expect(feedback).toContain('src/a/feature.ts');

    // Landed: the work and the session note are on main.
    expect(git(repo.dir, 'show', 'main:src/a/feature.ts')).toContain('feature');
    const notes = git(repo.dir, 'ls-tree', '-r', '--name-only', 'main', '--', '.lanes/sessions').split('\n').filter(Boolean);
    expect(notes).toHaveLength(1);
    const note = git(repo.dir, 'show', `main:${notes[0]}`);
    expect(note).toContain('status: completed');
    expect(note).toContain('Added src/a/feature.ts.');
    expect(note).toContain('src/a/feature.ts');

    // The hooks fired, as the client reports them and as they traced themselves.
    const hookEvents = r.events.filter((e) => e.type === 'system' && e.subtype === 'hook_response');
    expect(hookEvents.some((e) => e.hook_event === 'PreToolUse' && e.exit_code === 2)).toBe(true);
    expect(hookEvents.some((e) => e.hook_event === 'Stop' && String(e.stdout ?? e.output).includes('"decision":"block"'))).toBe(true);
    const traced = readTrace(trace).map((t) => `${t.event}:${t.outcome}`);
    expect(traced).toEqual(expect.arrayContaining(['SessionStart:no-state', 'PreToolUse:allow', 'PreToolUse:block', 'Stop:block', 'Stop:not-in-lane']));
    expect(traced.some((t) => t.startsWith('SessionEnd:'))).toBe(true);
  });

  it('runs /parallel on a small tasks file: plan, lanes, one lane worker per task, merges landed', async () => {
    repo = makeRepo({ files: { 'README.md': '# demo\n', 'src/a/a.ts': 'export const a = 1;\n', 'src/b/b.ts': 'export const b = 1;\n' } });
    repo.write(
      'tasks.yaml',
      ['tasks:', '  - id: a', '    title: Feature A', '    files: [src/a/**]', '  - id: b', '    title: Feature B', '    files: [src/b/**]', ''].join('\n'),
    );
    repo.commitAll('tasks');
    const lane = (t: string) => path.join(repo!.dir, '.claude', 'worktrees', t);
    const trace = path.join(tempDir(), 'trace.jsonl');
    // Several workers share one Lanes server (and one session key): each passes its own session id.
    const sessionId = (req: MessagesRequest) => {
      for (const m of req.messages) {
        if (!Array.isArray(m.content)) continue;
        for (const b of m.content as Array<{ type?: string; content?: unknown }>) {
          if (b?.type !== 'tool_result') continue;
          try {
            const o = JSON.parse(contentText(b.content));
            if (o?.note_path && o.session_id) return String(o.session_id);
          } catch {
            // not the start_session result
          }
        }
      }
      throw new Error('no session id in the start_session result');
    };
    const worker = (t: string): Array<Step | ((req: MessagesRequest) => Step)> => [
      select('start_session', 'log_session', 'end_session', 'queue_merge'),
      { tools: [mcp('start_session', { topic: `Feature ${t.toUpperCase()}`, type: 'feature', task_id: t })] },
      { tools: [{ name: 'Write', input: { file_path: path.join(lane(t), `src/${t}/feature.ts`), content: `export const ${t}Feature = true;\n` } }] },
      { tools: [bash(`cd ${lane(t)} && git add -A && git commit -q -m "${t}: feature"`)] },
      (req) => ({
        tools: [
          mcp('log_session', { kind: 'progress', text: `Added src/${t}/feature.ts.`, session_id: sessionId(req) }),
          mcp('log_session', { kind: 'next_step', text: 'None.', session_id: sessionId(req) }),
        ],
      }),
      (req) => ({ tools: [mcp('end_session', { status: 'completed', summary: `Feature ${t} done.`, session_id: sessionId(req) })] }),
      { tools: [mcp('queue_merge', { task_id: t })] },
      { text: `Task ${t}: committed, session ended, queued.` },
    ];
    fake = await startFakeAnthropic({
      main: [
        select('plan_work', 'next_tasks', 'start_lane', 'queue_merge', 'process_merge_queue', 'merge_status', 'status'),
        { tools: [mcp('plan_work', { source: 'tasks.yaml' })] },
        { tools: [mcp('next_tasks')] },
        { tools: [mcp('start_lane', { task_id: 'a' }), mcp('start_lane', { task_id: 'b' })] },
        {
          tools: ['a', 'b'].map((t) => ({
            name: 'Agent',
            input: {
              description: `Lane worker ${t}`,
              subagent_type: 'lanes:lane-worker',
              run_in_background: false,
              prompt: `Lanes task: ${t}\nLane: ${lane(t)}\nFeature ${t.toUpperCase()}: add src/${t}/feature.ts.`,
            },
          })),
        },
        { tools: [mcp('process_merge_queue', {})] },
        { tools: [mcp('status', {})] },
        { text: 'Both tasks landed.' },
      ],
      conversations: [
        { match: 'Lanes task: a', steps: worker('a') },
        { match: 'Lanes task: b', steps: worker('b') },
      ],
    });
    const r = await run('/parallel tasks.yaml', repo.dir, trace);
    if (process.env.LANES_E2E_DEBUG) for (const q of fake.requests) console.log(q.route, q.turn, lastUserText(q.request).slice(0, 400));
    expect(fake.problems).toEqual([]);
    expect(r.events.find((e) => e.type === 'result')?.subtype, r.stderr.slice(-2000)).toBe('success');
    // The skill was loaded for the prompt.
    const first = fake.requests.find((q) => q.route === 'main' && q.turn === 0)!;
    expect(JSON.stringify(first.request.messages)).toContain('Dispatch one worker per started task');
    // Both workers ran as the plugin's lane-worker agent.
    expect(fake.requests.filter((q) => q.route === 'Lanes task: a').length).toBeGreaterThanOrEqual(8);
    expect(fake.requests.filter((q) => q.route === 'Lanes task: b').length).toBeGreaterThanOrEqual(8);
    const sys = JSON.stringify(fake.requests.find((q) => q.route === 'Lanes task: a')!.request.system);
    expect(sys).toContain('You are a lane worker');
    // Both landed, each with its session note.
    expect(git(repo.dir, 'show', 'main:src/a/feature.ts')).toContain('aFeature');
    expect(git(repo.dir, 'show', 'main:src/b/feature.ts')).toContain('bFeature');
    const notes = git(repo.dir, 'ls-tree', '-r', '--name-only', 'main', '--', '.lanes/sessions').split('\n').filter(Boolean);
    expect(notes).toHaveLength(2);
    // The subagents' edits went through the PreToolUse hook as lane edits.
    const traced = readTrace(trace);
    expect(traced.filter((t) => t.event === 'PreToolUse' && t.outcome === 'allow' && (t.lane === 'a' || t.lane === 'b'))).toHaveLength(2);
    expect(traced.filter((t) => t.event === 'SubagentStop').length).toBe(2);
  });

  it('makes `claude --worktree` a lane: SessionStart context, a Stop nudge once, SessionEnd commits the note', async () => {
    repo = makeRepo({ files: { 'README.md': '# demo\n', 'src/a/a.ts': 'export const a = 1;\n' } });
    const { openProject } = await import('../../src/core/project/project.js');
    const { storePlan } = await import('../../src/core/plan/tasks.js');
    const project = await openProject(repo.dir);
    await storePlan(project.store, [{ id: 'feat-x', title: 'Feature X', description: 'Make X.', files: ['src/x/**'] }], { parallelism: 1 });
    const wt = path.join(repo.dir, '.claude', 'worktrees', 'feat-x');
    const trace = path.join(tempDir(), 'trace.jsonl');
    fake = await startFakeAnthropic({
      main: [
        { tools: [bash('pwd && git branch --show-current')] },
        { text: 'Looked around.' },
        { text: 'Stopping anyway.' },
      ],
    });
    const r = await run('Look around.', repo.dir, trace, ['--worktree', 'feat-x']);
    expect(fake.problems).toEqual([]);
    expect(r.events.find((e) => e.type === 'result')?.subtype, r.stderr.slice(-2000)).toBe('success');
    // WorktreeCreate made the planned task's lane, and the session ran in it.
    expect(toolResults(fake.requests[1]!.request)[0]!.text).toBe(`${wt}\nlanes/feat-x`);
    // SessionStart told the model where it is.
    expect(JSON.stringify(fake.requests[0]!.request.messages)).toContain('you are in the lane of task `feat-x` — Feature X');
    // Stop nudged once (nothing logged yet), then let it stop.
    expect(lastUserText(fake.requests[2]!.request)).toContain('"Progress log" is empty');
    const traced = readTrace(trace).map((t) => `${t.event}:${t.outcome}`);
    expect(traced).toEqual(expect.arrayContaining(['WorktreeCreate:lane', 'SessionStart:lane', 'Stop:block', 'Stop:allow-after-block']));
    // SessionEnd completed the session note and committed it on the lane's branch (on a loaded
    // machine possibly through its detached finisher, after the client exited: wait for it).
    for (let i = 0; i < 100 && !readTrace(trace).some((t) => t.event === 'SessionEnd' && String(t.outcome).startsWith('finished')); i++) {
      await new Promise((res) => setTimeout(res, 100));
    }
    expect(readTrace(trace).some((t) => t.event === 'SessionEnd' && String(t.outcome).startsWith('finished'))).toBe(true);
    const files = git(wt, 'show', '--name-only', '--format=', 'HEAD');
    expect(files).toMatch(/^\.lanes\/sessions\/.*\.md$/);
    expect(git(wt, 'show', `HEAD:${files}`)).toMatch(/status: (abandoned|partial)/);
    expect(git(wt, 'status', '--porcelain')).toBe('');
  });
});
