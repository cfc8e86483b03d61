/** The crash-safe shared-state layer (RELIABILITY.md rules 8-11). */
export { writeFileAtomic, sweepTempFiles, type AtomicWriteOptions } from './atomic.js';
export { withLock, tryLock, lockOwner, holdsLock, type LockOptions, type HeldLock, type LockOwner } from './lock.js';
export { StateStore, type Versioned, type Tx, type StoreOptions } from './store.js';
export { type EventRecord, type ReadEventsOptions } from './events.js';
export { Journal, type JournalRecord, type JournalEntry } from './journal.js';
export { pidAlive, hostName } from './pid.js';
export { own, recordMap, nullProtoDeep } from './records.js';
