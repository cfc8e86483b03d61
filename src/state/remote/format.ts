/**
 * The format of a shared document on the remote: `doc.json` in a parentless commit at
 * refs/lanes/state/<doc>, and the read-only view handed to callers.
 */
import { LanesError } from '../../errors.js';

export const STATE_PREFIX = 'refs/lanes/state/';
export const DOC_FILE = 'doc.json';
const DOC_RE = /^[a-z0-9][a-z0-9-]{0,62}$/;

export interface RemoteDoc {
  /** False for a document never written or deleted (its commit holds null). */
  exists: boolean;
  /** The commit read (null when the ref does not exist). */
  oid: string | null;
  /** How many times the document was written; 0 when absent. */
  gen: number;
  data: unknown;
}

export interface RemoteView {
  /** This process's clock when the remote answered (a cached view: the last successful read). */
  fetchedAt: number | undefined;
  get<T>(doc: string, init: () => T): T;
  gen(doc: string): number;
}

export interface Stored {
  lanes: 1;
  doc: string;
  gen: number;
  tx: string;
  machine: string;
  at: number;
  data: unknown;
}

export function assertRemoteDocName(doc: string): string {
  if (!DOC_RE.test(doc)) {
    throw new LanesError('INVALID_INPUT', `Invalid shared document name ${JSON.stringify(doc.slice(0, 80))}.`, {
      hint: 'Document names are lowercase letters, digits and hyphens.',
    });
  }
  return doc;
}

export function parseStored(doc: string, text: string | undefined, oid: string): Stored {
  try {
    const s = JSON.parse(text ?? '') as Stored;
    if (s && s.lanes === 1 && s.doc === doc && Number.isInteger(s.gen)) return s;
  } catch {
    // fall through
  }
  throw new LanesError(
    'STATE_CORRUPT',
    `The shared document "${doc}" on the remote (commit ${oid.slice(0, 12)}) is not a Lanes state document.`,
    {
      hint: `Something other than Lanes wrote ${STATE_PREFIX}${doc}. Inspect it with git show ${oid}:${DOC_FILE}; Lanes will not overwrite it.`,
    },
  );
}

/** A read-only view over documents just read (or cached). */
export function makeView(docs: Map<string, RemoteDoc>, fetchedAt: number | undefined): RemoteView {
  const pick = (doc: string): RemoteDoc => {
    const d = docs.get(doc);
    if (!d) throw new LanesError('INTERNAL', `shared document "${doc}" was not among those read`);
    return d;
  };
  return {
    fetchedAt,
    get: <T>(doc: string, init: () => T): T => {
      const d = pick(doc);
      return (d.exists ? d.data : init()) as T;
    },
    gen: (doc) => pick(doc).gen,
  };
}
