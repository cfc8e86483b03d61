/**
 * Named leases in one shared document on the remote (`{ leases: { <key>: LeaseRecord } }`),
 * acquired, renewed and released through RemoteStore.transact, judged by the pure rules of
 * lease.ts. What this process has seen of each heartbeat is kept in an ObservationBook: the
 * in-memory one is enough for a long-lived process (an MCP server, a merge processor); a
 * short-lived CLI passes a persistent one so successive invocations share what they saw.
 */
import fs from 'node:fs';
import { LanesError } from '../../errors.js';
import { safeText } from '../../util/escape.js';
import { writeFileAtomic } from '../atomic.js';
import { beat, DEFAULT_GRACE_MS, grant, judge, observe, type Judgement, type LeaseRecord, type Observation } from './lease.js';
import type { RemoteStore } from './store.js';

export interface ObservationBook {
  get(key: string): Observation | undefined;
  set(key: string, obs: Observation | undefined): void;
}

export function memoryBook(): ObservationBook {
  const m = new Map<string, Observation>();
  return {
    get: (k) => m.get(k),
    set: (k, o) => (o ? m.set(k, o) : m.delete(k)),
  };
}

/**
 * Observations kept in a file, so successive short-lived processes on one machine age the same
 * heartbeat. Losing an update (two processes writing at once) only makes a heartbeat look newer,
 * which delays a takeover and never hastens one.
 */
export function fileBook(file: string): ObservationBook {
  const load = (): Map<string, Observation> => {
    try {
      return new Map(JSON.parse(fs.readFileSync(file, 'utf8')) as Array<[string, Observation]>);
    } catch {
      return new Map();
    }
  };
  return {
    get: (k) => load().get(k),
    set: (k, o) => {
      const m = load();
      const prev = m.get(k);
      if (o && prev && prev.holder === o.holder && prev.beat === o.beat && prev.firstSeenAt === o.firstSeenAt) return;
      if (o) m.set(k, o);
      else if (!m.delete(k)) return;
      writeFileAtomic(file, JSON.stringify([...m]) + '\n', 0o600, { durable: false });
    },
  };
}

interface LeaseDoc {
  leases: Record<string, LeaseRecord>;
}

export interface LeaseOptions {
  holder: string;
  machine: string;
  ttlMs: number;
  graceMs?: number;
  /** The observer's clock (default Date.now). */
  now?: () => number;
  book?: ObservationBook;
}

export type AcquireResult = { granted: true; record: LeaseRecord; attempts: number } | { granted: false; judgement: Judgement };

const empty = (): LeaseDoc => ({ leases: {} });

function recordOf(d: LeaseDoc, key: string): LeaseRecord | undefined {
  return d && typeof d.leases === 'object' && d.leases !== null && Object.hasOwn(d.leases, key) ? d.leases[key] : undefined;
}

export class RemoteLeases {
  private readonly book: ObservationBook;

  constructor(
    private readonly store: RemoteStore,
    private readonly doc: string,
    private readonly opts: LeaseOptions,
  ) {
    this.book = opts.book ?? memoryBook();
  }

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }

  /** Look at a key's lease now, recording what was seen (so that later looks can age it). */
  async inspect(key: string): Promise<Judgement> {
    const view = await this.store.read([this.doc]);
    return this.judgeSeen(key, recordOf(view.get(this.doc, empty), key));
  }

  private judgeSeen(key: string, rec: LeaseRecord | undefined): Judgement {
    const now = this.now();
    const obs = observe(rec, this.book.get(key), now);
    this.book.set(key, obs);
    return judge(rec, obs, now, this.opts.graceMs ?? DEFAULT_GRACE_MS);
  }

  /**
   * Take the lease when it is free, expired (by this observer's clock) or already ours. The write
   * is leased on the record judged, so a holder's heartbeat landing first makes this try again
   * and see the lease live.
   */
  async acquire(key: string): Promise<AcquireResult> {
    const r = await this.store.transact([this.doc], (tx) => {
      const d = tx.get(this.doc, empty);
      const cur = recordOf(d, key);
      if (cur && cur.holder === this.opts.holder) {
        d.leases[key] = beat(cur, this.now());
        return { granted: true as const, record: d.leases[key]! };
      }
      const j = this.judgeSeen(key, cur);
      if (j.state === 'live') return { granted: false as const, judgement: j };
      d.leases[key] = grant(this.opts.holder, this.opts.machine, this.opts.ttlMs, this.now(), cur);
      return { granted: true as const, record: d.leases[key]! };
    });
    return r.result.granted ? { ...r.result, attempts: r.attempts } : r.result;
  }

  /** One heartbeat. CONFLICT when the lease is no longer ours (taken over after we fell silent). */
  async renew(key: string): Promise<LeaseRecord> {
    const r = await this.store.transact([this.doc], (tx) => {
      const d = tx.get(this.doc, empty);
      const cur = recordOf(d, key);
      if (!cur || cur.holder !== this.opts.holder) return { lost: cur };
      d.leases[key] = beat(cur, this.now());
      return { record: d.leases[key]! };
    });
    if ('record' in r.result && r.result.record) return r.result.record;
    const by = (r.result as { lost?: LeaseRecord }).lost;
    throw new LanesError(
      'CONFLICT',
      `Lost the lease "${key}": ${by ? `it is now held by ${safeText(by.holder)} on ${safeText(by.machine)}` : 'it was released or taken over'}.`,
      {
        hint: 'Stop acting on it; whatever it protected may now be changed by its new holder. Acquire it again to continue.',
        details: { key, holder: by?.holder, machine: by?.machine },
      },
    );
  }

  /** Give the lease up if it is ours; true when something was released. */
  async release(key: string): Promise<boolean> {
    const r = await this.store.transact([this.doc], (tx) => {
      const d = tx.get(this.doc, empty);
      const cur = recordOf(d, key);
      if (!cur || cur.holder !== this.opts.holder) return false;
      delete d.leases[key];
      return true;
    });
    return r.result;
  }
}
