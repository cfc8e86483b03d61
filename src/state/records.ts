/**
 * Record maps keyed by slugs. `constructor` is a valid task id, and a plain object lookup
 * `tasks["constructor"]` finds `Object.prototype.constructor` (a function), so code that tests
 * "is there a record for this id?" takes the wrong branch. The store therefore hands out every
 * document with null-prototype objects (parsed files and defaults alike), and lookups that may see
 * a map built elsewhere (a spread copy, `Object.fromEntries`) go through `own`.
 */

/** Gives every plain object in a JSON value a null prototype, in place; returns the value. */
export function nullProtoDeep<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (const v of value) nullProtoDeep(v);
    return value;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value; // a Date or class instance: leave it
  if (proto !== null) Object.setPrototypeOf(value, null);
  for (const k of Object.keys(value)) nullProtoDeep((value as Record<string, unknown>)[k]);
  return value;
}

/**
 * JSON.parse that yields null-prototype objects (a `"__proto__"` key stays an ordinary own key:
 * JSON.parse defines every key as an own data property). The prototypes are dropped in one walk
 * after a plain parse, not by a reviver: a reviver calls back for every value and redefines every
 * property, about 5 ms instead of 0.6 ms for a first parse of a 37 KB sessions index (each hook
 * process parses cold). The walk keeps its own stack, so no nesting depth overflows it.
 */
export function parseRecords(text: string): unknown {
  const root: unknown = JSON.parse(text);
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (const x of v) if (x !== null && typeof x === 'object') stack.push(x);
      continue;
    }
    Object.setPrototypeOf(v, null);
    for (const k in v) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== null && typeof x === 'object') stack.push(x);
    }
  }
  return root;
}

/** The record stored under `key`, by own property only. */
export function own<V>(map: Readonly<Record<string, V>> | null | undefined, key: string): V | undefined {
  return map != null && Object.hasOwn(map, key) ? map[key] : undefined;
}

/** A fresh null-prototype map, for record maps built outside the store. */
export function recordMap<V>(entries?: Iterable<readonly [string, V]>): Record<string, V> {
  const m = Object.create(null) as Record<string, V>;
  if (entries) for (const [k, v] of entries) m[k] = v;
  return m;
}
