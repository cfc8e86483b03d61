import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LanesError } from '../../src/errors.js';
import { defineDoc } from '../../src/state/define.js';
import { StateStore } from '../../src/state/store.js';
import { tempDir } from '../helpers/repo.js';
import { expectClean } from './helpers.js';

async function rejection(p: Promise<unknown>): Promise<LanesError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(LanesError);
  return e as LanesError;
}

const init = () => ({ items: [] as string[] });
const TASKS_DOC = defineDoc({ name: 'tasks', empty: init });
const ALPHA_DOC = defineDoc({ name: 'alpha', empty: init });
const BETA_DOC = defineDoc({ name: 'beta', empty: init });
const GAMMA_DOC = defineDoc({ name: 'gamma', empty: init });

describe('StateStore read/update', () => {
  it('reads init for a missing doc, bumps the version only when data changes', async () => {
    const dir = path.join(tempDir(), 'lanes');
    const store = await StateStore.open(dir);
    expect(await store.read(TASKS_DOC)).toEqual({ version: 0, data: { items: [] } });
    expect(await store.update(TASKS_DOC, (d) => d.items.push('a'))).toBe(1);
    expect(await store.update(TASKS_DOC, (d) => d.items.length)).toBe(1); // no change, no write
    expect(await store.read(TASKS_DOC)).toEqual({ version: 1, data: { items: ['a'] } });
    await store.update(TASKS_DOC, async (d) => void d.items.push('b'));
    expect((await store.read(TASKS_DOC)).version).toBe(2);
    expectClean(dir);
  });

  it('refuses doc names that are not slugs (or reserved), when defined and when a hand-made definition is read', async () => {
    const store = await StateStore.open(path.join(tempDir(), 'lanes'));
    for (const bad of ['../x', 'A', 'a/b', '', 'commit', 'x.json']) {
      expect(() => defineDoc({ name: bad, empty: init })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
      expect((await rejection(store.read({ name: bad, empty: init, normalize: (d) => d }))).code).toBe('INVALID_INPUT');
    }
  });

  it('nothing is written when fn throws', async () => {
    const dir = path.join(tempDir(), 'lanes');
    const store = await StateStore.open(dir);
    await expect(
      store.update(TASKS_DOC, (d) => {
        d.items.push('half');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(fs.existsSync(path.join(dir, 'tasks.json'))).toBe(false);
    expectClean(dir);
  });

  it('fencing: a doc changed on disk behind our back is not overwritten (STALE_WRITE)', async () => {
    const dir = path.join(tempDir(), 'lanes');
    const store = await StateStore.open(dir);
    await store.update(TASKS_DOC, (d) => void d.items.push('a'));
    const file = path.join(dir, 'tasks.json');
    const intruder = '{"version":2,"data":{"items":["intruder"]}}\n';
    const e = await rejection(
      store.update(TASKS_DOC, (d) => {
        fs.writeFileSync(file, intruder); // a writer that ignored the lock
        d.items.push('mine');
      }),
    );
    expect(e.code).toBe('STALE_WRITE');
    expect(e.message).toContain('version 2 on disk');
    expect(fs.readFileSync(file, 'utf8')).toBe(intruder);
    expectClean(dir);
  });

  it('a corrupt doc is quarantined with a clear STATE_CORRUPT; the next read starts from init', async () => {
    const dir = path.join(tempDir(), 'lanes');
    const store = await StateStore.open(dir);
    const file = path.join(dir, 'tasks.json');
    fs.writeFileSync(file, '{"version":3,"data":{"ite');
    const e = await rejection(store.read(TASKS_DOC));
    expect(e.code).toBe('STATE_CORRUPT');
    const q = e.details?.quarantine as string;
    expect(q).toMatch(/tasks\.json\.corrupt-/);
    expect(e.message).toContain(file);
    expect(e.message).toContain(q);
    expect(e.hint).toContain('move it back');
    expect(fs.readFileSync(q, 'utf8')).toBe('{"version":3,"data":{"ite');
    expect(fs.existsSync(file)).toBe(false);
    expect(await store.read(TASKS_DOC)).toEqual({ version: 0, data: { items: [] } });
    // Same through update, and for JSON of the wrong shape.
    fs.writeFileSync(file, '[1,2]');
    expect((await rejection(store.update(TASKS_DOC, () => {}))).code).toBe('STATE_CORRUPT');
    expect(fs.readdirSync(dir).filter((n) => n.includes('.corrupt-'))).toHaveLength(2);
    await store.update(TASKS_DOC, (d) => void d.items.push('fresh'));
    expect((await store.read(TASKS_DOC)).data.items).toEqual(['fresh']);
  });

  it('a symlinked state dir is refused (UNSAFE) and nothing is created through it', async () => {
    const root = tempDir();
    const elsewhere = tempDir();
    const dir = path.join(root, 'lanes');
    fs.symlinkSync(elsewhere, dir);
    const e = await rejection(StateStore.open(dir));
    expect(e.code).toBe('UNSAFE');
    expect(e.message).toContain('symbolic link');
    // A symlinked component between root (the git dir) and the state dir is refused too.
    fs.mkdirSync(path.join(root, 'real'));
    fs.symlinkSync(elsewhere, path.join(root, 'sub'));
    expect((await rejection(StateStore.open(path.join(root, 'sub', 'lanes'), { root }))).code).toBe('UNSAFE');
    expect(fs.readdirSync(elsewhere)).toEqual([]);
  });
});

describe('StateStore.transact', () => {
  it('commits several docs together, each version bumped once; nothing when fn throws', async () => {
    const dir = path.join(tempDir(), 'lanes');
    const store = await StateStore.open(dir);
    const r = await store.transact(async (tx) => {
      tx.get(ALPHA_DOC).items.push('a');
      tx.get(BETA_DOC).items.push('b');
      tx.get(BETA_DOC).items.push('c'); // same object on a second get
      tx.get(GAMMA_DOC); // read only: not written
      return 'done';
    });
    expect(r).toBe('done');
    expect(await store.read(ALPHA_DOC)).toEqual({ version: 1, data: { items: ['a'] } });
    expect(await store.read(BETA_DOC)).toEqual({ version: 1, data: { items: ['b', 'c'] } });
    expect(fs.existsSync(path.join(dir, 'gamma.json'))).toBe(false);
    await expect(
      store.transact(async (tx) => {
        tx.get(ALPHA_DOC).items.push('x');
        tx.get(BETA_DOC).items.push('y');
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect((await store.read(ALPHA_DOC)).data.items).toEqual(['a']);
    expect((await store.read(BETA_DOC)).data.items).toEqual(['b', 'c']);
    expectClean(dir);
  });

  it('re-entrant use of the state lock fails fast instead of waiting for itself', async () => {
    const store = await StateStore.open(path.join(tempDir(), 'lanes'));
    const e = await rejection(store.transact(async () => store.update(ALPHA_DOC, () => {})));
    expect(e.code).toBe('INTERNAL');
    expect(e.message).toContain('Re-entrant');
  });
});
