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
 */
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { LanesError } from '../../errors.js';
import { gitOut } from '../../git/exec.js';
import {
  fetchObjects,
  lsRemote,
  pushableRefProblem,
  pushAtomic,
  readBlobs,
  presentObjects,
  writeRootCommit,
  type RefUpdate,
  type RemoteOptions,
} from '../../git/remote.js';
import {
  assertRemoteDocName,
  DOC_FILE,
  makeView,
  parseStored,
  STATE_PREFIX,
  type RemoteDoc,
  type RemoteView,
  type Stored,
} from './format.js';
import { advanceMirror, lastFetch, mirrorRef, mirrorRefs, recordFetch } from './mirror.js';

export interface RemoteStoreOptions extends RemoteOptions {
  /** Any worktree of the clone. */
  cwd: string;
  /** A configured remote name (origin) or a URL. */
  remote: string;
  /** This machine's name, recorded with each write (default: the host name). */
  machine?: string;
  /** Tries of `transact` when a lease does not hold (default 8). */
  maxAttempts?: number;
  /** Extra tries when the remote does not answer (default 2). */
  offlineRetries?: number;
  /** Base of the jittered exponential backoff between tries (default 40 ms). */
  backoffMs?: number;
  /** The clock; tests skew it. */
  now?: () => number;
}

export interface RemoteTx {
  /** The document's data, mutable; the same object on every call within one try. */
  get<T>(doc: string, init: () => T): T;
  /** Remove the document (a commit holding null, leased like any write). */
  delete(doc: string): void;
  /**
   * Move another ref in the same atomic push, from `expect` (null: must not exist) to `next`, a
   * commit this clone has: a landing moves refs/heads/<target> from the tested base to the tested
   * commit while the transaction's documents (the processor's lease) assert it may.
   */
  pushRef(ref: string, expect: string | null, next: string): void;
  readonly attempt: number;
  readonly fetchedAt: number;
}

export interface TransactResult<R> {
  result: R;
  /** Whether anything was pushed (false when `fn` changed nothing). */
  pushed: boolean;
  attempts: number;
}

export class RemoteStore {
  readonly remote: string;
  /** The slug naming this remote in local refs and files. */
  readonly name: string;
  private readonly opts: RemoteStoreOptions;
  private stateDir: { dir: string; root: string } | undefined;

  constructor(opts: RemoteStoreOptions) {
    this.opts = opts;
    this.remote = opts.remote;
    this.name = /^[a-z0-9][a-z0-9-]{0,62}$/.test(opts.remote)
      ? opts.remote
      : `url-${crypto.createHash('sha256').update(opts.remote).digest('hex').slice(0, 16)}`;
  }

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }

  /** One consistent look at the named documents: one ls-remote, and a fetch only of new commits. */
  private async fetchDocs(docs: string[]): Promise<{ docs: Map<string, RemoteDoc>; at: number }> {
    const names = [...new Set(docs.map(assertRemoteDocName))];
    for (let i = 0; ; i++) {
      const refs = await lsRemote(this.opts.cwd, this.remote, STATE_PREFIX, this.opts);
      const at = this.now();
      const wanted = names.map((d) => [d, refs.get(STATE_PREFIX + d)] as const);
      const oids = wanted.flatMap(([, o]) => (o ? [o] : []));
      const have = await presentObjects(this.opts.cwd, oids, this.opts);
      const missing = oids.filter((o) => !have.has(o));
      if ((await fetchObjects(this.opts.cwd, this.remote, missing, this.opts)) === 'moved') {
        if (i >= 5)
          throw new LanesError('BUSY', `The shared state on ${this.remote} kept changing while it was read.`, {
            hint: 'Run the command again.',
          });
        continue;
      }
      const present = wanted.filter(([, o]) => o !== undefined) as Array<readonly [string, string]>;
      const texts = await readBlobs(
        this.opts.cwd,
        present.map(([, o]) => `${o}:${DOC_FILE}`),
        this.opts,
      );
      const out = new Map<string, RemoteDoc>();
      for (const d of names) out.set(d, { exists: false, oid: null, gen: 0, data: undefined });
      const seen = present.map(([d, o], k) => {
        const s = parseStored(d, texts[k], o);
        out.set(d, { exists: s.data !== null, oid: o, gen: s.gen, data: s.data });
        return { doc: d, oid: o, gen: s.gen };
      });
      await this.remember(seen, at);
      return { docs: out, at };
    }
  }

  private async localState(): Promise<{ dir: string; root: string }> {
    if (!this.stateDir) {
      const common = path.resolve(
        this.opts.cwd,
        await gitOut(this.opts.cwd, ['rev-parse', '--git-common-dir'], { env: this.opts.env, readOnly: true }),
      );
      this.stateDir = { dir: path.join(common, 'lanes'), root: common };
    }
    return this.stateDir;
  }

  /** Best effort: keep the local mirror and the last-fetch time for offline reads. */
  private async remember(seen: Array<{ doc: string; oid: string; gen: number }>, at: number): Promise<void> {
    try {
      const held = await this.mirrorGens(seen.map((s) => s.doc));
      await advanceMirror(this.opts.cwd, this.name, seen, held, this.opts.env);
      const st = await this.localState();
      recordFetch(st.dir, st.root, this.name, at);
    } catch {
      // a cache; the next successful read tries again
    }
  }

  private async mirrorGens(docs: string[]): Promise<Map<string, { oid: string; gen: number }>> {
    const refs = await mirrorRefs(this.opts.cwd, this.name, this.opts.env);
    const list = docs.filter((d) => refs.has(d));
    const texts = await readBlobs(
      this.opts.cwd,
      list.map((d) => `${refs.get(d)}:${DOC_FILE}`),
      this.opts,
    );
    const out = new Map<string, { oid: string; gen: number }>();
    list.forEach((d, i) => {
      try {
        out.set(d, { oid: refs.get(d)!, gen: parseStored(d, texts[i], refs.get(d)!).gen });
      } catch {
        out.set(d, { oid: refs.get(d)!, gen: -1 });
      }
    });
    return out;
  }

  /** The documents as they are on the remote now. Throws OFFLINE when it cannot be reached. */
  async read(docs: string[]): Promise<RemoteView> {
    const r = await this.fetchDocs(docs);
    return makeView(r.docs, r.at);
  }

  /**
   * The documents as this clone last saw them, without the network; `fetchedAt` says how old the
   * view is (undefined: never read). For showing state while offline, never for deciding.
   */
  async readCached(docs: string[]): Promise<RemoteView> {
    const names = docs.map(assertRemoteDocName);
    const refs = await mirrorRefs(this.opts.cwd, this.name, this.opts.env);
    const list = names.filter((d) => refs.has(d));
    const texts = await readBlobs(
      this.opts.cwd,
      list.map((d) => `${refs.get(d)}:${DOC_FILE}`),
      this.opts,
    );
    const out = new Map<string, RemoteDoc>();
    for (const d of names) out.set(d, { exists: false, oid: null, gen: 0, data: undefined });
    list.forEach((d, i) => {
      const s = parseStored(d, texts[i], refs.get(d)!);
      out.set(d, { exists: s.data !== null, oid: refs.get(d)!, gen: s.gen, data: s.data });
    });
    const st = await this.localState();
    return makeView(out, lastFetch(st.dir, this.name));
  }

  /** Read `docs`, decide with `fn`, and push the decision as one compare-and-swap. */
  async transact<R>(docs: string[], fn: (tx: RemoteTx) => R | Promise<R>): Promise<TransactResult<R>> {
    const names = [...new Set(docs.map(assertRemoteDocName))];
    const maxAttempts = this.opts.maxAttempts ?? 8;
    const offlineRetries = this.opts.offlineRetries ?? 2;
    let offline = 0;
    let contended: string[] = [];
    // A push whose answer was lost may have landed: each write's commit is unique (no other writer
    // can produce it), so finding one of them on the remote proves the whole atomic push landed.
    let pending: { commits: Map<string, string>; result: R } | undefined;
    for (let attempt = 1; attempt <= maxAttempts;) {
      let read;
      try {
        read = await this.fetchDocs(names);
      } catch (e) {
        if (!(e instanceof LanesError && e.code === 'OFFLINE') || ++offline > offlineRetries) throw this.withPending(e, pending);
        await this.backoff(offline);
        continue;
      }
      if (pending) {
        const landed = [...pending.commits].some(([d, oid]) => read.docs.get(d)?.oid === oid);
        if (landed) return { result: pending.result, pushed: true, attempts: attempt };
        pending = undefined;
      }
      const data = new Map<string, unknown>();
      const deleted = new Set<string>();
      const extra = new Map<string, RefUpdate>();
      const tx: RemoteTx = {
        attempt,
        fetchedAt: read.at,
        get: <T>(doc: string, init: () => T): T => {
          const d = read.docs.get(doc);
          if (!d) throw new LanesError('INTERNAL', `shared document "${doc}" is not part of this transaction (${names.join(', ')})`);
          if (!data.has(doc)) data.set(doc, d.exists ? structuredClone(d.data) : init());
          deleted.delete(doc);
          return data.get(doc) as T;
        },
        delete: (doc: string) => {
          if (!read.docs.has(doc)) throw new LanesError('INTERNAL', `shared document "${doc}" is not part of this transaction`);
          deleted.add(doc);
        },
        pushRef: (ref: string, expect: string | null, next: string) => {
          const problem = pushableRefProblem(ref);
          if (problem || ref.startsWith(STATE_PREFIX))
            throw new LanesError(
              'INVALID_INPUT',
              `Cannot push ${JSON.stringify(ref)} with shared state: it ${problem ?? 'is a shared document'}.`,
            );
          if (names.length === 0)
            throw new LanesError(
              'INVALID_INPUT',
              'A transaction that moves a ref must read at least one document (the lease that allows it).',
            );
          extra.set(ref, { ref, expect, next });
        },
      };
      const result = await fn(tx);
      const { updates, commits } = await this.plan(read.docs, data, deleted, extra.size > 0);
      updates.push(...extra.values());
      if (updates.length === 0) return { result, pushed: false, attempts: attempt };
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
        await this.remember(
          [...commits].map(([doc, oid]) => ({ doc, oid, gen: read.docs.get(doc)!.gen + 1 })),
          read.at,
        );
        return { result, pushed: true, attempts: attempt };
      }
      if (outcome.kind === 'rejected') {
        throw new LanesError(
          'REMOTE_REJECTED',
          `The remote ${JSON.stringify(this.remote)} refused the change to ${names.join(', ')}: ${outcome.reason}.`,
          {
            hint: "Nothing was changed (the push is atomic). A server hook or a protection rule refused it: for refs/lanes/* allow this account to push there; a protected branch needs a bot account or the forge's merge queue (docs/remote.md).",
            details: { refs: outcome.refs },
          },
        );
      }
      // git's HTTP transport resends a push whose answer was lost; the resend then fails its lease
      // against our own first copy. So a contended push may have landed too: look on the next read.
      pending = { commits, result };
      contended = outcome.contended.map((r) => r.replace(STATE_PREFIX, ''));
      attempt++;
      if (attempt <= maxAttempts) await this.backoff(attempt - 1);
    }
    if (pending) {
      const last = await this.fetchDocs(names).catch(() => undefined);
      if (last && [...pending.commits].some(([d, oid]) => last.docs.get(d)?.oid === oid)) {
        return { result: pending.result, pushed: true, attempts: maxAttempts };
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

  /**
   * New commits for the changed and the merely-read documents, and a lease on each. A deleted (or
   * never written) document is a commit holding null, which every reader takes for absent: ref
   * deletions would lose the generation count and could not assert an absence.
   */
  private async plan(read: Map<string, RemoteDoc>, data: Map<string, unknown>, deleted: Set<string>, movesRefs: boolean) {
    const values = new Map<string, unknown>();
    let anyChange = movesRefs;
    for (const [doc, d] of read) {
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
    const tx = crypto.randomBytes(8).toString('hex');
    const machine = this.opts.machine ?? os.hostname();
    for (const [doc, d] of read) {
      // Unchanged documents are rewritten too, at the next generation, so their leases are checked.
      const oid = await this.commitDoc(doc, d.gen + 1, tx, machine, values.get(doc));
      updates.push({ ref: STATE_PREFIX + doc, expect: d.oid, next: oid });
      commits.set(doc, oid);
    }
    return { updates, commits };
  }

  private commitDoc(doc: string, gen: number, tx: string, machine: string, data: unknown): Promise<string> {
    const stored: Stored = { lanes: 1, doc, gen, tx, machine, at: this.now(), data };
    return writeRootCommit(this.opts.cwd, { [DOC_FILE]: JSON.stringify(stored) + '\n' }, `lanes state ${doc} gen ${gen}`, this.opts);
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
