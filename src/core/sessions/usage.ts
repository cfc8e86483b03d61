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

/** The usage a transcript records, or undefined (no file, too large, or nothing about usage in it). */
export function transcriptUsage(file: string | undefined): SessionUsage | undefined {
  if (!file) return undefined;
  let text: string;
  try {
    if (fs.statSync(file).size > MAX_TRANSCRIPT_BYTES) return undefined;
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const meter = new UsageMeter();
  let from = 0;
  while (from < text.length) {
    let nl = text.indexOf('\n', from);
    if (nl < 0) nl = text.length;
    // Most lines are tool results and text: only those naming usage are parsed.
    const i = text.indexOf('"usage"', from);
    if (i >= 0 && i < nl) meter.line(text.slice(from, nl));
    else if (i < 0) break;
    else {
      // Skip straight to the line holding the next "usage".
      const start = text.lastIndexOf('\n', i) + 1;
      from = start;
      continue;
    }
    from = nl + 1;
  }
  const u = meter.usage(priceTable(undefined));
  return u ? sessionUsage(u) : undefined;
}
