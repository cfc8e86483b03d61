/**
 * The stdio entry: picks the transport and owns shutdown. stdout carries only JSON-RPC; the server
 * exits cleanly when stdin ends (the client went away) or on SIGINT / SIGTERM.
 */
import { StdioServerTransport } from '@modelcontextprotocol/server/stdio';
import { log } from '../util/log.js';
import { createServer } from './server.js';

export async function serveMcpStdio(): Promise<void> {
  const { server, cleanup } = createServer();
  const transport = new StdioServerTransport();
  let closing = false;
  const shutdown = async (why: string) => {
    if (closing) return;
    closing = true;
    log.debug(`mcp server shutting down: ${why}`);
    try {
      await cleanup();
    } catch (e) {
      log.warn('error while closing the MCP server', String(e));
    }
    process.exit(0);
  };
  process.stdin.once('end', () => void shutdown('stdin ended'));
  process.stdin.once('close', () => void shutdown('stdin closed'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  transport.onclose = () => void shutdown('transport closed');
  await server.connect(transport);
}
