/**
 * State documents on disk: `<stateDir>/<doc>.json` holding compact `{"version":n,"data":...}` plus a
 * newline. The version is the fencing token (docs/safety.md rule 11); an unparseable file is moved
 * aside, never silently reset.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LanesError } from '../errors.js';
import { log } from '../util/log.js';
import { assertSlug } from '../util/slug.js';
import { parseRecords } from './records.js';

/** Names the store itself uses next to the documents. */
const RESERVED = new Set(['commit']);

export function assertDocName(doc: string): string {
  assertSlug(doc, 'state document name');
  if (RESERVED.has(doc)) throw new LanesError('INVALID_INPUT', `"${doc}" is reserved and cannot name a state document.`);
  return doc;
}

export function docFile(dir: string, doc: string): string {
  return path.join(dir, `${doc}.json`);
}

/** The file text for `data` already serialized as `dataJson` (callers compare that JSON anyway). */
export function docText(version: number, dataJson: string | undefined): string {
  // JSON.stringify(undefined) is undefined; store null rather than a file without "data".
  return `{"version":${version},"data":${dataJson ?? 'null'}}\n`;
}

export type Loaded = { ok: true; version: number; data: unknown } | { ok: false; reason: string };

/** undefined when the file does not exist. */
export function loadDoc(file: string): Loaded | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  return parseDoc(text);
}

export function parseDoc(text: string): Loaded {
  let obj: unknown;
  try {
    // Null-prototype objects: documents are maps keyed by slugs, and `constructor` is one.
    obj = parseRecords(text);
  } catch (e) {
    return { ok: false, reason: text.length === 0 ? 'the file is empty' : (e as Error).message };
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return { ok: false, reason: 'not a JSON object' };
  const o = obj as { version?: unknown; data?: unknown };
  if (!Number.isSafeInteger(o.version) || (o.version as number) < 0) return { ok: false, reason: 'no valid "version"' };
  if (!('data' in o)) return { ok: false, reason: 'no "data"' };
  return { ok: true, version: o.version as number, data: o.data };
}

/** The version on disk right now, for fencing: 0 when missing, -1 when unreadable. */
export function diskVersion(file: string): number {
  try {
    const r = loadDoc(file);
    return r === undefined ? 0 : r.ok ? r.version : -1;
  } catch {
    return -1;
  }
}

/**
 * Moves an unparseable document aside to `<doc>.json.corrupt-<timestamp>` and returns the error to
 * throw. Callers hold the 'state' lock, so a writer cannot replace the file between our read and
 * the move (we would otherwise quarantine a good file).
 */
export function quarantine(file: string, reason: string): LanesError {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  let q = `${file}.corrupt-${stamp}`;
  if (fs.existsSync(q)) q = `${q}-${process.pid}`;
  try {
    fs.renameSync(file, q);
  } catch (e) {
    return new LanesError(
      'STATE_CORRUPT',
      `State file ${file} is not valid (${reason}) and could not be moved aside: ${(e as Error).message}`,
      {
        hint: `Move ${file} out of the way yourself (keep a copy if it matters), then run the command again.`,
        details: { file },
      },
    );
  }
  log.error(`state file ${file} is not valid (${reason}); quarantined as ${q}`);
  const doc = path.basename(file, '.json');
  return new LanesError('STATE_CORRUPT', `State file ${file} is not valid (${reason}); it was moved aside to ${q}.`, {
    hint: `The next command starts "${doc}" afresh from its defaults; nothing else was reset. To keep the old contents, repair ${q} and move it back to ${file} while no Lanes command is running.`,
    details: { file, quarantine: q },
  });
}
