/** Owner leases (src/core/claims/liveness.ts): renewal, pid-bound owners, own-property lookups. */
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { renewClaims } from '../../src/core/claims/api.js';
import { emptyOwners, leaseOf, ownerLiveness, OWNERS_DOC, readOwners, releaseOwner, touchOwner, type OwnersDoc } from '../../src/core/claims/liveness.js';
import { openProject, type Project } from '../../src/core/project/project.js';
import { makeRepo, type TestRepo } from '../helpers/repo.js';

let repo: TestRepo | undefined;
afterEach(() => repo?.cleanup());

async function setup(): Promise<Project> {
  repo = makeRepo();
  return openProject(repo.dir);
}

const version = async (l: Project) => (await l.store.read<OwnersDoc>(OWNERS_DOC, emptyOwners)).version;

describe('owner leases', () => {
  it('a fresh lease is not written again; an aged one is renewed, also by renewClaims', async () => {
    const l = await setup();
    await touchOwner(l.store, { owner: 'alice', ttl_seconds: 600 });
    const v = await version(l);
    await touchOwner(l.store, { owner: 'alice', ttl_seconds: 600 });
    expect(await version(l)).toBe(v);
    expect(ownerLiveness(await readOwners(l.store), 'alice')).toMatchObject({ live: true, owner: 'alice' });

    await l.store.transact(async (tx) => {
      tx.get<OwnersDoc>(OWNERS_DOC, emptyOwners).leases.alice!.expires_at = new Date(Date.now() + 10_000).toISOString();
    });
    await renewClaims(l.store, 'alice');
    expect(Date.parse(leaseOf(await readOwners(l.store), 'alice')!.expires_at)).toBeGreaterThan(Date.now() + 500_000);

    expect(await releaseOwner(l.store, 'alice')).toBe(true);
    expect(ownerLiveness(await readOwners(l.store), 'alice')).toMatchObject({ live: false, why: 'no-lease' });
  });

  it('only an owner that registered a pid ends with it; a touch without a pid keeps the registered one', async () => {
    const l = await setup();
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    await touchOwner(l.store, { owner: 'run:x', pid: dead });
    expect(ownerLiveness(await readOwners(l.store), 'run:x')).toMatchObject({ live: false, why: 'dead-pid' });
    await touchOwner(l.store, { owner: 'run:y', pid: process.pid });
    await touchOwner(l.store, { owner: 'run:y' }); // an agent's call on behalf of its run
    expect(leaseOf(await readOwners(l.store), 'run:y')).toMatchObject({ pid: process.pid });
    // A stable name with no pid stays live whatever process touched it.
    await touchOwner(l.store, { owner: 'bob' });
    expect(ownerLiveness(await readOwners(l.store), 'bob').live).toBe(true);
  });

  it('looks owners up by own property only, and refuses a bad owner name', async () => {
    const l = await setup();
    expect(leaseOf(await readOwners(l.store), 'constructor')).toBeUndefined();
    expect(ownerLiveness(await readOwners(l.store), '__proto__')).toMatchObject({ live: false, why: 'no-lease' });
    await touchOwner(l.store, { owner: 'constructor' });
    expect(ownerLiveness(await readOwners(l.store), 'constructor').live).toBe(true);
    await expect(touchOwner(l.store, { owner: 'a\u001bb' })).rejects.toThrow(/control character/);
  });
});
