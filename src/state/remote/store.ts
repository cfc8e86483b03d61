/**
 * Shared state on the team's git remote, with no Lanes server: each document is a JSON file in a
 * parentless commit at refs/lanes/state/<doc> on the remote, and every change is one atomic,
 * leased push (src/git/remote.ts), so the git server's ref transaction is the arbiter.
 *
 * `transact(docs, fn)` reads the named documents, runs `fn` on their data, and pushes every
 * document it read — changed ones with their new value, unchanged ones rewritten with the same
 * value and the next generation — each with a lease on the commit it read. Rewriting the unchanged
 * ones is what makes the decision's inputs part of the compare-and-swap: git drops a push of a ref
 * at its current value without the server checking its lease. A lost race re-reads and runs `fn`
 * again (bounded, with jittered backoff), so `fn` must be a function of the state it is given.
 *
 * Only the documents `fn` looks at (get, set, delete) are leased; the others named are read so
 * that `fn` may look at them. An optimistic transaction decides first from this clone's mirror of
 * the remote, with no round trip before the push: when the mirror was current the push lands; when
 * it was not, its leases fail and the next try reads the remote.
 */
import os from 'node:os';
import { LanesError } from '../../errors.js';
import { pushableRefProblem, pushAtomic, type RefUpdate } from '../../git/remote.js';
import { writeRootCommits } from '../../git/root-commit.js';
import { assertRemoteDocName, DOC_FILE, makeView, STATE_PREFIX, type RemoteDoc, type RemoteView, type Stored } from './format.js';
import { advanceMirrorFrom, cachedDocs, fetchDocs, remember, type DocsRead, type ReadContext } from './read.js';
import { mirrorRef } from './mirror.js';
import { randomHex } from '../random.js';
import { sha256Hex } from '../random.js';
import type { RemoteStoreOptions, RemoteTx, TransactOptions, TransactResult } from './types.js';

export type { RemoteStoreOptions, TransactOptions, RemoteTx, TransactResult };

export class RemoteStore {
  readonly remote: string;
  /** The slug naming this remote in local refs and files. */
  readonly name: string;
  private readonly opts: RemoteStoreOptions;
  private readonly ctx: ReadContext;

  constructor(opts: RemoteStoreOptions) {
    this.opts = opts;
    this.remote = opts.remote;
    this.name = /^[a-z0-9][a-z0-9-]{0,62}$/.test(opts.remote) ? opts.remote : `url-${sha256Hex(opts.remote).slice(0, 16)}`;
    this.ctx = { ...opts, name: this.name, now: () => this.now() };
  }

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }

  /** The documents as they are on the remote now. Throws OFFLINE when it cannot be reached. */
  async read(docs: string[]): Promise<RemoteView> {
    const r = await fetchDocs(this.ctx, docs);
    return makeView(r.docs, r.at);
  }

  /** The documents and watched refs as they are on the remote now, with the commits read. */
  readDocs(docs: string[], watch: string[] = []): Promise<DocsRead> {
    return fetchDocs(this.ctx, docs, watch);
  }

  /**
   * The documents as this clone last saw them, without the network; `fetchedAt` says how old the
   * view is (undefined: never read). For showing state while offline, never for deciding.
   */
  async readCached(docs: string[]): Promise<RemoteView> {
    const r = await cachedDocs(this.ctx, docs);
    return makeView(r.docs, r.at);
  }

  /** Read `docs`, decide with `fn`, and push the decision as one compare-and-swap. */
  async transact<R>(docs: string[], fn: (tx: RemoteTx) => R | Promise<R>, topts: TransactOptions = {}): Promise<TransactResult<R>> {
    const names = [...new Set(docs.map(assertRemoteDocName))];
    const watch = topts.watch ?? [];
    const maxAttempts = this.opts.maxAttempts ?? 8;
    const offlineRetries = this.opts.offlineRetries ?? 2;
    let offline = 0;
    let contended: string[] = [];
    let optimistic = topts.optimistic === true && watch.length === 0;
    // A push whose answer was lost may have landed: each write's commit is unique (no other writer
    // can produce it), so finding one of them on the remote proves the whole atomic push landed.
    let pending: { commits: Map<string, string>; result: R } | undefined;
    for (let attempt = 1; attempt <= maxAttempts;) {
      let read: DocsRead;
      try {
        read = optimistic ? await cachedDocs(this.ctx, names) : await fetchDocs(this.ctx, names, watch);
      } catch (e) {
        if (!(e instanceof LanesError && e.code === 'OFFLINE') || ++offline > offlineRetries) throw this.withPending(e, pending);
        await this.backoff(offline);
        continue;
      }
      const wasOptimistic = optimistic;
      optimistic = false;
      if (pending) {
        const landed = [...pending.commits].some(([d, oid]) => read.docs.get(d)?.oid === oid);
        if (landed) return { result: pending.result, pushed: true, attempts: attempt, docs: read.docs };
        pending = undefined;
      }
      const { tx, data, touched, deleted, extra } = this.makeTx(names, read, attempt);
      let result: R;
      try {
        result = await fn(tx);
      } catch (e) {
        // A refusal decided from the mirror may be stale: only the remote's own state may refuse.
        if (wasOptimistic) continue;
        throw e;
      }
      const { updates, commits } = await this.plan(read.docs, data, touched, deleted, extra.size > 0);
      updates.push(...extra.values());
      // Likewise a decision to change nothing: the push is what checks the mirror was current.
      if (updates.length === 0 && wasOptimistic && touched.size > 0) continue;
      if (updates.length === 0) return { result, pushed: false, attempts: attempt, docs: read.docs };
      let outcome;
      try {
        outcome = await pushAtomic(this.opts.cwd, this.remote, updates, this.opts);
      } catch (e) {
        if (!(e instanceof LanesError && e.code === 'OFFLINE')) throw e;
        pending = { commits, result };
        if (++offline > offlineRetries) throw this.withPending(e, pending);
        await this.backoff(offline);
        continue;
      }
      if (outcome.ok) {
        const after = new Map(read.docs);
        const seen = [...commits].map(([doc, oid]) => {
          const gen = read.docs.get(doc)!.gen + 1;
          const value = deleted.has(doc) ? null : data.has(doc) ? data.get(doc) : read.docs.get(doc)!.data;
          after.set(doc, { exists: value !== null && value !== undefined, oid, gen, data: value });
          return { doc, oid, gen };
        });
        // The mirror held what this try read (it was read from it, or advanced to it by the fetch):
        // one compare-and-swap of all its refs, else the careful path ref by ref.
        const moved = await advanceMirrorFrom(
          this.ctx,
          seen.map((x) => ({ ...x, from: read.docs.get(x.doc)!.oid })),
        );
        // (a fetched try's read already recorded when the remote was read)
        if (!moved) await remember(this.ctx, seen, wasOptimistic ? undefined : read.at);
        return { result, pushed: true, attempts: attempt, docs: after };
      }
      if (outcome.kind === 'rejected') {
        throw new LanesError(
          'REMOTE_REJECTED',
          `The remote ${JSON.stringify(this.remote)} refused the change to ${[...touched, ...extra.keys()].join(', ')}: ${outcome.reason}.`,
          {
            hint: "Nothing was changed (the push is atomic). A server hook or a protection rule refused it: for refs/lanes/* allow this account to push there; a protected branch needs a bot account or the forge's merge queue (see the README's section on machines).",
            details: { refs: outcome.refs },
          },
        );
      }
      // git's HTTP transport resends a push whose answer was lost; the resend then fails its lease
      // against our own first copy. So a contended push may have landed too: look on the next read.
      pending = { commits, result };
      contended = outcome.contended.map((r) => r.replace(STATE_PREFIX, ''));
      // A stale mirror is the expected way for an optimistic try to fail: retry at once.
      if (wasOptimistic) continue;
      attempt++;
      if (attempt <= maxAttempts) await this.backoff(attempt - 1);
    }
    if (pending) {
      const last = await fetchDocs(this.ctx, names).catch(() => undefined);
      if (last && [...pending.commits].some(([d, oid]) => last.docs.get(d)?.oid === oid)) {
        return { result: pending.result, pushed: true, attempts: maxAttempts, docs: last.docs };
      }
    }
    throw new LanesError(
      'BUSY',
      `Gave up after ${maxAttempts} tries: other machines kept changing ${contended.join(', ') || names.join(', ')} on ${JSON.stringify(this.remote)} first.`,
      {
        hint: 'Nothing of this change was written. Run the command again; if it keeps happening, fewer processes should write these documents at once.',
        details: { contended, attempts: maxAttempts },
      },
    );
  }

  private makeTx(names: string[], read: DocsRead, attempt: number) {
    const data = new Map<string, unknown>();
    const touched = new Set<string>();
    const deleted = new Set<string>();
    const extra = new Map<string, RefUpdate>();
    const known = (doc: string): RemoteDoc => {
      const d = read.docs.get(doc);
      if (!d) throw new LanesError('INTERNAL', `shared document "${doc}" is not part of this transaction (${names.join(', ')})`);
      touched.add(doc);
      return d;
    };
    const tx: RemoteTx = {
      attempt,
      fetchedAt: read.at,
      cached: read.cached,
      get: <T>(doc: string, init: () => T): T => {
        const d = known(doc);
        if (!data.has(doc)) data.set(doc, d.exists ? structuredClone(d.data) : init());
        deleted.delete(doc);
        return data.get(doc) as T;
      },
      set: (doc: string, value: unknown) => {
        known(doc);
        if (value === undefined) throw new LanesError('INVALID_INPUT', `shared document "${doc}" was set to undefined`);
        data.set(doc, value);
        deleted.delete(doc);
      },
      delete: (doc: string) => {
        known(doc);
        deleted.add(doc);
      },
      ref: (name: string) => read.refs.get(name),
      pushRef: (ref: string, expect: string | null, next: string) => {
        const problem = pushableRefProblem(ref);
        if (problem || ref.startsWith(STATE_PREFIX))
          throw new LanesError(
            'INVALID_INPUT',
            `Cannot push ${JSON.stringify(ref)} with shared state: it ${problem ?? 'is a shared document'}.`,
          );
        if (touched.size === 0)
          throw new LanesError('INVALID_INPUT', 'A transaction that moves a ref must first read a document (the lease that allows it).');
        extra.set(ref, { ref, expect, next });
      },
    };
    return { tx, data, touched, deleted, extra };
  }

  /**
   * New commits for the changed and the merely-read documents, and a lease on each. A deleted (or
   * never written) document is a commit holding null, which every reader takes for absent: ref
   * deletions would lose the generation count and could not assert an absence.
   */
  private async plan(
    read: Map<string, RemoteDoc>,
    data: Map<string, unknown>,
    touched: Set<string>,
    deleted: Set<string>,
    movesRefs: boolean,
  ) {
    const values = new Map<string, unknown>();
    let anyChange = movesRefs;
    for (const doc of touched) {
      const d = read.get(doc)!;
      let value: unknown = d.exists ? d.data : null;
      if (deleted.has(doc)) value = null;
      else if (data.has(doc)) value = data.get(doc);
      if (value === undefined) throw new LanesError('INVALID_INPUT', `shared document "${doc}" was set to undefined`);
      if (JSON.stringify(value) !== JSON.stringify(d.exists ? d.data : null)) anyChange = true;
      values.set(doc, value);
    }
    const updates: RefUpdate[] = [];
    const commits = new Map<string, string>();
    if (!anyChange) return { updates, commits };
    const tx = randomHex(8);
    const machine = this.opts.machine ?? os.hostname();
    // Unchanged documents are rewritten too, at the next generation, so their leases are checked.
    const docs = [...touched];
    const oids = await writeRootCommits(
      this.opts.cwd,
      docs.map((doc) => {
        const gen = read.get(doc)!.gen + 1;
        const stored: Stored = { lanes: 1, doc, gen, tx, machine, at: this.now(), data: values.get(doc) };
        return { files: { [DOC_FILE]: JSON.stringify(stored) + '\n' }, message: `lanes state ${doc} gen ${gen}` };
      }),
      this.opts,
    );
    docs.forEach((doc, i) => {
      updates.push({ ref: STATE_PREFIX + doc, expect: read.get(doc)!.oid, next: oids[i]! });
      commits.set(doc, oids[i]!);
    });
    return { updates, commits };
  }

  private withPending(e: unknown, pending: { commits: Map<string, string> } | undefined): unknown {
    if (!pending || !(e instanceof LanesError)) return e;
    return new LanesError(e.code, `${e.message} The last push may or may not have landed before the connection failed.`, {
      hint: `${e.hint ?? ''} Read the state again once the remote answers to see whether it did.`.trim(),
      details: { ...e.details, maybeLanded: [...pending.commits.keys()] },
      cause: e,
    });
  }

  private backoff(k: number): Promise<void> {
    const base = this.opts.backoffMs ?? 40;
    const ms = Math.min(2000, base * 2 ** Math.min(k, 6)) * (0.5 + Math.random());
    return new Promise((r) => setTimeout(r, ms));
  }
}

export { mirrorRef, STATE_PREFIX, assertRemoteDocName, type RemoteDoc, type RemoteView };
