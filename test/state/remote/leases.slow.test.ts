// Leases on a real git server between machines whose clocks are 10 minutes apart either way: a
// live lease cannot be stolen whatever the clocks say, a silent one is taken over by a
// compare-and-swap, and the old holder learns it lost it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LanesError } from '../../../src/errors.js';
import { RemoteLeases } from '../../../src/state/remote/leases.js';
import { RemoteStore } from '../../../src/state/remote/store.js';
import { makeMachine, startGitDaemon, type GitServer, type Machine } from '../../helpers/git-server.js';

const MIN = 60_000;
const TTL = 2_000;
const GRACE = 1_000;

describe('remote leases across skewed machines (git daemon)', () => {
  let server: GitServer;
  const machines: Machine[] = [];
  beforeAll(async () => {
    server = await startGitDaemon();
    for (const n of ['a', 'b', 'c']) machines.push(makeMachine(n, server.url));
  });
  afterAll(async () => {
    await server.cleanup();
    for (const m of machines) m.cleanup();
  });

  /** A machine whose clock reads real time + `offset`; tests move time by changing the offset. */
  function node(m: Machine, offset: number) {
    const clock = { offset };
    const now = () => Date.now() + clock.offset;
    const store = new RemoteStore({ cwd: m.dir, remote: 'origin', env: m.env, machine: m.name, now, backoffMs: 10 });
    const leases = new RemoteLeases(store, 'leases', { holder: `${m.name}-proc`, machine: m.name, ttlMs: TTL, graceMs: GRACE, now });
    return { clock, leases };
  }

  it('holds a live lease against skewed observers, and hands a silent one over by compare-and-swap', async () => {
    const [ma, mb, mc] = machines as [Machine, Machine, Machine];
    const a = node(ma, +10 * MIN);
    const b = node(mb, -10 * MIN);
    const c = node(mc, +10 * MIN);
    const got = await a.leases.acquire('processor');
    expect(got.granted).toBe(true);

    // B's clock is 20 min behind A's, C's equal to A's: neither may take a lease just written.
    for (const o of [b, c]) {
      const r = await o.leases.acquire('processor');
      expect(r.granted).toBe(false);
      if (!r.granted) expect(r.judgement.state).toBe('live');
    }

    // Time passes for the observers, but A beats in between: still live (a new heartbeat value).
    await a.leases.renew('processor');
    b.clock.offset += TTL + GRACE + 1;
    c.clock.offset += TTL + GRACE + 1;
    expect((await b.leases.acquire('processor')).granted).toBe(false);
    expect((await c.leases.inspect('processor')).state).toBe('live');

    // A falls silent. C has now watched the same heartbeat for longer than ttl + grace on its own clock.
    c.clock.offset += TTL + GRACE + 1;
    const taken = await c.leases.acquire('processor');
    expect(taken.granted).toBe(true);
    if (taken.granted) expect(taken.record).toMatchObject({ holder: 'c-proc', machine: 'c' });

    // B has not watched C's lease at all: live for it, whatever its clock says.
    b.clock.offset += 60 * MIN;
    expect((await b.leases.acquire('processor')).granted).toBe(false);

    // A's next heartbeat learns it lost the lease and to whom.
    const lost = await a.leases.renew('processor').catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(LanesError);
    expect((lost as LanesError).code).toBe('CONFLICT');
    expect((lost as LanesError).message).toContain('held by c-proc on c');

    expect(await c.leases.release('processor')).toBe(true);
    expect((await b.leases.acquire('processor')).granted).toBe(true);
  });
});
