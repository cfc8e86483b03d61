/**
 * The claim service between real processes: a server killed before or after its batch commits,
 * a socket left by a dead server, and hostile input on the socket. In each case every claim
 * ends up held exactly once, by its owner, and a conflicting claim is still refused.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimFiles } from '../../../src/core/claims/api.js';
import { CLAIMS_DOC } from '../../../src/core/claims/model.js';
import { SERVICE_SOCKET } from '../../../src/core/claims/service.js';
import { isLanesError } from '../../../src/errors.js';
import { StateStore } from '../../../src/state/index.js';
import { spawnChild } from '../../helpers/child.js';
import { tempDir } from '../../helpers/repo.js';

const CHILD = path.join(import.meta.dirname, 'children', 'claims-child.ts');

let root: string;
let dir: string;
beforeEach(async () => {
  root = tempDir('lanes-claim-svc-');
  dir = path.join(root, 'lanes');
  await StateStore.open(dir);
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

async function until(cond: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 1500; i++) {
    if (cond()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A process serving the claim service (it holds `serve/**` itself); resolves once it serves. */
async function server(failpoint?: string) {
  const ready = path.join(root, `ready-${Math.random().toString(36).slice(2)}`);
  const child = spawnChild(
    CHILD,
    ['serve', JSON.stringify({ dir, owner: 'server', paths: ['serve/**'], ready, ...(failpoint ? { failpoint } : {}) })],
    {
      timeoutMs: 150_000,
    },
  );
  await until(() => fs.existsSync(ready), 'the server to start');
  return { child, pid: Number(fs.readFileSync(ready, 'utf8')) };
}

/** One claim by a process that does not offer to serve; its outcome. */
async function claimOnce(owner: string, paths: string[]) {
  const out = path.join(root, `out-${owner}`);
  const r = await spawnChild(CHILD, ['once', JSON.stringify({ dir, owner, paths, out })]);
  expect(r.exitCode, String(r.stderr)).toBe(0);
  return JSON.parse(fs.readFileSync(out, 'utf8')) as { ok?: string[]; error?: { code: string; message: string } };
}

async function claimsDoc() {
  const store = await StateStore.open(dir);
  return (await store.read(CLAIMS_DOC)).data.claims;
}

async function refusedHere(paths: string[]): Promise<string> {
  const store = await StateStore.open(dir);
  const e = await claimFiles(store, { owner: 'other', paths }).catch((x: unknown) => x);
  expect(isLanesError(e, 'CONFLICT'), String(e)).toBe(true);
  return (e as Error).message;
}

describe('the claim service across processes', () => {
  it('serves a process that does not serve: the claim is its own, not bound to the serving process', async () => {
    const s = await server();
    const r = await claimOnce('client', ['src/a.ts']);
    expect(r).toEqual({ ok: ['src/a.ts'] });
    const mine = (await claimsDoc()).filter((c) => c.owner === 'client');
    expect(mine).toHaveLength(1);
    // Made without a pid, it stays without one: the server's pid never enters a client's claim.
    expect(mine[0]!.pid).toBeUndefined();
    expect((await claimsDoc()).find((c) => c.owner === 'server')?.pid).toBe(s.pid);
    expect(fs.lstatSync(path.join(dir, SERVICE_SOCKET)).isSocket()).toBe(true);
    process.kill(s.pid, 'SIGKILL');
    await s.child;
  });

  it('a server killed after its batch committed, before answering: the client claims again alone and holds it once', async () => {
    const s = await server('claims.service.before-answer:kill');
    const r = await claimOnce('client', ['src/a.ts', 'docs/**']);
    expect(r).toEqual({ ok: ['src/a.ts', 'docs/**'] });
    expect((await s.child).signal).toBe('SIGKILL');
    const mine = (await claimsDoc()).filter((c) => c.owner === 'client');
    expect(mine.map((c) => c.pattern).sort()).toEqual(['docs/**', 'src/a.ts']);
    expect(await refusedHere(['docs/x.md'])).toContain('held by client');
  });

  it('a server killed inside its batch, before the commit: nothing of it happened; the client claims alone', async () => {
    const s = await server('claims.writes.before-commit:kill');
    const r = await claimOnce('client', ['src/b.ts']);
    expect(r).toEqual({ ok: ['src/b.ts'] });
    expect((await s.child).signal).toBe('SIGKILL');
    const doc = await claimsDoc();
    expect(doc.filter((c) => c.owner === 'client').map((c) => c.pattern)).toEqual(['src/b.ts']);
    // The dead server's own claim is reclaimed with it; nothing is left half-written.
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp') || f.endsWith('.lock'))).toEqual([]);
    expect(await refusedHere(['src/b.ts'])).toContain('held by client');
  });

  it('a socket left by a dead server: writes go alone, and the next process that offers serves again', async () => {
    const s1 = await server();
    process.kill(s1.pid, 'SIGKILL');
    await s1.child;
    const sock = path.join(dir, SERVICE_SOCKET);
    expect(fs.lstatSync(sock).isSocket()).toBe(true);
    expect(await claimOnce('client-1', ['src/c.ts'])).toEqual({ ok: ['src/c.ts'] });
    const s2 = await server();
    // The new server took the path over: a connection is answered.
    await new Promise<void>((resolve, reject) => {
      const c = net.createConnection(sock, () => {
        c.destroy();
        resolve();
      });
      c.once('error', reject);
    });
    expect(await claimOnce('client-2', ['src/d.ts'])).toEqual({ ok: ['src/d.ts'] });
    const owners = (await claimsDoc()).map((c) => c.owner).sort();
    expect(owners).toEqual(['client-1', 'client-2', 'server']);
    process.kill(s2.pid, 'SIGKILL');
    await s2.child;
  });

  it('a stopped server (its session suspended): the client writes alone after 5 s, and the late write is never applied', async () => {
    const s = await server();
    const ready = path.join(root, 'again-ready');
    const barrier = path.join(root, 'again-go');
    const out = path.join(root, 'again-out');
    const client = spawnChild(CHILD, ['again', JSON.stringify({ dir, owner: 'client', paths: ['src/x/**'], ready, barrier, out })]);
    await until(() => fs.existsSync(ready), 'the first claim');
    process.kill(s.pid, 'SIGSTOP');
    try {
      fs.writeFileSync(barrier, '');
      const r = await client;
      expect(r.exitCode, String(r.stderr)).toBe(0);
      const o = JSON.parse(fs.readFileSync(out, 'utf8')) as { released: string[]; claimed: string[]; releaseMs: number; claimMs: number };
      // The release waited out its deadline at the stopped service, then went alone; the claim after
      // it went alone at once (the service is shunned for a while).
      expect(o.released).toEqual(['src/x/**']);
      expect(o.claimed).toEqual(['src/x/**']);
      expect(o.releaseMs).toBeGreaterThanOrEqual(4900);
    } finally {
      process.kill(s.pid, 'SIGCONT');
    }
    // The release still queued at the resumed server is past its deadline: a later write through
    // the service is answered only after the queue before it was taken, and the claim is still held.
    expect(await claimOnce('late', ['lib/y.ts'])).toEqual({ ok: ['lib/y.ts'] });
    expect((await claimsDoc()).filter((c) => c.owner === 'client').map((c) => c.pattern)).toEqual(['src/x/**']);
    process.kill(s.pid, 'SIGKILL');
    await s.child;
  });

  it('hostile input on the socket closes that connection only; the service goes on serving', async () => {
    const s = await server();
    const sock = path.join(dir, SERVICE_SOCKET);
    for (const bad of ['not json\n', '{"id":1,"write":{"op":"drop-table"}}\n', '{"id":"x","write":{"op":"claim","req":{}}}\n']) {
      const closed = await new Promise<boolean>((resolve) => {
        const c = net.createConnection(sock, () => c.write(bad));
        c.on('data', () => resolve(false));
        c.on('close', () => resolve(true));
        c.on('error', () => {});
      });
      expect(closed, bad).toBe(true);
    }
    // A well-formed write with a bad claim in it is refused as it would be alone.
    const bad = await claimOnce('client', ['../outside']);
    expect(bad.error?.code).toBe('INVALID_INPUT');
    expect(await claimOnce('client', ['src/e.ts'])).toEqual({ ok: ['src/e.ts'] });
    expect(process.kill(s.pid, 0)).toBe(true);
    process.kill(s.pid, 'SIGKILL');
    await s.child;
  });
});
