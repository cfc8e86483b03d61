/**
 * "Main moved under you", end to end with the real client: a session working in lane a, while task
 * b lands and makes lane a conflict with main, is told on its next edit (the scripted model's next
 * request carries the notice), and only once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { lastUserText, startFakeAnthropic, type FakeAnthropic } from '../helpers/fake-anthropic.js';
import { openProject } from '../../src/core/project/project.js';
import { startLane } from '../../src/core/lanes/start.js';
import { storePlan } from '../../src/core/plan/tasks.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/repo.js';
import { claude, claudeHome, events, pluginDir, readTrace } from './helpers.js';

const NOTICE = 'main moved under task a';
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
const bash = (command: string) => ({ name: 'Bash', input: { command, description: command.slice(0, 40) } });
const count = (hay: string, needle: string) => hay.split(needle).length - 1;

let fake: FakeAnthropic | undefined;
let repo: TestRepo | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
  repo?.cleanup();
  repo = undefined;
});

describe('real client: main moved under a running agent', () => {
  it('tells the agent in the lane mid-task, once', async () => {
    repo = makeRepo({ files: { 'README.md': '# r\n', 'src/a/a.ts': 'export const a = 1;\n', 'src/b/b.ts': 'export const b = 1;\n' } });
    const project = await openProject(repo.dir);
    await storePlan(
      project.store,
      [
        { id: 'a', title: 'Task A', description: 'Do A in src/a.', files: ['src/a/**'] },
        { id: 'b', title: 'Task B', description: 'Do B in src/b.', files: ['src/b/**'] },
      ],
      { parallelism: 2 },
    );
    const laneA = (await startLane(project, { task_id: 'a', owner: 'test:a' })).path;
    const laneB = (await startLane(project, { task_id: 'b', owner: 'test:b' })).path;
    // Both lanes change README.md (in neither scope): once b lands, a conflicts with main.
    for (const [dir, who] of [[laneA, 'a'], [laneB, 'b']] as const) {
      fs.writeFileSync(path.join(dir, 'README.md'), `# r\nfrom ${who}\n`);
      git(dir, 'commit', '-qam', `${who}: readme`);
    }
    const cli = `node ${path.join(pluginDir(), 'dist', 'lanes.mjs')}`;
    const trace = path.join(tempDir(), 'trace.jsonl');
    fake = await startFakeAnthropic({
      main: [
        // Mid-task, another lane lands (here from this session's shell, as an orchestrator would elsewhere).
        { tools: [bash(`${cli} merge queue b --json >/dev/null && ${cli} merge run --json >/dev/null && git -C ${repo.dir} log --oneline -1`)] },
        { tools: [{ name: 'Write', input: { file_path: path.join(laneA, 'src/a/one.ts'), content: 'export const one = 1;\n' } }] },
        { tools: [{ name: 'Write', input: { file_path: path.join(laneA, 'src/a/two.ts'), content: 'export const two = 2;\n' } }] },
        { tools: [bash(`cd ${laneA} && git add -A && git commit -qm "a: one and two" && git log --oneline -1`)] },
        { text: 'Task a: committed.' },
        // The Stop hook asks for the session note's sections once; the second stop goes through.
        { text: 'Stopping here; the note is for the next session.' },
      ],
    });
    const { env } = claudeHome({ ANTHROPIC_BASE_URL: fake.url, ANTHROPIC_API_KEY: 'sk-ant-api03-lanes-e2e-test-key-000000000000', LANES_HOOK_TRACE: trace });
    const r = await claude(
      ['-p', 'Work on task a.', '--plugin-dir', pluginDir(), '--output-format', 'stream-json', '--verbose', '--include-hook-events', '--allowedTools', 'mcp__plugin_lanes_lanes', 'Write', 'Edit', 'Bash'],
      { env, cwd: laneA, timeoutMs: 90_000 },
    );
    if (process.env.LANES_E2E_DEBUG) for (const q of fake.requests) console.log(q.route, q.turn, lastUserText(q.request).slice(0, 800));
    expect(fake.problems).toEqual([]);
    expect(events(r.stdout).find((e) => e.type === 'result')?.subtype, r.stderr.slice(-2000)).toBe('success');
    expect(git(repo.dir, 'show', 'main:README.md')).toContain('from b');

    const sent = (turn: number) => JSON.stringify(fake!.requests.find((q) => q.route === 'main' && q.turn === turn)?.request.messages ?? []);
    // Before b landed nothing was said; the first edit after it carried the notice to the model.
    expect(count(sent(1), NOTICE)).toBe(0);
    expect(count(sent(2), NOTICE)).toBe(1);
    const told = sent(2);
    expect(told).toContain('b landed on main');
    expect(told).toContain('README.md');
    expect(told).toContain('merge main into the lane');
    // The second edit did not repeat it: the conversation holds it once to the end.
    expect(count(sent(3), NOTICE)).toBe(1);
    expect(count(sent(4), NOTICE)).toBe(1);
    const pre = readTrace(trace).filter((t) => t.event === 'PreToolUse').map((t) => t.outcome);
    expect(pre).toEqual(['allow+notice', 'allow']);
  });
});
