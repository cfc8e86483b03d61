/**
 * Small loose objects (blobs, trees, commits) written by this process instead of by git
 * processes: a shared-state write makes one blob, one tree and one commit, and each git process
 * is about 5 ms to start on a 2-core machine while the object itself is microseconds of work.
 *
 * Written exactly as git writes a loose object: the zlib-deflated `<type> <size>\0<body>` at
 * `objects/<2 hex>/<38 hex>`, named by its SHA-1, created as a temporary file in that directory,
 * then linked to its name (an object that is already there is left alone: same name, same bytes),
 * read-only. Like git by default, loose objects are not fsynced.
 *
 * Only where that is all git would do: a SHA-1 repository whose objects are not shared with a
 * group (`core.sharedRepository` unset, which changes file modes). Anything else answers
 * undefined from `looseObjectStore`, and the caller uses git itself.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { git } from './exec.js';
import { configGet } from './refs.js';

export interface LooseObjectStore {
  /** The objects directory as git resolves it (`git rev-parse --git-path objects`). */
  dir: string;
}

const stores = new Map<string, Promise<LooseObjectStore | undefined>>();

/** Where this process may write loose objects itself for the repository at `cwd`; asked of git once per process. */
export function looseObjectStore(cwd: string, env?: Record<string, string | undefined>): Promise<LooseObjectStore | undefined> {
  const key = `${cwd}\0${env?.GIT_DIR ?? ''}\0${env?.GIT_OBJECT_DIRECTORY ?? ''}`;
  let p = stores.get(key);
  if (!p) {
    p = probe(cwd, env).catch(() => undefined);
    stores.set(key, p);
  }
  return p;
}

async function probe(cwd: string, env?: Record<string, string | undefined>): Promise<LooseObjectStore | undefined> {
  const [where, shared] = await Promise.all([
    git(cwd, ['rev-parse', '--git-path', 'objects', '--show-object-format'], { env, readOnly: true }),
    configGet(cwd, 'core.sharedRepository', env),
  ]);
  const [dir = '', format = ''] = where.stdout.trim().split('\n');
  if (format !== 'sha1' || shared !== undefined || !dir) return undefined;
  const abs = path.resolve(cwd, dir);
  return fs.statSync(abs).isDirectory() ? { dir: abs } : undefined;
}

/** Writes one object and returns its id. */
export function writeLooseObject(store: LooseObjectStore, type: 'blob' | 'tree' | 'commit', body: Buffer): string {
  const raw = Buffer.concat([Buffer.from(`${type} ${body.length}\0`), body]);
  const oid = createHash('sha1').update(raw).digest('hex');
  const sub = path.join(store.dir, oid.slice(0, 2));
  const file = path.join(sub, oid.slice(2));
  if (fs.existsSync(file)) return oid;
  fs.mkdirSync(sub, { recursive: true });
  const tmp = path.join(sub, `tmp_obj_${randomBytes(6).toString('hex')}`);
  fs.writeFileSync(tmp, deflateSync(raw), { mode: 0o444, flag: 'wx' });
  try {
    fs.linkSync(tmp, file);
  } catch (e) {
    // Another writer made the same object first: the same bytes under the same name.
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  return oid;
}

/** A tree of regular files (mode 100644), entries sorted by name as git sorts them. */
export function treeBody(entries: Array<{ name: string; oid: string }>): Buffer {
  const sorted = [...entries].sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)));
  return Buffer.concat(sorted.flatMap((e) => [Buffer.from(`100644 ${e.name}\0`), Buffer.from(e.oid, 'hex')]));
}

/** A parentless commit of `tree` by `who` at `when` (seconds since the epoch, UTC). */
export function rootCommitBody(tree: string, who: string, when: number, message: string): Buffer {
  const stamp = `${who} ${Math.floor(when)} +0000`;
  return Buffer.from(`tree ${tree}\nauthor ${stamp}\ncommitter ${stamp}\n\n${message.endsWith('\n') ? message : `${message}\n`}`);
}
