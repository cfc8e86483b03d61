/**
 * The shared state of one repository: small JSON documents, an event log and a journal, in a
 * private directory under the git common dir (docs/safety.md rule 12). Reads take no lock (an atomic
 * rename means a reader sees the old or the new file, never half of one); every write happens under
 * the 'state' lock and is fenced by the document version (rule 10).
 */
import fs from 'node:fs';
import path from 'node:path';
import { LanesError } from '../errors.js';
import { fsyncDir, hasOrphanTemps, sweepTempFiles, writeFileAtomic } from './atomic.js';
import { commitGroup, pendingTemps, REDO_FILE, rollForward, type StagedDoc } from './commit.js';
import type { DocDef, Tx } from './define.js';
import { assertDocName, diskVersion, docFile, docText, loadDoc, quarantine } from './docs.js';
import { appendEvent, readEvents, type EventRecord, type ReadEventsOptions } from './events.js';
import { Journal } from './journal.js';
import type { HeldLock } from './lease.js';
import { holdsLock, withLock, type LockOptions } from './lock.js';
import { nullProtoDeep } from './records.js';
import { ensurePrivateDir } from './safedir.js';
import { sharedBackend, type SharedBackend } from './shared.js';

/** How old this clone's view of shared state may be before a read asks the remote again. */
const REFRESH_MS = 3000;
import { sharedTransact, refreshShared, type SharedTxOptions } from './shared-tx.js';

export interface Versioned<T> {
  version: number;
  data: T;
}

export interface StoreOptions extends LockOptions {
  /**
   * The directory the state dir lives in and must not escape (the git common dir): every path
   * component below it is checked not to be a symlink. Default: the state dir's parent.
   */
  root?: string;
}

export type { SharedTxOptions, Tx };

interface TxDoc {
  version: number;
  data: unknown;
  before: string;
}

export class StateStore {
  readonly journal: Journal;
  private readonly lockOpts: LockOptions;
  /** Shared state on the team's remote, when this clone has it enabled. */
  shared: SharedBackend | undefined;

  private constructor(
    readonly dir: string,
    opts: LockOptions,
  ) {
    this.lockOpts = { staleMs: opts.staleMs, deadlineMs: opts.deadlineMs, purpose: opts.purpose };
    this.journal = new Journal(path.join(dir, 'journal'));
  }

  static async open(stateDir: string, opts: StoreOptions = {}): Promise<StateStore> {
    const dir = path.resolve(stateDir);
    ensurePrivateDir(dir, opts.root);
    const store = new StateStore(dir, opts);
    store.shared = await sharedBackend(dir, path.dirname(dir));
    // Recovery needs the lock, but most opens (every hook) have nothing to recover: look first.
    const journalDir = store.journal.dir;
    if (fs.existsSync(path.join(dir, REDO_FILE)) || hasOrphanTemps(dir) || hasOrphanTemps(journalDir)) {
      await store.locked(async () => {
        sweepTempFiles(dir, pendingTemps(dir));
        sweepTempFiles(journalDir);
      });
    }
    return store;
  }

  /**
   * The 'state' lock; every acquisition first finishes a commit a crashed process left behind.
   * A single-document write renames under the lock and fsyncs the directory after releasing it
   * (`renamed`), before returning: the write is durable when reported, the lock is not held for
   * the second flush, and a later writer's own directory fsync covers this rename anyway.
   */
  async locked<R>(fn: (lock: HeldLock, renamed: () => void) => Promise<R>): Promise<R> {
    let dirty = false;
    try {
      return await withLock(
        this.dir,
        'state',
        async (lock) => {
          rollForward(this.dir);
          return fn(lock, () => (dirty = true));
        },
        this.lockOpts,
      );
    } finally {
      if (dirty) fsyncDir(this.dir);
    }
  }

  /**
   * A lock-free snapshot of the document, normalised. A shared document (state on a remote) is
   * this clone's cache of it, read from the remote first when this process has not read the
   * remote in the last few seconds (so every command starts from the remote's state, whatever
   * another process read before it); while the remote cannot be reached, the cache as it is.
   */
  async read<T>(doc: DocDef<T>): Promise<Versioned<T>> {
    if (this.shared?.docs.has(doc.name) && !holdsLock(this.dir, 'state')) await this.freshen();
    const file = docFile(this.dir, assertDocName(doc.name));
    const r = loadDoc(file);
    if (r === undefined) return { version: 0, data: nullProtoDeep(doc.empty()) };
    if (r.ok) return { version: r.version, data: doc.normalize(r.data as T) };
    if (holdsLock(this.dir, 'state')) throw quarantine(file, r.reason);
    // Quarantine only under the lock, after a second look: a writer may have just replaced it.
    return this.locked(async () => this.loadLocked(doc));
  }

  /** Read under the lock; a corrupt file is quarantined and the error thrown. */
  loadLocked<T>(doc: DocDef<T>): Versioned<T> {
    const file = docFile(this.dir, doc.name);
    const r = loadDoc(file);
    if (r === undefined) return { version: 0, data: nullProtoDeep(doc.empty()) };
    if (!r.ok) throw quarantine(file, r.reason);
    return { version: r.version, data: doc.normalize(r.data as T) };
  }

  async update<T, R>(doc: DocDef<T>, fn: (data: T) => R | Promise<R>): Promise<R> {
    const name = assertDocName(doc.name);
    if (this.shared?.docs.has(name)) return this.transact(async (tx) => fn(tx.get(doc)));
    return this.locked(async (lock, renamed) => {
      const cur = this.loadLocked(doc);
      const before = JSON.stringify(cur.data);
      const result = await fn(cur.data);
      const after = JSON.stringify(cur.data);
      if (after !== before) {
        writeFileAtomic(docFile(this.dir, name), docText(cur.version + 1, after), 0o600, {
          beforeRename: () => this.fence(lock, [[name, cur.version]]),
          syncDir: false,
        });
        renamed();
      }
      return result;
    });
  }

  async transact<R>(fn: (tx: Tx) => Promise<R>, opts: SharedTxOptions = {}): Promise<R> {
    const shared = this.shared;
    if (shared) return this.locked(async (lock) => sharedTransact(this, shared, lock, fn, opts));
    return this.locked(async (lock, renamed) => {
      const docs = new Map<string, TxDoc>();
      const tx: Tx = {
        lock,
        get: <T>(doc: DocDef<T>): T => {
          const name = assertDocName(doc.name);
          let d = docs.get(name);
          if (!d) {
            const cur = this.loadLocked(doc);
            d = { version: cur.version, data: cur.data, before: JSON.stringify(cur.data) };
            docs.set(name, d);
          }
          return d.data as T;
        },
      };
      const result = await fn(tx);
      const changed: StagedDoc[] = [];
      for (const [doc, d] of docs) {
        const now = JSON.stringify(d.data);
        if (now !== d.before) changed.push({ doc, version: d.version + 1, text: docText(d.version + 1, now) });
      }
      this.writeStaged(lock, changed, renamed);
      return result;
    });
  }

  /**
   * Read the shared documents from the remote into this clone's cache (OFFLINE when it cannot be
   * reached). Undefined without shared state; else when the view was read (this clone's clock).
   */
  async refresh(): Promise<number | undefined> {
    const shared = this.shared;
    if (!shared) return undefined;
    const at = await this.locked(async (lock) => refreshShared(this, shared, lock));
    this.readAt = performance.now();
    return at;
  }

  private freshening: Promise<void> | undefined;
  /** When this process last read the remote (or found it unreachable): its own monotonic clock. */
  private readAt: number | undefined;

  private freshen(): Promise<void> {
    if (this.readAt !== undefined && performance.now() - this.readAt < REFRESH_MS) return Promise.resolve();
    this.freshening ??= this.refresh()
      .then(
        () => undefined,
        (e: unknown) => {
          if (!(e instanceof LanesError && e.code === 'OFFLINE')) throw e;
          // Unreachable: serve the cache for a while rather than wait on the network at every read.
          this.readAt = performance.now();
        },
      )
      .finally(() => (this.freshening = undefined));
    return this.freshening;
  }

  /** Writes staged documents as one group (a single one by itself), fenced on their versions. */
  writeStaged(lock: HeldLock, changed: StagedDoc[], renamed?: () => void): void {
    const fence = () =>
      this.fence(
        lock,
        changed.map((c) => [c.doc, c.version - 1]),
      );
    const only = changed.length === 1 ? changed[0] : undefined;
    if (only) {
      // With `renamed`, the directory is fsynced once the lock is released (see locked).
      writeFileAtomic(docFile(this.dir, only.doc), only.text, 0o600, { beforeRename: fence, syncDir: !renamed });
      renamed?.();
    } else if (changed.length > 1) this.commitOrFinish(changed, fence);
  }

  private commitOrFinish(changed: StagedDoc[], fence: () => void): void {
    try {
      commitGroup(this.dir, changed, fence);
    } catch (e) {
      // Past the redo record the commit is decided: finish it now if we can, so lock-free readers
      // do not wait for the next lock holder to see a consistent group.
      try {
        rollForward(this.dir);
      } catch {
        // the next lock acquisition retries
      }
      throw e;
    }
  }

  /** Fencing (rule 10): the lock is still ours and nobody wrote these documents since we read them. */
  private fence(lock: HeldLock, docs: Array<[string, number]>): void {
    lock.assertHeld();
    for (const [doc, read] of docs) {
      const now = diskVersion(docFile(this.dir, doc));
      if (now !== read) {
        throw new LanesError(
          'STALE_WRITE',
          `Refused to write "${doc}": it is at version ${now} on disk, but this change was based on version ${read}.`,
          {
            hint: 'Nothing was written. Another process changed the state meanwhile; run the command again.',
            details: { doc, read, onDisk: now },
          },
        );
      }
    }
  }

  appendEvent(type: string, fields: Record<string, unknown> = {}): Promise<void> {
    return appendEvent(this.dir, type, fields, this.lockOpts);
  }

  readEvents(opts: ReadEventsOptions = {}): Promise<EventRecord[]> {
    return readEvents(this.dir, opts);
  }
}
