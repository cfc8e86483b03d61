/** An in-process MCP client linked to a fresh server (the SDK's in-memory transport). */
import { Client, InMemoryTransport } from '@modelcontextprotocol/client';
import { createServer } from '../../src/mcp/server.js';

export interface Connected {
  client: Client;
  call(name: string, args?: Record<string, unknown>): Promise<{ isError?: boolean; text: string; data: any }>;
  close(): Promise<void>;
}

export async function connect(cwd: string): Promise<Connected> {
  const { server, cleanup } = createServer({ cwd });
  const [ct, st] = InMemoryTransport.createLinkedPair();
  await server.connect(st);
  const client = new Client({ name: 'lanes-test', version: '0' });
  await client.connect(ct);
  return {
    client,
    async call(name, args = {}) {
      const r = (await client.callTool({ name, arguments: args })) as any;
      const text = (r.content ?? []).map((c: any) => c.text ?? '').join('\n');
      return { isError: r.isError, text, data: r.structuredContent };
    },
    async close() {
      await client.close();
      await cleanup();
    },
  };
}
