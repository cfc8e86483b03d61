/**
 * The lane a hook acts for: the lane whose worktree holds the hook's `cwd` (an agent that cd'd
 * into its lane, `claude --worktree`, an agent launched in the lane), else, for a subagent, the
 * lane of the task named in its prompt (see agent.ts).
 */
import type { LaneRecord, LanesDoc } from '../../core/lanes/model.js';
import { subagentTask } from './agent.js';
import type { HookInput } from './input.js';
import { laneContaining } from '../../core/lanes/model.js';
import type { Where } from './where.js';

export interface Acting {
  lane: LaneRecord;
  via: 'cwd' | 'subagent';
}

export function actingLane(input: HookInput, where: Where, lanes: LanesDoc): Acting | undefined {
  const here = laneContaining(lanes, where.cwd);
  if (here) return { lane: here, via: 'cwd' };
  const task = subagentTask(input);
  const lane = task ? lanes[task] : undefined;
  return lane && typeof lane.path === 'string' ? { lane, via: 'subagent' } : undefined;
}
