import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateTask } from '../../src/core/plan/tasks.js';
import { startDashboard, type Dashboard, type Snapshot } from '../../src/dashboard/server.js';
import { StatusOut } from '../../src/mcp/tools/status.js';
import { workingRepo, type Fixture } from './fixture.js';
import net from 'node:net';
import { get, openStream } from './http.js';

/** One raw request over a socket, so that it can carry any headers, twice or not at all; the status code. */
function rawStatus(port: number, request: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const sock = net.connect(port, '127.0.0.1', () => sock.end(request));
    let buf = '';
    sock.setEncoding('utf8');
    sock.on('data', (c: string) => (buf += c));
    sock.on('error', reject);
    sock.on('close', () => resolve(Number(/^HTTP\/1\.[01] (\d{3})/.exec(buf)?.[1] ?? 0)));
  });
}

describe('dashboard server', () => {
  let repo: Fixture;
  let d: Dashboard;
  beforeAll(async () => {
    repo = await workingRepo();
    d = await startDashboard(repo.lanes, { pollMs: 1000, debounceMs: 50 });
  });
  afterAll(async () => {
    await d?.close();
    repo?.cleanup();
  });

  it('listens on 127.0.0.1 only and prints a URL for it', () => {
    expect(d.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(d.port).toBeGreaterThan(0);
  });

  it('serves the status report as JSON, the same shape as lanes status --json', async () => {
    const r = await get(`${d.url}api/status`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/application\/json/);
    const s = StatusOut.parse(JSON.parse(r.body));
    expect(s.plan!.tasks).toBe(6);
    expect(s.merge.queue.map((e) => e.task)).toEqual(['api']);
    expect(s.claims.map((c) => c.owner)).toContain('session:abc');
    expect(s.lanes.map((l) => l.task_id)).toEqual(['api', 'config']);
  });

  it('serves one self-contained page under a strict CSP', async () => {
    const r = await get(d.url);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/text\/html/);
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toMatch(/default-src 'none'/);
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(r.body).toContain(`<script nonce="${nonce}">`);
    // Nothing is loaded from anywhere else: the machine may have no network.
    expect(r.body).not.toMatch(/<script[^>]+src=|<link[^>]+href="http|@import|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it('refuses other Host headers (DNS rebinding), cross-origin requests, other methods and routes', async () => {
    expect((await get(`${d.url}api/status`, { Host: 'evil.example:80' })).status).toBe(403);
    expect((await get(`${d.url}api/status`, { Host: `attacker.test:${d.port}` })).status).toBe(403);
    expect((await get(`${d.url}api/status`, { Host: `localhost:${d.port}` })).status).toBe(200);
    expect((await get(`${d.url}api/status`, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await get(`${d.url}api/status`, { Origin: `http://127.0.0.1:${d.port}` })).status).toBe(200);
    expect((await get(`${d.url}api/status`, {}, 'POST')).status).toBe(405);
    expect((await get(`${d.url}nope`)).status).toBe(404);
    expect((await get(`${d.url}api/events`, { Host: 'evil.example' })).status).toBe(403);
  });

  it('answers 400 to a request with two Host headers or, on HTTP/1.1, none', async () => {
    const ok = `127.0.0.1:${d.port}`;
    expect(await rawStatus(d.port, `GET /api/status HTTP/1.1\r\nHost: ${ok}\r\nConnection: close\r\n\r\n`)).toBe(200);
    expect(await rawStatus(d.port, `GET /api/status HTTP/1.1\r\nHost: ${ok}\r\nHost: evil.example\r\nConnection: close\r\n\r\n`)).toBe(400);
    expect(await rawStatus(d.port, `GET /api/status HTTP/1.1\r\nHost: evil.example\r\nhost: ${ok}\r\nConnection: close\r\n\r\n`)).toBe(400);
    expect(await rawStatus(d.port, `GET /api/status HTTP/1.1\r\nConnection: close\r\n\r\n`)).toBe(400);
    expect(await rawStatus(d.port, `GET /api/status HTTP/1.0\r\n\r\n`)).toBe(403);
  });

  it('pushes the status and graph at once over SSE, then again when the state changes', async () => {
    const stream = await openStream(`${d.url}api/events`);
    try {
      expect(stream.headers['content-type']).toMatch(/text\/event-stream/);
      const first = JSON.parse((await stream.next((e) => e.event === 'status')).data) as Snapshot;
      expect(first.status.plan!.by_status.in_progress).toBe(2);
      expect(first.graph.nodes).toHaveLength(6);
      expect(first.graph.edges.filter((e) => e.kind === 'conflict')).toHaveLength(1);
      const t0 = Date.now();
      await updateTask(repo.lanes.store, { id: 'auth', status: 'in_progress', owner: 'agent-auth' });
      const next = await stream.next(
        (e) => e.event === 'status' && (JSON.parse(e.data) as Snapshot).status.plan!.by_status.in_progress === 3,
        8000,
      );
      const snap = JSON.parse(next.data) as Snapshot;
      expect(snap.graph.nodes.find((n) => n.id === 'auth')?.status).toBe('in_progress');
      // fs.watch + debounce, not the 1 s poll, brings it: well under a second on any machine we run on.
      expect(Date.now() - t0).toBeLessThan(3000);
    } finally {
      stream.close();
    }
  });

  it('closes open streams when it stops', async () => {
    const other = await startDashboard(repo.lanes, { pollMs: 1000 });
    const stream = await openStream(`${other.url}api/events`);
    await stream.next();
    await other.close();
    await expect(get(`${other.url}api/status`)).rejects.toThrow();
  });

  it('refuses a port that is taken, saying what to do', async () => {
    await expect(startDashboard(repo.lanes, { port: d.port })).rejects.toThrow(/already in use/);
  });
});
