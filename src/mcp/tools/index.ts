/** The flat registry of MCP tools. To add a tool: write src/mcp/tools/<name>.ts with defineTool, add it here. */
import { addTaskTool } from './add-task.js';
import { cancelMergeTool } from './cancel-merge.js';
import { checkResourcesTool } from './check-resources.js';
import { cleanupWorktreesTool } from './cleanup-worktrees.js';
import { claimFilesTool } from './claim-files.js';
import { endSessionTool } from './end-session.js';
import { getPlanTool } from './get-plan.js';
import { getSessionTool } from './get-session.js';
import { leasePortTool } from './lease-port.js';
import { listClaimsTool } from './list-claims.js';
import { listSessionsTool } from './list-sessions.js';
import { listWorktreesTool } from './list-worktrees.js';
import { logSessionTool } from './log-session.js';
import { mergeStatusTool } from './merge-status.js';
import { nextTasksTool } from './next-tasks.js';
import { planWorkTool } from './plan-work.js';
import { processMergeQueueTool } from './process-merge-queue.js';
import { queueMergeTool } from './queue-merge.js';
import { releaseFilesTool } from './release-files.js';
import { removeWorktreeTool } from './remove-worktree.js';
import { startSessionTool } from './start-session.js';
import { startTaskTool } from './start-task.js';
import { statusTool } from './status.js';
import { updateTaskTool } from './update-task.js';

export const tools = [
  // plan
  planWorkTool,
  getPlanTool,
  nextTasksTool,
  addTaskTool,
  updateTaskTool,
  // lanes
  startTaskTool,
  listWorktreesTool,
  removeWorktreeTool,
  cleanupWorktreesTool,
  // claims
  claimFilesTool,
  releaseFilesTool,
  listClaimsTool,
  leasePortTool,
  // sessions
  startSessionTool,
  logSessionTool,
  endSessionTool,
  listSessionsTool,
  getSessionTool,
  // merges
  queueMergeTool,
  mergeStatusTool,
  processMergeQueueTool,
  cancelMergeTool,
  // overview
  statusTool,
  checkResourcesTool,
];
