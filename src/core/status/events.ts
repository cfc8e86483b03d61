/** Recent events' brief for the status report: one compact line of fields per event. */
import { shorten } from './brief.js';

export interface EventBrief {
  ts: string;
  type: string;
  task?: string;
  /** The event's other fields, compact: `status=done owner=agent-1`. */
  text: string;
}

export function briefEvent(e: { ts: string; type: string; [k: string]: unknown }): EventBrief {
  const { ts, type, pid: _pid, task, ...rest } = e;
  const text = Object.entries(rest)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(
      ([k, v]) => `${k}=${typeof v === 'string' ? v.replace(/\b([0-9a-f]{10})[0-9a-f]{30}(?:[0-9a-f]{24})?\b/g, '$1') : JSON.stringify(v)}`,
    )
    .join(' ');
  const b: EventBrief = { ts, type, text: shorten(text, 240) };
  if (typeof task === 'string') b.task = task;
  return b;
}
