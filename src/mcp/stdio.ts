/**
 * The stdio entry: frames the input, answers the session's first requests from the front, loads
 * the rest, and owns shutdown. stdout carries only JSON-RPC.
 *
 * Start: the SDK, zod and the tools with their core modules are most of the server's start, so they
 * are not loaded before the client has its tool list. The front (front.ts) answers `initialize`,
 * `tools/list` and the `server/discover` probe from answers the build took from the real server;
 * the rest (session.ts) is loaded as soon as the tools are listed, or at the first message the front
 * does not answer. Every line seen before then is replayed to the SDK in order, the requests the
 * front answered under ids of their own whose answers are not written again.
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
import { PassThrough } from 'node:stream';
import { log } from '../util/log.js';
import { LineLimiter, MAX_MESSAGE_BYTES } from './frames.js';
import { frontAnswer, isInitialized, type Answers, type FrontState } from './front.js';
import type { ServerOptions } from './server.js';
import type { Session } from './session.js';

/** JSON-RPC "Invalid Request". */
const INVALID_REQUEST = -32600;

/** Set by the build (scripts/build.mjs): the answers of answers.ts as JSON. Absent when run from the sources. */
declare const __LANES_MCP_ANSWERS__: string | undefined;

export interface StdioOptions extends ServerOptions {
  /** Largest message read, in bytes (tests lower it). */
  maxMessageBytes?: number;
  /** The front's answers (default: those the build baked in; none when run from the sources). */
  answers?: Answers;
}

export async function serveMcpStdio(opts: StdioOptions = {}): Promise<void> {
  const max = opts.maxMessageBytes ?? (Number(process.env.LANES_MCP_MAX_MESSAGE_BYTES) || MAX_MESSAGE_BYTES);
  const answers = opts.answers ?? (typeof __LANES_MCP_ANSWERS__ === 'string' ? (JSON.parse(__LANES_MCP_ANSWERS__) as Answers) : undefined);
  const write = (message: object) => process.stdout.write(`${JSON.stringify(message)}\n`);
  const input = new LineLimiter(max, ({ bytes, id }) => {
    log.warn(
      `mcp server: dropped a ${bytes}-byte message (the limit is ${max} bytes)${id === null ? '' : `; answered request ${JSON.stringify(id)} with an error`}`,
    );
    write({
      jsonrpc: '2.0',
      id: id as string | number,
      error: {
        code: INVALID_REQUEST,
        message: `Request too large: ${bytes} bytes; the Lanes server reads at most ${max} bytes per message. Send less at once (split the input across calls).`,
      },
    });
  });

  let session: Session | undefined;
  let loading: Promise<void> | undefined;
  let inputEnded = false;
  let stdinEnded = false;
  let closing = false;
  let lastError: string | undefined;
  /** What the SDK reads: the replayed start, then every line as it comes. */
  const feed = new PassThrough();
  const held: string[] = [];
  const front: FrontState = {};
  /** Replay id -> the client's id and the front's answer line. */
  const replayed = new Map<string, { id: unknown; answer: string }>();
  let replays = 0;

  const end = async (clean: boolean, why: string) => {
    if (closing) return;
    closing = true;
    if (clean) log.debug(`mcp server shutting down: ${why}`);
    else log.error(`mcp server: the connection closed abnormally (${why}); this session's claims stay held until their lease ends`);
    // Before the session is loaded no tool has run: there is nothing to release or keep.
    if (session) {
      await session.leases(clean ? 'release' : 'detach');
      try {
        await session.cleanup();
      } catch (e) {
        log.warn('error while closing the MCP server', String(e));
      }
    }
    process.exit(clean ? 0 : 1);
  };

  /** The answer to a replayed request was written by the front already; say so if the SDK's differs. */
  const swallow = (message: unknown): boolean => {
    const m = message as { id?: unknown; method?: unknown };
    if (typeof m.id !== 'string' || m.method !== undefined) return false;
    const r = replayed.get(m.id);
    if (!r) return false;
    replayed.delete(m.id);
    const sdk = JSON.stringify({ ...m, id: r.id });
    if (sdk !== r.answer)
      log.warn('mcp server: the SDK answered a request differently from the fast start; the client has the first answer', {
        front: r.answer.slice(0, 300),
        sdk: sdk.slice(0, 300),
      });
    return true;
  };

  const load = () =>
    (loading ??= (async () => {
      const { startSession } = await import('./session.js');
      session = await startSession(opts, feed, {
        maxBufferSize: 2 * max + 1024,
        onerror: (e) => {
          lastError = e.message;
        },
        onclose: () => void (stdinEnded ? end(true, 'stdin ended') : end(false, lastError ?? 'transport closed')),
        swallow,
      });
      for (const line of held) feed.write(line);
      held.length = 0;
      if (inputEnded) feed.end();
    })().catch((e: unknown) => {
      log.error('mcp server: could not load the server', e instanceof Error ? e.stack : String(e));
      process.exit(1);
    }));

  const onLine = (line: string) => {
    if (session) {
      feed.write(line);
      return;
    }
    if (loading || !answers) {
      held.push(line);
      void load();
      return;
    }
    let msg: unknown;
    try {
      msg = JSON.parse(line);
    } catch {
      msg = undefined;
    }
    const answer = msg === undefined ? undefined : frontAnswer(answers, front, msg);
    if (answer !== undefined) {
      const id = `@lanes-replayed-${++replays}@`;
      replayed.set(id, { id: (msg as { id: unknown }).id, answer });
      held.push(`${JSON.stringify({ ...(msg as object), id })}\n`);
      process.stdout.write(`${answer}\n`);
      // The client has its tools: load the rest now, while it has nothing to ask.
      if (front.listed) setImmediate(() => void load());
      return;
    }
    held.push(line);
    if (!(front.version !== undefined && isInitialized(msg))) void load();
  };

  input.on('data', (chunk: Buffer) => {
    // The framing passes whole lines, each ending in a newline.
    for (const line of chunk.toString('utf8').split('\n')) if (line) onLine(`${line}\n`);
  });
  input.on('end', () => {
    inputEnded = true;
    if (session) feed.end();
    else if (!loading) void end(stdinEnded, stdinEnded ? 'stdin ended' : (lastError ?? 'transport closed'));
  });
  process.stdin.once('end', () => {
    stdinEnded = true;
  });
  process.once('SIGINT', () => void end(true, 'SIGINT'));
  process.once('SIGTERM', () => void end(true, 'SIGTERM'));
  process.stdin.on('error', (e) => {
    lastError = `stdin: ${e.message}`;
  });
  // Until the SDK's transport watches stdout, a broken pipe ends the session here.
  process.stdout.on('error', (e) => {
    if (session) return;
    lastError = e.message;
    void end(false, e.message);
  });
  process.stdin.pipe(input);
  // A stdin that closes without end-of-file failed: the framing never ends, so end here.
  process.stdin.once('close', () => {
    if (!stdinEnded) void end(false, lastError ?? 'stdin closed without end-of-file');
  });
  if (!answers) await load();
}
