/**
 * What a batch writes to the queue's state: the entries it takes, what integration decided, and
 * for the gate-less fast path on local state the one write that does both and records the
 * landing's intent. batch.ts runs the steps; these are its state writes.
 */
import { LanesError } from '../../errors.js';
import type { DocTx } from '../../state/define.js';
import { act } from '../hints/actions.js';
import type { Project } from '../project/project.js';
import { holdInTx, markFailedInTx, markLandedInTx, queueIn, requeueInTx } from './after.js';
import type { BatchJournal } from './batch-journal.js';
import type { Integration } from './integrate.js';
import { msSince, nowIso, type MergeEntry } from './model.js';

/** What integration decided, in the state: conflicts failed, deferred back in the queue, holds, no-ops landed, links on to `next`. */
export function recordInTx(tx: DocTx, target: string, integ: Integration, next: 'gating' | 'landing', integrateMs: number): void {
  const doc = queueIn(tx);
  for (const c of integ.conflicted) {
    const what =
      c.e.kind === 'revert'
        ? `Later changes on ${target} touch the same lines: revert it by hand (git revert) in a new task.`
        : `Merge ${target} into the lane, resolve the conflicts, commit, and queue it again.`;
    markFailedInTx(tx, c.e.id, `${c.message}\n${what}`, { kind: 'conflict', files: c.files });
  }
  requeueInTx(
    tx,
    integ.deferred.map((e) => e.id),
    'conflicts with another entry of its batch; tried alone next',
  );
  for (const h of integ.held) holdInTx(tx, h.e.id, h.reason);
  if (integ.noop.length) markLandedInTx(tx, integ.noop, target, { unchecked: false });
  for (const l of integ.links) {
    const e = doc.entries.find((x) => x.id === l.entry);
    if (!e) continue;
    e.state = next;
    e.timings = { ...e.timings, integrate_ms: integrateMs };
  }
}

/**
 * The gate-less fast path on local state: one write takes the entries still queued (a cancel may
 * have come meanwhile), records what integration decided, and the landing's intent (the exact
 * compare-and-swap about to happen) in place of a journal record. Links after one whose entry
 * was not taken were built on it: they go back to the queue. Returns what was decided for the
 * entries taken.
 */
export async function takeAndRecord(
  project: Project,
  target: string,
  journal: BatchJournal,
  integ: Integration,
  integrateMs: number,
  old: string,
): Promise<Integration> {
  return project.store.transact(async (tx) => {
    const doc = queueIn(tx);
    if (doc.landing) {
      throw new LanesError('BUSY', 'Another merge processor has a landing in flight that is not settled; nothing was taken.', {
        hint: `Run the merge queue again once that processor has finished (${act('merge_status')}).`,
        details: { holder: { pid: doc.landing.pid, host: doc.landing.host } },
      });
    }
    const taken = new Set(
      claimInTx(
        tx,
        [...integ.links.map((l) => l.entry), ...integ.conflicted.map((c) => c.e.id), ...integ.deferred.map((e) => e.id)].concat(
          integ.noop.map((n) => n.entry),
          integ.held.map((h) => h.e.id),
        ),
      ).map((e) => e.id),
    );
    const cut = integ.links.findIndex((l) => !taken.has(l.entry));
    const links = cut < 0 ? integ.links : integ.links.slice(0, cut);
    requeueInTx(
      tx,
      integ.links.slice(links.length).map((l) => l.entry),
    );
    const mine: Integration = {
      links,
      conflicted: integ.conflicted.filter((c) => taken.has(c.e.id)),
      deferred: integ.deferred.filter((e) => taken.has(e.id)),
      noop: integ.noop.filter((n) => taken.has(n.entry)),
      held: integ.held.filter((h) => taken.has(h.e.id)),
    };
    recordInTx(tx, target, mine, 'landing', integrateMs);
    const last = links[links.length - 1];
    if (last) {
      journal.recordInTx(tx, {
        old,
        new: last.commit,
        landing: links.map((l) => ({ entry: l.entry, commit: l.commit, base: l.base })),
        unchecked: true,
      });
    }
    return mine;
  });
}

/** Marks the picked entries as ours (only those still queued). */
export async function claimEntries(project: Project, ids: string[]): Promise<MergeEntry[]> {
  return project.store.transact(async (tx) => claimInTx(tx, ids));
}

/** Inside a transaction: marks the entries still queued (and not being cancelled) as integrating, ours. */
function claimInTx(tx: DocTx, ids: readonly string[]): MergeEntry[] {
  const doc = queueIn(tx);
  const out: MergeEntry[] = [];
  for (const id of ids) {
    const e = doc.entries.find((x) => x.id === id);
    if (!e || e.state !== 'queued' || e.cancel_requested) continue;
    e.state = 'integrating';
    e.attempts += 1;
    const first = e.started_at === undefined;
    e.started_at ??= nowIso();
    if (first) e.timings = { ...e.timings, wait_ms: msSince(e.queued_at) ?? 0 };
    out.push({ ...e });
  }
  return out;
}
