/**
 * Usage and rate limits. Many agents share one API budget and exhaust it together; an agent that
 * ends on a limit has not failed its task, so its attempt is not counted. Instead the whole run
 * pauses admissions until the limit resets, keeps the lane, and resumes by itself.
 *
 * Recognising a limit:
 * - Claude Code's stream-json output: a `result` event with `is_error` and `api_error_status`
 *   429 / 529 or `api_error_type` rate_limit_error / overloaded_error, or a limit message in its
 *   `result` text; an `assistant` event flagged `is_api_error_message` with `error: "rate_limit"`;
 * - plain lines (stderr, or any agent's text) matched against the preset's patterns and
 *   `agent.limit_patterns`. A pattern may name a group `reset` holding the reset time.
 *
 * The reset time comes from the matched text ("resets at 3pm", "resets 15:00", an epoch after a
 * `|`, "retry-after: 30", "try again in 5 minutes"), else from exponential back-off.
 */
import { parseReset } from './reset-time.js';

export interface LimitHit {
  /** What was recognised, one line ("usage limit", "rate limit (429)", "overloaded (529)"). */
  reason: string;
  /** The text it came from (clipped). */
  text: string;
  /** When the limit resets, epoch ms, when the text said so. */
  resetAt?: number;
}

/** Regex sources: built-in per preset, plus the user's `agent.limit_patterns`. */
export type LimitPatterns = readonly string[];

/** Text every agent CLI we know prints on a usage or rate limit (case-insensitive). */
export const COMMON_LIMIT_PATTERNS: LimitPatterns = [
  'usage limit (?:reached|exceeded)',
  "you've (?:hit|reached) your (?:[\\w-]+ )*limit",
  '\\brate[ _-]?limit(?:ed|_error| exceeded| reached)\\b',
  '\\boverloaded_error\\b',
  '\\b(?:HTTP |status:? ?|error:? ?|\\()429\\b',
  '429 Too Many Requests',
];

const MAX_TEXT = 300;

/** One line, clipped, without control characters (ANSI colours of a CLI's stderr, ESC, BEL). */
function clip(s: string): string {
  /* eslint-disable no-control-regex -- removing control characters is the point */
  const one = s
    .replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[\x00-\x1f\x7f]/g, '')
    .trim();
  /* eslint-enable no-control-regex */
  return one.length > MAX_TEXT ? `${one.slice(0, MAX_TEXT - 3)}...` : one;
}

/** Compiles pattern sources once; a bad one is reported by the config schema, skipped here. */
export function compilePatterns(sources: LimitPatterns): RegExp[] {
  const out: RegExp[] = [];
  for (const s of sources) {
    try {
      out.push(new RegExp(s, 'i'));
    } catch {
      // validated in the config schema; a preset's own patterns are tested
    }
  }
  return out;
}

/** Why `source` is not a usable limit pattern, or undefined. */
export function patternProblem(source: string): string | undefined {
  try {
    new RegExp(source, 'i');
    return undefined;
  } catch (e) {
    return `not a valid regular expression: ${(e as Error).message}`;
  }
}

function reasonFor(text: string, status?: number, type?: string): string {
  if (status === 529 || type === 'overloaded_error' || /overloaded/i.test(text)) return `overloaded${status ? ` (${status})` : ''}`;
  if (/usage limit|hit your|reached your|quota|spend limit/i.test(text)) return 'usage limit';
  return `rate limit${status ? ` (${status})` : ''}`;
}

/** One line of Claude Code's stream-json output: a limit, or undefined. */
function claudeEvent(ev: Record<string, unknown>, patterns: RegExp[], now: number): LimitHit | undefined {
  const status = typeof ev.api_error_status === 'number' ? ev.api_error_status : undefined;
  const type = typeof ev.api_error_type === 'string' ? ev.api_error_type : undefined;
  if (ev.type === 'result') {
    const text = typeof ev.result === 'string' ? ev.result : '';
    const limitStatus = status === 429 || status === 529 || type === 'rate_limit_error' || type === 'overloaded_error';
    const byText = text ? matchText(text, patterns, now) : undefined;
    if (ev.is_error !== true && !limitStatus) return undefined;
    if (!limitStatus && !byText) return undefined;
    return {
      reason: reasonFor(text, status, type),
      text: clip(text || `api error ${status ?? type}`),
      ...resetOf(text, now, byText?.resetAt),
    };
  }
  if (ev.type === 'assistant' && ev.is_api_error_message === true && (ev.error === 'rate_limit' || status === 429 || status === 529)) {
    const content = (ev.message as { content?: Array<{ type?: string; text?: string }> } | undefined)?.content ?? [];
    const text = content.map((c) => (c.type === 'text' ? (c.text ?? '') : '')).join(' ');
    return { reason: reasonFor(text, status, type), text: clip(text), ...resetOf(text, now) };
  }
  return undefined;
}

function resetOf(text: string, now: number, known?: number): { resetAt?: number } {
  const at = known ?? parseReset(text, now);
  return at !== undefined ? { resetAt: at } : {};
}

function matchText(text: string, patterns: RegExp[], now: number): LimitHit | undefined {
  for (const re of patterns) {
    const m = re.exec(text);
    if (!m) continue;
    const named = m.groups?.reset;
    const resetAt = (named !== undefined ? parseReset(named, now, true) : undefined) ?? parseReset(text, now);
    return { reason: reasonFor(text), text: clip(text), ...(resetAt !== undefined ? { resetAt } : {}) };
  }
  return undefined;
}

/**
 * Watches one attempt's output for a limit. Claude's JSON events are read as events (so a limit
 * word inside a file the agent read is not a limit); any other line is matched as text.
 */
export class LimitWatch {
  private hit: LimitHit | undefined;
  private readonly patterns: RegExp[];

  constructor(
    sources: LimitPatterns,
    private readonly clock: () => number = Date.now,
  ) {
    this.patterns = compilePatterns(sources);
  }

  line(line: string, stream: 'stdout' | 'stderr' = 'stdout'): void {
    const s = line.trim();
    if (!s) return;
    let found: LimitHit | undefined;
    if (s[0] === '{') {
      let ev: unknown;
      try {
        ev = JSON.parse(s);
      } catch {
        ev = undefined;
      }
      if (ev && typeof ev === 'object') {
        found = claudeEvent(ev as Record<string, unknown>, this.patterns, this.clock());
        // Other agents' JSON (tool output, messages) is not matched as text: too easy to misread.
        if (!found && stream === 'stdout') return;
      }
    }
    found ??= matchText(s, this.patterns, this.clock());
    // The latest hit wins, but keep a reset time an earlier line gave.
    if (found)
      this.hit = { ...found, ...(found.resetAt === undefined && this.hit?.resetAt !== undefined ? { resetAt: this.hit.resetAt } : {}) };
  }

  get limit(): LimitHit | undefined {
    return this.hit;
  }
}

// ---------------------------------------------------------------------------------------------
// The run-wide gate: pauses and paced starts

export interface PauseState {
  reason: string;
  /** ISO time admissions resume. */
  until: string;
  /** The task whose agent hit the limit. */
  task?: string;
}

export interface GateOptions {
  /** Back-off when a limit gives no reset time: base, doubled per consecutive limit. */
  backoffSeconds: number;
  /** 0: no pacing. */
  maxStartsPerMinute: number;
  clock?: () => number;
}

/** A limit's reset can be a few seconds early on the server's side: start a little after it. */
const RESET_MARGIN_MS = 1000;
const MAX_BACKOFF_MS = 3_600_000;

export class LimitGate {
  private pause: PauseState | undefined;
  private streak = 0;
  private lastStart = -Infinity;
  private readonly clock: () => number;

  constructor(
    private readonly o: GateOptions,
    restored?: PauseState,
  ) {
    this.clock = o.clock ?? Date.now;
    if (restored && Date.parse(restored.until) > this.clock()) this.pause = restored;
  }

  /** Records a limit; returns the pause now in force (a later reset extends it, never shortens it). */
  hit(h: LimitHit, task?: string): PauseState {
    const now = this.clock();
    this.streak++;
    const backoff = Math.min(MAX_BACKOFF_MS, this.o.backoffSeconds * 1000 * 2 ** (this.streak - 1));
    const until = h.resetAt !== undefined ? h.resetAt + RESET_MARGIN_MS : now + backoff;
    const current = this.pause ? Date.parse(this.pause.until) : 0;
    if (!this.pause || until > current)
      this.pause = { reason: h.reason, until: new Date(Math.max(until, current)).toISOString(), ...(task ? { task } : {}) };
    return this.pause;
  }

  /** An attempt got through without a limit: back-off starts from its base again. */
  ok(): void {
    this.streak = 0;
  }

  /** The pause in force now, or undefined (a pause that has run out is cleared). */
  paused(): PauseState | undefined {
    if (this.pause && Date.parse(this.pause.until) <= this.clock()) this.pause = undefined;
    return this.pause;
  }

  /** Ms until the next agent may start under `max_starts_per_minute` (0: now). */
  startDelay(): number {
    if (!(this.o.maxStartsPerMinute > 0)) return 0;
    const gap = 60_000 / this.o.maxStartsPerMinute;
    return Math.max(0, this.lastStart + gap - this.clock());
  }

  /** How many agents may start now: all of `wanted`, or one at a time when paced. */
  startsAllowed(wanted: number): number {
    if (this.paused()) return 0;
    if (!(this.o.maxStartsPerMinute > 0)) return wanted;
    return this.startDelay() === 0 ? Math.min(1, wanted) : 0;
  }

  started(): void {
    this.lastStart = this.clock();
  }
}

/** "paused: usage limit, resumes 15:00" (local time; the date too when it is not today). */
export function pauseText(p: PauseState, now = Date.now()): string {
  const at = new Date(p.until);
  const hm = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
  const secs = Math.ceil((at.getTime() - now) / 1000);
  // Another day: the local date too (the clock time is local, so the date must be).
  const day = `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
  const when = new Date(now).toDateString() === at.toDateString() ? hm : `${day} ${hm}`;
  return `paused: ${p.reason}, resumes ${when}${secs > 0 && secs < 120 ? ` (in ${secs} s)` : ''}`;
}
