/**
 * Claim writes as data: a claim or a release that needs the state lock, applied inside one
 * transaction. Several of them (from several processes, through the claim service in service.ts)
 * can be applied in one transaction, one after the other in arrival order, each isolated: what
 * one write changed is undone if it fails, and it gets its own answer. One transaction means one
 * lock hold, one read of claims.json and one durable write for all of them.
 */
import type { StateStore, Tx } from '../../state/index.js';
import { nullProtoDeep } from '../../state/index.js';
import { isLanesError, LanesError } from '../../errors.js';
import { failpoint } from '../../util/failpoint.js';
import type { DocDef, DocTx } from '../../state/define.js';
import { LANES_DOC } from '../lanes/model.js';
import { taskHolder, TASKS_DOC } from '../plan/tasks.js';
import { assertAuthority, OWNERS_DOC } from './liveness.js';
import type { ClaimRecord, ClaimRequest, Reclaimed } from './model.js';
import { claimInTx, claimsOf, reclaimDoc, releasePatternsInTx } from './tx.js';

/**
 * Who may release `owner`'s claims: a task's scope (`task:<id>`) is its task owner's, any other
 * owner's claims are that owner's. `actor` is who asks; without one nothing is checked (internal
 * callers: the runner, the merge queue).
 */
export interface ReleaseAuthority {
  actor: string;
  /** A human's override at the CLI. */
  force?: boolean;
}

export interface Released {
  released: string[];
  not_held: string[];
}

export type ClaimWrite =
  { op: 'claim'; req: ClaimRequest } | { op: 'release'; owner: string; patterns?: string[]; auth?: ReleaseAuthority };

/** What a write came to: its result, a refusal (a LanesError as data), or "apply it yourself". */
export type WriteAnswer =
  | { ok: ClaimRecord[] | Released }
  | { refused: { code: LanesError['code']; message: string; hint?: string; details?: Record<string, unknown> } }
  | { alone: true };

/** The owner whose word counts for `owner`'s claims (see ReleaseAuthority). */
function claimHolder(tx: DocTx, owner: string): { holder: string | undefined; task?: string } {
  const m = /^task:([a-z0-9][a-z0-9-]{0,62})$/.exec(owner);
  if (!m) return { holder: owner };
  const task = m[1]!;
  const lanes = tx.get(LANES_DOC);
  const tasks = tx.get(TASKS_DOC);
  const lane = Object.hasOwn(lanes, task) ? lanes[task] : undefined;
  const t = Object.hasOwn(tasks, task) ? tasks[task] : undefined;
  return { holder: taskHolder(t) ?? (t?.status === 'done' ? undefined : lane?.owner), task };
}

function applyRelease(tx: DocTx, w: Extract<ClaimWrite, { op: 'release' }>, reclaimed: Reclaimed[]): Released {
  const { owner, patterns, auth } = w;
  if (auth) {
    const h = claimHolder(tx, owner);
    const what = h.task ? `The file scope of task "${h.task}" (${owner})` : `The claims of ${owner}`;
    assertAuthority(tx.get(OWNERS_DOC), {
      actor: auth.actor,
      holder: h.holder,
      what,
      ...(h.task ? { task: h.task } : {}),
      ...(auth.force ? { force: true } : {}),
    });
  }
  const doc = claimsOf(tx);
  reclaimed.push(...reclaimDoc(doc));
  if (patterns) return releasePatternsInTx(tx, owner, patterns);
  const released = doc.claims.filter((c) => c.owner === owner).map((c) => c.pattern);
  doc.claims = doc.claims.filter((c) => c.owner !== owner);
  return { released: [...new Set(released)], not_held: [] };
}

export const asRefusal = (e: LanesError): WriteAnswer => ({
  refused: {
    code: e.code,
    message: e.message,
    ...(e.hint !== undefined ? { hint: e.hint } : {}),
    ...(e.details !== undefined ? { details: e.details } : {}),
  },
});

/**
 * One write inside `tx`. A claim's conflict and a release's refused authority are answers, not
 * failures: the reclaims found on the way stay (so a dead holder is cleaned up once), as they did
 * when each claim had its own transaction; a release's authority is checked before it changes
 * anything. Anything else is thrown, with the reclaims it found dropped.
 */
function applyOne(tx: DocTx, w: ClaimWrite, reclaimed: Reclaimed[]): WriteAnswer {
  const mark = reclaimed.length;
  try {
    return { ok: w.op === 'claim' ? claimInTx(tx, w.req, { reclaimed }) : applyRelease(tx, w, reclaimed) };
  } catch (e) {
    if (w.op === 'claim' ? isLanesError(e, 'CONFLICT') : e instanceof LanesError) return asRefusal(e as LanesError);
    reclaimed.length = mark;
    throw e;
  }
}

/**
 * A view of `tx` that remembers each document as it was before the batch touched it (one copy per
 * document per batch, not per write), so `restore` can put every one back in place.
 */
function restorable(tx: Tx): { view: DocTx; restore(): void } {
  const before = new Map<object, string>();
  return {
    view: {
      get: <T>(doc: DocDef<T>): T => {
        const d = tx.get(doc) as object;
        if (!before.has(d)) before.set(d, JSON.stringify(d));
        return d as T;
      },
    },
    restore() {
      for (const [d, text] of before) {
        const o = d as Record<string, unknown>;
        for (const k of Object.keys(o)) delete o[k];
        Object.assign(o, nullProtoDeep(JSON.parse(text) as Record<string, unknown>));
      }
    },
  };
}

/**
 * Each write in order, on what the ones before it left. One that fails (anything but a refusal,
 * which is an answer) is left out: the documents are put back as the batch found them and the
 * batch is applied again without it (a failure is rare; a copy of the documents per write is not).
 * A single write's failure is thrown.
 */
function applyAll(tx: Tx, writes: readonly ClaimWrite[], reclaimed: Reclaimed[], withdrawn: (i: number) => boolean): WriteAnswer[] {
  if (writes.length === 1) return [withdrawn(0) ? { alone: true } : applyOne(tx, writes[0]!, reclaimed)];
  const { view, restore } = restorable(tx);
  const failed = new Set<number>();
  for (;;) {
    let at = -1;
    try {
      reclaimed.length = 0;
      return writes.map((w, i): WriteAnswer => {
        if (failed.has(i) || withdrawn(i)) return { alone: true };
        at = i;
        return applyOne(view, w, reclaimed);
      });
    } catch (e) {
      // Each pass leaves out one more write, so this ends; nothing applied yet means nothing to leave out.
      if (at < 0) throw e;
      failed.add(at);
      restore();
    }
  }
}

/**
 * Applies `writes` in one transaction, in order, each isolated, and logs what was reclaimed on the
 * way. A write that fails with anything but a refusal is answered `alone` (its caller applies it in
 * a transaction of its own, where the same failure reaches it as it is). When the transaction
 * itself fails, it throws.
 */
export async function runWrites(
  store: StateStore,
  writes: readonly ClaimWrite[],
  logReclaimed: (store: StateStore, r: readonly Reclaimed[]) => Promise<void>,
  /** Asked under the lock, just before the write is applied: true leaves it out (answered `alone`). */
  withdrawn: (i: number) => boolean = () => false,
): Promise<WriteAnswer[]> {
  const reclaimed: Reclaimed[] = [];
  const answers = await store.transact(async (tx) => {
    const out = applyAll(tx, writes, reclaimed, withdrawn);
    await failpoint('claims.writes.before-commit');
    return out;
  });
  await logReclaimed(store, reclaimed);
  return answers;
}

/** The answer as its caller's result, or its refusal thrown. */
export function answerOf<R>(a: Exclude<WriteAnswer, { alone: true }>): R {
  if ('refused' in a) {
    const r = a.refused;
    throw new LanesError(r.code, r.message, {
      ...(r.hint !== undefined ? { hint: r.hint } : {}),
      ...(r.details !== undefined ? { details: r.details } : {}),
    });
  }
  return a.ok as R;
}
