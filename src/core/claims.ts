/**
 * File claims: the runtime enforcement of task scopes (see src/core/claims/). An owner claims
 * repo-relative files or globs, exclusive or shared, all or nothing, under a renewable lease.
 * The planner's conflict check works on planned scopes; claims are what a PreToolUse hook checks
 * (`findHolder`, pure and fast) before letting an agent edit a file.
 */
export * from './claims/model.js';
export {
  DEFAULT_TTL_SECONDS,
  OWNER_RE,
  assertOwner,
  describeOwner,
  describeUntil,
  type GoneReason,
  type Leased,
  type OwnerIdentity,
  type OwnerInput,
} from './claims/owner.js';
export { findHolder, matcherFor, cleanPath } from './claims/match.js';
export { claimInTx, releaseOwnerInTx, releasePatternsInTx, renewInTx, reclaimDoc, conflictsFor, parseClaimRequest } from './claims/tx.js';
export { claimFiles, releaseFiles, listClaims, renewClaims, releaseProcess, logReclaimed, type Renewal } from './claims/api.js';
