import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchState, type StateWatcher } from '../../src/dashboard/watch.js';
import { tempDir } from '../helpers/repo.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('watchState', () => {
  let w: StateWatcher | undefined;
  let dir: string;
  afterEach(() => {
    w?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('calls back once for a burst of writes, ignores lock and temp files, and stops when closed', async () => {
    dir = tempDir('lanes-watch-');
    let n = 0;
    w = watchState(dir, () => n++, { debounceMs: 50, pollMs: 0, minIntervalMs: 0 });
    fs.writeFileSync(path.join(dir, '.plan.json.123.abc.tmp'), 'x');
    fs.mkdirSync(path.join(dir, 'state.lock'));
    await sleep(300);
    expect(n).toBe(0);
    for (let i = 0; i < 20; i++) fs.appendFileSync(path.join(dir, 'events.jsonl'), `{"i":${i}}\n`);
    await sleep(300);
    expect(n).toBe(1);
    fs.renameSync(path.join(dir, '.plan.json.123.abc.tmp'), path.join(dir, 'plan.json'));
    await sleep(300);
    expect(n).toBe(2);
    w.close();
    fs.appendFileSync(path.join(dir, 'events.jsonl'), 'more\n');
    await sleep(200);
    expect(n).toBe(2);
  });

  it('keeps callbacks at least minIntervalMs apart under a steady stream of writes', async () => {
    dir = tempDir('lanes-watch-');
    const at: number[] = [];
    w = watchState(dir, () => at.push(Date.now()), { debounceMs: 20, pollMs: 0, minIntervalMs: 300 });
    const end = Date.now() + 1300;
    while (Date.now() < end) {
      fs.appendFileSync(path.join(dir, 'events.jsonl'), 'x\n');
      await sleep(20);
    }
    await sleep(350);
    expect(at.length).toBeGreaterThanOrEqual(3);
    expect(at.length).toBeLessThanOrEqual(6);
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(280);
  });

  it('polls when nothing is written', async () => {
    dir = tempDir('lanes-watch-');
    let n = 0;
    w = watchState(dir, () => n++, { debounceMs: 10, pollMs: 100, minIntervalMs: 0 });
    await sleep(550);
    expect(n).toBeGreaterThanOrEqual(3);
  });
});
