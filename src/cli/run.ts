/**
 * The one place CLI errors become text and exit codes. Exit codes: 0 ok, 1 failure,
 * 2 bad input or config, 3 conflict / busy (someone else holds it), 4 refused as unsafe,
 * 5 not a repository / unsupported environment.
 */
import { speak, speakAll } from '../core/hints/actions.js';
import { LanesError, errorMessage } from '../errors.js';
import { safeBlock } from '../util/escape.js';

const EXIT: Record<string, number> = {
  INVALID_INPUT: 2,
  CONFIG: 2,
  NOT_FOUND: 2,
  CONFLICT: 3,
  BUSY: 3,
  UNSAFE: 4,
  NOT_A_REPO: 5,
  UNSUPPORTED: 5,
};

export function exitCodeFor(e: unknown): number {
  return e instanceof LanesError ? (EXIT[e.code] ?? 1) : 1;
}

/** Wraps a command action: prints errors to stderr, sets the exit code. */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (e) {
      const code = exitCodeFor(e);
      const text = e instanceof LanesError ? errorMessage(e) : `unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
      // Messages quote stored text (owners, notes, gate output): escape it for the terminal.
      process.stderr.write(`lanes: ${safeBlock(speak(text, 'cli'))}\n`);
      process.exitCode = code;
    }
  };
}

/**
 * Prints `data` as JSON (for --json) or `text`. stdout is the command's output. Renderings quote
 * stored text from agents (topics, reasons, owners), so control characters are escaped here for
 * every command: only colour codes (SGR, `ESC [ ... m`) pass, which renderers add on purpose and
 * which cannot move the cursor, clear the screen or retitle the terminal. Hints in either name the
 * CLI's commands (core names actions, see core/hints/actions.ts).
 */
export function emit(json: boolean | undefined, data: unknown, text: () => string): void {
  process.stdout.write(json ? `${jsonOut(speakAll(data, 'cli'))}\n` : `${terminalText(speak(text(), 'cli'))}\n`);
}

// eslint-disable-next-line no-control-regex
const SGR = /(\x1b\[[0-9;]*m)/;

/** Text for a terminal: newlines and tabs kept, colour codes kept, every other control escaped. */
export function terminalText(s: string): string {
  return s
    .split(SGR)
    .map((part, i) => (i % 2 === 1 ? part : safeBlock(part)))
    .join('');
}

/** JSON.stringify leaves DEL and C1 controls raw; `\u009b` is the same JSON and safe on a terminal. */
export function jsonOut(data: unknown): string {
  return (JSON.stringify(data, null, 2) ?? 'null').replace(/[\x7f-\x9f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
