import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sweepTempFiles, writeFileAtomic } from '../../src/state/atomic.js';
import { defineDoc } from '../../src/state/define.js';
import { StateStore } from '../../src/state/store.js';
import { tempDir } from '../helpers/repo.js';
import { expectClean, runChild, tempsIn } from './helpers.js';

const TASKS_DOC = defineDoc({ name: 'tasks', empty: () => ({ n: 0 }) });
const CFG_DOC = defineDoc({ name: 'cfg', empty: () => ({ value: '' }) });

const mode = (p: string) => fs.statSync(p).mode & 0o777;

describe('writeFileAtomic', () => {
  it('writes, replaces, and leaves files 0600 with no temp behind', () => {
    const dir = tempDir();
    const f = path.join(dir, 'a.json');
    writeFileAtomic(f, '{"a":1}\n');
    writeFileAtomic(f, Buffer.from('{"a":2}\n'));
    expect(fs.readFileSync(f, 'utf8')).toBe('{"a":2}\n');
    expect(mode(f)).toBe(0o600);
    expect(tempsIn(dir)).toEqual([]);
  });

  it('a failing beforeRename leaves the old file and no temp', () => {
    const dir = tempDir();
    const f = path.join(dir, 'a.json');
    writeFileAtomic(f, 'old');
    expect(() =>
      writeFileAtomic(f, 'new', 0o600, {
        beforeRename: () => {
          throw new Error('fenced');
        },
      }),
    ).toThrow('fenced');
    expect(fs.readFileSync(f, 'utf8')).toBe('old');
    expect(tempsIn(dir)).toEqual([]);
  });

  it('sweeps temp files of dead writers and old ones, keeps live and pending ones', () => {
    const dir = tempDir();
    const dead = '.a.json.999999999.abcdef.tmp'; // beyond pid_max: never alive
    const live = `.a.json.${process.pid}.abcdef.tmp`;
    const old = `.b.json.${process.pid}.123456.tmp`;
    const pending = '.c.json.999999999.fedcba.tmp';
    for (const n of [dead, live, old, pending, 'a.json']) fs.writeFileSync(path.join(dir, n), 'x');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    fs.utimesSync(path.join(dir, old), twoHoursAgo, twoHoursAgo);
    expect(sweepTempFiles(dir, new Set([pending]))).toBe(2);
    expect(fs.readdirSync(dir).sort()).toEqual([live, pending, 'a.json'].sort());
    expect(sweepTempFiles(path.join(dir, 'missing'))).toBe(0);
  });
});

describe('StateStore files', () => {
  it('creates the state dir 0700 (tightening a looser one) and docs 0600', async () => {
    const root = tempDir();
    const dir = path.join(root, 'lanes');
    fs.mkdirSync(dir, { mode: 0o755 });
    fs.chmodSync(dir, 0o755);
    const store = await StateStore.open(dir);
    expect(mode(dir)).toBe(0o700);
    await store.update(TASKS_DOC, (d) => void d.n++);
    expect(mode(path.join(dir, 'tasks.json'))).toBe(0o600);
    expect(fs.readFileSync(path.join(dir, 'tasks.json'), 'utf8')).toBe('{"version":1,"data":{"n":1}}\n');
    const nested = path.join(root, 'a', 'b', 'lanes');
    await StateStore.open(nested, { root });
    expect(mode(path.join(root, 'a'))).toBe(0o700);
    expect(mode(nested)).toBe(0o700);
    expectClean(dir);
  });

  it('a writer SIGKILLed between fsync and rename leaves the old doc intact; the temp is swept on open', async () => {
    const dir = path.join(tempDir(), 'lanes');
    const store = await StateStore.open(dir, { staleMs: 2000 });
    await store.update(CFG_DOC, (d) => void (d.value = 'old'));
    const r = await runChild('write', { dir, doc: 'cfg', value: 'new', staleMs: 2000 }, { LANES_FAILPOINT: 'state.before-rename:kill' });
    expect(r.signal).toBe('SIGKILL');
    expect(tempsIn(dir)).toHaveLength(1); // the fsynced new content, never renamed
    const text = fs.readFileSync(path.join(dir, 'cfg.json'), 'utf8');
    expect(JSON.parse(text)).toEqual({ version: 1, data: { value: 'old' } });
    expect((await store.read(CFG_DOC)).data.value).toBe('old');
    // The child died holding the state lock: open waits for it to go stale, then sweeps.
    const t0 = Date.now();
    const again = await StateStore.open(dir, { staleMs: 2000 });
    expect(Date.now() - t0).toBeLessThan(8000); // stale, not the 30 s deadline
    expect(tempsIn(dir)).toEqual([]);
    expect((await again.read(CFG_DOC)).data.value).toBe('old');
    expectClean(dir);
  });
});
