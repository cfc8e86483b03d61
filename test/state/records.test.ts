import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StateStore } from '../../src/state/store.js';
import { nullProtoDeep, own, parseRecords, recordMap } from '../../src/state/records.js';
import { tempDir } from '../helpers/repo.js';
import { expectClean } from './helpers.js';

type Doc = Record<string, { n: number; sub: Record<string, number> }>;
const CTOR: string = 'constructor';
const KEYS = ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf'];

describe('record maps keyed by slugs have no prototype', () => {
  it('a document read, updated or transacted finds no record for prototype names, defaults included', async () => {
    const dir = path.join(tempDir(), 'lanes');
    const store = await StateStore.open(dir);
    const fresh = (await store.read<Doc>('tasks', () => ({}))).data;
    for (const k of KEYS) expect(fresh[k], k).toBeUndefined();
    await store.update<Doc, void>('tasks', () => ({}), (d) => {
      for (const k of KEYS) expect(d[k], k).toBeUndefined();
      d.api = { n: 1, sub: {} };
    });
    const read = (await store.read<Doc>('tasks', () => ({}))).data;
    for (const k of KEYS) {
      expect(read[k], k).toBeUndefined();
      expect(read.api!.sub[k], k).toBeUndefined();
    }
    await store.transact(async (tx) => {
      const d = tx.get<Doc>('tasks', () => ({}));
      const other = tx.get<{ nested: Doc }>('lanes', () => ({ nested: {} }));
      for (const k of KEYS) {
        expect(d[k], k).toBeUndefined();
        expect(other.nested[k], k).toBeUndefined();
      }
      d[CTOR] = { n: 2, sub: {} };
    });
    const after = (await store.read<Doc>('tasks', () => ({}))).data;
    expect(Object.keys(after).sort()).toEqual(['api', 'constructor']);
    expect(after[CTOR]).toEqual({ n: 2, sub: {} });
    expectClean(dir);
  });

  it('parseRecords keeps "__proto__" as a plain key; own and recordMap ignore the prototype', () => {
    const v = parseRecords('{"__proto__":{"polluted":true},"a":[{"b":{}}]}') as Record<string, any>;
    expect(Object.getPrototypeOf(v)).toBeNull();
    expect(Object.keys(v)).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(v.a[0].b)).toBeNull();
    expect(({} as any).polluted).toBeUndefined();
    const spread = { ...v }; // a spread copy gets Object.prototype back: own() still answers right
    expect(own(spread as Record<string, unknown>, 'constructor')).toBeUndefined();
    expect(own({ constructor: 1 }, 'constructor')).toBe(1);
    expect(recordMap([['x', 1]]).constructor).toBeUndefined();
    const d = nullProtoDeep({ m: { k: new Date(0) } });
    expect(Object.getPrototypeOf(d.m)).toBeNull();
    expect(d.m.k).toBeInstanceOf(Date);
  });
});
