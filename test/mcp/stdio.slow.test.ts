import { describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundlePath, lanes } from '../helpers/cli.js';
import { makeRepo, tempDir } from '../helpers/repo.js';

describe('MCP server over real stdio from the built bundle', () => {
  it('answers initialize and tools/list, runs a tool, and exits cleanly when stdin ends, started as .mcp.json says', async () => {
    const repo = makeRepo();
    const mcp = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../.mcp.json'), 'utf8')).mcpServers.lanes;
    const plugin = path.dirname(path.dirname(bundlePath()));
    const certs = path.join(tempDir(), 'extra-ca.pem');
    fs.writeFileSync(certs, '');
    const transport = new StdioClientTransport({
      command: mcp.command,
      args: (mcp.args as string[]).map((a) => a.replace('${CLAUDE_PLUGIN_ROOT}', plugin)),
      cwd: repo.dir,
      stderr: 'pipe',
      // hooks/launch.sh starts the server's Node without it (docs/performance.md).
      env: { ...process.env, NODE_EXTRA_CA_CERTS: certs } as Record<string, string>,
    });
    const client = new Client({ name: 'stdio-test', version: '0' });
    await client.connect(transport);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toContain('plan_work');
    const r = (await client.callTool({ name: 'plan_work', arguments: { tasks: [{ id: 'one', title: 'One' }] } })) as any;
    expect(r.isError).toBeFalsy();
    expect(r.structuredContent.plan.waves).toEqual([['one']]);
    await client.close();
    repo.cleanup();
  });

  it('writes nothing but JSON-RPC on stdout, and exits 0 on stdin end', async () => {
    const repo = makeRepo();
    const p = spawn('node', [bundlePath(), 'mcp'], { cwd: repo.dir, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stdin.write(
      `${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '0' } } })}\n`,
    );
    await new Promise((r) => setTimeout(r, 800));
    p.stdin.end();
    const code = await new Promise<number | null>((r) => p.on('exit', (c) => r(c)));
    expect(code).toBe(0);
    const lines = out.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(JSON.parse(l).jsonrpc).toBe('2.0');
    repo.cleanup();
  });

  it("serves the machine's claim writes: a second session's claim goes through the first server, whose socket goes with it", async () => {
    const repo = makeRepo();
    const start = async (env: Record<string, string>) => {
      const transport = new StdioClientTransport({
        command: 'node',
        args: [bundlePath(), 'mcp'],
        cwd: repo.dir,
        stderr: 'pipe',
        env: { ...process.env, ...env } as Record<string, string>,
      });
      const client = new Client({ name: 'stdio-test', version: '0' });
      await client.connect(transport);
      return client;
    };
    const claim = async (c: Client, owner: string, file: string) => {
      const t = performance.now();
      const r = (await c.callTool({ name: 'claim_files', arguments: { owner, paths: [file] } })) as any;
      expect(r.isError, JSON.stringify(r.content)).toBeFalsy();
      return performance.now() - t;
    };
    // The first server answers every write it serves 1.5 s late: a claim that takes that long went through it.
    const a = await start({ LANES_FAILPOINT: 'claims.service.before-answer:sleep:1500' });
    const b = await start({});
    await claim(a, 'task:a', 'src/a.ts');
    const sock = path.join(repo.dir, '.git', 'lanes', 'claims.sock');
    expect(fs.lstatSync(sock).isSocket()).toBe(true);
    expect(await claim(b, 'task:b', 'src/b.ts')).toBeGreaterThanOrEqual(1400);
    await b.close();
    await a.close();
    for (let i = 0; i < 200 && fs.existsSync(sock); i++) await new Promise((r) => setTimeout(r, 20));
    expect(fs.existsSync(sock)).toBe(false);
    repo.cleanup();
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('exits 0 on %s', async (sig) => {
    const repo = makeRepo();
    const p = spawn('node', [bundlePath(), 'mcp'], { cwd: repo.dir, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stdin.write(
      `${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '0' } } })}\n`,
    );
    for (let i = 0; i < 500 && !out.includes('"id":1'); i++) await new Promise((r) => setTimeout(r, 10));
    p.kill(sig);
    const code = await new Promise<number | null>((r) => p.on('exit', (c) => r(c)));
    expect(code).toBe(0);
    repo.cleanup();
  });
});

/** The pending JSON-RPC lines of a raw server process, awaited by id. */
function rawServer(args: string[], cwd: string) {
  const p = spawn('node', [bundlePath(), ...args], { cwd, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, LANES_LOG: 'warn' } });
  let out = '';
  let err = '';
  p.stdout.on('data', (d) => (out += d));
  p.stderr.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((r) => p.on('exit', (c) => r(c)));
  const send = (msg: Record<string, unknown>) => p.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', ...msg })}\n`);
  const reply = async (id: number) => {
    for (let i = 0; i < 3000; i++) {
      const line = out.split('\n').find((l) => l.includes(`"id":${id}`));
      if (line) return JSON.parse(line);
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no reply to ${id}; stderr: ${err}`);
  };
  return { p, send, reply, exited, stderr: () => err };
}

const INIT = { method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '0' } } };

describe('a session that survives big requests and ends only on a clean close', () => {
  it('answers an 11 MB request with an error, answers the next request, and keeps the claims', async () => {
    const repo = makeRepo();
    const transport = new StdioClientTransport({
      command: 'node',
      args: [bundlePath(), 'mcp'],
      cwd: repo.dir,
      stderr: 'pipe',
      env: { ...process.env, LANES_LOG: 'warn' } as Record<string, string>,
    });
    let stderr = '';
    transport.stderr?.on('data', (d) => (stderr += d));
    const client = new Client({ name: 'stdio-test', version: '0' });
    await client.connect(transport);
    const claim = (await client.callTool({ name: 'claim_files', arguments: { owner: 'session:big', paths: ['src/**'] } })) as any;
    expect(claim.isError, JSON.stringify(claim)).toBeFalsy();
    const huge = 'x'.repeat(11 * 1024 * 1024);
    await expect(
      client.callTool({ name: 'claim_files', arguments: { owner: 'session:big', paths: ['docs/**'], reason: huge } }),
    ).rejects.toThrow(/too large/i);
    const list = (await client.callTool({ name: 'list_claims', arguments: {} })) as any;
    expect(list.isError).toBeFalsy();
    expect(list.structuredContent.claims.map((c: any) => c.pattern)).toEqual(['src/**']);
    expect(stderr).toMatch(/dropped a \d+-byte message/);
    await client.close();
    repo.cleanup();
  });

  it('on an abnormal close (its stdout pipe broke) logs it, exits 1 and leaves the claims under their lease', async () => {
    const repo = makeRepo();
    const s = rawServer(['mcp'], repo.dir);
    s.send({ id: 1, ...INIT });
    await s.reply(1);
    s.send({ method: 'notifications/initialized' });
    s.send({ id: 2, method: 'tools/call', params: { name: 'claim_files', arguments: { owner: 'session:gone', paths: ['src/**'] } } });
    expect((await s.reply(2)).result.isError).toBeFalsy();
    // The client stops reading: the server's next write fails with EPIPE.
    s.p.stdout.destroy();
    s.send({ id: 3, method: 'tools/list' });
    expect(await s.exited).toBe(1);
    expect(s.stderr()).toMatch(/closed abnormally/);
    const r = await lanes(repo.dir, ['claims', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const claims = JSON.parse(r.stdout).claims;
    expect(claims.map((c: any) => [c.owner, c.pattern])).toEqual([['session:gone', 'src/**']]);
    expect(claims[0].pid).toBeUndefined();
    repo.cleanup();
  });

  it("on a clean end (stdin EOF) releases the claims bound to the server process, keeps a named owner's", async () => {
    const repo = makeRepo();
    const s = rawServer(['mcp'], repo.dir);
    s.send({ id: 1, ...INIT });
    await s.reply(1);
    s.send({ method: 'notifications/initialized' });
    // The server's own fallback owner (no session id, no LANES_OWNER) is bound to its process.
    s.send({ id: 2, method: 'tools/call', params: { name: 'claim_files', arguments: { owner: `session:${s.p.pid}`, paths: ['src/**'] } } });
    expect((await s.reply(2)).result.isError).toBeFalsy();
    // A named owner outlives the server: a client that starts a server per call keeps its claims.
    s.send({ id: 3, method: 'tools/call', params: { name: 'claim_files', arguments: { owner: 'agent-named', paths: ['docs/**'] } } });
    expect((await s.reply(3)).result.isError).toBeFalsy();
    s.p.stdin.end();
    expect(await s.exited).toBe(0);
    const r = await lanes(repo.dir, ['claims', '--json']);
    expect(JSON.parse(r.stdout).claims.map((c: any) => [c.owner, c.pattern])).toEqual([['agent-named', 'docs/**']]);
    repo.cleanup();
  });
});

describe('which repository the server works on', () => {
  const planCall = { name: 'plan_work', arguments: { tasks: [{ id: 'one', title: 'One' }] } };

  it('--repo selects it when the client starts the server elsewhere (the README config)', async () => {
    const repo = makeRepo();
    const elsewhere = tempDir('lanes-elsewhere-');
    const transport = new StdioClientTransport({
      command: 'node',
      args: [bundlePath(), 'mcp', '--repo', repo.dir],
      cwd: elsewhere,
      stderr: 'pipe',
      env: { ...process.env } as Record<string, string>,
    });
    const client = new Client({ name: 'stdio-test', version: '0' });
    await client.connect(transport);
    const r = (await client.callTool(planCall)) as any;
    expect(r.isError, JSON.stringify(r)).toBeFalsy();
    expect(fs.existsSync(path.join(repo.dir, '.git', 'lanes'))).toBe(true);
    await client.close();
    repo.cleanup();
  });

  it('with no repository found, a tool call says what to do', async () => {
    const elsewhere = tempDir('lanes-elsewhere-');
    const transport = new StdioClientTransport({
      command: 'node',
      args: [bundlePath(), 'mcp'],
      cwd: elsewhere,
      stderr: 'pipe',
      env: { ...process.env, CLAUDE_PROJECT_DIR: '' } as Record<string, string>,
    });
    const client = new Client({ name: 'stdio-test', version: '0' });
    await client.connect(transport);
    const r = (await client.callTool(planCall)) as any;
    expect(r.isError).toBe(true);
    expect(r.content[0].text).toMatch(/NOT_A_REPO/);
    expect(r.content[0].text).toMatch(/--repo/);
    await client.close();
  });

  it('uses the first root that is a git repository, and follows roots/list_changed', async () => {
    const a = makeRepo();
    const b = makeRepo();
    const notRepo = tempDir('lanes-not-a-repo-');
    const elsewhere = tempDir('lanes-elsewhere-');
    let roots = [pathToFileURL(notRepo).href, pathToFileURL(a.dir).href];
    const transport = new StdioClientTransport({
      command: 'node',
      args: [bundlePath(), 'mcp'],
      cwd: elsewhere,
      stderr: 'pipe',
      env: { ...process.env, CLAUDE_PROJECT_DIR: '' } as Record<string, string>,
    });
    const client = new Client({ name: 'stdio-test', version: '0' }, { capabilities: { roots: { listChanged: true } } });
    client.setRequestHandler('roots/list', async () => ({ roots: roots.map((uri) => ({ uri })) }));
    await client.connect(transport);
    expect(((await client.callTool(planCall)) as any).isError).toBeFalsy();
    expect(fs.existsSync(path.join(a.dir, '.git', 'lanes'))).toBe(true);
    expect(fs.existsSync(path.join(b.dir, '.git', 'lanes'))).toBe(false);
    roots = [pathToFileURL(b.dir).href];
    await client.sendRootsListChanged();
    // The server re-asks for the roots before its next tool call is answered.
    let landed = false;
    for (let i = 0; i < 500 && !landed; i++) {
      expect(((await client.callTool(planCall)) as any).isError).toBeFalsy();
      landed = fs.existsSync(path.join(b.dir, '.git', 'lanes'));
    }
    expect(landed).toBe(true);
    await client.close();
    a.cleanup();
    b.cleanup();
  });
});
