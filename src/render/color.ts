/**
 * The one place that decides whether text gets colour and which colour a state has. Colour goes
 * to a terminal only: `NO_COLOR` (any non-empty value) turns it off, `FORCE_COLOR` (anything but
 * `0` / `false`) turns it on even in a pipe, and `TERM=dumb` or a pipe leaves it off. The state
 * colours are the dashboard's, as close as the 16 basic terminal colours come: planned grey,
 * in progress blue, done green, blocked amber (yellow), failed red, and magenta for a lane the
 * merge queue sent back — a colour no task state uses.
 */

export const STATE_SGR: Readonly<Record<string, number>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, number>, { planned: 90, in_progress: 34, done: 32, blocked: 33, failed: 31 }),
);

/** A lane that needs a fix (sent back by the merge queue). */
export const NEEDS_FIX_SGR = 35;

/** `ESC [ code m` … `ESC [ 0 m`. */
export function sgr(code: number, text: string): string {
  return `\x1b[${code}m${text}\x1b[0m`;
}

/** Whether output on `stream` gets colour, from the environment and whether it is a terminal. */
export function colorEnabled(stream: { isTTY?: boolean } = process.stdout, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force.toLowerCase() !== 'false';
  if (env.TERM === 'dumb') return false;
  return !!stream.isTTY;
}

/** The colour of a task state (`undefined` for a state without one). */
export function stateColor(state: string | undefined): number | undefined {
  return state !== undefined && Object.hasOwn(STATE_SGR, state) ? STATE_SGR[state] : undefined;
}

/** Paints `text` in the colour of `state` when `on`. */
export function paintState(on: boolean, state: string | undefined, text: string): string {
  const code = stateColor(state);
  return on && code !== undefined ? sgr(code, text) : text;
}
