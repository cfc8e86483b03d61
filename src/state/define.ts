/**
 * State documents as data. Each document is defined once, next to the capability that owns it:
 * its name, the value it reads as before it was ever written, and a normaliser that brings what an
 * earlier version stored into today's shape. The store takes the definition, so a read is typed by
 * it and never names a document by a bare string, and two documents cannot share a name.
 *
 * No schema library here: hooks read some documents before every edit, and their bundles stay
 * free of zod. A normaliser is plain code (checks and defaults), cheap enough to run on every read.
 */
import { LanesError } from '../errors.js';
import { assertDocName } from './docs.js';
import type { HeldLock } from './lease.js';

export interface DocDef<T> {
  /** A slug: the file is `<name>.json` in the state directory. */
  readonly name: string;
  /** A fresh value (a new object each call) for a document not written yet. */
  readonly empty: () => T;
  /**
   * Brings stored data into shape; runs once per load (not on `empty`), may fix the value in place
   * and return it. Normalising alone never causes a write: a transaction writes only what its
   * callers change.
   */
  readonly normalize: (stored: T) => T;
}

export interface DocSpec<T> {
  name: string;
  empty: () => T;
  /** Omitted: stored data is used as it is. */
  normalize?: (stored: T) => T;
}

/** A transaction's view of the documents: each definition gives its data, mutable in place. */
export interface DocTx {
  /** The document's data; the same object on every call within one transaction. */
  get<T>(doc: DocDef<T>): T;
}

const defined = new Map<string, DocDef<unknown>>();

const asStored = <T>(stored: T): T => stored;

export function defineDoc<T>(spec: DocSpec<T>): DocDef<T> {
  const name = assertDocName(spec.name);
  if (defined.has(name)) {
    // A programming error, found the moment both definitions are loaded.
    throw new LanesError('INTERNAL', `The state document "${name}" is defined twice.`, {
      hint: 'Define each state document once, with defineDoc in the module of the capability that owns it, and import that definition everywhere else.',
    });
  }
  const def: DocDef<T> = Object.freeze({ name, empty: spec.empty, normalize: spec.normalize ?? asStored });
  defined.set(name, def as DocDef<unknown>);
  return def;
}

/** Every document defined so far in this process, in definition order. */
export function definedDocs(): Array<DocDef<unknown>> {
  return [...defined.values()];
}

/** A transaction of the store: the documents, under the held state lock. */
export interface Tx extends DocTx {
  readonly lock: HeldLock;
  /**
   * With shared state on a remote: refs watched for this transaction (`ref`), and `pushRef`, a ref
   * moved in the same atomic push as the shared documents (a landing). Undefined when local.
   */
  readonly remote?: {
    ref(name: string): string | undefined;
    pushRef(ref: string, expect: string | null, next: string): void;
  };
}
