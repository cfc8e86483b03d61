/** The flat registry of MCP tools. To add a tool: write src/mcp/tools/<name>.ts with defineTool, add it here. To rename one, see renamed.ts. */
import { addTaskTool } from './add-task.js';
import { cancelMergeTool } from './cancel-merge.js';
import { checkResourcesTool } from './check-resources.js';
import { cleanupLanesTool } from './cleanup-lanes.js';
import { claimFilesTool } from './claim-files.js';
import { endSessionTool } from './end-session.js';
import { getPlanTool } from './get-plan.js';
import { getSessionTool } from './get-session.js';
import { leasePortTool } from './lease-port.js';
import { listClaimsTool } from './list-claims.js';
import { listSessionsTool } from './list-sessions.js';
import { listLanesTool } from './list-lanes.js';
import { logSessionTool } from './log-session.js';
import { mergeStatusTool } from './merge-status.js';
import { nextTasksTool } from './next-tasks.js';
import { planWorkTool } from './plan-work.js';
import { processMergeQueueTool } from './process-merge-queue.js';
import { queueMergeTool } from './queue-merge.js';
import { releaseFilesTool } from './release-files.js';
import { removeLaneTool } from './remove-lane.js';
import { aliasesOf } from './renamed.js';
import type { ToolDef } from '../tool.js';
import { startSessionTool } from './start-session.js';
import { startLaneTool } from './start-lane.js';
import { statusTool } from './status.js';
import { updateTaskTool } from './update-task.js';

const current = [
  // plan
  planWorkTool,
  getPlanTool,
  nextTasksTool,
  addTaskTool,
  updateTaskTool,
  // lanes
  startLaneTool,
  listLanesTool,
  removeLaneTool,
  cleanupLanesTool,
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

/** Every tool, then the deprecated aliases of the renamed ones (renamed.ts). */
export const tools = [...current, ...aliasesOf(current as unknown as ToolDef[])];
