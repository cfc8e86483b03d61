/** The crash-safe shared-state layer (docs/safety.md rules 9-12). */
export { writeFileAtomic, sweepTempFiles, type AtomicWriteOptions } from './atomic.js';
export { withLock, tryLock, lockOwner, holdsLock, type LockOptions, type LockOwner } from './lock.js';
export type { HeldLock } from './lease.js';
export { StateStore, type Versioned, type Tx, type StoreOptions } from './store.js';
export { defineDoc, definedDocs, type DocDef, type DocSpec, type DocTx } from './define.js';
export { type EventRecord, type ReadEventsOptions } from './events.js';
export { Journal, type JournalRecord, type JournalEntry } from './journal.js';
export { pidAlive, hostName } from './pid.js';
export { own, recordMap, nullProtoDeep } from './records.js';
