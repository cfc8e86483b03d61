/**
 * The plain line for each run event: lines mode prints every one, the live display logs the
 * notable ones above its block.
 */
import { costCell, pauseText, secs, type RunEvent } from '../../core/run/index.js';
import { safeText } from '../../util/escape.js';
import { firstLine } from '../format.js';

/**
 * The plain line for an event (undefined: not shown). Shared by lines mode and the live log.
 * Events quote agents' output and reasons: the line is escaped for the terminal as a whole.
 */
export function lineFor(e: RunEvent): string | undefined {
  const line = rawLine(e);
  return line === undefined ? undefined : safeText(line);
}

function rawLine(e: RunEvent): string | undefined {
  switch (e.type) {
    case 'run.started':
      return `${e.resumed ? 'resuming' : 'starting'} run ${e.run_id}: ${e.tasks} tasks, ${e.parallelism} at a time, agent ${e.agent}, landing on ${e.target}`;
    case 'task.starting':
      return `${e.task}: starting a lane`;
    case 'task.started':
      return `${e.task}: lane ${e.branch} ready (${secs(e.ms)})`;
    case 'agent.started':
      return `${e.task}: agent started (attempt ${e.attempt}${e.pid ? `, pid ${e.pid}` : ''})`;
    case 'agent.activity':
      return `${e.task}: ${e.text}`;
    case 'agent.exited':
      return `${e.task}: agent ${e.outcome === 'finished' ? 'finished' : e.outcome === 'limited' ? 'stopped on a limit (not counted)' : `did not finish (${e.outcome})`} after ${secs(e.ms)}${e.reason ? `: ${safeText(e.reason)}` : ''}${e.usage?.cost_usd !== undefined ? ` · ${costCell(e.usage)}` : ''}`;
    case 'task.queued':
      return `${e.task}: queued for merge (${e.entry})${e.conflicts.length ? `; likely conflicts with ${e.conflicts.join(', ')}` : ''}`;
    case 'merge.progress':
      return `merge: ${e.text}`;
    case 'task.landed':
      return `${e.task}: landed as ${e.commit.slice(0, 12)}`;
    case 'task.merge_failed':
      return `${e.task}: merge failed: ${firstLine(e.reason)}`;
    case 'task.retry':
      return `${e.task}: retrying (attempt ${e.attempt}): ${firstLine(e.reason)}`;
    case 'task.blocked':
      return `${e.task}: BLOCKED: ${firstLine(e.reason)}`;
    case 'resources.waiting':
      return e.reason;
    case 'resources.ok':
      return 'resources are back above the floors';
    case 'run.paused':
      return `${pauseText({ reason: e.reason, until: e.until }, Date.parse(e.at))}${e.task ? ` (${e.task}'s agent hit it; its lane is kept and the attempt not counted)` : ''}`;
    case 'run.resumed':
      return `resumed after the ${e.reason}`;
    case 'run.warning':
      return `warning: ${e.text}`;
    case 'run.stopping':
      return `stopping (${e.by}): ending ${e.agents.length ? e.agents.join(', ') : 'no agents'}; lanes and their work are kept`;
    case 'run.finished':
      return `run ${e.report.run_id} ${e.report.status}`;
  }
}
