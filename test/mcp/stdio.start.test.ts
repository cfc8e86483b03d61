/**
 * The server's fast start, on the built bundle: the front answers a session's first requests
 * before the SDK, zod and the tools are loaded, then replays them to the SDK.
 */
import { describe, expect, inject, it } from 'vitest';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sdkSession } from '../../src/mcp/answers.js';
import { makeRepo, tempDir } from '../helpers/repo.js';

/** What Claude Code 2.1.330 sends before its first tool call (the probe's client info shortened). */
const PROBE = {
  jsonrpc: '2.0',
  id: 'server-discover-probe-1',
  method: 'server/discover',
  params: {
    _meta: {
      'io.modelcontextprotocol/protocolVersion': '2026-07-28',
      'io.modelcontextprotocol/clientInfo': { name: 'claude-code', version: '2.1.330' },
      'io.modelcontextprotocol/clientCapabilities': { roots: { listChanged: true }, elicitation: { form: {}, url: {} } },
    },
  },
};
const INIT = {
  method: 'initialize',
  params: {
    protocolVersion: '2025-11-25',
    capabilities: { roots: { listChanged: true }, elicitation: { form: {}, url: {} } },
    clientInfo: { name: 'claude-code', title: 'Claude Code', version: '2.1.330', websiteUrl: 'https://claude.com/claude-code' },
  },
  jsonrpc: '2.0',
  id: 0,
};
const LIST = { method: 'tools/list', jsonrpc: '2.0', id: 1 };

/** A raw server process: its output lines, awaited by a predicate. */
function server(bundle: string, cwd: string) {
  const p = spawn('node', [bundle, 'mcp'], { cwd, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, LANES_LOG: 'warn' } });
  const lines: string[] = [];
  let buf = '';
  let err = '';
  p.stdout.on('data', (d: Buffer) => {
    buf += d.toString('utf8');
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      lines.push(buf.slice(0, nl));
      buf = buf.slice(nl + 1);
    }
  });
  p.stderr.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((r) => p.on('exit', (c) => r(c)));
  const send = (msg: object) => p.stdin.write(`${JSON.stringify(msg)}\n`);
  const line = async (pred: (m: any) => boolean) => {
    for (let i = 0; i < 3000; i++) {
      const l = lines.find((x) => pred(JSON.parse(x)));
      if (l) return l;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no such line; stdout: ${lines.join('\n').slice(0, 2000)}; stderr: ${err}`);
  };
  const reply = (id: unknown) => line((m) => m.id === id && !('method' in m));
  return { p, send, line, reply, exited, stderr: () => err, lines };
}

/** A copy of the built dist/ whose chunk `change` picks (by the dynamic import that loads it) is rewritten. */
function distCopy(change: (stdioChunk: string, dir: string) => void): string {
  const dir = path.join(tempDir('lanes-dist-'), 'dist');
  fs.cpSync(inject('bundleDir'), dir, { recursive: true });
  const stdio = /import\("\.\/(chunks\/stdio-[A-Z0-9]+\.mjs)"\)/.exec(fs.readFileSync(path.join(dir, 'lanes.mjs'), 'utf8'))?.[1];
  if (!stdio) throw new Error('no stdio chunk imported by lanes.mjs');
  change(path.join(dir, stdio), dir);
  return path.join(dir, 'lanes.mjs');
}

async function start(s: ReturnType<typeof server>) {
  s.send(PROBE);
  const probe = await s.reply(PROBE.id);
  s.send(INIT);
  const init = await s.reply(0);
  s.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
  s.send(LIST);
  const list = await s.reply(1);
  return [probe, init, list];
}

describe('the server answers the start of a session before it loads the SDK', () => {
  it("answers Claude Code's probe, initialize and tools/list with the SDK's own bytes, the SDK not yet loaded", async () => {
    // The rest of the server is a dynamic import of the stdio chunk; make loading it fail.
    const bundle = distCopy((stdio, dir) => {
      const rest = /import\("\.\/(session-[A-Z0-9]+\.mjs)"\)/.exec(fs.readFileSync(stdio, 'utf8'))?.[1];
      expect(rest, 'the stdio chunk loads the session with a dynamic import').toBeTruthy();
      fs.writeFileSync(path.join(path.dirname(stdio), rest!), "throw new Error('the session chunk was loaded');\n");
      expect(fs.existsSync(path.join(dir, 'lanes.mjs'))).toBe(true);
    });
    const repo = makeRepo();
    const s = server(bundle, repo.dir);
    const answered = await start(s);
    const sdk = await sdkSession();
    const expected = [];
    for (const m of [PROBE, INIT, LIST]) expected.push(await sdk.ask(`${JSON.stringify(m)}\n`));
    await sdk.close();
    expect(answered).toEqual(expected);
    // Then it loads the rest, which here fails: a broken install says so and exits.
    expect(await s.exited).toBe(1);
    expect(s.stderr()).toMatch(/could not load the server[\s\S]*the session chunk was loaded/);
    repo.cleanup();
  });

  it('replays the start to the SDK: it asks for the roots, runs tools, and finds no answer to differ', async () => {
    const repo = makeRepo();
    const s = server(path.join(inject('bundleDir'), 'lanes.mjs'), repo.dir);
    await start(s);
    const roots = JSON.parse(await s.line((m) => m.method === 'roots/list'));
    s.send({ jsonrpc: '2.0', id: roots.id, result: { roots: [{ uri: `file://${repo.dir}` }] } });
    s.send({
      jsonrpc: '2.0',
      id: 2,
      method: 'tools/call',
      params: { name: 'plan_work', arguments: { tasks: [{ id: 'one', title: 'One' }] } },
    });
    const plan = JSON.parse(await s.reply(2));
    expect(plan.result.isError).toBeFalsy();
    expect(plan.result.structuredContent.plan.waves).toEqual([['one']]);
    s.send({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'next_tasks', arguments: { limit: 'x' } } });
    expect(JSON.parse(await s.reply(3)).result.content[0].text).toMatch(/^INVALID_INPUT: Invalid arguments for next_tasks: limit/);
    // A second tools/list goes to the SDK and answers what the front did.
    s.send({ ...LIST, id: 4 });
    expect(JSON.parse(await s.reply(4)).result).toEqual(JSON.parse(s.lines.find((l) => JSON.parse(l).id === 1)!).result);
    s.p.stdin.end();
    expect(await s.exited).toBe(0);
    expect(s.stderr()).not.toMatch(/differently/);
    // Every answer is written once: the SDK's answers to the replayed requests are not.
    const answersTo = (id: unknown) => s.lines.map((l) => JSON.parse(l)).filter((m) => m.id === id && !('method' in m));
    expect([answersTo('server-discover-probe-1'), answersTo(0), answersTo(1)].map((a) => a.length)).toEqual([1, 1, 1]);
    repo.cleanup();
  });

  it('says so on stderr when the SDK answers a replayed request differently from the front', async () => {
    const bundle = distCopy((stdio) => {
      const text = fs.readFileSync(stdio, 'utf8');
      expect(text).toContain('Lanes coordinates several coding agents');
      fs.writeFileSync(stdio, text.replaceAll('Lanes coordinates several coding agents', 'Lanes coordinatez several coding agents'));
    });
    const repo = makeRepo();
    const s = server(bundle, repo.dir);
    await start(s);
    const roots = JSON.parse(await s.line((m) => m.method === 'roots/list'));
    s.send({ jsonrpc: '2.0', id: roots.id, result: { roots: [] } });
    s.send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'get_plan', arguments: {} } });
    await s.reply(2);
    s.p.stdin.end();
    expect(await s.exited).toBe(0);
    expect(s.stderr()).toMatch(/SDK answered a request differently from the fast start/);
    repo.cleanup();
  });

  it('answers a request the front leaves alone through the SDK, in order', async () => {
    const repo = makeRepo();
    const s = server(path.join(inject('bundleDir'), 'lanes.mjs'), repo.dir);
    s.send({ ...INIT, params: { ...INIT.params, protocolVersion: '1999-01-01' } });
    const init = JSON.parse(await s.reply(0));
    expect(init.result.protocolVersion).not.toBe('1999-01-01');
    s.send({ jsonrpc: '2.0', id: 'p', method: 'ping' });
    expect(JSON.parse(await s.reply('p')).result).toEqual({});
    s.p.stdin.end();
    expect(await s.exited).toBe(0);
    repo.cleanup();
  });
});
