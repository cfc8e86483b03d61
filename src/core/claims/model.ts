/** The claims state document and the request types. Kept flat and small: hooks read it on every edit. */
import { defineDoc } from '../../state/define.js';
import type { OwnerIdentity } from './owner.js';

export const CLAIM_MODES = ['exclusive', 'shared'] as const;
export type ClaimMode = (typeof CLAIM_MODES)[number];

/** One pattern held by one owner. Identity is per record: a task-scope claim (no pid) and a session's claims (with its pid) may share an owner name. */
export interface ClaimRecord extends OwnerIdentity {
  /** A normalized repo-relative path or glob (normalizeScope). */
  pattern: string;
  mode: ClaimMode;
  reason?: string;
  claimed_at: string;
  expires_at: string;
  /** How far a renewal extends the lease. */
  ttl_seconds: number;
  /**
   * The plain pattern named a file at the claimant's base commit: it covers that file alone in
   * conflict checks (nothing can be under a file without removing it, which the claim covers).
   */
  file?: true;
}

export interface ClaimsDoc {
  claims: ClaimRecord[];
}

export const emptyClaims = (): ClaimsDoc => ({ claims: [] });
export const CLAIMS_DOC = defineDoc<ClaimsDoc>({ name: 'claims', empty: emptyClaims });

export interface ClaimRequest {
  owner: string;
  /** Repo-relative files or globs. */
  paths: string[];
  mode?: ClaimMode;
  ttl_seconds?: number;
  reason?: string;
  task?: string;
  session?: string;
  /** Of `paths`, the plain ones known to name a file (at the lane's base): each claims that file alone. */
  file_paths?: readonly string[];
  /** A process whose death ends these claims; omit for claims that must outlive the caller. */
  pid?: number;
  host?: string;
}

export interface ClaimsFilter {
  owner?: string;
  /** A path or glob: claims whose patterns intersect it. */
  path?: string;
}

/** One reclaimed owner's patterns, as logged in the `claims.reclaimed` event. */
export interface Reclaimed {
  owner: string;
  reason: 'expired' | 'dead-pid';
  paths: string[];
  pid?: number;
  task?: string;
}

export interface ClaimConflict {
  /** The pattern asked for. */
  pattern: string;
  /** The pattern held. */
  held: string;
  mode: ClaimMode;
  owner: string;
  task?: string;
  expires_at: string;
  /** The holder's machine, when it is another one (shared state on a remote). */
  host?: string;
  /** A path both match, when known. */
  witness?: string;
}

export const LIMITS = { maxPaths: 200, maxReason: 500 } as const;
