/**
 * The heavy half of the stdio server, loaded by stdio.ts once the front has answered what it can:
 * the SDK's stdio transport, the server with every tool, and the leases of the repositories the
 * session used. Its input is the stream of lines stdio.ts forwards (the replayed start first).
 */
import type { Readable } from 'node:stream';
import { StdioServerTransport } from '@modelcontextprotocol/server/stdio';
import { releaseProcess } from '../core/claims/api.js';
import { offerClaimService, stopClaimService } from '../core/claims/service.js';
import { detachProcess } from '../core/claims/detach.js';
import { StateStore } from '../state/index.js';
import { log } from '../util/log.js';
import { createServer, type ServerOptions } from './server.js';

export interface SessionHooks {
  maxBufferSize: number;
  onerror(e: Error): void;
  onclose(): void;
  /** True for an outgoing message that must not be written (the answer to a replayed request). */
  swallow(message: unknown): boolean;
}

export interface Session {
  /** Release (clean end) or keep under their lease without this pid (abnormal end) the session's claims and ports. */
  leases(how: 'release' | 'detach'): Promise<void>;
  cleanup(): Promise<void>;
}

export async function startSession(opts: ServerOptions, input: Readable, hooks: SessionHooks): Promise<Session> {
  // A session's server lives as long as the session: it serves the claim writes of the machine.
  offerClaimService();
  const { server, cleanup, reposUsed } = createServer(opts);
  const transport = new StdioServerTransport(input, process.stdout, { maxBufferSize: hooks.maxBufferSize });
  const send = transport.send.bind(transport);
  transport.send = (message) => (hooks.swallow(message) ? Promise.resolve() : send(message));
  transport.onerror = hooks.onerror;
  transport.onclose = hooks.onclose;
  // server.connect chains the handlers set above in front of its own.
  await server.connect(transport);
  return {
    async cleanup() {
      stopClaimService();
      await cleanup();
    },
    async leases(how) {
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
    },
  };
}
