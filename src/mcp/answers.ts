/**
 * The server's answers to the requests every session opens with, taken from the real SDK server:
 * the build runs this once and bakes the result into the bundle, so that `lanes mcp` can answer
 * `initialize` and `tools/list` before it has loaded the SDK, zod and the tools (front.ts). The
 * lines are the exact bytes the SDK writes, with the request id left as a placeholder.
 */
import { PassThrough } from 'node:stream';
import { SUPPORTED_PROTOCOL_VERSIONS } from '@modelcontextprotocol/server';
import { StdioServerTransport } from '@modelcontextprotocol/server/stdio';
import { createServer } from './server.js';
import { ID_PLACEHOLDER, type Answers } from './front.js';

/** A request line as a client writes it, with the placeholder id. */
const request = (method: string, params?: unknown) =>
  `${JSON.stringify({ jsonrpc: '2.0', id: ID_PLACEHOLDER, method, ...(params === undefined ? {} : { params }) })}\n`;

/** What Claude Code sends first: a probe of the 2026 protocol, answered "method not found" by this server. */
export const DISCOVER_PROBE_PARAMS = {
  _meta: {
    'io.modelcontextprotocol/protocolVersion': '2026-07-28',
    'io.modelcontextprotocol/clientInfo': { name: 'lanes-build', version: '0' },
    'io.modelcontextprotocol/clientCapabilities': {},
  },
};

/** One real server on in-memory stdio: send a line, get the line it answers (exported for the tests). */
export async function sdkSession() {
  const input = new PassThrough();
  const output = new PassThrough();
  const { server } = createServer({ cwd: process.cwd() });
  await server.connect(new StdioServerTransport(input, output));
  let buf = '';
  const waiting: Array<(line: string) => void> = [];
  output.on('data', (d: Buffer) => {
    buf += d.toString('utf8');
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      waiting.shift()?.(line);
    }
  });
  return {
    ask: (line: string) =>
      new Promise<string>((resolve) => {
        waiting.push(resolve);
        input.write(line);
      }),
    close: () => server.close(),
  };
}

/** The answers for every protocol version the SDK negotiates through `initialize` (echoes back). */
export async function captureAnswers(): Promise<Answers> {
  const answers: Answers = { versions: {}, lists: [], discover: '' };
  for (const version of SUPPORTED_PROTOCOL_VERSIONS) {
    const s = await sdkSession();
    const init = await s.ask(
      request('initialize', { protocolVersion: version, capabilities: {}, clientInfo: { name: 'lanes-build', version: '0' } }),
    );
    const negotiated = (JSON.parse(init) as { result?: { protocolVersion?: string } }).result?.protocolVersion;
    if (negotiated === version) {
      const list = await s.ask(request('tools/list'));
      let i = answers.lists.indexOf(list);
      if (i < 0) i = answers.lists.push(list) - 1;
      answers.versions[version] = { initialize: init, list: i };
    }
    await s.close();
  }
  const s = await sdkSession();
  answers.discover = await s.ask(request('server/discover', DISCOVER_PROBE_PARAMS));
  await s.close();
  return answers;
}
