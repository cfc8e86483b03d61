/**
 * What a run display writes to and what it offers, shared by the display modes (display.ts) and
 * the live block (live.ts) without either importing the other.
 */
import type { RunEvent } from '../../core/run/index.js';

/** Where a display writes: process.stdout, or anything with its shape (a test's buffer). */
export interface DisplayStream {
  write(s: string): unknown;
  columns?: number;
  rows?: number;
  isTTY?: boolean;
}

export interface RunDisplay {
  onEvent(e: RunEvent): void;
  /** Final redraw; the cursor is left below the block. */
  close(): void;
}
