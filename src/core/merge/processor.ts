/**
 * With shared state on a remote, one merge-queue processor at a time across all machines: a lease
 * per target in the shared `processor` document, renewed while the processor works. A landing
 * checks the lease in the same atomic push that moves the target (batch-land.ts), so a processor
 * that stalled and lost its lease cannot land. Another machine takes an expired lease over only
 * after it has itself watched the holder stay silent for the whole ttl (state/seen.ts), however
 * far apart the clocks are.
 */
import { LanesError } from '../../errors.js';
import { defineDoc, type DocTx } from '../../state/define.js';
import { hostName } from '../../state/pid.js';
import { goneReason } from '../claims/owner.js';
import { safeText } from '../../util/escape.js';
import type { Project } from '../project/project.js';
import { act } from '../hints/actions.js';

export interface ProcessorLease {
  owner: string;
  host: string;
  pid: number;
  renewed_at: string;
  expires_at: string;
  ttl_seconds: number;
}

export interface ProcessorDoc {
  leases: Record<string, ProcessorLease>;
}

export const PROCESSOR_DOC = defineDoc<ProcessorDoc>({
  name: 'processor',
  empty: () => ({ leases: Object.create(null) as Record<string, ProcessorLease> }),
  normalize: (d) =>
    d && typeof d.leases === 'object' && d.leases !== null ? d : { leases: Object.create(null) as Record<string, ProcessorLease> },
});

const TTL_SECONDS = 30;

function me(): string {
  return `merge:${hostName()}:${process.pid}`;
}

function fresh(now: number): ProcessorLease {
  return {
    owner: me(),
    host: hostName(),
    pid: process.pid,
    renewed_at: new Date(now).toISOString(),
    expires_at: new Date(now + TTL_SECONDS * 1000).toISOString(),
    ttl_seconds: TTL_SECONDS,
  };
}

/** Inside a landing's transaction: refuse unless this process still holds the target's lease. */
export function assertProcessorInTx(tx: DocTx, target: string, now = Date.now()): void {
  const l = tx.get(PROCESSOR_DOC).leases[target];
  // The holder stops acting a few seconds before its own expiry, so a takeover never overlaps it.
  if (l && l.owner === me() && Date.parse(l.expires_at) - 5000 > now) return;
  throw new LanesError('CONFLICT', `This merge processor no longer holds the lease on ${target}; nothing landed.`, {
    hint: `Another machine's processor took over (this one stalled past its lease). It lands the queue; watch ${act('merge_status')}.`,
    details: { target, holder: l?.owner },
  });
}

export interface HeldProcessor {
  /** Stop renewing and give the lease up. */
  release(): Promise<void>;
  /** Set when a renewal found the lease taken over. */
  readonly lost: boolean;
}

/** Take the processor lease on `target` (BUSY naming the holder when another machine has it). */
export async function takeProcessor(project: Project, target: string): Promise<HeldProcessor | undefined> {
  const { store } = project;
  if (!store.shared) return undefined;
  const now = Date.now();
  const holder = await store.transact(async (tx) => {
    const d = tx.get(PROCESSOR_DOC);
    const cur = d.leases[target];
    if (cur && cur.owner !== me() && goneReason(cur, now) === undefined) return cur;
    d.leases[target] = fresh(now);
    return undefined;
  });
  if (holder) {
    throw new LanesError(
      'BUSY',
      `The merge queue of ${target} is being processed on ${safeText(holder.host)} (${safeText(holder.owner)}).`,
      {
        hint: `That processor lands your entries too; watch ${act('merge_status')}. If that machine is gone, its lease ends ${TTL_SECONDS} s after its last renewal.`,
        details: { holder },
      },
    );
  }
  let lost = false;
  let stopped = false;
  let inFlight: Promise<void> = Promise.resolve();
  const timer = setInterval(
    () => {
      inFlight = inFlight.then(async () => {
        if (stopped) return;
        try {
          const ok = await store.transact(async (tx) => {
            const d = tx.get(PROCESSOR_DOC);
            if (d.leases[target]?.owner !== me()) return false;
            d.leases[target] = fresh(Date.now());
            return true;
          });
          if (!ok) lost = true;
        } catch {
          // offline for a moment: the landing's own check refuses if the lease ran out meanwhile
        }
      });
    },
    (TTL_SECONDS * 1000) / 3,
  );
  timer.unref();
  return {
    get lost() {
      return lost;
    },
    release: async () => {
      stopped = true;
      clearInterval(timer);
      await inFlight;
      await store
        .transact(async (tx) => {
          const d = tx.get(PROCESSOR_DOC);
          if (d.leases[target]?.owner === me()) delete d.leases[target];
        })
        .catch(() => undefined);
    },
  };
}
