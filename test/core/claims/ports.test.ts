import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { releaseProcess, renewClaims } from '../../../src/core/claims/api.js';
import { LanesError } from '../../../src/errors.js';
import { StateStore } from '../../../src/state/index.js';
import { PORTS_DOC, leasePort, listPorts, preferredPort, releasePorts } from '../../../src/core/claims/ports.js';
import { portFree } from '../../../src/system/port-probe.js';
import { tempDir } from '../../helpers/repo.js';

let root: string;
let store: StateStore;
const kids: ChildProcess[] = [];

beforeEach(async () => {
  root = tempDir('lanes-ports-');
  store = await StateStore.open(path.join(root, 'lanes'));
});
afterEach(() => {
  for (const k of kids.splice(0)) k.kill('SIGKILL');
  fs.rmSync(root, { recursive: true, force: true });
});

/** Another process listening on `port` at `host`; resolves once it listens. */
function occupy(port: number, host: string): Promise<ChildProcess> {
  const code = `require('net').createServer().listen(${port}, ${JSON.stringify(host)}, () => console.log('ready'))`;
  const p = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'pipe'] });
  kids.push(p);
  return new Promise((resolve, reject) => {
    p.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve(p));
    p.on('exit', (c) => reject(new Error(`occupier exited ${c}`)));
  });
}

async function ipv6(): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(0, '::1', () => s.close(() => resolve(true)));
  });
}

async function refused(p: Promise<unknown>): Promise<LanesError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  if (e instanceof LanesError) return e;
  throw new Error(`expected a LanesError, got ${String(e)}`);
}

describe('port leases', () => {
  it('gives two owners different ports, the same owner the same port, and starts from a stable hash', async () => {
    const range = { lo: 21000, hi: 21002 };
    const a = await leasePort(store, { owner: 'task:a', range });
    const b = await leasePort(store, { owner: 'task:b', range });
    expect(a.lease.port).not.toBe(b.lease.port);
    expect([a.reused, b.reused]).toEqual([false, false]);
    const again = await leasePort(store, { owner: 'task:a', range });
    expect(again).toMatchObject({ reused: true, lease: { port: a.lease.port, owner: 'task:a' } });
    expect(preferredPort('task:a')).toBe(preferredPort('task:a'));
    const d = await leasePort(store, { owner: 'task:default' });
    expect(d.lease.port).toBeGreaterThanOrEqual(20000);
    expect(d.lease.port).toBeLessThanOrEqual(29999);
    expect((await listPorts(store)).map((l) => l.owner).sort()).toEqual(['task:a', 'task:b', 'task:default']);
  });

  it('skips a port another process listens on (IPv4, and IPv6 loopback when available)', async () => {
    const owner = 'task:busy';
    const first = preferredPort(owner);
    await occupy(first, '127.0.0.1');
    expect(await portFree(first)).toBe(false);
    const got = await leasePort(store, { owner });
    expect(got.lease.port).not.toBe(first);
    await releasePorts(store, owner);
    if (await ipv6()) {
      await occupy(got.lease.port, '::1');
      const next = await leasePort(store, { owner });
      expect([first, got.lease.port]).not.toContain(next.lease.port);
    }
  });

  it('release frees the port for someone else', async () => {
    const range = { lo: 21100, hi: 21100 };
    const a = await leasePort(store, { owner: 'task:a', range });
    const e = await refused(leasePort(store, { owner: 'task:b', range }));
    expect(e.code).toBe('BUSY');
    expect(e.hint).toContain('--release');
    expect(await releasePorts(store, 'task:a')).toEqual([a.lease.port]);
    expect(await releasePorts(store, 'task:a')).toEqual([]);
    expect((await leasePort(store, { owner: 'task:b', range })).lease.port).toBe(a.lease.port);
    const ev = (await store.readEvents()).map((x) => x.type);
    expect(ev).toContain('ports.released');
  });

  it('reclaims leases of dead processes and expired leases', async () => {
    const range = { lo: 21200, hi: 21200 };
    await leasePort(store, { owner: 'ghost', pid: 2 ** 22 + 99, range });
    expect((await leasePort(store, { owner: 'task:b', range })).lease.port).toBe(21200);
    await store.update(PORTS_DOC, (d) => {
      for (const l of d.leases) l.expires_at = new Date(Date.now() - 1).toISOString();
    });
    expect(await listPorts(store)).toEqual([]);
    const ev = (await store.readEvents()).filter((x) => x.type === 'ports.reclaimed');
    expect(ev).toEqual([
      expect.objectContaining({ owner: 'ghost', reason: 'dead-pid', ports: [21200] }),
      expect.objectContaining({ owner: 'task:b', reason: 'expired', ports: [21200] }),
    ]);
  });

  it("is renewed with the owner's claims and dropped with its process", async () => {
    const l = await leasePort(store, { owner: 'session:x', pid: process.pid, ttl_seconds: 60 });
    const r = await renewClaims(store, 'session:x', 3600);
    expect(r).toEqual({ claims: 0, ports: 1, wrote: true });
    const [after] = await listPorts(store);
    expect(Date.parse(after!.expires_at)).toBeGreaterThan(Date.parse(l.lease.expires_at) + 3000_000);
    expect(await releaseProcess(store)).toEqual({ claims: 0, ports: 1 });
    expect(await listPorts(store)).toEqual([]);
  });

  it('refuses bad owners and ranges', async () => {
    for (const owner of ['', '../x', 'a b', 'x\u0000']) expect((await refused(leasePort(store, { owner }))).code).toBe('INVALID_INPUT');
    for (const range of [
      { lo: 80, hi: 90 },
      { lo: 3000, hi: 2000 },
      { lo: 60000, hi: 70000 },
    ]) {
      expect((await refused(leasePort(store, { owner: 'ok', range }))).code).toBe('INVALID_INPUT');
    }
  });
});
