/**
 * What a Claude Code session cost, read from its transcript: the JSONL file has one line per
 * content block of each assistant message, each carrying that message's `usage` (so a message is
 * counted once, by its id). Priced with the built-in table (estimates; `lanes run` reports use the
 * config's `prices`): SessionEnd must not load the config, which brings zod, inside its budget.
 */
import fs from 'node:fs';
import { priceTable, UsageMeter } from '../run/cost.js';
import type { Usage } from '../run/model.js';

/** What the session note and its index record keep. */
export interface SessionUsage {
  input_tokens: number;
  output_tokens: number;
  cache_read_tokens: number;
  cache_creation_tokens: number;
  /** Estimated, USD; absent when no model had a price. */
  cost_usd?: number;
  models: string[];
}

/** Transcripts past this are not read (a runaway log must not eat SessionEnd's 1.5 s). */
const MAX_TRANSCRIPT_BYTES = 64 * 1024 * 1024;

export function sessionUsage(u: Usage): SessionUsage {
  const out: SessionUsage = {
    input_tokens: u.input_tokens,
    output_tokens: u.output_tokens,
    cache_read_tokens: u.cache_read_tokens,
    cache_creation_tokens: u.cache_creation_tokens,
    models: Object.keys(u.models ?? {}).sort(),
  };
  if (u.cost_usd !== undefined) out.cost_usd = u.cost_usd;
  return out;
}

const USAGE_KEY = Buffer.from('"usage"');
const NL = 10;

/**
 * The usage a transcript records, or undefined (no file, too large, or nothing about usage in it).
 * The file is searched as bytes and only the lines naming `"usage"` are decoded and parsed:
 * decoding a 10 MB transcript to a string cost more than the rest of SessionEnd together. The
 * same lines are found as in the decoded text (the key and the newline are ASCII, which no UTF-8
 * sequence contains), and each is decoded as the whole file would have been.
 */
export function transcriptUsage(file: string | undefined): SessionUsage | undefined {
  if (!file) return undefined;
  let buf: Buffer;
  try {
    if (fs.statSync(file).size > MAX_TRANSCRIPT_BYTES) return undefined;
    buf = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  const meter = new UsageMeter();
  let i = buf.indexOf(USAGE_KEY);
  while (i >= 0) {
    // The line holding this "usage": most lines are tool results and text, never decoded.
    const start = buf.lastIndexOf(NL, i) + 1;
    let end = buf.indexOf(NL, i);
    if (end < 0) end = buf.length;
    meter.line(buf.toString('utf8', start, end));
    i = end < buf.length ? buf.indexOf(USAGE_KEY, end + 1) : -1;
  }
  const u = meter.usage(priceTable(undefined));
  return u ? sessionUsage(u) : undefined;
}
