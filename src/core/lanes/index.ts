/** Lanes: a git worktree per task (start, list, remove, cleanup, crash recovery). */
export { startLane, type StartInput, type StartResult } from './start.js';
export { listLanes, type LaneView, type ListResult } from './list.js';
export { removeLane, type RemoveInput, type RemoveResult } from './remove.js';
export { cleanupLanes, type CleanupResult } from './cleanup.js';
export { recoverOrphans, rollbackStart, type RollbackReport } from './recover.js';
export { LANES_DOC, emptyLanes, laneBranch, laneRef, backupRef, taskOwner, mcpOwner, cliOwner, type LaneRecord, type LanesDoc, type LaneState } from './model.js';
export { copyIncluded, includedFiles, type IncludeResult } from './include.js';
export { runSetup, runSetupCommand, type SetupCommand, type SetupStepResult } from './setup.js';
export { lanesDir, lanePathFor, isInside } from './paths.js';
