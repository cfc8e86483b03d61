/**
 * The event log `events.jsonl`: one JSON line per event, appended with a single write() on an
 * O_APPEND descriptor, so concurrent processes never interleave or overwrite each other's lines and
 * no lock is needed on the hot path. Rotated to `events.1.jsonl` past 8 MB (under a lock, so two
 * processes cannot both rotate and throw away the previous generation).
 */
import fs from 'node:fs';
import path from 'node:path';
import { LanesError } from '../errors.js';
import { log } from '../util/log.js';
import { withLock, type LockOptions } from './lock.js';

export const EVENTS_FILE = 'events.jsonl';
export const EVENTS_OLD_FILE = 'events.1.jsonl';
const ROTATE_BYTES = 8 * 1024 * 1024;

export interface EventRecord {
  ts: string;
  type: string;
  [k: string]: unknown;
}

export interface ReadEventsOptions {
  /** Only the last `limit` events (after `since` filtering). */
  limit?: number;
  /** Only events with `ts >= since` (ISO 8601). */
  since?: string;
}

export async function appendEvent(dir: string, type: string, fields: Record<string, unknown>, lockOpts: LockOptions = {}): Promise<void> {
  if (typeof type !== 'string' || type.length === 0) throw new LanesError('INVALID_INPUT', 'An event needs a type.');
  const { ts: _ts, type: _type, pid: _pid, ...rest } = fields;
  const line = Buffer.from(`${JSON.stringify({ ts: new Date().toISOString(), type, pid: process.pid, ...rest })}\n`);
  const file = path.join(dir, EVENTS_FILE);
  let fd = fs.openSync(file, 'a', 0o600);
  try {
    if (fs.fstatSync(fd).size >= ROTATE_BYTES) {
      fs.closeSync(fd);
      fd = -1;
      await rotate(dir, lockOpts);
      fd = fs.openSync(file, 'a', 0o600);
    }
    const n = fs.writeSync(fd, line);
    // A regular file takes the whole line in one write; finish a short write rather than lose it.
    if (n < line.length) fs.writeSync(fd, line, n, line.length - n);
  } finally {
    if (fd >= 0) fs.closeSync(fd);
  }
}

async function rotate(dir: string, lockOpts: LockOptions): Promise<void> {
  const file = path.join(dir, EVENTS_FILE);
  await withLock(
    dir,
    'events',
    async () => {
      // Someone else may have rotated while we waited: look again.
      const size = fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0;
      if (size >= ROTATE_BYTES) fs.renameSync(file, path.join(dir, EVENTS_OLD_FILE));
    },
    { ...lockOpts, purpose: 'rotate events' },
  );
}

export async function readEvents(dir: string, opts: ReadEventsOptions = {}): Promise<EventRecord[]> {
  const { limit, since } = opts;
  let events = parseFile(path.join(dir, EVENTS_FILE));
  const enough = limit !== undefined && countSince(events, since) >= limit;
  const first = events[0];
  const olderNeeded = !enough && (since === undefined || first === undefined || first.ts >= since);
  if (olderNeeded) events = parseFile(path.join(dir, EVENTS_OLD_FILE)).concat(events);
  if (since !== undefined) events = events.filter((e) => e.ts >= since);
  if (limit !== undefined) events = limit <= 0 ? [] : events.slice(-limit);
  return events;
}

function countSince(events: EventRecord[], since: string | undefined): number {
  return since === undefined ? events.length : events.filter((e) => e.ts >= since).length;
}

/** Every parseable line; a torn last line (a writer killed mid-write) is skipped. */
function parseFile(file: string): EventRecord[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const lines = text.split('\n');
  const out: EventRecord[] = [];
  lines.forEach((line, i) => {
    if (!line) return;
    try {
      const e = JSON.parse(line) as EventRecord;
      if (e && typeof e.ts === 'string' && typeof e.type === 'string') out.push(e);
    } catch {
      // The last line may be torn; anything else unparseable is worth a word, not a failure.
      if (i < lines.length - 1 && !(i === lines.length - 2 && lines[i + 1] === ''))
        log.warn(`skipped an unparseable line ${i + 1} of ${file}`);
    }
  });
  return out;
}
