import { describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { spawn } from 'node:child_process';
import { bundlePath } from '../helpers/cli.js';
import { makeRepo } from '../helpers/repo.js';

describe('MCP server over real stdio from the built bundle', () => {
  it('answers initialize and tools/list, runs a tool, and exits cleanly when stdin ends', async () => {
    const repo = makeRepo();
    const transport = new StdioClientTransport({ command: 'node', args: [bundlePath(), 'mcp'], cwd: repo.dir, stderr: 'pipe', env: { ...process.env } as Record<string, string> });
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
    p.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '0' } } })}\n`);
    await new Promise((r) => setTimeout(r, 800));
    p.stdin.end();
    const code = await new Promise<number | null>((r) => p.on('exit', (c) => r(c)));
    expect(code).toBe(0);
    const lines = out.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(JSON.parse(l).jsonrpc).toBe('2.0');
    repo.cleanup();
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('exits 0 on %s', async (sig) => {
    const repo = makeRepo();
    const p = spawn('node', [bundlePath(), 'mcp'], { cwd: repo.dir, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '0' } } })}\n`);
    for (let i = 0; i < 500 && !out.includes('"id":1'); i++) await new Promise((r) => setTimeout(r, 10));
    p.kill(sig);
    const code = await new Promise<number | null>((r) => p.on('exit', (c) => r(c)));
    expect(code).toBe(0);
    repo.cleanup();
  });
});
