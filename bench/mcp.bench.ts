/**
 * MCP server start: spawn the bundled `lanes mcp` as the plugin's .mcp.json does (through
 * hooks/launch.sh, whose Node starts without NODE_EXTRA_CA_CERTS) and time until the first
 * tools/list is answered, as a ratio to `node -e 0` measured in the same run (aim <= 2.0x); where
 * NODE_EXTRA_CA_CERTS is set, the note gives the ratio to `node -e 0` without it too.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median, ratioAim, result, timeIt, type BenchResult } from './util.js';

function untilToolsList(argv: { command: string; args: string[] }): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(argv.command, argv.args, { stdio: ['pipe', 'pipe', 'ignore'] });
    let buf = '';
    p.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      for (const line of buf.split('\n')) {
        if (line.includes('"id":2')) {
          p.kill();
          resolve();
          return;
        }
        if (line.includes('"id":1') && !buf.includes('initialized-sent')) {
          buf += 'initialized-sent';
          p.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n`);
          p.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' })}\n`);
        }
      }
    });
    p.on('error', reject);
    p.stdin.write(
      `${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '0' } } })}\n`,
    );
  });
}

function nodeE0(env?: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve) => spawn('node', ['-e', '0'], { stdio: 'ignore', env }).on('exit', () => resolve()));
}

export async function run({ root }: { root: string }): Promise<BenchResult[]> {
  // Built from the sources into a temp dir, like the hook bench: the committed plugin/ may be stale.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lanes-bench-mcp-'));
  execFileSync('node', [path.join(root, 'scripts', 'build.mjs'), '--outdir', path.join(tmp, 'plugin')], { cwd: root, stdio: 'ignore' });
  const plugin = path.join(tmp, 'plugin');
  const mcp = (
    JSON.parse(fs.readFileSync(path.join(plugin, '.mcp.json'), 'utf8')) as { mcpServers: { lanes: { command: string; args: string[] } } }
  ).mcpServers.lanes;
  const argv = { command: mcp.command, args: mcp.args.map((a) => a.replace('${CLAUDE_PLUGIN_ROOT}', plugin)) };
  await untilToolsList(argv); // warm the file cache
  const caSet = !!process.env.NODE_EXTRA_CA_CERTS;
  const noCa = { ...process.env };
  delete noCa.NODE_EXTRA_CA_CERTS;
  const base: number[] = [];
  const bare: number[] = [];
  const srv: number[] = [];
  for (let i = 0; i < 15; i++) {
    base.push(...(await timeIt(() => nodeE0(), 1)));
    if (caSet) bare.push(...(await timeIt(() => nodeE0(noCa), 1)));
    srv.push(...(await timeIt(() => untilToolsList(argv), 1)));
  }
  const vsBare = caSet
    ? `; ${(median(srv) / median(bare)).toFixed(2)}x node -e 0 without NODE_EXTRA_CA_CERTS (${median(bare).toFixed(1)} ms)`
    : '';
  fs.rmSync(tmp, { recursive: true, force: true });
  return [
    result(
      'mcp server: spawn -> first tools/list answered (/ node -e 0)',
      srv,
      base,
      ratioAim(2.0),
      'node start + the front (about 120 KB: line framing, the answers the build took from the real server, the checks that a request is one they fit) + the initialize and tools/list round trips; the SDK, zod and the tools (about 1.5 MB, formerly 2.4x of the 3.4x) load after tools/list is answered' +
        vsBare,
    ),
  ];
}
