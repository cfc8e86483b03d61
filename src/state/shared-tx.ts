/**
 * A transaction with shared state on the remote. It runs under this clone's state lock, so the
 * processes of one clone take turns and only machines race each other. Shared documents come from
 * the remote (first, optimistically, from this clone's mirror of it), local ones from disk; when
 * the decision changes a shared document, every shared document it looked at is pushed in one
 * leased atomic push, and only once that push landed are the local documents written and the
 * cache of the shared ones brought up to date. A lost race runs the decision again on fresh data,
 * so nothing of a try that did not land is kept.
 */
import fs from 'node:fs';
import type { StagedDoc } from './commit.js';
import type { DocDef } from './define.js';
import { assertDocName, diskVersion, docFile, docText, loadDoc } from './docs.js';
import type { HeldLock } from './lease.js';
import { nullProtoDeep } from './records.js';
import type { RemoteDoc } from './remote/format.js';
import { saveBook, observeLeases } from './seen.js';
import type { SharedBackend } from './shared.js';
import type { Tx } from './define.js';

/** What a shared transaction needs of the store (kept structural: the store imports this module). */
export interface CacheHost {
  readonly dir: string;
  loadLocked<T>(doc: DocDef<T>): { version: number; data: T };
  writeStaged(lock: HeldLock, changed: StagedDoc[], renamed?: () => void): void;
}

export interface SharedTxOptions {
  /**
   * Refs on the remote to read with the documents (`tx.remote.ref`), e.g. the target branch a
   * landing moves. Such a transaction always reads the remote first.
   */
  watch?: string[];
}

interface Copy {
  data: unknown;
  before: string;
}

export async function sharedTransact<R>(
  store: CacheHost,
  shared: SharedBackend,
  lock: HeldLock,
  fn: (tx: Tx) => Promise<R>,
  opts: SharedTxOptions,
): Promise<R> {
  let local = new Map<string, { version: number; data: unknown; before: string }>();
  const watch = opts.watch ?? [];
  const r = await shared.remote.transact(
    [...shared.docs],
    async (rtx) => {
      local = new Map();
      const copies = new Map<string, Copy>();
      const tx: Tx = {
        lock,
        get: <T>(def: DocDef<T>): T => {
          const name = assertDocName(def.name);
          if (shared.docs.has(name)) {
            let c = copies.get(name);
            if (!c) {
              const raw = rtx.get<unknown>(name, () => null);
              observeLeases(raw);
              const data = raw === null ? nullProtoDeep(def.empty()) : def.normalize(nullProtoDeep(structuredClone(raw)) as T);
              c = { data, before: JSON.stringify(data) };
              copies.set(name, c);
            }
            return c.data as T;
          }
          let d = local.get(name);
          if (!d) {
            // Fresh from disk on every try: a try that lost its race leaves nothing behind.
            const cur = store.loadLocked(def);
            d = { version: cur.version, data: cur.data, before: JSON.stringify(cur.data) };
            local.set(name, d);
          }
          return d.data as T;
        },
        remote: { ref: (n) => rtx.ref(n), pushRef: (ref, expect, next) => rtx.pushRef(ref, expect, next) },
      };
      const result = await fn(tx);
      for (const [name, c] of copies) if (JSON.stringify(c.data) !== c.before) rtx.set(name, c.data);
      return result;
    },
    watch.length ? { watch } : { optimistic: true },
  );
  const staged: StagedDoc[] = [];
  for (const [doc, d] of local) {
    const now = JSON.stringify(d.data);
    if (now !== d.before) staged.push({ doc, version: d.version + 1, text: docText(d.version + 1, now) });
  }
  cacheShared(store, r.docs, staged);
  store.writeStaged(lock, staged);
  saveBook();
  return r.result;
}

/** Bring the cache of the shared documents up to date with the remote. */
export async function refreshShared(store: CacheHost, shared: SharedBackend, lock: HeldLock): Promise<number | undefined> {
  const read = await shared.remote.readDocs([...shared.docs]);
  for (const d of read.docs.values()) observeLeases(d.data);
  const staged: StagedDoc[] = [];
  cacheShared(store, read.docs, staged);
  store.writeStaged(lock, staged);
  saveBook();
  return read.at;
}

/**
 * Stage the cache files of shared documents that differ from what was read, then write them with
 * `staged` as one group. A document absent on the remote has its cache file removed (reads then
 * see the document's empty value).
 */
function cacheShared(store: CacheHost, docs: Map<string, RemoteDoc>, staged: StagedDoc[]): void {
  for (const [doc, d] of docs) {
    const file = docFile(store.dir, doc);
    if (!d.exists) {
      fs.rmSync(file, { force: true });
      continue;
    }
    const text = JSON.stringify(d.data);
    const cur = loadDoc(file);
    if (cur?.ok && JSON.stringify(cur.data) === text) continue;
    const version = diskVersion(file) + 1;
    staged.push({ doc, version, text: docText(version, text) });
  }
}
