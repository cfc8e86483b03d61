/**
 * Full gate logs on disk: each gate run (the setup and gates run on one candidate commit) writes
 * its whole output to `<state>/gate-logs/<id>.log`, capped (the first MAX_LOG_BYTES, then the last
 * TAIL_BYTES, so both the start of a failure and the end of the run are kept), secret-redacted
 * line by line as it is written. `index.jsonl` lists the runs; older runs are pruned past
 * KEEP_RUNS or KEEP_BYTES. Only the queue processor (one at a time, under the queue lock) writes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LanesError } from '../../errors.js';
import type { Repo } from '../../git/repo.js';
import { writeFileAtomic } from '../../state/atomic.js';
import { ensurePrivateDir } from '../../state/safedir.js';
import { redact } from '../../util/redact.js';

export const MAX_LOG_BYTES = 20 * 1024 * 1024;
const TAIL_BYTES = 1024 * 1024;
const KEEP_RUNS = 40;
const KEEP_BYTES = 200 * 1024 * 1024;

export interface GateLogEntry {
  id: string;
  at: string;
  target: string;
  /** The tasks whose changes the candidate commit carried. */
  tasks: string[];
  candidate: string;
  ok: boolean;
  /** The gate (or "setup <name>") that failed, and how. */
  failed?: string;
  why?: string;
  bytes: number;
  truncated?: boolean;
}

export function logsDir(repo: Repo): string {
  return path.join(repo.stateDir, 'gate-logs');
}

const ID_RE = /^[0-9a-z]+-[0-9a-z]+$/;

/** One run's log being written. */
export class GateLog {
  readonly id: string;
  readonly file: string;
  private fd: number;
  private written = 0;
  private tail: Buffer[] = [];
  private tailSize = 0;
  private dropped = 0;
  private partial = '';

  constructor(
    private readonly repo: Repo,
    private readonly meta: { target: string; tasks: string[]; candidate: string },
  ) {
    const dir = logsDir(repo);
    ensurePrivateDir(dir, repo.stateDir);
    this.id = `${Date.now().toString(36)}-${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
    this.file = path.join(dir, `${this.id}.log`);
    this.fd = fs.openSync(this.file, 'wx+', 0o600);
  }

  /** A line of our own (which command starts, how it ended). */
  note(line: string): void {
    this.flushPartial();
    this.put(Buffer.from(`${line}\n`));
  }

  /** Where the log is now: pass it to `textFrom` to read what a command wrote. */
  mark(): number {
    return this.written;
  }

  /**
   * The head of what was written since `mark` (at most `max` bytes of the file), for finding a
   * runner's summary that scrolled out of the in-memory tail of a long run.
   */
  textFrom(mark: number, max = 8 * 1024 * 1024): string {
    this.flushPartial();
    const len = Math.min(this.written - mark, max);
    if (len <= 0) return '';
    const buf = Buffer.alloc(len);
    fs.readSync(this.fd, buf, 0, len, mark);
    return buf.toString('utf8');
  }

  /** Output of a command. Redaction works on whole lines, so a partial last line waits. */
  write(chunk: Buffer): void {
    const text = this.partial + chunk.toString('utf8');
    const cut = text.lastIndexOf('\n');
    if (cut === -1) {
      this.partial = text.length > 64 * 1024 ? (this.put(Buffer.from(redact(text))), '') : text;
      return;
    }
    this.partial = text.slice(cut + 1);
    this.put(Buffer.from(redact(text.slice(0, cut + 1))));
  }

  private flushPartial(): void {
    if (!this.partial) return;
    const p = this.partial;
    this.partial = '';
    this.put(Buffer.from(`${redact(p)}\n`));
  }

  private put(b: Buffer): void {
    if (this.written < MAX_LOG_BYTES) {
      const room = MAX_LOG_BYTES - this.written;
      const head = b.length <= room ? b : b.subarray(0, room);
      fs.writeSync(this.fd, head);
      this.written += head.length;
      if (head.length === b.length) return;
      b = b.subarray(head.length);
    }
    this.tail.push(b);
    this.tailSize += b.length;
    while (this.tailSize > TAIL_BYTES && this.tail.length > 1) {
      const first = this.tail.shift()!;
      this.tailSize -= first.length;
      this.dropped += first.length;
    }
  }

  /** Finishes the file, records it in the index and prunes old runs. */
  close(result: { ok: boolean; failed?: string; why?: string }): GateLogEntry {
    this.flushPartial();
    const truncated = this.dropped > 0 || this.tailSize > 0;
    if (truncated) {
      fs.writeSync(
        this.fd,
        `\n[... ${this.dropped} bytes left out: the log keeps the first ${MAX_LOG_BYTES} bytes and the last ${this.tailSize} ...]\n`,
      );
      fs.writeSync(this.fd, Buffer.concat(this.tail));
    }
    fs.closeSync(this.fd);
    const entry: GateLogEntry = {
      id: this.id,
      at: new Date().toISOString(),
      ...this.meta,
      ok: result.ok,
      ...(result.failed ? { failed: result.failed } : {}),
      ...(result.why ? { why: result.why } : {}),
      bytes: this.written + this.tailSize,
      ...(truncated ? { truncated: true } : {}),
    };
    fs.appendFileSync(path.join(logsDir(this.repo), 'index.jsonl'), `${JSON.stringify(entry)}\n`, { mode: 0o600 });
    pruneLogs(this.repo);
    return entry;
  }
}

export function listGateLogs(repo: Repo, task?: string): GateLogEntry[] {
  let text: string;
  try {
    text = fs.readFileSync(path.join(logsDir(repo), 'index.jsonl'), 'utf8');
  } catch {
    return [];
  }
  const out: GateLogEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const e = JSON.parse(line) as GateLogEntry;
      if (typeof e.id === 'string' && ID_RE.test(e.id) && Array.isArray(e.tasks) && (task === undefined || e.tasks.includes(task)))
        out.push(e);
    } catch {
      // a torn last line from a crash: skip it
    }
  }
  return out;
}

/** The newest gate log of a task (or of any task), with its text. */
export function readGateLog(repo: Repo, task: string | undefined, id?: string): { entry: GateLogEntry; text: string } {
  const all = listGateLogs(repo, task);
  const entry = id ? all.find((e) => e.id === id) : all.at(-1);
  if (!entry) {
    throw new LanesError(
      'NOT_FOUND',
      id ? `No gate log ${id}${task ? ` for ${task}` : ''}.` : `No gate run of ${task ?? 'any task'} is on record.`,
      {
        hint: 'Gate logs are written when the merge queue runs gates; `lanes merge log --list` shows those kept.',
      },
    );
  }
  const text = fs.readFileSync(path.join(logsDir(repo), `${entry.id}.log`), 'utf8');
  return { entry, text };
}

/** Keeps the newest KEEP_RUNS runs within KEEP_BYTES; rewrites the index atomically. */
export function pruneLogs(repo: Repo): void {
  const dir = logsDir(repo);
  const all = listGateLogs(repo);
  let bytes = 0;
  const keep: GateLogEntry[] = [];
  for (const e of [...all].reverse()) {
    if (keep.length >= KEEP_RUNS || (keep.length > 0 && bytes + e.bytes > KEEP_BYTES)) continue;
    keep.unshift(e);
    bytes += e.bytes;
  }
  if (keep.length === all.length) return;
  const ids = new Set(keep.map((e) => e.id));
  writeFileAtomic(path.join(dir, 'index.jsonl'), keep.map((e) => `${JSON.stringify(e)}\n`).join(''));
  for (const name of fs.readdirSync(dir)) {
    const m = /^(.+)\.log$/.exec(name);
    if (m && !ids.has(m[1]!)) fs.rmSync(path.join(dir, name), { force: true });
  }
}
