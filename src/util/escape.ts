/**
 * Stored text is data on the way out: task titles, owners, notes and gate output come from agents,
 * and a raw ESC, BEL or NUL in them would retitle or clear the user's terminal (or break a Markdown
 * table). Every rendering passes such fields through `safeText` (single-line fields) or
 * `safeBlock` (multi-line output, where newlines and tabs are kept).
 */

// C0 controls, DEL and the C1 range (0x80-0x9f: a lone 0x9b is CSI on some terminals).
// eslint-disable-next-line no-control-regex
const CONTROL_LINE = /[\x00-\x1f\x7f-\x9f]/g;
// eslint-disable-next-line no-control-regex
const CONTROL_BLOCK = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

function show(c: string): string {
  const n = c.charCodeAt(0);
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  return `\\x${n.toString(16).padStart(2, '0')}`;
}

/** One line of stored text, with every control character shown as an escape (`\x1b`, `\n`). */
export function safeText(s: string | undefined | null): string {
  if (s === undefined || s === null) return '';
  return String(s).replace(CONTROL_LINE, show);
}

/** Multi-line stored text (gate output, notes): newlines and tabs kept, other controls escaped. */
export function safeBlock(s: string | undefined | null): string {
  if (s === undefined || s === null) return '';
  return String(s).replace(/\r\n/g, '\n').replace(CONTROL_BLOCK, show);
}
