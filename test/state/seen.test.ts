// Another machine's lease is judged by this machine's own observation, never by comparing clocks.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hostName } from '../../src/state/pid.js';
import { leaseEnd, loadBook, observeLeases, saveBook, unloadBook } from '../../src/state/seen.js';
import { tempDir } from '../helpers/repo.js';

const MIN = 60_000;
const lease = (host: string, expiresAt: number, ttl = 60) => ({
  owner: 'task:a',
  host,
  expires_at: new Date(expiresAt).toISOString(),
  ttl_seconds: ttl,
});

describe('leaseEnd', () => {
  afterEach(() => unloadBook());

  it('judges this host’s own records, and every record without a remote, by their written expiry', () => {
    const t = Date.parse('2026-12-01T12:00:00Z');
    expect(leaseEnd(lease('elsewhere', t), t)).toBe(t);
    loadBook(path.join(tempDir('seen-'), 'seen.json'));
    expect(leaseEnd(lease(hostName(), t), t)).toBe(t);
  });

  it.each([
    ['10 min ahead', 10 * MIN],
    ['10 min behind', -10 * MIN],
  ])(
    'a holder whose clock is %s: its live lease is never taken early, its dead one ends ttl + grace after it was first seen',
    (_, skew) => {
      loadBook(path.join(tempDir('seen-'), 'seen.json'));
      const now = Date.parse('2026-12-01T12:00:00Z');
      // Written by the holder's clock: "now" there is now + skew, the lease runs 60 s from then.
      const rec = lease('m2', now + skew + 60_000);
      observeLeases({ claims: [rec] }, now);
      // However far off the written expiry is, it lives 60 s (+ 5 s grace) from when it was seen.
      expect(leaseEnd(rec, now + 30_000)).toBe(now + 65_000);
      expect(leaseEnd(rec, now + 64_000) > now + 64_000).toBe(true);
      expect(leaseEnd(rec, now + 66_000) > now + 66_000).toBe(false);
      // A renewal is a new record: seen later, it lives from then.
      const renewed = lease('m2', now + skew + 120_000);
      expect(leaseEnd(renewed, now + 60_000)).toBe(now + 125_000);
    },
  );

  it('keeps what it saw across processes, so a short-lived command ages the same record', () => {
    const file = path.join(tempDir('seen-'), 'seen.json');
    loadBook(file);
    const now = Date.parse('2026-12-01T12:00:00Z');
    const rec = lease('m3', now + 999 * MIN);
    observeLeases(rec, now);
    saveBook();
    expect(fs.existsSync(file)).toBe(true);
    unloadBook();
    loadBook(file);
    expect(leaseEnd(rec, now + 10 * MIN)).toBe(now + 65_000);
  });
});
