import type { Command } from 'commander';
import { openProject, type Project } from '../../core/project/project.js';
import { checkResources } from '../../core/doctor/doctor.js';
import { status, type StatusReport } from '../../core/status/status.js';
import { fingerprint, StatusFeed } from '../../dashboard/feed.js';
import { LanesError } from '../../errors.js';
import { renderDoctor } from '../../render/doctor.js';
import { colorEnabled } from '../../render/color.js';
import { renderStatus } from '../../render/status.js';
import { action, emit } from '../run.js';

interface StatusFlags {
  json?: boolean;
  watch?: boolean;
  interval?: string;
  events?: string;
}

export function registerStatus(program: Command): void {
  program
    .command('status')
    .description('the whole picture at a glance: plan by wave, lanes, claims, merge queue, run, resources, recent events')
    .option('--json', 'print JSON (with --watch: one line per change)')
    .option('-w, --watch', 'keep refreshing until Ctrl-C (in place on a terminal)')
    .option('-i, --interval <seconds>', 'seconds between refreshes with --watch (default 2); state changes show at once')
    .option('--events <n>', 'how many recent events to show (default 10)')
    .action(
      action(async (opts: StatusFlags) => {
        const events = opts.events === undefined ? undefined : intOption('--events', opts.events, 0, 200);
        const project = await openProject(process.cwd());
        if (opts.watch) {
          const seconds = opts.interval === undefined ? 2 : numOption('--interval', opts.interval, 0.2, 3600);
          await watch(project, { json: !!opts.json, intervalMs: seconds * 1000, ...(events !== undefined ? { events } : {}) });
          return;
        }
        const s = await status(project, events !== undefined ? { events } : {});
        emit(opts.json, s, () => renderStatus(s, { color: colorEnabled() }));
      }),
    );

  program
    .command('doctor')
    .description('check git version, repository, config and free CPU / memory / disk')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { json?: boolean }) => {
        const d = await checkResources(process.cwd());
        emit(opts.json, d, () => renderDoctor(d as never));
        if (!d.ok) process.exitCode = 1;
      }),
    );
}

/**
 * Refreshes on every interval and as soon as the state directory changes. On a terminal each
 * frame overwrites the last in place (cursor home, each line cleared to its end, the rest of the
 * screen cleared), clipped to the window so nothing scrolls; elsewhere a frame is printed only
 * when something changed, as text or as one JSON line. Ctrl-C (or SIGTERM, or a closed pipe)
 * ends it cleanly with exit code 0 and the cursor restored.
 */
async function watch(project: Project, o: { json: boolean; intervalMs: number; events?: number }): Promise<void> {
  const out = process.stdout;
  const tty = !!out.isTTY && !o.json;
  const feed = new StatusFeed(project, {
    emit: 'always',
    pollMs: o.intervalMs,
    debounceMs: 200,
    minIntervalMs: Math.min(o.intervalMs, 1000),
    keepAlive: true,
    ...(o.events !== undefined ? { events: o.events } : {}),
  });
  let lastPrint: string | undefined;
  const frame = (s: StatusReport) => {
    if (tty) {
      const rows = Math.max(5, out.rows ?? 40);
      let lines = renderStatus(s, { color: colorEnabled(out), width: out.columns ?? 100 }).split('\n');
      if (lines.length > rows - 1)
        lines = [...lines.slice(0, rows - 2), `… ${lines.length - rows + 2} more lines (enlarge the window, or lanes status --json)`];
      out.write(`\x1b[H${lines.map((l) => `${l}\x1b[K`).join('\n')}\n\x1b[J`);
      return;
    }
    const print = fingerprint(s);
    if (print === lastPrint) return;
    lastPrint = print;
    out.write(o.json ? `${JSON.stringify(s)}\n` : `${renderStatus(s)}\n\n`);
  };
  if (tty) out.write('\x1b[?25l\x1b[2J');
  const unsubscribe = feed.subscribe(frame);
  const onResize = () => void feed.refresh();
  out.on('resize', onResize);
  // The handlers stay registered until the cleanup is done: signal-exit (used by proper-lockfile
  // and execa) re-raises a signal it sees no other listener for, which would kill us mid-cleanup.
  let stop: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  out.on('error', stop); // EPIPE: the reader went away (lanes status -w | head)
  try {
    await feed.refresh();
    await stopped;
  } finally {
    unsubscribe();
    feed.stop();
    out.off('resize', onResize);
    if (tty) out.write('\x1b[?25h');
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    out.off('error', stop);
  }
}

function numOption(name: string, v: string, min: number, max: number): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max) {
    throw new LanesError('INVALID_INPUT', `Invalid ${name} ${JSON.stringify(v)}.`, { hint: `Use a number from ${min} to ${max}.` });
  }
  return n;
}

function intOption(name: string, v: string, min: number, max: number): number {
  const n = numOption(name, v, min, max);
  if (!Number.isInteger(n))
    throw new LanesError('INVALID_INPUT', `Invalid ${name} ${JSON.stringify(v)}.`, { hint: `Use a whole number from ${min} to ${max}.` });
  return n;
}
