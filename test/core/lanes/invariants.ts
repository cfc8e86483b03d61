// The invariant checker lives in test/helpers/invariants.ts (shared by every crash and fault test).
export * from '../../helpers/invariants.js';
