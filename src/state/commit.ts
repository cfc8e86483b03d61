/**
 * Atomic multi-document commits with a redo record (docs/safety.md rules 9-10). Each new document is
 * written to an fsynced temp file; then `commit.json` (written atomically) lists the renames: from
 * that moment the commit is decided. The renames follow, then a directory fsync, then the record is
 * deleted. Whoever takes the 'state' lock next finishes a leftover record, so after a crash either
 * every document is new or (no record yet) every document is old: never a mix.
 */
import fs from 'node:fs';
import path from 'node:path';
import { failpointSync } from '../util/failpoint.js';
import { log } from '../util/log.js';
import { isSlug } from '../util/slug.js';
import { fsyncDir, rmQuiet, TEMP_RE, writeFileAtomic, writeTempFile } from './atomic.js';
import { docFile, loadDoc } from './docs.js';

export const REDO_FILE = 'commit.json';

interface Rename {
  /** Basename of the staged temp file. */
  tmp: string;
  doc: string;
  /** The version the document gets: lets recovery tell "already renamed" from "lost". */
  version: number;
}

interface RedoRecord {
  pid: number;
  at: string;
  renames: Rename[];
}

export interface StagedDoc {
  doc: string;
  version: number;
  text: string;
}

/** `fence` runs just before the redo record is renamed into place (the commit point). */
export function commitGroup(dir: string, docs: StagedDoc[], fence: () => void): void {
  const renames: Rename[] = [];
  try {
    for (const d of docs) {
      renames.push({ tmp: path.basename(writeTempFile(docFile(dir, d.doc), d.text)), doc: d.doc, version: d.version });
    }
    const rec: RedoRecord = { pid: process.pid, at: new Date().toISOString(), renames };
    writeFileAtomic(path.join(dir, REDO_FILE), `${JSON.stringify(rec)}\n`, 0o600, { beforeRename: fence });
  } catch (e) {
    for (const r of renames) rmQuiet(path.join(dir, r.tmp));
    throw e;
  }
  failpointSync('state.commit.after-record');
  apply(dir, renames);
}

function apply(dir: string, renames: Rename[]): void {
  renames.forEach((r, i) => {
    const target = docFile(dir, r.doc);
    try {
      fs.renameSync(path.join(dir, r.tmp), target);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      // Temp gone: an earlier run renamed it already, unless the target says otherwise.
      const now = loadDoc(target);
      if (!now || !now.ok || now.version < r.version) {
        log.error(`redo record: staged ${r.tmp} for "${r.doc}" v${r.version} is missing and ${target} is older`);
      }
    }
    if (i === 0) failpointSync('state.commit.mid-rename');
  });
  fsyncDir(dir);
  rmQuiet(path.join(dir, REDO_FILE));
}

/** Finishes a commit a crashed process left behind. Call holding the 'state' lock. */
export function rollForward(dir: string): boolean {
  const file = path.join(dir, REDO_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
  const rec = parseRecord(text);
  if (!rec) {
    // Cannot happen with an atomic write; keep the evidence rather than act on garbage.
    const q = `${file}.corrupt-${Date.now()}`;
    fs.renameSync(file, q);
    log.error(`unreadable redo record moved aside to ${q}; documents it named may be stale`);
    return false;
  }
  log.warn(`finishing a multi-document commit interrupted in pid ${rec.pid} (${rec.renames.map((r) => r.doc).join(', ')})`);
  apply(dir, rec.renames);
  return true;
}

/** Temp files a pending redo record still needs (a sweep must leave them). */
export function pendingTemps(dir: string): Set<string> {
  try {
    const rec = parseRecord(fs.readFileSync(path.join(dir, REDO_FILE), 'utf8'));
    return new Set(rec?.renames.map((r) => r.tmp));
  } catch {
    return new Set();
  }
}

function parseRecord(text: string): RedoRecord | undefined {
  try {
    const rec = JSON.parse(text) as RedoRecord;
    if (!Array.isArray(rec.renames)) return undefined;
    // Only plain temp names and slug documents: a record must never steer a rename elsewhere.
    const ok = rec.renames.every(
      (r) =>
        isSlug(r.doc) &&
        TEMP_RE.test(r.tmp) &&
        r.tmp.startsWith(`.${r.doc}.json.`) &&
        !r.tmp.includes('/') &&
        Number.isSafeInteger(r.version),
    );
    return ok ? rec : undefined;
  } catch {
    return undefined;
  }
}
