/** Formatting shared by the text renderings: durations, clocks, tables, colour and clipping. */

/** 45s, 12m, 3h05m, 2d4h. */
export function dur(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  return `${Math.floor(s / 86_400)}d${Math.floor((s % 86_400) / 3600)}h`;
}

/** Elapsed time as m:ss (0:07, 12:30). */
export function clockMs(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Local HH:MM:SS of a timestamp (the timestamp itself when it does not parse). */
export function localClock(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/** HH:MM:SS of an ISO timestamp as written (UTC for ours), without parsing it. */
export function isoClock(iso: string): string {
  return iso.slice(11, 19);
}

export function firstLine(s: string): string {
  return s.split('\n')[0] ?? '';
}

/** Text in an SGR colour or style (32 green, 31 red, 1 bold...), reset after. */
export function sgr(code: number, text: string): string {
  return `\x1b[${code}m${text}\x1b[0m`;
}

/**
 * Left-aligned columns, two spaces apart; the header is the first line. A column is as wide as
 * its widest cell, at most `maxWidth` (a longer cell is not cut, it pushes its row out); the
 * last column is not padded.
 */
export function table(head: string[], rows: string[][], maxWidth = Infinity): string[] {
  const w = head.map((h, i) => Math.min(maxWidth, Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c.padEnd(w[i]!)))
      .join('  ')
      .trimEnd();
  return [line(head), ...rows.map(line)];
}

/** Clips to `width` visible columns, keeping colour escapes intact (and closing them). */
export function clip(line: string, width: number): string {
  // eslint-disable-next-line no-control-regex
  const visible = line.replace(/\x1b\[[0-9;]*m/g, '');
  if (visible.length <= width) return line;
  let out = '';
  let cols = 0;
  for (let i = 0; i < line.length && cols < width - 1; i++) {
    // eslint-disable-next-line no-control-regex
    const esc = line[i] === '\x1b' ? /^\x1b\[[0-9;]*m/.exec(line.slice(i)) : null;
    if (esc) {
      out += esc[0];
      i += esc[0].length - 1;
      continue;
    }
    out += line[i];
    cols++;
  }
  return `${out}…${visible.length !== line.length ? '\x1b[0m' : ''}`;
}
