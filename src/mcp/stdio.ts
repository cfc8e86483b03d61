/**
 * The stdio entry: picks the transport and owns shutdown. stdout carries only JSON-RPC.
 *
 * Two ways to end, treated differently:
 * - a clean end — stdin reaches end-of-file (the client went away) or SIGINT / SIGTERM — releases
 *   this process's claims and port leases and exits 0;
 * - an abnormal close — the transport fails (a broken stdout pipe, a reader error) — is logged on
 *   stderr and leaves the leases in place without this pid, so they last until their lease ends:
 *   the agent behind the session may still be working, and another agent must not take its files
 *   the moment this process is gone. Exits 1.
 *
 * Oversized messages never reach the SDK's reader (which closes the transport on one): they are
 * dropped by the line framing and answered with a JSON-RPC error, and the session goes on.
 */
import { StdioServerTransport } from '@modelcontextprotocol/server/stdio';
import { releaseProcess } from '../core/claims/api.js';
import { detachProcess } from '../core/claims/detach.js';
import { StateStore } from '../state/index.js';
import { log } from '../util/log.js';
import { LineLimiter, MAX_MESSAGE_BYTES } from './frames.js';
import { createServer, type ServerOptions } from './server.js';

/** JSON-RPC "Invalid Request". */
const INVALID_REQUEST = -32600;

export interface StdioOptions extends ServerOptions {
  /** Largest message read, in bytes (tests lower it). */
  maxMessageBytes?: number;
}

export async function serveMcpStdio(opts: StdioOptions = {}): Promise<void> {
  const max = opts.maxMessageBytes ?? (Number(process.env.LANES_MCP_MAX_MESSAGE_BYTES) || MAX_MESSAGE_BYTES);
  const { server, cleanup, reposUsed } = createServer(opts);
  const input = new LineLimiter(max, ({ bytes, id }) => {
    log.warn(
      `mcp server: dropped a ${bytes}-byte message (the limit is ${max} bytes)${id === null ? '' : `; answered request ${JSON.stringify(id)} with an error`}`,
    );
    transport
      .send({
        jsonrpc: '2.0',
        id: id as string | number,
        error: {
          code: INVALID_REQUEST,
          message: `Request too large: ${bytes} bytes; the Lanes server reads at most ${max} bytes per message. Send less at once (split the input across calls).`,
        },
      })
      .catch((e: unknown) => log.warn('could not answer an oversized request', String(e)));
  });
  // The SDK's own limit sits above ours, so it never trips on a line the framing let through.
  const transport = new StdioServerTransport(input, process.stdout, { maxBufferSize: 2 * max + 1024 });
  let stdinEnded = false;
  let closing = false;

  const leases = async (how: 'release' | 'detach') => {
    for (const repo of reposUsed()) {
      try {
        const store = await StateStore.open(repo.stateDir);
        const r = how === 'release' ? await releaseProcess(store) : await detachProcess(store);
        if (r.claims || r.ports)
          log.info(
            `mcp server: ${how === 'release' ? 'released' : 'kept under their lease'} ${r.claims} claim(s) and ${r.ports} port lease(s) in ${repo.mainRoot}`,
          );
      } catch (e) {
        log.warn(`could not ${how} this session's leases in ${repo.mainRoot}`, String(e));
      }
    }
  };

  const end = async (clean: boolean, why: string) => {
    if (closing) return;
    closing = true;
    if (clean) log.debug(`mcp server shutting down: ${why}`);
    else log.error(`mcp server: the connection closed abnormally (${why}); this session's claims stay held until their lease ends`);
    await leases(clean ? 'release' : 'detach');
    try {
      await cleanup();
    } catch (e) {
      log.warn('error while closing the MCP server', String(e));
    }
    process.exit(clean ? 0 : 1);
  };

  let lastError: string | undefined;
  process.stdin.once('end', () => {
    stdinEnded = true;
  });
  process.once('SIGINT', () => void end(true, 'SIGINT'));
  process.once('SIGTERM', () => void end(true, 'SIGTERM'));
  process.stdin.on('error', (e) => {
    lastError = `stdin: ${e.message}`;
  });
  process.stdin.pipe(input);
  transport.onerror = (e) => {
    lastError = e.message;
  };
  transport.onclose = () => void (stdinEnded ? end(true, 'stdin ended') : end(false, lastError ?? 'transport closed'));
  // A stdin that closes without end-of-file failed: the framing never ends, so end here.
  process.stdin.once('close', () => {
    if (!stdinEnded) void end(false, lastError ?? 'stdin closed without end-of-file');
  });
  // server.connect chains the handlers set above in front of its own.
  await server.connect(transport);
}
