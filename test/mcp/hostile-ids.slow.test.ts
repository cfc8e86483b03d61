/**
 * Slugs index the state maps, and `constructor` is a valid slug (`toString` and `hasOwnProperty`
 * are valid owner names). A plain object lookup by such a key finds Object.prototype instead of
 * "no record". Every tool, called with each of them wherever it takes a task, session, lane or
 * owner id, must answer as it would for any other id: no protocol error, no TypeError text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lanes } from '../helpers/cli.js';
import { connect, type Connected } from '../helpers/mcp.js';
import { makeRepo, type TestRepo } from '../helpers/repo.js';

const HOSTILE = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];

/** Arguments per tool; a tool missing here fails the test, so a new tool gets covered too. */
function argsFor(tool: string, id: string): Record<string, unknown> | undefined {
  switch (tool) {
    case 'plan_work':
      return {
        tasks: [
          { id, title: 'T', files: [`${id}/**`] },
          { id: 'other', title: 'O', files: ['o/**'] },
        ],
      };
    case 'get_plan':
    case 'next_tasks':
    case 'list_lanes':
    case 'cleanup_lanes':
    case 'list_claims':
    case 'list_worktrees':
    case 'cleanup_worktrees':
    case 'process_merge_queue':
    case 'status':
    case 'check_resources':
      return {};
    case 'add_task':
      return { task_id: id, title: 'T', depends_on: [id] };
    case 'update_task':
      return { task_id: id, status: 'in_progress', owner: id };
    case 'start_lane':
    case 'start_task':
      return { task_id: id, owner: id };
    case 'remove_lane':
    case 'remove_worktree':
    case 'queue_merge':
    case 'cancel_merge':
    case 'merge_status':
      return { task_id: id };
    case 'claim_files':
      return { owner: id, paths: [`${id}/x`], task_id: id };
    case 'release_files':
    case 'lease_port':
      return { owner: id };
    case 'start_session':
      return { topic: 't', type: 'feature', task_id: id, session_key: id };
    case 'log_session':
      return { kind: 'progress', text: 'x', session_id: id, session_key: id };
    case 'end_session':
      return { status: 'completed', summary: 'x', session_id: id, session_key: id };
    case 'list_sessions':
      return { task_id: id };
    case 'get_session':
      return { session_id: id };
    default:
      return undefined;
  }
}

const BUG = /TypeError|Cannot read|is not a function|undefined|\[object |INTERNAL|function /;

describe('prototype-named ids through every MCP tool', () => {
  let repo: TestRepo;
  let c: Connected;
  beforeEach(async () => {
    repo = makeRepo({ files: { 'README.md': '# r\n' } });
    c = await connect(repo.dir);
  });
  afterEach(async () => {
    await c.close();
    repo.cleanup();
  });

  it('finds no record for "constructor" in empty state', async () => {
    for (const tool of ['get_session', 'log_session', 'end_session']) {
      const r = await c.call(tool, argsFor(tool, 'constructor'));
      expect(r.isError, `${tool}: ${r.text}`).toBe(true);
      expect(r.text).toMatch(/^NOT_FOUND: There is no session "constructor"/);
    }
    const rm = await c.call('remove_lane', { task_id: 'constructor' });
    expect(rm.isError, rm.text).toBe(true);
    expect(rm.text).toMatch(/^NOT_FOUND: .*constructor/);
    expect(rm.text).not.toMatch(BUG);
  });

  it('plans, claims, starts and reports a task named "constructor" like any other', async () => {
    expect((await c.call('plan_work', argsFor('plan_work', 'constructor'))).isError).toBeFalsy();
    const plan = await c.call('get_plan');
    expect(plan.isError, plan.text).toBeFalsy();
    expect(plan.data.tasks).toContainEqual(expect.objectContaining({ id: 'constructor', status: 'planned' }));
    const s = await c.call('start_lane', { task_id: 'constructor', owner: 'alice' });
    expect(s.isError, s.text).toBeFalsy();
    const again = await c.call('start_lane', { task_id: 'constructor', owner: 'bob' });
    expect(again.isError).toBe(true);
    expect(again.text).toMatch(/^CONFLICT: Task "constructor" is already started by alice/);
    const u = await c.call('update_task', { task_id: 'constructor', status: 'blocked', note: 'waiting', owner: 'alice' });
    expect(u.isError, u.text).toBeFalsy();
    expect(u.data.task).toMatchObject({ id: 'constructor', status: 'blocked' });
  });

  it('says what is wrong with bad arguments in words, as an isError result', async () => {
    const r = await c.call('plan_work', { tasks: [{ title: 'A' }, { id: 'b', title: 'B', estimate: 'three' }] });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/^INVALID_INPUT: Invalid arguments for plan_work: /);
    expect(r.text).toContain('tasks[0].id is required');
    expect(r.text).toContain('tasks[1].estimate must be a number, got "three"');
    expect(r.text).not.toMatch(/Invalid input|received undefined|tasks\.\d/);
    const slug = await c.call('get_session', { session_id: '__proto__' });
    expect(slug.text).toMatch(
      /^INVALID_INPUT: .*id must be a slug: lowercase letters, digits, hyphens \(e\.g\. "api-auth"\), got "__proto__"/,
    );
    const missing = await c.call('update_task', { status: 'done' });
    expect(missing.text).toMatch(/^INVALID_INPUT: .*id is required \(task id\)/);
    const extra = await c.call('status', { verbose: true });
    expect(extra.text).toMatch(/^INVALID_INPUT: .*unknown field "verbose"/);
  });

  it('escapes control characters of stored text in tool text results', async () => {
    const topic = 'x \x1b]0;owned\x07\x1b[2J\x9b y';
    expect((await c.call('start_session', { topic, type: 'feature', session_key: 'k1' })).isError).toBeFalsy();
    const l = await c.call('list_sessions', {});
    // The rendered text must hold no raw control characters (the pattern matches exactly those).
    // eslint-disable-next-line no-control-regex
    expect(l.text).not.toMatch(/[\x07\x1b\x9b]/);
    expect(l.text).toContain('x \\x1b]0;owned\\x07');
    expect(l.data.sessions[0].topic).toBe(topic); // the data itself is unchanged
  });

  it('answers every tool with every hostile id as data, in empty and in planned state', async () => {
    const { tools } = await c.client.listTools();
    expect(tools.length).toBeGreaterThan(20);
    for (const phase of ['empty', 'planned']) {
      if (phase === 'planned') expect((await c.call('plan_work', argsFor('plan_work', 'constructor'))).isError).toBeFalsy();
      for (const t of tools) {
        for (const id of HOSTILE) {
          const args = argsFor(t.name, id);
          expect(args, `no arguments for tool ${t.name}`).toBeDefined();
          const what = `${phase} ${t.name}(${JSON.stringify(args)})`;
          // A protocol error rejects here and fails the test with its message.
          const r = await c.call(t.name, args);
          expect(r.text, what).not.toMatch(BUG);
          if (r.isError) expect(r.text, what).toMatch(/^(INVALID_INPUT|NOT_FOUND|CONFLICT|UNSAFE): \S/);
          else expect(r.data, what).toBeDefined();
        }
      }
    }
  }, 300_000);
});

describe('lanes start constructor (CLI)', () => {
  it('starts it, and a second start names who holds it', async () => {
    const repo = makeRepo({ files: { 'README.md': '# r\n' } });
    try {
      const tasks = path.join(repo.dir, '..', `${path.basename(repo.dir)}-tasks.json`);
      fs.writeFileSync(tasks, JSON.stringify([{ id: 'constructor', title: 'C', files: ['c/**'] }]));
      expect((await lanes(repo.dir, ['plan', tasks])).code).toBe(0);
      fs.rmSync(tasks);
      const first = await lanes(repo.dir, ['start', 'constructor', '--owner', 'alice']);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toMatch(/Lane ready for constructor/);
      const second = await lanes(repo.dir, ['start', 'constructor']);
      expect(second.code).toBe(3);
      expect(second.stderr).toMatch(/Task "constructor" is already started by alice/);
      expect(second.stderr).not.toMatch(BUG);
    } finally {
      repo.cleanup();
    }
  }, 120_000);
});

describe('lanes run with a task named "constructor"', () => {
  it('runs it to landed like any other task', async () => {
    const { sampleRepo, moduleTask, cleanupAfter } = await import('../core/run/helpers.js');
    const { tempDir } = await import('../helpers/repo.js');
    const repo = sampleRepo({ gates: [] });
    cleanupAfter(repo);
    const dir = tempDir();
    const plan = path.join(dir, 'plan.json');
    fs.writeFileSync(
      plan,
      JSON.stringify({
        tasks: [
          { title: 'c', ...moduleTask('constructor') },
          { title: 'o', ...moduleTask('other') },
        ],
      }),
    );
    const r = await lanes(repo.dir, ['run', plan, '--agent', 'scripted', '--unit-ms', '50', '--max-parallel', '2', '--json']);
    fs.rmSync(dir, { recursive: true });
    expect(r.code, `${r.stderr}\n${r.stdout.slice(-3000)}`).toBe(0);
    const last = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { report: { counts: { landed: number } } };
    expect(last.report.counts.landed).toBe(2);
  }, 180_000);
});
