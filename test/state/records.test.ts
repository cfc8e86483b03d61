import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineDoc } from '../../src/state/define.js';
import { StateStore } from '../../src/state/store.js';
import { nullProtoDeep, own, parseRecords, recordMap } from '../../src/state/records.js';
import { tempDir } from '../helpers/repo.js';
import { expectClean } from './helpers.js';

type Doc = Record<string, { n: number; sub: Record<string, number> }>;
const TASKS_DOC = defineDoc<Doc>({ name: 'tasks', empty: () => ({}) });
const LANES_DOC = defineDoc<{ nested: Doc }>({ name: 'lanes', empty: () => ({ nested: {} }) });
const CTOR: string = 'constructor';
const KEYS = ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf'];

describe('record maps keyed by slugs have no prototype', () => {
  it('a document read, updated or transacted finds no record for prototype names, defaults included', async () => {
    const dir = path.join(tempDir(), 'lanes');
    const store = await StateStore.open(dir);
    const fresh = (await store.read(TASKS_DOC)).data;
    for (const k of KEYS) expect(fresh[k], k).toBeUndefined();
    await store.update(TASKS_DOC, (d) => {
      for (const k of KEYS) expect(d[k], k).toBeUndefined();
      d.api = { n: 1, sub: {} };
    });
    const read = (await store.read(TASKS_DOC)).data;
    for (const k of KEYS) {
      expect(read[k], k).toBeUndefined();
      expect(read.api!.sub[k], k).toBeUndefined();
    }
    await store.transact(async (tx) => {
      const d = tx.get(TASKS_DOC);
      const other = tx.get(LANES_DOC);
      for (const k of KEYS) {
        expect(d[k], k).toBeUndefined();
        expect(other.nested[k], k).toBeUndefined();
      }
      d[CTOR] = { n: 2, sub: {} };
    });
    const after = (await store.read(TASKS_DOC)).data;
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
  it('parseRecords gives what a null-prototype reviver gives, on random documents and deep nesting', () => {
    const reviver = (text: string) =>
      JSON.parse(text, (_k, v: unknown) => {
        if (v !== null && typeof v === 'object' && !Array.isArray(v)) Object.setPrototypeOf(v, null);
        return v;
      }) as unknown;
    // Every object, at every depth, has a null prototype; keys, order and values are the reviver's.
    const shape = (v: unknown): unknown => {
      if (v === null || typeof v !== 'object') return v;
      if (Array.isArray(v)) return ['[]', ...v.map(shape)];
      return [Object.getPrototypeOf(v) === null ? 'null-proto' : 'proto', ...Object.keys(v).map((k) => [k, shape((v as any)[k])])];
    };
    let seed = 7;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const keys = ['__proto__', 'constructor', 'a', 'b', 'toString', 'x y', '0', 'é'];
    const gen = (depth: number): unknown => {
      const r = rnd(depth > 4 ? 4 : 7);
      if (r === 0) return null;
      if (r === 1) return rnd(1000) - 500;
      if (r === 2) return keys[rnd(keys.length)];
      if (r === 3) return rnd(2) === 0;
      if (r === 4) return Array.from({ length: rnd(4) }, () => gen(depth + 1));
      return Object.fromEntries(Array.from({ length: rnd(5) }, () => [keys[rnd(keys.length)], gen(depth + 1)]));
    };
    for (let i = 0; i < 500; i++) {
      const text = JSON.stringify(gen(0));
      expect(shape(parseRecords(text)), text).toEqual(shape(reviver(text)));
    }
    // Nesting far deeper than any document: no stack overflow in the walk.
    const deep = `${'{"a":['.repeat(20000)}{}${']}'.repeat(20000)}`;
    let v = parseRecords(deep) as any;
    for (let d = 0; d < 20000; d++) {
      expect(Object.getPrototypeOf(v)).toBeNull();
      v = v.a[0];
    }
    expect(Object.getPrototypeOf(v)).toBeNull();
  });
});
