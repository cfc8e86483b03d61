// The git facts the remote store relies on, checked through both real servers (git daemon and
// smart HTTP via git http-backend): leased atomic pushes, the dropped no-op re-assert, fetching
// objects by tip without touching local refs, and OFFLINE when the server is gone.
import { execa } from 'execa';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchObjects, lsRemote, pushAtomic, presentObjects, readBlobs } from '../../src/git/remote.js';
import { writeRootCommit } from '../../src/git/root-commit.js';
import { LanesError } from '../../src/errors.js';
import { tempDir } from '../helpers/repo.js';
import { makeMachine, startGitDaemon, startHttpGitServer, type GitServer, type Machine } from '../helpers/git-server.js';

async function waitFor(cond: () => boolean, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const kinds = [
  ['daemon', startGitDaemon],
  ['http', startHttpGitServer],
] as const;

describe.each(kinds)('git remote over %s', (_kind, start) => {
  let server: GitServer;
  let a: Machine;
  let b: Machine;
  beforeAll(async () => {
    server = await start();
    a = makeMachine('a', server.url);
    b = makeMachine('b', server.url);
  });
  afterAll(async () => {
    await server.cleanup();
    a.cleanup();
    b.cleanup();
  });

  const commit = (m: Machine, text: string) => writeRootCommit(m.dir, { 'doc.json': text }, 'test', { env: m.env });

  it('grants exactly one of two racing creations, and lands a multi-ref push whole or not at all', async () => {
    const ca = await commit(a, 'a\n');
    const cb = await commit(b, 'b\n');
    const ra = await pushAtomic(
      a.dir,
      'origin',
      [
        { ref: 'refs/lanes/test/claim', expect: null, next: ca },
        { ref: 'refs/lanes/test/beat-a', expect: null, next: ca },
      ],
      { env: a.env },
    );
    expect(ra.ok).toBe(true);
    const rb = await pushAtomic(
      b.dir,
      'origin',
      [
        { ref: 'refs/lanes/test/claim', expect: null, next: cb },
        { ref: 'refs/lanes/test/beat-b', expect: null, next: cb },
      ],
      { env: b.env },
    );
    expect(rb.ok).toBe(false);
    if (!rb.ok) {
      expect(rb.kind).toBe('contended');
      if (rb.kind === 'contended') expect(rb.contended).toEqual(['refs/lanes/test/claim']);
    }
    const refs = await lsRemote(b.dir, 'origin', 'refs/lanes/test/', { env: b.env });
    expect(Object.fromEntries(refs)).toEqual({ 'refs/lanes/test/claim': ca, 'refs/lanes/test/beat-a': ca });
  });

  it('a push of a ref at its current value is dropped by the client, lease unchecked (so the store rewrites instead)', async () => {
    const refs = await lsRemote(a.dir, 'origin', 'refs/lanes/test/', { env: a.env });
    const cur = refs.get('refs/lanes/test/claim')!;
    const wrong = await commit(a, 'wrong\n');
    // The lease names a value the ref never had, yet git reports "up to date" and exits 0.
    // Asynchronously: the HTTP server runs in this process and must keep answering.
    const { stdout: out } = await execa(
      'git',
      ['push', '--porcelain', '--atomic', `--force-with-lease=refs/lanes/test/claim:${wrong}`, 'origin', `${cur}:refs/lanes/test/claim`],
      {
        cwd: a.dir,
        env: a.env,
      },
    );
    expect(out).toMatch(/^=\t.*\[up to date\]/m);
    await expect(pushAtomic(a.dir, 'origin', [{ ref: 'refs/lanes/test/claim', expect: cur, next: cur }], { env: a.env })).rejects.toThrow(
      /would not change it/,
    );
  });

  it('replaces a ref with an unrelated root commit under a lease, and fetches tips by id without local refs', async () => {
    const refs = await lsRemote(b.dir, 'origin', 'refs/lanes/test/', { env: b.env });
    const cur = refs.get('refs/lanes/test/claim')!;
    const next = await commit(b, 'b2\n');
    expect((await pushAtomic(b.dir, 'origin', [{ ref: 'refs/lanes/test/claim', expect: cur, next }], { env: b.env })).ok).toBe(true);
    expect((await presentObjects(a.dir, [next], { env: a.env })).size).toBe(0);
    expect(await fetchObjects(a.dir, 'origin', [next], { env: a.env })).toBe('ok');
    expect(await readBlobs(a.dir, [`${next}:doc.json`, `${next}:nope`], { env: a.env })).toEqual(['b2\n', undefined]);
    expect(a.git('for-each-ref')).toBe('');
    // A commit the server does not advertise (here: one it never had): the caller lists again.
    expect(await fetchObjects(a.dir, 'origin', [await commit(b, 'never pushed\n')], { env: a.env })).toBe('moved');
  });

  it('the server itself checks each lease: a push that passed the client check loses to one that landed meanwhile', async () => {
    const dir = tempDir('lanes-hook-');
    const [hold, entered, go] = ['hold', 'entered', 'go'].map((f) => path.join(dir, f)) as [string, string, string];
    fs.writeFileSync(hold, '');
    // The first push to arrive while "hold" exists waits inside pre-receive, after the client has
    // checked its lease against the advertised value and before the server's ref transaction.
    const hook = `if [ -e ${hold} ]; then rm -f ${hold}; touch ${entered}; while [ ! -e ${go} ]; do sleep 0.05; done; fi; exit 0`;
    try {
      const cur = await commit(a, 'start\n');
      server.preReceive(undefined);
      expect((await pushAtomic(a.dir, 'origin', [{ ref: 'refs/lanes/test/race', expect: null, next: cur }], { env: a.env })).ok).toBe(true);
      server.preReceive(hook);
      const slow = pushAtomic(
        a.dir,
        'origin',
        [
          { ref: 'refs/lanes/test/race', expect: cur, next: await commit(a, 'slow\n') },
          { ref: 'refs/lanes/test/other', expect: null, next: await commit(a, 'other\n') },
        ],
        { env: a.env },
      );
      slow.catch(() => undefined); // awaited below; a failure before that must not go unhandled
      await waitFor(() => fs.existsSync(entered));
      const fast = await pushAtomic(b.dir, 'origin', [{ ref: 'refs/lanes/test/race', expect: cur, next: await commit(b, 'fast\n') }], {
        env: b.env,
      });
      expect(fast.ok).toBe(true);
      fs.writeFileSync(go, '');
      const r = await slow;
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.kind).toBe('contended');
      const after = await lsRemote(b.dir, 'origin', 'refs/lanes/test/', { env: b.env });
      expect(after.has('refs/lanes/test/other')).toBe(false); // atomic: the other ref did not land either
      expect(await readBlobs(b.dir, [`${after.get('refs/lanes/test/race')}:doc.json`], { env: b.env })).toEqual(['fast\n']);
    } finally {
      server.preReceive(undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names a rejecting pre-receive hook as a refusal, not contention', async () => {
    server.preReceive('echo "refs/lanes is read-only here" >&2; exit 1');
    try {
      const refs = await lsRemote(a.dir, 'origin', 'refs/lanes/test/', { env: a.env });
      const next = await commit(a, 'x\n');
      const r = await pushAtomic(a.dir, 'origin', [{ ref: 'refs/lanes/test/claim', expect: refs.get('refs/lanes/test/claim')!, next }], {
        env: a.env,
      });
      expect(r.ok).toBe(false);
      if (!r.ok && r.kind === 'rejected') expect(r.reason).toMatch(/pre-receive hook declined.*read-only here/);
      else throw new Error(`expected a rejection, got ${JSON.stringify(r)}`);
    } finally {
      server.preReceive(undefined);
    }
  });

  it('fails with OFFLINE while the server is down, and works again after it restarts', async () => {
    await server.stop();
    const err = await lsRemote(a.dir, 'origin', 'refs/lanes/', { env: a.env }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LanesError);
    expect((err as LanesError).code).toBe('OFFLINE');
    expect((err as LanesError).message).toContain('Could not reach the remote "origin"');
    const next = await commit(a, 'y\n');
    const perr = await pushAtomic(a.dir, 'origin', [{ ref: 'refs/lanes/test/new', expect: null, next }], { env: a.env }).catch(
      (e: unknown) => e,
    );
    expect((perr as LanesError).code).toBe('OFFLINE');
    await server.start();
    // The push that failed offline did not land, and the server answers again.
    expect((await lsRemote(a.dir, 'origin', 'refs/lanes/test/', { env: a.env })).has('refs/lanes/test/new')).toBe(false);
    expect((await pushAtomic(a.dir, 'origin', [{ ref: 'refs/lanes/test/new', expect: null, next }], { env: a.env })).ok).toBe(true);
  });
});
