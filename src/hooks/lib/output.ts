/**
 * What a hook says, and how. stdout belongs to Claude Code (docs/safety.md rule 17): it carries the
 * hook JSON and nothing else (or, for WorktreeCreate, the path as the last line). Everything meant
 * for people goes to stderr, prefixed "lanes:". Writes are synchronous so that exiting right after
 * cannot cut them short on platforms where pipes are asynchronous.
 *
 * LANES_HOOK_TRACE=<file> appends one JSON line per hook run (event, outcome, milliseconds): a
 * cheap way to see which hook did what in a real session (the end-to-end tests use it).
 */
import fs from 'node:fs';
import { speak, speakAll } from '../../core/hints/actions.js';

// process.uptime, not performance.now: the `performance` global loads perf_hooks (a few ms).

function writeFd(fd: 1 | 2, raw: string): void {
  // Hooks talk to the model: hints from core name tools (see core/hints/actions.ts).
  const text = speak(raw, 'tools');
  try {
    fs.writeSync(fd, text);
  } catch {
    // EAGAIN on a non-blocking pipe, or the reader went away: fall back to the stream.
    (fd === 1 ? process.stdout : process.stderr).write(text);
  }
}

/** A line on stderr for humans (Claude Code shows it in verbose mode, or as the block reason on exit 2). */
export function note(msg: string): void {
  writeFd(2, `lanes: ${msg.endsWith('\n') ? msg : `${msg}\n`}`);
}

/** The raw text of a blocking reason (exit 2): stderr is what the model sees. */
export function reasonToStderr(text: string): void {
  writeFd(2, text.endsWith('\n') ? text : `${text}\n`);
}

let emitted = false;

/** The hook's JSON answer: one object on stdout, at most once. */
export function emitJson(value: Record<string, unknown>): void {
  if (emitted) throw new Error('hook output already written');
  emitted = true;
  writeFd(1, `${JSON.stringify(speakAll(value, 'tools'))}\n`);
}

/** Raw stdout lines (WorktreeCreate prints the new worktree's path as its last line). */
export function emitLine(line: string): void {
  writeFd(1, `${line}\n`);
}

/** Milliseconds since this process started. */
export function elapsedMs(): number {
  return Math.round(process.uptime() * 1000);
}

export function trace(event: string, outcome: string, fields: Record<string, unknown> = {}): void {
  const file = process.env.LANES_HOOK_TRACE;
  if (!file) return;
  try {
    fs.appendFileSync(file, `${JSON.stringify({ event, outcome, ms: elapsedMs(), pid: process.pid, ...fields })}\n`);
  } catch {
    // tracing must never change what the hook does
  }
}

/**
 * Ends the process with `code` once stdio is flushed. Hooks call this instead of returning so a
 * stray handle (a timer, a child's pipe) cannot keep Claude Code waiting.
 */
export function exit(code: number): never {
  process.exit(code);
}
