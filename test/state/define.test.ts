import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineDoc, definedDocs } from '../../src/state/define.js';
import { StateStore } from '../../src/state/store.js';
import { tempDir } from '../helpers/repo.js';
import { expectClean } from './helpers.js';

interface Shelf {
  items: string[];
  labels: Record<string, string>;
}

let normalized = 0;
/** A document whose first version stored no `labels`. */
const SHELF = defineDoc<Shelf>({
  name: 'shelf',
  empty: () => ({ items: [], labels: {} }),
  normalize: (d) => {
    normalized++;
    if (typeof d.labels !== 'object' || d.labels === null) d.labels = {};
    return d;
  },
});

function writeRaw(dir: string, name: string, version: number, data: unknown): void {
  fs.writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify({ version, data })}\n`, { mode: 0o600 });
}

describe('documents defined as data', () => {
  it('refuses a second document of the same name', () => {
    expect(() => defineDoc({ name: 'shelf', empty: () => ({}) })).toThrow(/"shelf" is defined twice/);
    expect(definedDocs().filter((d) => d.name === 'shelf')).toEqual([SHELF]);
  });

  it('loads an older shape through the normaliser, once per read, in reads, updates and transactions', async () => {
    const dir = path.join(tempDir(), 'lanes');
    const store = await StateStore.open(dir);
    writeRaw(dir, 'shelf', 3, { items: ['a'] });
    normalized = 0;
    expect(await store.read(SHELF)).toEqual({ version: 3, data: { items: ['a'], labels: {} } });
    expect(normalized).toBe(1);
    await store.transact(async (tx) => {
      tx.get(SHELF).items.push('b');
      tx.get(SHELF).labels.b = 'second'; // the same object: loaded and normalised once
    });
    expect(normalized).toBe(2);
    await store.update(SHELF, (d) => void d.items.push('c'));
    expect(normalized).toBe(3);
    expect(await store.read(SHELF)).toEqual({ version: 5, data: { items: ['a', 'b', 'c'], labels: { b: 'second' } } });
    expectClean(dir);
  });

  it('never writes because of normalising alone', async () => {
    const dir = path.join(tempDir(), 'lanes');
    const store = await StateStore.open(dir);
    writeRaw(dir, 'shelf', 1, { items: [] });
    await store.transact(async (tx) => void tx.get(SHELF).items.length);
    await store.update(SHELF, (d) => d.items.length);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'shelf.json'), 'utf8'))).toEqual({ version: 1, data: { items: [] } });
  });

  it('gives a missing document its empty value, with null-prototype maps, and does not normalise it', async () => {
    const store = await StateStore.open(path.join(tempDir(), 'lanes'));
    normalized = 0;
    const { version, data } = await store.read(SHELF);
    expect(version).toBe(0);
    expect(Object.getPrototypeOf(data.labels)).toBeNull();
    expect(normalized).toBe(0);
  });
});
