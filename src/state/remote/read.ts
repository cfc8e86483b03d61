/**
 * Reading shared documents: from the remote (one ls-remote, a fetch of only the commits this
 * clone lacks, one cat-file) or from this clone's mirror of what it last saw (no network). Both
 * give each document with the commit it was read from, so a later push can lease exactly that.
 */
import path from 'node:path';
import { LanesError } from '../../errors.js';
import { gitOut } from '../../git/exec.js';
import { fetchObjects, lsRemote, presentObjects, readBlobs, type RemoteOptions } from '../../git/remote.js';
import { assertRemoteDocName, DOC_FILE, parseStored, STATE_PREFIX, type RemoteDoc } from './format.js';
import { advanceMirror, casMirrorRefs, lastFetch, mirrorRef, mirrorRefs, recordFetch } from './mirror.js';

export interface ReadContext extends RemoteOptions {
  cwd: string;
  remote: string;
  /** The slug naming the remote in local refs and files. */
  name: string;
  now: () => number;
}

export interface DocsRead {
  docs: Map<string, RemoteDoc>;
  /** Other refs asked for (`watch`): full name → commit, absent when the ref does not exist. */
  refs: Map<string, string>;
  /** When the remote answered (this clone's clock); for a mirror read, the last successful read. */
  at: number | undefined;
  /** True when read from the mirror, without the network. */
  cached: boolean;
}

const absent = (): RemoteDoc => ({ exists: false, oid: null, gen: 0, data: undefined });

async function parseAll(ctx: ReadContext, names: string[], oids: Map<string, string>): Promise<Map<string, RemoteDoc>> {
  const present = names.filter((d) => oids.has(d));
  const texts = await readBlobs(
    ctx.cwd,
    present.map((d) => `${oids.get(d)}:${DOC_FILE}`),
    ctx,
  );
  const out = new Map<string, RemoteDoc>();
  for (const d of names) out.set(d, absent());
  present.forEach((d, k) => {
    const oid = oids.get(d)!;
    const s = parseStored(d, texts[k], oid);
    out.set(d, { exists: s.data !== null, oid, gen: s.gen, data: s.data });
  });
  return out;
}

/** One consistent look at the named documents (and `watch` refs) on the remote. */
export async function fetchDocs(ctx: ReadContext, docs: string[], watch: string[] = []): Promise<DocsRead> {
  const names = [...new Set(docs.map(assertRemoteDocName))];
  for (let i = 0; ; i++) {
    const refs = await lsRemote(ctx.cwd, ctx.remote, [`${STATE_PREFIX}*`, ...watch], ctx);
    const at = ctx.now();
    const oids = new Map<string, string>();
    for (const d of names) {
      const o = refs.get(STATE_PREFIX + d);
      if (o) oids.set(d, o);
    }
    const wanted = [...oids.values()];
    const have = await presentObjects(ctx.cwd, wanted, ctx);
    const missing = wanted.filter((o) => !have.has(o));
    if ((await fetchObjects(ctx.cwd, ctx.remote, missing, ctx)) === 'moved') {
      if (i >= 5)
        throw new LanesError('BUSY', `The shared state on ${ctx.remote} kept changing while it was read.`, {
          hint: 'Run the command again.',
        });
      continue;
    }
    const out = await parseAll(ctx, names, oids);
    await remember(
      ctx,
      [...out].flatMap(([doc, d]) => (d.oid ? [{ doc, oid: d.oid, gen: d.gen }] : [])),
      at,
    );
    const watched = new Map<string, string>();
    for (const w of watch) if (refs.has(w)) watched.set(w, refs.get(w)!);
    return { docs: out, refs: watched, at, cached: false };
  }
}

/** The documents as this clone last saw them, without the network. */
export async function cachedDocs(ctx: ReadContext, docs: string[]): Promise<DocsRead> {
  const names = docs.map(assertRemoteDocName);
  const refs = await mirrorRefs(ctx.cwd, ctx.name, ctx.env);
  const oids = new Map<string, string>();
  for (const d of names) if (refs.has(d)) oids.set(d, refs.get(d)!);
  const out = await parseAll(ctx, names, oids);
  const st = await localState(ctx);
  return { docs: out, refs: new Map(), at: lastFetch(st.dir, ctx.name), cached: true };
}

const stateDirs = new Map<string, { dir: string; root: string }>();

async function localState(ctx: ReadContext): Promise<{ dir: string; root: string }> {
  let st = stateDirs.get(ctx.cwd);
  if (!st) {
    const common = path.resolve(ctx.cwd, await gitOut(ctx.cwd, ['rev-parse', '--git-common-dir'], { env: ctx.env, readOnly: true }));
    st = { dir: path.join(common, 'lanes'), root: common };
    stateDirs.set(ctx.cwd, st);
  }
  return st;
}

/** Best effort: keep the local mirror and the last-read time for offline reads. */
export async function remember(
  ctx: ReadContext,
  seen: Array<{ doc: string; oid: string; gen: number }>,
  at: number | undefined,
): Promise<void> {
  try {
    const held = await mirrorGens(
      ctx,
      seen.map((s) => s.doc),
    );
    await advanceMirror(ctx.cwd, ctx.name, seen, held, ctx.env);
    if (at !== undefined) {
      const st = await localState(ctx);
      recordFetch(st.dir, st.root, ctx.name, at);
    }
  } catch {
    // a cache; the next successful read tries again
  }
}

async function mirrorGens(ctx: ReadContext, docs: string[]): Promise<Map<string, { oid: string; gen: number }>> {
  const refs = await mirrorRefs(ctx.cwd, ctx.name, ctx.env);
  const list = docs.filter((d) => refs.has(d));
  const texts = await readBlobs(
    ctx.cwd,
    list.map((d) => `${refs.get(d)}:${DOC_FILE}`),
    ctx,
  );
  const out = new Map<string, { oid: string; gen: number }>();
  list.forEach((d, i) => {
    try {
      out.set(d, { oid: refs.get(d)!, gen: parseStored(d, texts[i], refs.get(d)!).gen });
    } catch {
      out.set(d, { oid: refs.get(d)!, gen: -1 });
    }
  });
  return out;
}

/**
 * After a push that landed: move the mirror refs of the pushed documents from the commits the push
 * was leased on to the ones it wrote, in one transaction. False when any of them had moved (another
 * process's newer view), and nothing was changed.
 */
export async function advanceMirrorFrom(
  ctx: ReadContext,
  moves: Array<{ doc: string; oid: string; from: string | null }>,
): Promise<boolean> {
  try {
    await casMirrorRefs(
      ctx.cwd,
      moves.map((m) => ({ ref: mirrorRef(ctx.name, m.doc), next: m.oid, expect: m.from })),
      ctx.env,
    );
    return true;
  } catch {
    return false;
  }
}
