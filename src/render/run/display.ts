/**
 * What `lanes run` shows while it runs, from its event stream (core/run/events.ts):
 * - live (a terminal): a block redrawn in place (live.ts);
 * - lines (not a terminal): one plain line per event (lines.ts), for CI logs and pipes;
 * - json: one JSON object per line, for machines.
 */
import { isoClock } from '../format.js';
import { lineFor } from './lines.js';
import type { DisplayStream, RunDisplay } from './display-types.js';
import { LiveDisplay } from './live.js';

export type DisplayMode = 'live' | 'lines' | 'json';

export function displayModeFor(opts: { json?: boolean; live?: boolean }, out: DisplayStream): DisplayMode {
  if (opts.json) return 'json';
  if (opts.live === false) return 'lines';
  return out.isTTY && process.env.TERM !== 'dumb' ? 'live' : 'lines';
}

export function createRunDisplay(mode: DisplayMode, out: DisplayStream): RunDisplay {
  if (mode === 'json') return { onEvent: (e) => void out.write(`${JSON.stringify(e)}\n`), close: () => {} };
  if (mode === 'lines') {
    return {
      onEvent: (e) => {
        const line = lineFor(e);
        if (line !== undefined) out.write(`${isoClock(e.at)} ${line}\n`);
      },
      close: () => {},
    };
  }
  return new LiveDisplay(out);
}
