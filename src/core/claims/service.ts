/**
 * The claim service: claim writes of many processes applied together (group commit).
 *
 * Under contention every claim that writes used to take the state lock for itself: one lock
 * hold, one read of claims.json and one durable write each, so with eight agents claiming at once
 * each claim waited for about eight others. Here one process serves the writes of every process
 * on the machine: it listens on `<state dir>/claims.sock`, and the writes that reach it while it is
 * applying a batch are applied together in the next one — one transaction (writes.ts), one lock
 * hold, one fsync for all of them, each write isolated and answered on its own.
 *
 * Nothing about exclusion moves here. The batch is an ordinary transaction under the state lock,
 * applying each write with the same code as a write made alone; a process that does not reach the
 * service (none is running, its socket cannot be made, or the connection ends before the answer)
 * applies its write alone under the lock, as before. Hence:
 *
 * - A server killed before its batch committed: nothing of the batch happened; each waiting client
 *   sees its connection close and applies its write alone.
 * - Killed after the commit, before the answers: the writes happened; each client applies its write
 *   again alone. Claims are idempotent for their owner (a repeat renews what it holds); a repeated
 *   release finds nothing left to release and says so (`released` empty).
 * - A client waits 5 s at most (a stopped server still accepts connections). Each write carries
 *   that deadline on the machine's monotonic clock, and the server applies no write past it: it
 *   asks when the batch starts and again under the lock, just before applying. The client applies
 *   the write alone only once the deadline passed, so a late copy of it can never land after the
 *   client moved on (a release applied late would drop what the owner claimed since). A write the
 *   server applied before the deadline came before the client's own attempt, which waits for the
 *   same lock; a server stopped inside its transaction loses the lock as any holder does, and its
 *   write is fenced out. The client then writes alone for a minute before asking again.
 *
 * Who serves: a process that offered to (the MCP server and `lanes run`, which live as long as a
 * session), the first of them to find nobody listening, decided under the state lock. Every other
 * process, a short CLI call too, uses the service when one runs. Not with shared state on a remote
 * (its own protocol orders writes), on Windows, when the socket path would be too long, or with
 * LANES_CLAIM_SERVICE=0.
 */
import path from 'node:path';
import { isLanesError } from '../../errors.js';
import type { StateStore } from '../../state/index.js';
import { readRemoteSetting } from '../../state/shared.js';
import { connectLines, listenLines, MAX_SOCKET_PATH, type LineConnection } from '../../system/line-socket.js';
import { failpoint } from '../../util/failpoint.js';
import type { Reclaimed } from './model.js';
import { asRefusal, runWrites, type ClaimWrite, type WriteAnswer } from './writes.js';

export const SERVICE_SOCKET = 'claims.sock';

/**
 * A client waits this long for its answer, then applies its write alone, and writes alone for
 * SHUN_MS before it asks the service again: a server that stopped (a Ctrl-Z of its session stops
 * the whole process group) still accepts connections, and must not hold every claim up.
 */
const ANSWER_TIMEOUT_MS = 5_000;
const SHUN_MS = 60_000;

/** CLOCK_MONOTONIC in ns: one clock for every process on the machine, never stepped. */
const monotonic = (): bigint => process.hrtime.bigint();

type Logger = (store: StateStore, r: readonly Reclaimed[]) => Promise<void>;

let offered = false;

/** This process lives long enough to serve other processes' claim writes (the MCP server, `lanes run`). */
export function offerClaimService(): void {
  offered = true;
}

interface Queued {
  write: ClaimWrite;
  answer(a: WriteAnswer): void;
  /**
   * The asker went away, or its deadline passed (it applies the write alone after that): do not
   * apply it. Asked when the batch starts and again under the lock, just before applying.
   */
  gone(): boolean;
}

/** The serving side: writes queue while a batch runs and go together into the next. */
class Service {
  private queue: Queued[] = [];
  private running = false;
  batches = 0;
  writes = 0;

  closed = false;

  constructor(
    private readonly store: StateStore,
    private readonly log: Logger,
    private readonly unlisten: () => void,
  ) {}

  close(): void {
    this.closed = true;
    this.unlisten();
  }

  submit(write: ClaimWrite): Promise<WriteAnswer> {
    return new Promise((resolve) => {
      this.queue.push({ write, answer: resolve, gone: () => false });
      void this.drain();
    });
  }

  /** What a connection's values go to: each is one write, or the connection is closed. */
  connection(conn: LineConnection): (v: unknown) => void {
    return (v) => {
      const m = v as { id?: unknown; write?: unknown; deadline?: unknown } | null;
      if (!m || typeof m.id !== 'number' || !isWrite(m.write) || typeof m.deadline !== 'string' || !/^\d{1,30}$/.test(m.deadline))
        return conn.close();
      const id = m.id;
      const deadline = BigInt(m.deadline);
      this.queue.push({ write: m.write, answer: (a) => conn.send({ id, answer: a }), gone: () => conn.closed || monotonic() >= deadline });
      void this.drain();
    };
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    // Keeps this process alive until every write taken is answered.
    const keep = setInterval(() => {}, 1 << 30);
    try {
      while (this.queue.length) {
        // Let the event loop read the sockets first: a process that claims in a tight loop
        // would otherwise never look at other processes' writes (its own resolve as
        // microtasks), and writes that arrived meanwhile join this batch.
        await new Promise((r) => setImmediate(r));
        const batch = this.queue.splice(0).filter((q) => !q.gone());
        if (!batch.length) continue;
        if (readRemoteSetting(this.store.dir)) {
          // Shared state was enabled meanwhile: its writes go to the remote, never through here.
          this.close();
          for (const q of batch) q.answer({ alone: true });
          continue;
        }
        let answers: WriteAnswer[];
        try {
          answers = await runWrites(
            this.store,
            batch.map((q) => q.write),
            this.log,
            (i) => batch[i]!.gone(),
          );
        } catch (e) {
          // The transaction failed as a whole (the lock's deadline, a corrupt document, I/O): a
          // refusal is the same for every write; anything else each asker meets on its own.
          answers = batch.map(() => (isLanesError(e) ? asRefusal(e) : { alone: true }));
        }
        this.batches++;
        this.writes += batch.length;
        await failpoint('claims.service.before-answer');
        batch.forEach((q, i) => q.answer(answers[i]!));
      }
    } finally {
      clearInterval(keep);
      this.running = false;
    }
  }
}

function isWrite(w: unknown): w is ClaimWrite {
  const x = w as Record<string, unknown> | null;
  if (!x || typeof x !== 'object') return false;
  if (x.op === 'claim') return !!x.req && typeof x.req === 'object';
  if (x.op !== 'release' || typeof x.owner !== 'string') return false;
  if (x.patterns !== undefined && !(Array.isArray(x.patterns) && x.patterns.every((p) => typeof p === 'string'))) return false;
  const a = x.auth as Record<string, unknown> | undefined;
  return a === undefined || (typeof a === 'object' && a !== null && typeof a.actor === 'string');
}

/** This process's way to one state directory's service. */
class Link {
  conn: LineConnection | undefined;
  service: Service | undefined;
  /** Until then (monotonic ns) this process writes alone: the service did not answer in time. */
  private shunUntil = 0n;
  private connecting: Promise<void> | undefined;
  private next = 1;
  private readonly waiting = new Map<number, (a: WriteAnswer | undefined) => void>();

  constructor(readonly socket: string) {}

  /** Connected, serving, or neither (then the caller writes alone). */
  ready(store: StateStore, log: Logger): Promise<void> {
    if (this.service?.closed) this.service = undefined;
    if ((this.conn && !this.conn.closed) || this.service || monotonic() < this.shunUntil) return Promise.resolve();
    this.connecting ??= this.connect(store, log)
      .catch(() => undefined)
      .finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async connect(store: StateStore, log: Logger): Promise<void> {
    this.conn = await this.dial();
    if (this.conn || !offered) return;
    // Nobody listens: become the service, under the state lock so two processes never both
    // replace the socket (the loser connects to the winner).
    await store.locked(async () => {
      this.conn = await this.dial();
      if (this.conn) return;
      let service: Service | undefined;
      const close = await listenLines(this.socket, (conn) => service?.connection(conn) ?? (() => conn.close()));
      if (close) this.service = service = new Service(store, log, close);
    });
  }

  private dial(): Promise<LineConnection | undefined> {
    return connectLines(
      this.socket,
      (v) => {
        const m = v as { id?: unknown; answer?: unknown } | null;
        if (m && typeof m.id === 'number') this.waiting.get(m.id)?.(m.answer as WriteAnswer);
      },
      () => {
        this.conn = undefined;
        for (const done of this.waiting.values()) done(undefined);
      },
    );
  }

  /**
   * The service's answer, or undefined when the connection ended first or the deadline passed
   * (the service applies nothing of this write once its deadline passed: the caller may then
   * apply it alone without a late copy of it landing after).
   */
  async ask(write: ClaimWrite): Promise<WriteAnswer | undefined> {
    const conn = this.conn;
    if (!conn || conn.closed || monotonic() < this.shunUntil) return undefined;
    const id = this.next++;
    const deadline = monotonic() + BigInt(ANSWER_TIMEOUT_MS) * 1_000_000n;
    let timer: NodeJS.Timeout | undefined;
    const answer = new Promise<WriteAnswer | undefined>((resolve) => {
      this.waiting.set(id, resolve);
      const expire = () => {
        const left = deadline - monotonic();
        // A timer may fire a little early: wait out the deadline itself.
        if (left > 0n) return void (timer = setTimeout(expire, Number(left / 1_000_000n) + 1));
        this.shunUntil = monotonic() + BigInt(SHUN_MS) * 1_000_000n;
        conn.close();
      };
      timer = setTimeout(expire, ANSWER_TIMEOUT_MS);
    });
    conn.hold(true);
    conn.send({ id, write, deadline: String(deadline) });
    try {
      return await answer;
    } finally {
      clearTimeout(timer);
      this.waiting.delete(id);
      if (!this.waiting.size) conn.hold(false);
    }
  }
}

const links = new Map<string, Link>();

function linkFor(store: StateStore): Link | undefined {
  if (store.shared || process.platform === 'win32' || process.env.LANES_CLAIM_SERVICE === '0') return undefined;
  let link = links.get(store.dir);
  if (!link) {
    const socket = path.join(store.dir, SERVICE_SOCKET);
    if (Buffer.byteLength(socket) > MAX_SOCKET_PATH) return undefined;
    links.set(store.dir, (link = new Link(socket)));
  }
  return link;
}

/**
 * Applies one claim write: through the service when one runs (or this process becomes it), else
 * alone under the lock. The answer is never `alone`.
 */
export async function submitWrite(store: StateStore, write: ClaimWrite, log: Logger): Promise<Exclude<WriteAnswer, { alone: true }>> {
  const link = linkFor(store);
  if (link) {
    await link.ready(store, log);
    const a = link.service ? await link.service.submit(write) : await link.ask(write);
    if (a && !('alone' in a)) return a;
  }
  const [a] = await runWrites(store, [write], log);
  return a as Exclude<WriteAnswer, { alone: true }>;
}

/** Stops serving (the socket file is removed) and drops every connection of this process. */
export function stopClaimService(): void {
  for (const link of links.values()) {
    link.service?.close();
    link.service = undefined;
    link.conn?.close();
  }
  links.clear();
}

/** What this process's service has done, per state directory (tests and the bench read it). */
export function claimServiceStats(): Array<{ dir: string; batches: number; writes: number }> {
  return [...links.entries()].flatMap(([dir, l]) => (l.service ? [{ dir, batches: l.service.batches, writes: l.service.writes }] : []));
}
