/**
 * Knowing when the shared state changed, cheaply: fs.watch on the state directory (every doc is
 * replaced by rename and every event appended to events.jsonl there), at most one callback per
 * `debounceMs` however fast the writes come, plus a slow poll for what the directory does not
 * show (commits and edits inside lanes) and for platforms where fs.watch misses events or fails.
 * Callbacks are spaced at least `minIntervalMs` apart, so a busy run cannot make it spin.
 */
import fs from 'node:fs';

export interface WatchOptions {
  /** Coalesce bursts of writes into one callback at most this often (default 150 ms). */
  debounceMs?: number;
  /** Call back at least this often even when nothing was seen (default 3000 ms; 0: never). */
  pollMs?: number;
  /**
   * At least this long between two callbacks (default 1000 ms): during a busy run the state changes
   * many times a second, and each refresh runs `git status` in every lane.
   */
  minIntervalMs?: number;
  /** Let the poll keep the process alive (a `--watch` loop has nothing else that does). */
  keepAlive?: boolean;
}

export interface StateWatcher {
  close(): void;
}

/** Lock directories and temp files change on every write and say nothing about the state. */
function noise(name: string): boolean {
  return name.startsWith('.') || name.endsWith('.lock');
}

export function watchState(dir: string, onChange: () => void, opts: WatchOptions = {}): StateWatcher {
  const debounceMs = opts.debounceMs ?? 150;
  const pollMs = opts.pollMs ?? 3000;
  const minIntervalMs = opts.minIntervalMs ?? 1000;
  let pending: NodeJS.Timeout | undefined;
  let closed = false;
  let last = 0;
  const fire = () => {
    pending = undefined;
    last = Date.now();
    if (!closed) onChange();
  };
  // Not a trailing debounce: a steady stream of events would postpone the callback forever.
  const schedule = () => {
    if (!closed && !pending) pending = setTimeout(fire, Math.max(debounceMs, last + minIntervalMs - Date.now()));
  };
  let watcher: fs.FSWatcher | undefined;
  try {
    watcher = fs.watch(dir, { persistent: false }, (_event, name) => {
      if (name && noise(String(name))) return;
      schedule();
    });
    // An error (the directory vanished, too many watches) leaves the poll to do the work.
    watcher.on('error', () => {
      watcher?.close();
      watcher = undefined;
    });
  } catch {
    watcher = undefined;
  }
  const poll = pollMs > 0 ? setInterval(schedule, pollMs) : undefined;
  if (!opts.keepAlive) poll?.unref();
  return {
    close() {
      closed = true;
      watcher?.close();
      if (poll) clearInterval(poll);
      if (pending) clearTimeout(pending);
    },
  };
}
