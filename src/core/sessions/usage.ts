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
const CHUNK = 1 << 20;

/** Feeds the meter every line of `buf[0, end)` (whole lines) that names `"usage"`. */
function scanLines(buf: Buffer, end: number, meter: UsageMeter): void {
  const region = buf.subarray(0, end);
  let i = region.indexOf(USAGE_KEY);
  while (i >= 0) {
    const start = region.lastIndexOf(NL, i) + 1;
    let stop = region.indexOf(NL, i);
    if (stop < 0) stop = end;
    meter.line(region.toString('utf8', start, stop));
    i = stop < end ? region.indexOf(USAGE_KEY, stop + 1) : -1;
  }
}

/**
 * The usage a transcript records, or undefined (no file, too large, or nothing about usage in it).
 * The file is read in 1 MB pieces into one buffer and searched as bytes; only the lines naming
 * `"usage"` are decoded and parsed. Decoding a 10 MB transcript to one string cost more than the
 * rest of SessionEnd together, and reading it whole into a fresh buffer twice what the pieces
 * cost. The same lines are found as in the decoded text (the key and the newline are ASCII, which
 * no UTF-8 sequence contains), and each is decoded as the whole file would have been.
 */
export function transcriptUsage(file: string | undefined): SessionUsage | undefined {
  if (!file) return undefined;
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return undefined;
  }
  const meter = new UsageMeter();
  try {
    if (fs.fstatSync(fd).size > MAX_TRANSCRIPT_BYTES) return undefined;
    let buf = Buffer.allocUnsafe(CHUNK);
    // buf[0, kept) is the start of a line whose end is not read yet.
    let kept = 0;
    let total = 0;
    for (;;) {
      if (kept === buf.length) {
        // A line longer than the buffer: make room for the rest of it.
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, kept);
        buf = bigger;
      }
      const n = fs.readSync(fd, buf, kept, buf.length - kept, null);
      total += n;
      if (total > MAX_TRANSCRIPT_BYTES) return undefined; // it grew while being read
      if (n === 0) {
        scanLines(buf, kept, meter); // the last line, without a newline
        break;
      }
      const filled = kept + n;
      const lastNl = buf.lastIndexOf(NL, filled - 1);
      if (lastNl < kept) {
        kept = filled;
        continue;
      }
      scanLines(buf, lastNl + 1, meter);
      buf.copy(buf, 0, lastNl + 1, filled);
      kept = filled - lastNl - 1;
    }
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
  const u = meter.usage(priceTable(undefined));
  return u ? sessionUsage(u) : undefined;
}
