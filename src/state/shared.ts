/**
 * Shared state through the team's git remote. When a repository has it enabled, the documents
 * every machine must agree on (the plan, tasks, owners, claims, ports, the merge queue and its processor's lease) are decided
 * on the remote: a transaction that looks at one of them runs as one compare-and-swap push
 * (remote/store.ts), and the local files of those documents become this clone's cache of what it
 * last saw, for lock-free reads (hooks, status). Documents of this clone alone (lanes, sessions,
 * runs, the gate checkout) stay local and never touch the network.
 *
 * The marker `<state dir>/remote/enabled.json` says which remote; `lanes remote enable` writes it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LanesError } from '../errors.js';
import { writeFileAtomic } from './atomic.js';
import { hostName } from './pid.js';
import type { RemoteStore } from './remote/store.js';
import { ensurePrivateDir } from './safedir.js';
import { loadBook, observeLeases } from './seen.js';

/** The documents decided on the remote when it is enabled. */
export const SHARED_DOCS: readonly string[] = Object.freeze(['plan', 'tasks', 'owners', 'claims', 'ports', 'merge-queue', 'processor']);

export interface RemoteSetting {
  /** A configured remote name (origin) or a URL. */
  remote: string;
  /** When it was enabled (ms since the epoch). */
  enabled_at: number;
}

export interface SharedBackend {
  readonly remote: RemoteStore;
  readonly setting: RemoteSetting;
  readonly docs: ReadonlySet<string>;
}

export function markerFile(stateDir: string): string {
  return path.join(stateDir, 'remote', 'enabled.json');
}

/** The remote this clone's shared state lives on, or undefined (local only). */
export function readRemoteSetting(stateDir: string): RemoteSetting | undefined {
  let text: string;
  try {
    text = fs.readFileSync(markerFile(stateDir), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const s = JSON.parse(text) as RemoteSetting;
    if (typeof s.remote === 'string' && s.remote !== '') return { remote: s.remote, enabled_at: Number(s.enabled_at) || 0 };
  } catch {
    // fall through
  }
  throw new LanesError('STATE_CORRUPT', `${markerFile(stateDir)} is not a remote setting Lanes wrote.`, {
    hint: 'Run lanes remote enable <remote> again (or lanes remote disable to work locally).',
  });
}

export function writeRemoteSetting(stateDir: string, root: string, setting: RemoteSetting | undefined): void {
  const file = markerFile(stateDir);
  if (!setting) {
    fs.rmSync(file, { force: true });
    return;
  }
  ensurePrivateDir(path.dirname(file), root);
  writeFileAtomic(file, JSON.stringify(setting) + '\n', 0o600);
}

/**
 * The backend for a clone whose state dir has the marker; undefined when shared state is off. The
 * remote's code (git plumbing, object hashing and compression) loads only then: every hook and
 * command opens the store, and most repositories keep their state local.
 */
export async function sharedBackend(stateDir: string, cwd: string): Promise<SharedBackend | undefined> {
  const setting = readRemoteSetting(stateDir);
  if (!setting) return undefined;
  loadBook(path.join(stateDir, 'remote', 'seen.json'));
  const { RemoteStore } = await import('./remote/store.js');
  const remote = new RemoteStore({ cwd, remote: setting.remote, machine: hostName(), env: process.env });
  return { remote, setting, docs: new Set(SHARED_DOCS) };
}

/** Record what was seen of every lease in these documents (the observer's clock starts now). */
export function noteSeen(values: Iterable<unknown>): void {
  for (const v of values) observeLeases(v);
}
