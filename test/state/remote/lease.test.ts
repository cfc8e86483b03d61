// Lease judgement under clock skew (pure functions): expiry is measured by the observer's own
// clock from when it first saw the current heartbeat, so a holder's clock ±10 min off changes
// nothing, and neither does an observer's.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileBook } from '../../../src/state/remote/leases.js';
import { tempDir } from '../../helpers/repo.js';
import { beat, grant, holderValidUntil, judge, observe, type LeaseRecord, type Observation } from '../../../src/state/remote/lease.js';

const MIN = 60_000;
const TTL = 30_000;
const GRACE = 5_000;
const T0 = Date.UTC(2026, 0, 1);

/** An observer that looks at a record at its own clock readings, keeping what it saw. */
function watcher() {
  let obs: Observation | undefined;
  return (rec: LeaseRecord | undefined, now: number) => {
    obs = observe(rec, obs, now);
    return judge(rec, obs, now, GRACE);
  };
}

describe('remote leases under clock skew', () => {
  for (const holderSkew of [-10 * MIN, 0, 10 * MIN]) {
    for (const observerSkew of [-10 * MIN, 0, 10 * MIN]) {
      it(`holder ${holderSkew / MIN} min, observer ${observerSkew / MIN} min: live while it beats, expired only after ttl + grace of silence`, () => {
        const look = watcher();
        let rec = grant('a', 'machine-a', TTL, T0 + holderSkew);
        // The observer's clock reads true time + its skew; the holder's record is never compared with it.
        const at = (trueMs: number) => T0 + observerSkew + trueMs;
        expect(look(rec, at(0)).state).toBe('live');
        for (let t = 20_000; t <= 200_000; t += 20_000) {
          rec = beat(rec, T0 + holderSkew + t);
          expect(look(rec, at(t)).state).toBe('live');
        }
        // The holder falls silent at true time 200 s.
        expect(look(rec, at(200_000 + TTL + GRACE)).state).toBe('live');
        const j = look(rec, at(200_000 + TTL + GRACE + 1));
        expect(j.state).toBe('expired');
      });
    }
  }

  it("a naive comparison with the holder's clock would let a fast observer steal a live lease; this does not", () => {
    const rec = grant('a', 'machine-a', TTL, T0 - 10 * MIN); // holder's clock 10 min slow
    const fastObserverNow = T0 + 10 * MIN; // observer's clock 10 min fast: 20 min "after" the beat
    expect(fastObserverNow - rec.holderTime).toBeGreaterThan(TTL + GRACE); // what a naive check would see
    expect(judge(rec, observe(rec, undefined, fastObserverNow), fastObserverNow, GRACE).state).toBe('live');
  });

  it('a slow observer still takes over a silent lease after ttl + grace of its own time', () => {
    const rec = grant('a', 'machine-a', TTL, T0 + 10 * MIN); // holder's clock 10 min fast: "in the future"
    const look = watcher();
    const slow = T0 - 10 * MIN;
    expect(look(rec, slow).state).toBe('live');
    expect(look(rec, slow + TTL + GRACE + 1).state).toBe('expired');
  });

  it('a new heartbeat, a new holder or a takeover restarts the observation; a clock stepping back never expires', () => {
    const look = watcher();
    const rec = grant('a', 'm', TTL, 0);
    look(rec, 1000);
    expect(look(beat(rec, 0), 1000 + TTL + GRACE + 1).state).toBe('live');
    const taken = grant('b', 'm2', TTL, 0, rec);
    expect(taken.beat).toBe(rec.beat + 1);
    expect(look(taken, 10 * MIN).state).toBe('live');
    expect(look(taken, 10 * MIN - 5 * MIN).state).toBe('live');
    expect(judge(undefined, undefined, 0)).toEqual({ state: 'free' });
  });

  it('the same holder taking its lease again after expiry does not reuse an old heartbeat value', () => {
    const first = grant('a', 'm', TTL, 0);
    const again = grant('a', 'm', TTL, 0, first);
    const stale: Observation = { holder: 'a', beat: first.beat, firstSeenAt: 0 };
    expect(judge(again, observe(again, stale, TTL * 10), TTL * 10, GRACE).state).toBe('live');
  });

  it('the holder stops trusting its lease before any observer could judge it expired', () => {
    expect(holderValidUntil(1_000, TTL)).toBeLessThan(1_000 + TTL);
    expect(holderValidUntil(1_000, TTL, 2_000)).toBe(1_000 + TTL - 2_000);
  });

  it('a file-backed observation book lets successive processes age the same heartbeat', () => {
    const file = path.join(tempDir(), 'observed.json');
    const rec = grant('a', 'm', TTL, 0);
    const first = fileBook(file);
    first.set('k', observe(rec, first.get('k'), 1_000));
    // A later process, a fresh book on the same file: it remembers when the heartbeat was first seen.
    const later = fileBook(file);
    const obs = observe(rec, later.get('k'), 1_000 + TTL + GRACE + 1);
    expect(obs?.firstSeenAt).toBe(1_000);
    expect(judge(rec, obs, 1_000 + TTL + GRACE + 1, GRACE).state).toBe('expired');
    later.set('k', undefined);
    expect(fileBook(file).get('k')).toBeUndefined();
  });
});
