/** The remote store's options and the transaction handed to a decision. */
import type { RemoteOptions } from '../../git/remote.js';
import type { RemoteDoc } from './format.js';

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

export interface TransactOptions {
  /** Decide first from the mirror (no read before the push); later tries read the remote. */
  optimistic?: boolean;
  /** Other refs (exact names) to read with the documents: `tx.ref(name)`. */
  watch?: string[];
}

export interface RemoteTx {
  /** The document's data, mutable; the same object on every call within one try. */
  get<T>(doc: string, init: () => T): T;
  /** Replace the document's data. */
  set(doc: string, value: unknown): void;
  /** Remove the document (a commit holding null, leased like any write). */
  delete(doc: string): void;
  /** A watched ref's commit on the remote as read for this try (undefined: it does not exist). */
  ref(name: string): string | undefined;
  /**
   * Move another ref in the same atomic push, from `expect` (null: must not exist) to `next`, a
   * commit this clone has: a landing moves refs/heads/<target> from the tested base to the tested
   * commit while the transaction's documents (the processor's lease) assert it may.
   */
  pushRef(ref: string, expect: string | null, next: string): void;
  readonly attempt: number;
  /** When the state this try decides from was read (undefined: a mirror never filled). */
  readonly fetchedAt: number | undefined;
  /** True when this try decides from the mirror (an optimistic first try). */
  readonly cached: boolean;
}

export interface TransactResult<R> {
  result: R;
  /** Whether anything was pushed (false when `fn` changed nothing). */
  pushed: boolean;
  attempts: number;
  /** The state the deciding try read, with the commits pushed in place of those it replaced. */
  docs: Map<string, RemoteDoc>;
}
