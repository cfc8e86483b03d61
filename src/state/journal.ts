/**
 * Intent log for multi-step operations (docs/safety.md rule 10): start_task (claim → branch →
 * worktree → setup) and merges (check → integrate → gate → land → cleanup) record each step before
 * taking it, one file per operation under `journal/`, written atomically (rule 8). A record whose
 * process died is an orphan: the next command rolls it forward or back, then calls done(). So is a
 * record its own living process gave up on (abandon(): its rollback failed, say because the remote
 * holding shared state went away), so a long-lived process such as a run tries the recovery again
 * instead of tripping over the half-made operation forever.
 */
import fs from 'node:fs';
import path from 'node:path';
import { log } from '../util/log.js';
import { fsyncDir, TEMP_RE, writeFileAtomic } from './atomic.js';
import { hostName, pidAlive } from './pid.js';
import { randomHex } from './random.js';

export interface JournalRecord {
  id: string;
  op: string;
  pid: number;
  host: string;
  startedAt: string;
  updatedAt: string;
  step: string;
  data: Record<string, unknown>;
}

export interface JournalEntry {
  readonly id: string;
  readonly record: JournalRecord;
  step(name: string, patch?: Record<string, unknown>): Promise<void>;
  /** The operation finished (or was rolled back): deletes the record. */
  done(): Promise<void>;
  /** Nobody works on it any more but it is not finished: the record stays, as an orphan. */
  abandon(): void;
}

/** Ids of the records this process is working on now (begun or adopted, neither done nor abandoned). */
const working = new Set<string>();

const ID_RE = /^[a-z0-9][a-z0-9-]{0,62}$/;

export class Journal {
  constructor(readonly dir: string) {}

  async begin(op: string, data: Record<string, unknown>): Promise<JournalEntry> {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const now = new Date().toISOString();
    const id = `${Date.now().toString(36)}-${process.pid}-${randomHex(3)}`;
    const rec: JournalRecord = {
      id,
      op,
      pid: process.pid,
      host: hostName(),
      startedAt: now,
      updatedAt: now,
      step: 'begin',
      data: { ...data },
    };
    this.write(rec);
    working.add(id);
    return new Entry(this, rec);
  }

  /**
   * Takes over an orphan to roll it forward or back: the record is rewritten with our pid, so it
   * stops being an orphan while we work on it. Hold the lock that guards the operation meanwhile,
   * so two recovering processes cannot adopt the same record.
   */
  async adopt(record: JournalRecord): Promise<JournalEntry> {
    const rec: JournalRecord = { ...record, pid: process.pid, host: hostName(), updatedAt: new Date().toISOString() };
    this.write(rec);
    working.add(rec.id);
    return new Entry(this, rec);
  }

  /** Every record, oldest first. An unparseable one is moved aside and reported, never dropped silently. */
  async list(): Promise<JournalRecord[]> {
    let names: string[];
    try {
      names = fs.readdirSync(this.dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    const out: JournalRecord[] = [];
    for (const name of names) {
      if (!name.endsWith('.json') || TEMP_RE.test(name)) continue;
      const file = path.join(this.dir, name);
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch {
        continue; // finished (done()) while we listed
      }
      const rec = parseRecord(text);
      if (rec) out.push(rec);
      else quarantineRecord(file);
    }
    return out.sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id));
  }

  /**
   * Records nobody works on: their process is gone from this host (it crashed midway), or it is
   * this process and it abandoned them (or an earlier process that had this pid wrote them).
   */
  async orphans(): Promise<JournalRecord[]> {
    const host = hostName();
    return (await this.list()).filter((r) => r.host === host && (r.pid === process.pid ? !working.has(r.id) : !pidAlive(r.pid)));
  }

  /** @internal */
  file(id: string): string {
    return path.join(this.dir, `${id}.json`);
  }

  /** @internal */
  write(rec: JournalRecord): void {
    writeFileAtomic(this.file(rec.id), `${JSON.stringify(rec)}\n`);
  }
}

class Entry implements JournalEntry {
  private rec: JournalRecord;

  constructor(
    private readonly journal: Journal,
    rec: JournalRecord,
  ) {
    this.rec = rec;
  }

  get id(): string {
    return this.rec.id;
  }

  get record(): JournalRecord {
    return this.rec;
  }

  async step(name: string, patch: Record<string, unknown> = {}): Promise<void> {
    const next = { ...this.rec, step: name, updatedAt: new Date().toISOString(), data: { ...this.rec.data, ...patch } };
    this.journal.write(next); // intent is on disk before the caller takes the step
    this.rec = next;
  }

  async done(): Promise<void> {
    try {
      fs.unlinkSync(this.journal.file(this.rec.id));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    // Otherwise a crash could resurrect a finished operation as an orphan.
    fsyncDir(this.journal.dir);
    working.delete(this.rec.id);
  }

  abandon(): void {
    working.delete(this.rec.id);
  }
}

function parseRecord(text: string): JournalRecord | undefined {
  try {
    const r = JSON.parse(text) as JournalRecord;
    const ok =
      typeof r === 'object' &&
      r !== null &&
      typeof r.id === 'string' &&
      ID_RE.test(r.id) &&
      typeof r.op === 'string' &&
      Number.isSafeInteger(r.pid) &&
      typeof r.host === 'string' &&
      typeof r.step === 'string' &&
      typeof r.startedAt === 'string' &&
      typeof r.data === 'object' &&
      r.data !== null;
    return ok ? r : undefined;
  } catch {
    return undefined;
  }
}

function quarantineRecord(file: string): void {
  const q = `${file}.corrupt-${Date.now()}`;
  try {
    fs.renameSync(file, q);
    log.error(`journal record ${file} is unreadable; moved aside to ${q}. Check the operation it described by hand.`);
  } catch {
    // gone meanwhile
  }
}
