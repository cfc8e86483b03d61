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

/**
 * Wraps a command action: a failure goes to stderr as text, or to stdout as JSON when the command
 * was given --json, and sets the exit code.
 */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (e) {
      reportError(e, jsonRequested(args));
    }
  };
}

/** commander passes (…arguments, options, command): --json is in the options (or a parent's). */
function jsonRequested(args: unknown[]): boolean {
  const cmd = args[args.length - 1];
  if (cmd && typeof cmd === 'object' && typeof (cmd as { optsWithGlobals?: unknown }).optsWithGlobals === 'function') {
    return (cmd as { optsWithGlobals(): { json?: unknown } }).optsWithGlobals().json === true;
  }
  return false;
}

/**
 * Reports a failure the one way every command does: `lanes: <message>` and its hint on stderr, or
 * `{"error": {"code", "message", "hint"}}` on stdout for --json (a script reads one stream), with
 * the exit code of the error's kind either way.
 */
export function reportError(e: unknown, json: boolean): void {
  const code = exitCodeFor(e);
  process.exitCode = code;
  if (json) {
    const err =
      e instanceof LanesError
        ? { code: e.code, message: e.message, hint: e.hint ?? null }
        : { code: 'INTERNAL', message: `unexpected error: ${e instanceof Error ? e.message : String(e)}`, hint: null };
    process.stdout.write(`${jsonOut(speakAll({ error: err }, 'cli'))}\n`);
    return;
  }
  const text = e instanceof LanesError ? errorMessage(e) : `unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
  // Messages quote stored text (owners, notes, gate output): escape it for the terminal.
  process.stderr.write(`lanes: ${safeBlock(speak(text, 'cli'))}\n`);
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
