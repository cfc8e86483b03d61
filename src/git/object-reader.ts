/**
 * One long-lived `git cat-file --batch-check` for a run of many small object queries (the merge
 * queue asks two per entry): a query is a line on its stdin and an answer a line on its stdout,
 * about 0.1 ms, where a git process of its own costs 3-6 ms. It reads the repository as it is at
 * each query (refs from disk, new loose objects found, packs looked for again on a miss), so it
 * may live as long as its owner's run; `close()` ends it. Names with a newline are refused (they
 * would be two queries). When the process cannot be started or dies, every query still answers,
 * each through a `cat-file` of its own.
 */
import type { ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import { childProcess } from '../system/child-process.js';
import { gitEnv } from './exec.js';
import { objectInfo, type ObjectInfo } from './tree.js';

const FORMAT = '%(objectname) %(objecttype)';

export class ObjectReader {
  private child: ChildProcess | undefined;
  private broken = false;
  private buffered = '';
  private readonly waiting: Array<(line: string | undefined) => void> = [];

  constructor(private readonly cwd: string) {}

  /** What each name names (one `ObjectInfo` per name, in order), as objectInfo answers it. */
  async info(names: readonly string[]): Promise<ObjectInfo[]> {
    if (names.some((n) => n.includes('\n') || n.includes('\r') || n === '')) throw new Error('object names must be one line each');
    const child = this.process();
    if (!child) return objectInfo(this.cwd, names);
    const answers = names.map(() => new Promise<string | undefined>((res) => this.waiting.push(res)));
    // Keeps its owner alive while an answer is owed, and only then.
    child.ref();
    (child.stdout as Socket).ref();
    child.stdin!.write(`${names.join('\n')}\n`);
    const lines = await Promise.all(answers);
    if (lines.some((l) => l === undefined)) return objectInfo(this.cwd, names);
    return lines.map((line, i) => parse(line!, names[i]!));
  }

  /** Ends the process (its stdin closes; it exits). */
  close(): void {
    const c = this.child;
    this.child = undefined;
    this.broken = true;
    if (c) {
      c.stdin!.end();
      c.unref();
    }
    this.fail();
  }

  private process(): ChildProcess | undefined {
    if (this.child || this.broken) return this.child;
    let child: ChildProcess;
    try {
      child = childProcess().spawn('git', ['cat-file', `--batch-check=${FORMAT}`], {
        cwd: this.cwd,
        env: gitEnv({ readOnly: true }),
        stdio: ['pipe', 'pipe', 'ignore'],
        windowsHide: true,
      });
    } catch {
      this.broken = true;
      return undefined;
    }
    this.child = child;
    child.stdin!.on('error', () => this.stop(child));
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      if (this.child !== child) return;
      this.buffered += chunk;
      let nl: number;
      while ((nl = this.buffered.indexOf('\n')) >= 0) {
        const line = this.buffered.slice(0, nl);
        this.buffered = this.buffered.slice(nl + 1);
        this.waiting.shift()?.(line);
      }
      if (!this.waiting.length) idle(child);
    });
    child.once('error', () => this.stop(child));
    child.once('exit', () => this.stop(child));
    idle(child);
    return child;
  }

  private stop(child: ChildProcess): void {
    if (this.child === child) {
      this.child = undefined;
      this.broken = true;
    }
    this.fail();
  }

  /** Every query still waiting answers undefined (and is asked again on its own). */
  private fail(): void {
    for (const w of this.waiting.splice(0)) w(undefined);
  }
}

/** Between queries the process must not keep its owner alive. */
function idle(child: ChildProcess): void {
  child.unref();
  (child.stdout as Socket).unref();
}

function parse(line: string, name: string): ObjectInfo {
  // "<oid> <type>", or "<name> missing" / "<name> ambiguous" (the name may hold spaces).
  if (line.endsWith(' missing') || line.endsWith(' ambiguous')) {
    const type = line.slice(line.lastIndexOf(' ') + 1);
    return { oid: name, type };
  }
  const [oid = '', type = ''] = line.split(' ');
  return { oid, type };
}
