/**
 * The local view of the remote's shared state, for reading while offline: the last state commit
 * seen of each document, under refs/lanes-remote/<remote>/state/<doc> in the clone, and the time of
 * the last successful fetch in <state dir>/remote/<remote>.json. Both are a cache, never
 * authority: decisions are made by `transact` against the remote itself. Updates are
 * best-effort and monotonic (a process holding an older view never rolls a newer one back),
 * and a lost race between local processes is simply skipped.
 */
import fs from 'node:fs';
import path from 'node:path';
import { git } from '../../git/exec.js';
import { writeFileAtomic } from '../atomic.js';
import { ensurePrivateDir } from '../safedir.js';

export interface MirrorEntry {
  doc: string;
  oid: string;
  gen: number;
}

export function mirrorRef(name: string, doc: string): string {
  return `refs/lanes-remote/${name}/state/${doc}`;
}

/** Local mirror refs of `name`: doc → oid. */
export async function mirrorRefs(cwd: string, name: string, env?: Record<string, string | undefined>): Promise<Map<string, string>> {
  const prefix = `refs/lanes-remote/${name}/state/`;
  const r = await git(cwd, ['for-each-ref', '--format=%(objectname) %(refname)', prefix], { env, readOnly: true });
  const out = new Map<string, string>();
  for (const line of r.stdout.split('\n')) {
    const [oid, ref] = line.split(' ');
    if (oid && ref?.startsWith(prefix)) out.set(ref.slice(prefix.length), oid);
  }
  return out;
}

/**
 * Moves mirror refs forward to `seen` where its generation is newer than what the mirror holds
 * (`held`: doc → generation of the mirror's current commit). One compare-and-swap transaction per
 * ref, so a concurrent process's newer view is never overwritten; failures are ignored.
 */
export async function advanceMirror(
  cwd: string,
  name: string,
  seen: MirrorEntry[],
  held: Map<string, { oid: string; gen: number }>,
  env?: Record<string, string | undefined>,
): Promise<void> {
  const lines: string[] = [];
  for (const s of seen) {
    const h = held.get(s.doc);
    if (h && (h.gen >= s.gen || h.oid === s.oid)) continue;
    lines.push(`update ${mirrorRef(name, s.doc)} ${s.oid} ${h ? h.oid : ''}`.trimEnd());
  }
  // Each line on its own: one stale ref must not stop the others from advancing.
  await Promise.all(
    lines.map((l) => git(cwd, ['update-ref', '--stdin'], { env, input: `${l}\n`, okCodes: [1, 128] }).catch(() => undefined)),
  );
}

/** Several mirror refs moved in one all-or-nothing transaction, each from `expect` (null: absent). */
export async function casMirrorRefs(
  cwd: string,
  moves: Array<{ ref: string; next: string; expect: string | null }>,
  env?: Record<string, string | undefined>,
): Promise<void> {
  if (!moves.length) return;
  const zero = '0'.repeat(40);
  const input = moves.map((m) => `update ${m.ref} ${m.next} ${m.expect ?? zero}`).join('\n') + '\n';
  await git(cwd, ['update-ref', '--stdin'], { env, input });
}

interface FetchRecord {
  fetchedAt: number;
}

function recordFile(stateDir: string, name: string): string {
  return path.join(stateDir, 'remote', `${name}.json`);
}

/** When this clone last read the remote successfully (ms since the epoch), or undefined. */
export function lastFetch(stateDir: string, name: string): number | undefined {
  try {
    const r = JSON.parse(fs.readFileSync(recordFile(stateDir, name), 'utf8')) as FetchRecord;
    return typeof r.fetchedAt === 'number' ? r.fetchedAt : undefined;
  } catch {
    return undefined;
  }
}

export function recordFetch(stateDir: string, root: string, name: string, at: number): void {
  const prev = lastFetch(stateDir, name);
  if (prev !== undefined && prev >= at) return;
  ensurePrivateDir(path.join(stateDir, 'remote'), root);
  // Advisory: a torn or lost write only makes the view look older than it is.
  writeFileAtomic(recordFile(stateDir, name), JSON.stringify({ fetchedAt: at }) + '\n', 0o600, { durable: false });
}
