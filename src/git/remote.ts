/**
 * Talking to a git remote for shared state: list refs, fetch the objects they name, write small
 * root commits, and push several ref changes as one compare-and-swap (`git push --atomic` with a
 * `--force-with-lease` per ref). The server checks every expected old value inside its own ref
 * transaction, so two machines racing get exactly one winner and a multi-ref change lands whole
 * or not at all. A remote that cannot be reached is an OFFLINE LanesError, never a hang: every
 * call has a timeout, and git never prompts for credentials.
 */
import { LanesError } from '../errors.js';
import { safeText } from '../util/escape.js';
import { git, type GitOptions } from './exec.js';
import { isSha } from './refs.js';

export interface RemoteOptions {
  /** Environment for git (a machine's HOME, credentials helpers...). */
  env?: Record<string, string | undefined>;
  /** Upper bound for one network call (default 30 s). */
  timeoutMs?: number;
}

/** One ref change of an atomic push. `expect` null: the ref must not exist; `next` null: delete it. */
export interface RefUpdate {
  ref: string;
  expect: string | null;
  next: string | null;
}

export interface RefStatus {
  ref: string;
  /** The porcelain flag: ' ' '+' '-' '*' '=' ok, '!' rejected. */
  flag: string;
  summary: string;
}

export type PushOutcome =
  | { ok: true; refs: RefStatus[] }
  /** contended: a lease did not hold (someone moved a ref first); retry after re-reading. */
  | { ok: false; kind: 'contended'; refs: RefStatus[]; contended: string[]; message: string }
  /** rejected: the server refused by policy (a hook, branch protection); retrying will not help. */
  | { ok: false; kind: 'rejected'; refs: RefStatus[]; reason: string; message: string };

const DEFAULT_TIMEOUT_MS = 30_000;

// A stalled HTTP transfer ends instead of waiting for the kernel's TCP timeout.
const NET_CONFIG = ['-c', 'http.lowSpeedLimit=1', '-c', 'http.lowSpeedTime=20', '-c', 'core.hooksPath=/dev/null', '-c', 'gc.auto=0'];

// What git prints when it never got a usable answer from the other end.
export const OFFLINE_RE =
  /Connection refused|Could not resolve host|unable to connect|Failed to connect|Connection timed out|Connection reset|timed out|unable to access|returned error: 5\d\d|early EOF|remote end hung up|Could not read from remote repository|Network is unreachable|No route to host|transfer closed|RPC failed|Empty reply/i;

export function assertRemote(remote: string): void {
  // eslint-disable-next-line no-control-regex
  if (!remote || remote.startsWith('-') || /[\x00-\x1f\x7f]/.test(remote)) {
    throw new LanesError('INVALID_INPUT', `Invalid remote ${JSON.stringify(remote.slice(0, 80))}.`, {
      hint: 'Name a configured remote (e.g. origin) or give its URL.',
    });
  }
}

// Lanes writes its own namespace, and branches only when a landing names one explicitly.
const PUSHABLE_RE = /^refs\/(?:lanes\/[a-z0-9][a-z0-9/_.-]*|heads\/[A-Za-z0-9][A-Za-z0-9/_.-]*)$/;

export function pushableRefProblem(ref: string): string | undefined {
  if (!PUSHABLE_RE.test(ref)) return 'is neither under refs/lanes/ nor a branch (refs/heads/...)';
  if (ref.includes('..') || ref.includes('//') || ref.endsWith('.lock') || ref.endsWith('/') || ref.endsWith('.') || ref.includes('/.')) {
    return 'is not a well-formed ref name';
  }
  return undefined;
}

export function assertRef(ref: string): void {
  const problem = pushableRefProblem(ref);
  if (problem) throw new LanesError('INTERNAL', `Refusing to push ${JSON.stringify(ref)}: it ${problem}.`);
}

export function offlineError(remote: string, what: string, stderr: string, cause?: unknown): LanesError {
  const detail = stderr.trim().split('\n').filter(Boolean).slice(-2).join(' / ');
  // What git prints can quote the server: shown as data, never as terminal control.
  return new LanesError('OFFLINE', `Could not reach the remote ${JSON.stringify(remote)} to ${what}: ${safeText(detail) || 'no answer'}.`, {
    hint: 'Nothing was changed on the remote. Work in your lanes, commits and local state still works; shared claims, tasks and landings need the remote: check the network or the server and run the command again.',
    details: { remote, stderr: stderr.slice(-2000) },
    cause,
  });
}

export async function netGit(cwd: string, remote: string, what: string, args: string[], opts: RemoteOptions, extra: GitOptions = {}) {
  let r;
  try {
    r = await git(cwd, [...NET_CONFIG, ...args], {
      env: opts.env,
      timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      okCodes: [1, 128, 129],
      ...extra,
    });
  } catch (e) {
    // A killed git (the timeout) has no exit code: the server never answered in time.
    if (e instanceof LanesError && e.details?.exitCode === -1) {
      throw offlineError(remote, what, `no answer within ${Math.round((opts.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000)} s`, e);
    }
    throw e;
  }
  return r;
}

/**
 * The refs on the remote matching `patterns`, by full name, in one round trip. A pattern ending in
 * `*` is a prefix (refs/lanes/state/*); any other is one exact ref name (refs/heads/main).
 */
export async function lsRemote(
  cwd: string,
  remote: string,
  patterns: string | string[],
  opts: RemoteOptions = {},
): Promise<Map<string, string>> {
  assertRemote(remote);
  const list = (Array.isArray(patterns) ? patterns : [`${patterns}*`]).map((p) => {
    // eslint-disable-next-line no-control-regex
    if (!p.startsWith('refs/') || /[\x00-\x20\x7f~^:?[\\]/.test(p.slice(0, p.endsWith('*') ? -1 : undefined)))
      throw new LanesError('INTERNAL', `bad ref pattern ${JSON.stringify(p)}`);
    return p;
  });
  const r = await netGit(cwd, remote, 'list its shared state', ['ls-remote', '--refs', remote, ...list], opts);
  if (r.exitCode !== 0) {
    if (OFFLINE_RE.test(r.stderr)) throw offlineError(remote, 'list its shared state', r.stderr);
    throw new LanesError('GIT', `git ls-remote ${remote} failed: ${safeText(r.stderr.trim())}`, {
      hint: 'Check that the remote exists and that you may read it.',
    });
  }
  const out = new Map<string, string>();
  const wanted = (ref: string) => list.some((p) => (p.endsWith('*') ? ref.startsWith(p.slice(0, -1)) : ref === p));
  for (const line of r.stdout.split('\n')) {
    const [oid, ref] = line.split('\t');
    // ls-remote matches patterns against the tail of a name: keep only exact matches.
    if (oid && ref && isSha(oid) && wanted(ref)) out.set(ref, oid);
  }
  return out;
}

/** Which of `oids` this repository already has. */
export async function presentObjects(cwd: string, oids: string[], opts: RemoteOptions = {}): Promise<Set<string>> {
  if (oids.length === 0) return new Set();
  const r = await git(cwd, ['cat-file', '--batch-check'], { env: opts.env, input: oids.join('\n') + '\n', readOnly: true });
  const have = new Set<string>();
  for (const line of r.stdout.split('\n')) {
    const [oid, type] = line.split(' ');
    if (oid && type && type !== 'missing') have.add(oid);
  }
  return have;
}

/**
 * Fetches the objects of `oids` (tips of remote refs) without touching any local ref or FETCH_HEAD,
 * so concurrent processes in one clone never contend on ref locks. 'moved' when a tip is no longer
 * advertised (someone replaced it since we listed it): list again.
 */
export async function fetchObjects(cwd: string, remote: string, oids: string[], opts: RemoteOptions = {}): Promise<'ok' | 'moved'> {
  assertRemote(remote);
  const missing = oids.filter((o) => isSha(o));
  if (missing.length === 0) return 'ok';
  const r = await netGit(
    cwd,
    remote,
    'fetch its shared state',
    ['fetch', '--no-tags', '--no-write-fetch-head', '--no-auto-gc', '--quiet', remote, ...missing],
    opts,
  );
  if (r.exitCode === 0) return 'ok';
  if (/not our ref|no such remote ref|couldn't find remote ref|unadvertised object/i.test(r.stderr)) return 'moved';
  if (OFFLINE_RE.test(r.stderr)) throw offlineError(remote, 'fetch its shared state', r.stderr);
  throw new LanesError('GIT', `git fetch ${remote} failed: ${safeText(r.stderr.trim())}`, {
    hint: 'Check that the remote exists and that you may read it.',
  });
}

/** Contents of `<rev>:<path>` specs, undefined for missing ones; one git process. */
export async function readBlobs(cwd: string, specs: string[], opts: RemoteOptions = {}): Promise<Array<string | undefined>> {
  if (specs.length === 0) return [];
  const known = specs.map((s) => blobMemo.get(s));
  if (known.every((k) => k !== undefined)) return known;
  const read = await readBlobsFromGit(cwd, specs, opts);
  specs.forEach((s, i) => {
    const text = read[i];
    if (text !== undefined) rememberBlob(s, text);
  });
  return read;
}

/**
 * What `<commit id>:<path>` holds never changes: this process remembers the last few it read or
 * wrote (a shared-state write reads back the documents it has just written), so asking git again
 * is skipped. Other specs (a ref, a short id) are never remembered.
 */
const blobMemo = new Map<string, string>();
const IMMUTABLE_SPEC = /^(?:[0-9a-f]{40}|[0-9a-f]{64}):[^\n]+$/;
const MEMO_ENTRIES = 64;

export function rememberBlob(spec: string, text: string): void {
  if (!IMMUTABLE_SPEC.test(spec) || text.length > 4 * 1024 * 1024) return;
  blobMemo.delete(spec);
  blobMemo.set(spec, text);
  if (blobMemo.size > MEMO_ENTRIES) blobMemo.delete(blobMemo.keys().next().value!);
}

async function readBlobsFromGit(cwd: string, specs: string[], opts: RemoteOptions): Promise<Array<string | undefined>> {
  const r = await git(cwd, ['cat-file', '--batch'], { env: opts.env, input: specs.join('\n') + '\n', readOnly: true });
  const buf = Buffer.from(r.stdout, 'utf8');
  const out: Array<string | undefined> = [];
  let pos = 0;
  for (let i = 0; i < specs.length; i++) {
    const nl = buf.indexOf(0x0a, pos);
    const header = buf.subarray(pos, nl).toString('utf8');
    pos = nl + 1;
    if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
      out.push(undefined);
      continue;
    }
    const size = Number(header.split(' ')[2]);
    out.push(buf.subarray(pos, pos + size).toString('utf8'));
    pos += size + 1;
  }
  return out;
}

function parsePorcelain(stdout: string): RefStatus[] {
  const refs: RefStatus[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^(.)\t([^\t]*)\t(.*)$/.exec(line);
    if (!m) continue;
    const spec = m[2]!;
    refs.push({ flag: m[1]!, ref: spec.slice(spec.lastIndexOf(':') + 1), summary: m[3]! });
  }
  return refs;
}

// A lease that did not hold, judged by the client (stale info) or by the server's transaction.
const CONTENDED_RE =
  /stale info|fetch first|non-fast-forward|failed to update ref|cannot lock ref|incorrect old value|reference already exists|but expected|failed to lock/i;
const COLLATERAL_RE = /atomic push failed|atomic transaction failed/i;

/**
 * Pushes every update in one `git push --atomic`, each guarded by `--force-with-lease` on its
 * expected value. Every ref must really change: git drops a ref already at its pushed value from
 * the push ("up to date") without the server ever checking its lease, so asserting a ref that
 * must not move is done by rewriting it to a new commit, never by re-pushing its current value.
 */
export async function pushAtomic(cwd: string, remote: string, updates: RefUpdate[], opts: RemoteOptions = {}): Promise<PushOutcome> {
  assertRemote(remote);
  if (updates.length === 0) return { ok: true, refs: [] };
  const args = ['push', '--atomic', '--porcelain', '--no-verify'];
  const specs: string[] = [];
  for (const u of updates) {
    assertRef(u.ref);
    if (u.expect !== null && !isSha(u.expect)) throw new LanesError('INTERNAL', `bad expected value for ${u.ref}`);
    if (u.next !== null && !isSha(u.next)) throw new LanesError('INTERNAL', `bad new value for ${u.ref}`);
    if (u.next === u.expect) throw new LanesError('INTERNAL', `push of ${u.ref} would not change it, so its lease would not be checked`);
    args.push(`--force-with-lease=${u.ref}:${u.expect ?? ''}`);
    specs.push(u.next === null ? `:${u.ref}` : `${u.next}:${u.ref}`);
  }
  const r = await netGit(cwd, remote, 'push shared state', [...args, remote, ...specs], opts);
  const refs = parsePorcelain(r.stdout);
  if (r.exitCode === 0 && refs.every((s) => s.flag !== '!')) return { ok: true, refs };
  const rejected = refs.filter((s) => s.flag === '!');
  if (rejected.length === 0) {
    if (OFFLINE_RE.test(r.stderr) || r.exitCode === 128) throw offlineError(remote, 'push shared state', r.stderr);
    throw new LanesError('GIT', `git push ${remote} failed (exit ${r.exitCode}): ${safeText(r.stderr.trim())}`);
  }
  const causes = rejected.filter((s) => !COLLATERAL_RE.test(s.summary));
  const contended = causes.filter((s) => CONTENDED_RE.test(s.summary));
  const policy = causes.filter((s) => !CONTENDED_RE.test(s.summary));
  if (policy.length > 0) {
    const reason = policy.map((s) => `${s.ref} ${s.summary}`).join('; ');
    const said = r.stderr
      .split('\n')
      .filter((l) => l.startsWith('remote:'))
      .map((l) => l.slice(7).trim())
      .filter(Boolean)
      .slice(-5)
      .join(' / ');
    return {
      ok: false,
      kind: 'rejected',
      refs,
      reason: safeText(said ? `${reason} (the server said: ${said})` : reason),
      message: r.stderr,
    };
  }
  // Only collateral rejections and no cause named: treat as contention on everything pushed.
  const names = (contended.length > 0 ? contended : rejected).map((s) => s.ref);
  return { ok: false, kind: 'contended', refs, contended: names, message: r.stderr };
}
