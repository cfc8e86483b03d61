/**
 * `lanes dashboard`: the status as a live local web page. Loopback only, by construction:
 *
 * - it listens on 127.0.0.1 and nowhere else (there is no host option), and drops a connection
 *   from any other address;
 * - every request must name this server in its Host header (127.0.0.1:<port> or
 *   localhost:<port>): a page on another site that rebinds its DNS name to 127.0.0.1 sends its
 *   own name as Host and is refused (DNS rebinding), and a cross-origin Origin is refused too;
 * - it serves only GETs of three routes, with a strict Content-Security-Policy (the page's one
 *   inline script runs by nonce; nothing may be fetched from anywhere but this server).
 *
 * Routes: `/` the page, `/api/status` the status report (the `lanes status --json` shape), and
 * `/api/events` server-sent events: an `event: status` with `{ status, graph }` at once and then
 * whenever the state changes (see feed.ts).
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { LanesError } from '../errors.js';
import type { Project } from '../core/project/project.js';
import type { StatusReport } from '../core/status/status.js';
import { StatusFeed, type FeedOptions } from './feed.js';
import { layoutGraph, type GraphLayout } from './layout.js';
import { pageHtml } from './page.js';

export const HOST = '127.0.0.1';
const MAX_STREAMS = 32;
const HEARTBEAT_MS = 15_000;

export interface DashboardOptions extends FeedOptions {
  /** 0 (default): any free port. */
  port?: number;
}

export interface Dashboard {
  url: string;
  port: number;
  feed: StatusFeed;
  close(): Promise<void>;
}

export interface Snapshot {
  status: StatusReport;
  graph: GraphLayout;
}

export async function startDashboard(project: Project, opts: DashboardOptions = {}): Promise<Dashboard> {
  const port = opts.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new LanesError('INVALID_INPUT', `Invalid port ${String(port)}.`, {
      hint: 'Use a port from 1 to 65535, or 0 (the default) for any free port.',
    });
  }
  const feed = new StatusFeed(project, { events: 50, recentMerges: 10, ...opts });
  const snapshots = new WeakMap<StatusReport, string>();
  const snapshotJson = (s: StatusReport) => {
    let j = snapshots.get(s);
    if (!j) snapshots.set(s, (j = JSON.stringify({ status: s, graph: layoutGraph(s) } satisfies Snapshot)));
    return j;
  };
  const streams = new Set<() => void>();
  const sockets = new Set<Socket>();
  let bound = 0;

  const server = http.createServer((req, res) => {
    const refuse = (code: number, text: string) => {
      res.writeHead(code, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' });
      res.end(`${text}\n`);
    };
    // Exactly one Host on HTTP/1.1 (RFC 9112 section 3.2): node keeps only the first of several,
    // and a proxy or cache in front may have honoured another one, so several are refused.
    let hosts = 0;
    for (let i = 0; i < req.rawHeaders.length; i += 2) if (req.rawHeaders[i]!.toLowerCase() === 'host') hosts++;
    if (hosts > 1 || (hosts === 0 && req.httpVersion !== '1.0'))
      return refuse(400, hosts > 1 ? 'Bad request: more than one Host header.' : 'Bad request: no Host header.');
    const host = (req.headers.host ?? '').toLowerCase();
    if (host !== `${HOST}:${bound}` && host !== `localhost:${bound}`)
      return refuse(403, 'Host not allowed: this dashboard answers only to 127.0.0.1 and localhost.');
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${HOST}:${bound}` && origin !== `http://localhost:${bound}`)
      return refuse(403, 'Cross-origin requests are not allowed.');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return refuse(405, 'Only GET.');
    }
    const route = new URL(req.url ?? '/', `http://${HOST}`).pathname;
    const common = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };
    if (route === '/' || route === '/index.html') {
      const nonce = crypto.randomBytes(16).toString('base64');
      const csp = `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; img-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
      res.writeHead(200, {
        ...common,
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': csp,
        'X-Frame-Options': 'DENY',
      });
      return res.end(req.method === 'HEAD' ? undefined : pageHtml(nonce));
    }
    if (route === '/api/status') {
      feed.current(500).then(
        (s) => {
          res.writeHead(200, { ...common, 'Content-Type': 'application/json; charset=utf-8' });
          res.end(req.method === 'HEAD' ? undefined : JSON.stringify(s));
        },
        (e: unknown) => {
          res.writeHead(500, { ...common, 'Content-Type': 'application/json; charset=utf-8' });
          res.end(JSON.stringify({ error: e instanceof Error ? e.message : String(e) }));
        },
      );
      return;
    }
    if (route === '/api/events') {
      if (streams.size >= MAX_STREAMS) return refuse(503, 'Too many open dashboards.');
      res.writeHead(200, {
        ...common,
        'Content-Type': 'text/event-stream; charset=utf-8',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      });
      if (req.method === 'HEAD') return res.end();
      let seq = 0;
      let lastSent: StatusReport | undefined;
      const send = (s: StatusReport) => {
        if (s === lastSent) return;
        lastSent = s;
        res.write(`event: status\nid: ${++seq}\ndata: ${snapshotJson(s)}\n\n`);
      };
      res.write('retry: 2000\n\n');
      const unsubscribe = feed.subscribe(send);
      const beat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
      const end = () => {
        clearInterval(beat);
        unsubscribe();
        streams.delete(end);
        res.end();
      };
      streams.add(end);
      req.on('close', end);
      feed.current(1000).then(send, () => undefined);
      return;
    }
    refuse(404, 'Not found.');
  });
  server.on('connection', (sock) => {
    // Bound to loopback, so this never fires for a remote peer; checked anyway, cheaply.
    const a = sock.remoteAddress ?? '';
    if (a !== '127.0.0.1' && a !== '::ffff:127.0.0.1') {
      sock.destroy();
      return;
    }
    sockets.add(sock);
    sock.on('close', () => sockets.delete(sock));
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) => {
      reject(
        e.code === 'EADDRINUSE'
          ? new LanesError('BUSY', `Port ${port} on ${HOST} is already in use.`, {
              hint: 'Pick another with --port, or leave it out to get a free port.',
            })
          : new LanesError('UNSUPPORTED', `Could not listen on ${HOST}:${port}: ${e.message}`, { cause: e }),
      );
    };
    server.once('error', onError);
    server.listen(port, HOST, () => {
      server.off('error', onError);
      resolve();
    });
  });
  bound = (server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${HOST}:${bound}/`,
    port: bound,
    feed,
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const end of [...streams]) end();
        feed.stop();
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
      return closing;
    },
  };
}
