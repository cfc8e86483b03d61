/**
 * The merge queue: lands finished lanes on the target with the gates green, atomically.
 * Entry points call these; nothing here knows about MCP or the CLI.
 */
export { queueMerge, type QueueInput, type QueueResult } from './enqueue.js';
export { processMergeQueue, type ProcessOptions, type ProcessResult } from './process.js';
export { mergeStatus, cancelMerge, queueRevert, type MergeStatus, type EntryView } from './status.js';
export { recoverMerges, type RecoveryReport } from './recover.js';
export {
  STRATEGIES,
  ENTRY_STATES,
  MERGE_DOC,
  type Strategy,
  type EntryState,
  type MergeEntry,
  type MergeQueueDoc,
  type ConflictReport,
} from './model.js';
export { approveMerge, gateWeakenings } from './hold.js';
export { listGateLogs, readGateLog, type GateLogEntry } from './logs.js';
export { removeGateCheckouts, readCheckouts, integrationBase, dotSegment } from './checkout.js';
