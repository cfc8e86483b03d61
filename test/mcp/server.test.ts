import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect, type Connected } from '../helpers/mcp.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/repo.js';
import { tools } from '../../src/mcp/tools/index.js';

const TASKS = [
  { id: 'api', title: 'API', files: ['src/api/**'], estimate: 2 },
  { id: 'docs', title: 'Docs', files: ['docs/**'], estimate: 1 },
  { id: 'ts-all', title: 'All TS', files: ['src/**/*.ts'], estimate: 1 },
  { id: 'ui', title: 'UI', depends_on: ['api'], files: ['ui/**'], estimate: 3 },
];

describe('MCP server (in process)', () => {
  let repo: TestRepo;
  let c: Connected;
  beforeEach(async () => {
    repo = makeRepo();
    c = await connect(repo.dir);
  });
  afterEach(async () => {
    await c.close();
    repo.cleanup();
  });

  it('lists every tool with a title, annotations derived from its kind, and input/output schemas', async () => {
    const { tools: listed } = await c.client.listTools();
    expect(listed.map((t) => t.name).sort()).toEqual(tools.map((t) => t.name).sort());
    for (const t of listed) {
      const def = tools.find((d) => d.name === t.name)!;
      expect(t.title).toBeTruthy();
      expect(t.description!.length).toBeLessThan(2048);
      expect(t.annotations?.readOnlyHint).toBe(def.kind === 'read');
      expect(t.annotations?.destructiveHint).toBe(def.kind === 'destructive');
      expect(t.inputSchema.type).toBe('object');
      expect(t.outputSchema?.type).toBe('object');
    }
  });

  it('plan_work stores a checked plan; get_plan and next_tasks read it; update_task claims atomically', async () => {
    const r = await c.call('plan_work', { tasks: TASKS });
    expect(r.isError).toBeFalsy();
    expect(r.data.plan.conflicts).toEqual([expect.objectContaining({ a: 'api', b: 'ts-all' })]);
    expect(r.data.recommended_parallelism).toBeGreaterThanOrEqual(1);
    expect(r.text).toContain('wave 1');
    const g = await c.call('get_plan');
    expect(g.data.tasks.map((t: any) => t.status)).toEqual(['planned', 'planned', 'planned', 'planned']);
    const n = await c.call('next_tasks', {});
    const ready = n.data.ready.map((t: any) => t.id);
    expect(ready).toContain('api');
    expect(ready).not.toContain('ui');
    // api and ts-all conflict: never offered together
    expect(ready.includes('api') && ready.includes('ts-all')).toBe(false);
    const u1 = await c.call('update_task', { task_id: 'api', status: 'in_progress', owner: 'agent-1' });
    expect(u1.isError).toBeFalsy();
    const u2 = await c.call('update_task', { task_id: 'api', status: 'in_progress', owner: 'agent-2' });
    expect(u2.isError).toBe(true);
    expect(u2.text).toMatch(/Task "api" belongs to agent-1, whose lease ends at/);
    const n2 = await c.call('next_tasks', {});
    expect(n2.data.ready.map((t: any) => t.id)).not.toContain('ts-all');
  });

  it('returns isError results that say what to do, and stores nothing on bad input', async () => {
    const cyc = await c.call('plan_work', {
      tasks: [
        { id: 'a', title: 'A', depends_on: ['b'] },
        { id: 'b', title: 'B', depends_on: ['a'] },
      ],
    });
    expect(cyc.isError).toBe(true);
    expect(cyc.text).toMatch(/cycle/i);
    expect(cyc.text).toMatch(/a -> b -> a|b -> a -> b/);
    const none = await c.call('get_plan');
    expect(none.isError).toBe(true);
    expect(none.text).toMatch(/plan_work/);
    const esc = await c.call('plan_work', { tasks: [{ id: 'x', title: 'X', files: ['../**'] }] });
    expect(esc.isError).toBe(true);
    const bad = await c.call('plan_work', { tasks: [{ id: 'Bad Id', title: 'X' }] });
    expect(bad.isError).toBe(true);
  });

  it('add_task re-checks the plan; status and check_resources report', async () => {
    await c.call('plan_work', { tasks: TASKS });
    const a = await c.call('add_task', { task_id: 'api-docs', title: 'API docs', depends_on: ['api'], files: ['docs/api.md'] });
    expect(a.isError).toBeFalsy();
    expect(a.data.conflicts_with).toEqual(['docs']);
    const dup = await c.call('add_task', { task_id: 'api', title: 'again' });
    expect(dup.isError).toBe(true);
    const s = await c.call('status');
    expect(s.data.plan.tasks).toBe(5);
    expect(s.data.resources.cpus).toBeGreaterThan(0);
    const d = await c.call('check_resources');
    expect(d.isError).toBeFalsy();
    expect(d.data.checks.find((x: any) => /git/i.test(x.name))?.ok).toBe(true);
  });

  it('outside a repository, tools say so and what to do', async () => {
    const dir = tempDir();
    const c2 = await connect(dir);
    const r = await c2.call('get_plan');
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/not inside a git repository/);
    await c2.close();
  });
});

describe('MCP server start (the bundle)', () => {
  it('loads neither commander nor the CLI commands on `lanes mcp`', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const { bundlePath } = await import('../helpers/cli.js');
    // What `node lanes.mjs mcp` loads: the entry's static imports, then the server's dynamic import
    // and everything it imports statically, read from esbuild's `// <module>` comments.
    const modules = new Set<string>();
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^\/\/ ((?:src|node_modules)\/\S+)$/gm)) modules.add(m[1]!);
      for (const m of text.matchAll(/^\s*import\s*(?:[\w${},\s*]+from\s*)?["'](\.[^"']+)["'];?$/gm))
        visit(path.resolve(path.dirname(file), m[1]!));
    };
    const entry = bundlePath();
    visit(entry);
    const server = /\bimport\(\s*["'](\.[^"']*stdio[^"']*)["']\s*\)/.exec(fs.readFileSync(entry, 'utf8'));
    expect(server, 'the entry imports the server dynamically').not.toBeNull();
    const stdio = path.resolve(path.dirname(entry), server![1]!);
    visit(stdio);
    // Until the tools are listed, only the front is loaded: no SDK, no zod, no tool.
    expect([...modules].filter((m) => /^node_modules\/(zod|@modelcontextprotocol)\/|^src\/mcp\/(server|tools\/)/.test(m))).toEqual([]);
    // The rest of the server is the front's own dynamic import.
    const rest = /\bimport\(\s*["'](\.[^"']*session[^"']*)["']\s*\)/.exec(fs.readFileSync(stdio, 'utf8'));
    expect(rest, 'the front imports the rest of the server dynamically').not.toBeNull();
    visit(path.resolve(path.dirname(stdio), rest![1]!));
    expect(modules.has('src/mcp/server.ts')).toBe(true);
    expect([...modules].filter((m) => m.startsWith('node_modules/commander/') || m.startsWith('src/cli/commands/'))).toEqual([]);
  });
});
