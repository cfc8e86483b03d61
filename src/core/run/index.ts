/** `lanes run`: a stored plan executed by headless agents, one per lane. */
export { runPlan } from './runner.js';
export type { RunOptions } from './context.js';
export { lanePrompt, type PromptInput } from './prompt.js';
export {
  claudeAgent,
  scriptedAgent,
  customAgent,
  presetAgent,
  parseAgentCommand,
  expandArgv,
  findPluginRoot,
  findClaude,
  findOnPath,
  CLAUDE_ALLOWED_TOOLS,
  type AgentSpec,
} from './agent.js';
export { activityOf } from './activity.js';
export { PRESET_NAMES, isPresetName, presetOf, limitPatternsFor, type PresetName, type Preset } from './presets.js';
export { LimitWatch, LimitGate, pauseText, COMMON_LIMIT_PATTERNS, type LimitHit, type PauseState } from './limits.js';
export { parseReset } from './reset-time.js';
export {
  UsageMeter,
  DEFAULT_PRICES,
  priceTable,
  priceFor,
  sumUsage,
  usageText,
  dollars,
  tokens,
  runCost,
  readRunCost,
  type Price,
  type PriceTable,
  type RunCost,
} from './cost.js';
export { checkLane, verdict, type LaneCheck, type Verdict } from './finish.js';
export { spawnAgent, killLeftoverAgents, liveAgentGroups, type AgentProcess, type AgentExit } from './spawn.js';
export { buildReport, costCell, renderMarkdown, reportPath, logsDir, secs, type RunReport, type TaskReport } from './report.js';
export type { RunEvent, RunEventType } from './events.js';
export {
  RUNS_DOC,
  emptyRuns,
  runsOf,
  runOwner,
  taskMs,
  wallMs,
  type RunsDoc,
  type RunRecord,
  type RunTask,
  type RunTaskState,
  type RunAttempt,
  type AttemptOutcome,
  type RunStatus,
  type Usage,
} from './model.js';
