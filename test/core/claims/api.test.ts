import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLAIMS_DOC, type ClaimsDoc } from '../../../src/core/claims/model.js';
import { claimFiles, listClaims, releaseFiles, releaseProcess, renewClaims } from '../../../src/core/claims/api.js';
import { claimInTx, releaseOwnerInTx } from '../../../src/core/claims/tx.js';
import { findHolder } from '../../../src/core/claims/match.js';
import { LanesError } from '../../../src/errors.js';
import { defineDoc } from '../../../src/state/define.js';
import { StateStore } from '../../../src/state/index.js';
import { tempDir } from '../../helpers/repo.js';

/** Another document, to show claims compose with it in one transaction. */
const OTHER = defineDoc<Record<string, string>>({ name: 'other', empty: () => ({}) });

let root: string;
let store: StateStore;

beforeEach(async () => {
  root = tempDir('lanes-claims-');
  store = await StateStore.open(path.join(root, 'lanes'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

async function refused(p: Promise<unknown>): Promise<LanesError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof LanesError) return e;
    throw e;
  }
  throw new Error('expected a LanesError');
}

async function doc(): Promise<ClaimsDoc> {
  return (await store.read(CLAIMS_DOC)).data;
}

describe('claims', () => {
  it('claims, lists and releases; a conflict names the holder, its task, the patterns and the expiry', async () => {
    const got = await claimFiles(store, { owner: 'task:api-2', task: 'api-2', paths: ['src/a.ts', './src//api/'], reason: 'auth work' });
    expect(got.map((c) => c.pattern)).toEqual(['src/a.ts', 'src/api/**']);
    expect(got[0]).toMatchObject({ owner: 'task:api-2', task: 'api-2', mode: 'exclusive', reason: 'auth work', ttl_seconds: 1800 });
    const e = await refused(claimFiles(store, { owner: 'task:ui', paths: ['src/a.ts'] }));
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toMatch(/src\/a\.ts is held by task api-2 until \d\d:\d\d \(in (30 min|1800 s)\)/);
    expect(e.hint).toMatch(/pick other files or wait/i);
    expect(e.hint).toContain('release_files');
    const g = await refused(claimFiles(store, { owner: 'task:ui', paths: ['src/api/*.ts'] }));
    expect(g.message).toContain('src/api/*.ts overlaps src/api/**, held by task api-2');
    expect((g.details?.conflicts as unknown[]).length).toBe(1);

    expect((await listClaims(store)).map((c) => c.pattern)).toEqual(['src/a.ts', 'src/api/**']);
    expect((await listClaims(store, { path: 'src/api/x/y.ts' })).map((c) => c.pattern)).toEqual(['src/api/**']);
    expect(await listClaims(store, { owner: 'task:ui' })).toEqual([]);

    expect(await releaseFiles(store, 'task:api-2', ['src/a.ts', 'nope.ts'])).toEqual({ released: ['src/a.ts'], not_held: ['nope.ts'] });
    await claimFiles(store, { owner: 'task:ui', paths: ['src/a.ts'] });
    expect(await releaseFiles(store, 'task:api-2')).toEqual({ released: ['src/api/**'], not_held: [] });
    expect((await doc()).claims.map((c) => c.owner)).toEqual(['task:ui']);
    const events = (await store.readEvents()).map((ev) => ev.type);
    expect(events.filter((t) => t === 'claims.claimed')).toHaveLength(2);
    expect(events.filter((t) => t === 'claims.released')).toHaveLength(2);
  });

  it('is all or nothing: a request that partly overlaps claims nothing', async () => {
    await claimFiles(store, { owner: 'a', paths: ['lib/**/*.js'] });
    const before = await store.read(CLAIMS_DOC);
    const e = await refused(claimFiles(store, { owner: 'b', paths: ['docs/x.md', 'README.md', 'lib/deep/er/q.js'] }));
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toContain('lib/deep/er/q.js overlaps lib/**/*.js');
    expect(e.message).toContain('Nothing was claimed');
    const after = await store.read(CLAIMS_DOC);
    expect(after).toEqual(before);
    // The free parts alone are fine.
    await claimFiles(store, { owner: 'b', paths: ['docs/x.md', 'README.md'] });
  });

  it('follows the shared/exclusive matrix', async () => {
    const cases: Array<[string, string, boolean]> = [
      ['shared', 'shared', true],
      ['shared', 'exclusive', false],
      ['exclusive', 'shared', false],
      ['exclusive', 'exclusive', false],
    ];
    for (const [held, asked, ok] of cases) {
      const f = `m/${held}-${asked}.ts`;
      await claimFiles(store, { owner: 'holder', paths: [f], mode: held as 'shared' });
      const p = claimFiles(store, { owner: 'asker', paths: ['m/**'], mode: asked as 'shared' });
      if (ok) await p;
      else expect((await refused(p)).code).toBe('CONFLICT');
      await releaseFiles(store, 'holder');
      await releaseFiles(store, 'asker');
    }
    // Refused because of shared claims only: the hint offers shared mode.
    await claimFiles(store, { owner: 'reader', paths: ['x.ts'], mode: 'shared' });
    expect((await refused(claimFiles(store, { owner: 'writer', paths: ['x.ts'] }))).hint).toContain('mode "shared"');
  });

  it('lets the same owner re-claim: modes merge per pattern and every lease of the owner is renewed', async () => {
    await claimFiles(store, { owner: 'me', paths: ['a.ts'], ttl_seconds: 60 });
    await claimFiles(store, { owner: 'me', paths: ['b.ts'], ttl_seconds: 600, mode: 'shared' });
    const first = (await doc()).claims;
    expect(Date.parse(first.find((c) => c.pattern === 'a.ts')!.expires_at)).toBeLessThan(Date.now() + 61_000);
    const again = await claimFiles(store, { owner: 'me', paths: ['b.ts', 'a.ts'], ttl_seconds: 900 });
    expect(again.map((c) => c.mode)).toEqual(['exclusive', 'exclusive']);
    const d = (await doc()).claims;
    expect(d).toHaveLength(2);
    for (const c of d) expect(Date.parse(c.expires_at)).toBeGreaterThan(Date.now() + 890_000);
    expect(d.find((c) => c.pattern === 'a.ts')!.claimed_at).toBe(first.find((c) => c.pattern === 'a.ts')!.claimed_at);
  });

  it('answers a repeated claim with fresh leases, and a visible conflict, without writing', async () => {
    const first = await claimFiles(store, { owner: 'me', pid: process.pid, paths: ['a.ts', 'b/**'] });
    const v = (await store.read(CLAIMS_DOC)).version;
    expect(await claimFiles(store, { owner: 'me', pid: process.pid, paths: ['b/**'] })).toEqual([first[1]]);
    expect((await refused(claimFiles(store, { owner: 'you', paths: ['b/c.ts'] }))).code).toBe('CONFLICT');
    expect((await store.read(CLAIMS_DOC)).version).toBe(v);
    // A different mode, identity or ttl is a real change.
    await claimFiles(store, { owner: 'me', paths: ['b/**'] });
    expect((await doc()).claims.find((c) => c.pattern === 'b/**')!.pid).toBeUndefined();
    expect((await store.read(CLAIMS_DOC)).version).toBe(v + 1);
    expect((await store.readEvents()).filter((e) => e.type === 'claims.claimed')).toHaveLength(2);
  });

  it('reclaims an expired lease on the next claim or list, and logs it', async () => {
    await claimFiles(store, { owner: 'old', task: 'old-task', paths: ['src/**'] });
    await store.update(CLAIMS_DOC, (d) => {
      for (const c of d.claims) c.expires_at = new Date(Date.now() - 1000).toISOString();
    });
    // findHolder already ignores it (no syscall, no write)...
    expect(findHolder(await doc(), 'src/a.ts')).toBeUndefined();
    // ...and the next list or claim drops it for good.
    expect(await listClaims(store)).toEqual([]);
    expect((await doc()).claims).toEqual([]);
    await claimFiles(store, { owner: 'new', paths: ['src/a.ts'] });
    const ev = (await store.readEvents()).filter((e) => e.type === 'claims.reclaimed');
    expect(ev).toEqual([expect.objectContaining({ owner: 'old', reason: 'expired', paths: ['src/**'], task: 'old-task' })]);
  });

  it('reclaims a claim whose pid is dead on this host, but not one from another host', async () => {
    const dead = 2 ** 22 + 12345; // above the default pid_max, so never a live process
    await claimFiles(store, { owner: 'ghost', pid: dead, paths: ['a.ts'] });
    await claimFiles(store, { owner: 'remote', pid: dead, host: 'elsewhere.invalid', paths: ['b.ts'] });
    await claimFiles(store, { owner: 'me', paths: ['a.ts'] });
    expect((await refused(claimFiles(store, { owner: 'me', paths: ['b.ts'] }))).message).toContain('held by remote');
    const ev = (await store.readEvents()).filter((e) => e.type === 'claims.reclaimed');
    expect(ev).toEqual([expect.objectContaining({ owner: 'ghost', reason: 'dead-pid', holder_pid: dead, paths: ['a.ts'] })]);
  });

  it('commits the reclaim even when the claim itself is refused', async () => {
    await claimFiles(store, { owner: 'ghost', pid: 2 ** 22 + 777, paths: ['a.ts'] });
    await claimFiles(store, { owner: 'live', paths: ['b.ts'] });
    await refused(claimFiles(store, { owner: 'me', paths: ['a.ts', 'b.ts'] }));
    expect((await doc()).claims.map((c) => c.owner)).toEqual(['live']);
  });

  it('renews: extends every lease of the owner, and writes nothing when the leases are fresh', async () => {
    await claimFiles(store, { owner: 'me', paths: ['a.ts', 'b/**'], ttl_seconds: 120 });
    const v0 = (await store.read(CLAIMS_DOC)).version;
    expect(await renewClaims(store, 'me')).toEqual({ claims: 2, ports: 0, wrote: false });
    expect((await store.read(CLAIMS_DOC)).version).toBe(v0);
    expect(await renewClaims(store, 'me', 3600)).toEqual({ claims: 2, ports: 0, wrote: true });
    for (const c of (await doc()).claims) {
      expect(Date.parse(c.expires_at)).toBeGreaterThan(Date.now() + 3500_000);
      expect(c.ttl_seconds).toBe(3600);
    }
    // An expired but not yet reclaimed lease of the renewing owner is kept (nobody can hold it since).
    await store.update(CLAIMS_DOC, (d) => {
      for (const c of d.claims) c.expires_at = new Date(Date.now() - 1).toISOString();
    });
    expect((await renewClaims(store, 'me')).wrote).toBe(true);
    expect((await listClaims(store)).length).toBe(2);
    expect(await renewClaims(store, 'nobody')).toEqual({ claims: 0, ports: 0, wrote: false });
  });

  it('refuses hostile paths and owners before touching state', async () => {
    const bad = ['../x', 'src/../../etc/passwd', '/etc/passwd', 'C:\\x', 'a\u0000b', 'a\nb', '', '!src/**', 'src\\a.ts', '~/x'];
    for (const p of bad) {
      const e = await refused(claimFiles(store, { owner: 'me', paths: ['ok.ts', p] }));
      expect(e.code, JSON.stringify(p)).toBe('INVALID_INPUT');
      expect(e.hint, JSON.stringify(p)).toBeTruthy();
    }
    for (const owner of ['', 'a b', '../x', 'x/y', 'a\u0007', 'x'.repeat(200)]) {
      expect((await refused(claimFiles(store, { owner, paths: ['ok.ts'] }))).code).toBe('INVALID_INPUT');
    }
    expect((await refused(claimFiles(store, { owner: 'me', paths: [] }))).code).toBe('INVALID_INPUT');
    expect((await refused(claimFiles(store, { owner: 'me', paths: ['a'], ttl_seconds: 0 }))).code).toBe('INVALID_INPUT');
    expect((await refused(claimFiles(store, { owner: 'me', paths: ['a'], task: 'Not A Slug' }))).code).toBe('INVALID_INPUT');
    expect((await refused(claimFiles(store, { owner: 'me', paths: ['a'], mode: 'all' as 'shared' }))).code).toBe('INVALID_INPUT');
    expect((await refused(claimFiles(store, { owner: 'me', paths: ['a'], reason: 'x\u001b[31m' }))).code).toBe('INVALID_INPUT');
    expect((await refused(listClaims(store, { path: '../x' }))).code).toBe('INVALID_INPUT');
    expect(fs.existsSync(path.join(store.dir, 'claims.json'))).toBe(false);
  });

  it('claimInTx and releaseOwnerInTx compose with other documents in one transaction', async () => {
    await store.transact(async (tx) => {
      claimInTx(tx, { owner: 'task:api', task: 'api', paths: ['src/api/**'] });
      tx.get(OTHER).started = 'api';
    });
    expect((await doc()).claims.map((c) => c.pattern)).toEqual(['src/api/**']);
    // A refused claim aborts the caller's whole transaction.
    const e = await refused(
      store.transact(async (tx) => {
        tx.get(OTHER).started = 'ui';
        return claimInTx(tx, { owner: 'task:ui', paths: ['src/**'] });
      }),
    );
    expect(e.code).toBe('CONFLICT');
    expect((await store.read(OTHER)).data.started).toBe('api');
    const n = await store.transact(async (tx) => releaseOwnerInTx(tx, 'task:api'));
    expect(n).toBe(1);
    expect((await doc()).claims).toEqual([]);
  });

  it('releaseProcess drops the claims recorded with this pid only', async () => {
    await claimFiles(store, { owner: 'session:s1', pid: process.pid, paths: ['a.ts'] });
    await claimFiles(store, { owner: 'task:t', paths: ['b.ts'] });
    expect(await releaseProcess(store)).toEqual({ claims: 1, ports: 0 });
    expect((await doc()).claims.map((c) => c.owner)).toEqual(['task:t']);
    expect(await releaseProcess(store)).toEqual({ claims: 0, ports: 0 });
  });
});

describe('findHolder (the hook fast path)', () => {
  const at = (ms: number) => new Date(Date.now() + ms).toISOString();
  const rec = (owner: string, pattern: string, mode: 'exclusive' | 'shared', expires = at(60_000)) => ({
    owner,
    pattern,
    mode,
    host: 'h',
    claimed_at: at(0),
    expires_at: expires,
    ttl_seconds: 60,
  });
  const claims: ClaimsDoc = {
    claims: [
      rec('reader', 'src/**', 'shared'),
      rec('writer', 'src/api/*.ts', 'exclusive'),
      rec('dir', 'docs', 'exclusive'),
      rec('old', 'lib/**', 'exclusive', at(-1)),
      rec('dots', '**/*.env', 'exclusive'),
    ],
  };
  it('prefers an exclusive holder, skips the asking owner and expired leases, covers plain directories and dotfiles', () => {
    expect(findHolder(claims, 'src/api/a.ts')?.owner).toBe('writer');
    expect(findHolder(claims, './src/api/a.ts', 'writer')?.owner).toBe('reader');
    expect(findHolder(claims, 'src/ui/x.ts')?.owner).toBe('reader');
    expect(findHolder(claims, 'src/api/deep/a.ts')?.owner).toBe('reader');
    expect(findHolder(claims.claims, 'docs/a/b.md')?.owner).toBe('dir');
    expect(findHolder(claims, 'docs')?.owner).toBe('dir');
    expect(findHolder(claims, 'docsx/a.md')).toBeUndefined();
    expect(findHolder(claims, 'lib/a.js')).toBeUndefined();
    expect(findHolder(claims, 'config/.env')?.owner).toBe('dots');
    expect(findHolder(claims, 'src/.hidden/x')?.owner).toBe('reader');
  });

  it('covers what claim_files refuses: plain brace alternatives are directories, as in the planner', async () => {
    const d: ClaimsDoc = { claims: [rec('a', 'src/{api,web}', 'exclusive')] };
    expect(findHolder(d, 'src/api/x.ts')?.owner).toBe('a');
    expect(findHolder(d, 'src/apix.ts')).toBeUndefined();
    await claimFiles(store, { owner: 'a', paths: ['src/{api,web}'] });
    expect((await refused(claimFiles(store, { owner: 'b', paths: ['src/api/x.ts'] }))).code).toBe('CONFLICT');
  });

  it('finds the holder of a path among 200 claims (globs and files; its speed is for the bench, not a test)', () => {
    const many: ClaimsDoc = {
      claims: Array.from({ length: 200 }, (_, i) => rec(`o${i}`, i % 2 ? `pkg${i}/**/*.ts` : `pkg${i}/file.ts`, 'exclusive')),
    };
    let hits = 0;
    for (let i = 0; i < 1000; i++) {
      const k = i % 250;
      const h = findHolder(many, `pkg${k}/deep/x.ts`);
      // Only the odd packages below 200 hold a glob that reaches into deep/.
      expect(h?.owner, `pkg${k}`).toBe(k < 200 && k % 2 ? `o${k}` : undefined);
      if (h) hits++;
    }
    expect(hits).toBe(400);
  });
});
